"""Reads of the registry: querysets built once, a fixed number of queries whatever the size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from accounts import roles
from accounts.models import Department

from .choices import DatasetStatus, Frequency
from .models import Dataset, DatasetUpdate, RequiredDataset

PERSONAL_FIELDS = ("responsible_person", "responsible_email")
NO_SCHEDULE = (Frequency.ON_CHANGE, Frequency.NO_LONGER_UPDATED)


def _can_see_personal(user) -> bool:
    return bool(user is not None and roles.is_staff_member(user))


def dataset_list(*, user=None, filters: dict | None = None):
    """Every dataset, with department and 835 entry joined.

    For the public (and council members) the personal fields are not even loaded.
    ``filters`` are plain field lookups (``{"department": d}``); the FilterSet does the rest.
    """
    qs = Dataset.objects.select_related("department", "required_by_835")
    if not _can_see_personal(user):
        qs = qs.defer(*PERSONAL_FIELDS)
    if filters:
        qs = qs.filter(**filters)
    return qs.order_by("title", "pk")


def dataset_public(*, user=None):
    """What the public feeds show (DCAT, CKAN API): published datasets only."""
    return dataset_list(user=user).filter(status=DatasetStatus.PUBLISHED)


def dataset_detail_queryset(*, user=None):
    updates = DatasetUpdate.objects.select_related("by").order_by("-updated_at")
    return dataset_list(user=user).prefetch_related(Prefetch("updates", queryset=updates), "tasks")


def dataset_for_user(*, user):
    """Datasets the user stewards: a coordinator sees all, a department head their department's."""
    qs = dataset_list(user=user)
    if roles.is_coordinator(user):
        return qs
    if roles.is_department_head(user):
        return qs.filter(department_id=user.department_id)
    return qs.none()


def datasets_overdue(*, today: dt.date):
    """Published datasets whose due date has passed: one query on the (status, next_due_date) index."""
    return Dataset.objects.filter(status=DatasetStatus.PUBLISHED, next_due_date__lt=today)


def datasets_due_between(*, start: dt.date, end: dt.date):
    """Published datasets due from ``start`` to ``end`` inclusive (reminders)."""
    return Dataset.objects.filter(status=DatasetStatus.PUBLISHED, next_due_date__gte=start, next_due_date__lte=end)


@dataclass
class DepartmentFigures:
    department: Department
    total: int
    published: int
    overdue: int
    average_quality: float | None


@dataclass
class RegistryFigures:
    total: int
    published: int
    on_time: int
    overdue: int
    average_quality: float | None
    per_department: list[DepartmentFigures] = field(default_factory=list)

    @property
    def on_time_share(self) -> float | None:
        """Share (0-1) of the published datasets that are not overdue."""
        return self.on_time / self.published if self.published else None

    @property
    def on_time_percent(self) -> int | None:
        share = self.on_time_share
        return None if share is None else round(share * 100)


def _figures_aggregates(today: dt.date) -> dict:
    published = Q(status=DatasetStatus.PUBLISHED)
    overdue = published & Q(next_due_date__lt=today)
    return {
        "total": Count("pk"),
        "published": Count("pk", filter=published),
        "overdue": Count("pk", filter=overdue),
        "average_quality": Avg("quality_score"),
    }


def registry_figures(*, today: dt.date | None = None, per_department: bool = True) -> RegistryFigures:
    """Figures for the home page and the quarterly report (three queries at any size)."""
    today = today or timezone.localdate()
    agg = _figures_aggregates(today)
    totals = Dataset.objects.aggregate(**agg)
    figures = RegistryFigures(
        total=totals["total"],
        published=totals["published"],
        overdue=totals["overdue"],
        on_time=totals["published"] - totals["overdue"],
        average_quality=round(totals["average_quality"], 1) if totals["average_quality"] is not None else None,
    )
    if per_department:
        rows = (
            Dataset.objects.values("department")
            .annotate(**agg)
            .order_by()
            .values_list("department", "total", "published", "overdue", "average_quality")
        )
        by_id = {row[0]: row for row in rows}
        departments = Department.objects.filter(pk__in=by_id).alphabetical()
        figures.per_department = [
            DepartmentFigures(
                department=d,
                total=by_id[d.pk][1],
                published=by_id[d.pk][2],
                overdue=by_id[d.pk][3],
                average_quality=round(by_id[d.pk][4], 1) if by_id[d.pk][4] is not None else None,
            )
            for d in departments
        ]
    return figures


@dataclass
class ChecklistEntry:
    required: RequiredDataset
    datasets: list
    in_registry: bool
    published: bool
    up_to_date: bool


@dataclass
class Checklist:
    entries: list[ChecklistEntry]

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def in_registry(self) -> int:
        return sum(e.in_registry for e in self.entries)

    @property
    def published(self) -> int:
        return sum(e.published for e in self.entries)

    @property
    def up_to_date(self) -> int:
        return sum(e.up_to_date for e in self.entries)

    @property
    def missing(self) -> list[RequiredDataset]:
        return [e.required for e in self.entries if not e.in_registry]


def checklist_835(*, today: dt.date | None = None) -> Checklist:
    """Each entry of the Resolution 835 list: in the registry? published? up to date? (2 queries)."""
    today = today or timezone.localdate()
    datasets = Dataset.objects.select_related("department").defer(*PERSONAL_FIELDS).order_by("title")
    entries = []
    for required in RequiredDataset.objects.prefetch_related(Prefetch("datasets", queryset=datasets)):
        linked = list(required.datasets.all())
        published = [d for d in linked if d.status == DatasetStatus.PUBLISHED]
        up_to_date = [
            d
            for d in published
            if (d.next_due_date is not None and d.next_due_date >= today)
            or (d.frequency in NO_SCHEDULE and d.next_due_date is None)
        ]
        entries.append(
            ChecklistEntry(
                required=required,
                datasets=linked,
                in_registry=bool(linked),
                published=bool(published),
                up_to_date=bool(up_to_date),
            )
        )
    return Checklist(entries=entries)


def required_dataset_list():
    return RequiredDataset.objects.annotate(dataset_count=Count("datasets")).order_by("applies_to", "position")


def dataset_catalog():
    """Published datasets for the DCAT catalogue, with the link of their latest update that has
    one (a distribution of its own): a subquery on the (dataset, -updated_at) index."""
    latest_link = (
        DatasetUpdate.objects.filter(dataset=OuterRef("pk")).exclude(link="").order_by("-updated_at").values("link")[:1]
    )
    return dataset_public().annotate(latest_update_link=Subquery(latest_link))


def catalog_summary() -> tuple[int, dt.datetime | None]:
    """How many datasets the public catalogue holds and when one last changed (one query)."""
    figures = dataset_public().order_by().aggregate(total=Count("pk"), modified=Max("updated_at"))
    return figures["total"], figures["modified"]
