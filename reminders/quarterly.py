"""The quarterly reporting round and the weekly chase of overdue tasks (issue 18), planned inside
the daily reminder job (``services.reminders_plan``), so they are recorded, sent, retried and
logged exactly like the dataset reminders.

Reporting round, for the quarter Q that has just ended (run on any day of the next quarter):

* from the first day until the deadline (day ``REPORT_DEADLINE_DAY`` of the next quarter): each
  lead department gets ONE digest of the active tasks it must report on for Q (tasks of adopted,
  i.e. active, plans whose periods cover Q and that are not completed or cancelled);
* from ``REPORT_REMINDER_DAYS`` before the deadline: a reminder of the tasks still without a report;
* after the deadline: "report missing" to the lead department, then the same tasks to every
  coordinator once ``REMINDER_ESCALATION_DAYS`` have passed, and to the department head after
  ``REMINDER_HEAD_ESCALATION_DAYS`` (the thresholds of the dataset escalation).

A task "has a report" for Q when an update for period Q is accepted or awaiting review.

Overdue tasks (due date passed, not completed or cancelled, adopted plans) are chased every week
(the first daily run of each ISO week) until done or cancelled: to the lead department, and with
the same escalation thresholds (counted from the due date) to coordinators and the head.

Each item's log key is (task, stage, date, recipient), the date being the report deadline for the
round and the week's Monday for the chase, so a second run on the same day, or any day of the same
week, sends nothing again. Finished (or archived) and draft plans generate no rounds or chases.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Case, CharField, Exists, F, OuterRef, Value, When
from django.db.models.functions import Coalesce, Lower

from common.quarters import Quarter
from plan.choices import CLOSED_STATUSES, PlanStatus, ReviewState
from plan.labels import ukrainian_status_labels
from plan.models import ProgressUpdate, TaskDepartment, TaskPeriod

from .choices import ItemKind, MessageKind, ObjectType
from .selectors import _department_address, coordinator_emails, iterate_in_batches, logged_item_keys

ROW_FIELDS = (
    "pk",
    "task_id",
    "task__title",
    "task__position",
    "task__deadline_text",
    "task__status",
    "task__due_date",
    "department_id",
    "department__name",
    "recipient",
    "head_email",
)


def report_deadline(quarter: Quarter) -> dt.date:
    """The day the report on ``quarter`` is due: day REPORT_DEADLINE_DAY of the next quarter."""
    return quarter.next().first_day() + dt.timedelta(days=settings.REPORT_DEADLINE_DAY - 1)


def _lead_links():
    """Lead (task, department) links of active plans' open tasks, with the department's and head's address."""
    return (
        TaskDepartment.objects.filter(is_lead=True, task__plan__status=PlanStatus.ADOPTED)
        .exclude(task__status__in=CLOSED_STATUSES)
        .annotate(
            recipient=_department_address(),
            head_email=Lower(
                Case(
                    When(department__head__is_active=True, then=Coalesce(F("department__head__email"), Value(""))),
                    default=Value(""),
                    output_field=CharField(),
                )
            ),
        )
    )


def round_rows(*, quarter: Quarter, batch_size: int, unreported_only: bool):
    """Lead links of tasks to report on for ``quarter`` (plan covers it, a period covers it)."""
    covers = TaskPeriod.objects.filter(
        task_id=OuterRef("task_id"), start_index__lte=quarter.index, end_index__gte=quarter.index
    )
    queryset = _lead_links().filter(
        Exists(covers),
        task__plan__start_quarter__lte=str(quarter),
        task__plan__end_quarter__gte=str(quarter),
    )
    if unreported_only:
        reported = ProgressUpdate.objects.filter(
            task_id=OuterRef("task_id"),
            period_index=quarter.index,
            review_state__in=[ReviewState.ACCEPTED, ReviewState.PENDING],
        )
        queryset = queryset.filter(~Exists(reported))
    return iterate_in_batches(queryset.values(*ROW_FIELDS), batch_size=batch_size)


def overdue_rows(*, date: dt.date, batch_size: int):
    queryset = _lead_links().filter(task__due_date__lt=date)
    return iterate_in_batches(queryset.values(*ROW_FIELDS), batch_size=batch_size)


def _item(row: dict, *, kind: str, key_date: dt.date, date: dt.date, statuses: dict):
    from .services import PlannedItem, _site

    due = row["task__due_date"]
    return PlannedItem(
        object_type=ObjectType.TASK,
        object_id=row["task_id"],
        kind=kind,
        due_date=key_date,
        title=f"{row['task__position']}. {row['task__title']}",
        data={
            "url": _site(f"/plan/tasks/{row['task_id']}/"),
            "report_url": _site(f"/workspace/tasks/{row['task_id']}/progress/"),
            "deadline": row["task__deadline_text"],
            "status": statuses.get(row["task__status"], row["task__status"]),
            "department": row["department__name"],
            "due": due.isoformat() if due else "",
            "days_overdue": max((date - due).days, 0) if due else 0,
        },
    )


def _add(plans: dict, row: dict, item, *, kind: str, recipient: str, department_id, date, extra: dict) -> None:
    from .services import _message

    scope = str(department_id) if department_id is not None else "all"
    message = _message(
        plans, kind=kind, recipient=recipient, scope=scope, department_id=department_id, date=date, extra=extra
    )
    message.items.append(item)


