"""E-mails of the plan app. Tasks take ids, are safe to run twice, and are sent on commit."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .choices import ReviewState
from .models import ProgressUpdate


@shared_task
def notify_update_returned(update_id: int) -> bool:
    """Tell the author that their progress update was returned, with the reviewer's comment (once)."""
    with transaction.atomic():
        update = (
            ProgressUpdate.objects.select_for_update(of=("self",))
            .select_related("task", "author", "reviewed_by")
            .filter(pk=update_id)
            .first()
        )
        if update is None or update.review_state != ReviewState.RETURNED or update.author_notified_at is not None:
            return False
        address = update.author.email if update.author and update.author.is_active else ""
        if address:
            context = {
                "update": update,
                "council_name": settings.COUNCIL_NAME,
                "task_url": f"{settings.SITE_URL}{reverse('workspace:task-progress', args=[update.task_id])}",
            }
            with translation.override("uk"):
                body = render_to_string("plan/email/update_returned.txt", context)
            send_mail(
                subject=f"{settings.COUNCIL_NAME}: звіт про завдання {update.task.position} повернуто на доопрацювання"[
                    :200
                ],
                message=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[address],
            )
        # Save without a history record: the notice is delivery bookkeeping, not a decision.
        ProgressUpdate.objects.filter(pk=update.pk).update(author_notified_at=timezone.now())
    return bool(address)
