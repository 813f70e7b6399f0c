"""Issue 22, phones: every public page (and the staff registry list) at 375 px, Ternopil demo data.

No sideways page scroll (`scrollWidth <= 375`), no table cell pushed past the screen's right edge
(stacked rows show every column), charts no wider than the screen, axe-core with no serious or
critical violations. One browser page and one live server for all pages, to stay quick.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from accounts.models import Department, User
from feedback.models import FeedbackItem
from plan.models import Task
from registry.models import Dataset
from tests.tooling.axe import assert_no_serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "phone"

# Cells or chart drawings whose right edge is past the screen: what a phone user cannot see.
OFF_SCREEN = """(limit) => [...document.querySelectorAll('main td, main th, main svg.chart, main select, main input')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > limit + 0.5)
  .map(el => el.tagName.toLowerCase() + ' ' + (el.getAttribute('data-label') || el.id || '')
       + ' «' + (el.textContent || '').trim().slice(0, 40) + '» right='
       + Math.round(el.getBoundingClientRect().right))"""

# Filter controls sticking out of their grey box (a <select> as wide as its longest option).
OUT_OF_BOX = """() => [...document.querySelectorAll('.filters select, .filters input, .filters button')]
  .filter(el => el.getClientRects().length
          && el.getBoundingClientRect().right > el.closest('.filters').getBoundingClientRect().right + 0.5)
  .map(el => el.id || el.name || el.tagName)"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    task = Task.objects.filter(updates__isnull=False).order_by("position").first()
    return {
        "task": task,
        "department": Department.objects.filter(task_links__isnull=False).order_by("pk").first(),
        "dataset": Dataset.objects.order_by("pk").first(),
        "request": FeedbackItem.objects.filter(status="published").order_by("pk").first(),
    }


def _public_paths(demo):
    return [
        "/",
        f"/?plan={demo['task'].plan_id}",  # the demo plan: the principles chart has every colour
        "/plan/tasks/",
        f"/plan/tasks/{demo['task'].pk}/",
        "/plan/timeline/",
        f"/plan/timeline/?plan={demo['task'].plan_id}",
        f"/departments/{demo['department'].pk}/",
        "/registry/",
        "/registry/835/",
        f"/registry/{demo['dataset'].slug}/",
        "/audit/results/",
        "/requests/",
        f"/requests/{demo['request'].pk}/",
        "/feedback/new/",
        "/reports/",
        "/accounts/login/",
        "/accounts/password_reset/",
    ]


def _check(page, url, suffix=""):
    response = page.goto(url)
    assert response.status == 200, url
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{url}: the page is {width} px wide on a {PHONE['width']} px screen"
    assert page.evaluate(OFF_SCREEN, PHONE["width"]) == [], url
    assert page.evaluate(OUT_OF_BOX) == [], url
    assert_no_serious_axe_violations(page)
    name = url.split("/", 3)[-1].strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"
    page.screenshot(path=str(SCREENSHOTS / f"{name}{suffix}.png"), full_page=True)


def test_every_public_page_fits_a_phone(page, live_server, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    for path in _public_paths(demo):
        _check(page, f"{live_server.url}{path}")
    # The published audit results, if the demo has any, are public pages too.
    results = page.goto(f"{live_server.url}/audit/results/") and page.locator("main a[href^='/audit/results/']")
    for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))")[:2]:
        _check(page, f"{live_server.url}{href}")
    # The same pages in English: longer words must not widen them either.
    page.goto(f"{live_server.url}/")
    page.select_option("#lang-select", "en")
    page.click(".lang-switch button")
    page.wait_for_load_state()
    for path in _public_paths(demo):
        _check(page, f"{live_server.url}{path}", suffix="-en")
        assert page.locator("html").get_attribute("lang") == "en"


def test_stacked_rows_name_every_column(page, live_server, demo):
    """Status, due date and quality of a dataset; the 835 yes/no columns; the executors' overdue count."""
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/registry/")
    first = page.locator("main table tbody tr").first
    for label in ("Розпорядник", "Стан", "Періодичність", "Наступний термін", "Якість"):
        cell = first.locator(f"td[data-label='{label}']")
        assert cell.is_visible() and cell.bounding_box()["x"] + cell.bounding_box()["width"] <= PHONE["width"]
    # Each value is preceded by its column's name (CSS ::before from data-label), as a sighted user reads it.
    before = first.locator("td[data-label='Якість']").evaluate("td => getComputedStyle(td, '::before').content")
    assert before == '"Якість: "'

    page.goto(f"{live_server.url}/registry/835/")
    row = page.locator("main table tr:has(td[data-label='У реєстрі'])").first
    assert all(
        row.locator(f"td[data-label='{label}']").is_visible() for label in ("У реєстрі", "Оприлюднено", "Актуальний")
    )

    page.goto(f"{live_server.url}/")
    overdue = page.locator("table:has(caption:text('Завдання за виконавчими органами')) td[data-label='Прострочено']")
    assert overdue.count() >= 1 and overdue.first.is_visible()
    # The phone chart is drawn at the screen's width (its text stays legible), the desktop one is hidden.
    assert page.locator(".chart-compact svg.chart").is_visible() and not page.locator(".chart-wide").is_visible()
    assert page.locator(".chart-compact svg.chart").bounding_box()["width"] <= PHONE["width"]


def test_staff_registry_list_fits_a_phone(page, live_server, demo, context):
    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page.set_viewport_size(PHONE)
    _check(page, f"{live_server.url}/registry/my/")
    assert page.locator("main table tbody tr td[data-label='Наступний термін']").first.is_visible()
