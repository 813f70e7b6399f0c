"""Issue 18 in a real browser: a co-responsible head reports Q4 in January with an indicator value,
the lead department's head accepts it, and the public task page shows the chart and the status."""

import datetime as dt
import shutil

import pytest
import time_machine
from django.core.cache import cache

from plan.choices import ReviewState, TaskStatus
from plan.models import Indicator, ProgressUpdate
from tests.plan.factories import make_plan, make_section, make_task
from tests.tooling.axe import assert_no_serious_axe_violations

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's Chromium is not installed")


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "uk-UA", "viewport": {"width": 1280, "height": 900}}


def _sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Логін").fill(username)
    page.get_by_label("Пароль").fill("pass-Word-2019")
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_url(f"{live_server.url}/workspace/")


@pytest.mark.browser
def test_q4_report_in_january_accepted_by_the_lead_shows_on_the_public_page(
    page, live_server, transactional_db, department, other_department, department_head, other_head
):
    plan = make_plan(start="2026Q1", end="2027Q4")
    task = make_task(
        make_section(plan),
        departments=[department, other_department],  # lead: department; co-responsible: other_department
        periods=[("2026Q3", "2027Q2")],
        title="Оприлюднити набори даних про транспорт",
    )
    indicator = Indicator.objects.create(task=task, text="Оприлюднено наборів даних", target_value=20, unit="наборів")
    with time_machine.travel(dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC), tick=True):
        cache.clear()
        _sign_in(page, live_server, "other-head")
        page.goto(f"{live_server.url}/workspace/tasks/{task.pk}/progress/")
        page.get_by_label("Стан виконання").select_option(TaskStatus.SUBSTANTIAL)
        period = page.get_by_label("Звітний період")
        assert period.input_value() == "2026Q4"  # the quarter just ended is the default in January
        page.get_by_label("Що зроблено").fill("Оприлюднено 8 наборів даних про транспорт.")
        page.get_by_label("Наступні кроки").fill("Додати розклад руху.")
        page.get_by_label("Фактичне значення", exact=False).fill("8")
        page.get_by_role("button", name="Зберегти оновлення").click()
        page.wait_for_url(f"{live_server.url}/workspace/#task-{task.pk}")
        assert "надіслано на перевірку" in page.content()
        update = ProgressUpdate.objects.get(task=task)
        assert (update.review_state, str(update.period)) == (ReviewState.PENDING, "2026Q4")

        # Not public yet: the page says a report awaits review and keeps the old status.
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/plan/tasks/{task.pk}/")
        main = page.locator("main")
        assert "очікує перевірки" in main.inner_text() and "Не розпочато" in main.inner_text()
        assert main.locator("svg.chart-indicator").count() == 0

        # The lead department's head accepts it from the workspace.
        _sign_in(page, live_server, "head")
        page.get_by_role("link", name="Звіти про виконання, що очікують вашої перевірки").click()
        page.get_by_role("link", name="Розглянути").click()
        page.wait_for_url(f"{live_server.url}/workspace/reviews/{update.pk}/")
        assert_no_serious_axe_violations(page)
        page.get_by_label("Прийняти").check()
        page.get_by_role("button", name="Зберегти рішення").click()
        page.wait_for_url(f"{live_server.url}/workspace/reviews/")
        assert "Звіт прийнято" in page.content()

        # The public page: the accepted status, the report for Q4 and the indicator chart.
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/plan/tasks/{task.pk}/")
        main = page.locator("main")
        text = main.inner_text()
        assert "Суттєвий прогрес" in text and "очікує перевірки" not in text
        assert "Звіт за IV квартал 2026 року" in text
        assert "Оприлюднено 8 наборів даних про транспорт." in text
        chart = main.locator(f"svg#indicator-{indicator.pk}, svg.chart-indicator").first
        assert chart.is_visible()
        assert main.locator("svg.chart-indicator rect.actual").count() == 1
        assert main.locator("svg.chart-indicator line.target").count() == 1
        assert "факт 8" in chart.locator("desc").text_content()
        assert_no_serious_axe_violations(page)
