"""Coordinators see the reminder log in the admin, failures included; nobody else does."""

import datetime as dt
import smtplib

import pytest
from django.urls import reverse

from reminders.choices import State
from reminders.models import ReminderLog

from .backends import FlakyBackend
from .factories import make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_log(run, department, settings):
    settings.EMAIL_BACKEND = "tests.reminders.backends.FlakyBackend"
    FlakyBackend.reset(
        fail_recipients={"pr@example.org"},
        error=smtplib.SMTPRecipientsRefused({"pr@example.org": (550, b"No such user")}),
    )
    make_dataset(department, dt.date(2026, 6, 9))
    run(dt.date(2026, 6, 10))
    return ReminderLog.objects.get()


def test_coordinator_sees_failures(client, coordinator, failed_log):
    assert failed_log.state == State.FAILED
    client.force_login(coordinator)
    response = client.get(reverse("admin:reminders_reminderlog_changelist"), {"state__exact": "failed"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "pr@example.org" in content and "SMTPRecipientsRefused" in content
    detail = client.get(reverse("admin:reminders_reminderlog_change", args=[failed_log.pk]))
    assert detail.status_code == 200 and "No such user" in detail.content.decode()


def test_coordinator_can_resend_failed(client, coordinator, failed_log, mailoutbox, django_capture_on_commit_callbacks):
    FlakyBackend.reset()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:reminders_reminderlog_changelist"),
            {"action": "resend", "_selected_action": [failed_log.pk]},
        )
    assert response.status_code == 302
    failed_log.refresh_from_db()
    assert failed_log.state == State.SENT


def test_department_head_cannot_see_the_log(client, department_head, failed_log):
    department_head.is_staff = True
    department_head.save()
    client.force_login(department_head)
    response = client.get(reverse("admin:reminders_reminderlog_changelist"))
    assert response.status_code == 403
