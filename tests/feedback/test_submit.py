"""The public form: submission, validation, honeypot, rate limit, escaping."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem

URL = "/feedback/new/"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides):
    data = {
        "kind": "dataset_request",
        "title": "Реєстр дерев міста",
        "text": "Прошу оприлюднити реєстр зелених насаджень з координатами.",
        "dataset": "",
        "name": "",
        "email": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_form_page_renders_with_labels_and_csrf(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html
    for field in ("kind", "title", "text", "dataset", "name", "email", "consent"):
        assert f'for="id_{field}"' in html


@pytest.mark.django_db
def test_csrf_is_enforced():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, form_data())
    assert response.status_code == 403
    assert not FeedbackItem.objects.exists()


@pytest.mark.django_db
def test_submission_creates_new_item_not_public(client, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(email="ivan@example.net", name="Іван", consent="on"))
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:thanks")
    item = FeedbackItem.objects.get()
    assert item.status == FeedbackStatus.NEW
    assert item.email == "ivan@example.net" and item.consent
    assert item.ip_hash and "127.0.0.1" not in item.ip_hash and len(item.ip_hash) == 64
    assert list(item.history.values_list("status", flat=True)) == ["new"]
    # Not public until published.
    assert client.get(f"/requests/{item.pk}/").status_code == 404
    assert "Реєстр дерев міста" not in client.get("/requests/").content.decode()
    thanks = client.get(response["Location"])
    assert "Дякуємо" in thanks.content.decode()
    # Coordinators are told.
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Вкажіть тему звернення."),
        ({"title": "x" * 201}, "title", "Тема надто довга"),
        ({"text": "коротко"}, "text", "Текст надто короткий"),
        ({"text": "а" * 5001}, "text", "Текст надто довгий"),
        ({"email": "not-an-address"}, "email", "правильну адресу e-mail"),
        ({"email": "a@example.org"}, "consent", "дайте згоду на обробку персональних даних"),
        ({"kind": "spam"}, "kind", "Оберіть вид звернення"),
    ],
)
def test_rejected_submission_explains_in_ukrainian_and_keeps_input(client, overrides, field, message):
    data = form_data(**overrides)
    data["text"] = data["text"] if "text" in overrides else "Мій довгий текст, який не можна губити."
    response = client.post(URL, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert f'id="id_{field}_errors"' in html
    assert "Мій довгий текст, який не можна губити." in html or "text" in overrides
    assert not FeedbackItem.objects.exists()


@pytest.mark.django_db
def test_honeypot_pretends_success_and_stores_nothing(client):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not FeedbackItem.objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_ip(client, settings):
    settings.FEEDBACK_RATE_LIMIT_PER_HOUR = 3
    for n in range(3):
        assert client.post(URL, form_data(title=f"Запит номер {n}")).status_code == 302
    response = client.post(URL, form_data(title="Четвертий запит"))
    assert response.status_code == 429
    assert "забагато звернень" in response.content.decode()
    assert "Четвертий запит" in response.content.decode()  # what was typed is kept
    assert FeedbackItem.objects.count() == 3
    # Another address is not affected.
    assert client.post(URL, form_data(title="З іншої адреси"), REMOTE_ADDR="192.0.2.7").status_code == 302


@pytest.mark.django_db
def test_rate_limit_default_is_five(client):
    for n in range(5):
        assert client.post(URL, form_data(title=f"Запит номер {n}")).status_code == 302
    assert client.post(URL, form_data()).status_code == 429


XSS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)//<a href=javascript:alert(1)>x</a>",
]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS)
def test_xss_payloads_are_stored_as_given_and_rendered_inert(client, coordinator, payload):
    from feedback import services

    item = services.feedback_submit(
        kind="question", title=f"Тема {payload}", text=f"Текст {payload} кінець", ip="198.51.100.1"
    )
    assert item.text == f"Текст {payload} кінець"  # stored as given
    services.feedback_moderate(item=item, by=coordinator, status="answered", public_answer=f"Відповідь {payload}")
    client.force_login(coordinator)
    pages = [
        f"/requests/{item.pk}/",
        "/requests/",
        "/requests/feed/",
        "/feedback/moderation/",
        f"/feedback/moderation/{item.pk}/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert payload not in html, url
        for raw in ("<script>alert", "<img src=x", "<svg/onload", "<a href=javascript"):
            assert raw not in html, (url, raw)
    assert "&lt;" in client.get(f"/requests/{item.pk}/").content.decode()


@pytest.mark.django_db
def test_dataset_preselected_by_slug(client, department):
    from .factories import make_dataset

    dataset = make_dataset(department, slug="parkuvannia", title="Паркування")
    response = client.get(URL + "?dataset=parkuvannia")
    assert 'value="Паркування (parkuvannia)"' in response.content.decode()
    client.post(URL, form_data(dataset=str(dataset.pk)))
    assert FeedbackItem.objects.get().dataset == dataset
