"""The axe-core helper: real pages pass, a page with known faults fails with useful detail."""

import pytest

from common.charts import gantt_timeline, progress_bar, progress_bars
from common.quarters import Quarter
from tests.tooling.axe import AXE_SCRIPT, assert_no_serious_axe_violations

pytestmark = pytest.mark.browser

BAD_PAGE = """<!DOCTYPE html>
<html><head><title>Погана сторінка</title></head>
<body>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <form><input type="text" name="q"><button></button></form>
  <p style="color:#bbb;background:#fff">Сірий текст на білому</p>
</body></html>"""


def test_axe_is_vendored_with_its_licence():
    assert AXE_SCRIPT.read_text(encoding="utf-8").startswith("/*! axe v4.")
    assert (AXE_SCRIPT.parent / "LICENSE").exists() and (AXE_SCRIPT.parent / "README.md").exists()


def test_helper_fails_on_a_page_with_serious_violations(page):
    page.set_content(BAD_PAGE)
    with pytest.raises(AssertionError) as failure:
        assert_no_serious_axe_violations(page)
    message = str(failure.value)
    for rule in ("image-alt", "label", "button-name", "html-has-lang", "color-contrast"):
        assert rule in message
    assert "(critical)" in message and "(serious)" in message
    assert "at img" in message  # the target
    assert "Images must have alternative text" in message  # the help


@pytest.mark.django_db(transaction=True)
def test_home_and_login_pages_have_no_serious_violations(page, live_server):
    for path in ("/", "/accounts/login/"):
        page.goto(f"{live_server.url}{path}")
        results = assert_no_serious_axe_violations(page)
        assert results["testEngine"]["name"] == "axe-core"
    page.goto(f"{live_server.url}/")
    page.select_option("#lang-select", "en")
    page.click(".lang-switch button")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_serious_axe_violations(page)
    page.screenshot(path="var/screenshots/home-axe.png", full_page=True)


def test_charts_have_no_serious_violations(page):
    statuses = [("not_started", "Не розпочато"), ("limited", "Обмежений прогрес"), ("completed", "Виконано")]
    charts = [
        progress_bar(done=3, total=7, title="Виконання плану", label="План дій"),
        progress_bars(
            [("Відкритість за замовчуванням", {"completed": 2, "limited": 1}), ("Порівнюваність", {"not_started": 4})],
            statuses=statuses,
            title="Виконання за принципами",
        ),
        gantt_timeline(
            [
                ("Оприлюднити перелік наборів даних, що підлягають оприлюдненню, з дуже довгою назвою завдання",
                 "/plan/tasks/1/", "completed", [(Quarter(2019, 3), Quarter(2020, 1))]),
                ("Без посилання", "", "not_started", [(Quarter(2020, 2), Quarter(2020, 4))]),
            ],
            start=Quarter(2019, 3),
            end=Quarter(2020, 4),
            today=Quarter(2020, 1),
            statuses=statuses,
            title="Графік",
        ),
    ]  # fmt: skip
    page.set_content(
        '<!DOCTYPE html><html lang="uk"><head><title>Діаграми</title></head><body><main><h1>Діаграми</h1>'
        + "".join(f"<figure>{chart}</figure>" for chart in charts)
        + "</main></body></html>"
    )
    assert_no_serious_axe_violations(page)
    assert page.locator("svg[role=img]").count() == 2
    assert page.get_by_role("link", name="Оприлюднити перелік наборів даних").count() == 1
    page.screenshot(path="var/screenshots/charts.png", full_page=True)
