"""In a real browser, on the demo data: a department head's minute of work in the workspace."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from accounts.models import User
from plan import verification
from plan.choices import TaskStatus
from plan.models import ProgressUpdate
from registry.models import DatasetUpdate
from tests.tooling.axe import assert_no_serious_axe_violations
from workspace import selectors

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
EVIDENCE = "https://ternopilcity.gov.ua/opendata/report-2019"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "uk-UA", "viewport": {"width": 1280, "height": 900}}


@pytest.mark.browser
def test_head_signs_in_reports_progress_and_marks_a_dataset_updated(page, live_server, transactional_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cache.clear()
    head = User.objects.get(username="head")
    task = next(t for t in selectors.head_tasks(user=head) if t.status != TaskStatus.COMPLETED)
    dataset = selectors.head_datasets(user=head).filter(status="published").first()
    assert task is not None and dataset is not None

    # Sign in: the workspace is where a head lands.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Логін").fill("head")
    page.get_by_label("Пароль").fill("demo-head-2019")
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_url(f"{live_server.url}/workspace/")
    page.get_by_role("heading", name="Робочий кабінет", level=1).wait_for()
    assert_no_serious_axe_violations(page)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "workspace-head-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(SCREENSHOTS / "workspace-head-375.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1  # no sideways scrolling
    page.set_viewport_size({"width": 1280, "height": 900})

    # Add a progress update with an evidence link to one of the department's tasks.
    article = page.locator(f"#task-{task.pk}")
    article.get_by_text("Додати оновлення виконання").click()
    article.get_by_label("Стан виконання").select_option(TaskStatus.SUBSTANTIAL)
    article.get_by_label("Відсоток виконання").fill("70")
    article.get_by_label("Що зроблено").fill("Оприлюднено звіт та перелік наборів даних.")
    article.get_by_label("Причина затримки", exact=False).fill("Чекали на погодження переліку.")
    article.get_by_label("Посилання-підтвердження (кожне з нового рядка)").fill(EVIDENCE)
    page.screenshot(path=str(SCREENSHOTS / "workspace-head-progress-form.png"), full_page=False)
    article.get_by_role("button", name="Зберегти оновлення").click()
    page.wait_for_url(f"{live_server.url}/workspace/#task-{task.pk}")
    # Issue 18: the head's status change waits for review before the public status changes.
    assert "надіслано на перевірку" in page.content()
    update = ProgressUpdate.objects.filter(task=task).order_by("-created_at").first()
    assert (update.author, update.status, update.percent) == (head, TaskStatus.SUBSTANTIAL, 70)
    assert list(update.links.values_list("url", flat=True)) == [EVIDENCE]
    verification.update_accept(update=update, by=User.objects.get(username="coordinator"))

    # One click marks a dataset updated.
    before = DatasetUpdate.objects.filter(dataset=dataset).count()
    block = page.locator(f"#dataset-{dataset.pk}")
    block.get_by_label("Примітка (необов’язково)").fill("Дані за листопад")
    block.get_by_role("button", name="Позначити оновленим").click()
    page.wait_for_url(f"{live_server.url}/workspace/#dataset-{dataset.pk}")
    assert "Позначено оновленим" in page.content()
    assert DatasetUpdate.objects.filter(dataset=dataset).count() == before + 1
    assert DatasetUpdate.objects.filter(dataset=dataset).latest("updated_at").note == "Дані за листопад"
    page.screenshot(path=str(SCREENSHOTS / "workspace-head-after.png"), full_page=True)

    # The public task page shows the new status and the evidence (to anyone, signed out).
    page.context.clear_cookies()
    cache.clear()
    response = page.goto(f"{live_server.url}/plan/tasks/{task.pk}/")
    assert response.status == 200
    main = page.locator("main")
    assert "Суттєвий прогрес" in main.inner_text()
    assert main.locator(f'a[href="{EVIDENCE}"]').count() == 1
    page.screenshot(path=str(SCREENSHOTS / "workspace-public-task-after.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("username", "password", "heading"),
    [
        ("coordinator", "demo-coordinator-2019", "Прострочене за підрозділами"),
        ("council", "demo-council-2019", "Виконання плану дій"),
    ],
)
def test_coordinator_and_council_workspaces(page, live_server, transactional_db, username, password, heading):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cache.clear()
    page.goto(f"{live_server.url}/accounts/login/?next=/workspace/")
    page.get_by_label("Логін").fill(username)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_url(f"{live_server.url}/workspace/")
    page.get_by_role("heading", name=heading).wait_for()
    assert_no_serious_axe_violations(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"workspace-{username}-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(SCREENSHOTS / f"workspace-{username}-375.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
