"""Reads for reminders: which datasets and tasks need one, fetched in batches.

Every selector walks its rows by primary key in batches of ``batch_size`` (keyset pagination),
so the number of SQL queries grows by one per batch, never per dataset or task.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.db.models import Case, CharField, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf

from accounts import roles
from plan.choices import CLOSED_STATUSES, PlanStatus
from plan.models import TaskDepartment, TaskPeriod
from registry.choices import DatasetStatus
from registry.models import Dataset

from .choices import ItemKind, ObjectType
from .models import ReminderLogItem

DATASET_FIELDS = (
    "pk",
    "slug",
    "title",
    "next_due_date",
    "department_id",
    "department__name",
    "department__short_name",
)


def _department_address(prefix: str = "department__"):
    """The department's contact address, or its head's when the department has none."""
    return Lower(
        Coalesce(
            NullIf(F(f"{prefix}email"), Value("")),
            NullIf(F(f"{prefix}head__email"), Value("")),
            Value(""),
        )
    )


def iterate_in_batches(queryset: QuerySet, *, batch_size: int, key: str = "pk") -> Iterator[list]:
    """Yield lists of rows of ``queryset`` (a .values() queryset containing ``key``), one query per batch."""
    last = None
    while True:
        page = queryset.order_by(key)
        if last is not None:
            page = page.filter(**{f"{key}__gt": last})
        rows = list(page[:batch_size])
        if not rows:
            return
        yield rows
        if len(rows) < batch_size:
            return
        last = rows[-1][key]


def published_datasets() -> QuerySet[Dataset]:
    return Dataset.objects.filter(status=DatasetStatus.PUBLISHED, next_due_date__isnull=False)


def dataset_digest_rows(*, date: dt.date, due_soon_days: int, batch_size: int) -> Iterator[list[dict]]:
    """Published datasets due within ``due_soon_days`` of ``date``, due that day, or overdue,
    that have not yet been reminded at their stage (due soon / due today / overdue) for their
    current due date to their department's current address. Rows carry ``recipient`` and ``stage``.
    """
    already = ReminderLogItem.objects.filter(
        object_type=ObjectType.DATASET,
        object_id=OuterRef("pk"),
        kind=OuterRef("stage"),
        due_date=OuterRef("next_due_date"),
        recipient=OuterRef("recipient"),
    )
    queryset = (
        published_datasets()
        .filter(next_due_date__lte=date + dt.timedelta(days=due_soon_days))
        .annotate(
            recipient=_department_address(),
            stage=Case(
                When(next_due_date__lt=date, then=Value(ItemKind.OVERDUE.value)),
                When(next_due_date=date, then=Value(ItemKind.DUE_TODAY.value)),
                default=Value(ItemKind.DUE_SOON.value),
                output_field=CharField(),
            ),
        )
        .exclude(recipient="")
        .filter(~Exists(already))
        .values(*DATASET_FIELDS, "recipient", "stage")
    )
    return iterate_in_batches(queryset, batch_size=batch_size)


def dataset_escalation_rows(*, date: dt.date, overdue_days: int, batch_size: int) -> Iterator[list[dict]]:
    """Published datasets overdue by more than ``overdue_days`` on ``date``, with the head's address."""
    queryset = (
        published_datasets()
        .filter(next_due_date__lt=date - dt.timedelta(days=overdue_days))
        .annotate(
            head_email=Lower(
                Case(
                    When(department__head__is_active=True, then=Coalesce(F("department__head__email"), Value(""))),
                    default=Value(""),
                    output_field=CharField(),
                )
            )
        )
        .values(*DATASET_FIELDS, "head_email")
    )
    return iterate_in_batches(queryset, batch_size=batch_size)


def logged_item_keys(*, object_type: str, object_ids, kinds) -> set[tuple]:
    """Keys (object_id, kind, due_date, recipient) already in the log for these objects."""
    return set(
        ReminderLogItem.objects.filter(object_type=object_type, object_id__in=list(object_ids), kind__in=kinds)
        .values_list("object_id", "kind", "due_date", "recipient")
        .iterator()
    )


def coordinator_emails() -> list[str]:
    """Active coordinators with an e-mail address, each address once."""
    emails = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.COORDINATOR)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted({email.strip().lower() for email in emails})


def task_rows_ending_in_quarter(*, quarter_index: int, batch_size: int) -> Iterator[list[dict]]:
    """(task, responsible department) pairs of adopted plans whose deadline range ends in the quarter
    and whose task is not closed (completed or cancelled), with the department's address."""
    ends_here = TaskPeriod.objects.filter(task_id=OuterRef("task_id"), end_index=quarter_index)
    queryset = (
        TaskDepartment.objects.filter(Exists(ends_here), task__plan__status=PlanStatus.ADOPTED)
        .exclude(task__status__in=CLOSED_STATUSES)
        .annotate(recipient=_department_address())
        .exclude(Q(recipient="") | Q(recipient__isnull=True))
        .values(
            "pk",
            "task_id",
            "task__title",
            "task__deadline_text",
            "task__status",
            "department_id",
            "department__name",
            "department__short_name",
            "recipient",
        )
    )
    return iterate_in_batches(queryset, batch_size=batch_size)
