"""Registry imports started from a page: checked first, confirmed, imported; big files in the background.

A job keeps the uploaded file, so the confirmation imports exactly the file that was checked.
Files up to ``REGISTRY_IMPORT_INLINE_BYTES`` are handled in the request; larger ones by the
Celery task ``registry.tasks.registry_import_job`` (sent on commit; the job page sends it
again if the broker was down), so the web request never waits on a 10,000-row file.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from common.spreadsheets import MAX_FILE_BYTES, size_label

from .importing import registry_import
from .models import RegistryImportJob

logger = logging.getLogger(__name__)
State = RegistryImportJob.State
RESEND_AFTER = dt.timedelta(seconds=30)  # a queued job not picked up by then is sent again
STALE_AFTER = dt.timedelta(minutes=10)  # a running job silent this long is taken over
KEEP_FILES_FOR = dt.timedelta(days=7)


def inline_limit() -> int:
    return settings.REGISTRY_IMPORT_INLINE_BYTES


def _check_rights(by) -> None:
    if not roles.is_coordinator(by):
        raise PermissionDenied(_("Імпортувати реєстр може лише координатор."))


def _enqueue(job_id: int) -> None:
    from .tasks import registry_import_job

    def send():
        try:
            registry_import_job.delay(job_id)
        except Exception:  # noqa: BLE001 - the broker is down: the job page sends it again
            logger.warning("registry import job %s not queued; it will be sent again", job_id, exc_info=True)

    transaction.on_commit(send)


def _dispatch(job: RegistryImportJob) -> None:
    if job.background:
        _enqueue(job.pk)
    else:
        import_job_run(job_id=job.pk)


def import_job_start(*, by, upload, create_departments: bool = False, column_map=None) -> RegistryImportJob:
    """Keep the uploaded file and check it (a dry run), now or in the background."""
    _check_rights(by)
    size = getattr(upload, "size", None) or 0
    if size > MAX_FILE_BYTES:  # checked before anything is read
        raise ValidationError({"file": _("Файл завеликий: найбільше %(size)s.") % {"size": size_label(MAX_FILE_BYTES)}})
    if size == 0:
        raise ValidationError({"file": _("Файл порожній.")})
    content = upload.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError({"file": _("Файл завеликий: найбільше %(size)s.") % {"size": size_label(MAX_FILE_BYTES)}})
    # Files checked but never confirmed are not kept for ever (they hold responsible persons' e-mails).
    RegistryImportJob.objects.filter(created_at__lt=timezone.now() - KEEP_FILES_FOR).exclude(content=b"").update(
        content=b""
    )
    job = RegistryImportJob.objects.create(
        created_by=by,
        filename=(getattr(upload, "name", "") or "registry.csv")[-255:],
        content=content,
        size=len(content),
        background=len(content) > inline_limit(),
        create_departments=create_departments,
        column_map=column_map or {},
    )
    _dispatch(job)
    job.refresh_from_db()
    return job


def import_job_confirm(*, job: RegistryImportJob, by, create_departments: bool) -> RegistryImportJob:
    """Import the checked file (all or nothing)."""
    _check_rights(by)
    with transaction.atomic():
        job = RegistryImportJob.objects.select_for_update().get(pk=job.pk)
        if job.state != State.CHECKED or job.report.get("errors"):
            raise ValidationError(_("Імпортувати можна лише файл, який пройшов перевірку без помилок."))
        if job.report.get("new_departments") and not create_departments:
            raise ValidationError(
                _("У файлі є нові підрозділи: позначте, що їх слід створити, або виправте назви у файлі.")
            )
        job.state = State.IMPORT_QUEUED
        job.create_departments = create_departments
        job.rows_done = 0
        job.save()
    _dispatch(job)
    job.refresh_from_db()
    return job


def import_job_resend_if_lost(*, job: RegistryImportJob) -> None:
    """A background job still queued after a while (the broker was down?) is sent again."""
    queued = job.state in (State.CHECK_QUEUED, State.IMPORT_QUEUED)
    if job.background and queued and timezone.now() - job.updated_at > RESEND_AFTER:
        RegistryImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now())
        _enqueue(job.pk)


def import_job_run(*, job_id: int) -> RegistryImportJob | None:
    """Run the job's next step (check or import). Safe to run twice: a finished job is left alone."""
    with transaction.atomic():
        job = RegistryImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            return None
        stale = timezone.now() - job.updated_at > STALE_AFTER
        if job.state in (State.CHECK_QUEUED,) or (job.state == State.CHECKING and stale):
            job.state, dry_run = State.CHECKING, True
        elif job.state in (State.IMPORT_QUEUED,) or (job.state == State.IMPORTING and stale):
            job.state, dry_run = State.IMPORTING, False
        else:
            return job  # finished, or another worker is on it
        job.rows_done = 0
        job.save()

    def progress(done: int, total: int) -> None:
        RegistryImportJob.objects.filter(pk=job_id).update(rows_done=done, rows_total=total, updated_at=timezone.now())

    try:
        report = registry_import(
            data=bytes(job.content),
            filename=job.filename,
            dry_run=dry_run,
            create_departments=job.create_departments,
            column_map=job.column_map,
            progress=progress,
        )
    except Exception:
        RegistryImportJob.objects.filter(pk=job_id).update(
            state=State.FAILED,
            report={"errors": [_("Внутрішня помилка під час імпорту; нічого не записано.")]},
            finished_at=timezone.now(),
        )
        raise
    state = State.CHECKED if dry_run else State.DONE if report.written else State.FAILED
    extra = {}
    if state != State.CHECKED or report.errors:
        extra["content"] = b""  # nothing more to import: the file (personal data in it) is not kept
    RegistryImportJob.objects.filter(pk=job_id).update(
        **extra,
        state=state,
        report=report.as_dict(),
        rows_total=report.rows,
        rows_done=report.rows,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    job.refresh_from_db()
    return job
