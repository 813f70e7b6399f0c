"""The staff workspace: one page per role, and the forms it posts to.

Every action calls the owning app's service (the same function the API calls), so rights,
validation and history are the same whichever door is used. Objects are looked up through
the user's own scope, so a department head asking for another department's task, dataset or
questionnaire gets a 404 and nothing is written; the service would refuse it anyway.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import roles
from accounts.models import Department
from accounts.services import department_update_contacts
from audit import selectors as audit_selectors
from audit import services as audit_services
from common.charts import progress_bars
from plan import selectors as plan_selectors
from plan.choices import ReviewState, TaskStatus
from plan.services import task_add_progress
from registry import selectors as registry_selectors
from registry.services import dataset_mark_updated

from . import selectors
from .forms import DatasetMarkUpdatedForm, DepartmentContactsForm, ProgressUpdateForm, indicator_values
from .services import visit_record


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError beside the form's fields (or above the form)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(name if name in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


def _bound(request, *, files: bool = False) -> tuple:
    """Form arguments: bound to the POST (even an empty one: a one-click form has no fields filled)."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def _workspace_url(anchor: str = "") -> str:
    return reverse("workspace:index") + (f"#{anchor}" if anchor else "")


# --- the page ------------------------------------------------------------------------------------


@login_required
@require_GET
def index(request):
    user = request.user
    today = timezone.localdate()
    context = {
        "today": today,
        "is_coordinator": roles.is_coordinator(user),
        "is_head": roles.is_department_head(user),
        "is_council": roles.is_council(user),
    }
    if context["is_head"]:
        tasks = list(selectors.head_tasks(user=user, today=today))
        datasets = list(selectors.head_datasets(user=user))
        context.update(
            department=user.department,
            tasks=[(task, ProgressUpdateForm(task=task)) for task in tasks],
            overdue_task_count=sum(task.is_overdue for task in tasks),
            datasets=[(dataset, DatasetMarkUpdatedForm(dataset=dataset)) for dataset in datasets],
            audit_responses=list(selectors.head_audit_responses(user=user)),
            reminders=list(selectors.head_reminders(user=user)),
        )
    if context["is_coordinator"]:
        visit = visit_record(user=user, session_key=request.session.session_key or "")
        since = visit.previous_visit_at or selectors.first_visit_since()
        context.update(
            overdue_groups=selectors.overdue_by_department(today=today),
            since=since,
            first_visit=visit.previous_visit_at is None,
            new_updates=list(selectors.progress_updates_since(since=since)),
            feedback_new=list(selectors.feedback_awaiting_moderation()),
            audit_to_review=list(selectors.audit_responses_awaiting_review(user=user)),
            next_report=selectors.next_quarterly_report(today=today),
            departments=list(selectors.department_contacts()),
        )
    if context["is_council"] or context["is_coordinator"]:
        summary = selectors.plan_summary(today=today)
        context.update(
            plan_summary=summary,
            plan_chart=_plan_chart(summary) if summary else "",
            reports=selectors.reports_archive(),
            reports_url=selectors.url_or_none("reports:archive") or "/reports/",
        )
    return render(request, "workspace/index.html", context)


def _plan_chart(summary):
    return progress_bars(
        [(figures.label, figures.counts) for figures in summary.by_principle],
        statuses=TaskStatus.choices,
        title=f"Виконання плану «{summary.plan.title}» за принципами хартії",
        id_prefix="ws-plan",
    )


# --- department head and coordinator actions ------------------------------------------------------------


def _require_staff(user) -> None:
    if not roles.is_staff_member(user):
        raise PermissionDenied("Дія доступна координатору та керівникам підрозділів.")


def _task_scope(user):
    """Tasks the user may report on: all for coordinators, their department's for a head."""
    if roles.is_coordinator(user):
        return plan_selectors.task_list()
    return selectors.head_tasks(user=user)


@login_required
@require_http_methods(["GET", "POST"])
def task_progress(request, pk):
    _require_staff(request.user)
    task = get_object_or_404(_task_scope(request.user), pk=pk)
    form = ProgressUpdateForm(*_bound(request, files=True), task=task)
    values = indicator_values(form) if request.method == "POST" and form.is_valid() else None
    if values is not None and form.is_valid():
        data = form.cleaned_data
        try:
            update = task_add_progress(
                task=task,
                author=request.user,
                status=data["status"],
                narrative=data["narrative"],
                percent=data["percent"],
                links=data["links"],
                files=data["files"],
                period=data["period"],
                delay_reason=data["delay_reason"],
                next_steps=data["next_steps"],
                indicator_values=values,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            task.refresh_from_db(fields=["status", "percent"])
            if update.review_state == ReviewState.PENDING:
                text = _("Звіт збережено й надіслано на перевірку; стан завдання зміниться після його прийняття.")
            else:
                text = _("Оновлення виконання збережено. Стан завдання: %(status)s.") % {
                    "status": task.get_status_display().lower()
                }
            messages.success(request, text)
            return redirect(_workspace_url(f"task-{task.pk}"))
    status = 400 if request.method == "POST" else 200
    return render(request, "workspace/task_progress.html", {"task": task, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def dataset_updated(request, slug):
    _require_staff(request.user)
    dataset = get_object_or_404(registry_selectors.dataset_for_user(user=request.user), slug=slug)
    form = DatasetMarkUpdatedForm(*_bound(request), dataset=dataset)
    if request.method == "POST" and form.is_valid():
        try:
            dataset_mark_updated(
                dataset=dataset, by=request.user, note=form.cleaned_data["note"], link=form.cleaned_data["link"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            due = dataset.next_due_date.strftime("%d.%m.%Y") if dataset.next_due_date else "—"
            messages.success(
                request,
                _("Позначено оновленим: «%(title)s». Наступний термін: %(due)s.")
                % {"title": dataset.title, "due": due},
            )
            return redirect(_workspace_url(f"dataset-{dataset.pk}"))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "workspace/dataset_updated.html",
        {"dataset": dataset, "form": form, "today": timezone.localdate()},
        status=status,
    )


@login_required
@require_http_methods(["POST"])
def audit_submit(request, pk):
    """Submit the department's questionnaire to the coordinator → ``audit.services.response_submit``."""
    if not roles.is_department_head(request.user):
        raise PermissionDenied("Анкету подає керівник підрозділу.")
    response = get_object_or_404(audit_selectors.response_list(user=request.user), pk=pk)
    try:
        audit_services.response_submit(response=response, by=request.user)
    except ValidationError as exc:
        return render(
            request, "workspace/audit_submit_failed.html", {"response": response, "errors": exc.messages}, status=400
        )
    messages.success(request, _("Анкету «%(title)s» подано координатору.") % {"title": response.campaign.title})
    return redirect(_workspace_url("audit"))


# --- coordinator: department contacts ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def department_contacts(request, pk):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied("Контакти підрозділів змінює лише координатор відкритих даних.")
    department = get_object_or_404(Department.objects.select_related("head"), pk=pk)
    form = DepartmentContactsForm(*_bound(request), department=department)
    if request.method == "POST" and form.is_valid():
        try:
            department_update_contacts(department=department, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Контакти підрозділу «%(name)s» збережено.") % {"name": department.name})
            return redirect(_workspace_url("departments"))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "workspace/department_contacts.html", {"department": department, "form": form}, status=status
    )
