"""Every write of the audit app. Permission checks live here, whichever door the request came through."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from common.errors import Conflict
from common.outbox import outbox_send
from registry.models import Dataset

from .choices import (
    EDITABLE_RESPONSE_STATUSES,
    PUBLISHABLE_VALUES,
    CampaignStatus,
    ResponseStatus,
    ReviewDecision,
)
from .matching import best_match
from .models import AuditCampaign, AuditReminder, AuditResponse, InformationResource
from .promotion import create_planned_dataset, planned_dataset_identifier

# The fields of a resource a department head fills in.
RESOURCE_FIELDS = (
    "name",
    "description",
    "legal_basis",
    "form",
    "formats",
    "personal_data",
    "access_category",
    "frequency",
    "approximate_size",
    "system_name",
    "system_url",
    "responsible_person",
    "responsible_email",
    "can_publish",
    "restriction_reason",
    "public_interest",
    "published_url",
)
REMINDER_DAYS = (7, 2)


# --- permission helpers -------------------------------------------------------------------------


def _require_coordinator(user):
    if not roles.is_coordinator(user):
        raise PermissionDenied("Дія доступна лише координатору відкритих даних.")


def _require_head_of(user, response: AuditResponse):
    if not (roles.is_department_head(user) and user.department_id == response.department_id):
        raise PermissionDenied("Анкету заповнює лише керівник відповідного підрозділу.")


def _require_editable(response: AuditResponse):
    if response.campaign.status != CampaignStatus.OPEN:
        raise Conflict({"status": "Кампанія аудиту не триває: анкету не можна змінювати."})
    if response.status not in EDITABLE_RESPONSE_STATUSES:
        raise Conflict({"status": "Анкету подано: її можна змінити лише після повернення координатором."})


def _locked(response: AuditResponse) -> AuditResponse:
    """Re-read the response under a row lock so that two requests cannot interleave."""
    return (
        AuditResponse.objects.select_for_update(of=("self",))
        .select_related("campaign", "department")
        .get(pk=response.pk)
    )


def _mark_in_progress(response: AuditResponse):
    if response.status == ResponseStatus.NOT_STARTED:
        response.status = ResponseStatus.IN_PROGRESS
        response.save(update_fields=["status", "updated_at"])


# --- campaigns ------------------------------------------------------------------------------------


@transaction.atomic
def campaign_create(
    *,
    by,
    title: str,
    start_date: datetime.date,
    deadline: datetime.date,
    departments,
    methodology: str = "",
    methodology_version: str = "",
) -> AuditCampaign:
    _require_coordinator(by)
    campaign = AuditCampaign(
        title=title,
        start_date=start_date,
        deadline=deadline,
        methodology=methodology,
        methodology_version=methodology_version,
        created_by=by,
    )
    campaign.full_clean()
    campaign.save()
    campaign.departments.set(departments)
    return campaign


@transaction.atomic
def campaign_open(*, campaign: AuditCampaign, by) -> list[AuditResponse]:
    """Open the campaign: one response per included department, an invitation to each head."""
    from .tasks import send_response_invitation

    _require_coordinator(by)
    campaign = AuditCampaign.objects.select_for_update(of=("self",)).get(pk=campaign.pk)
    if campaign.status != CampaignStatus.DRAFT:
        raise Conflict({"status": "Відкрити можна лише кампанію у стані «Чернетка»."})
    departments = list(campaign.departments.all())
    if not departments:
        raise ValidationError({"departments": "Оберіть хоча б один підрозділ."})
    if campaign.deadline < timezone.localdate():
        raise ValidationError({"deadline": "Кінцевий термін уже минув."})
    responses = []
    for department in departments:
        response, _ = AuditResponse.objects.get_or_create(campaign=campaign, department=department)
        responses.append(response)
    campaign.status = CampaignStatus.OPEN
    campaign.opened_at = timezone.now()
    campaign.save(update_fields=["status", "opened_at"])
    for response in responses:
        outbox_send(send_response_invitation, response.pk)
    return responses


@transaction.atomic
def campaign_close(*, campaign: AuditCampaign, by) -> AuditCampaign:
    _require_coordinator(by)
    campaign = AuditCampaign.objects.select_for_update(of=("self",)).get(pk=campaign.pk)
    if campaign.status != CampaignStatus.OPEN:
        raise Conflict({"status": "Завершити можна лише кампанію, що триває."})
    campaign.status = CampaignStatus.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at"])
    return campaign


@transaction.atomic
def campaign_publish_results(*, campaign: AuditCampaign, by, published: bool = True) -> AuditCampaign:
    """Show (or hide) the public results before the campaign is closed."""
    _require_coordinator(by)
    campaign.results_published = published
    campaign.save(update_fields=["results_published"])
    return campaign


# --- the questionnaire (department heads) ----------------------------------------------------------


@transaction.atomic
def response_save_draft(*, response: AuditResponse, by, notes: str = "") -> AuditResponse:
    response = _locked(response)
    _require_head_of(by, response)
    _require_editable(response)
    response.notes = notes
    response.full_clean()
    if response.status == ResponseStatus.NOT_STARTED:
        response.status = ResponseStatus.IN_PROGRESS
    response.save()
    return response


def _apply_resource_fields(resource: InformationResource, fields: dict):
    unknown = set(fields) - set(RESOURCE_FIELDS)
    if unknown:
        raise ValueError(f"Невідомі поля ресурсу: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(resource, name, "" if value is None and name != "public_interest" else value)


@transaction.atomic
def resource_add(*, response: AuditResponse, by, **fields) -> InformationResource:
    response = _locked(response)
    _require_head_of(by, response)
    _require_editable(response)
    resource = InformationResource(response=response)
    _apply_resource_fields(resource, fields)
    resource.full_clean()
    resource.save()
    _mark_in_progress(response)
    return resource


@transaction.atomic
def resource_edit(*, resource: InformationResource, by, **fields) -> InformationResource:
    response = _locked(resource.response)
    _require_head_of(by, response)
    _require_editable(response)
    resource = InformationResource.objects.get(pk=resource.pk)
    _apply_resource_fields(resource, fields)
    # A changed resource is reviewed again.
    resource.review_decision = ReviewDecision.PENDING
    resource.full_clean()
    resource.save()
    _mark_in_progress(response)
    return resource


@transaction.atomic
def resource_delete(*, resource: InformationResource, by) -> None:
    response = _locked(resource.response)
    _require_head_of(by, response)
    _require_editable(response)
    if resource.dataset_id:
        raise Conflict({"dataset": "Ресурс уже внесено до реєстру наборів: його не можна видалити."})
    resource.delete()


@transaction.atomic
def response_submit(*, response: AuditResponse, by) -> AuditResponse:
    response = _locked(response)
    _require_head_of(by, response)
    _require_editable(response)
    resources = list(response.resources.all())
    if not resources:
        raise Conflict({"resources": "Додайте хоча б один інформаційний ресурс."})
    problems = []
    for resource in resources:
        missing = resource.missing_for_submit()
        if missing:
            labels = ", ".join(str(InformationResource._meta.get_field(name).verbose_name) for name in missing)
            problems.append(f"«{resource.name}»: не заповнено — {labels}.")
        try:
            resource.full_clean()
        except ValidationError as exc:
            problems.extend(f"«{resource.name}»: {message}" for message in exc.messages)
    if problems:
        raise Conflict({"resources": problems})
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.submitted_by = by
    response.save()
    return response


# --- review (coordinators) ----------------------------------------------------------------------------


@transaction.atomic
def response_return(*, response: AuditResponse, by, comment: str) -> AuditResponse:
    _require_coordinator(by)
    response = _locked(response)
    if response.status not in (ResponseStatus.SUBMITTED, ResponseStatus.REVIEWED):
        raise Conflict({"status": "Повернути можна лише подану анкету."})
    if response.campaign.status != CampaignStatus.OPEN:
        raise Conflict({"status": "Кампанія аудиту не триває."})
    if not (comment or "").strip():
        raise ValidationError({"comment": "Поясніть, що треба доопрацювати."})
    response.status = ResponseStatus.RETURNED
    response.returned_comment = comment.strip()
    response.returned_at = timezone.now()
    response.save()
    return response


@transaction.atomic
def resource_review(*, resource: InformationResource, by, decision: str, comment: str = "") -> InformationResource:
    _require_coordinator(by)
    response = _locked(resource.response)
    if response.status not in (ResponseStatus.SUBMITTED, ResponseStatus.REVIEWED):
        raise Conflict({"decision": "Розглядати можна лише ресурси поданої анкети."})
    if decision not in (ReviewDecision.ACCEPTED, ReviewDecision.REJECTED):
        raise ValidationError({"decision": "Оберіть «Прийнято» або «Відхилено»."})
    if decision == ReviewDecision.REJECTED and not (comment or "").strip():
        raise ValidationError({"comment": "Поясніть, чому ресурс відхилено."})
    resource = InformationResource.objects.get(pk=resource.pk)
    resource.review_decision = decision
    resource.review_comment = (comment or "").strip()
    resource.reviewed_by = by
    resource.reviewed_at = timezone.now()
    resource.save()
    if not response.resources.filter(review_decision=ReviewDecision.PENDING).exists():
        response.status = ResponseStatus.REVIEWED
        response.reviewed_at = timezone.now()
        response.save()
    return resource


@dataclass
class PromotionResult:
    created: list = field(default_factory=list)
    linked: list = field(default_factory=list)
    already: list = field(default_factory=list)


@transaction.atomic
def response_promote(*, response: AuditResponse, by) -> PromotionResult:
    """Accepted, publishable resources become planned datasets (or are linked to a similar one)."""
    _require_coordinator(by)
    response = _locked(response)
    if response.status not in (ResponseStatus.SUBMITTED, ResponseStatus.REVIEWED):
        raise Conflict({"status": "Вносити до реєстру можна лише ресурси поданої анкети."})
    result = PromotionResult()
    resources = response.resources.filter(
        review_decision=ReviewDecision.ACCEPTED, can_publish__in=PUBLISHABLE_VALUES
    ).order_by("id")
    candidates = list(Dataset.objects.filter(department_id=response.department_id).only("id", "title", "identifier"))
    by_identifier = {dataset.identifier: dataset for dataset in candidates}
    for resource in resources:
        if resource.dataset_id:
            result.already.append(resource)
            continue
        # A dataset made from this very resource earlier (the link was removed since) is reused.
        match = by_identifier.get(planned_dataset_identifier(resource)) or best_match(resource.name, candidates)
        if match is not None:
            resource.dataset = match
            result.linked.append(resource)
        else:
            resource.dataset = create_planned_dataset(resource=resource, by=by)
            candidates.append(resource.dataset)
            result.created.append(resource)
        resource.save(update_fields=["dataset", "updated_at"])
    return result


# --- e-mail (called by Celery tasks) -------------------------------------------------------------------


def _recipients(department) -> list[str]:
    head_email = department.head.email if department.head_id and department.head.email else ""
    return [head_email or department.email] if (head_email or department.email) else []


def _response_url(response: AuditResponse) -> str:
    return settings.SITE_URL + reverse("audit:response-detail", args=[response.pk])


@transaction.atomic
def response_invitation_send(*, response_id: int) -> bool:
    """Send the invitation once (returns False if it was already sent or there is nobody to send to)."""
    response = (
        AuditResponse.objects.select_for_update(of=("self",))
        .select_related("campaign", "department__head")
        .filter(pk=response_id, invited_at__isnull=True)
        .first()
    )
    if response is None:
        return False
    recipients = _recipients(response.department)
    if not recipients:
        return False
    context = {"response": response, "campaign": response.campaign, "url": _response_url(response)}
    send_mail(
        subject=f"Інформаційний аудит: {response.campaign.title}",
        message=render_to_string("audit/email/invitation.txt", context),
        from_email=None,
        recipient_list=recipients,
    )
    response.invited_at = timezone.now()
    response.save(update_fields=["invited_at"])
    return True


def reminder_threshold(days_left: int) -> int | None:
    """Which reminder is due with ``days_left`` days to the deadline (a missed run catches up)."""
    if 0 <= days_left <= REMINDER_DAYS[1]:
        return REMINDER_DAYS[1]
    if REMINDER_DAYS[1] < days_left <= REMINDER_DAYS[0]:
        return REMINDER_DAYS[0]
    return None


def deadline_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind departments that have not submitted, 7 and 2 days before the deadline. Safe to run twice."""
    today = today or timezone.localdate()
    latest = today + datetime.timedelta(days=REMINDER_DAYS[0])
    pending = (
        AuditResponse.objects.filter(
            campaign__status=CampaignStatus.OPEN,
            campaign__deadline__gte=today,
            campaign__deadline__lte=latest,
            status__in=EDITABLE_RESPONSE_STATUSES,
        )
        .select_related("campaign", "department__head")
        .order_by("id")
    )
    sent = 0
    for response in pending:
        days_left = (response.campaign.deadline - today).days
        threshold = reminder_threshold(days_left)
        if threshold is None:
            continue
        recipients = _recipients(response.department)
        if not recipients:
            continue
        with transaction.atomic():
            reminder, created = AuditReminder.objects.get_or_create(
                response=response, days_before=threshold, defaults={"recipients": ", ".join(recipients)}
            )
            if not created:
                continue
            context = {
                "response": response,
                "campaign": response.campaign,
                "url": _response_url(response),
                "days_left": days_left,
            }
            # If sending fails the record is rolled back and the next run tries again.
            send_mail(
                subject=f"Нагадування: інформаційний аудит до {response.campaign.deadline:%d.%m.%Y}",
                message=render_to_string("audit/email/reminder.txt", context),
                from_email=None,
                recipient_list=recipients,
            )
            sent += 1
    return sent
