"""DCAT-AP 3.0 (and 2.1.1) catalogue of the published datasets, as an rdflib graph.

Every linked resource carries its class (the range shapes check it): formats are EU file
types (``dct:MediaTypeOrExtent``), languages EU languages (``dct:LinguisticSystem``),
frequencies EU frequencies (``dct:Frequency``), themes EU data themes (``skos:Concept``).
IRIs are built from ``SITE_URL`` only, never from the request, so they do not change with
how the site is reached. Contact points are the steward departments (their shared mailboxes),
never responsible persons. One distribution per distinct link a dataset has (city portal,
data.gov.ua, the latest update's link); a link to a file is also its download URL with a
media type. Byte sizes are not known to the registry and are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from . import dcat_vocab as vocab
from .choices import EU_DATA_THEME, EU_FREQUENCY_URI, DataTheme
from .quality import split_formats

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
GSP = Namespace("http://www.opengis.net/ont/geosparql#")

CATALOG_TITLE = gettext_noop("Реєстр наборів даних: %(council)s")
CATALOG_DESCRIPTION = gettext_noop("Набори відкритих даних, оприлюднені розпорядником: %(council)s.")
LINK_DESCRIPTIONS = {
    "portal": gettext_noop("Набір на міському порталі відкритих даних."),
    "data-gov-ua": gettext_noop("Набір на Єдиному державному веб-порталі відкритих даних (data.gov.ua)."),
    "update": gettext_noop("Дані останнього оновлення набору."),
}
LINK_TITLES = {
    "portal": gettext_noop("міський портал"),
    "data-gov-ua": gettext_noop("data.gov.ua"),
    "update": gettext_noop("останнє оновлення"),
}
DISTRIBUTION_TITLE = gettext_noop("%(title)s (%(kind)s)")
FILE_DESCRIPTION = gettext_noop("Файл у форматі %(format)s.")
PAGE_FORMATS_DESCRIPTION = gettext_noop("Формати даних: %(formats)s.")


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def catalog_iri(base: str) -> str:
    return base + reverse("registry:catalog")


@dataclass(frozen=True)
class CatalogPage:
    """One page of the catalogue; ``url(n)`` is the IRI of page n in the same serialisation."""

    number: int
    last: int
    total: int
    size: int
    url: Callable[[int], str]


def _texts(*messages: str, languages=("uk", "en"), **params) -> list[Literal]:
    """The messages (joined) in Ukrainian and, where translated, in English, language-tagged."""
    out = []
    for lang in languages:
        with translation.override(lang):
            text = " ".join(gettext(m) % params if params else gettext(m) for m in messages)
        if not out or text != str(out[0]):
            out.append(Literal(text, lang=lang))
    return out


class _CatalogBuilder:
    def __init__(self, *, base: str):
        self.base = base
        self.g = Graph()
        for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("skos", SKOS)):
            self.g.bind(prefix, ns)
        self.g.bind("dcatap", DCATAP)
        self.g.bind("hydra", HYDRA)
        self.catalog = URIRef(catalog_iri(base))
        self.publisher = URIRef(base + "/#publisher")
        self.spatial = URIRef(settings.COUNCIL_SPATIAL_URI)

    # -- typed linked resources: each added once with its class -----------------------------
    def typed(self, iri: str, cls) -> URIRef:
        node = URIRef(iri)
        self.g.add((node, RDF.type, cls))
        return node

    def concept(self, iri: str, **labels: str) -> URIRef:
        """A SKOS concept of a controlled vocabulary with its labels (``uk=..., en=...``)."""
        node = self.typed(iri, SKOS.Concept)
        for lang, label in labels.items():
            self.g.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
        return node

    def licence(self, license_id: str):
        iri = vocab.license_iri(license_id)
        if iri is None:
            if not (license_id or "").strip():
                return None
            node = BNode()  # a licence we cannot name by IRI: described by its label
            self.g.add((node, RDF.type, DCTERMS.LicenseDocument))
            self.g.add((node, RDFS.label, Literal(license_id)))
            return node
        node = self.typed(iri, DCTERMS.LicenseDocument)
        for licence_type in vocab.license_types(iri):
            label = vocab.LICENCE_TYPE_LABELS[licence_type.rsplit("/", 1)[1]]
            self.g.add((node, DCTERMS.type, self.concept(licence_type, en=label)))
        return node

    def language(self, code: str):
        iri = vocab.language_iri(code)
        return self.typed(iri, DCTERMS.LinguisticSystem) if iri else None

    def file_type(self, fmt: str):
        iri = vocab.file_type_iri(fmt)
        if iri:
            return self.typed(iri, DCTERMS.MediaTypeOrExtent)
        node = BNode()  # not in the EU table (e.g. "API"): the registry's own name for it
        self.g.add((node, RDF.type, DCTERMS.MediaTypeOrExtent))
        self.g.add((node, RDFS.label, Literal(fmt)))
        return node

    def document(self, iri: str) -> URIRef:
        return self.typed(iri, FOAF.Document)

    # -- the catalogue ------------------------------------------------------------------------
    def add_catalog(self, *, modified):
        g, catalog, council = self.g, self.catalog, settings.COUNCIL_NAME
        g.add((catalog, RDF.type, DCAT.Catalog))
        for literal in _texts(CATALOG_TITLE, council=council):
            g.add((catalog, DCTERMS.title, literal))
        for literal in _texts(CATALOG_DESCRIPTION, council=council):
            g.add((catalog, DCTERMS.description, literal))
        g.add((catalog, DCTERMS.publisher, self.publisher))
        g.add((catalog, DCTERMS.language, self.language("uk")))
        g.add((catalog, FOAF.homepage, self.document(self.base + reverse("registry:dataset-list"))))
        g.add((catalog, DCTERMS.issued, Literal(settings.CATALOG_ISSUED, datatype=XSD.date)))
        if modified is not None:
            g.add((catalog, DCTERMS.modified, _datetime(modified)))
        licence = self.licence(settings.CATALOG_LICENSE)
        if licence is not None:
            g.add((catalog, DCTERMS.license, licence))
        g.add((catalog, DCTERMS.spatial, self.add_spatial()))
        scheme = self.typed(vocab.EU_DATA_THEME_SCHEME, SKOS.ConceptScheme)
        g.add((scheme, DCTERMS.title, Literal("Data theme", lang="en")))
        g.add((catalog, DCAT.themeTaxonomy, scheme))

        g.add((self.publisher, RDF.type, FOAF.Agent))
        g.add((self.publisher, RDF.type, FOAF.Organization))
        g.add((self.publisher, FOAF.name, Literal(council, lang="uk")))
        g.add((self.publisher, FOAF.homepage, self.document(self.base + "/")))
        local_authority = self.concept(
            vocab.ADMS_PUBLISHER_TYPE + "LocalAuthority", uk="Орган місцевого самоврядування", en="Local Authority"
        )
        g.add((self.publisher, DCTERMS.type, local_authority))

    def add_spatial(self) -> URIRef:
        node = self.typed(str(self.spatial), DCTERMS.Location)
        if settings.COUNCIL_SPATIAL_BBOX:
            self.g.add((node, DCAT.bbox, Literal(settings.COUNCIL_SPATIAL_BBOX, datatype=GSP.wktLiteral)))
        if settings.COUNCIL_SPATIAL_CENTROID:
            self.g.add((node, DCAT.centroid, Literal(settings.COUNCIL_SPATIAL_CENTROID, datatype=GSP.wktLiteral)))
        return node

    def add_paging(self, page: CatalogPage):
        view = URIRef(page.url(page.number))
        g = self.g
        g.add((view, RDF.type, HYDRA.PartialCollectionView))
        g.add((view, HYDRA.totalItems, Literal(page.total, datatype=XSD.integer)))
        g.add((view, HYDRA.itemsPerPage, Literal(page.size, datatype=XSD.integer)))
        g.add((view, HYDRA.first, URIRef(page.url(1))))
        g.add((view, HYDRA.last, URIRef(page.url(page.last))))
        if page.number < page.last:
            g.add((view, HYDRA.next, URIRef(page.url(page.number + 1))))
        if page.number > 1:
            g.add((view, HYDRA.previous, URIRef(page.url(page.number - 1))))

    # -- datasets ------------------------------------------------------------------------------
    def add_dataset(self, d):
        g = self.g
        landing = self.base + reverse("registry:dataset-detail", args=[d.slug])
        node = URIRef(landing + "#dataset")
        g.add((self.catalog, DCAT.dataset, node))
        g.add((node, RDF.type, DCAT.Dataset))
        g.add((node, DCTERMS.identifier, Literal(d.identifier)))
        g.add((node, DCTERMS.title, Literal(d.title, lang="uk")))
        if d.description:
            g.add((node, DCTERMS.description, Literal(d.description, lang="uk")))
        g.add((node, DCTERMS.publisher, self.publisher))
        g.add((node, DCAT.landingPage, self.document(landing)))
        for keyword in d.keyword_list:
            g.add((node, DCAT.keyword, Literal(keyword, lang="uk")))
        language = self.language(d.language)
        if language is not None:
            g.add((node, DCTERMS.language, language))
        if d.first_published:
            g.add((node, DCTERMS.issued, Literal(d.first_published.isoformat(), datatype=XSD.date)))
        if d.last_updated_at:
            g.add((node, DCTERMS.modified, _datetime(d.last_updated_at)))
        frequency = self.typed(EU_FREQUENCY_URI[d.frequency], DCTERMS.Frequency)
        g.add((node, DCTERMS.accrualPeriodicity, frequency))
        g.add((node, DCTERMS.spatial, self.spatial))
        if d.theme:
            theme = self.concept(EU_DATA_THEME + d.theme, uk=DataTheme(d.theme).label)
            g.add((theme, SKOS.inScheme, URIRef(vocab.EU_DATA_THEME_SCHEME)))
            g.add((node, DCAT.theme, theme))
        if d.temporal_start or d.temporal_end:
            period = BNode()
            g.add((period, RDF.type, DCTERMS.PeriodOfTime))
            if d.temporal_start:
                g.add((period, DCAT.startDate, Literal(d.temporal_start.isoformat(), datatype=XSD.date)))
            if d.temporal_end:
                g.add((period, DCAT.endDate, Literal(d.temporal_end.isoformat(), datatype=XSD.date)))
            g.add((node, DCTERMS.temporal, period))
        g.add((node, DCAT.contactPoint, self.add_contact(d.department)))
        licence = self.licence(d.license)
        if licence is not None:
            g.add((node, DCTERMS.license, licence))
        for key, url in dataset_links(d):
            g.add((node, DCAT.distribution, self.add_distribution(d, landing, key, url, licence)))

    def add_contact(self, department) -> URIRef:
        """The steward department as a vCard organisation, with its shared mailbox."""
        contact = URIRef(f"{self.base}/#department-{department.pk}")
        self.g.add((contact, RDF.type, VCARD.Kind))
        self.g.add((contact, RDF.type, VCARD.Organization))
        self.g.add((contact, VCARD.fn, Literal(department.name, lang="uk")))
        if department.email:
            self.g.add((contact, VCARD.hasEmail, URIRef("mailto:" + department.email)))
        return contact

    def add_distribution(self, d, landing: str, key: str, url: str, licence) -> URIRef:
        g = self.g
        dist = URIRef(f"{landing}#distribution-{key}")
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.accessURL, URIRef(url)))
        file_format = vocab.download_format(url)
        declared = split_formats(d.formats)
        if file_format:
            g.add((dist, DCAT.downloadURL, URIRef(url)))
            fmt = file_format
            media_type = vocab.media_type_iri(fmt)
            if media_type:
                g.add((dist, DCAT.mediaType, self.typed(media_type, DCTERMS.MediaType)))
            descriptions = [LINK_DESCRIPTIONS[key], FILE_DESCRIPTION]
        else:
            # A page that offers the data: its format is the first one the registry declares.
            fmt = declared[0] if declared else None
            descriptions = [LINK_DESCRIPTIONS[key]] + ([PAGE_FORMATS_DESCRIPTION] if declared else [])
        kind = fmt if file_format else LINK_TITLES[key]
        # The dataset's title is Ukrainian only, so is the distribution's.
        for literal in _texts(DISTRIBUTION_TITLE, languages=("uk",), title=d.title, kind=kind):
            g.add((dist, DCTERMS.title, literal))
        for literal in _texts(*descriptions, format=fmt, formats=", ".join(declared)):
            g.add((dist, DCTERMS.description, literal))
        if fmt:
            g.add((dist, DCTERMS["format"], self.file_type(fmt)))
        if licence is not None:
            g.add((dist, DCTERMS.license, licence))
        available = self.concept(vocab.EU_AVAILABILITY + "AVAILABLE", uk="Доступний", en="Available")
        g.add((dist, DCATAP.availability, available))
        return dist


def dataset_links(d) -> list[tuple[str, str]]:
    """(key, url) of each distinct link of a dataset, in a stable order."""
    seen, links = set(), []
    candidates = (
        ("portal", d.portal_url),
        ("data-gov-ua", d.data_gov_ua_url),
        ("update", getattr(d, "latest_update_link", None)),
    )
    for key, url in candidates:
        url = (url or "").strip()
        if url and url not in seen:
            seen.add(url)
            links.append((key, url))
    return links


def _datetime(moment) -> Literal:
    return Literal(timezone.localtime(moment).replace(microsecond=0).isoformat(), datatype=XSD.dateTime)


def catalog_graph(datasets, *, base: str, modified=None, page: CatalogPage | None = None) -> Graph:
    """``datasets``: one page of ``selectors.dataset_catalog()``; ``page`` adds hydra paging."""
    builder = _CatalogBuilder(base=base)
    builder.add_catalog(modified=modified)
    if page is not None:
        builder.add_paging(page)
    for d in datasets:
        builder.add_dataset(d)
    return builder.g
