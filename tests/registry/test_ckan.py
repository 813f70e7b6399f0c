"""The CKAN-compatible endpoints answer with the shapes CKAN 2.9 (data.gov.ua) answers with."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.db import connection

from registry.choices import DatasetStatus
from registry.models import Dataset

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
RECORDED = Path(__file__).parent / "ckan"


def recorded(name):
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def assert_same_shape(ours, theirs, path="$"):
    """Every key CKAN sends is there, with a value of a compatible JSON type."""
    if isinstance(theirs, dict):
        assert isinstance(ours, dict), path
        missing = set(theirs) - set(ours)
        assert not missing, f"{path}: missing {sorted(missing)}"
        for key, value in theirs.items():
            assert_same_shape(ours[key], value, f"{path}.{key}")
    elif isinstance(theirs, list):
        assert isinstance(ours, list), path
        if theirs and ours:
            assert_same_shape(ours[0], theirs[0], f"{path}[0]")
    elif theirs is not None and ours is not None:
        kinds = (int, float) if isinstance(theirs, int | float) and not isinstance(theirs, bool) else type(theirs)
        assert isinstance(ours, kinds), f"{path}: {type(ours).__name__} instead of {type(theirs).__name__}"


@pytest.fixture
def datasets():
    budget = DatasetFactory(
        slug="budget", identifier="budget-2024", title="Бюджет міста", keywords="бюджет, фінанси",
        formats="CSV, XLSX", responsible_email="secret.person@example.org", description="Показники бюджету",
    )  # fmt: skip
    routes = DatasetFactory(slug="routes", title="Маршрути транспорту", keywords="транспорт")
    draft = DatasetFactory(slug="draft", status=DatasetStatus.PLANNED)
    return budget, routes, draft


def test_package_list(client, datasets):
    body = client.get("/api/3/action/package_list").json()
    assert_same_shape(body, recorded("package_list.json"))
    assert body["success"] is True and sorted(body["result"]) == ["budget", "routes"]


@pytest.mark.parametrize("key", ["budget", "budget-2024"])
def test_package_show_by_slug_or_identifier(client, datasets, key):
    response = client.get("/api/3/action/package_show", {"id": key})
    assert response.status_code == 200
    body = response.json()
    assert_same_shape(body, recorded("package_show.json"))
    result = body["result"]
    assert result["name"] == "budget" and result["id"] == "budget-2024"
    assert [t["name"] for t in result["tags"]] == ["бюджет", "фінанси"]
    assert [r["format"] for r in result["resources"]] == ["CSV", "XLSX"]
    assert result["update_frequency"] == "Щомісяця"  # data.gov.ua's word, which the importer reads back
    assert "secret.person@example.org" not in response.content.decode()
    assert result["maintainer_email"] == datasets[0].department.email


def test_package_show_not_found_uses_ckan_error_envelope(client, datasets):
    for key in ("nope", "draft"):
        response = client.get("/api/3/action/package_show", {"id": key})
        assert response.status_code == 404
        body = response.json()
        assert_same_shape(body, recorded("package_show_not_found.json"))
        assert body["success"] is False and body["error"]["__type"] == "Not Found Error"


def test_package_show_without_id_is_a_validation_error(client, db):
    response = client.get("/api/3/action/package_show")
    assert response.status_code == 409
    assert response.json()["error"]["__type"] == "Validation Error"


def test_package_search(client, datasets):
    body = client.get("/api/3/action/package_search", {"q": "бюджет"}).json()
    assert_same_shape(body, recorded("package_search.json"))
    assert body["result"]["count"] == 1 and body["result"]["results"][0]["name"] == "budget"
    everything = client.get("/api/3/action/package_search", {"rows": 1, "start": 1, "sort": "title asc"}).json()
    everything = everything["result"]
    assert everything["count"] == 2 and len(everything["results"]) == 1
    assert everything["results"][0]["name"] == "routes"
    assert client.get("/api/3/action/package_search", {"q": "*:*"}).json()["result"]["count"] == 2
    assert client.get("/api/3/action/package_search", {"rows": "x"}).status_code == 409


def test_organization_list(client, datasets):
    body = client.get("/api/3/action/organization_list").json()
    assert_same_shape(body, recorded("organization_list.json"))
    # Only departments that publish: the draft's department is not an organization of the catalogue.
    assert len(body["result"]) == 2 and all(isinstance(name, str) for name in body["result"])
    full = client.get("/api/3/action/organization_list", {"all_fields": "true"}).json()["result"]
    assert {o["title"] for o in full} == {d.department.name for d in datasets[:2]}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="relevance needs PostgreSQL's full text")
def test_default_sort_puts_title_matches_first(client, db):
    in_title = DatasetFactory(slug="in-title", title="Звіт про бюджет", description="Таблиці. " * 20)
    in_text = DatasetFactory(slug="in-text", title="Звіт про доходи", description="Доходи бюджету. " * 20)
    Dataset.objects.filter(pk=in_text.pk).update(updated_at=in_title.updated_at + dt.timedelta(days=1))
    names = [p["name"] for p in client.get("/api/3/action/package_search", {"q": "бюджет"}).json()["result"]["results"]]
    assert names == ["in-title", "in-text"]
    newest_first = client.get("/api/3/action/package_search", {"q": "бюджет", "sort": "metadata_modified desc"})
    assert [p["name"] for p in newest_first.json()["result"]["results"]] == ["in-text", "in-title"]


def test_catalogue_facets_follow_every_change(client, datasets):
    params = {"facet.field": '["tags", "organization"]'}
    before = client.get("/api/3/action/package_search", params).json()["result"]["facets"]
    assert before["tags"] == {"бюджет": 1, "фінанси": 1, "транспорт": 1}
    routes = datasets[1]
    DatasetFactory(slug="more", keywords="транспорт", department=routes.department)
    after = client.get("/api/3/action/package_search", params).json()["result"]["facets"]
    assert after["tags"]["транспорт"] == 2
    name = next(iter(o for o in after["organization"] if after["organization"][o] == 2))
    shown = client.get("/api/3/action/organization_show", {"id": name}).json()["result"]
    assert shown["package_count"] == 2 and shown["title"] == routes.department.name


def test_title_sort_is_ukrainian_alphabetical(client, db):
    titles = ["Яблука", "Їжа", "Європа", "Ґрунти", "Іграшки", "Авто"]
    for i, title in enumerate(titles):
        DatasetFactory(slug=f"t{i}", title=title)
    body = client.get("/api/3/action/package_search", {"sort": "title_string asc"}).json()
    assert [p["title"] for p in body["result"]["results"]] == ["Авто", "Ґрунти", "Європа", "Іграшки", "Їжа", "Яблука"]
    body = client.get("/api/3/action/package_search", {"sort": "title desc", "rows": 2}).json()
    assert [p["title"] for p in body["result"]["results"]] == ["Яблука", "Їжа"]
