import pytest
from django.core import mail

from feedback import services, tasks
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem

from .factories import submit


@pytest.mark.django_db
def test_coordinators_notified_once_on_new_feedback(coordinator, department_head, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        item = submit(title="Дані про якість повітря")
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]  # the department head is not a coordinator
    assert "Дані про якість повітря" in message.subject
    assert f"/feedback/moderation/{item.pk}/" in message.body
    # Idempotent: running the task again sends nothing.
    assert tasks.notify_coordinators_new_feedback(item.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_links_use_site_url(settings, coordinator, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://data.example-city.gov.ua"
    with django_capture_on_commit_callbacks(execute=True):
        item = submit(email="r@example.net", consent=True)
    assert f"https://data.example-city.gov.ua/feedback/moderation/{item.pk}/" in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
    assert mail.outbox[0].to == ["r@example.net"]
    assert f"https://data.example-city.gov.ua/requests/{item.pk}/" in mail.outbox[0].body


@pytest.mark.django_db
def test_requester_told_of_answer_and_status_change(coordinator, django_capture_on_commit_callbacks):
    item = submit(email="resident@example.net", name="Олена", consent=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_moderate(
            item=item, by=coordinator, status=FeedbackStatus.ANSWERED, public_answer="Набір буде в травні."
        )
    # Saving again with nothing changed sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_moderate(
            item=item, by=coordinator, status=FeedbackStatus.ANSWERED, public_answer="Набір буде в травні."
        )
    assert [m.to for m in mail.outbox] == [["resident@example.net"]] * 2
    answered = mail.outbox[1]
    assert "Надано відповідь" in answered.subject
    assert "Набір буде в травні." in answered.body and "Олена" in answered.body
    # Idempotent per history entry.
    change = item.history.order_by("-pk").first()
    assert tasks.notify_requester(change.pk) is False
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_no_mail_without_address(coordinator, django_capture_on_commit_callbacks):
    item = submit()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
    assert mail.outbox == []


@pytest.mark.django_db
def test_no_mail_after_erasure(coordinator, django_capture_on_commit_callbacks):
    item = submit(email="gone@example.net", consent=True)
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
    change = item.history.order_by("-pk").first()
    FeedbackItem.objects.filter(pk=item.pk).update(email="")
    mail.outbox.clear()
    assert tasks.notify_requester(change.pk) is False
    assert mail.outbox == []


@pytest.mark.django_db
def test_mail_not_sent_if_transaction_rolls_back(coordinator, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                submit()
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []
