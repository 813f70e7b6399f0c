"""Passports out (issue 25): per dataset and the whole register; round trip; no e-mail for the public."""

import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Department
from registry import demo, selectors
from registry.importing import registry_import
from registry.models import Dataset
from registry.passport import PASSPORT_COLUMNS
from registry.passport_files import register_file

pytestmark = pytest.mark.django_db
LABELS = [label for _key, label in PASSPORT_COLUMNS]


@pytest.fixture
def demo_register(db):
    return demo.load(io.StringIO())


def cells(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_round_trip_export_import_into_empty_database_export(demo_register, coordinator, fmt):
    first = register_file(selectors.dataset_list(user=coordinator), fmt, personal=True)
    count = Dataset.objects.count()
    Dataset.objects.all().delete()
    Department.objects.all().delete()
    report = registry_import(data=first, filename=f"реєстр.{fmt}", dry_run=False, create_departments=True)
    assert report.errors == [] and report.totals == {"new": count}
    second = register_file(selectors.dataset_list(user=coordinator), fmt, personal=True)
    if fmt == "xlsx":  # the zip's timestamps differ; the workbook's cells must not
        assert cells(first) == cells(second)
    else:
        assert first == second
    assert "tr-budget@example.org" in first.decode("utf-8") if fmt != "xlsx" else True


def test_register_file_has_the_passport_columns_in_order(demo_register, coordinator):
    rows = csv_rows(register_file(selectors.dataset_list(user=coordinator), "csv", personal=True))
    assert rows[0] == ["№ з/п", *LABELS]
    budget = dict(zip(rows[0], next(r for r in rows if r[1] == "tr-budget"), strict=True))
    assert budget["Періодичність актуалізації"] == "Щомісяця"
    assert budget["Відповідальна особа"] == "Відповідальна особа підрозділу, tr-budget@example.org"
    assert budget["Гіперпосилання на набір даних"] == "https://opendata.example.org/dataset/tr-budget"


def test_dataset_passport_downloads_for_the_public_and_for_staff(client, demo_register, coordinator):
    slug = Dataset.objects.get(identifier="tr-budget").slug
    for fmt in ("csv", "json", "xlsx"):
        response = client.get(reverse("registry:dataset-passport", args=[slug, fmt]))
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(client.get(reverse("registry:dataset-passport", args=[slug, "json"])).content)
    assert list(data) == LABELS and data["Ідентифікатор набору даних"] == "tr-budget"
    assert data["Відповідальна особа"] == ""
    rows = csv_rows(client.get(reverse("registry:dataset-passport", args=[slug, "csv"])).content)
    assert [r[0] for r in rows[1:]] == LABELS
    xlsx = cells(client.get(reverse("registry:dataset-passport", args=[slug, "xlsx"])).content)
    assert [r[0] for r in xlsx[1:]] == LABELS
    client.force_login(coordinator)
    data = json.loads(client.get(reverse("registry:dataset-passport", args=[slug, "json"])).content)
    assert data["Відповідальна особа"] == "Відповідальна особа підрозділу, tr-budget@example.org"
    assert client.get(reverse("registry:dataset-passport", args=[slug, "pdf"])).status_code == 404


def test_api_passport(client, demo_register, coordinator):
    pk = Dataset.objects.get(identifier="tr-budget").pk
    response = client.get(f"/api/v1/datasets/{pk}/passport/")
    assert response.status_code == 200 and json.loads(response.content)["Відповідальна особа"] == ""
    response = client.get(f"/api/v1/datasets/{pk}/passport/?file=xlsx")
    assert response.status_code == 200 and cells(response.content)[1] == ["Ідентифікатор набору даних", "tr-budget"]
    assert client.get(f"/api/v1/datasets/{pk}/passport/?file=pdf").status_code == 400
    client.force_login(coordinator)
    response = client.get(f"/api/v1/datasets/{pk}/passport/?file=csv")
    assert "tr-budget@example.org" in response.content.decode("utf-8-sig")


def _public_urls():
    datasets = list(Dataset.objects.all())
    urls = [
        "/",
        reverse("registry:dataset-list"),
        reverse("registry:dataset-export"),
        reverse("registry:catalog-jsonld"),
        reverse("registry:catalog-ttl"),
        reverse("registry:checklist-835"),
        reverse("registry:ckan-action", kwargs={"version": "3", "name": "package_list"}),
        reverse("registry:ckan-action", kwargs={"version": "3", "name": "package_search"}) + "?rows=1000",
        reverse("plan:progress-feed"),
        reverse("feedback:request-feed"),
        "/api/v1/datasets/?page_size=100",
    ]
    for fmt in ("csv", "json", "xlsx"):
        urls.append(reverse("registry:register-passports", args=[fmt]))
    for d in datasets:
        urls += [reverse("registry:dataset-detail", args=[d.slug]), f"/api/v1/datasets/{d.pk}/"]
        if d.status == "published":  # the CKAN API shows published datasets only
            urls.append(
                reverse("registry:ckan-action", kwargs={"version": "3", "name": "package_show"}) + f"?id={d.slug}"
            )
        for fmt in ("csv", "json", "xlsx"):
            urls += [
                reverse("registry:dataset-passport", args=[d.slug, fmt]),
                f"/api/v1/datasets/{d.pk}/passport/?file={fmt}",
            ]
    for department in Department.objects.all():
        urls.append(reverse("portal:department-detail", args=[department.pk]))
    return urls


def _text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # XLSX: look inside the workbook
        return "\n".join("\t".join(row) for row in cells(content))
    return content.decode("utf-8", errors="replace")


def test_no_responsible_email_in_any_public_page_api_feed_export_or_passport(client, demo_register):
    emails = {d.responsible_email for d in Dataset.objects.all() if d.responsible_email}
    assert len(emails) == len(demo.DEMO)
    checked = 0
    for url in _public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        leaked = [e for e in emails if e in text]
        assert not leaked, (url, leaked)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("personal", [True, False])
def test_an_export_imported_back_over_the_register_changes_nothing(demo_register, coordinator, personal):
    """Staff's export (times to the minute) and the public one (no responsible person) both read
    back as "unchanged": nobody's contact is erased, no timestamp is cut to the minute."""
    stored = {d.pk: (d.responsible_person, d.responsible_email, d.last_updated_at) for d in Dataset.objects.all()}
    exported = register_file(selectors.dataset_list(user=coordinator), "csv", personal=personal)
    report = registry_import(data=exported, filename="реєстр.csv", dry_run=False)
    assert report.errors == [] and report.totals == {"skip": len(stored)}
    assert {
        d.pk: (d.responsible_person, d.responsible_email, d.last_updated_at) for d in Dataset.objects.all()
    } == stored
