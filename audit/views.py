"""Pages of the information audit: department heads' questionnaires, coordinators' review, public results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles

from . import export, selectors, services
from .choices import ResponseStatus
from .forms import InformationResourceForm, ResponseNotesForm, ReturnForm, ReviewForm
from .models import AuditCampaign, AuditResponse


def _attach_errors(form, exc: ValidationError):
    """Put a service's ValidationError next to the form's fields (or above the form)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _response_or_404(request, pk) -> AuditResponse:
    try:
        return selectors.response_detail(user=request.user, pk=pk)
    except AuditResponse.DoesNotExist:
        raise Http404("Анкету не знайдено.") from None


def _resource_or_404(response, resource_pk):
    for resource in response.resources.all():
        if resource.pk == resource_pk:
            return resource
    raise Http404("Ресурс не знайдено.")


def _require_coordinator(request):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied


def _can_edit(user, response) -> bool:
    return roles.is_department_head(user) and user.department_id == response.department_id and response.is_editable


# --- department heads -------------------------------------------------------------------------------


@login_required
def index(request):
    context = {
        "responses": selectors.response_list_with_counts(user=request.user),
        "is_coordinator": roles.is_coordinator(request.user),
    }
    if context["is_coordinator"]:
        context["campaigns"] = selectors.campaign_list(user=request.user)
        context["responses"] = context["responses"].none()
    return render(request, "audit/index.html", context)


@login_required
def response_detail(request, pk):
    response = _response_or_404(request, pk)
    can_edit = _can_edit(request.user, response)
    notes_form = ResponseNotesForm(initial={"notes": response.notes})
    submit_errors = []
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "save":
            notes_form = ResponseNotesForm(request.POST)
            if notes_form.is_valid():
                try:
                    services.response_save_draft(
                        response=response, by=request.user, notes=notes_form.cleaned_data["notes"]
                    )
                except ValidationError as exc:
                    _attach_errors(notes_form, exc)
                else:
                    messages.success(request, _("Чернетку збережено."))
                    return redirect("audit:response-detail", pk=response.pk)
        elif action == "submit":
            try:
                services.response_submit(response=response, by=request.user)
            except ValidationError as exc:
                submit_errors = exc.messages
            else:
                messages.success(request, _("Анкету подано координатору."))
                return redirect("audit:response-detail", pk=response.pk)
    return render(
        request,
        "audit/response_detail.html",
        {
            "response": response,
            "campaign": response.campaign,
            "resources": response.resources.all(),
            "can_edit": can_edit,
            "notes_form": notes_form,
            "submit_errors": submit_errors,
            "is_coordinator": roles.is_coordinator(request.user),
        },
        status=400 if submit_errors or notes_form.errors else 200,
    )


@login_required
def resource_add(request, pk):
    response = _response_or_404(request, pk)
    if not _can_edit(request.user, response):
        raise PermissionDenied
    form = InformationResourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_add(response=response, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("Ресурс збережено."))
            return redirect("audit:response-detail", pk=response.pk)
    return render(
        request,
        "audit/resource_form.html",
        {"form": form, "response": response, "resource": None},
        status=400 if form.errors else 200,
    )