def _round_stage(date: dt.date, deadline: dt.date) -> tuple[str, str] | None:
    """(item kind, message kind) of the department's own round e-mail on ``date``."""
    if date > deadline:
        return ItemKind.REPORT_MISSING, MessageKind.TASK_REPORT_MISSING
    if date >= deadline - dt.timedelta(days=settings.REPORT_REMINDER_DAYS):
        return ItemKind.REPORT_REMINDER, MessageKind.TASK_REPORT_REMINDER
    return ItemKind.REPORT_DUE, MessageKind.TASK_REPORT_ROUND


def plan_reporting_round(*, date: dt.date, batch_size: int, plans: dict) -> None:
    quarter = Quarter.containing(date).previous()
    deadline = report_deadline(quarter)
    item_kind, message_kind = _round_stage(date, deadline)
    late_days = (date - deadline).days
    coordinators = coordinator_emails() if late_days > settings.REMINDER_ESCALATION_DAYS else []
    to_head = late_days > settings.REMINDER_HEAD_ESCALATION_DAYS
    statuses = ukrainian_status_labels()
    extra = {
        "quarter": str(quarter),
        "quarter_label": quarter.label(),
        "deadline": deadline.isoformat(),
        "deadline_label": deadline.strftime("%d.%m.%Y"),
        "days_late": max(late_days, 0),
    }
    kinds = [item_kind, ItemKind.REPORT_ESCALATION, ItemKind.REPORT_HEAD]
    rows_iter = round_rows(quarter=quarter, batch_size=batch_size, unreported_only=item_kind != ItemKind.REPORT_DUE)
    for rows in rows_iter:
        logged = logged_item_keys(object_type=ObjectType.TASK, object_ids={r["task_id"] for r in rows}, kinds=kinds)
        for row in rows:
            department_extra = {**extra, "department": row["department__name"]}
            targets = [(item_kind, message_kind, row["recipient"], row["department_id"], department_extra)]
            targets += [
                (ItemKind.REPORT_ESCALATION, MessageKind.TASK_REPORT_ESCALATION, email, None, extra)
                for email in coordinators
            ]
            if to_head and row["head_email"]:
                head = (ItemKind.REPORT_HEAD, MessageKind.TASK_REPORT_HEAD, row["head_email"], row["department_id"])
                targets.append((*head, department_extra))
            _add_targets(plans, row, targets, logged=logged, key_date=deadline, date=date, statuses=statuses)


def _add_targets(plans, row, targets, *, logged, key_date, date, statuses) -> None:
    """Plan one item per (kind, recipient) target not already logged for this task and key date."""
    for kind, message_kind, recipient, department_id, message_extra in targets:
        if not recipient or (row["task_id"], kind, key_date, recipient) in logged:
            continue
        item = _item(row, kind=kind, key_date=key_date, date=date, statuses=statuses)
        _add(
            plans,
            row,
            item,
            kind=message_kind,
            recipient=recipient,
            department_id=department_id,
            date=date,
            extra=message_extra,
        )


def plan_overdue_chase(*, date: dt.date, batch_size: int, plans: dict) -> None:
    week = date - dt.timedelta(days=date.weekday())  # the Monday: one chase per task and week
    statuses = ukrainian_status_labels()
    coordinators = coordinator_emails()
    extra = {"overdue_days": settings.REMINDER_ESCALATION_DAYS, "head_days": settings.REMINDER_HEAD_ESCALATION_DAYS}
    kinds = [ItemKind.TASK_OVERDUE, ItemKind.OVERDUE_ESCALATION, ItemKind.OVERDUE_HEAD]
    for rows in overdue_rows(date=date, batch_size=batch_size):
        logged = logged_item_keys(object_type=ObjectType.TASK, object_ids={r["task_id"] for r in rows}, kinds=kinds)
        for row in rows:
            days = (date - row["task__due_date"]).days
            department_extra = {**extra, "department": row["department__name"]}
            targets = [
                (
                    ItemKind.TASK_OVERDUE,
                    MessageKind.TASK_OVERDUE,
                    row["recipient"],
                    row["department_id"],
                    department_extra,
                )
            ]
            if days > settings.REMINDER_ESCALATION_DAYS:
                targets += [
                    (ItemKind.OVERDUE_ESCALATION, MessageKind.TASK_OVERDUE_ESCALATION, email, None, extra)
                    for email in coordinators
                ]
            if days > settings.REMINDER_HEAD_ESCALATION_DAYS and row["head_email"]:
                head = (ItemKind.OVERDUE_HEAD, MessageKind.TASK_OVERDUE_HEAD, row["head_email"], row["department_id"])
                targets.append((*head, department_extra))
            _add_targets(plans, row, targets, logged=logged, key_date=week, date=date, statuses=statuses)


def plan_quarterly(*, date: dt.date, batch_size: int, plans: dict) -> None:
    """Both parts of the cycle for ``date`` (called by the daily job)."""
    plan_reporting_round(date=date, batch_size=batch_size, plans=plans)
    plan_overdue_chase(date=date, batch_size=batch_size, plans=plans)
