"""Towards the SMTP server each digest goes at most once: a worker killed after the server accepted
the e-mail (before "sent" was stored) does not send it again on retry or on the next run; the
Message-ID is the same on every attempt, so a coordinator's deliberate resend is the same e-mail."""

import datetime as dt

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from reminders.choices import State
from reminders.models import ReminderLog
from reminders.services import reminder_message_id

from .backends import Crash
from .conftest import WEDNESDAY
from .factories import make_dataset

pytestmark = pytest.mark.django_db


class AcceptThenCrash(EmailBackend):
    """The SMTP server accepts the message, then the worker dies before recording it."""

    def send_messages(self, messages):
        super().send_messages(messages)
        raise Crash("worker killed after the server accepted the message")


def test_killed_after_acceptance_the_digest_is_not_sent_again(run, department, settings):
    from reminders.tasks import send_reminder

    make_dataset(department, WEDNESDAY - dt.timedelta(days=2))
    settings.EMAIL_BACKEND = "tests.reminders.test_exactly_once.AcceptThenCrash"
    with pytest.raises(Crash):
        run(WEDNESDAY)
    assert len(mail.outbox) == 1
    log = ReminderLog.objects.get()
    assert log.state == State.SENDING and log.attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_reminder.delay(log.pk).get() is False  # the broker redelivers the task (acks late)
    run(WEDNESDAY)  # the next run of the day
    run(WEDNESDAY + dt.timedelta(days=1))  # and of the next day
    assert [m.to for m in mail.outbox] == [[department.email]]
    log.refresh_from_db()
    assert log.state == State.SENDING and log.attempts == 1


def test_message_id_is_stable_and_a_coordinator_resend_reuses_it(
    run, department, coordinator, client, settings, django_capture_on_commit_callbacks
):
    make_dataset(department, WEDNESDAY - dt.timedelta(days=2))
    settings.EMAIL_BACKEND = "tests.reminders.test_exactly_once.AcceptThenCrash"
    with pytest.raises(Crash):
        run(WEDNESDAY)
    log = ReminderLog.objects.get()
    first_id = mail.outbox[0].message()["Message-ID"]
    assert first_id == reminder_message_id(log) and first_id.startswith(f"<reminder-{log.pk}.")

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:reminders_reminderlog_changelist"), {"action": "resend", "_selected_action": [log.pk]}
        )
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.state == State.SENT and log.attempts == 2
    assert [m.message()["Message-ID"] for m in mail.outbox] == [first_id, first_id]
