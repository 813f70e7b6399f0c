import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from registry.choices import DatasetStatus, Frequency

from .factories import DatasetFactory, DepartmentFactory, RequiredDatasetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def ago(days):
    return timezone.now() - dt.timedelta(days=days)


def ids(response):
    assert response.status_code == 200, response.content
    return {row["identifier"] for row in response.json()["results"]}


def test_list_has_no_personal_data(api):
    DatasetFactory(responsible_email="secret.person@example.org", responsible_person="Таємна Особа")
    response = api.get("/api/v1/datasets/")
    body = response.content.decode()
    assert "secret.person@example.org" not in body and "Таємна Особа" not in body
    row = response.json()["results"][0]
    assert "responsible_email" not in row and "responsible_person" not in row
    assert row["department"]["name"] and row["keywords"] == ["бюджет", "фінанси"]


def test_filters(api, department):
    other = DepartmentFactory()
    required = RequiredDatasetFactory()
    DatasetFactory(identifier="late", department=department, last_updated_at=ago(60), required_by_835=required)
    DatasetFactory(identifier="fresh", department=department, frequency=Frequency.YEARLY, title="Транспорт")
    DatasetFactory(identifier="draft", department=other, status=DatasetStatus.PLANNED, last_updated_at=ago(90))
    assert ids(api.get("/api/v1/datasets/", {"overdue": "true"})) == {"late"}
    assert ids(api.get("/api/v1/datasets/", {"overdue": "false"})) == {"fresh", "draft"}
    assert ids(api.get("/api/v1/datasets/", {"department": department.pk})) == {"late", "fresh"}
    assert ids(api.get("/api/v1/datasets/", {"status": "planned"})) == {"draft"}
    assert ids(api.get("/api/v1/datasets/", {"frequency": "yearly"})) == {"fresh"}
    assert ids(api.get("/api/v1/datasets/", {"required_by_835": "true"})) == {"late"}
    assert ids(api.get("/api/v1/datasets/", {"required_by_835": "false"})) == {"fresh", "draft"}
    assert ids(api.get("/api/v1/datasets/", {"q": "Транспорт"})) == {"fresh"}
    soon = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    assert ids(api.get("/api/v1/datasets/", {"due_before": soon})) == {"late", "draft"}
    assert api.get("/api/v1/datasets/", {"due_before": "not-a-date"}).status_code == 400
    assert api.get("/api/v1/datasets/", {"overdue": "maybe"}).status_code == 400


def test_detail_and_overdue_flag(api):
    dataset = DatasetFactory(last_updated_at=ago(60))
    body = api.get(f"/api/v1/datasets/{dataset.pk}/").json()
    assert body["overdue"] is True and body["identifier"] == dataset.identifier
    assert "responsible_email" not in body


def test_updates_get_and_post_by_the_steward(api, department_head, department):
    dataset = DatasetFactory(department=department, last_updated_at=ago(60))
    url = f"/api/v1/datasets/{dataset.pk}/updates/"
    assert api.post(url, {"note": "x"}).status_code in (401, 403)
    api.force_authenticate(department_head)
    response = api.post(url, {"note": "Оновлено", "link": "https://data.example.org/x.csv"}, format="json")
    assert response.status_code == 201, response.content
    dataset.refresh_from_db()
    assert dataset.next_due_date > timezone.localdate()
    rows = api.get(url).json()["results"]
    assert [r["note"] for r in rows] == ["Оновлено"]


def test_updates_post_refused_for_other_departments_and_bad_data(api, other_head, department_head, department):
    dataset = DatasetFactory(department=department)
    url = f"/api/v1/datasets/{dataset.pk}/updates/"
    api.force_authenticate(other_head)
    assert api.post(url, {"note": "x"}, format="json").status_code == 403
    api.force_authenticate(department_head)
    future = (timezone.now() + dt.timedelta(days=3)).isoformat()
    response = api.post(url, {"when": future}, format="json")
    assert response.status_code == 400 and "when" in response.json()
    assert dataset.updates.count() == 0


def test_council_member_cannot_post(api, council_member):
    dataset = DatasetFactory()
    api.force_authenticate(council_member)
    assert api.post(f"/api/v1/datasets/{dataset.pk}/updates/", {}, format="json").status_code == 403


def test_required_datasets(api):
    entry = RequiredDatasetFactory()
    DatasetFactory(required_by_835=entry)
    rows = api.get("/api/v1/required-datasets/").json()["results"]
    assert rows[0]["dataset_count"] == 1 and rows[0]["title"] == entry.title


def test_list_query_count_is_constant(api):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert api.get("/api/v1/datasets/", {"page_size": 200}).status_code == 200
        return len(ctx.captured_queries)

    DatasetFactory.create_batch(3)
    small = count()
    DatasetFactory.create_batch(40, required_by_835=RequiredDatasetFactory(), department=DepartmentFactory())
    assert count() == small <= 3
