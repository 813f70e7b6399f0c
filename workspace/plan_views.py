"""Plan lifecycle for coordinators: make a draft plan current, finish a plan (after a confirmation
step: its quarterly rounds stop) and ask for its final report. The same services as
``manage.py finish_plan``; the report is built by the worker through the outbox, so a broker
outage delays it and never loses the request."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import roles
from common.outbox import outbox_send
from plan.choices import ENDED_PLAN_STATUSES, PlanStatus
from plan.models import ActionPlan
from plan.services import PLAN_TRANSITIONS, plan_set_status
from reports import tasks as report_tasks
from reports.models import QuarterlyReport


class FinishPlanForm(forms.Form):
    confirm = forms.BooleanField(
        label="Так, план виконано: припинити квартальні раунди звітування",
        error_messages={"required": "Підтвердьте завершення плану."},
    )


def _require_coordinator(user) -> None:
    if not roles.is_coordinator(user):
        raise PermissionDenied("Станом плану керує координатор.")


def _final_reports(plans) -> dict[int, QuarterlyReport]:
    keys = {f"final:{plan.pk}": plan.pk for plan in plans}
    return {keys[r.run_key]: r for r in QuarterlyReport.objects.filter(run_key__in=keys)}


@login_required
@require_GET
def plan_list(request):
    _require_coordinator(request.user)
    plans = list(ActionPlan.objects.order_by("-start_quarter", "-id"))
    finals = _final_reports(plans)
    rows = [
        {
            "plan": plan,
            "can_adopt": PlanStatus.ADOPTED in PLAN_TRANSITIONS.get(plan.status, set()),
            "can_finish": PlanStatus.FINISHED in PLAN_TRANSITIONS.get(plan.status, set()),
            "ended": plan.status in ENDED_PLAN_STATUSES,
            "final_report": finals.get(plan.pk),
        }
        for plan in plans
    ]
    return render(request, "workspace/plan_list.html", {"rows": rows})


@login_required
@require_POST
def plan_adopt(request, pk):
    _require_coordinator(request.user)
    plan = get_object_or_404(ActionPlan, pk=pk)
    try:
        plan_set_status(plan=plan, status=PlanStatus.ADOPTED, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("План «%(title)s» тепер чинний.") % {"title": plan.title})
    return redirect("workspace:plans")


@login_required
@require_http_methods(["GET", "POST"])
def plan_finish(request, pk):
    _require_coordinator(request.user)
    plan = get_object_or_404(ActionPlan, pk=pk)
    form = FinishPlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_set_status(plan=plan, status=PlanStatus.FINISHED, by=request.user)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(
                request, _("План «%(title)s» завершено; квартальні раунди припинено.") % {"title": plan.title}
            )
            return redirect("workspace:plans")
    return render(request, "workspace/plan_finish.html", {"plan": plan, "form": form})


@login_required
@require_POST
def plan_final_report(request, pk):
    _require_coordinator(request.user)
    plan = get_object_or_404(ActionPlan, pk=pk)
    if plan.status not in ENDED_PLAN_STATUSES:
        messages.error(request, _("Підсумковий звіт складають для завершеного плану."))
        return redirect("workspace:plans")
    with transaction.atomic():  # recorded with the request; the worker builds it (once per plan)
        outbox_send(report_tasks.final_report_task, plan.pk, request.user.pk)
    messages.success(request, _("Підсумковий звіт формується; він з’явиться в архіві звітів за кілька хвилин."))
    return redirect("workspace:plans")
