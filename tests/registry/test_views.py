import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registry.choices import DatasetStatus

from .factories import DatasetFactory, DepartmentFactory, RequiredDatasetFactory

pytestmark = pytest.mark.django_db
PASSWORD = "pass-Word-2019"


def ago(days):
    return timezone.now() - dt.timedelta(days=days)


def test_list_page_filters_and_marks_overdue(client, department):
    DatasetFactory(title="Прострочений набір", department=department, last_updated_at=ago(60))
    DatasetFactory(title="Свіжий набір", responsible_email="secret.person@example.org")
    response = client.get("/registry/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Прострочений набір" in html and "Свіжий набір" in html
    assert "прострочено" in html and "secret.person@example.org" not in html
    assert 'for="id_department"' in html and 'scope="col"' in html
    filtered = client.get("/registry/", {"overdue": "true"}).content.decode()
    assert "Прострочений набір" in filtered and "Свіжий набір" not in filtered


def test_list_paginates_with_a_fixed_query_count(client):
    def count(**params):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/registry/", params).status_code == 200
        return len(ctx.captured_queries)

    DatasetFactory.create_batch(3)
    small = count()
    DatasetFactory.create_batch(40, department=DepartmentFactory(), required_by_835=RequiredDatasetFactory())
    assert count() == small
    page2 = client.get("/registry/", {"page": 2}).content.decode()
    assert "Сторінка 2 з 2" in page2


def test_detail_page(client, department):
    required = RequiredDatasetFactory(title="Бюджет за Постановою")
    dataset = DatasetFactory(
        department=department, required_by_835=required, portal_url="https://portal.example.org/d",
        responsible_email="secret.person@example.org", responsible_person="Таємна Особа", keywords="",
    )  # fmt: skip
    dataset.updates.create(updated_at=ago(3), note="Квітневі дані")
    html = client.get(f"/registry/{dataset.slug}/").content.decode()
    assert dataset.title in html and "Бюджет за Постановою" in html
    assert "https://portal.example.org/d" in html and "Немає посилання на data.gov.ua" in html
    assert "Не зазначено ключових слів" in html and "Квітневі дані" in html
    assert "secret.person@example.org" not in html and "Таємна Особа" not in html
    assert "Позначити оновленим" not in html
    assert client.get("/registry/no-such-thing/").status_code == 404


def test_detail_shows_personal_fields_to_staff(client, coordinator):
    dataset = DatasetFactory(responsible_person="Відома Особа")
    client.force_login(coordinator)
    html = client.get(f"/registry/{dataset.slug}/").content.decode()
    assert "Відома Особа" in html and "Позначити оновленим" in html


def test_checklist_page(client):
    present = RequiredDatasetFactory(title="Є в реєстрі")
    RequiredDatasetFactory(title="Бракує")
    DatasetFactory(required_by_835=present)
    html = client.get("/registry/835/").content.decode()
    assert "Є в реєстрі" in html and "Бракує" in html and "✘" in html


def test_my_datasets_needs_a_steward(client, council_member, department_head, department):
    assert client.get("/registry/my/").status_code == 302
    client.force_login(council_member)
    assert client.get("/registry/my/").status_code == 403
    own = DatasetFactory(department=department, title="Мій набір")
    DatasetFactory(title="Чужий набір")
    client.force_login(department_head)
    html = client.get("/registry/my/").content.decode()
    assert "Мій набір" in html and "Чужий набір" not in html
    assert reverse("registry:dataset-mark-updated", args=[own.slug]) in html


def test_mark_updated_get_shows_confirm_form_and_post_updates(client, department_head, department):
    dataset = DatasetFactory(department=department, last_updated_at=ago(60))
    url = reverse("registry:dataset-mark-updated", args=[dataset.slug])
    assert url == f"/registry/{dataset.slug}/mark-updated/"
    client.force_login(department_head)
    page = client.get(url)
    assert page.status_code == 200 and 'name="note"' in page.content.decode()
    assert dataset.updates.count() == 0
    response = client.post(url, {"note": "Оновлено", "link": "https://data.example.org/x.csv", "next": "my"})
    assert response.status_code == 302 and response["Location"] == "/registry/my/"
    dataset.refresh_from_db()
    assert dataset.updates.get().note == "Оновлено" and dataset.next_due_date > timezone.localdate()


def test_mark_updated_rejects_bad_link(client, coordinator):
    dataset = DatasetFactory()
    client.force_login(coordinator)
    response = client.post(reverse("registry:dataset-mark-updated", args=[dataset.slug]), {"link": "не посилання"})
    assert response.status_code == 200 and dataset.updates.count() == 0


def test_mark_updated_forbidden_for_another_department(client, other_head, department):
    dataset = DatasetFactory(department=department)
    client.force_login(other_head)
    url = reverse("registry:dataset-mark-updated", args=[dataset.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, {"note": "x"}).status_code == 403
    assert dataset.updates.count() == 0


def test_mark_updated_needs_login(client):
    dataset = DatasetFactory()
    response = client.post(reverse("registry:dataset-mark-updated", args=[dataset.slug]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_public_csv_export(client):
    DatasetFactory(title="=cmd()", responsible_email="secret.person@example.org", status=DatasetStatus.PUBLISHED)
    body = client.get("/registry/export.csv").content.decode()
    assert "'=cmd()" in body and "secret.person@example.org" not in body and "responsible" not in body


def test_demo_loads_twice(db):
    from accounts import demo as accounts_demo
    from registry import demo
    from registry.models import Dataset, RequiredDataset
    from registry.selectors import datasets_overdue

    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Dataset.objects.count() == len(demo.DEMO) >= 15
    assert RequiredDataset.objects.count() == 73
    assert Dataset.objects.filter(required_by_835__isnull=False).count() >= 4
    assert datasets_overdue(today=timezone.localdate()).exists()
    assert Dataset.objects.filter(status=DatasetStatus.PUBLISHED, next_due_date__gte=timezone.localdate()).exists()


def test_admin_pages_and_import_export_for_coordinators(client, coordinator):
    DatasetFactory()
    client.force_login(coordinator)
    for url in ("/admin/registry/dataset/", "/admin/registry/dataset/import/", "/admin/registry/dataset/export/",
                "/admin/registry/requireddataset/", "/admin/registry/datasetupdate/"):  # fmt: skip
        assert client.get(url).status_code == 200, url
