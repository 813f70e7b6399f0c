"""Reads of the workspace: each block of the page calls the owning app's selectors.

The workspace is a composition app (like ``reports``): it reads from plan, registry, feedback,
audit, reminders and reports, and nobody imports it. The reports app's model is reached through
``optional_model`` and its URLs through ``url_or_none``, so the page works before it lands.
Every function returns a queryset or a small list built with a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldError
from django.db.models import Count, F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import Department
from audit import selectors as audit_selectors
from audit.choices import EDITABLE_RESPONSE_STATUSES, CampaignStatus, ResponseStatus
from common.collation import uk_order
from common.quarters import Quarter
from feedback.choices import FeedbackStatus
from feedback.selectors import moderation_queue
from plan import selectors as plan_selectors
from plan.choices import PlanStatus
from plan.models import ActionPlan, ProgressUpdate, TaskDepartment
from registry import selectors as registry_selectors
from reminders.choices import State as ReminderState
from reminders.models import ReminderLog

NEW_UPDATES_FIRST_VISIT_DAYS = 14
LIST_LIMIT = 50


def optional_model(app_label: str, model_name: str):
    """The model class, or None while the app or the model does not exist yet."""
    if not apps.is_installed(app_label):
        return None
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def url_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _open_plans():
    return ActionPlan.objects.exclude(status=PlanStatus.ARCHIVED)


# --- department head -----------------------------------------------------------------------------


def head_tasks(*, user, today: dt.date | None = None):
    """Tasks of open plans the head's department is responsible for: overdue first, then by due date."""
    return (
        plan_selectors.task_list(today=today)
        .filter(task_departments__department_id=user.department_id, plan__in=_open_plans())
        .order_by("-is_overdue", F("due_date").asc(nulls_last=True), "plan_id", "position", "id")
    )


def head_datasets(*, user):
    """The department's datasets, soonest due first (datasets without a schedule last)."""
    return registry_selectors.dataset_for_user(user=user).order_by(F("next_due_date").asc(nulls_last=True), "title")


def head_audit_responses(*, user):
    """Open questionnaires of the head's department still to be filled in, nearest deadline first,
    with their resource counts."""
    return (
        audit_selectors.response_list_with_counts(user=user)
        .filter(status__in=EDITABLE_RESPONSE_STATUSES, campaign__status=CampaignStatus.OPEN)
        .order_by("campaign__deadline", "pk")
    )


def head_reminders(*, user, limit: int = 20):
    """Reminder e-mails sent for the head's department or to the head, newest first (one query)."""
    addressed = Q(department_id=user.department_id)
    if user.email:
        addressed |= Q(recipient__iexact=user.email)
    return (
        ReminderLog.objects.filter(addressed, state=ReminderState.SENT)
        .annotate(item_count=Count("items"))
        .order_by("-sent_at", "-pk")[:limit]
    )


# --- coordinator ---------------------------------------------------------------------------------


@dataclass
class DepartmentOverdue:
    department: Department
    tasks: list = field(default_factory=list)
    datasets: list = field(default_factory=list)


def overdue_by_department(*, today: dt.date | None = None) -> list[DepartmentOverdue]:
    """Overdue tasks (of open plans) and overdue published datasets, grouped by department in Ukrainian
    alphabetical order (3 queries)."""
    today = today or timezone.localdate()
    links = (
        TaskDepartment.objects.filter(plan_selectors.overdue_q(today=today, prefix="task__"))
        .filter(task__plan__in=_open_plans())
        .select_related("task", "department")
        .order_by(uk_order("department__name"), "task__due_date", "task__position")
    )
    datasets = (
        registry_selectors.datasets_overdue(today=today)
        .select_related("department")
        .defer(*registry_selectors.PERSONAL_FIELDS)
        .order_by(uk_order("department__name"), "next_due_date", "title")
    )
    groups: dict[int, DepartmentOverdue] = {}
    for link in links:
        groups.setdefault(link.department_id, DepartmentOverdue(link.department)).tasks.append(link.task)
    for dataset in datasets:
        groups.setdefault(dataset.department_id, DepartmentOverdue(dataset.department)).datasets.append(dataset)
    if not groups:
        return []
    order = Department.objects.filter(pk__in=groups).alphabetical().values_list("pk", flat=True)
    return [groups[pk] for pk in order]


