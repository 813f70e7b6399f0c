"""The workspace's audit and reminder blocks: a head's own questionnaires and reminders only."""

import datetime as dt

import pytest
from django.utils import timezone

from audit import services as audit_services
from audit.choices import ResponseStatus
from audit.models import InformationResource
from reminders.choices import MessageKind, State
from reminders.models import ReminderLog

from .conftest import complete_resource

pytestmark = pytest.mark.django_db


def workspace(client, user):
    client.force_login(user)
    response = client.get("/workspace/")
    assert response.status_code == 200
    return response.content.decode()


def test_head_sees_own_open_questionnaire_with_its_deadline(client, department_head, own_response, other_response):
    html = workspace(client, department_head)
    block = html[html.index('id="audit"') : html.index('id="reminders"')]
    assert f'href="/audit/responses/{own_response.pk}/"' in block
    assert own_response.campaign.deadline.strftime("%d.%m.%Y") in block
    assert f"/audit/responses/{other_response.pk}/" not in block
    assert f"/workspace/audit/{other_response.pk}/submit/" not in html


def test_head_submits_own_questionnaire_from_the_workspace(client, department_head, own_response):
    audit_services.resource_add(response=own_response, by=department_head, **complete_resource())
    html = workspace(client, department_head)
    assert f'action="/workspace/audit/{own_response.pk}/submit/"' in html
    response = client.post(f"/workspace/audit/{own_response.pk}/submit/")
    assert response.status_code == 302
    own_response.refresh_from_db()
    assert own_response.status == ResponseStatus.SUBMITTED and own_response.submitted_by == department_head


def test_an_incomplete_questionnaire_is_not_submitted_and_says_why(client, department_head, own_response):
    audit_services.resource_add(response=own_response, by=department_head, name="Журнал без опису")
    client.force_login(department_head)
    response = client.post(f"/workspace/audit/{own_response.pk}/submit/")
    assert response.status_code == 400
    assert "«Журнал без опису»: не заповнено" in response.content.decode()
    own_response.refresh_from_db()
    assert own_response.status == ResponseStatus.IN_PROGRESS


def test_head_cannot_act_on_another_departments_questionnaire(client, department_head, other_head, other_response):
    audit_services.resource_add(response=other_response, by=other_head, **complete_resource())
    client.force_login(department_head)
    # Through the workspace...
    assert client.post(f"/workspace/audit/{other_response.pk}/submit/").status_code == 404
    # ...and through the audit app's own forms.
    assert client.post(f"/audit/responses/{other_response.pk}/", {"action": "submit"}).status_code in (403, 404)
    assert client.post(
        f"/audit/responses/{other_response.pk}/resources/add/", complete_resource(name="Чужий ресурс")
    ).status_code in (403, 404)
    other_response.refresh_from_db()
    assert other_response.status == ResponseStatus.IN_PROGRESS
    assert not InformationResource.objects.filter(name="Чужий ресурс").exists()


def test_coordinator_sees_questionnaires_awaiting_review(
    client, coordinator, department_head, own_response, department
):
    audit_services.resource_add(response=own_response, by=department_head, **complete_resource())
    html = workspace(client, coordinator)
    block = html[html.index('id="audit-review"') : html.index('id="report"')]
    assert "Поданих анкет, що чекають на розгляд, немає." in block
    audit_services.response_submit(response=own_response, by=department_head)
    html = workspace(client, coordinator)
    block = html[html.index('id="audit-review"') : html.index('id="report"')]
    assert f'href="/audit/responses/{own_response.pk}/review/"' in block
    assert department.name in block


def _log(department, recipient, subject, state=State.SENT, days_ago=1):
    return ReminderLog.objects.create(
        kind=MessageKind.DATASET_DIGEST,
        recipient=recipient,
        scope=str(department.pk),
        department=department,
        reference_date=timezone.localdate() - dt.timedelta(days=days_ago),
        subject=subject,
        state=state,
        sent_at=timezone.now() if state == State.SENT else None,
    )


def test_head_sees_the_reminders_sent_for_their_department(client, department_head, department, other_department):
    _log(department, department.email, "Нагадування: набори даних ВЗГ")
    _log(department, department.email, "Ще не надіслане", state=State.PENDING, days_ago=0)
    _log(other_department, other_department.email, "Нагадування: стратегія")
    html = workspace(client, department_head)
    block = html[html.index('id="reminders"') :]
    assert "Нагадування: набори даних ВЗГ" in block
    assert "Ще не надіслане" not in block
    assert "Нагадування: стратегія" not in block
