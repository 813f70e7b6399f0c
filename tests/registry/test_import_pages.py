"""The staff import page, the admin's import and the background job for big files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Department
from registry import import_jobs, tasks
from registry.models import Dataset, RegistryImportJob
from tests.tables import csv_file

pytestmark = pytest.mark.django_db
State = RegistryImportJob.State
HEADER = ["Ідентифікатор набору даних", "Назва набору даних", "Назва розпорядника інформації",
          "Періодичність актуалізації", "Відповідальна особа"]  # fmt: skip


def register(n=3, department="Фінансове управління"):
    rows = [[f"ds-{i}", f"Набір {i}", department, "Щокварталу", f"Особа {i}, p{i}@example.org"] for i in range(n)]
    return csv_file([["Реєстр наборів даних"], HEADER, *rows], delimiter=";", encoding="cp1251")


def upload(data, name="реєстр.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture
def sent(monkeypatch):
    """Job ids sent to the broker (the task is not run)."""
    ids = []
    monkeypatch.setattr(tasks.registry_import_job, "delay", lambda job_id: ids.append(job_id))
    return ids


def test_only_coordinators_reach_the_import_page(client, department_head):
    client.force_login(department_head)
    assert client.get(reverse("registry:import")).status_code == 403
    client.logout()
    assert client.get(reverse("registry:import")).status_code == 302


def test_small_file_checked_then_confirmed_in_the_request(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("registry:import"), {"file": upload(register())}, follow=True)
    assert response.status_code == 200
    job = RegistryImportJob.objects.get()
    assert job.state == State.CHECKED and not job.background
    page = response.content.decode()
    assert "Фінансове управління" in page and "Нові підрозділи" in page
    assert "Відповідальна особа" in page  # which header became which field
    assert "<td>Ідентифікатор набору даних (identifier)</td>" in page  # the field by its Ukrainian name
    assert Dataset.objects.count() == 0
    response = client.post(
        reverse("registry:import-job-confirm", args=[job.pk]), {"create_departments": "on"}, follow=True
    )
    job.refresh_from_db()
    assert job.state == State.DONE and Dataset.objects.count() == 3
    assert Dataset.objects.get(identifier="ds-1").responsible_email == "p1@example.org"


def test_new_departments_not_confirmed_nothing_written(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("registry:import"), {"file": upload(register())})
    job = RegistryImportJob.objects.get()
    response = client.post(reverse("registry:import-job-confirm", args=[job.pk]), follow=True)
    job.refresh_from_db()
    assert job.state == State.CHECKED and Dataset.objects.count() == 0  # may still be confirmed
    assert "позначте, що їх слід створити" in response.content.decode()
    client.post(reverse("registry:import-job-confirm", args=[job.pk]), {"create_departments": "on"})
    job.refresh_from_db()
    assert job.state == State.DONE and Dataset.objects.count() == 3


def test_row_errors_kept_for_the_user_and_confirmation_refused(client, coordinator):
    Department.objects.create(name="Фінансове управління")
    data = register().replace("Щокварталу".encode("cp1251"), "щоночі".encode("cp1251"), 1)
    client.force_login(coordinator)
    response = client.post(reverse("registry:import"), {"file": upload(data)}, follow=True)
    assert "Рядок 3, стовпець «Періодичність актуалізації»: невідома періодичність «щоночі»" in (
        response.content.decode()
    )
    job = RegistryImportJob.objects.get()
    response = client.post(reverse("registry:import-job-confirm", args=[job.pk]), follow=True)
    assert Dataset.objects.count() == 0 and "пройшов перевірку без помилок" in response.content.decode()


def test_big_file_runs_in_the_background_with_progress(client, coordinator, settings, sent,
                                                       django_capture_on_commit_callbacks):  # fmt: skip
    settings.REGISTRY_IMPORT_INLINE_BYTES = 1000
    Department.objects.create(name="Фінансове управління")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registry:import"), {"file": upload(register(200))})
    job = RegistryImportJob.objects.get()
    assert response.status_code == 302 and job.background and job.state == State.CHECK_QUEUED
    assert sent == [job.pk]  # the request did not parse the file; the task takes the id
    page = client.get(reverse("registry:import-job", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh"' in page and "<progress" in page
    assert "<script" not in page  # strict CSP: no inline script
    tasks.registry_import_job(job.pk)
    tasks.registry_import_job(job.pk)  # idempotent: a finished check is not run again
    job.refresh_from_db()
    assert job.state == State.CHECKED and job.rows_done == job.rows_total == 200
    page = client.get(reverse("registry:import-job", args=[job.pk])).content.decode()
    assert "http-equiv" not in page and "Нових: 200" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registry:import-job-confirm", args=[job.pk]))
    assert sent == [job.pk, job.pk] and Dataset.objects.count() == 0
    tasks.registry_import_job(job.pk)
    tasks.registry_import_job(job.pk)
    job.refresh_from_db()
    assert job.state == State.DONE and Dataset.objects.count() == 200


def test_broker_down_does_not_fail_the_upload_and_the_job_is_sent_again(
    client, coordinator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.REGISTRY_IMPORT_INLINE_BYTES = 10

    def down(job_id):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.registry_import_job, "delay", down)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registry:import"), {"file": upload(register())})
    assert response.status_code == 302
    job = RegistryImportJob.objects.get()
    assert job.state == State.CHECK_QUEUED
    sent = []
    monkeypatch.setattr(tasks.registry_import_job, "delay", lambda job_id: sent.append(job_id))
    RegistryImportJob.objects.filter(pk=job.pk).update(updated_at=job.updated_at - import_jobs.RESEND_AFTER * 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(reverse("registry:import-job", args=[job.pk])).status_code == 200
    assert sent == [job.pk]


def test_oversized_upload_refused_before_reading(client, coordinator, monkeypatch):
    monkeypatch.setattr(import_jobs, "MAX_FILE_BYTES", 100)
    client.force_login(coordinator)
    response = client.post(reverse("registry:import"), {"file": upload(register(20))})
    assert response.status_code == 200 and "Файл завеликий" in response.content.decode()
    assert RegistryImportJob.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (register(), "реєстр.csv", "Перевірено"),  # Windows-1251, semicolons, a title row
        (b"<html><script>alert(1)</script></html>", "registry.html", "Підтримуються файли CSV, XLSX і JSON"),
        (b"", "empty.csv", "порожній"),
    ],
)
def test_admin_import_never_500s(client, coordinator, data, name, expected):
    client.force_login(coordinator)
    url = reverse("admin:registry_dataset_import")
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": upload(data, name)}, follow=True)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert Dataset.objects.count() == 0


def test_admin_changelist_links_the_import_page(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("admin:registry_dataset_changelist")).content.decode()
    assert f'href="{reverse("admin:registry_dataset_import")}"' in page


def test_coordinators_find_the_import_page_from_their_datasets(client, coordinator, department_head):
    client.force_login(coordinator)
    assert reverse("registry:import") in client.get(reverse("registry:my-datasets")).content.decode()
    client.force_login(department_head)
    assert reverse("registry:import") not in client.get(reverse("registry:my-datasets")).content.decode()


def test_the_uploaded_file_is_not_kept_once_it_cannot_be_imported_any_more(client, coordinator):
    Department.objects.create(name="Фінансове управління")
    client.force_login(coordinator)
    client.post(reverse("registry:import"), {"file": upload(register())})
    job = RegistryImportJob.objects.get()
    assert job.state == State.CHECKED and bytes(job.content)  # kept until confirmed
    client.post(reverse("registry:import-job-confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == State.DONE and bytes(job.content) == b""
    client.post(reverse("registry:import"), {"file": upload(b"identifier;title\n", "bad.csv")})
    failed = RegistryImportJob.objects.exclude(pk=job.pk).get()
    assert failed.report["errors"] and bytes(failed.content) == b""