@login_required
def resource_edit(request, pk, resource_pk):
    response = _response_or_404(request, pk)
    resource = _resource_or_404(response, resource_pk)
    if not _can_edit(request.user, response):
        raise PermissionDenied
    form = InformationResourceForm(request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_edit(resource=resource, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("Ресурс збережено."))
            return redirect("audit:response-detail", pk=response.pk)
    return render(
        request,
        "audit/resource_form.html",
        {"form": form, "response": response, "resource": resource},
        status=400 if form.errors else 200,
    )


@login_required
def resource_delete(request, pk, resource_pk):
    response = _response_or_404(request, pk)
    resource = _resource_or_404(response, resource_pk)
    if not _can_edit(request.user, response):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        try:
            services.resource_delete(resource=resource, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Ресурс видалено."))
            return redirect("audit:response-detail", pk=response.pk)
    return render(request, "audit/resource_delete.html", {"response": response, "resource": resource, "error": error})


# --- coordinators --------------------------------------------------------------------------------------


@login_required
def response_review(request, pk):
    _require_coordinator(request)
    response = _response_or_404(request, pk)
    resources = list(response.resources.all())
    review_forms = {
        r.pk: ReviewForm(prefix=f"r{r.pk}", initial={"decision": r.review_decision, "comment": r.review_comment})
        for r in resources
    }
    return_form = ReturnForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "review":
                resource = _resource_or_404(response, int(request.POST.get("resource", 0) or 0))
                form = review_forms[resource.pk] = ReviewForm(request.POST, prefix=f"r{resource.pk}")
                if form.is_valid():
                    try:
                        services.resource_review(resource=resource, by=request.user, **form.cleaned_data)
                    except ValidationError as exc:
                        _attach_errors(form, exc)
                    else:
                        messages.success(request, _("Рішення щодо «%(name)s» збережено.") % {"name": resource.name})
                        return redirect("audit:response-review", pk=response.pk)
            elif action == "return":
                return_form = ReturnForm(request.POST)
                if return_form.is_valid():
                    try:
                        services.response_return(response=response, by=request.user, **return_form.cleaned_data)
                    except ValidationError as exc:
                        _attach_errors(return_form, exc)
                    else:
                        messages.success(request, _("Анкету повернуто підрозділу на доопрацювання."))
                        return redirect("audit:response-review", pk=response.pk)
            elif action == "promote":
                result = services.response_promote(response=response, by=request.user)
                messages.success(
                    request,
                    _(
                        "Внесено до реєстру: створено наборів — %(created)s, пов’язано з наявними — %(linked)s, "
                        "уже були в реєстрі — %(already)s."
                    )
                    % {"created": len(result.created), "linked": len(result.linked), "already": len(result.already)},
                )
                return redirect("audit:response-review", pk=response.pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("audit:response-review", pk=response.pk)
        status = 400
    return render(
        request,
        "audit/response_review.html",
        {
            "response": response,
            "campaign": response.campaign,
            "rows": [(r, review_forms[r.pk]) for r in resources],
            "return_form": return_form,
            "can_review": response.status in (ResponseStatus.SUBMITTED, ResponseStatus.REVIEWED),
        },
        status=status,
    )


@login_required
def campaign_dashboard(request, pk):
    _require_coordinator(request)
    campaign = get_object_or_404(AuditCampaign, pk=pk)
    rows = list(selectors.campaign_dashboard_rows(campaign=campaign))
    return render(
        request,
        "audit/campaign_dashboard.html",
        {"campaign": campaign, "rows": rows, "totals": selectors.totals_of(rows)},
    )


@login_required
@require_POST
def campaign_action(request, pk, action):
    _require_coordinator(request)
    campaign = get_object_or_404(AuditCampaign, pk=pk)
    actions = {
        "open": (services.campaign_open, _("Кампанію відкрито, запрошення надсилаються керівникам підрозділів.")),
        "close": (services.campaign_close, _("Кампанію завершено, результати оприлюднено.")),
    }
    if action not in actions:
        raise Http404
    service, message = actions[action]
    try:
        service(campaign=campaign, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, message)
    return redirect("audit:campaign-dashboard", pk=campaign.pk)


@login_required
def campaign_export(request, pk, fmt):
    _require_coordinator(request)
    campaign = get_object_or_404(AuditCampaign, pk=pk)
    resources = selectors.campaign_resources_for_export(campaign=campaign)
    return export.response_for(
        fmt, export.campaign_rows(resources), filename=f"audit-{campaign.pk}", sheet_title="Ресурси"
    )


# --- public ------------------------------------------------------------------------------------------------


def _public_campaign_or_404(pk) -> AuditCampaign:
    return get_object_or_404(selectors.public_campaign_list(), pk=pk)


def results_index(request):
    campaigns = selectors.public_campaign_list().order_by("-deadline", "-id")
    return render(request, "audit/results_index.html", {"campaigns": campaigns})


def results(request, pk):
    campaign = _public_campaign_or_404(pk)
    rows = list(selectors.public_department_rows(campaign=campaign))
    return render(
        request,
        "audit/results.html",
        {
            "campaign": campaign,
            "rows": rows,
            "totals": selectors.totals_of(rows),
            "resources": selectors.public_resources(campaign=campaign),
        },
    )


def results_csv(request, pk) -> HttpResponse:
    campaign = _public_campaign_or_404(pk)
    resources = selectors.public_resources(campaign=campaign)
    return export.response_for("csv", export.public_rows(resources), filename=f"audit-results-{campaign.pk}")
