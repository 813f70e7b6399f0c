"""The DCAT-AP catalogue as a harvester reads it: triples, IRIs, negotiation and paging."""

import datetime as dt

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from .dcat_world import SITE, make_catalog_world
from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
EU = "http://publications.europa.eu/resource/authority/"
FORMATS = {"turtle": "/registry/catalog.ttl", "json-ld": "/registry/catalog.jsonld", "xml": "/registry/catalog.rdf"}


@pytest.fixture
def world(settings):
    settings.SITE_URL = SITE
    return make_catalog_world()


def fetch(client, url, fmt, **headers) -> Graph:
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    assert "secret.person@example.org" not in response.content.decode()
    return Graph().parse(data=response.content, format=fmt)


def dataset_iri(slug):
    return URIRef(f"{SITE}/registry/{slug}/#dataset")


@pytest.mark.parametrize("fmt", FORMATS)
def test_catalogue_holds_the_published_datasets_with_typed_vocabularies(client, world, fmt):
    g = fetch(client, FORMATS[fmt], fmt)
    catalog = URIRef(f"{SITE}/registry/catalog")
    assert list(g.subjects(RDF.type, DCAT.Catalog)) == [catalog]
    assert set(g.subjects(RDF.type, DCAT.Dataset)) == {dataset_iri(s) for s in ("budget", "stops", "schools")}
    assert (catalog, DCAT.themeTaxonomy, URIRef(EU + "data-theme")) in g
    assert (URIRef(EU + "data-theme"), RDF.type, SKOS.ConceptScheme) in g
    assert (catalog, DCTERMS.spatial, URIRef("https://sws.geonames.org/691650/")) in g
    assert g.value(catalog, DCTERMS.issued) is not None
    assert (catalog, DCTERMS.license, URIRef("http://creativecommons.org/licenses/by/4.0/")) in g

    ds = dataset_iri("budget")
    assert (ds, DCTERMS.title, Literal("Бюджет міста", lang="uk")) in g
    assert (ds, DCTERMS.identifier, Literal("budget-2024")) in g
    assert (ds, DCAT.landingPage, URIRef(f"{SITE}/registry/budget/")) in g
    assert (URIRef(f"{SITE}/registry/budget/"), RDF.type, FOAF.Document) in g
    frequency = URIRef(EU + "frequency/QUARTERLY")
    assert (ds, DCTERMS.accrualPeriodicity, frequency) in g
    assert (frequency, RDF.type, DCTERMS.Frequency) in g
    assert (ds, DCTERMS.language, URIRef(EU + "language/UKR")) in g
    assert (URIRef(EU + "language/UKR"), RDF.type, DCTERMS.LinguisticSystem) in g
    licence = URIRef("http://creativecommons.org/licenses/by/4.0/")
    assert (ds, DCTERMS.license, licence) in g
    assert (licence, RDF.type, DCTERMS.LicenseDocument) in g
    assert (ds, DCAT.theme, URIRef(EU + "data-theme/ECON")) in g
    assert (ds, DCTERMS.spatial, URIRef("https://sws.geonames.org/691650/")) in g
    period = g.value(ds, DCTERMS.temporal)
    assert g.value(period, DCAT.startDate).toPython() == dt.date(2019, 1, 1)
    assert g.value(period, DCAT.endDate).toPython() == dt.date(2024, 12, 31)
    assert {str(k) for k in g.objects(ds, DCAT.keyword)} == {"бюджет", "фінанси"}
    assert g.value(ds, DCTERMS.issued).toPython() == dt.date(2020, 2, 3)
    publisher = g.value(ds, DCTERMS.publisher)
    assert g.value(publisher, DCTERMS.type) == URIRef("http://purl.org/adms/publishertype/LocalAuthority")

    contact = g.value(ds, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in g
    assert str(g.value(contact, VCARD.fn)) == world["budget"].department.name
    assert g.value(contact, VCARD.hasEmail) == URIRef("mailto:" + world["budget"].department.email)


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_distribution_per_distinct_link(client, world, fmt):
    g = fetch(client, FORMATS[fmt], fmt)
    budget = {g.value(d, DCAT.accessURL): d for d in g.objects(dataset_iri("budget"), DCAT.distribution)}
    assert set(budget) == {
        URIRef("https://opendata.example.org/budget"),
        URIRef("https://data.gov.ua/dataset/budget"),
        URIRef("https://opendata.example.org/files/budget-2024.csv"),
    }
    csv_file = budget[URIRef("https://opendata.example.org/files/budget-2024.csv")]
    assert g.value(csv_file, DCAT.downloadURL) == URIRef("https://opendata.example.org/files/budget-2024.csv")
    assert g.value(csv_file, DCAT.mediaType) == URIRef("http://www.iana.org/assignments/media-types/text/csv")
    assert g.value(csv_file, DCTERMS["format"]) == URIRef(EU + "file-type/CSV")
    page = budget[URIRef("https://opendata.example.org/budget")]
    assert g.value(page, DCAT.downloadURL) is None  # a page, not a file
    assert g.value(page, DCTERMS["format"]) == URIRef(EU + "file-type/CSV")
    assert "CSV, JSON" in str(g.value(page, DCTERMS.description))
    for dist in budget.values():
        assert g.value(dist, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")

    stops = list(g.objects(dataset_iri("stops"), DCAT.distribution))
    assert len(stops) == 1  # portal and data.gov.ua links are the same page
    schools = list(g.objects(dataset_iri("schools"), DCAT.distribution))
    assert [g.value(d, DCTERMS["format"]) for d in schools] == [URIRef(EU + "file-type/XLSX")]
    for ds in g.subjects(RDF.type, DCAT.Dataset):
        urls = [g.value(d, DCAT.accessURL) for d in g.objects(ds, DCAT.distribution)]
        assert len(urls) == len(set(urls))


def test_iris_come_from_site_url_not_the_host_header(client, world, settings):
    settings.ALLOWED_HOSTS = ["*"]
    g = fetch(client, "/registry/catalog.ttl", "turtle", HTTP_HOST="mirror.example.net")
    assert not [t for t in g if any("mirror.example.net" in str(term) for term in t)]
    assert dataset_iri("budget") in set(g.subjects(RDF.type, DCAT.Dataset))


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")],
)
def test_catalogue_iri_negotiates_the_serialisation(client, world, accept, fmt):
    response = client.get("/registry/catalog", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(accept)
    assert "Accept" in response["Vary"]
    g = Graph().parse(data=response.content, format=fmt)
    assert (URIRef(f"{SITE}/registry/catalog"), RDF.type, DCAT.Catalog) in g


@pytest.mark.parametrize("accept", ["text/html,application/xhtml+xml,*/*;q=0.8", "*/*"])
def test_catalogue_iri_sends_browsers_to_the_registry_page(client, world, accept):
    response = client.get("/registry/catalog", HTTP_ACCEPT=accept)
    assert response.status_code == 303
    assert response["Location"] == "/registry/"


def test_catalogue_iri_refuses_what_it_cannot_serve(client, world):
    response = client.get("/registry/catalog", HTTP_ACCEPT="application/pdf")
    assert response.status_code == 406
    assert "text/turtle" in response.content.decode()


def test_content_types(client, world):
    assert client.get("/registry/catalog.ttl")["Content-Type"].startswith("text/turtle")
    assert client.get("/registry/catalog.jsonld")["Content-Type"].startswith("application/ld+json")
    assert client.get("/registry/catalog.rdf")["Content-Type"].startswith("application/rdf+xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_hydra_paging_walks_every_dataset_once(client, world, settings, fmt):
    settings.CATALOG_PAGE_SIZE = 2
    for n in range(3):
        DatasetFactory(slug=f"extra-{n}", identifier=f"extra-{n}")
    seen, url, pages = [], f"{SITE}{FORMATS[fmt]}", 0
    while url:
        g = fetch(client, url.removeprefix(SITE), fmt)
        view = URIRef(url if "?" in url else url + "?page=1")
        assert (view, RDF.type, HYDRA.PartialCollectionView) in g
        assert g.value(view, HYDRA.first) == URIRef(f"{SITE}{FORMATS[fmt]}?page=1")
        assert g.value(view, HYDRA.last) == URIRef(f"{SITE}{FORMATS[fmt]}?page=3")
        assert g.value(view, HYDRA.totalItems).toPython() == 6
        seen += list(g.subjects(RDF.type, DCAT.Dataset))
        pages += 1
        following = g.value(view, HYDRA.next)
        url = str(following) if following else None
    assert pages == 3
    assert len(seen) == len(set(seen)) == 6


def test_negotiated_pages_link_to_the_catalogue_iri(client, world, settings):
    settings.CATALOG_PAGE_SIZE = 2
    response = client.get("/registry/catalog?page=2", HTTP_ACCEPT="text/turtle")
    g = Graph().parse(data=response.content, format="turtle")
    view = URIRef(f"{SITE}/registry/catalog?page=2")
    assert g.value(view, HYDRA.next) is None
    assert g.value(view, HYDRA.previous) == URIRef(f"{SITE}/registry/catalog?page=1")


@pytest.mark.parametrize("page", ["0", "3", "abc", "-1"])
def test_a_page_that_does_not_exist_is_a_404(client, world, settings, page):
    settings.CATALOG_PAGE_SIZE = 2
    response = client.get(f"/registry/catalog.ttl?page={page}")
    assert response.status_code == 404
    assert "сторінки" in response.content.decode()


def test_query_count_does_not_grow_with_the_catalogue(client, world, django_assert_max_num_queries):
    for n in range(20):
        DatasetFactory(slug=f"more-{n}", identifier=f"more-{n}")
    with django_assert_max_num_queries(3):
        assert client.get("/registry/catalog.ttl").status_code == 200


def test_empty_catalog_parses(client, db):
    g = Graph().parse(data=client.get("/registry/catalog.ttl").content.decode(), format="turtle")
    assert len(list(g.subjects(RDF.type, DCAT.Catalog))) == 1
    assert not list(g.subjects(RDF.type, DCAT.Dataset))


def test_head_is_answered_like_get(client, world):
    """Harvesters check a catalogue with HEAD before they fetch it."""
    for url in ("/registry/catalog.ttl", "/registry/catalog.jsonld", "/registry/catalog.rdf"):
        response = client.head(url)
        assert response.status_code == 200
        assert response.content == b""
    assert client.head("/registry/catalog", HTTP_ACCEPT="text/turtle").status_code == 200
