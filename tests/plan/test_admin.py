"""Admin: the table import (dry-run preview, then confirm) and task edits that re-parse the deadline."""

import pytest

from plan.models import ActionPlan, Task

from .factories import make_plan, make_section, make_task
from .test_importing import ROWS, csv_bytes

pytestmark = pytest.mark.django_db
URL = "/admin/plan/actionplan/import/"


def upload(content, name="plan.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


FORM = {"title": "План з адмінки", "start": "2019Q1", "end": "2020Q4", "status": "adopted"}


def test_import_preview_then_confirm(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/plan/actionplan/").status_code == 200
    page = client.get(URL)
    assert page.status_code == 200 and "Імпорт плану з таблиці" in page.content.decode()
    preview = client.post(URL, {**FORM, "file": upload(csv_bytes(ROWS)), "preview": "1"})
    html = preview.content.decode()
    assert "Перевірка пройшла успішно" in html and "завдань: 4" in html
    assert not ActionPlan.objects.exists()
    signed = {**FORM, "data": preview.context["data_b64"], "filename": "plan.csv", "confirm": "1"}
    # the new departments are listed and created only when the box is ticked
    assert "Управління стратегічного розвитку" in html
    refused = client.post(URL, signed).content.decode()
    assert "--create-departments" in refused and not ActionPlan.objects.exists()
    confirm = client.post(URL, {**signed, "create_departments": "on"})
    assert confirm.status_code == 302
    plan = ActionPlan.objects.get()
    assert plan.title == "План з адмінки" and plan.tasks.count() == 4
    assert plan.tasks.first().history.first().history_user == coordinator


def test_import_shows_row_errors(client, coordinator):
    client.force_login(coordinator)
    bad = csv_bytes([["І. А", "Б", "В", "", "", "колись", "Відділ"]])
    html = client.post(URL, {**FORM, "file": upload(bad), "preview": "1"}).content.decode()
    assert "Рядок 2, колонка «Термін реалізації»" in html and "«колись»" in html
    assert not ActionPlan.objects.exists()


def test_import_needs_a_coordinator(client, department_head, council_member):
    council_member.is_staff = True
    council_member.save()
    client.force_login(council_member)
    assert client.get(URL).status_code == 403


def test_task_admin_reparses_deadline(client, coordinator, department):
    task = make_task(make_section(make_plan()), departments=[department])
    client.force_login(coordinator)
    url = f"/admin/plan/task/{task.pk}/change/"
    assert client.get(url).status_code == 200
    data = {
        "plan": task.plan_id,
        "section": task.section_id,
        "position": 1,
        "title": "Нове",
        "description": "",
        "indicators_text": "",
        "deadline_text": "ІІ півріччя 2020 року",
        "task_departments-TOTAL_FORMS": 1,
        "task_departments-INITIAL_FORMS": 1,
        "task_departments-0-id": task.task_departments.get().pk,
        "task_departments-0-task": task.pk,
        "task_departments-0-department": department.pk,
        "task_departments-0-is_lead": "on",
        "task_departments-0-position": 0,
        "periods-TOTAL_FORMS": 1,
        "periods-INITIAL_FORMS": 1,
        "periods-0-id": task.periods.get().pk,
        "periods-0-task": task.pk,
        "indicators-TOTAL_FORMS": 0,
        "indicators-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    task = Task.objects.get(pk=task.pk)
    assert str(task.due_date) == "2020-12-31"
    assert [(str(p.start), str(p.end)) for p in task.periods.all()] == [("2020Q3", "2020Q4")]
    bad = client.post(url, {**data, "deadline_text": "колись"})
    assert bad.status_code == 200 and "«колись»" in bad.content.decode()


@pytest.mark.parametrize("model", ["actionplan", "principle", "section", "task", "indicator", "progressupdate"])
def test_admin_pages_open(client, coordinator, model, department):
    make_task(make_section(make_plan()), departments=[department])
    client.force_login(coordinator)
    assert client.get(f"/admin/plan/{model}/").status_code == 200
    assert client.get(f"/admin/plan/{model}/add/").status_code == 200


def test_hidden_data_field_cannot_bypass_the_size_cap(client, coordinator):
    """The file between preview and confirm is signed for the user; forged or oversized data is refused."""
    import base64

    from plan.forms import MAX_TABLE_BYTES, PlanImportForm

    client.force_login(coordinator)
    forged = base64.b64encode(csv_bytes(ROWS)).decode()
    html = client.post(URL, {**FORM, "data": forged, "filename": "plan.csv", "confirm": "1"}).content.decode()
    assert "Пошкоджені або застарілі дані файлу" in html and not ActionPlan.objects.exists()
    huge = PlanImportForm(user=coordinator).sign(b"x" * (MAX_TABLE_BYTES + 1))
    html = client.post(URL, {**FORM, "data": huge, "filename": "plan.csv", "confirm": "1"}).content.decode()
    assert "Файл завеликий: найбільше 2 МБ." in html and not ActionPlan.objects.exists()
    other_user = PlanImportForm(user=None).sign(csv_bytes(ROWS))
    html = client.post(URL, {**FORM, "data": other_user, "filename": "plan.csv", "confirm": "1"}).content.decode()
    assert "Пошкоджені або застарілі дані файлу" in html and not ActionPlan.objects.exists()


def test_preview_shows_columns_mapping_and_participants(client, coordinator):
    from tests.tables import csv_file

    client.force_login(coordinator)
    rows = [
        ["Перелік заходів"],
        ["№ з/п", "Захід", "Коли", "Відповідальні виконавці"],
        ["ІІ. Оперативність та вичерпність"],
        ["1", "Провести аудит", "2019 рік", "Відділ А, керівники комунальних підприємств"],
    ]
    upload_file = upload(csv_file(rows, delimiter=";", encoding="cp1251"))
    page = client.post(URL, {**FORM, "file": upload_file, "mapping": "Коли=строк", "preview": "1"})
    html = page.content.decode()
    assert "Колонки (рядок заголовків 2)" in html
    assert "<td>Захід</td><td>Завдання</td>" in html and "<td>Коли</td><td>Термін реалізації</td>" in html
    assert "<td>керівники комунальних підприємств</td>" in html and "Відділ А" in html
    assert 'name="create_departments"' in html
    confirm = {**FORM, "data": page.context["data_b64"], "filename": "p.csv", "mapping": "Коли=строк"}
    client.post(URL, {**confirm, "confirm": "1", "create_departments": "on"})
    task = Task.objects.get()
    assert task.participants == "керівники комунальних підприємств"
    detail = client.get(f"/plan/tasks/{task.pk}/").content.decode()
    assert "Також залучені" in detail and "керівники комунальних підприємств" in detail
