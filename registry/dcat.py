"""DCAT-AP catalog of the published datasets (rdflib): JSON-LD and Turtle.

Contact points are the steward departments (their shared mailboxes), never responsible
persons' e-mails.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

from .choices import EU_FREQUENCY_URI
from .quality import split_formats

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
LANGUAGES = {"uk": "UKR", "en": "ENG", "ru": "RUS", "pl": "POL", "de": "DEU"}
LICENSES = {
    "cc-by-4.0": "http://creativecommons.org/licenses/by/4.0/",
    "cc-by": "http://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "http://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-sa": "http://creativecommons.org/licenses/by-sa/4.0/",
    "cc0-1.0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "cc-zero": "http://creativecommons.org/publicdomain/zero/1.0/",
    "odc-by": "http://opendatacommons.org/licenses/by/1-0/",
    "odc-odbl": "http://opendatacommons.org/licenses/odbl/1-0/",
    "odc-pddl": "http://opendatacommons.org/licenses/pddl/1-0/",
}
FILE_TYPES = {"JSON-LD": "JSON_LD", "JSONLD": "JSON_LD", "TTL": "RDF_TURTLE", "TURTLE": "RDF_TURTLE", "RDF": "RDF_XML"}


def site_url(request=None) -> str:
    return request.build_absolute_uri("/").rstrip("/") if request is not None else settings.SITE_URL


def license_uri(license_id: str) -> URIRef | None:
    text = (license_id or "").strip()
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    uri = LICENSES.get(text.lower())
    return URIRef(uri) if uri else None


def catalog_graph(datasets, *, base: str) -> Graph:
    """``datasets``: published datasets with their department loaded (select_related)."""
    g = Graph()
    g.bind("dcat", DCAT)
    g.bind("dct", DCTERMS)
    g.bind("foaf", FOAF)
    g.bind("vcard", VCARD)
    catalog = URIRef(base + reverse("registry:catalog-ttl").rsplit(".", 1)[0])
    publisher = URIRef(base + "/#publisher")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(f"Реєстр наборів даних: {settings.COUNCIL_NAME}", lang="uk")))
    g.add((catalog, DCTERMS.description, Literal("Набори відкритих даних, оприлюднені розпорядником.", lang="uk")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.language, URIRef(EU_LANGUAGE + "UKR")))
    g.add((catalog, FOAF.homepage, URIRef(base + reverse("registry:dataset-list"))))
    g.add((catalog, DCTERMS.modified, Literal(timezone.localdate().isoformat(), datatype=XSD.date)))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(settings.COUNCIL_NAME, lang="uk")))

    for d in datasets:
        node = URIRef(base + reverse("registry:dataset-detail", args=[d.slug]))
        g.add((catalog, DCAT.dataset, node))
        g.add((node, RDF.type, DCAT.Dataset))
        g.add((node, DCTERMS.identifier, Literal(d.identifier)))
        g.add((node, DCTERMS.title, Literal(d.title, lang="uk")))
        if d.description:
            g.add((node, DCTERMS.description, Literal(d.description, lang="uk")))
        g.add((node, DCTERMS.publisher, publisher))
        g.add((node, DCAT.landingPage, node))
        for keyword in d.keyword_list:
            g.add((node, DCAT.keyword, Literal(keyword, lang="uk")))
        language = LANGUAGES.get((d.language or "uk").lower()[:2])
        if language:
            g.add((node, DCTERMS.language, URIRef(EU_LANGUAGE + language)))
        if d.first_published:
            g.add((node, DCTERMS.issued, Literal(d.first_published.isoformat(), datatype=XSD.date)))
        if d.last_updated_at:
            modified = timezone.localtime(d.last_updated_at).replace(microsecond=0).isoformat()
            g.add((node, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
        g.add((node, DCTERMS.accrualPeriodicity, URIRef(EU_FREQUENCY_URI[d.frequency])))
        contact = URIRef(base + f"/#department-{d.department_id}")
        g.add((node, DCAT.contactPoint, contact))
        g.add((contact, RDF.type, VCARD.Organization))
        g.add((contact, VCARD.fn, Literal(d.department.name, lang="uk")))
        if d.department.email:
            g.add((contact, VCARD.hasEmail, URIRef("mailto:" + d.department.email)))
        licence = license_uri(d.license)
        access = d.portal_url or d.data_gov_ua_url or str(node)
        formats = split_formats(d.formats) or [None]
        for i, fmt in enumerate(formats, start=1):
            dist = URIRef(f"{node}#distribution-{i}")
            g.add((node, DCAT.distribution, dist))
            g.add((dist, RDF.type, DCAT.Distribution))
            g.add((dist, DCAT.accessURL, URIRef(access)))
            title = f"{d.title} ({fmt})" if fmt else d.title
            g.add((dist, DCTERMS.title, Literal(title, lang="uk")))
            if fmt:
                g.add((dist, DCTERMS["format"], URIRef(EU_FILE_TYPE + FILE_TYPES.get(fmt, fmt))))
            if licence is not None:
                g.add((dist, DCTERMS.license, licence))
        if licence is not None:
            g.add((node, DCTERMS.license, licence))
        elif d.license:
            other = BNode()
            g.add((node, DCTERMS.license, other))
            g.add((other, RDF.type, DCTERMS.LicenseDocument))
            g.add((other, RDFS.label, Literal(d.license)))
    return g
