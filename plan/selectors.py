"""Reads for the action plan: querysets built once, progress figures computed in the database.

For the public pages and the quarterly report:

* ``task_list(plan=...)`` -> tasks with section, principle, departments (lead first), periods and
  indicators loaded, annotated ``is_overdue``; filter it with ``plan.filtersets.TaskFilterSet``.
* ``tasks_active_in(quarter, plan=...)`` -> tasks whose periods cover the quarter.
* ``plan_progress(plan=...)``, ``progress_by_principle``, ``progress_by_section``,
  ``progress_by_department`` -> ``ProgressFigures`` (counts per status, overdue, completion share),
  one SQL query each.
* ``plan_public_list``, ``plan_public_choice(value=request.GET.get("plan"))`` -> the plans the public
  sees (no drafts) and the one a page shows (default: the latest adopted plan).
* ``plans_visible_to(user)``, ``tasks_for(user, "view"|"report")``, ``principles_for``, ``sections_for``,
  ``progress_for``, ``evidence_files_for`` -> the one visibility rule (draft plans: staff only) used by
  pages, API, feeds, exports and evidence downloads.
* ``task_detail_queryset``, ``progress_updates_latest(plan=..., limit=...)``, ``task_last_update_q``
  -> for task pages, the home page, the Atom feed and the downloads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from accounts import roles
from common.quarters import Quarter

from .choices import CLOSED_STATUSES, PlanStatus, ReviewState, TaskStatus
from .models import (
    ActionPlan,
    EvidenceFile,
    Indicator,
    IndicatorValue,
    Principle,
    ProgressUpdate,
    Section,
    Task,
    TaskDepartment,
    TaskPeriod,
)


def overdue_q(*, today: dt.date | None = None, prefix: str = "") -> Q:
    """Overdue: the due date has passed and the task is neither completed nor cancelled."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}due_date__lt": today}) & ~Q(**{f"{prefix}status__in": CLOSED_STATUSES})


