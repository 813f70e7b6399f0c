"""In a real browser: submit a request, have it published, vote for it (no JavaScript needed)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from feedback import services
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem, Vote

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "uk-UA"}


@pytest.mark.browser
def test_submit_publish_and_vote(page, live_server, transactional_db, coordinator):
    cache.clear()
    page.goto(f"{live_server.url}/feedback/new/")
    page.get_by_label("Вид звернення").select_option("dataset_request")
    page.get_by_label("Тема").fill("Карта велодоріжок міста")
    page.get_by_label("Текст звернення").fill("Прошу оприлюднити мережу велодоріжок у форматі GeoJSON.")
    page.get_by_label("E-mail для відповіді (необов’язково)").fill("cyclist@example.net")
    page.get_by_role("button", name="Надіслати звернення").click()
    # The e-mail was given without consent: the form says why and keeps the text.
    assert "дайте згоду на обробку персональних даних" in page.content()
    assert page.get_by_label("Тема").input_value() == "Карта велодоріжок міста"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "feedback-form-error.png"), full_page=True)
    page.get_by_label("Погоджуюся на обробку").check()
    page.get_by_role("button", name="Надіслати звернення").click()
    page.get_by_role("heading", name="Дякуємо за звернення").wait_for()

    item = FeedbackItem.objects.get()
    assert item.status == FeedbackStatus.NEW and item.email == "cyclist@example.net"
    services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)

    page.goto(f"{live_server.url}/requests/")
    page.get_by_role("link", name="Карта велодоріжок міста").click()
    page.get_by_role("button", name="Підтримати цей запит").click()
    page.get_by_text("Дякуємо! Ваш голос враховано.").wait_for()
    assert page.locator("#vote .figure").inner_text() == "1"
    assert "Ви вже проголосували" in page.content()
    # Voting again (a second POST from the same browser) does not count twice.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    again = page.request.post(
        f"{live_server.url}/requests/{item.pk}/vote/",
        headers={"X-CSRFToken": csrf, "Referer": f"{live_server.url}/requests/{item.pk}/"},
        max_redirects=0,
    )
    assert again.status == 302  # accepted by CSRF, sent with the browser's voter cookie
    assert Vote.objects.filter(item=item).count() == 1
    page.goto(f"{live_server.url}/requests/{item.pk}/")
    assert "cyclist@example.net" not in page.content()
    page.screenshot(path=str(SCREENSHOTS / "feedback-request-voted.png"), full_page=True)
