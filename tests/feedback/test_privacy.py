"""Names and e-mails of requesters never leave through public pages, feeds or the public API."""

import json

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from feedback import services
from feedback.choices import FeedbackStatus

from .factories import make_dataset

EMAIL = "unikalna.adresa.7f3k2@example.net"
NAME = "Зореслава Тестова-Унікальна"


@pytest.mark.django_db
def test_no_personal_data_on_any_public_page_or_api(
    client, coordinator, department, django_capture_on_commit_callbacks
):
    cache.clear()
    dataset = make_dataset(department, title="Реєстр пам’яток", slug="pamiatky")
    response = client.post(
        "/feedback/new/",
        {
            "kind": "dataset_request",
            "title": "Пам’ятки архітектури з координатами",
            "text": "Прошу оприлюднити перелік пам’яток із координатами.",
            "dataset": str(dataset.pk),
            "name": NAME,
            "email": EMAIL,
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code == 302
    from feedback.models import FeedbackItem

    item = FeedbackItem.objects.get(email=EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
        services.feedback_moderate(
            item=item,
            by=coordinator,
            status=FeedbackStatus.FULFILLED,
            public_answer="Набір оприлюднено.",
            internal_note=f"Заявник {NAME}, {EMAIL}",
            fulfilled_dataset=dataset,
        )
    services.feedback_vote(item=item, cookie_id=None, ip="192.0.2.50")

    public_client = type(client)()
    api = APIClient()
    urls = [
        "/",
        "/requests/",
        "/requests/?sort=new",
        "/requests/?status=fulfilled&kind=dataset_request",
        f"/requests/{item.pk}/",
        "/requests/feed/",
        "/feedback/new/",
        "/feedback/thanks/",
    ]
    checked = 0
    for url in urls:
        response = public_client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert EMAIL not in body and NAME not in body, url
        checked += 1
    # The item is really on the pages we scanned.
    assert "Пам’ятки архітектури з координатами" in public_client.get(f"/requests/{item.pk}/").content.decode()
    assert "Пам’ятки архітектури" in public_client.get("/requests/feed/").content.decode()

    api_urls = [
        "/api/v1/requests/",
        "/api/v1/requests/?ordering=-created",
        "/api/v1/requests/?status=fulfilled",
        f"/api/v1/requests/{item.pk}/",
        "/api/v1/schema/",
    ]
    for url in api_urls:
        response = api.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert EMAIL not in body and NAME not in body, url
        assert "Заявник" not in body  # the internal note neither
        checked += 1
    listing = api.get("/api/v1/requests/").json()["results"]
    assert listing and listing[0]["id"] == item.pk
    assert "email" not in json.dumps(listing) and "internal_note" not in json.dumps(listing)

    # The vote response and the submission response carry no personal data either.
    vote = api.post(f"/api/v1/requests/{item.pk}/vote/").content.decode()
    created = api.post(
        "/api/v1/requests/",
        {
            "kind": "question",
            "title": "Питання щодо даних",
            "text": "Де знайти дані?",
            "email": EMAIL,
            "name": NAME,
            "consent": True,
        },
        format="json",
    ).content.decode()
    for body in (vote, created):
        assert EMAIL not in body and NAME not in body
    # The dataset include (shown on the registry's dataset page) neither.
    from django.template import Context, Template

    html = Template("{% load feedback_tags %}{% requests_for_dataset d %}").render(Context({"d": dataset}))
    assert item.title in html and EMAIL not in html and NAME not in html
    assert checked == len(urls) + len(api_urls)