def task_list(*, plan: ActionPlan | int | None = None, today: dt.date | None = None) -> QuerySet[Task]:
    """Tasks in plan order with everything a list or the API shows, annotated ``is_overdue``."""
    queryset = (
        Task.objects.select_related("plan", "section", "section__principle")
        .prefetch_related(
            Prefetch(
                "task_departments",
                queryset=TaskDepartment.objects.select_related("department").order_by("-is_lead", "position", "id"),
            ),
            Prefetch("periods", queryset=TaskPeriod.objects.order_by("start_index")),
            "indicators",
        )
        .annotate(
            is_overdue=Case(
                When(overdue_q(today=today), then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
        .order_by("-plan__start_quarter", "plan_id", "position", "id")
    )
    if plan is not None:
        queryset = queryset.filter(plan=plan)
    return queryset


def active_in_q(quarter: Quarter) -> Q:
    """Tasks with a period covering ``quarter`` (an EXISTS subquery: no duplicate rows)."""
    periods = TaskPeriod.objects.filter(
        task=OuterRef("pk"), start_index__lte=quarter.index, end_index__gte=quarter.index
    )
    return Q(Exists(periods))


def tasks_active_in(quarter: Quarter, *, plan: ActionPlan | int | None = None) -> QuerySet[Task]:
    """Tasks to be worked on in ``quarter`` (the quarterly report's list)."""
    return task_list(plan=plan).filter(active_in_q(quarter))


def task_updates(*, task: Task, public: bool = False) -> QuerySet[ProgressUpdate]:
    """A task's progress updates, newest first (by reporting period, then date), with author and
    evidence loaded; ``public``: accepted ones only (what the public sees)."""
    queryset = (
        ProgressUpdate.objects.filter(task=task)
        .select_related("author")
        .prefetch_related("links", "files")
        .order_by("-period_index", "-date", "-created_at", "-id")
    )
    return queryset.filter(review_state=ReviewState.ACCEPTED) if public else queryset


def task_updates_awaiting_review(*, task: Task) -> int:
    """How many of a task's updates wait for review (the public page says so, without showing them)."""
    return ProgressUpdate.objects.filter(task=task, review_state=ReviewState.PENDING).count()


def progress_updates_as_of(*, plan: ActionPlan | int, quarter: Quarter) -> QuerySet[ProgressUpdate]:
    """Accepted updates of ``plan`` reporting on ``quarter`` or earlier, oldest period first: the
    status of each task at the close of ``quarter`` is that of its last one. A Q4 report typed on
    5 January counts here for Q4, not for Q1."""
    return ProgressUpdate.objects.filter(
        task__plan=plan, review_state=ReviewState.ACCEPTED, period_index__lte=quarter.index
    ).order_by("task_id", "period_index", "date", "created_at", "id")


def progress_updates_in_period(*, plan: ActionPlan | int, first: Quarter, last: Quarter | None = None):
    """Accepted updates of ``plan`` reporting on ``first``..``last`` (one quarter by default)."""
    last = last or first
    return ProgressUpdate.objects.filter(
        task__plan=plan,
        review_state=ReviewState.ACCEPTED,
        period_index__gte=first.index,
        period_index__lte=last.index,
    ).order_by("period_index", "date", "created_at", "id")


def principle_list(*, plan: ActionPlan | int | None = None) -> QuerySet[Principle]:
    queryset = Principle.objects.select_related("plan").order_by("plan_id", "number")
    return queryset.filter(plan=plan) if plan is not None else queryset


def section_list(*, plan: ActionPlan | int | None = None) -> QuerySet[Section]:
    queryset = Section.objects.select_related("principle").order_by(
        "principle__plan_id", "principle__number", "position"
    )
    return queryset.filter(principle__plan=plan) if plan is not None else queryset


# --- Progress figures --------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressFigures:
    """Counts per status for a group of tasks, with overdue count and completion share."""

    key: int | None
    label: str
    total: int
    counts: dict[str, int]
    overdue: int

    @property
    def completed(self) -> int:
        return self.counts.get(TaskStatus.COMPLETED, 0)

    @property
    def completion_share(self) -> float | None:
        """Completed / (total - cancelled); None when no task counts."""
        denominator = self.total - self.counts.get(TaskStatus.CANCELLED, 0)
        return self.completed / denominator if denominator else None

    @property
    def completion_percent(self) -> int | None:
        share = self.completion_share
        return None if share is None else round(share * 100)


def _aggregates(prefix: str = "", today: dt.date | None = None) -> dict:
    """Counts of tasks reached through ``prefix`` ("" for Task itself, "tasks__" from Section...)."""
    task_id = f"{prefix}id"
    figures = {f"n_{s}": Count(task_id, filter=Q(**{f"{prefix}status": s})) for s in TaskStatus.values}
    figures["n_total"] = Count(task_id)
    figures["n_overdue"] = Count(task_id, filter=overdue_q(today=today, prefix=prefix))
    return figures


def _figures(row: dict, key, label) -> ProgressFigures:
    return ProgressFigures(
        key=key,
        label=label,
        total=row["n_total"],
        counts={s: row[f"n_{s}"] for s in TaskStatus.values},
        overdue=row["n_overdue"],
    )


def plan_progress(*, plan: ActionPlan, today: dt.date | None = None) -> ProgressFigures:
    """Figures for a whole plan (one query)."""
    row = Task.objects.filter(plan=plan).aggregate(**_aggregates(today=today))
    return _figures(row, plan.pk, plan.title)


def progress_by_principle(*, plan: ActionPlan, today: dt.date | None = None) -> list[ProgressFigures]:
    """Figures per principle of the plan, in principle order; principles without tasks count 0."""
    rows = (
        Principle.objects.filter(plan=plan)
        .values("pk", "number", "title")
        .annotate(**_aggregates("sections__tasks__", today=today))
        .order_by("number")
    )
    return [_figures(r, r["pk"], f"{r['number']}. {r['title']}") for r in rows]


def progress_by_section(*, plan: ActionPlan, today: dt.date | None = None) -> list[ProgressFigures]:
    """Figures per section, in plan order."""
    rows = (
        Section.objects.filter(principle__plan=plan)
        .values("pk", "title", "principle__number", "position")
        .annotate(**_aggregates("tasks__", today=today))
        .order_by("principle__number", "position", "pk")
    )
    return [_figures(r, r["pk"], r["title"]) for r in rows]


def progress_by_department(*, plan: ActionPlan | None = None, today: dt.date | None = None) -> list[ProgressFigures]:
    """Figures per responsible department (lead or co-responsible), departments by name."""
    links = TaskDepartment.objects.all()
    if plan is not None:
        links = links.filter(task__plan=plan)
    rows = (
        links.values("department_id", "department__name", "department__short_name")
        .annotate(**_aggregates("task__", today=today))
        .order_by("department__name")
    )
    return [_figures(r, r["department_id"], r["department__short_name"] or r["department__name"]) for r in rows]


# --- Public pages (home, task pages, timeline, feed) ---------------------------------------


def plan_public_list() -> QuerySet[ActionPlan]:
    """Plans shown to the public (adopted and archived; drafts stay hidden), newest first."""
    return plans_visible_to(None)


def plan_default(plans) -> ActionPlan | None:
    """The plan a public page shows when none is chosen: the latest adopted one, else the newest.

    ``plans``: an evaluated list from :func:`plan_public_list` (no extra query).
    """
    plans = list(plans)
    real = [plan for plan in plans if not plan.is_demo] or plans  # a demo plan is never the default
    adopted = [plan for plan in real if plan.status == PlanStatus.ADOPTED]
    return (adopted or real or [None])[0]


def task_detail_queryset(*, today: dt.date | None = None) -> QuerySet[Task]:
    """``task_list`` plus each indicator's actual values per quarter (one more query)."""
    return task_list(today=today).prefetch_related("indicators__values")


def progress_updates_latest(*, plan: ActionPlan | int | None = None, limit: int | None = 10, user=None):
    """Newest progress updates with task, author and evidence loaded (three queries at any size).

    Only updates of plans ``user`` may see (default: the public's view, as the Atom feed)."""
    queryset = (
        progress_for(user)
        .filter(review_state=ReviewState.ACCEPTED)
        .select_related("task", "author")
        .prefetch_related("links", "files")
        .order_by("-date", "-created_at", "-id")
    )
    if plan is not None:
        queryset = queryset.filter(task__plan=plan)
    return queryset[:limit] if limit else queryset


def plan_public_choice(*, value: str | None, user=None) -> tuple[list[ActionPlan], ActionPlan | None, bool]:
    """Resolve ``?plan=<id>`` for a page: (plans ``user`` may see, the chosen plan, was the value invalid).

    One query. An unknown or malformed id (and a draft's, unless ``user`` is staff) falls back to
    :func:`plan_default` and says so. Staff see drafts only when they choose one: the default is
    the latest adopted plan for everyone. Pages cached for the public are built for anonymous
    requests only (common.cache), so a staff member's page never reaches the public.
    """
    plans = list(plans_visible_to(user))
    value = (value or "").strip()
    if not value:
        return plans, plan_default(plans), False
    chosen = next((plan for plan in plans if str(plan.pk) == value), None)
    return plans, chosen or plan_default(plans), chosen is None


def task_last_update_q():
    """Subquery of a task's newest progress update date (annotate ``last_update``)."""
    latest = ProgressUpdate.objects.filter(task=OuterRef("pk"), review_state=ReviewState.ACCEPTED).order_by(
        "-date", "-created_at", "-id"
    )
    return Subquery(latest.values("date")[:1])


# --- Who sees what: one rule for pages, API, feeds, exports and evidence files -------------------


def can_see_drafts(user) -> bool:
    """Draft plans are for the council's own people: coordinators, department heads, council members."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_staff) or roles.is_staff_member(user) or roles.is_council(user)


def visible_plan_q(user, *, prefix: str = "") -> Q:
    """Q on a model reaching ActionPlan through ``prefix`` ("" for the plan, "plan__" for a task...)."""
    return Q() if can_see_drafts(user) else ~Q(**{f"{prefix}status": PlanStatus.DRAFT})


def plans_visible_to(user) -> QuerySet[ActionPlan]:
    return ActionPlan.objects.filter(visible_plan_q(user)).order_by("-start_quarter", "-decision_date", "-id")


def tasks_for(user, action: str = "view", *, today: dt.date | None = None) -> QuerySet[Task]:
    """Tasks ``user`` may see ("view") or report progress on ("report": coordinator, or own department)."""
    tasks = task_list(today=today).filter(visible_plan_q(user, prefix="plan__"))
    if action == "view":
        return tasks
    if action == "report":
        if roles.is_coordinator(user):
            return tasks
        if roles.is_department_head(user):
            return tasks.filter(task_departments__department_id=user.department_id).distinct()
        return tasks.none()
    raise ValueError(f"Unknown action: {action}")


def principles_for(user) -> QuerySet[Principle]:
    return principle_list().filter(visible_plan_q(user, prefix="plan__"))


def sections_for(user) -> QuerySet[Section]:
    return section_list().filter(visible_plan_q(user, prefix="principle__plan__"))


def progress_for(user) -> QuerySet[ProgressUpdate]:
    return ProgressUpdate.objects.filter(visible_plan_q(user, prefix="task__plan__"))


def evidence_files_for(user) -> QuerySet[EvidenceFile]:
    """Evidence the user may download: staff see every file of the plans they see (a pending update
    is reviewed with its evidence); the public only files of accepted updates, as on the task page."""
    files = EvidenceFile.objects.filter(visible_plan_q(user, prefix="update__task__plan__"))
    if can_see_drafts(user):
        return files
    return files.filter(update__review_state=ReviewState.ACCEPTED)


def indicators_as_of(*, plan: ActionPlan | int, quarter: Quarter) -> list[Indicator]:
    """Indicators of ``plan`` with their accepted values up to ``quarter`` (two queries)."""
    values = IndicatorValue.objects.filter(quarter_index__lte=quarter.index).order_by("quarter_index")
    return list(
        Indicator.objects.filter(task__plan=plan)
        .select_related("task")
        .prefetch_related(Prefetch("values", queryset=values))
        .order_by("task__position", "position", "id")
    )
