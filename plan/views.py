"""Public plan pages: the task list (with CSV/XLSX/JSON downloads), a task's page, the quarter timeline.

Every page is cached for anonymous visitors (``cache_public_page``) and costs a fixed number of
queries: tasks come from ``selectors.task_list`` with everything prefetched.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from accounts.models import Department
from common.cache import cache_public_page
from common.charts import CHAR_WIDTH, GanttRow, gantt_timeline, indicator_chart, wrap_label
from common.quarters import Quarter

from . import exports, labels, selectors
from .choices import TaskStatus
from .filtersets import TaskFilterSet
from .models import TaskDepartment
from .reporting import indicator_points

PAGE_SIZE = 25
GANTT_LABEL_WIDTH = 300
GANTT_COLUMN_WIDTH = 52
GANTT_COMPACT_LABEL_WIDTH = 56
GANTT_COMPACT_WIDTH = 330
STATUS_RANK = Case(
    *[When(status=value, then=Value(rank)) for rank, value in enumerate(TaskStatus.values)],
    output_field=IntegerField(),
)
SORTS = {
    "position": (gettext_lazy("За порядком у плані"), ("section__principle__number", "position", "id")),
    "due_date": (gettext_lazy("За кінцевим терміном"), (F("due_date").asc(nulls_last=True), "position", "id")),
    "status": (gettext_lazy("За станом виконання"), ("status_rank", "position", "id")),
}
FILTER_PARAMS = ("principle", "section", "department", "status", "overdue", "active_in", "q")


def plan_context(request):
    """(plans, plan, message) for ``?plan=<id>``; message is set when the id was not a public plan."""
    plans, plan, invalid = selectors.plan_public_choice(value=request.GET.get("plan"), user=request.user)
    message = (
        _("Плану «%(value)s» немає; показано поточний план.") % {"value": request.GET.get("plan")} if invalid else ""
    )
    return plans, plan, message


def plan_quarters(plan) -> list[Quarter]:
    return plan.start.until(plan.end) if plan else []


def task_filterset(request, plan):
    """TaskFilterSet bound to the query string, its choices narrowed to ``plan`` and translated."""
    data = request.GET.copy()
    for key in ("plan", "page", "sort", "format"):
        data.pop(key, None)
    queryset = selectors.task_list(plan=plan) if plan else selectors.task_list().none()
    filterset = TaskFilterSet(data, queryset=queryset)
    fields = filterset.form.fields
    fields.pop("plan", None)
    fields["principle"].queryset = selectors.principle_list(plan=plan)
    fields["principle"].label_from_instance = lambda p: f"{p.number}. {p.title}"
    fields["section"].queryset = selectors.section_list(plan=plan)
    fields["section"].label_from_instance = lambda s: f"{s.principle.number}. {s.title}"
    fields["department"].queryset = Department.objects.filter(
        pk__in=TaskDepartment.objects.filter(task__plan=plan).values("department_id")
    ).alphabetical()
    fields["department"].label_from_instance = lambda d: d.name
    fields["status"].choices = labels.status_choices()
    for name in ("principle", "section", "department", "status"):
        fields[name].empty_label = _("усі")
    fields["overdue"].choices = [("", _("усі")), ("true", _("так")), ("false", _("ні"))]
    quarter_field = fields["active_in"]
    quarter_field.widget = quarter_field.hidden_widget() if not plan else _quarter_select(plan)
    for name in FILTER_PARAMS:
        fields[name].required = False
    return filterset


def _quarter_select(plan):
    return forms.Select(choices=[("", _("усі")), *[(str(q), labels.quarter_label(q)) for q in plan_quarters(plan)]])


def _sorted_tasks(filterset, sort: str):
    queryset = filterset.qs
    if sort == "status":
        queryset = queryset.annotate(status_rank=STATUS_RANK)
    return queryset.order_by(*SORTS[sort][1])


def _query_without(request, *names) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


@require_safe
@cache_public_page
def task_list(request, fmt: str | None = None):
    fmt = fmt or request.GET.get("format") or ""
    if fmt and fmt not in exports.CONTENT_TYPES:
        return HttpResponseBadRequest(
            _("Формат «%(format)s» не підтримується; можна csv, xlsx або json.") % {"format": fmt},
            content_type="text/plain; charset=utf-8",
        )
    plans, plan, plan_message = plan_context(request)
    filterset = task_filterset(request, plan)
    sort = request.GET.get("sort") or "position"
    sort_error = ""
    if sort not in SORTS:
        sort_error = _("Невідомий порядок «%(value)s»; показано за порядком у плані.") % {"value": sort}
        sort = "position"
    valid = filterset.is_valid()
    tasks = _sorted_tasks(filterset, sort)
    if fmt:
        if not valid or plan_message:
            errors = [plan_message] if plan_message else []
            errors += [
                f"{filterset.form.fields[name].label}: {' '.join(messages)}"
                for name, messages in filterset.errors.items()
            ]
            return HttpResponseBadRequest("\n".join(errors), content_type="text/plain; charset=utf-8")
        return _export(request, fmt, plan, tasks.annotate(last_update=selectors.task_last_update_q()))
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "plan/task_list.html",
        {
            "plans": plans,
            "plan": plan,
            "plan_message": plan_message,
            "filterset": filterset,
            "sort": sort,
            "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
            "sort_error": sort_error,
            "page": page,
            "query": _query_without(request, "page", "format"),
            "export_query": _query_without(request, "page", "format", "sort"),
            "sort_query": _query_without(request, "page", "format", "sort"),
            "filtered": any(request.GET.get(name) for name in FILTER_PARAMS),
        },
    )


def _export(request, fmt: str, plan, tasks):
    records = [
        exports.task_record(task, url=request.build_absolute_uri(reverse("plan:task-detail", args=[task.pk])))
        for task in tasks
    ]
    if fmt == "csv":
        content = exports.to_csv(records)
    elif fmt == "xlsx":
        content = exports.to_xlsx(records)
    else:
        meta = {
            "plan": {"id": plan.pk, "title": plan.title, "start": plan.start_quarter, "end": plan.end_quarter}
            if plan
            else None,
            "generated": timezone.now(),
            "filters": {name: request.GET.get(name) for name in FILTER_PARAMS if request.GET.get(name)},
        }
        content = exports.to_json(records, meta=meta)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    name = f"plan-{plan.pk}-tasks" if plan else "plan-tasks"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_safe
@cache_public_page
def task_detail(request, pk: int):
    visible = selectors.visible_plan_q(request.user, prefix="plan__")  # drafts: staff only
    task = get_object_or_404(selectors.task_detail_queryset().filter(visible), pk=pk)
    updates = list(selectors.task_updates(task=task, public=True))
    awaiting_review = selectors.task_updates_awaiting_review(task=task)
    links = sorted(task.task_departments.all(), key=lambda link: (not link.is_lead, link.position, link.pk))
    indicators = []
    for indicator in task.indicators.all():
        values = list(indicator.values.all())
        points = indicator_points(indicator, values)
        chart = (
            indicator_chart(
                points,
                title=_("Показник: %(text)s") % {"text": indicator.text[:120]},
                unit=indicator.unit,
                id_prefix=f"indicator-{indicator.pk}",
            )
            if values
            else ""
        )
        indicators.append(
            {"indicator": indicator, "values": values, "latest": values[-1] if values else None, "chart": chart}
        )
    return render(
        request,
        "plan/task_detail.html",
        {
            "task": task,
            "principle": task.section.principle,
            "links": links,
            "periods": list(task.periods.all()),
            "indicators": indicators,
            "updates": updates,
            "awaiting_review": awaiting_review,
            "today": timezone.localdate(),
        },
    )


def _gantt_label(text: str) -> str:
    """The label as the chart will show it (two lines, cut with …), so that a link's visible text
    stays part of its accessible name (axe: label-content-name-mismatch); the full title is in the
    table under the charts and on the task's page."""
    return " ".join(wrap_label(text, max_chars=max(int((GANTT_LABEL_WIDTH - 8) / CHAR_WIDTH), 6)))


