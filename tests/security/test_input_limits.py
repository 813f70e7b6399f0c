"""Finding 8 (inputs): CR/LF in a title cannot break the notification; API limits equal the forms'; sane dates."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from feedback.models import FeedbackItem
from plan.models import ProgressUpdate
from registry.models import DatasetUpdate
from tests.registry.factories import DatasetFactory
from tests.security.helpers import plan_with_evidence


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_crlf_in_a_feedback_title_is_flattened_and_the_coordinator_is_notified(
    api, coordinator, django_capture_on_commit_callbacks
):
    payload = {"kind": "dataset_request", "title": "Бюджет\r\nBcc: victim@example.net", "text": "Прошу оприлюднити."}
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/requests/", payload, format="json")
    assert response.status_code == 201, response.content
    item = FeedbackItem.objects.get(pk=response.json()["id"])
    assert item.title == "Бюджет Bcc: victim@example.net"
    assert item.coordinators_notified_at is not None
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "victim@example.net" not in message.recipients()


@pytest.mark.django_db
def test_an_old_row_with_crlf_is_still_notified(coordinator):
    from feedback.tasks import notify_coordinators_new_feedback

    item = FeedbackItem.objects.create(kind="dataset_request", title="Тема\nз рядком", text="Текст звернення.")
    assert notify_coordinators_new_feedback(item.pk) is True
    assert mail.outbox[0].subject.endswith("Тема з рядком")


@pytest.mark.django_db
def test_api_progress_narrative_limit_equals_the_form(api, coordinator, department):
    _plan, task, _update, _evidence = plan_with_evidence(department=department)
    api.force_authenticate(coordinator)
    url = f"/api/v1/tasks/{task.pk}/progress/"
    response = api.post(url, {"status": "limited", "narrative": "x" * 10_001}, format="json")
    assert response.status_code == 400
    assert "10000" in str(response.json()["narrative"])
    response = api.post(
        url, {"status": "limited", "narrative": "x" * 10_000, "delay_reason": "Чекали на дані."}, format="json"
    )
    assert response.status_code == 201, response.json()


@pytest.mark.django_db
def test_service_refuses_a_long_narrative_whatever_the_door(coordinator, department):
    from django.core.exceptions import ValidationError

    from plan.services import task_add_progress

    _plan, task, _update, _evidence = plan_with_evidence(department=department)
    with pytest.raises(ValidationError, match="не більше 10000"):
        task_add_progress(task=task, author=coordinator, status="limited", narrative="x" * 2_000_000)


@pytest.mark.django_db
@pytest.mark.parametrize(("date", "status"), [("0001-01-01", 400), ("2017-12-31", 400), ("2018-01-01", 201)])
def test_progress_dates_not_before_a_year_ahead_of_the_plan(api, coordinator, department, date, status):
    _plan, task, _update, _evidence = plan_with_evidence(department=department)  # the plan starts 2019Q1
    api.force_authenticate(coordinator)
    response = api.post(
        f"/api/v1/tasks/{task.pk}/progress/",
        {"status": "limited", "narrative": "Звіт", "date": date, "delay_reason": "Чекали на дані."},
        format="json",
    )
    assert response.status_code == status, response.content
    if status == 400:
        assert "раніше 01.01.2018" in str(response.json()["date"])
        assert ProgressUpdate.objects.filter(task=task).count() == 1  # nothing half-written


@pytest.mark.django_db
def test_api_update_note_limit_equals_the_form(api, coordinator):
    dataset = DatasetFactory()
    api.force_authenticate(coordinator)
    url = f"/api/v1/datasets/{dataset.pk}/updates/"
    response = api.post(url, {"note": "x" * (3 * 1024 * 1024)}, format="json")
    assert response.status_code == 400
    assert "2000" in str(response.json()["note"])
    assert api.post(url, {"note": "x" * 2000}, format="json").status_code == 201
    assert DatasetUpdate.objects.filter(dataset=dataset).count() == 1


def test_the_forms_have_the_same_limits():
    from registry.forms import MarkUpdatedForm
    from workspace.forms import ProgressUpdateForm

    assert MarkUpdatedForm().fields["note"].max_length == 2000
    assert ProgressUpdateForm().fields["narrative"].max_length == 10_000