def progress_updates_since(*, since: dt.datetime, limit: int = LIST_LIMIT):
    """Progress updates recorded after ``since``, newest first, with task and author."""
    return (
        ProgressUpdate.objects.filter(created_at__gt=since)
        .select_related("task", "author")
        .order_by("-created_at", "-pk")[:limit]
    )


def first_visit_since(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=NEW_UPDATES_FIRST_VISIT_DAYS)


def feedback_awaiting_moderation(*, limit: int = LIST_LIMIT):
    return moderation_queue(status=FeedbackStatus.NEW)[:limit]


def audit_responses_awaiting_review(*, user):
    """Submitted questionnaires waiting for the coordinator, oldest first."""
    return (
        audit_selectors.response_list(user=user)
        .filter(status=ResponseStatus.SUBMITTED)
        .order_by(F("submitted_at").asc(nulls_last=True), "pk")
    )


def department_contacts():
    """Every department with its contact e-mail, short name and head (coordinators keep them current)."""
    return Department.objects.select_related("head").alphabetical()


@dataclass
class NextReport:
    quarter: Quarter
    exists: bool
    generate_url: str | None


def _report_exists(model, quarter: Quarter) -> bool:
    if model is None:
        return False
    for lookup in ({"year": quarter.year, "quarter": quarter.number}, {"quarter": str(quarter)}):
        try:
            return model.objects.filter(**lookup).exists()
        except (FieldError, ValueError, TypeError):
            continue
    return False


def next_quarterly_report(*, today: dt.date | None = None) -> NextReport:
    """The report to prepare next: the quarter just ended, unless its report exists (then this one)."""
    today = today or timezone.localdate()
    current = Quarter.containing(today)
    previous = current.previous()
    model = optional_model("reports", "QuarterlyReport")
    quarter = current if _report_exists(model, previous) else previous
    # No report is proposed for quarters after the last active plan ended (issue 18): its last quarter.
    last_end = max((p.end for p in ActionPlan.objects.exclude(status=PlanStatus.DRAFT)), default=None)
    if last_end is not None and quarter > last_end:
        quarter = last_end
    return NextReport(
        quarter=quarter, exists=_report_exists(model, quarter), generate_url=url_or_none("reports:generate")
    )


# --- council member --------------------------------------------------------------------------------


def reports_archive(*, limit: int = 12):
    """The latest quarterly reports, if the reports app has its model; else an empty list."""
    model = optional_model("reports", "QuarterlyReport")
    if model is None:
        return []
    queryset = model.objects.all()
    names = {f.name for f in model._meta.get_fields()}
    for ordering in (["-year", "-quarter"], ["-quarter"], ["-pk"]):
        if all(name.lstrip("-") in names or name == "-pk" for name in ordering):
            return list(queryset.order_by(*ordering)[:limit])
    return list(queryset[:limit])


@dataclass
class PlanSummary:
    plan: ActionPlan
    figures: plan_selectors.ProgressFigures
    by_principle: list


def plan_summary(*, today: dt.date | None = None) -> PlanSummary | None:
    """Progress figures of the newest plan that is not archived (3 queries), or None."""
    plan = _open_plans().order_by("-start_quarter", "-pk").first()
    if plan is None:
        return None
    return PlanSummary(
        plan=plan,
        figures=plan_selectors.plan_progress(plan=plan, today=today),
        by_principle=plan_selectors.progress_by_principle(plan=plan, today=today),
    )