@require_safe
@cache_public_page
def timeline(request):
    plans, plan, plan_message = plan_context(request)
    today = timezone.localdate()
    groups = []
    if plan is not None:
        tasks = list(selectors.task_list(plan=plan).order_by("section__principle__number", "position", "id"))
        quarters = plan_quarters(plan)
        principles = {}
        for task in tasks:
            principles.setdefault(task.section.principle, []).append(task)
        for principle, principle_tasks in principles.items():
            rows = [
                GanttRow(
                    label=_gantt_label(f"{task.position}. {task.title}"),
                    url=reverse("plan:task-detail", args=[task.pk]),
                    status=task.status,
                    spans=[(period.start, period.end) for period in task.periods.all()],
                )
                for task in principle_tasks
            ]
            title = _("Графік завдань: %(principle)s") % {"principle": f"{principle.number}. {principle.title}"}
            common = {"start": plan.start, "end": plan.end, "today": today, "statuses": labels.status_choices()}
            chart = gantt_timeline(
                rows,
                title=title,
                label_width=GANTT_LABEL_WIDTH,
                column_width=GANTT_COLUMN_WIDTH,
                id_prefix=f"gantt-{principle.pk}",
                **common,
            )
            # For phones: task numbers instead of titles, so the quarters fit on a 375 px screen.
            compact_rows = [
                row._replace(label=f"№ {task.position}") for row, task in zip(rows, principle_tasks, strict=True)
            ]
            compact = gantt_timeline(
                compact_rows,
                title=title,
                label_width=GANTT_COMPACT_LABEL_WIDTH,
                column_width=max(22, min(34, (GANTT_COMPACT_WIDTH - GANTT_COMPACT_LABEL_WIDTH) // len(quarters))),
                id_prefix=f"gantt-compact-{principle.pk}",
                **common,
            )
            groups.append({"principle": principle, "tasks": principle_tasks, "chart": chart, "compact": compact})
    current = Quarter.containing(today)
    in_plan = plan is not None and plan.start <= current <= plan.end
    return render(
        request,
        "plan/timeline.html",
        {
            "plans": plans,
            "plan": plan,
            "plan_message": plan_message,
            "groups": groups,
            "current_quarter": labels.quarter_label(current),
            "current_in_plan": in_plan,
        },
    )


def task_export(request, fmt: str):
    if fmt not in exports.CONTENT_TYPES:
        raise Http404
    return task_list(request, fmt=fmt)
