"""Planning, recording and sending reminders.

A run for a date: (1) plan the digests from the selectors, leaving out every dataset or task
already in the log at the same stage and due date for the same recipient; (2) record each digest
with its items in the log, one transaction per digest, before anything is sent; (3) enqueue one
Celery task per unsent digest (the new ones and those still pending or failed from recent runs).
Running twice, or again after a crash, therefore sends nothing twice and everything missing once.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from celery.exceptions import Retry
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from common.quarters import Quarter
from plan.labels import ukrainian_status_labels

from . import quarterly, selectors
from .choices import ItemKind, MessageKind, ObjectType, State
from .emails import build_message, subject_for
from .models import ReminderLog, ReminderLogItem

logger = logging.getLogger(__name__)

ALL_SCOPE = "all"


@dataclass
class PlannedItem:
    object_type: str
    object_id: int
    kind: str
    due_date: dt.date
    title: str
    data: dict


@dataclass
class PlannedMessage:
    kind: str
    recipient: str
    scope: str
    department_id: int | None
    reference_date: dt.date
    extra: dict = field(default_factory=dict)
    items: list[PlannedItem] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        return (self.kind, self.recipient, self.scope, self.reference_date)

    @property
    def subject(self) -> str:
        return subject_for(self.kind, self.reference_date, self.extra)


@dataclass
class RunResult:
    date: dt.date
    planned: list[PlannedMessage]
    recorded: int = 0
    skipped: int = 0
    enqueued: int = 0
    failed_to_enqueue: int = 0

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "planned": len(self.planned),
            "items": sum(len(m.items) for m in self.planned),
            "recorded": self.recorded,
            "skipped": self.skipped,
            "enqueued": self.enqueued,
            "failed_to_enqueue": self.failed_to_enqueue,
        }


def _site(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _dataset_data(row: dict, date: dt.date) -> dict:
    due = row["next_due_date"]
    return {
        "department": row["department__name"],
        "department_short": row["department__short_name"] or row["department__name"],
        "url": _site(f"/registry/{row['slug']}/"),
        "mark_updated_url": _site(f"/registry/{row['slug']}/mark-updated/"),
        "days_overdue": max((date - due).days, 0),
        "days_left": max((due - date).days, 0),
    }


def _dataset_item(row: dict, kind: str, date: dt.date) -> PlannedItem:
    return PlannedItem(
        object_type=ObjectType.DATASET,
        object_id=row["pk"],
        kind=kind,
        due_date=row["next_due_date"],
        title=row["title"],
        data=_dataset_data(row, date),
    )


def _message(plans: dict, *, kind, recipient, scope, department_id, date, extra=None) -> PlannedMessage:
    key = (kind, recipient, scope, date)
    if key not in plans:
        plans[key] = PlannedMessage(
            kind=kind,
            recipient=recipient,
            scope=scope,
            department_id=department_id,
            reference_date=date,
            extra=extra or {},
        )
    return plans[key]


def plan_dataset_digests(*, date: dt.date, batch_size: int, plans: dict) -> None:
    days = settings.REMINDER_DUE_SOON_DAYS
    for rows in selectors.dataset_digest_rows(date=date, due_soon_days=days, batch_size=batch_size):
        for row in rows:
            message = _message(
                plans,
                kind=MessageKind.DATASET_DIGEST,
                recipient=row["recipient"],
                scope=str(row["department_id"]),
                department_id=row["department_id"],
                date=date,
                extra={"department": row["department__name"], "due_soon_days": days},
            )
            message.items.append(_dataset_item(row, row["stage"], date))


def plan_dataset_escalations(*, date: dt.date, batch_size: int, plans: dict) -> None:
    coordinator_days = settings.REMINDER_ESCALATION_DAYS
    head_days = settings.REMINDER_HEAD_ESCALATION_DAYS
    coordinators = selectors.coordinator_emails()
    kinds = [ItemKind.ESCALATION, ItemKind.HEAD_ESCALATION]
    for rows in selectors.dataset_escalation_rows(date=date, overdue_days=coordinator_days, batch_size=batch_size):
        logged = selectors.logged_item_keys(
            object_type=ObjectType.DATASET, object_ids=[r["pk"] for r in rows], kinds=kinds
        )
        for row in rows:
            due = row["next_due_date"]
            for email in coordinators:
                if (row["pk"], ItemKind.ESCALATION, due, email) in logged:
                    continue
                message = _message(
                    plans,
                    kind=MessageKind.DATASET_ESCALATION,
                    recipient=email,
                    scope=ALL_SCOPE,
                    department_id=None,
                    date=date,
                    extra={"overdue_days": coordinator_days},
                )
                message.items.append(_dataset_item(row, ItemKind.ESCALATION, date))
            head = row["head_email"]
            head_key = (row["pk"], ItemKind.HEAD_ESCALATION, due, head)
            if head and (date - due).days > head_days and head_key not in logged:
                message = _message(
                    plans,
                    kind=MessageKind.HEAD_ESCALATION,
                    recipient=head,
                    scope=str(row["department_id"]),
                    department_id=row["department_id"],
                    date=date,
                    extra={"department": row["department__name"], "overdue_days": head_days},
                )
                message.items.append(_dataset_item(row, ItemKind.HEAD_ESCALATION, date))


def quarter_reminder_kind(date: dt.date) -> tuple[Quarter, str | None]:
    """Which task reminder is due in the quarter containing ``date``: the start-of-quarter list from
    its first day, the end-of-quarter reminder from ``REMINDER_QUARTER_END_DAYS`` before its last day."""
    quarter = Quarter.containing(date)
    end_window = quarter.last_day() - dt.timedelta(days=settings.REMINDER_QUARTER_END_DAYS)
    if date >= end_window:
        return quarter, ItemKind.QUARTER_END
    return quarter, ItemKind.QUARTER_START


def plan_task_reminders(*, date: dt.date, batch_size: int, plans: dict) -> None:
    quarter, kind = quarter_reminder_kind(date)
    message_kind = MessageKind.TASK_QUARTER_END if kind == ItemKind.QUARTER_END else MessageKind.TASK_QUARTER_START
    due = quarter.last_day()
    statuses = ukrainian_status_labels()
    for rows in selectors.task_rows_ending_in_quarter(quarter_index=quarter.index, batch_size=batch_size):
        logged = selectors.logged_item_keys(
            object_type=ObjectType.TASK, object_ids={r["task_id"] for r in rows}, kinds=[kind]
        )
        for row in rows:
            if (row["task_id"], kind, due, row["recipient"]) in logged:
                continue
            message = _message(
                plans,
                kind=message_kind,
                recipient=row["recipient"],
                scope=str(row["department_id"]),
                department_id=row["department_id"],
                date=date,
                extra={
                    "department": row["department__name"],
                    "quarter": str(quarter),
                    "quarter_label": quarter.label(),
                    "quarter_end": due.isoformat(),
                    "days_left": (due - date).days,
                },
            )
            message.items.append(
                PlannedItem(
                    object_type=ObjectType.TASK,
                    object_id=row["task_id"],
                    kind=kind,
                    due_date=due,
                    title=row["task__title"],
                    data={
                        "url": _site(f"/plan/tasks/{row['task_id']}/"),
                        "deadline": row["task__deadline_text"],
                        "status": statuses.get(row["task__status"], row["task__status"]),
                    },
                )
            )


def reminders_plan(*, date: dt.date, daily: bool = True, escalation: bool = False, batch_size=None):
    """The digests due on ``date`` that are not yet in the log (nothing is written)."""
    batch_size = batch_size or settings.REMINDER_BATCH_SIZE
    plans: dict = {}
    if daily:
        plan_dataset_digests(date=date, batch_size=batch_size, plans=plans)
        plan_task_reminders(date=date, batch_size=batch_size, plans=plans)
        quarterly.plan_quarterly(date=date, batch_size=batch_size, plans=plans)
    if escalation:
        plan_dataset_escalations(date=date, batch_size=batch_size, plans=plans)
    return [m for m in plans.values() if m.items]


@transaction.atomic
def reminder_record(*, message: PlannedMessage) -> ReminderLog | None:
    """Write one digest and its items to the log; None if that digest is already there."""
    log, created = ReminderLog.objects.get_or_create(
        kind=message.kind,
        recipient=message.recipient,
        scope=message.scope,
        reference_date=message.reference_date,
        defaults={"department_id": message.department_id, "subject": message.subject, "extra": message.extra},
    )
    if not created:
        # Items that appeared after today's digest was recorded go in the next run's digest.
        return None
    ReminderLogItem.objects.bulk_create(
        ReminderLogItem(
            log=log,
            object_type=item.object_type,
            object_id=item.object_id,
            kind=item.kind,
            due_date=item.due_date,
            recipient=message.recipient,
            title=item.title,
            data=item.data,
        )
        for item in message.items
    )
    return log


def unsent_log_ids(*, date: dt.date) -> list[int]:
    since = date - dt.timedelta(days=settings.REMINDER_RESEND_DAYS)
    return list(
        ReminderLog.objects.filter(
            state__in=[State.PENDING, State.FAILED], reference_date__gte=since, reference_date__lte=date
        )
        .order_by("id")
        .values_list("id", flat=True)
    )


def _enqueue(result: RunResult, log_ids: list[int]) -> None:
    from .tasks import send_reminder

    for log_id in log_ids:
        signature = send_reminder.s(log_id)
        try:
            while True:
                try:
                    signature.apply_async()
                    break
                except Retry as retry:
                    # Eager mode only (tests, benchmark): the task asked to be retried; a worker would
                    # wait with backoff, here the retry runs at once.
                    if retry.sig is None:
                        break
                    signature = retry.sig
        except Exception:  # noqa: BLE001 - one failure must not lose the rest of the batch
            logger.exception("Reminder %s could not be sent", log_id)
            result.failed_to_enqueue += 1
        else:
            result.enqueued += 1


def reminders_run(
    *,
    date: dt.date | None = None,
    daily: bool = True,
    escalation: bool | None = None,
    dry_run: bool = False,
    batch_size: int | None = None,
) -> RunResult:
    """Plan, record and send the reminders of ``date`` (default: today in TIME_ZONE).

    ``escalation=None`` means: on the weekday of ``REMINDER_ESCALATION_WEEKDAY`` only.
    With ``dry_run`` nothing is written or sent; the result lists what would go to whom.
    """
    date = date or timezone.localdate()
    if escalation is None:
        escalation = date.isoweekday() == settings.REMINDER_ESCALATION_WEEKDAY
    result = RunResult(
        date=date, planned=reminders_plan(date=date, daily=daily, escalation=escalation, batch_size=batch_size)
    )
    if dry_run:
        return result
    for message in result.planned:
        try:
            log = reminder_record(message=message)
        except IntegrityError:
            # Another run recorded some of these items at the same moment: it sends them.
            log = None
        if log is None:
            result.skipped += 1
        else:
            result.recorded += 1
    log_ids = unsent_log_ids(date=date)
    transaction.on_commit(lambda: _enqueue(result, log_ids))
    return result


def reminder_message_id(log: ReminderLog) -> str:
    """The digest's Message-ID, the same on every attempt (a resend is recognisable as the same e-mail)."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<reminder-{log.pk}.{log.created_at:%Y%m%d%H%M%S}@{domain}>"


