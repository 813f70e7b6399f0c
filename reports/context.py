"""Context builders of the quarterly report: one function per section, figures as of the quarter.

Every builder returns plain JSON (str, int, float, None, lists, dicts): the whole context is stored
as the report's snapshot and the PDF template prints only what is in it, so a report opened a year
later shows the figures of its quarter.

"As of the quarter" means at the close of its last day (``Period.cutoff`` is the next day; for a
quarter still in progress, today). What is reconstructed, and how:

* Task status at the cutoff: the latest accepted progress update reporting on the quarter or an
  earlier one (updates carry their reporting period: a Q4 report typed on 5 January counts for Q4;
  ``plan.selectors.progress_updates_as_of``); a task with no such update takes its status from
  ``simple_history`` (the last historical record before the cutoff), else "not started".
  Completion date = the date of the update that completed it. Approximation: the due date and the
  list of departments are today's.
* Overdue at the cutoff: the plan's rule (``plan.selectors.overdue_q``) applied to that status:
  due date before the cutoff (i.e. on or before the quarter's last day) and not completed or
  cancelled by then.
* Datasets at the cutoff: a dataset existed if it was first published or created by then, was
  published if ``first_published`` is on or before the last day and it is published or archived
  now (the archive date is not recorded: archived datasets count as published in earlier quarters),
  its last update is the latest entry of its update log before the cutoff, and its due date is
  computed from it with ``registry.schedule``. Approximation: quality scores and 835 links are
  today's.
* Feedback: ``feedback.selectors.feedback_quarter_figures`` (received/answered timestamps); vote
  counts of the most-voted requests are today's.

Queries: a fixed number per section whatever the size of the plan or the registry.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Q
from django.utils import formats, timezone

from accounts.models import Department
from common.quarters import ROMAN, Quarter
from plan import selectors as plan_selectors
from plan.choices import CLOSED_STATUSES, TaskStatus
from plan.labels import ukrainian_status_labels
from plan.models import ActionPlan, EvidenceLink, Task
from registry import schedule
from registry import selectors as registry_selectors
from registry.choices import DatasetStatus
from registry.models import Dataset, DatasetUpdate

SCHEMA = 1
# Lists that could grow with the data print at most this many rows (the rest as "and N more"; the
# full lists go into the report's CSV attachments, ``reports.attachments``).
LIST_LIMIT = 50
# A progress update's text is cut at about this many characters, at a word (the CSV has it whole).
TEXT_LIMIT = 300


def bounded(rows: list, limit: int = LIST_LIMIT) -> dict:
    """The first ``limit`` rows, how many there are and how many are left out: the same shape at any size."""
    return {"rows": rows[:limit], "total": len(rows), "more": max(len(rows) - limit, 0)}


def cut_at_word(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` shortened to at most ``limit`` characters at a word boundary, with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.—–-") + "…"


@dataclass(frozen=True)
class Period:
    """The quarter a report covers and the moment its figures are taken at."""

    quarter: Quarter
    cutoff: dt.date  # first day NOT covered: figures are as of the end of the previous day

    @classmethod
    def of(cls, quarter: Quarter, *, today: dt.date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(quarter=quarter, cutoff=min(quarter.next().first_day(), today + dt.timedelta(days=1)))

    @property
    def as_of(self) -> dt.date:
        return self.cutoff - dt.timedelta(days=1)

    @property
    def cutoff_datetime(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.cutoff, dt.time.min))

    @property
    def start_datetime(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.quarter.first_day(), dt.time.min))


def _date(value: dt.date | None) -> str:
    return formats.date_format(value, "d.m.Y") if value else ""


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def plan_for(quarter: Quarter) -> ActionPlan | None:
    """The plan whose period covers ``quarter`` (adopted ones first), else the latest plan.

    Reports are published in the public archive: drafts never qualify (the plan visibility rule).
    """
    plans = list(plan_selectors.plans_visible_to(None))
    covering = [p for p in plans if p.start <= quarter <= p.end]
    covering.sort(key=lambda p: (p.status != "adopted", -p.start.index, p.pk))
    if covering:
        return covering[0]
    real = [p for p in plans if not p.is_demo] or plans
    return real[0] if real else None


# --- Task states as of the cutoff --------------------------------------------------------


@dataclass(slots=True)
class TaskState:
    status: str
    percent: int | None
    completed_on: dt.date | None = None


def task_states(*, plan: ActionPlan, period: Period) -> dict[int, TaskState]:
    """Status of every task of ``plan`` at the close of the period (two queries)."""
    states: dict[int, TaskState] = {}
    updates = plan_selectors.progress_updates_as_of(plan=plan, quarter=period.quarter).values_list(
        "task_id", "status", "percent", "date"
    )
    for task_id, status, percent, day in updates.iterator(chunk_size=5000):
        previous = states.get(task_id)
        completed_on = None
        if status == TaskStatus.COMPLETED:
            completed_on = previous.completed_on if previous and previous.status == status else day
        states[task_id] = TaskState(status, percent, completed_on)
    history = (
        Task.history.filter(plan_id=plan.pk, history_date__lt=period.cutoff_datetime)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "percent")
    )
    from_history: dict[int, TaskState] = {}
    for task_id, status, percent in history.iterator(chunk_size=5000):
        from_history[task_id] = TaskState(status, percent)
    for task_id, state in from_history.items():
        states.setdefault(task_id, state)
    return states


def _state(states, task_id) -> TaskState:
    return states.get(task_id) or TaskState(TaskStatus.NOT_STARTED, None)


def _is_overdue(task, state: TaskState, period: Period) -> bool:
    return task.due_date is not None and task.due_date < period.cutoff and state.status not in CLOSED_STATUSES


def _figures(key, label, tasks, states, period) -> plan_selectors.ProgressFigures:
    counts = dict.fromkeys(TaskStatus.values, 0)
    overdue = 0
    for task in tasks:
        state = _state(states, task.pk)
        counts[state.status] += 1
        overdue += _is_overdue(task, state, period)
    return plan_selectors.ProgressFigures(key=key, label=label, total=len(tasks), counts=counts, overdue=overdue)


def _figures_json(figures: plan_selectors.ProgressFigures) -> dict:
    return {
        "label": figures.label,
        "total": figures.total,
        "counts": figures.counts,
        "completed": figures.completed,
        "overdue": figures.overdue,
        "completion_percent": figures.completion_percent,
    }


def _departments(task) -> list[dict]:
    return [
        {"id": link.department_id, "name": link.department.short_name or link.department.name, "lead": link.is_lead}
        for link in task.task_departments.all()
    ]


def _department_names(task) -> str:
    return ", ".join(d["name"] for d in _departments(task))


@dataclass
class PlanData:
    """Tasks of the plan loaded once (``plan.selectors.task_list``) with their states."""

    plan: ActionPlan
    period: Period
    tasks: list
    states: dict[int, TaskState]
    principles: list

    @classmethod
    def load(cls, *, plan: ActionPlan, period: Period) -> PlanData:
        tasks = list(plan_selectors.task_list(plan=plan, today=period.cutoff))
        principles = list(plan_selectors.principle_list(plan=plan))
        return cls(plan, period, tasks, task_states(plan=plan, period=period), principles)

    def state(self, task) -> TaskState:
        return _state(self.states, task.pk)

    def overdue(self, task) -> bool:
        return _is_overdue(task, self.state(task), self.period)

    def row(self, task) -> dict:
        state = self.state(task)
        return {
            "id": task.pk,
            "number": task.position,
            "principle": task.section.principle.number,
            "title": task.title,
            "departments": _department_names(task),
            "deadline": task.deadline_text,
            "due": _date(task.due_date),
            "status": state.status,
            "status_label": ukrainian_status_labels()[state.status],
            "percent": state.percent,
            "completed_on": _date(state.completed_on),
            "overdue": self.overdue(task),
        }


# --- Sections --------------------------------------------------------------------------------


def title_section(*, plan: ActionPlan, period: Period, generated_on: dt.date) -> dict:
    quarter = period.quarter
    return {
        "council": settings.COUNCIL_NAME,
        "plan_title": plan.title,
        "plan_decision": " від ".join(
            filter(None, [f"№ {plan.decision_number}" if plan.decision_number else "", _date(plan.decision_date)])
        ),
        "plan_period": f"{plan.start.label()} – {plan.end.label()}",
        "quarter": str(quarter),
        "quarter_label": quarter.label(),
        "quarter_label_in": f"{ROMAN[quarter.number]} кварталі {quarter.year} року",
        "heading": f"Звіт про виконання плану дій з реалізації принципів Міжнародної хартії відкритих даних "
        f"за {quarter.label()}",
        "generated_on": _date(generated_on),
        "as_of": _date(period.as_of),
        "partial": period.cutoff <= quarter.last_day(),
    }


def summary_figures(data: PlanData) -> dict:
    """Completion of the plan and of each principle, task counts by status (as of the period)."""
    tasks_by_principle = defaultdict(list)
    for task in data.tasks:
        tasks_by_principle[task.section.principle_id].append(task)
    plan_figures = _figures(data.plan.pk, data.plan.title, data.tasks, data.states, data.period)
    return {
        "plan": _figures_json(plan_figures),
        "principles": [
            {
                "number": principle.number,
                **_figures_json(
                    _figures(
                        principle.pk,
                        f"{principle.number}. {principle.title}",
                        tasks_by_principle[principle.pk],
                        data.states,
                        data.period,
                    )
                ),
            }
            for principle in data.principles
        ],
        "statuses": [[value, str(label)] for value, label in TaskStatus.choices],
    }


def headline(snapshot: dict) -> dict:
    """The figures compared between quarters and shown by the API: {key: {"label", "value"}}."""
    figures = {}
    summary = snapshot.get("summary") or {}
    plan = summary.get("plan") or {}
    if plan:
        figures["plan_completion_percent"] = {"label": "Виконання плану, %", "value": plan.get("completion_percent")}
        figures["tasks_completed"] = {"label": "Виконано завдань", "value": plan.get("completed")}
        figures["tasks_overdue"] = {"label": "Прострочено завдань", "value": plan.get("overdue")}
    for principle in summary.get("principles", []):
        figures[f"principle_{principle['number']}_percent"] = {
            "label": f"Принцип {principle['label']}, %",
            "value": principle.get("completion_percent"),
        }
    registry = snapshot.get("registry") or {}
    if registry:
        figures["datasets_published"] = {"label": "Оприлюднено наборів даних", "value": registry.get("published")}
        figures["datasets_overdue"] = {"label": "Наборів з простроченим оновленням", "value": registry.get("overdue")}
    engagement = snapshot.get("engagement") or {}
    if engagement:
        figures["feedback_received"] = {"label": "Отримано звернень", "value": engagement.get("received")}
    return figures


def changes_section(*, current: dict, previous: dict | None, source: str) -> dict:
    """What changed since the previous quarter: headline figures side by side."""
    now = headline(current)
    before = headline(previous) if previous else {}
    rows = []
    for key, item in now.items():
        old = before.get(key, {}).get("value")
        new = item["value"]
        delta = new - old if isinstance(new, int | float) and isinstance(old, int | float) else None
        rows.append({"key": key, "label": item["label"], "previous": old, "current": new, "delta": delta})
    return {"source": source, "rows": rows}


def tasks_due_section(data: PlanData) -> dict:
    """Tasks with a deadline period ending in the quarter, and their status at its close."""
    index = data.period.quarter.index
    first, last = data.period.quarter.first_day(), data.period.quarter.last_day()
    rows = [
        data.row(task)
        for task in data.tasks
        if any(p.end_index == index for p in task.periods.all()) or (task.due_date and first <= task.due_date <= last)
    ]
    counts = dict.fromkeys(TaskStatus.values, 0)
    for row in rows:
        counts[row["status"]] += 1
    return {**bounded(rows), "counts": counts, "_all": rows}


def overdue_section(data: PlanData) -> dict:
    rows = [data.row(task) for task in data.tasks if data.overdue(task)]
    rows.sort(key=lambda r: (r["due"][-4:], r["due"][3:5], r["due"][:2], r["number"]))
    return {**bounded(rows), "_all": rows}


def updates_section(data: PlanData, first: Quarter | None = None) -> dict:
    """Accepted progress updates reporting on the quarter (three queries); a final report: on the
    whole plan (``first``).

    The PDF prints the latest update of each task, the most recent ``LIST_LIMIT`` of them, each text
    cut at ``TEXT_LIMIT`` characters; ``_all`` (every update, whole texts) goes to the CSV attachment."""
    period = data.period
    tasks = {task.pk: task for task in data.tasks}
    updates = list(
        plan_selectors.progress_updates_in_period(
            plan=data.plan, first=first or period.quarter, last=period.quarter
        ).values(
            "id", "task_id", "date", "status", "percent", "narrative", "delay_reason", "next_steps", "period_index"
        )
    )
    links = defaultdict(list)
    for update_id, url, title in EvidenceLink.objects.filter(update_id__in=[u["id"] for u in updates]).values_list(
        "update_id", "url", "title"
    ):
        links[update_id].append({"url": url, "title": title or url})
    rows = []
    for update in updates:
        task = tasks.get(update["task_id"])
        if task is None:
            continue
        rows.append(
            {
                "date": _date(update["date"]),
                "task_number": task.position,
                "task": task.title,
                "departments": _department_names(task),
                "status_label": ukrainian_status_labels()[update["status"]],
                "percent": update["percent"],
                "text": update["narrative"],
                "delay_reason": update["delay_reason"],
                "next_steps": update["next_steps"],
                "period": Quarter.from_index(update["period_index"]).label(),
                "links": links[update["id"]],
                "task_id": task.pk,
            }
        )
    latest = {}  # rows are in reporting order: a task's last row is its latest update
    for position, row in enumerate(rows):
        latest[row["task_id"]] = position
    printed = [rows[position] for position in sorted(latest.values())[-LIST_LIMIT:]]
    shown = [
        {
            **row,
            "text": cut_at_word(row["text"]),
            "delay_reason": cut_at_word(row["delay_reason"]),
            "next_steps": cut_at_word(row["next_steps"]),
            "links": row["links"][:3],
        }
        for row in printed
    ]
    return {
        "rows": shown,
        "total": len(rows),
        "tasks": len(latest),
        "more": len(latest) - len(shown),
        "_all": rows,
    }


def indicators_section(data: PlanData) -> dict:
    """Measurable indicators with target and accepted actual values per period up to the quarter."""
    from plan.reporting import indicator_points

    rows = []
    for indicator in plan_selectors.indicators_as_of(plan=data.plan, quarter=data.period.quarter):
        values = list(indicator.values.all())
        rows.append(
            {
                "id": indicator.pk,
                "task_number": indicator.task.position,
                "text": indicator.text,
                "unit": indicator.unit,
                "target": None if indicator.target_value is None else float(indicator.target_value),
                "points": [list(point) for point in indicator_points(indicator, values)],
                "reported": bool(values),
            }
        )
    return {"rows": rows, "reported": sum(r["reported"] for r in rows)}


def appendix_section(data: PlanData) -> dict:
    rows = [data.row(task) for task in data.tasks]
    return {**bounded(rows), "_all": rows}


# --- Registry --------------------------------------------------------------------------------


@dataclass(slots=True)
class DatasetState:
    id: int
    department_id: int
    title: str
    existed: bool
    published: bool
    overdue: bool
    new: bool
    updated_in_quarter: bool
    quality: int


def dataset_states(*, period: Period) -> list[DatasetState]:
    """Every dataset as it stood at the close of the period (three queries at any size)."""
    as_of = period.as_of
    cutoff_dt = period.cutoff_datetime
    start_dt = period.start_datetime
    # The last update before the cutoff: today's last_updated_at when it is earlier, else the log.
    from_log = dict(
        DatasetUpdate.objects.filter(dataset__last_updated_at__gte=cutoff_dt, updated_at__lt=cutoff_dt)
        .values("dataset_id")
        .annotate(last=Max("updated_at"))
        .values_list("dataset_id", "last")
    )
    updated_in_quarter = set(
        DatasetUpdate.objects.filter(updated_at__gte=start_dt, updated_at__lt=cutoff_dt)
        .values_list("dataset_id", flat=True)
        .distinct()
    )
    fields = (
        "id",
        "department_id",
        "title",
        "status",
        "first_published",
        "created_at",
        "last_updated_at",
        "frequency",
        "schedule_mode",
        "calendar_offset_days",
        "grace_days",
        "quality_score",
    )
    # The zone is looked up once (timezone.localtime does it on every call) and due dates are
    # memoised: at 100,000 datasets the same few thousand (date, schedule) pairs repeat.
    zone = timezone.get_current_timezone()
    due_dates: dict[tuple, dt.date | None] = {}
    states = []
    for row in Dataset.objects.order_by("title", "pk").values_list(*fields).iterator(chunk_size=5000):
        (pk, department_id, title, status, first_published, created_at, last_updated_at) = row[:7]
        frequency, mode, offset, grace, quality = row[7:]
        created_on = created_at.astimezone(zone).date() if created_at else None
        existed = bool((first_published and first_published <= as_of) or (created_on and created_on <= as_of))
        published = bool(
            first_published and first_published <= as_of and status in (DatasetStatus.PUBLISHED, DatasetStatus.ARCHIVED)
        )
        overdue = False
        if published:
            last = last_updated_at if last_updated_at and last_updated_at < cutoff_dt else from_log.get(pk)
            key = (last.astimezone(zone).date() if last else None, first_published, frequency, mode, offset, grace)
            if key not in due_dates:
                base = schedule.schedule_base_date(
                    last_updated_at=key[0], first_published=first_published, created_at=None
                )
                due_dates[key] = schedule.next_due_date(
                    last_update=base, frequency=frequency, mode=mode, calendar_offset_days=offset, grace_days=grace
                )
            overdue = schedule.is_overdue(due_dates[key], period.cutoff)
        states.append(
            DatasetState(
                id=pk,
                department_id=department_id,
                title=title,
                existed=existed,
                published=published,
                overdue=overdue,
                new=bool(published and first_published >= period.quarter.first_day()),
                updated_in_quarter=pk in updated_in_quarter,
                quality=quality,
            )
        )
    return states


def _department_labels(ids) -> dict[int, str]:
    return {d.pk: d.short_name or d.name for d in Department.objects.filter(pk__in=list(ids))}


def registry_section(*, period: Period, states: list[DatasetState]) -> dict:
    existing = [s for s in states if s.existed]
    published = [s for s in existing if s.published]
    overdue = [s for s in published if s.overdue]
    new = [s for s in published if s.new]
    qualities = [s.quality for s in existing]
    by_department = defaultdict(lambda: {"published": 0, "overdue": 0})
    for state in published:
        by_department[state.department_id]["published"] += 1
        by_department[state.department_id]["overdue"] += state.overdue
    labels = _department_labels(by_department)
    overdue_by_department = sorted(
        (
            {"department": labels[d], "published": f["published"], "overdue": f["overdue"]}
            for d, f in by_department.items()
            if f["overdue"]
        ),
        key=lambda r: (-r["overdue"], r["department"]),
    )
    # Resolution 835: today's links (registry.selectors.checklist_835), each dataset's state as of then.
    by_id = {s.id: s for s in states}
    checklist = registry_selectors.checklist_835(today=period.cutoff)
    entries = []
    for entry in checklist.entries:
        linked = [by_id[d.pk] for d in entry.datasets if d.pk in by_id and by_id[d.pk].existed]
        entries.append(
            (
                bool(linked),
                any(s.published for s in linked),
                any(s.published and not s.overdue for s in linked),
            )
        )
    on_time = len(published) - len(overdue)
    return {
        "total": len(existing),
        "published": len(published),
        "on_time": on_time,
        "on_time_percent": _percent(on_time, len(published)),
        "overdue": len(overdue),
        "updated_in_quarter": sum(s.updated_in_quarter for s in published),
        "average_quality": round(sum(qualities) / len(qualities), 1) if qualities else None,
        "overdue_by_department": overdue_by_department,
        "new_total": len(new),
        "new": [s.title for s in new[:LIST_LIMIT]],
        "new_more": max(len(new) - LIST_LIMIT, 0),
        "checklist_835": {
            "total": len(entries),
            "in_registry": sum(e[0] for e in entries),
            "published": sum(e[1] for e in entries),
            "up_to_date": sum(e[2] for e in entries),
        },
    }


# --- Public engagement ----------------------------------------------------------------------


def engagement_section(*, period: Period) -> dict:
    from feedback.choices import FeedbackKind
    from feedback.models import FeedbackItem
    from feedback.selectors import feedback_response_figures

    figures = feedback_response_figures(start=period.quarter.first_day(), end=period.as_of)
    start, cutoff = period.start_datetime, period.cutoff_datetime
    kinds = FeedbackItem.objects.values("kind").annotate(
        received=Count("pk", filter=Q(created_at__gte=start, created_at__lt=cutoff)),
        answered=Count("pk", filter=Q(first_answered_at__gte=start, first_answered_at__lt=cutoff)),
    )
    by_kind = {row["kind"]: row for row in kinds.order_by()}
    return {
        "received": figures["received"],
        "answered": figures["answered"],
        "median_days": figures["median_days_to_first_answer"],
        "unanswered_over_days": figures["unanswered_over_days"],
        "unanswered_days": figures["unanswered_days"],
        "by_kind": [
            {
                "kind": str(label),
                "received": by_kind.get(value, {}).get("received", 0),
                "answered": by_kind.get(value, {}).get("answered", 0),
            }
            for value, label in FeedbackKind.choices
        ],
        "most_voted": [{"title": row["title"], "votes": row["vote_count"]} for row in figures["most_voted_open"]],
    }


def unanswered_requests_by_department(*, period: Period) -> dict[int, int]:
    """Requests about a department's datasets received by the cutoff and not answered by then."""
    from feedback.models import FeedbackItem

    cutoff = period.cutoff_datetime
    rows = (
        FeedbackItem.objects.filter(created_at__lt=cutoff, dataset__isnull=False)
        .filter(Q(first_answered_at__isnull=True) | Q(first_answered_at__gte=cutoff))
        .values("dataset__department_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["dataset__department_id"]: row["n"] for row in rows}


# --- Audit ---------------------------------------------------------------------------------------


def audit_section(*, period: Period) -> dict:
    """Audit campaigns open at some time in the quarter, and each department's questionnaires.

    A campaign counts if it opened (``opened_at``, else its start date) by the quarter's last day and
    was not closed before the quarter began; drafts never count. Its state is read at the close of the
    quarter: closed in the quarter, or still open. A questionnaire counts as submitted if it was
    submitted before the cutoff (a later return for corrections is not visible then). Three queries.
    """
    from audit.choices import CampaignStatus
    from audit.models import AuditCampaign, AuditResponse, InformationResource

    cutoff_dt = period.cutoff_datetime
    candidates = (
        AuditCampaign.objects.exclude(status=CampaignStatus.DRAFT)
        .filter(Q(opened_at__lt=cutoff_dt) | Q(opened_at__isnull=True, start_date__lt=period.cutoff))
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=period.start_datetime))
        .order_by("start_date", "pk")
        .values("pk", "title", "start_date", "deadline", "closed_at")
    )
    campaigns = []
    for row in candidates:
        closed = row["closed_at"] is not None and row["closed_at"] < cutoff_dt
        campaigns.append(
            {
                "id": row["pk"],
                "title": row["title"],
                "start": _date(row["start_date"]),
                "deadline": _date(row["deadline"]),
                "state": "закрито у кварталі" if closed else "триває на кінець кварталу",
                "closed": closed,
            }
        )
    ids = [c["id"] for c in campaigns]
    submitted = Q(submitted_at__lt=cutoff_dt)
    responses = (
        AuditResponse.objects.filter(campaign_id__in=ids)
        .values("department_id")
        .annotate(invited=Count("pk"), submitted=Count("pk", filter=submitted))
        .order_by()
    )
    resources = dict(
        InformationResource.objects.filter(response__campaign_id__in=ids, response__submitted_at__lt=cutoff_dt)
        .values("response__department_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("response__department_id", "n")
    )
    rows = {r["department_id"]: r for r in responses}
    departments = Department.objects.filter(pk__in=list(rows)).alphabetical()
    per_department = [
        {
            "department": d.name,
            "invited": rows[d.pk]["invited"],
            "submitted": rows[d.pk]["submitted"],
            "resources": resources.get(d.pk, 0),
        }
        for d in departments
    ]
    return {
        "available": True,
        "campaigns": campaigns,
        "open": sum(not c["closed"] for c in campaigns),
        "closed": sum(c["closed"] for c in campaigns),
        "invited": sum(r["invited"] for r in per_department),
        "submitted": sum(r["submitted"] for r in per_department),
        "resources": sum(r["resources"] for r in per_department),
        "per_department": per_department,
    }


# --- Department scorecard -----------------------------------------------------------------------


def scorecard_section(*, data: PlanData, datasets: list[DatasetState], period: Period) -> dict:
    rows = defaultdict(lambda: {"tasks": 0, "on_time": 0, "overdue": 0, "datasets_overdue": 0, "unanswered": 0})
    for task in data.tasks:
        state = data.state(task)
        overdue = data.overdue(task)
        on_time = (
            state.status == TaskStatus.COMPLETED
            and task.due_date is not None
            and (state.completed_on is None or state.completed_on <= task.due_date)
        )
        for link in task.task_departments.all():
            row = rows[link.department_id]
            row["tasks"] += 1
            row["on_time"] += on_time
            row["overdue"] += overdue
    for state in datasets:
        if state.published and state.overdue:
            rows[state.department_id]["datasets_overdue"] += 1
    for department_id, count in unanswered_requests_by_department(period=period).items():
        if department_id is not None:
            rows[department_id]["unanswered"] += count
    departments = Department.objects.filter(pk__in=list(rows)).alphabetical()
    return {"rows": [{"department": d.short_name or d.name, "full_name": d.name, **rows[d.pk]} for d in departments]}


# --- The whole report ----------------------------------------------------------------------------


# Sections whose whole list goes to a CSV attachment (the snapshot keeps the bounded part).
FULL_LISTS = ("tasks_due", "overdue", "updates", "appendix")


def build_snapshot(**kwargs) -> dict:
    """The report's snapshot only (see ``build_report``)."""
    return build_report(**kwargs)[0]


def build_report(
    *,
    quarter: Quarter,
    plan: ActionPlan | None = None,
    previous: dict | None = None,
    today: dt.date | None = None,
    final: bool = False,
) -> tuple[dict, dict[str, list[dict]]]:
    """Every figure of the report for ``quarter``; ``previous`` is the previous quarter's snapshot, if any.

    Returns the snapshot (what the PDF prints: lists bounded to ``LIST_LIMIT`` rows) and the full lists
    by section (``FULL_LISTS``) for the CSV attachments.

    ``final``: the final report of a finished plan: figures as of its last quarter, and the updates
    of every reporting period of the plan (the same sections and PDF otherwise)."""
    today = today or timezone.localdate()
    period = Period.of(quarter, today=today)
    plan = plan or plan_for(quarter)
    if plan is None:
        raise ValueError("Немає плану дій, за яким можна скласти звіт.")
    data = PlanData.load(plan=plan, period=period)
    datasets = dataset_states(period=period)
    snapshot = {
        "schema": SCHEMA,
        "quarter": str(quarter),
        "plan_id": plan.pk,
        "title": title_section(plan=plan, period=period, generated_on=today),
        "summary": summary_figures(data),
        "tasks_due": tasks_due_section(data),
        "overdue": overdue_section(data),
        "updates": updates_section(data, first=plan.start if final else None),
        "indicators": indicators_section(data),
        "registry": registry_section(period=period, states=datasets),
        "audit": audit_section(period=period),
        "engagement": engagement_section(period=period),
        "scorecard": scorecard_section(data=data, datasets=datasets, period=period),
        "appendix": appendix_section(data),
    }
    if previous is not None:
        snapshot["changes"] = changes_section(current=snapshot, previous=previous, source="report")
    else:
        previous_period = Period.of(quarter.previous(), today=today)
        previous_data = PlanData.load(plan=plan, period=previous_period)
        computed = {
            "summary": summary_figures(previous_data),
            "registry": registry_section(period=previous_period, states=dataset_states(period=previous_period)),
            "engagement": engagement_section(period=previous_period),
        }
        snapshot["changes"] = changes_section(current=snapshot, previous=computed, source="computed")
    snapshot["changes"]["previous_quarter"] = quarter.previous().label()
    if final:
        snapshot["final"] = True
        snapshot["title"]["heading"] = (
            "Підсумковий звіт про виконання плану дій з реалізації принципів Міжнародної хартії відкритих даних "
            f"за весь період: {plan.start.label()} – {plan.end.label()}"
        )
    snapshot["list_limit"] = LIST_LIMIT
    full_lists = {name: snapshot[name].pop("_all") for name in FULL_LISTS}
    return snapshot, full_lists
