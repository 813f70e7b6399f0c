"""Generating (versions, nothing half-written), sending, the beat job, the command."""

import datetime as dt
import hashlib
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from reports import pdf, services, tasks
from reports.models import QuarterlyReport, ReportRecipient
from tests.plan.factories import make_plan, make_section, make_task

from .helpers import pdf_text


@pytest.fixture
def small_plan(db, department):
    plan = make_plan(title="План дій міста")
    make_task(make_section(plan, 1), departments=[department], periods=[("2019Q3", "2019Q3")], title="Перше завдання")
    return plan


def _stored_files(media):
    root = media / "reports"
    return sorted(p.name for p in root.rglob("*.pdf")) if root.exists() else []


def test_generate_stores_pdf_checksum_and_snapshot(small_plan, coordinator, media):
    report = services.report_generate(year=2019, quarter=4, by=coordinator)
    assert (report.year, report.quarter, report.version) == (2019, 4, 1)
    assert report.generated_by == coordinator
    data = report.pdf.read()
    assert data.startswith(b"%PDF") and report.size == len(data)
    assert report.checksum == hashlib.sha256(data).hexdigest()
    assert report.pdf.path.startswith(str(media / "reports"))
    assert report.snapshot["title"]["plan_title"] == "План дій міста"
    assert "Перше завдання" in pdf_text(report.pdf.path, layout=False)


def test_regenerating_adds_a_version_and_keeps_the_old_one(small_plan, media):
    first = services.report_generate(year=2019, quarter=4)
    second = services.report_generate(year=2019, quarter=4)
    other = services.report_generate(year=2019, quarter=3)
    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert first.pdf.name != second.pdf.name
    assert len(_stored_files(media)) == 3
    first.refresh_from_db()
    assert first.pdf.storage.exists(first.pdf.name)


def test_snapshot_is_frozen_when_data_changes_later(small_plan, coordinator):
    """The stored report keeps its quarter's figures; a later version for the same quarter has the same
    as-of figures as long as what happened by then is unchanged, whatever happens afterwards."""
    from plan.services import task_add_progress

    report = services.report_generate(year=2019, quarter=4)
    task = small_plan.tasks.get()
    task_add_progress(
        task=task,
        author=coordinator,
        status="completed",
        narrative="Готово",
        date=dt.date(2020, 5, 1),
        period="2020Q2",  # reports count updates by their reporting period (issue 18)
    )
    report.refresh_from_db()
    assert report.snapshot["summary"]["plan"]["completed"] == 0
    assert services.report_generate(year=2019, quarter=4).snapshot["summary"]["plan"]["completed"] == 0
    assert services.report_generate(year=2020, quarter=2).snapshot["summary"]["plan"]["completed"] == 1


def test_rendering_failure_stores_nothing(small_plan, media, monkeypatch):
    written = []

    def broken(snapshot, target):
        target.write_bytes(b"%PDF-1.7 half a report")
        written.append(target)
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        services.report_generate(year=2019, quarter=4)
    assert QuarterlyReport.objects.count() == 0
    assert _stored_files(media) == []
    assert written and not written[0].exists()  # the temporary file is gone too


def test_database_failure_removes_the_stored_file(small_plan, media, monkeypatch):
    def failing_save(self, *args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(QuarterlyReport, "save", failing_save)
    with pytest.raises(RuntimeError):
        services.report_generate(year=2019, quarter=4)
    assert _stored_files(media) == []


def test_only_coordinators_generate(small_plan, department_head, council_member):
    for user in (department_head, council_member):
        with pytest.raises(PermissionDenied):
            services.report_generate(year=2019, quarter=4, by=user)
    assert QuarterlyReport.objects.count() == 0


def test_future_quarter_is_refused(small_plan):
    with pytest.raises(ValidationError) as info:
        services.report_generate(year=2100, quarter=1)
    assert "quarter" in info.value.message_dict


def test_send_emails_the_pdf_to_active_recipients(small_plan):
    ReportRecipient.objects.create(name="Секретар ради", email="secretary@example.org")
    ReportRecipient.objects.create(name="Голова комісії", email="chair@example.org")
    ReportRecipient.objects.create(name="Колишній депутат", email="former@example.org", active=False)
    report = services.report_generate(year=2019, quarter=4)
    assert services.report_send(report=report) == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.recipients()) == ["chair@example.org", "opendata@localhost", "secretary@example.org"]
    assert "former@example.org" not in message.recipients()
    assert message.subject == "Звіт про виконання плану дій з відкритих даних за IV квартал 2019 року"
    assert "Шановні колеги" in message.body and "31.12.2019" in message.body
    ((name, content, mimetype),) = message.attachments
    assert name == "zvit-2019-q4-v1.pdf" and mimetype == "application/pdf"
    assert hashlib.sha256(content).hexdigest() == report.checksum
    report.refresh_from_db()
    assert report.sent_at is not None


def test_beat_job_builds_the_previous_quarter_once(small_plan, time_machine):
    ReportRecipient.objects.create(name="Секретар ради", email="secretary@example.org")
    time_machine.move_to(dt.datetime(2020, 1, 1, 6, 0, tzinfo=dt.UTC))
    first = tasks.quarterly_report_scheduled.delay().get()
    second = tasks.quarterly_report_scheduled.delay().get()
    assert first == second
    report = QuarterlyReport.objects.get()
    assert (report.year, report.quarter, report.run_key) == (2019, 4, "beat:2019Q4")
    assert len(mail.outbox) == 1  # sent once
    # A coordinator's manual version later is a new version; the scheduled run stays single.
    services.report_generate(year=2019, quarter=4)
    tasks.quarterly_report_scheduled.delay("2019Q4").get()
    assert QuarterlyReport.objects.count() == 2


def test_command_writes_output_and_sends(small_plan, tmp_path):
    ReportRecipient.objects.create(name="Секретар ради", email="secretary@example.org")
    target = tmp_path / "copy.pdf"
    out = io.StringIO()
    call_command("generate_quarterly_report", "2019Q4", "--output", str(target), "--send", stdout=out)
    assert "версія 1" in out.getvalue() and "Надіслано одержувачам: 1" in out.getvalue()
    report = QuarterlyReport.objects.get()
    assert hashlib.sha256(target.read_bytes()).hexdigest() == report.checksum
    assert len(mail.outbox) == 1


def test_command_rejects_bad_quarter(small_plan):
    with pytest.raises(CommandError):
        call_command("generate_quarterly_report", "2019Q5")


def test_a_version_number_taken_meanwhile_is_retried(small_plan, monkeypatch):
    from django.db import IntegrityError

    real_store = services._store
    calls = []

    def racing_store(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("UNIQUE constraint failed: report_unique_version")
        return real_store(**kwargs)

    monkeypatch.setattr(services, "_store", racing_store)
    report = services.report_generate(year=2019, quarter=4)
    assert len(calls) == 2 and report.version == 1
