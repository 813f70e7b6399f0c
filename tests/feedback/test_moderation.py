import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from feedback import services
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem

from .factories import make_dataset, published, submit


@pytest.mark.django_db
def test_only_coordinators_moderate(department_head, council_member, coordinator):
    item = submit()
    for user in (department_head, council_member, None):
        with pytest.raises(PermissionDenied):
            services.feedback_moderate(item=item, by=user, status=FeedbackStatus.PUBLISHED)
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)


@pytest.mark.django_db
def test_moderation_pages_permissions(client, department_head, coordinator):
    item = submit()
    assert client.get("/feedback/moderation/").status_code == 302  # anonymous: to the sign-in page
    client.force_login(department_head)
    assert client.get("/feedback/moderation/").status_code == 403
    assert client.get(f"/feedback/moderation/{item.pk}/").status_code == 403
    assert client.post(f"/feedback/moderation/{item.pk}/", {"status": "published"}).status_code == 403
    client.force_login(coordinator)
    assert client.get("/feedback/moderation/").status_code == 200
    assert client.get(f"/feedback/moderation/{item.pk}/").status_code == 200


@pytest.mark.django_db
def test_publish_answer_and_history(client, coordinator):
    item = submit()
    client.force_login(coordinator)
    response = client.post(
        f"/feedback/moderation/{item.pk}/",
        {"status": "published", "public_answer": "", "internal_note": "перевірено", "history_comment": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "published" and item.first_answered_at is None and item.closed_at is None
    client.post(
        f"/feedback/moderation/{item.pk}/",
        {"status": "answered", "public_answer": "Дані будуть у березні.", "history_comment": "Відповідь надано"},
    )
    item.refresh_from_db()
    assert item.status == "answered"
    assert item.first_answered_at and item.answered_at and item.closed_at
    assert [h.status for h in item.history.all()] == ["new", "published", "answered"]
    page = client.get(f"/requests/{item.pk}/").content.decode()
    assert "Дані будуть у березні." in page and "Відповідь надано" in page
    assert "перевірено" not in page  # internal note stays internal


@pytest.mark.django_db
def test_duplicate_needs_the_original(coordinator):
    original = published(coordinator)
    copy = submit()
    with pytest.raises(ValidationError) as exc:
        services.feedback_moderate(item=copy, by=coordinator, status=FeedbackStatus.DUPLICATE)
    assert "duplicate_of" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.feedback_moderate(item=copy, by=coordinator, status=FeedbackStatus.DUPLICATE, duplicate_of=copy)
    services.feedback_moderate(item=copy, by=coordinator, status=FeedbackStatus.DUPLICATE, duplicate_of=original)
    copy.refresh_from_db()
    assert copy.duplicate_of == original and copy.closed_at is not None
    # A duplicate of a duplicate is refused: point at the original.
    third = submit()
    with pytest.raises(ValidationError):
        services.feedback_moderate(item=third, by=coordinator, status=FeedbackStatus.DUPLICATE, duplicate_of=copy)


@pytest.mark.django_db
def test_duplicate_form_error_shown_next_to_field(client, coordinator):
    item = submit()
    client.force_login(coordinator)
    response = client.post(f"/feedback/moderation/{item.pk}/", {"status": "duplicate"})
    assert response.status_code == 400
    assert "вкажіть звернення-оригінал" in " ".join(response.context["form"].errors["duplicate_of"])


@pytest.mark.django_db
def test_fulfilled_links_dataset_and_dataset_shows_request(client, coordinator, department):
    dataset = make_dataset(department, title="Бюджет участі")
    item = published(coordinator)
    with pytest.raises(ValidationError):
        services.feedback_moderate(
            item=item, by=coordinator, status=FeedbackStatus.IN_PROGRESS, fulfilled_dataset=dataset
        )
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.FULFILLED, fulfilled_dataset=dataset)
    page = client.get(f"/requests/{item.pk}/").content.decode()
    assert "Бюджет участі" in page
    from django.template import Context, Template

    from feedback.selectors import requests_answered_by

    assert list(requests_answered_by(dataset)) == [item]
    html = Template("{% load feedback_tags %}{% requests_for_dataset dataset %}").render(Context({"dataset": dataset}))
    assert f"/requests/{item.pk}/" in html and item.title in html
    other = make_dataset(department)
    assert Template("{% load feedback_tags %}{% requests_for_dataset d %}").render(Context({"d": other})).strip() == ""


@pytest.mark.django_db
def test_cannot_unpublish_to_new(coordinator):
    item = published(coordinator)
    with pytest.raises(ValidationError):
        services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.NEW)


