"""Pages that combine several apps: the home page (plan, registry, requests) and department pages.

Composition only: each app's selectors do the reading; this module arranges their results.
Both pages cost a fixed number of SQL queries whatever the number of tasks, updates or datasets.
"""

from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from accounts.models import Department
from common.cache import cache_public_page
from common.charts import BarRow, progress_bar, progress_bars
from common.collation import ukrainian_sort_key
from feedback.selectors import requests_newest
from plan import selectors as plan_selectors
from plan.choices import CLOSED_STATUSES, TaskStatus
from plan.labels import status_choices
from plan.views import plan_context
from registry import selectors as registry_selectors
from registry.choices import DatasetStatus
from registry.schedule import is_overdue

from . import health, home_cache

OVERDUE_ON_HOME = 8
UPDATES_ON_HOME = 6
REQUESTS_ON_HOME = 5


@require_GET
@never_cache
def healthz(request):
    state = {"database": health.check_database(), "broker": health.check_broker()}
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse(state, status=200 if healthy else 503)


def _status_counts(figures) -> list[dict]:
    return [
        {"value": value, "label": label, "count": figures.counts.get(value, 0) if figures else 0}
        for value, label in status_choices()
    ]


def _completion_bar(figures, *, title: str, label: str, id_prefix: str):
    counted = figures.total - figures.counts.get(TaskStatus.CANCELLED, 0)
    return progress_bar(done=figures.completed, total=counted, title=title, label=label, id_prefix=id_prefix)


def _principles_chart(principles, **size):
    return progress_bars(
        [BarRow(figures.label, figures.counts) for figures in principles],
        statuses=status_choices(),
        title=_("Стан завдань за принципами хартії"),
        description=_("Кількість завдань кожного принципу за станом виконання."),
        **size,
    )


@cache_public_page
def home(request):
    plans, plan, plan_message = plan_context(request)
    today = timezone.localdate()
    context = {"plans": plans, "plan": plan, "plan_message": plan_message, "today": today}
    if plan is not None:
        overall = plan_selectors.plan_progress(plan=plan, today=today)
        principles = plan_selectors.progress_by_principle(plan=plan, today=today)
        context.update(
            overall=overall,
            completion_bar=_completion_bar(
                overall, title=_("Виконання плану"), label=plan.title, id_prefix="plan-completion"
            ),
            principles=principles,
            principles_chart=_principles_chart(principles, id_prefix="principles"),
            # Phones: the same bars drawn 360 wide, so they scale to the screen with legible text.
            principles_chart_compact=_principles_chart(
                principles, id_prefix="principles-compact", width=360, label_width=130
            ),
            status_counts=_status_counts(overall),
            overdue_tasks=list(
                plan_selectors.task_list(plan=plan, today=today)
                .filter(plan_selectors.overdue_q(today=today))
                .order_by(F("due_date").asc(nulls_last=True), "position", "id")[:OVERDUE_ON_HOME]
            ),
            updates=home_cache.progress_updates_latest(
                plan=plan, limit=UPDATES_ON_HOME, user=request.user, today=today
            ),
            departments=sorted(
                plan_selectors.progress_by_department(plan=plan, today=today),
                key=lambda figures: ukrainian_sort_key(figures.label),
            ),
        )
    context["registry"] = home_cache.registry_figures(today=today)
    context["requests"] = list(requests_newest(limit=REQUESTS_ON_HOME))
    return render(request, "portal/home.html", context)


@require_safe
@cache_public_page
def department_detail(request, pk: int):
    department = get_object_or_404(Department.objects.all(), pk=pk)
    plans, plan, plan_message = plan_context(request)
    today = timezone.localdate()
    tasks = []
    if plan is not None:
        tasks = list(
            plan_selectors.task_list(plan=plan, today=today)
            .filter(task_departments__department=department)
            .order_by("section__principle__number", "position", "id")
        )
    counts = dict.fromkeys(TaskStatus.values, 0)
    for task in tasks:
        counts[task.status] += 1
    counted = len(tasks) - counts[TaskStatus.CANCELLED]
    datasets = list(registry_selectors.dataset_list(filters={"department": department}))
    for dataset in datasets:
        dataset.is_overdue = dataset.status == DatasetStatus.PUBLISHED and is_overdue(dataset.next_due_date, today)
    return render(
        request,
        "portal/department_detail.html",
        {
            "department": department,
            "plans": plans,
            "plan": plan,
            "plan_message": plan_message,
            "tasks": tasks,
            "lead_count": sum(
                1 for task in tasks for link in task.task_departments.all() if link.is_lead and link.department_id == pk
            ),
            "status_counts": [
                {"value": value, "label": label, "count": counts[value]} for value, label in status_choices()
            ],
            "completion_bar": progress_bar(
                done=counts[TaskStatus.COMPLETED],
                total=counted,
                title=_("Виконання завдань підрозділу"),
                label=department.name,
                id_prefix="department-completion",
            )
            if tasks
            else "",
            "overdue_tasks": [task for task in tasks if task.is_overdue],
            "open_tasks": [task for task in tasks if task.status not in CLOSED_STATUSES],
            "datasets": datasets,
            "published": sum(1 for d in datasets if d.status == DatasetStatus.PUBLISHED),
            "overdue_datasets": [d for d in datasets if d.is_overdue],
            "overdue_total": sum(1 for task in tasks if task.is_overdue) + sum(1 for d in datasets if d.is_overdue),
        },
    )
