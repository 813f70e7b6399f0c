"""ckanext-dcat's RDFParser (what CKAN and EU portals harvest DCAT with) reads the catalogue.

ckanext-dcat is used as installed from PyPI; `ckan_shim` stands in for the few `ckan`
modules it imports (CKAN itself is not installed in the test environment).
"""

import pytest

from . import ckan_shim
from .dcat_world import SITE, make_catalog_world
from .factories import DatasetFactory

ckan_shim.install()
from ckanext.dcat.processors import RDFParser  # noqa: E402

pytestmark = pytest.mark.django_db
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


def harvest(client, url, profile) -> tuple[list[dict], str | None]:
    parser = RDFParser(profiles=[profile])
    response = client.get(url.removeprefix(SITE))
    assert response.status_code == 200
    parser.parse(response.content.decode(), _format="turtle")
    return list(parser.datasets()), parser.next_page()


@pytest.fixture
def world(settings):
    settings.SITE_URL = SITE
    return make_catalog_world()


@pytest.mark.parametrize("profile", ["euro_dcat_ap_3", "euro_dcat_ap_2"])
def test_parser_reads_one_dataset_per_published_dataset(client, world, profile):
    datasets, next_page = harvest(client, "/registry/catalog.ttl", profile)
    assert next_page is None
    by_title = {d["title"]: d for d in datasets}
    assert sorted(by_title) == sorted(world[k].title for k in ("budget", "stops", "schools"))

    budget = by_title["Бюджет міста"]
    extras = {e["key"]: e["value"] for e in budget.get("extras", [])}
    frequency = budget.get("frequency") or extras.get("frequency")
    assert frequency == "http://publications.europa.eu/resource/authority/frequency/QUARTERLY"
    resources = {r["url"]: r for r in budget["resources"]}
    assert set(resources) == {
        "https://opendata.example.org/budget",
        "https://data.gov.ua/dataset/budget",
        "https://opendata.example.org/files/budget-2024.csv",
    }
    csv_file = resources["https://opendata.example.org/files/budget-2024.csv"]
    # CKAN keeps DCAT-AP 3's format and media type IRIs as they are.
    assert csv_file["format"] == EU_FILE_TYPE + "CSV"
    assert csv_file["download_url"] == "https://opendata.example.org/files/budget-2024.csv"
    assert csv_file["mimetype"] == "http://www.iana.org/assignments/media-types/text/csv"
    assert len({r["name"] for r in budget["resources"]}) == 3
    assert all(r["description"] for r in budget["resources"])
    assert [r["format"] for r in by_title["Заклади освіти"]["resources"]] == [EU_FILE_TYPE + "XLSX"]
    assert len(by_title["Зупинки громадського транспорту"]["resources"]) == 1
    assert {t["name"] for t in budget["tags"]} == {"бюджет", "фінанси"}


def test_parser_follows_hydra_pages_to_every_dataset(client, world, settings):
    settings.CATALOG_PAGE_SIZE = 2
    for n in range(2):
        DatasetFactory(slug=f"extra-{n}", identifier=f"extra-{n}")
    titles, url, pages = [], f"{SITE}/registry/catalog.ttl", 0
    while url and pages < 10:
        datasets, url = harvest(client, url, "euro_dcat_ap_3")
        titles += [d["title"] for d in datasets]
        pages += 1
    assert pages == 3
    assert len(titles) == len(set(titles)) == 5
