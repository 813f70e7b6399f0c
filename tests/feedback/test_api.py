import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from feedback import services
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem, Vote

from .factories import published, submit


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


PAYLOAD = {"kind": "dataset_request", "title": "Дані про ремонти доріг", "text": "Прошу оприлюднити графік ремонтів."}


@pytest.mark.django_db
def test_list_only_published_with_public_fields(api, coordinator):
    shown = published(coordinator, email="p@example.net", name="Павло", consent=True)
    submit(title="Ще не опубліковано")
    response = api.get("/api/v1/requests/")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["id"] for r in results] == [shown.pk]
    assert set(results[0]) == {
        "id", "url", "kind", "kind_label", "title", "text", "status", "status_label", "votes", "dataset",
        "public_answer", "fulfilled_dataset", "duplicate_of", "created_at", "first_answered_at", "answered_at",
        "closed_at",
    }  # fmt: skip


@pytest.mark.django_db
def test_detail_with_history_and_404_for_new(api, coordinator):
    item = published(coordinator)
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.ANSWERED, public_answer="Так.")
    body = api.get(f"/api/v1/requests/{item.pk}/").json()
    assert [h["status"] for h in body["history"]] == ["new", "published", "answered"]
    assert body["public_answer"] == "Так."
    assert api.get(f"/api/v1/requests/{submit().pk}/").status_code == 404


@pytest.mark.django_db
def test_filters_and_ordering(api, coordinator):
    a = published(coordinator, kind="dataset_request")
    b = published(coordinator, kind="question")
    services.feedback_moderate(item=b, by=coordinator, status=FeedbackStatus.ANSWERED, public_answer="Відповідь")
    services.feedback_vote(item=b, cookie_id="x", ip="192.0.2.1")
    ids = lambda url: [r["id"] for r in api.get(url).json()["results"]]  # noqa: E731
    assert ids("/api/v1/requests/?kind=question") == [b.pk]
    assert ids("/api/v1/requests/?status=published") == [a.pk]
    assert ids("/api/v1/requests/?ordering=-votes") == [b.pk, a.pk]
    assert ids("/api/v1/requests/?ordering=votes") == [a.pk, b.pk]
    assert ids("/api/v1/requests/?ordering=-created") == [b.pk, a.pk]
    assert ids("/api/v1/requests/?ordering=created") == [a.pk, b.pk]
    assert api.get("/api/v1/requests/?status=new").status_code == 400  # "new" is never public


@pytest.mark.django_db
def test_post_creates_new_item(api):
    response = api.post("/api/v1/requests/", {**PAYLOAD, "email": "a@example.net", "consent": True}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "new" and "email" not in body
    assert FeedbackItem.objects.get(pk=body["id"]).email == "a@example.net"


@pytest.mark.django_db
def test_post_validation_in_ukrainian(api):
    response = api.post(
        "/api/v1/requests/",
        {"kind": "spam", "title": "", "text": "x" * 5001, "email": "bad", "dataset": "no-such-set"},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert "Невідомий вид звернення" in errors["kind"][0]
    assert errors["title"] == ["Це поле не може бути порожнім."]
    assert "Текст надто довгий" in errors["text"][0]
    assert "правильну адресу e-mail" in errors["email"][0]
    assert "немає в реєстрі" in errors["dataset"][0]
    consent = api.post("/api/v1/requests/", {**PAYLOAD, "email": "a@example.net"}, format="json")
    assert consent.status_code == 400 and "згоду" in consent.json()["consent"][0]
    honeypot = api.post("/api/v1/requests/", {**PAYLOAD, "website": "x"}, format="json")
    assert honeypot.status_code == 400
    assert not FeedbackItem.objects.exists()


@pytest.mark.django_db
def test_post_rate_limited_shared_with_form(api, client, settings):
    settings.FEEDBACK_RATE_LIMIT_PER_HOUR = 2
    client.post("/feedback/new/", {**PAYLOAD, "website": ""})
    assert api.post("/api/v1/requests/", PAYLOAD, format="json").status_code == 201
    response = api.post("/api/v1/requests/", PAYLOAD, format="json")
    assert response.status_code == 429
    assert "забагато звернень" in response.json()["detail"]
    assert "хв." in response.json()["detail"] and "Expected" not in response.json()["detail"]
    assert "Retry-After" in response
    assert FeedbackItem.objects.count() == 2


@pytest.mark.django_db
def test_anonymous_vote_counts_once(api, coordinator):
    item = published(coordinator)
    first = api.post(f"/api/v1/requests/{item.pk}/vote/")
    assert first.status_code == 201 and first.json() == {"counted": True, "votes": 1, "detail": "Голос враховано."}
    second = api.post(f"/api/v1/requests/{item.pk}/vote/")
    assert second.status_code == 200 and second.json()["counted"] is False and second.json()["votes"] == 1
    assert Vote.objects.count() == 1
    assert api.post(f"/api/v1/requests/{submit().pk}/vote/").status_code == 404
    assert api.get(f"/api/v1/requests/{item.pk}/").json()["votes"] == 1


@pytest.mark.django_db
def test_writes_other_than_create_and_vote_not_allowed(api, coordinator):
    item = published(coordinator)
    assert api.patch(f"/api/v1/requests/{item.pk}/", {"status": "fulfilled"}, format="json").status_code == 405
    assert api.delete(f"/api/v1/requests/{item.pk}/").status_code == 405


@pytest.mark.django_db
def test_schema_builds(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"/api/v1/requests/{id}/vote/" in response.content
