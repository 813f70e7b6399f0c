"""The whole audit flow through the services: open, invite, draft, submit, return, review, promote."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from audit import services
from audit.choices import CampaignStatus, ResponseStatus, ReviewDecision
from audit.models import AuditReminder, AuditResponse, InformationResource
from registry.choices import DatasetSource, DatasetStatus
from registry.models import Dataset

from .conftest import resource_fields

pytestmark = pytest.mark.django_db


def test_opening_creates_one_response_per_department_and_emails_each_head(campaign, department, other_department):
    assert campaign.status == CampaignStatus.OPEN
    responses = AuditResponse.objects.filter(campaign=campaign)
    assert {r.department_id for r in responses} == {department.id, other_department.id}
    assert all(r.status == ResponseStatus.NOT_STARTED and r.invited_at for r in responses)
    # other_department has no head recorded: its notification e-mail is used.
    assert sorted(m.to[0] for m in mail.outbox) == ["head@example.org", "strategy@example.org"]
    invitation = next(m for m in mail.outbox if m.to == ["head@example.org"])
    own = responses.get(department=department)
    assert f"http://127.0.0.1:8000/audit/responses/{own.pk}/" in invitation.body
    assert campaign.title in invitation.subject and department.name in invitation.body


def test_invitation_is_sent_on_commit_and_only_once(
    draft_campaign, coordinator, department_head, other_head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.campaign_open(campaign=draft_campaign, by=coordinator)
    assert len(mail.outbox) == 0 and len(callbacks) == 2
    for callback in callbacks:
        callback()
    response = AuditResponse.objects.filter(campaign=draft_campaign).first()
    assert services.response_invitation_send(response_id=response.pk) is False
    assert len(mail.outbox) == 2


def test_head_without_email_falls_back_to_department_email(
    draft_campaign, coordinator, department_head, django_capture_on_commit_callbacks
):
    department_head.email = ""
    department_head.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_open(campaign=draft_campaign, by=coordinator)
    assert sorted(m.to[0] for m in mail.outbox) == ["pr@example.org", "strategy@example.org"]


def test_only_coordinator_opens_and_a_campaign_opens_once(draft_campaign, department_head, coordinator):
    with pytest.raises(PermissionDenied):
        services.campaign_open(campaign=draft_campaign, by=department_head)
    services.campaign_open(campaign=draft_campaign, by=coordinator)
    with pytest.raises(ValidationError):
        services.campaign_open(campaign=draft_campaign, by=coordinator)
    assert AuditResponse.objects.filter(campaign=draft_campaign).count() == 2


def test_draft_submit_return_resubmit_review_promote(campaign, response, department_head, coordinator):
    # Draft: only the name is needed.
    draft = services.resource_add(response=response, by=department_head, name="Реєстр рішень виконавчого комітету")
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_PROGRESS
    # Submitting with an incomplete resource fails and says what is missing.
    with pytest.raises(ValidationError) as exc:
        services.response_submit(response=response, by=department_head)
    assert "правові підстави збору" in str(exc.value)
    services.resource_edit(resource=draft, by=department_head, **resource_fields())
    services.response_save_draft(response=response, by=department_head, notes="Перелік неповний.")
    services.response_submit(response=response, by=department_head)
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and response.submitted_at
    # Read-only after submit.
    with pytest.raises(ValidationError):
        services.resource_add(response=response, by=department_head, name="Ще один")
    with pytest.raises(ValidationError):
        services.resource_delete(resource=draft, by=department_head)
    # Returned with a comment: editable again.
    with pytest.raises(ValidationError):
        services.response_return(response=response, by=coordinator, comment=" ")
    services.response_return(response=response, by=coordinator, comment="Додайте журнал звернень.")
    response.refresh_from_db()
    assert response.status == ResponseStatus.RETURNED and response.returned_comment == "Додайте журнал звернень."
    services.resource_add(
        response=response,
        by=department_head,
        **resource_fields(name="Журнал звернень", can_publish="no", restriction_reason="Персональні дані."),
    )
    services.response_submit(response=response, by=department_head)
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    # Review every resource: the response becomes reviewed.
    journal = response.resources.get(name="Журнал звернень")
    with pytest.raises(ValidationError):
        services.resource_review(resource=journal, by=coordinator, decision="rejected", comment="")
    services.resource_review(resource=draft, by=coordinator, decision="accepted")
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    services.resource_review(resource=journal, by=coordinator, decision="rejected", comment="Не підлягає.")
    response.refresh_from_db()
    assert response.status == ResponseStatus.REVIEWED and response.reviewed_at
    # Promote: one planned dataset from the accepted, publishable resource.
    result = services.response_promote(response=response, by=coordinator)
    assert [r.pk for r in result.created] == [draft.pk] and not result.linked
    dataset = Dataset.objects.get()
    assert dataset.status == DatasetStatus.PLANNED and dataset.source == DatasetSource.AUDIT
    assert dataset.department_id == response.department_id and dataset.frequency == "monthly"
    assert dataset.identifier == f"audit-{campaign.pk}-{draft.pk}"
    assert dataset.slug == "reiestr-rishen-vykonavchoho-komitetu"
    assert dataset.purpose.startswith("Закон України")
    # Promoting twice creates no duplicates.
    again = services.response_promote(response=response, by=coordinator)
    assert not again.created and [r.pk for r in again.already] == [draft.pk]
    assert Dataset.objects.count() == 1
    # The history keeps every state of the response.
    states = list(response.history.order_by("history_id").values_list("status", flat=True))
    assert states[-1] == ResponseStatus.REVIEWED
    assert ResponseStatus.RETURNED in states and ResponseStatus.IN_PROGRESS in states


def test_promotion_links_to_a_similar_existing_dataset_of_the_same_department(
    submitted, coordinator, department, other_department
):
    existing = Dataset.objects.create(
        identifier="rishennia", slug="rishennia", title="Реєстр рішень виконавчого комітету.", department=department
    )
    # Same title in another department: not a match.
    Dataset.objects.create(
        identifier="x", slug="x", title="Реєстр рішень виконавчого комітету", department=other_department
    )
    for resource in submitted.resources.all():
        services.resource_review(resource=resource, by=coordinator, decision="accepted")
    result = services.response_promote(response=submitted, by=coordinator)
    # The non-publishable resource is not promoted even though accepted.
    assert len(result.linked) == 1 and not result.created
    assert result.linked[0].dataset_id == existing.pk
    assert Dataset.objects.count() == 2


def test_a_slug_already_taken_gets_a_unique_one(submitted, coordinator):
    Dataset.objects.create(
        identifier="other",
        slug="reiestr-rishen-vykonavchoho-komitetu",
        title="Зовсім інший набір",
        department=submitted.department,
    )
    resource = submitted.resources.get(can_publish="yes")
    services.resource_review(resource=resource, by=coordinator, decision="accepted")
    services.response_promote(response=submitted, by=coordinator)
    resource.refresh_from_db()
    assert resource.dataset.slug == "reiestr-rishen-vykonavchoho-komitetu-2"


def test_submit_needs_at_least_one_resource(response, department_head):
    with pytest.raises(ValidationError) as exc:
        services.response_submit(response=response, by=department_head)
    assert "resources" in exc.value.message_dict


def test_legal_reason_required_when_not_publishable(response, department_head):
    with pytest.raises(ValidationError) as exc:
        services.resource_add(response=response, by=department_head, **resource_fields(can_publish="partly"))
    assert "restriction_reason" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.resource_add(
            response=response, by=department_head, **resource_fields(access_category="secret", can_publish="yes")
        )
    assert "can_publish" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.resource_add(response=response, by=department_head, **resource_fields(public_interest=6))
    assert "public_interest" in exc.value.message_dict


def test_only_the_head_of_that_department_writes(response, other_head, coordinator, council_member, department_head):
    for user in (other_head, coordinator, council_member):
        with pytest.raises(PermissionDenied):
            services.resource_add(response=response, by=user, name="Чужий ресурс")
        with pytest.raises(PermissionDenied):
            services.response_submit(response=response, by=user)
    resource = services.resource_add(response=response, by=department_head, name="Свій ресурс")
    with pytest.raises(PermissionDenied):
        services.resource_edit(resource=resource, by=other_head, name="Змінено")
    with pytest.raises(PermissionDenied):
        services.resource_delete(resource=resource, by=other_head)
    assert InformationResource.objects.get().name == "Свій ресурс"


def test_review_actions_are_for_coordinators_only(submitted, department_head):
    resource = submitted.resources.first()
    with pytest.raises(PermissionDenied):
        services.resource_review(resource=resource, by=department_head, decision="accepted")
    with pytest.raises(PermissionDenied):
        services.response_return(response=submitted, by=department_head, comment="Ні")
    with pytest.raises(PermissionDenied):
        services.response_promote(response=submitted, by=department_head)
    with pytest.raises(PermissionDenied):
        services.campaign_close(campaign=submitted.campaign, by=department_head)


def test_a_closed_campaign_is_read_only(submitted, campaign, coordinator, other_response, other_head):
    services.campaign_close(campaign=campaign, by=coordinator)
    with pytest.raises(ValidationError):
        services.resource_add(response=other_response, by=other_head, name="Запізно")
    with pytest.raises(ValidationError):
        services.response_return(response=submitted, by=coordinator, comment="Запізно")


def test_editing_a_resource_after_return_resets_its_review(submitted, department_head, coordinator):
    resource = submitted.resources.first()
    services.resource_review(resource=resource, by=coordinator, decision="accepted")
    services.response_return(response=submitted, by=coordinator, comment="Уточніть формати.")
    services.resource_edit(resource=resource, by=department_head, formats="CSV")
    resource.refresh_from_db()
    assert resource.review_decision == ReviewDecision.PENDING and resource.formats == "CSV"


def _reminders_on(days_before_deadline, campaign):
    return services.deadline_reminders_send(today=campaign.deadline - datetime.timedelta(days=days_before_deadline))


def test_reminders_7_and_2_days_before_only_to_departments_that_have_not_submitted(submitted, campaign, other_response):
    mail.outbox.clear()
    assert _reminders_on(8, campaign) == 0
    assert _reminders_on(7, campaign) == 1
    assert mail.outbox[-1].to == ["strategy@example.org"] and "Нагадування" in mail.outbox[-1].subject
    # Idempotent: the same day again, and the days between, send nothing more.
    assert _reminders_on(7, campaign) == 0
    assert _reminders_on(5, campaign) == 0
    assert _reminders_on(2, campaign) == 1
    assert _reminders_on(1, campaign) == 0
    assert len(mail.outbox) == 2
    assert set(AuditReminder.objects.values_list("response_id", "days_before")) == {
        (other_response.pk, 7),
        (other_response.pk, 2),
    }


def test_a_missed_reminder_run_catches_up(campaign):
    mail.outbox.clear()
    assert _reminders_on(5, campaign) == 2  # the 7-day reminder, two days late, to both departments
    assert _reminders_on(0, campaign) == 2  # the 2-day reminder on the deadline day
    assert _reminders_on(-1, campaign) == 0


def test_reminder_task_and_beat_entry(settings, campaign, time_machine):
    from audit.tasks import send_deadline_reminders

    assert settings.CELERY_BEAT_SCHEDULE["audit-deadline-reminders"]["task"] == "audit.tasks.send_deadline_reminders"
    mail.outbox.clear()
    time_machine.move_to(datetime.datetime.combine(campaign.deadline - datetime.timedelta(days=2), datetime.time(9)))
    assert send_deadline_reminders.delay().get() == 2
    assert send_deadline_reminders.delay().get() == 0


def test_promotion_reuses_the_dataset_made_from_the_same_resource_after_unlinking(submitted, coordinator):
    resource = submitted.resources.get(can_publish="yes")
    services.resource_review(resource=resource, by=coordinator, decision="accepted")
    services.response_promote(response=submitted, by=coordinator)
    dataset = Dataset.objects.get()
    dataset.title = "Перейменований у реєстрі набір"
    dataset.save()
    InformationResource.objects.filter(pk=resource.pk).update(dataset=None)
    result = services.response_promote(response=submitted, by=coordinator)
    assert [r.dataset_id for r in result.linked] == [dataset.pk] and Dataset.objects.count() == 1
