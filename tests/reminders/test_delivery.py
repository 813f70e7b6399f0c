"""Sending: retries with backoff on SMTP errors, failures stored, crashes half-way, dry runs."""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command

from reminders.choices import State
from reminders.models import ReminderLog, ReminderLogItem
from reminders.services import reminders_run

from .backends import Crash, FlakyBackend
from .conftest import WEDNESDAY
from .factories import make_dataset

pytestmark = pytest.mark.django_db

FLAKY = "tests.reminders.backends.FlakyBackend"


@pytest.fixture
def three_departments(department, other_department):
    from accounts.models import Department

    third = Department.objects.create(name="Управління освіти", email="osvita@example.org")
    for dep in (department, other_department, third):
        make_dataset(dep, WEDNESDAY - dt.timedelta(days=2), title=f"Набір {dep.email}")
    return [department.email, other_department.email, third.email]


def test_smtp_error_is_retried_and_recorded(run, three_departments, settings):
    settings.EMAIL_BACKEND = FLAKY
    FlakyBackend.reset(fail_on={2})
    result = run(WEDNESDAY)
    assert result.enqueued == 3 and result.failed_to_enqueue == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(three_departments)
    retried = ReminderLog.objects.get(attempts=2)
    assert retried.state == State.SENT and "SMTPServerDisconnected" in retried.last_error
    assert set(ReminderLog.objects.values_list("state", flat=True)) == {State.SENT}


def test_permanent_failure_is_stored_and_does_not_lose_the_batch(run, three_departments, settings):
    from reminders.tasks import send_reminder

    settings.EMAIL_BACKEND = FLAKY
    FlakyBackend.reset(fail_recipients={"strategy@example.org"}, error=smtplib.SMTPRecipientsRefused({}))
    result = run(WEDNESDAY)
    assert result.failed_to_enqueue == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["osvita@example.org", "pr@example.org"]
    failed = ReminderLog.objects.get(recipient="strategy@example.org")
    assert failed.state == State.FAILED
    assert failed.attempts == send_reminder.max_retries + 1
    assert "SMTPRecipientsRefused" in failed.last_error
    # The next run (the SMTP server is fine again) sends the failed digest, and only that one.
    FlakyBackend.reset()
    result = run(WEDNESDAY + dt.timedelta(days=1))
    assert [m.to for m in mail.outbox] == [["strategy@example.org"]]
    failed.refresh_from_db()
    assert failed.state == State.SENT


def test_crash_half_way_then_rerun_sends_everything_missing_once(run, three_departments, settings):
    settings.EMAIL_BACKEND = FLAKY
    FlakyBackend.reset(fail_on={2}, error=Crash("worker killed"))
    with pytest.raises(Crash):
        run(WEDNESDAY)
    assert len(mail.outbox) == 1
    first = mail.outbox[0].to[0]
    # Everything was recorded before sending. The digest whose SMTP conversation was cut is "sending"
    # (the server may have it: never sent again automatically); the one never tried is pending.
    assert ReminderLog.objects.filter(state=State.PENDING).count() == 1
    uncertain = ReminderLog.objects.get(state=State.SENDING).recipient
    assert ReminderLogItem.objects.count() == 3

    FlakyBackend.reset()
    result = run(WEDNESDAY)
    assert result.recorded == 0 and result.enqueued == 1
    assert [m.to[0] for m in mail.outbox] == sorted(set(three_departments) - {first, uncertain})
    run(WEDNESDAY)
    assert len(mail.outbox) == 1
    assert sorted(ReminderLog.objects.values_list("state", flat=True)) == [State.SENDING, State.SENT, State.SENT]


def test_send_task_is_idempotent(run, outbox, department):
    from reminders.tasks import send_reminder

    make_dataset(department, WEDNESDAY)
    run(WEDNESDAY)
    log = ReminderLog.objects.get()
    assert send_reminder.delay(log.pk).get() is False
    assert len(outbox) == 1


def test_command_dry_run_prints_and_records_nothing(department, coordinator, outbox):
    make_dataset(department, dt.date(2026, 6, 1), title="Прострочений набір")
    out = _call("--dry-run", "--date", "2026-06-22")  # a Monday: escalation included
    assert "pr@example.org: dataset_digest" in out
    assert "coord@example.org: dataset_escalation" in out
    assert "[overdue] Прострочений набір — 2026-06-01" in out
    assert "nothing recorded or sent" in out
    assert ReminderLog.objects.count() == 0 and outbox == []


def test_command_sends_for_date_and_is_safe_to_repeat(department, outbox, django_capture_on_commit_callbacks):
    make_dataset(department, dt.date(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        out = _call("--date", "2026-06-10")
    assert "recorded 1 new e-mails" in out
    with django_capture_on_commit_callbacks(execute=True):
        out = _call("--date", "2026-06-10")
    assert "recorded 0 new e-mails" in out and "queued 0" in out
    assert len(outbox) == 1


def test_command_rejects_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        _call("--date", "10.06.2026")


def test_beat_tasks_run_the_jobs(department, coordinator, outbox, django_capture_on_commit_callbacks):
    from reminders.tasks import send_daily_reminders, send_weekly_escalation

    make_dataset(department, dt.date(2026, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        daily = send_daily_reminders.delay("2026-06-08").get()
        weekly = send_weekly_escalation.delay("2026-06-08").get()
    assert daily["recorded"] == 1 and weekly["recorded"] == 1
    assert [m.to[0] for m in outbox] == ["pr@example.org", "coord@example.org"]


def test_beat_schedule_in_settings(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    daily = schedule["reminders-daily"]
    weekly = schedule["reminders-weekly-escalation"]
    assert daily["task"] == "reminders.tasks.send_daily_reminders"
    assert weekly["task"] == "reminders.tasks.send_weekly_escalation"
    assert daily["schedule"].hour == {settings.REMINDER_HOUR}
    assert daily["schedule"].minute == {settings.REMINDER_MINUTE}
    assert weekly["schedule"].day_of_week == {1}  # Monday
    assert settings.CELERY_TIMEZONE == "Europe/Kyiv"


def test_run_defaults_to_today_in_kyiv(department, outbox, django_capture_on_commit_callbacks):
    import time_machine

    make_dataset(department, dt.date(2026, 6, 10))
    # 23:30 UTC on the 9th is already the 10th in Kyiv: the dataset is due today.
    with (
        time_machine.travel(dt.datetime(2026, 6, 9, 23, 30, tzinfo=dt.UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = reminders_run()
    assert result.date == dt.date(2026, 6, 10)
    assert "ТЕРМІН СЬОГОДНІ" in outbox[0].body


def _call(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()