def reminder_send(*, log_id: int, final_attempt: bool = True) -> bool:
    """Send one digest at most once towards the SMTP server; record the attempt and any error.

    Returns True when the e-mail went out. The row is marked "sending" and committed before the SMTP
    conversation and "sent" after it, so a worker killed in between leaves it "sending": a retry, a
    redelivered task or the next run sees that and does not send it again (the server may already
    have accepted it); coordinators see such digests in the admin and may resend them (same
    Message-ID). An SMTP error means the server did not take the message: the row goes back to
    pending (failed on the last attempt) and the error is re-raised for the Celery task's backoff.
    """
    with transaction.atomic():
        log = ReminderLog.objects.select_for_update().filter(pk=log_id).first()
        if log is None or log.state == State.SENT:
            return False
        if log.state == State.SENDING:
            logger.warning("Reminder %s to %s was handed to SMTP before; not sent again", log.pk, log.recipient)
            return False
        message = build_message(log, list(log.items.all()))
        message.extra_headers["Message-ID"] = reminder_message_id(log)
        log.attempts += 1
        log.state = State.SENDING
        log.save(update_fields=["attempts", "state"])
    error = None
    try:
        message.send()
    except Exception as exc:  # noqa: BLE001 - stored on the row, then re-raised below
        error = exc
    with transaction.atomic():
        if error is None:
            log.state = State.SENT
            log.sent_at = timezone.now()
            log.save(update_fields=["state", "sent_at"])
            return True
        log.last_error = f"{type(error).__name__}: {error}"[:2000]
        log.state = State.FAILED if final_attempt else State.PENDING
        log.save(update_fields=["last_error", "state"])
    logger.warning("Reminder %s to %s failed (attempt %s): %s", log.pk, log.recipient, log.attempts, error)
    raise error
