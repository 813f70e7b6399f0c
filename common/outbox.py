"""The transactional outbox: follow-ups that survive a broker outage.

An action that needs a Celery task afterwards (tell the coordinators about new feedback, e-mail
the requester, build a report) calls :func:`outbox_send` inside its transaction. That writes an
``OutboxMessage`` row with the task's name and arguments, so the follow-up is stored exactly when
the action is. On commit the message is handed to the broker at once; if the broker is down the
error is logged and the row stays pending: the user still sees success, because their data is
saved. :func:`outbox_sweep` (a beat job every ``OUTBOX_SWEEP_SECONDS``, or ``manage.py
outbox_sweep`` from cron) hands over what is still pending.

A message can reach the broker twice (a crash between publishing and marking the row), so the
tasks sent this way must be idempotent; every one of them checks a "done" mark (``*_notified_at``,
a report's run key) before acting.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# A sweep stops after this many hand-overs failed in a row: the broker is most likely down.
SWEEP_MAX_CONSECUTIVE_FAILURES = 3


def outbox_send(task, *args) -> OutboxMessage:
    """Record ``task.delay(*args)`` in the current transaction and send it after commit (best effort).

    ``task`` is a Celery task with its default (dotted path) name; ``args`` must be JSON values.
    """
    message = OutboxMessage.objects.create(task=task.name, args=list(args))
    transaction.on_commit(lambda: outbox_deliver(message.pk), robust=True)
    return message


def _task(name: str):
    return import_string(name)


def _publish(task, args: list) -> None:
    # One connection attempt and no publish retries (kombu's default is several seconds of
    # retrying): a down broker must not hold up the user's request; the sweep tries again later.
    app = task._get_app()
    options = {**(app.conf.broker_transport_options or {}), "max_retries": 0}
    with app.connection_for_write(transport_options=options) as connection:
        task.apply_async(args=args, retry=False, connection=connection)


def outbox_deliver(message_id: int) -> bool:
    """Hand one pending message to the broker; True if it was handed over now.

    The row is locked while publishing (``skip_locked``: a sweep and an on-commit hand-over never
    both publish it). Any error is recorded on the row and logged, never raised.
    """
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            _publish(_task(message.task), message.args)
        except Exception as exc:  # noqa: BLE001 - the follow-up stays pending; the action succeeded
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            message.save(update_fields=["attempts", "last_error"])
            logger.warning("Outbox message %s (%s) not sent: %s", message.pk, message.task, message.last_error)
            return False
        message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "sent_at"])
    return True


def outbox_pending(*, older_than_seconds: int | None = None):
    """Pending messages created at least ``older_than_seconds`` ago (default OUTBOX_SWEEP_AFTER_SECONDS)."""
    seconds = settings.OUTBOX_SWEEP_AFTER_SECONDS if older_than_seconds is None else older_than_seconds
    cutoff = timezone.now() - dt.timedelta(seconds=seconds)
    return OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lte=cutoff).order_by("pk")


def outbox_sweep(*, older_than_seconds: int | None = None, limit: int = 1000) -> dict:
    """Hand over pending messages (oldest first); forget sent ones after OUTBOX_KEEP_DAYS."""
    ids = list(outbox_pending(older_than_seconds=older_than_seconds).values_list("pk", flat=True)[:limit])
    sent = failed = consecutive = 0
    for message_id in ids:
        if outbox_deliver(message_id):
            sent += 1
            consecutive = 0
            continue
        if OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).exists():
            failed += 1
            consecutive += 1
            if consecutive >= SWEEP_MAX_CONSECUTIVE_FAILURES:
                break
    keep_until = timezone.now() - dt.timedelta(days=settings.OUTBOX_KEEP_DAYS)
    purged, _ = OutboxMessage.objects.filter(sent_at__lt=keep_until).delete()
    result = {"pending": len(ids), "sent": sent, "failed": failed, "purged": purged}
    if failed:
        logger.warning("Outbox sweep: %s", result)
    return result