@pytest.mark.django_db
def test_reopening_clears_closed_at(coordinator):
    item = published(coordinator)
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.REJECTED, public_answer="Не наші дані.")
    item.refresh_from_db()
    assert item.closed_at
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.IN_PROGRESS, public_answer="Беремо.")
    item.refresh_from_db()
    assert item.closed_at is None and item.first_answered_at is not None


@pytest.mark.django_db
def test_queue_new_first_and_overdue_flagged(client, coordinator, settings):
    import datetime as dt

    from django.utils import timezone

    settings.FEEDBACK_UNANSWERED_DAYS = 10
    old = published(coordinator, title="Давній запит без відповіді")
    FeedbackItem.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=11))
    recent = published(coordinator, title="Свіжий запит")
    fresh = submit(title="Щойно надійшло")
    client.force_login(coordinator)
    response = client.get("/feedback/moderation/")
    rows = list(response.context["page"].object_list)
    assert [r.pk for r in rows] == [fresh.pk, old.pk, recent.pk]
    assert [r.is_overdue for r in rows] == [False, True, False]
    assert "без відповіді понад 10 дн." in response.content.decode()


@pytest.mark.django_db
def test_admin_lists_feedback(client, coordinator):
    item = submit(email="a@example.org", consent=True)
    coordinator.is_superuser = True
    coordinator.save()
    client.force_login(coordinator)
    assert client.get("/admin/feedback/feedbackitem/").status_code == 200
    assert client.get(f"/admin/feedback/feedbackitem/{item.pk}/change/").status_code == 200


def test_dataset_page_lists_the_requests_it_answers(client, coordinator, department):
    """The registry's dataset page shows fulfilled requests through the section feedback registers."""
    from feedback.services import feedback_moderate, feedback_submit
    from registry.services import dataset_create

    dataset = dataset_create(
        by=None,
        identifier="bus-stops",
        title="Зупинки громадського транспорту",
        department=department,
        status="published",
    )
    item = feedback_submit(
        kind="dataset_request", title="Дайте зупинки автобусів", text="Потрібні координати зупинок.", ip="192.0.2.7"
    )
    feedback_moderate(
        item=item, by=coordinator, status="fulfilled", public_answer="Опубліковано.", fulfilled_dataset=dataset
    )
    html = client.get(f"/registry/{dataset.slug}/").content.decode()
    assert "Запити, на які відповідає цей набір" in html
    assert "Дайте зупинки автобусів" in html


def test_newest_requests_count_votes_and_skip_other_kinds(coordinator):
    from feedback.selectors import requests_newest
    from feedback.services import feedback_moderate, feedback_submit, feedback_vote

    request_item = feedback_submit(kind="dataset_request", title="Набір A", text="Потрібен набір.", ip="192.0.2.8")
    suggestion = feedback_submit(kind="suggestion", title="Пропозиція", text="Текст.", ip="192.0.2.9")
    for item in (request_item, suggestion):
        feedback_moderate(item=item, by=coordinator, status="published")
    feedback_vote(item=request_item, cookie_id="voter-1", ip="198.51.100.1")
    feedback_vote(item=request_item, cookie_id="voter-2", ip="198.51.100.2")
    assert [(item.title, item.vote_count) for item in requests_newest(limit=5)] == [("Набір A", 2)]
