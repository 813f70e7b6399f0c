import datetime as dt

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from registry.choices import DatasetStatus, Frequency

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
VCARD = "http://www.w3.org/2006/vcard/ns#"
EU = "http://publications.europa.eu/resource/authority/"


@pytest.fixture
def datasets():
    published = DatasetFactory(
        slug="budget", identifier="budget-2024", title="Бюджет міста", keywords="бюджет, фінанси",
        formats="CSV, JSON", frequency=Frequency.QUARTERLY, first_published=dt.date(2020, 2, 3),
        portal_url="https://opendata.example.org/budget", responsible_email="secret.person@example.org",
    )  # fmt: skip
    hidden = DatasetFactory(slug="draft", status=DatasetStatus.PLANNED)
    return published, hidden


@pytest.mark.parametrize(("url", "fmt"), [("/registry/catalog.ttl", "turtle"), ("/registry/catalog.jsonld", "json-ld")])
def test_catalog_parses_and_has_the_right_triples(client, datasets, url, fmt):
    published, hidden = datasets
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "secret.person@example.org" not in body
    g = Graph().parse(data=body, format=fmt)
    catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    ds = URIRef("http://testserver/registry/budget/")
    assert (catalogs[0], DCAT.dataset, ds) in g
    assert (URIRef("http://testserver/registry/draft/"), RDF.type, DCAT.Dataset) not in g
    assert set(g.subjects(RDF.type, DCAT.Dataset)) == {ds}
    assert (ds, DCTERMS.title, Literal("Бюджет міста", lang="uk")) in g
    assert (ds, DCTERMS.identifier, Literal("budget-2024")) in g
    assert (ds, DCTERMS.accrualPeriodicity, URIRef(EU + "frequency/QUARTERLY")) in g
    assert (ds, DCTERMS.language, URIRef(EU + "language/UKR")) in g
    assert (ds, DCTERMS.license, URIRef("http://creativecommons.org/licenses/by/4.0/")) in g
    assert {str(k) for k in g.objects(ds, DCAT.keyword)} == {"бюджет", "фінанси"}
    assert g.value(ds, DCTERMS.issued).toPython() == dt.date(2020, 2, 3)
    assert g.value(ds, DCTERMS.modified) is not None
    assert g.value(ds, DCTERMS.publisher) is not None
    distributions = list(g.objects(ds, DCAT.distribution))
    assert {g.value(d, DCTERMS["format"]) for d in distributions} == {
        URIRef(EU + "file-type/CSV"),
        URIRef(EU + "file-type/JSON"),
    }
    assert {g.value(d, DCAT.accessURL) for d in distributions} == {URIRef("https://opendata.example.org/budget")}
    contact = g.value(ds, DCAT.contactPoint)
    assert (contact, RDF.type, URIRef(VCARD + "Organization")) in g
    assert str(g.value(contact, URIRef(VCARD + "fn"))) == published.department.name
    assert g.value(contact, URIRef(VCARD + "hasEmail")) == URIRef("mailto:" + published.department.email)


def test_catalog_content_types(client, datasets):
    assert client.get("/registry/catalog.ttl")["Content-Type"].startswith("text/turtle")
    assert client.get("/registry/catalog.jsonld")["Content-Type"].startswith("application/ld+json")


def test_empty_catalog_parses(client, db):
    g = Graph().parse(data=client.get("/registry/catalog.ttl").content.decode(), format="turtle")
    assert len(list(g.subjects(RDF.type, DCAT.Catalog))) == 1
    assert not list(g.subjects(RDF.type, DCAT.Dataset))
