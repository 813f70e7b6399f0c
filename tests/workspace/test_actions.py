"""The workspace's forms: they act through the services, keep input after errors, respect departments."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from accounts.models import Department
from plan.choices import TaskStatus
from plan.models import EvidenceFile, EvidenceLink, ProgressUpdate
from registry.models import DatasetUpdate

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def progress_url(task):
    return f"/workspace/tasks/{task.pk}/progress/"


def progress_data(task, **fields):
    # The tasks are past their due date, so a reason for delay is required (issue 18).
    data = {
        "status": TaskStatus.SUBSTANTIAL,
        "percent": "60",
        "narrative": "Перелік оприлюднено.",
        "links": "",
        "delay_reason": "Чекали на погодження.",
    }
    data.update(fields)
    return {f"task-{task.pk}-{name}": value for name, value in data.items()}


# --- progress updates ---------------------------------------------------------------------------------


def test_head_adds_progress_with_a_link_through_the_service(client, department_head, own_task):
    client.force_login(department_head)
    response = client.post(
        progress_url(own_task), progress_data(own_task, links="https://ternopilcity.gov.ua/opendata\n")
    )
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/#task-{own_task.pk}"
    update = ProgressUpdate.objects.get()
    assert (update.author, update.status, update.percent) == (department_head, TaskStatus.SUBSTANTIAL, 60)
    assert list(update.links.values_list("url", flat=True)) == ["https://ternopilcity.gov.ua/opendata"]
    # Issue 18: a head's status change waits for a coordinator before the task's public status changes.
    assert update.review_state == "pending"
    own_task.refresh_from_db()
    assert own_task.status == TaskStatus.NOT_STARTED
    # The service recorded who wrote the update (history is the same as through the API).
    assert update.history.first().history_user == department_head
    page = client.get("/workspace/").content.decode()
    assert "надіслано на перевірку" in page


def test_evidence_files_are_stored_under_media_root(client, department_head, own_task):
    client.force_login(department_head)
    data = progress_data(own_task)
    data[f"task-{own_task.pk}-files"] = [
        SimpleUploadedFile("protokol.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("dani.csv", "назва;значення\nа;1\n".encode(), content_type="text/csv"),
    ]
    assert client.post(progress_url(own_task), data).status_code == 302
    files = list(EvidenceFile.objects.order_by("title"))
    assert [f.title for f in files] == ["dani.csv", "protokol.pdf"]
    for evidence in files:
        path = Path(evidence.file.path).resolve()
        assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        assert not path.is_relative_to(Path(settings.STATIC_ROOT).resolve())
        assert not any(path.is_relative_to(Path(d).resolve()) for d in settings.STATICFILES_DIRS)
        assert path.exists()
        evidence.file.delete(save=False)


def test_head_cannot_report_on_another_departments_task(client, department_head, other_task):
    client.force_login(department_head)
    assert client.get(progress_url(other_task)).status_code == 404
    response = client.post(progress_url(other_task), progress_data(other_task, links="https://example.org"))
    assert response.status_code == 404
    assert not ProgressUpdate.objects.exists() and not EvidenceLink.objects.exists()
    other_task.refresh_from_db()
    assert other_task.status == TaskStatus.LIMITED


def test_council_member_cannot_report(client, council_member, own_task):
    client.force_login(council_member)
    assert client.post(progress_url(own_task), progress_data(own_task)).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_coordinator_may_report_on_any_task(client, coordinator, other_task):
    client.force_login(coordinator)
    assert client.post(progress_url(other_task), progress_data(other_task)).status_code == 302
    assert ProgressUpdate.objects.get().author == coordinator


def test_form_errors_are_ukrainian_beside_the_field_and_keep_the_input(client, department_head, own_task):
    client.force_login(department_head)
    response = client.post(
        progress_url(own_task),
        progress_data(own_task, narrative="", percent="150", links="https://ok.example.org\nне посилання"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    prefix = f"id_task-{own_task.pk}"
    assert "Опишіть, що зроблено." in html
    assert "Відсоток не може бути більшим за 100." in html
    assert "Рядок 2: «не посилання» — не адреса сторінки" in html
    # Each message sits right after its field.
    assert html.index(f'id="{prefix}-percent"') < html.index("Відсоток не може бути більшим за 100.")
    assert html.index("Відсоток не може бути більшим за 100.") < html.index(f'id="{prefix}-narrative"')
    # What was typed is still there.
    assert 'value="150"' in html
    assert "https://ok.example.org\nне посилання</textarea>" in html
    assert f'<option value="{TaskStatus.SUBSTANTIAL}" selected>' in html
    assert not ProgressUpdate.objects.exists()


def test_service_rules_come_back_as_field_errors(client, department_head, own_task):
    """ "Completed" must be 100 %: the service says so, the form shows it by the percent field."""
    client.force_login(department_head)
    response = client.post(
        progress_url(own_task), progress_data(own_task, status=TaskStatus.COMPLETED, percent="50", narrative="Готово")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Виконане завдання має 100 % виконання." in html
    assert "Готово</textarea>" in html
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.exe", b"MZ\x90\x00", "такий тип не дозволено"),
        ("zvit.pdf", b"MZ\x90\x00 not a pdf", "не схожий на файл типу PDF"),
        ("big.pdf", PDF + b"0" * 3000, "завеликий: найбільше"),
        ("empty.pdf", b"", "порожній"),
    ],
)
@override_settings(UPLOAD_MAX_BYTES=2048)
def test_uploads_are_limited_in_type_and_size(client, department_head, own_task, name, content, message):
    client.force_login(department_head)
    data = progress_data(own_task, narrative="З файлом")
    data[f"task-{own_task.pk}-files"] = [SimpleUploadedFile(name, content)]
    response = client.post(progress_url(own_task), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "З файлом</textarea>" in html
    assert "оберіть їх ще раз" in html
    assert not ProgressUpdate.objects.exists() and not EvidenceFile.objects.exists()


@override_settings(UPLOAD_MAX_BYTES=2048)
@pytest.mark.parametrize(
    ("name", "content"), [("program.exe", b"MZ\x90\x00"), ("big.pdf", PDF + b"0" * 3000), ("fake.png", b"GIF89a..")]
)
def test_the_api_rejects_the_same_files_with_a_field_error(client, department_head, own_task, name, content):
    client.force_login(department_head)
    response = client.post(
        f"/api/v1/tasks/{own_task.pk}/progress/",
        {
            "status": TaskStatus.LIMITED,
            "narrative": "Через API",
            "delay_reason": "Затримка.",
            "files": [SimpleUploadedFile(name, content)],
        },
    )
    assert response.status_code == 400
    assert "files" in response.json()
    assert not ProgressUpdate.objects.exists()


# --- datasets ------------------------------------------------------------------------------------------


def test_head_marks_own_dataset_updated(client, department_head, own_dataset):
    client.force_login(department_head)
    before = own_dataset.next_due_date
    url = f"/workspace/datasets/{own_dataset.slug}/mark-updated/"
    prefix = f"dataset-{own_dataset.pk}"
    response = client.post(url, {f"{prefix}-note": "Додано березень", f"{prefix}-link": "https://data.gov.ua/x"})
    assert response.status_code == 302
    entry = DatasetUpdate.objects.get()
    assert (entry.by, entry.note, entry.link) == (department_head, "Додано березень", "https://data.gov.ua/x")
    own_dataset.refresh_from_db()
    assert own_dataset.next_due_date > before


def test_mark_updated_needs_nothing_but_a_click(client, department_head, own_dataset):
    client.force_login(department_head)
    response = client.post(f"/workspace/datasets/{own_dataset.slug}/mark-updated/", {})
    assert response.status_code == 302
    assert DatasetUpdate.objects.get().note == ""


def test_mark_updated_errors_keep_the_note(client, department_head, own_dataset):
    client.force_login(department_head)
    prefix = f"dataset-{own_dataset.pk}"
    response = client.post(
        f"/workspace/datasets/{own_dataset.slug}/mark-updated/",
        {f"{prefix}-note": "Моя примітка", f"{prefix}-link": "ftp://bad host"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Введіть правильну адресу сторінки" in html
    assert 'value="Моя примітка"' in html
    assert not DatasetUpdate.objects.exists()


def test_head_cannot_mark_another_departments_dataset(client, department_head, overdue_dataset):
    client.force_login(department_head)
    url = f"/workspace/datasets/{overdue_dataset.slug}/mark-updated/"
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
    # Nor through the registry's own form.
    assert client.post(f"/registry/{overdue_dataset.slug}/mark-updated/", {}).status_code == 403
    assert not DatasetUpdate.objects.exists()


# --- department contacts -----------------------------------------------------------------------------------


def test_coordinator_keeps_department_contacts_current(client, coordinator, department, other_head):
    client.force_login(coordinator)
    url = f"/workspace/departments/{department.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": "press@example.org", "short_name": "Пресслужба", "head": other_head.pk})
    assert response.status_code == 302
    department.refresh_from_db()
    assert (department.email, department.short_name, department.head) == (
        "press@example.org",
        "Пресслужба",
        other_head,
    )


def test_contacts_errors_keep_the_input(client, coordinator, department):
    client.force_login(coordinator)
    response = client.post(
        f"/workspace/departments/{department.pk}/", {"email": "not-an-email", "short_name": "Нова назва"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Введіть правильну адресу електронної пошти." in html
    assert 'value="not-an-email"' in html and 'value="Нова назва"' in html
    department.refresh_from_db()
    assert department.email == "pr@example.org"


def test_head_cannot_change_department_contacts(client, department_head, department, other_department):
    client.force_login(department_head)
    for target in (department, other_department):
        url = f"/workspace/departments/{target.pk}/"
        assert client.get(url).status_code == 403
        assert client.post(url, {"email": "hijack@example.org", "short_name": "X"}).status_code == 403
    assert not Department.objects.filter(email="hijack@example.org").exists()


def test_department_update_contacts_service_is_for_coordinators_only(department, department_head, coordinator):
    from django.core.exceptions import PermissionDenied, ValidationError

    from accounts.services import department_update_contacts

    with pytest.raises(PermissionDenied):
        department_update_contacts(department=department, by=department_head, email="x@example.org")
    with pytest.raises(ValidationError) as error:
        department_update_contacts(department=department, by=coordinator, email="broken")
    assert "email" in error.value.message_dict
    department.refresh_from_db()
    department_head.is_active = False
    department_head.save()
    with pytest.raises(ValidationError) as error:
        department_update_contacts(department=department, by=coordinator, head=department_head)
    assert "head" in error.value.message_dict
    department.refresh_from_db()
    updated = department_update_contacts(department=department, by=coordinator, short_name=" ВЗГ-2 ")
    assert (updated.short_name, updated.email) == ("ВЗГ-2", "pr@example.org")  # only what was given


# --- the admin ------------------------------------------------------------------------------------------------


def test_department_heads_cannot_reach_the_admin(client, department_head, own_task):
    client.force_login(department_head)
    for url in ("/admin/", "/admin/plan/task/", f"/admin/plan/task/{own_task.pk}/change/", "/admin/accounts/user/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    response = client.post(f"/admin/plan/task/{own_task.pk}/change/", {"title": "Змінено через адмінку"})
    assert response.status_code == 302
    own_task.refresh_from_db()
    assert own_task.title != "Змінено через адмінку"


def test_the_progress_page_works_on_its_own_and_not_for_archived_plans(client, department_head, own_task):
    client.force_login(department_head)
    html = client.get(progress_url(own_task)).content.decode()
    assert own_task.title in html and f'id="id_task-{own_task.pk}-narrative"' in html
    own_task.plan.status = "archived"
    own_task.plan.save()
    assert client.get(progress_url(own_task)).status_code == 404
    assert client.post(progress_url(own_task), progress_data(own_task)).status_code == 404
    assert not ProgressUpdate.objects.exists()
