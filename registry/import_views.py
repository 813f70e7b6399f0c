"""Staff pages of the registry import: upload, check (dry run), confirm; progress of big files.

The admin's "Імпорт" opens the same page. The progress page refreshes itself with a
``<meta http-equiv="refresh">`` (no script, so it works under a strict CSP).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts import roles
from common.spreadsheets import SpreadsheetError, parse_mapping

from . import import_jobs
from .forms import RegistryImportConfirmForm, RegistryImportForm
from .import_rows import SYNONYMS, field_label
from .models import RegistryImportJob

REFRESH_SECONDS = 2


def _coordinator(request) -> None:
    if not roles.is_coordinator(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    _coordinator(request)
    form = RegistryImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            mapping = parse_mapping(form.cleaned_data["columns"])
            job = import_jobs.import_job_start(
                by=request.user,
                upload=form.cleaned_data["file"],
                create_departments=form.cleaned_data["create_departments"],
                column_map=mapping,
            )
        except SpreadsheetError as exc:
            form.add_error("columns", str(exc))
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        else:
            return redirect("registry:import-job", pk=job.pk)
    jobs = RegistryImportJob.objects.filter(created_by=request.user).defer("content")[:10]
    fields = "; ".join(field_label(name) for name in SYNONYMS)
    return render(request, "registry/import_start.html", {"form": form, "jobs": jobs, "fields": fields})


@login_required
def import_job(request, pk):
    _coordinator(request)
    job = get_object_or_404(RegistryImportJob.objects.defer("content"), pk=pk)
    import_jobs.import_job_resend_if_lost(job=job)
    report = dict(job.report or {})
    report["columns"] = [(header, field_label(code)) for header, code in report.get("columns", [])]
    confirm = RegistryImportConfirmForm(initial={"create_departments": job.create_departments})
    return render(
        request,
        "registry/import_job.html",
        {
            "job": job,
            "report": report,
            "confirm": confirm,
            "refresh": REFRESH_SECONDS if job.running else None,
            "can_confirm": job.state == RegistryImportJob.State.CHECKED and not report.get("errors"),
        },
    )


@login_required
@require_POST
def import_job_confirm(request, pk):
    _coordinator(request)
    job = get_object_or_404(RegistryImportJob.objects.defer("content"), pk=pk)
    form = RegistryImportConfirmForm(request.POST)
    form.is_valid()
    try:
        import_jobs.import_job_confirm(
            job=job, by=request.user, create_departments=form.cleaned_data.get("create_departments", False)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("registry:import-job", pk=job.pk)
