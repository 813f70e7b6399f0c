"""A department head signs in, fills a resource in the questionnaire and submits it (headless Chromium)."""

from pathlib import Path

import pytest
from django.conf import settings

from audit.choices import ResponseStatus
from audit.models import AuditResponse

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


@pytest.fixture
def browser_context_args(browser_context_args):
    # A Ukrainian browser: the pages are served in Ukrainian (LocaleMiddleware reads Accept-Language).
    return {**browser_context_args, "locale": "uk-UA"}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_department_head_fills_and_submits_the_questionnaire(live_server, page, campaign, department_head, department):
    response = AuditResponse.objects.get(campaign=campaign, department=department)
    page.goto(f"{live_server.url}/accounts/login/?next=/audit/")
    page.get_by_label("Логін").fill("head")
    page.get_by_label("Пароль").fill("pass-Word-2019")
    page.get_by_role("button", name="Увійти").click()
    page.get_by_role("link", name=campaign.title).click()
    assert page.url.endswith(f"/audit/responses/{response.pk}/")

    page.get_by_role("link", name="Додати ресурс").click()
    page.get_by_label("Назва ресурсу").fill("Реєстр дозволів на розміщення зовнішньої реклами")
    page.get_by_label("Опис").fill("Номер і дата дозволу, адреса, тип рекламного засобу, строк дії.")
    page.get_by_label("Правові підстави збору").fill("Постанова КМУ № 2067 від 29.12.2003")
    page.get_by_label("Форма", exact=True).select_option("register")
    page.get_by_label("Формати (через кому)").fill("XLSX, CSV")
    page.get_by_label("Періодичність оновлення").select_option("monthly")
    page.get_by_label("Відповідальна особа").fill("Петро Тестовий")
    page.get_by_label("Містить персональні дані").select_option("no")
    page.get_by_label("Категорія доступу").select_option("public")
    page.get_by_label("Можна оприлюднити як відкриті дані").select_option("partly")
    page.get_by_label("Суспільний інтерес (1–5)").select_option("5")
    page.get_by_role("button", name="Зберегти ресурс").click()
    # The legal reason is required when it cannot be published in full: the error stands next to the field.
    error = page.locator("#id_restriction_reason-errors")
    assert "правову підставу" in error.inner_text()
    assert page.get_by_label("Назва ресурсу").input_value() == "Реєстр дозволів на розміщення зовнішньої реклами"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "audit-resource-form-error.png"), full_page=True)
    page.get_by_label("Правова підстава обмеження").fill("Адреси фізичних осіб-підприємців знеособлюються.")
    page.get_by_role("button", name="Зберегти ресурс").click()

    assert page.get_by_role("row", name="Реєстр дозволів на розміщення зовнішньої реклами").is_visible()
    page.get_by_role("button", name="Подати анкету").click()
    assert "Анкету подано координатору." in page.locator(".messages").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "audit-questionnaire-submitted.png"), full_page=True)

    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    resource = response.resources.get()
    assert resource.form == "register" and resource.public_interest == 5 and resource.can_publish == "partly"
