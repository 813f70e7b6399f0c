"""Downloads of the task list (CSV, XLSX, JSON) with the list's filters, and the Atom feed."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import openpyxl
import pytest

from plan.exports import COLUMN_LABELS, COLUMNS, escape_formula
from plan.models import ProgressUpdate, Task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]
ATOM = "{http://www.w3.org/2005/Atom}"


def _csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_has_every_task_of_the_filter_and_no_personal_data(client, build):
    builder = build(8)
    response = client.get("/plan/tasks/export.csv?status=limited")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="plan-{builder.plan.pk}-tasks.csv"' in response["Content-Disposition"]
    rows = _csv(response)
    expected = Task.objects.filter(status="limited")
    assert {int(row["id"]) for row in rows} == set(expected.values_list("pk", flat=True))
    row = rows[0]
    assert list(row) == COLUMNS
    assert row["status_label"] == "Обмежений прогрес"
    assert row["url"].startswith("http://testserver/plan/tasks/")
    assert row["last_update"]  # the newest progress update's date
    assert "Відділ зв’язків з громадськістю" in row["departments"]
    body = response.content.decode()
    assert "@example.org" not in body and "olena" not in body and "Коваль" not in body


def test_the_same_download_through_format_parameter(client, build):
    build(3)
    assert client.get("/plan/tasks/?format=csv").content == client.get("/plan/tasks/export.csv").content


def test_cells_that_would_run_as_formulas_are_escaped(client, build):
    builder = build(2)
    task = builder.tasks[0]
    Task.objects.filter(pk=task.pk).update(
        title='=HYPERLINK("http://evil.example","click")', description="+1+2", indicators_text="@SUM(A1)"
    )
    row = next(r for r in _csv(client.get("/plan/tasks/export.csv")) if r["id"] == str(task.pk))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["description"] == "'+1+2" and row["indicators"] == "'@SUM(A1)"
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/plan/tasks/export.xlsx").content)).active
    titles = [cell.value for cell in sheet["H"]]
    assert titles[0] == COLUMN_LABELS["title"] == "Завдання"
    assert '\'=HYPERLINK("http://evil.example","click")' in titles
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    # JSON carries the text as it is: it is data, not a spreadsheet.
    data = json.loads(client.get("/plan/tasks/export.json").content)
    assert data["tasks"][0]["title"].startswith("=HYPERLINK") or data["tasks"][1]["title"].startswith("=HYPERLINK")
    assert escape_formula("-5") == "'-5" and escape_formula(5) == 5 and escape_formula("Текст") == "Текст"


def test_xlsx_and_json(client, build, department):
    builder = build(5)
    response = client.get(f"/plan/tasks/export.xlsx?department={department.pk}")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == [str(COLUMN_LABELS[c]) for c in COLUMNS] and sheet.max_row == 6
    data = json.loads(client.get("/plan/tasks/?format=json&overdue=false&q=відкриті").content)
    assert data["plan"]["id"] == builder.plan.pk and data["filters"] == {"overdue": "false", "q": "відкриті"}
    assert data["count"] == len(data["tasks"])
    task = data["tasks"][0]
    assert isinstance(task["periods"], list) and {"start", "end"} <= set(task["periods"][0])
    assert isinstance(task["departments"], list) and isinstance(task["overdue"], bool)


def test_invalid_filters_or_format_give_a_ukrainian_400(client, build):
    build(2)
    response = client.get("/plan/tasks/export.csv?overdue=maybe")
    assert response.status_code == 400
    assert "Значення має бути true або false" in response.content.decode()
    response = client.get("/plan/tasks/?format=pdf")
    assert response.status_code == 400 and "не підтримується" in response.content.decode()
    assert client.get("/plan/tasks/export.pdf").status_code == 404


def test_atom_feed_of_progress_updates(client, build):
    builder = build(3)
    response = client.get("/feeds/progress/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    feed = ET.fromstring(response.content)  # noqa: S314 - our own response
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == ProgressUpdate.objects.count() == 6
    newest = ProgressUpdate.objects.order_by("-date", "-created_at", "-id").first()
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href").endswith(f"/plan/tasks/{newest.task_id}/#update-{newest.pk}")
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Олена Коваль"
    assert first.find(f"{ATOM}author/{ATOM}email") is None
    assert "olena.private@example.org" not in body and "olena.login" not in body
    assert "https://example.org/evidence/" in body and "/media/evidence/" in body
    assert builder.plan.title in feed.find(f"{ATOM}title").text


def test_feed_without_plans_is_empty(client):
    feed = ET.fromstring(client.get("/feeds/progress/").content)  # noqa: S314 - our own response
    assert feed.findall(f"{ATOM}entry") == []
