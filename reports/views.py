"""Pages of the reports app: the public archive, downloads, and the coordinator's "generate now"."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import roles
from common.downloads import download_headers, download_response
from common.outbox import outbox_send

from . import selectors, services, tasks
from .forms import GenerateReportForm
from .models import QuarterlyReport, ReportAttachment


@require_GET
def report_archive(request):
    reports = selectors.report_list()
    form = GenerateReportForm() if roles.is_coordinator(request.user) else None
    return render(request, "reports/archive.html", {"reports": reports, "form": form})


@require_GET
def report_download(request, pk):
    report = get_object_or_404(QuarterlyReport, pk=pk)
    try:
        handle = report.pdf.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Файл звіту не знайдено.")) from exc
    response = FileResponse(handle, as_attachment=True, filename=report.filename, content_type="application/pdf")
    return download_headers(response)  # nosniff + sandbox, as every stored file (common.downloads)


@require_GET
def report_attachment_download(request, key):
    """A report's full list as CSV (linked from the PDF by its key), served as every stored file is."""
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report"), key=key)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Файл звіту не знайдено.")) from exc
    return download_response(handle, filename=attachment.filename)


def _back(request):
    target = request.POST.get("next") or request.headers.get("referer") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("reports:archive")


@login_required
@require_POST
def report_generate_now(request):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied
    form = GenerateReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Вкажіть рік і квартал звіту."))
        return _back(request)
    year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"]
    try:
        period = services.report_check_quarter(year=year, quarter=quarter)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back(request)
    run_key = f"manual:{uuid.uuid4().hex}"
    # Recorded before the answer: a broker outage delays the report, it never loses the request.
    with transaction.atomic():
        outbox_send(tasks.report_generate_task, year, quarter, request.user.pk, run_key)
    messages.success(
        request,
        _("Звіт за %(quarter)s формується; нова версія з’явиться в архіві звітів за кілька хвилин.")
        % {"quarter": period.label()},
    )
    return _back(request)
