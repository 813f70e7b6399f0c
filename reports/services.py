"""Writes of the reports app: generate a quarterly report (a new version each time), send it."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from accounts import roles
from common.quarters import Quarter

from . import attachments, context, pdf
from .models import QuarterlyReport, ReportAttachment, ReportRecipient

logger = logging.getLogger(__name__)


def _require_coordinator(by) -> None:
    if by is not None and not roles.is_coordinator(by):
        raise PermissionDenied("Формувати звіти може лише координатор відкритих даних.")


def report_check_quarter(*, year, quarter, today: dt.date | None = None) -> Quarter:
    """The quarter to report on, or a ValidationError (not a quarter, not started yet)."""
    today = today or timezone.localdate()
    try:
        period = Quarter(int(year), int(quarter))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"quarter": "Квартал має бути числом від 1 до 4."}) from exc
    if period.first_day() > today:
        raise ValidationError({"quarter": "Не можна скласти звіт за квартал, який ще не почався."})
    if not 2000 <= period.year <= 2100:
        raise ValidationError({"year": "Рік має бути між 2000 і 2100."})
    return period


def previous_snapshot(period: Quarter) -> dict | None:
    """The snapshot of the latest version of the previous quarter's report, if there is one."""
    previous = period.previous()
    report = (
        QuarterlyReport.objects.filter(year=previous.year, quarter=previous.number)
        .order_by("-version")
        .only("snapshot")
        .first()
    )
    if report is None or report.snapshot.get("schema") != context.SCHEMA:
        return None
    return report.snapshot


def report_generate(*, year: int, quarter: int, by=None, run_key: str = "") -> QuarterlyReport:
    """Build the report for ``year``/``quarter`` as a new version; the file is stored only when complete.

    ``by`` None means the system (beat job, management command). With ``run_key`` (a scheduled run)
    a second call returns the report that run already built instead of building another version.
    """
    _require_coordinator(by)
    today = timezone.localdate()
    period = report_check_quarter(year=year, quarter=quarter, today=today)
    if run_key:
        existing = QuarterlyReport.objects.filter(run_key=run_key).first()
        if existing is not None:
            return existing
    snapshot, full_lists = context.build_report(quarter=period, previous=previous_snapshot(period), today=today)
    return _render_and_store(period=period, snapshot=snapshot, full_lists=full_lists, by=by, run_key=run_key, tries=3)


def final_report_generate(*, plan, by=None) -> QuarterlyReport:
    """The final report of a finished plan: the quarterly report's PDF machinery over the whole
    plan period, stored under the plan's last quarter. Once per plan (run key ``final:<plan id>``)."""
    from plan.choices import ENDED_PLAN_STATUSES

    _require_coordinator(by)
    if plan.status not in ENDED_PLAN_STATUSES:
        raise ValidationError("Підсумковий звіт складають для завершеного плану.")
    run_key = f"final:{plan.pk}"
    existing = QuarterlyReport.objects.filter(run_key=run_key).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    period = plan.end
    snapshot, full_lists = context.build_report(quarter=period, plan=plan, today=today, final=True)
    return _render_and_store(period=period, snapshot=snapshot, full_lists=full_lists, by=by, run_key=run_key, tries=1)


def _render_and_store(*, period, snapshot, full_lists, by, run_key: str, tries: int) -> QuarterlyReport:
    """Write the CSV attachments and the PDF, then store them together; temporary files are
    removed whatever happens. ``tries``: how often to look again when another process took this
    version number (or this run) meanwhile."""
    files = attachments.prepare(snapshot, full_lists)
    try:
        temporary = pdf.render_to_temporary(snapshot)
    except BaseException:
        attachments.discard(files)
        raise
    try:
        for attempt in range(tries):
            try:
                return _store(period=period, snapshot=snapshot, path=temporary, files=files, by=by, run_key=run_key)
            except IntegrityError:
                if attempt == tries - 1:
                    raise
        raise AssertionError("unreachable")
    finally:
        temporary.unlink(missing_ok=True)
        attachments.discard(files)


def _checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@transaction.atomic
def _store(*, period: Quarter, snapshot: dict, path: Path, files=(), by, run_key: str) -> QuarterlyReport:
    # Lock the quarter's versions (PostgreSQL); the unique constraint guards SQLite and races.
    versions = QuarterlyReport.objects.select_for_update().filter(year=period.year, quarter=period.number)
    if run_key:
        existing = QuarterlyReport.objects.filter(run_key=run_key).first()
        if existing is not None:
            return existing
    version = (versions.aggregate(last=Max("version"))["last"] or 0) + 1
    report = QuarterlyReport(
        year=period.year,
        quarter=period.number,
        version=version,
        snapshot=snapshot,
        checksum=_checksum(path),
        size=path.stat().st_size,
        generated_by=by if by is not None and by.is_authenticated else None,
        run_key=run_key,
    )
    report.full_clean(exclude=["pdf", "generated_by"])
    stored_names = []
    try:
        with path.open("rb") as handle:
            report.pdf.save(report.filename, File(handle), save=False)
        stored_names.append(report.pdf.name)
        with transaction.atomic():
            report.save()
            # The CSV attachments: same storage as the PDF, all or nothing with it.
            for item in files:
                attachment = ReportAttachment(
                    report=report,
                    kind=item.kind,
                    key=item.key,
                    rows=item.rows,
                    size=item.path.stat().st_size,
                    checksum=_checksum(item.path),
                )
                with item.path.open("rb") as handle:
                    attachment.file.save(attachment.filename, File(handle), save=False)
                stored_names.append(attachment.file.name)
                attachment.save()
    except BaseException:
        for name in stored_names:
            report.pdf.storage.delete(name)
        raise
    logger.info("Quarterly report %s v%s generated (%s bytes)", period, version, report.size)
    return report


def report_recipients():
    return ReportRecipient.objects.filter(active=True).order_by("name")


def report_send(*, report: QuarterlyReport) -> int:
    """E-mail the report's PDF to every active recipient; returns how many were sent."""
    recipients = list(report_recipients().values_list("email", flat=True))
    if not recipients:
        logger.warning("Quarterly report %s: no active recipients", report.pk)
        return 0
    title = report.snapshot.get("title", {})
    label = report.period.label()
    subject = f"Звіт про виконання плану дій з відкритих даних за {label}"
    body = "\n".join(
        [
            "Шановні колеги!",
            "",
            f"Надсилаємо звіт про виконання плану дій з реалізації принципів Міжнародної хартії відкритих даних "
            f"за {label} (версія {report.version}, складено {timezone.localtime(report.generated_at):%d.%m.%Y}).",
            f"План: {title.get('plan_title', '')}",
            f"Показники наведено станом на {title.get('as_of', '')}.",
            "",
            "Звіт додано до листа у форматі PDF; усі звіти доступні в архіві на порталі відкритих даних.",
            "",
            f"З повагою,\n{settings.COUNCIL_NAME}",
        ]
    )
    message = EmailMessage(subject=subject, body=body, to=[settings.DEFAULT_FROM_EMAIL], bcc=recipients)
    with report.pdf.open("rb") as handle:
        message.attach(report.filename, handle.read(), "application/pdf")
    message.send()
    QuarterlyReport.objects.filter(pk=report.pk).update(sent_at=timezone.now())
    return len(recipients)
