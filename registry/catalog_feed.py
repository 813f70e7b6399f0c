"""The DCAT catalogue as served: serialisations, content negotiation and hydra paging.

Views call ``catalog_document``; it builds one page of the graph and serialises it. Pages
hold ``CATALOG_PAGE_SIZE`` datasets each, in title order; every page carries the catalogue
and a ``hydra:PartialCollectionView`` with first/last/next/previous.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from . import selectors
from .dcat import CatalogPage, catalog_graph, site_url

# Serialisation name -> (rdflib format, content type, URL name of its own endpoint).
SERIALISATIONS = {
    "turtle": ("turtle", "text/turtle; charset=utf-8", "registry:catalog-ttl"),
    "json-ld": ("json-ld", "application/ld+json; charset=utf-8", "registry:catalog-jsonld"),
    "rdf-xml": ("xml", "application/rdf+xml; charset=utf-8", "registry:catalog-rdf"),
}
MEDIA_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "rdf-xml"}


class PageNotFound(ValueError):
    """A page number that is not a whole number from 1 to the last page."""


@dataclass(frozen=True)
class CatalogDocument:
    body: bytes
    content_type: str


def page_number(raw: str | None, last: int) -> int:
    if raw in (None, ""):
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= last:
        raise PageNotFound(raw)
    return int(raw)


def catalog_document(*, serialisation: str, page: str | None = None, url_name: str | None = None) -> CatalogDocument:
    """One page of the catalogue in ``serialisation``; page links point at ``url_name``
    (the serialisation's own endpoint unless given, e.g. the negotiated ``/registry/catalog``)."""
    rdf_format, content_type, own_url_name = SERIALISATIONS[serialisation]
    size = max(1, settings.CATALOG_PAGE_SIZE)
    total, modified = selectors.catalog_summary()
    last = max(1, -(-total // size))
    number = page_number(page, last)
    endpoint = site_url() + reverse(url_name or own_url_name)
    paging = CatalogPage(number=number, last=last, total=total, size=size, url=lambda n: f"{endpoint}?page={n}")
    datasets = selectors.dataset_catalog()[(number - 1) * size : number * size]
    graph = catalog_graph(datasets, base=site_url(), modified=modified, page=paging)
    body = graph.serialize(format=rdf_format, encoding="utf-8")
    return CatalogDocument(body=body, content_type=content_type)
