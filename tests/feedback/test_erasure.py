import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback import services, tasks
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem, Vote

from .factories import published, submit


def close(item, coordinator, days_ago):
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.REJECTED, public_answer="Ні.")
    FeedbackItem.objects.filter(pk=item.pk).update(closed_at=timezone.now() - dt.timedelta(days=days_ago))


@pytest.mark.django_db
def test_erase_after_n_days(coordinator):
    old = published(coordinator, name="Петро", email="petro@example.net", consent=True)
    services.feedback_vote(item=old, cookie_id="c1", ip="192.0.2.1")
    close(old, coordinator, days_ago=400)
    recent = published(coordinator, name="Марія", email="maria@example.net", consent=True)
    close(recent, coordinator, days_ago=100)
    still_open = published(coordinator, name="Оксана", email="oksana@example.net", consent=True)
    FeedbackItem.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - dt.timedelta(days=900))

    today = timezone.localdate()
    assert services.feedback_erase_personal_data(older_than_days=365, today=today) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert (old.name, old.email, old.ip_hash) == ("", "", "")
    assert old.personal_data_erased_at is not None
    assert old.text and old.title  # the request itself stays public
    assert Vote.objects.get(item=old).ip_hash == ""
    assert recent.email == "maria@example.net" and still_open.email == "oksana@example.net"
    # Running again changes nothing.
    assert services.feedback_erase_personal_data(older_than_days=365, today=today) == 0
    # Later on, the second one is due too.
    assert services.feedback_erase_personal_data(older_than_days=365, today=today + dt.timedelta(days=266)) == 1


@pytest.mark.django_db
def test_periodic_task_uses_setting(coordinator, settings):
    settings.FEEDBACK_ERASE_AFTER_DAYS = 30
    item = published(coordinator, email="x@example.net", consent=True)
    close(item, coordinator, days_ago=31)
    assert tasks.erase_personal_data() == 1
    item.refresh_from_db()
    assert item.email == ""


def test_beat_schedule_has_the_erasure_job(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["feedback-erase-personal-data"]
    assert entry["task"] == "feedback.tasks.erase_personal_data"
    from celery import current_app

    import ternopil_od.celery  # noqa: F401

    current_app.loader.import_default_modules()
    assert entry["task"] in current_app.tasks


@pytest.mark.django_db
def test_management_command_dry_run_and_real(coordinator, capsys):
    item = published(coordinator, email="cmd@example.net", consent=True)
    close(item, coordinator, days_ago=500)
    submit(email="new@example.net", consent=True)
    call_command("erase_feedback_personal_data", "--dry-run")
    assert "Буде очищено звернень: 1" in capsys.readouterr().out
    item.refresh_from_db()
    assert item.email == "cmd@example.net"
    call_command("erase_feedback_personal_data")
    assert "Очищено персональні дані у зверненнях: 1" in capsys.readouterr().out
    item.refresh_from_db()
    assert item.email == ""
    assert FeedbackItem.objects.filter(email="new@example.net").exists()
