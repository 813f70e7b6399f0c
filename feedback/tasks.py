"""E-mails about feedback. Tasks take ids, are safe to run twice, and are sent on commit."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from common.text import single_line

from .choices import PUBLIC_STATUSES
from .models import FeedbackItem, FeedbackStatusChange


def _site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def coordinator_emails() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.COORDINATOR)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(users))


@shared_task
@translation.override("uk")  # the e-mails are Ukrainian; choice labels follow the active language
def notify_coordinators_new_feedback(item_id: int) -> bool:
    """Tell every coordinator with an e-mail that new feedback awaits moderation (once per item)."""
    with transaction.atomic():
        item = FeedbackItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or item.coordinators_notified_at is not None:
            return False
        recipients = coordinator_emails()
        if recipients:
            context = {
                "item": item,
                "moderation_url": _site_url(reverse("feedback:moderation-detail", kwargs={"pk": item.pk})),
                "COUNCIL_NAME": settings.COUNCIL_NAME,
            }
            send_mail(
                subject=single_line(f"Нове звернення №{item.pk}: {item.title}")[:200],
                message=render_to_string("feedback/email/new_feedback.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=recipients,
            )
        item.coordinators_notified_at = timezone.now()
        item.save(update_fields=["coordinators_notified_at"])
    return bool(recipients)


@shared_task
@translation.override("uk")
def notify_requester(change_id: int) -> bool:
    """Tell the requester (if they left an address) that their item was answered or changed status."""
    with transaction.atomic():
        change = FeedbackStatusChange.objects.select_for_update().select_related("item").filter(pk=change_id).first()
        if change is None or change.requester_notified_at is not None:
            return False
        item = change.item
        sent = False
        if item.email and item.personal_data_erased_at is None and item.status in PUBLIC_STATUSES:
            context = {
                "item": item,
                "change": change,
                "item_url": _site_url(item.get_absolute_url()),
                "erase_days": settings.FEEDBACK_ERASE_AFTER_DAYS,
                "COUNCIL_NAME": settings.COUNCIL_NAME,
            }
            send_mail(
                subject=f"Ваше звернення №{item.pk}: {item.get_status_display()}",
                message=render_to_string("feedback/email/status_changed.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[item.email],
            )
            sent = True
        change.requester_notified_at = timezone.now()
        change.save(update_fields=["requester_notified_at"])
    return sent


@shared_task
def erase_personal_data() -> int:
    """Daily: blank names and e-mails of items closed FEEDBACK_ERASE_AFTER_DAYS ago."""
    from .services import feedback_erase_personal_data

    return feedback_erase_personal_data(older_than_days=settings.FEEDBACK_ERASE_AFTER_DAYS, today=timezone.localdate())
