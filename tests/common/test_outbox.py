"""No user action depends on the broker: with Redis stopped, feedback (form and API), moderation
and "generate report now" answer success; once Redis is back the sweep sends each follow-up once."""

import io
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from common.models import OutboxMessage
from common.outbox import outbox_send, outbox_sweep
from feedback.models import FeedbackItem
from feedback.tasks import notify_coordinators_new_feedback

from .broker import REDIS_SERVER, RedisBroker, celery_on

pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed")

FORM = {
    "kind": "dataset_request",
    "title": "Реєстр дерев міста",
    "text": "Прошу оприлюднити реєстр зелених насаджень.",
    "dataset": "",
    "name": "Іван",
    "email": "ivan@example.net",
    "consent": "on",
    "website": "",
}
API_PAYLOAD = {"kind": "dataset_request", "title": "Дані про ремонти доріг", "text": "Прошу оприлюднити графік."}


@pytest.fixture
def broker(tmp_path):
    """A Redis broker of this test, down at the start; tasks go through it (not eagerly)."""
    redis = RedisBroker(tmp_path)
    try:
        with celery_on(redis.url):
            yield redis
    finally:
        redis.stop()


def sweep_all():
    call_command("outbox_sweep", "--all", stdout=io.StringIO())


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


@pytest.mark.django_db
def test_feedback_form_and_api_succeed_with_the_broker_down_and_notify_once_it_is_back(
    client, coordinator, broker, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        form = client.post("/feedback/new/", FORM)
    with django_capture_on_commit_callbacks(execute=True):
        api = APIClient().post("/api/v1/requests/", API_PAYLOAD, format="json", REMOTE_ADDR="10.9.9.9")
    assert time.monotonic() - started < 10  # a dead broker does not hold the request up
    assert form.status_code == 302 and form["Location"] == reverse("feedback:thanks")
    assert api.status_code == 201
    assert FeedbackItem.objects.count() == 2
    pending = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert pending.count() == 2 and all(m.attempts == 1 and m.last_error for m in pending)
    assert mails_to(coordinator.email) == []

    sweep_all()  # still down: nothing is lost, nothing is marked sent
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2

    broker.start()
    sweep_all()
    assert sorted(args for _name, args in broker.run_queued()) == sorted(
        [item.pk] for item in FeedbackItem.objects.all()
    )
    assert len(mails_to(coordinator.email)) == 2
    sweep_all()  # again: nothing left to send
    assert broker.run_queued() == []
    assert len(mails_to(coordinator.email)) == 2
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_moderation_succeeds_with_the_broker_down_and_the_requester_is_mailed_once(
    client, coordinator, broker, django_capture_on_commit_callbacks
):
    from tests.feedback.factories import submit

    item = submit(email="ivan@example.net", name="Іван", consent=True)
    OutboxMessage.objects.all().delete()  # the new-feedback notice is not what this test is about
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/feedback/moderation/{item.pk}/",
            {"status": "answered", "public_answer": "Дані будуть у березні.", "history_comment": ""},
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "answered"
    assert OutboxMessage.objects.get().sent_at is None
    assert mails_to("ivan@example.net") == []

    broker.start()
    sweep_all()
    assert [name for name, _args in broker.run_queued()] == ["feedback.tasks.notify_requester"]
    sweep_all()
    broker.run_queued()
    assert len(mails_to("ivan@example.net")) == 1


@pytest.mark.django_db
def test_generate_now_succeeds_with_the_broker_down_and_builds_one_report_once_it_is_back(
    client, coordinator, department, broker, settings, tmp_path, django_capture_on_commit_callbacks
):
    from reports.models import QuarterlyReport
    from tests.plan.factories import make_plan, make_section, make_task

    settings.MEDIA_ROOT = tmp_path / "media"
    make_task(make_section(make_plan(), 1), departments=[department])
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:generate"), {"year": 2019, "quarter": 4}, follow=True)
    assert response.status_code == 200
    assert "формується" in " ".join(str(m) for m in response.context["messages"])
    assert QuarterlyReport.objects.count() == 0
    assert OutboxMessage.objects.get().task == "reports.tasks.report_generate_task"

    broker.start()
    sweep_all()
    assert len(broker.run_queued()) == 1
    sweep_all()
    assert broker.run_queued() == []
    report = QuarterlyReport.objects.get()
    assert (report.year, report.quarter, report.generated_by) == (2019, 4, coordinator)


@pytest.mark.django_db
def test_with_the_broker_up_the_follow_up_is_handed_over_on_commit_and_the_sweep_adds_nothing(
    coordinator, broker, django_capture_on_commit_callbacks
):
    from tests.feedback.factories import submit

    broker.start()
    with django_capture_on_commit_callbacks(execute=True):
        item = submit()
    message = OutboxMessage.objects.get()
    assert message.sent_at is not None and message.attempts == 1
    sweep_all()
    assert broker.run_queued() == [("feedback.tasks.notify_coordinators_new_feedback", [item.pk])]
    assert len(mails_to(coordinator.email)) == 1


@pytest.mark.django_db
def test_the_sweep_leaves_fresh_messages_to_their_on_commit_hand_over_and_forgets_old_sent_ones(settings):
    settings.OUTBOX_SWEEP_AFTER_SECONDS = 3600
    fresh = outbox_send(notify_coordinators_new_feedback, 1)
    assert outbox_sweep()["pending"] == 0
    fresh.refresh_from_db()
    assert fresh.sent_at is None
    settings.OUTBOX_KEEP_DAYS = 0
    OutboxMessage.objects.filter(pk=fresh.pk).update(sent_at="2020-01-01T00:00:00Z")
    assert outbox_sweep()["purged"] == 1
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_the_beat_runs_the_sweep_every_minute(settings, coordinator):
    from common.tasks import outbox_sweep as sweep_task
    from tests.feedback.factories import submit

    entry = settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]
    assert entry["task"] == sweep_task.name == "common.tasks.outbox_sweep" and entry["schedule"] == 60
    submit()  # its on-commit hand-over never ran (the test transaction is not committed)
    OutboxMessage.objects.update(created_at="2020-01-01T00:00:00Z")
    assert sweep_task.delay().get()["sent"] == 1
    assert len(mails_to(coordinator.email)) == 1
