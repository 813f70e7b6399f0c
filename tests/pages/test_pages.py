"""The public plan pages, home and department pages: what they show, filters, errors, privacy, caching."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from plan import services
from plan.choices import PlanStatus
from plan.models import ActionPlan, Task
from tests.plan.factories import make_plan, make_section, make_task

pytestmark = pytest.mark.django_db


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


# --- home ---------------------------------------------------------------------------------


@time_machine.travel(dt.datetime(2020, 2, 14, 12, tzinfo=dt.UTC), tick=False)
def test_home_shows_the_plan_at_a_glance(client, build, registry_data, no_page_cache):
    builder = build(10)
    page = html(client, "/")
    assert builder.plan.title in page
    # Overall completion as an SVG bar with a text alternative, and one bar per principle.
    assert 'class="chart chart-progress-bar"' in page and "<desc" in page
    # (drawn twice: 720 wide for screens, 360 wide for phones; CSS shows one of them)
    assert page.count('class="bar-row"') == 2 * 6
    completed = Task.objects.filter(status="completed").count()
    counted = Task.objects.exclude(status="cancelled").count()
    assert f"{completed} з {Task.objects.count()} завдань" in page
    assert f"{round(100 * completed / counted)}&nbsp;%" in page
    # Counts by status, each a link to the filtered list, the status written out.
    assert f"?plan={builder.plan.pk}&amp;status=limited" in page and "Обмежений прогрес" in page
    # Overdue tasks and the latest updates, registry figures, newest requests, reports.
    assert "Прострочені завдання" in page and "⚠ термін минув" in page
    assert "Звіт 1 щодо завдання" in page
    assert "Оприлюднено наборів" in page and "Оновлюються вчасно" in page
    assert "Запит на дані" in page
    assert 'href="/reports/"' in page
    # Personal data of requesters and update authors' logins never appear.
    assert "private.example" not in page and "Петро Приватний" not in page and "olena.login" not in page


def test_home_plan_selector_defaults_to_latest_adopted_plan(client, build, no_page_cache):
    current = build(3).plan
    old = make_plan(title="Старий план 2017", start="2017Q1", end="2018Q4")
    old.status = PlanStatus.ARCHIVED
    old.save()
    draft = make_plan(title="Проєкт плану 2025", start="2025Q1", end="2026Q4")
    draft.status = PlanStatus.DRAFT
    draft.save()
    page = html(client, "/")
    assert '<select id="plan-select" name="plan">' in page
    assert f'<option value="{current.pk}" selected>' in page
    assert "Проєкт плану 2025" not in page  # drafts are not public
    assert '<h2 id="plan-heading">Старий план 2017</h2>' in html(client, f"/?plan={old.pk}")
    for bad in (str(draft.pk), "9999", "abc"):
        page = html(client, f"/?plan={bad}")
        assert "показано поточний план" in page and f'<h2 id="plan-heading">{current.title}</h2>' in page


def test_home_without_any_plan(client, no_page_cache):
    assert "Планів дій ще не оприлюднено." in html(client, "/")


def test_single_plan_has_no_selector(client, build, no_page_cache):
    build(2)
    assert 'id="plan-select"' not in html(client, "/")


# --- task list ----------------------------------------------------------------------------


def _task_ids(page):
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    ids = [int(pk) for pk in re.findall(r'<th scope="row" data-label="Завдання"><a href="/plan/tasks/(\d+)/"', body)]
    return ids


def _rows(page):
    return page.count('<th scope="row" data-label=')


def test_task_list_filters_and_sorts(client, build, department, no_page_cache):
    builder = build(30)
    page = html(client, "/plan/tasks/")
    assert "Знайдено завдань: 30." in page and _rows(page) == 25 and 'rel="next"' in page
    assert _rows(html(client, "/plan/tasks/?page=2")) == 5
    expected = Task.objects.filter(status="limited").count()
    assert _rows(html(client, "/plan/tasks/?status=limited")) == expected
    principle = builder.sections[1].principle
    assert (
        _rows(html(client, f"/plan/tasks/?principle={principle.pk}"))
        == Task.objects.filter(section__principle=principle).count()
    )
    section = builder.sections[2]
    assert _rows(html(client, f"/plan/tasks/?section={section.pk}")) == section.tasks.count()
    assert _rows(html(client, f"/plan/tasks/?department={department.pk}")) == 25  # every task, first page
    quarter_tasks = Task.objects.filter(periods__start_index__lte=8078, periods__end_index__gte=8078).count()
    assert f"Знайдено завдань: {quarter_tasks}" in html(client, "/plan/tasks/?active_in=2019Q3")
    Task.objects.filter(pk=builder.tasks[4].pk).update(title="Семінар для журналістів про відкриті дані")
    assert _rows(html(client, "/plan/tasks/?q=семінар+ЖУРНАЛІСТІВ")) == 1
    assert _rows(html(client, "/plan/tasks/?q=семінар+бюджет")) == 0
    with time_machine.travel(dt.date(2021, 1, 10), tick=False):
        overdue = Task.objects.exclude(status__in=["completed", "cancelled"]).count()
        assert f"Знайдено завдань: {overdue}" in html(client, "/plan/tasks/?overdue=true")
    # Sorting: by due date the 2019Q4 tasks come first; by status "not started" first.
    by_due = list(Task.objects.order_by("due_date", "position", "id").values_list("pk", flat=True)[:25])
    assert _task_ids(html(client, "/plan/tasks/?sort=due_date")) == by_due
    by_position = list(
        Task.objects.order_by("section__principle__number", "position", "id").values_list("pk", flat=True)[:25]
    )
    assert _task_ids(html(client, "/plan/tasks/")) == by_position
    page = html(client, "/plan/tasks/?sort=status")
    ranks = {s: i for i, s in enumerate(["not_started", "limited", "substantial", "completed", "cancelled"])}
    statuses = [Task.objects.get(pk=pk).status for pk in _task_ids(page)]
    assert [ranks[s] for s in statuses] == sorted(ranks[s] for s in statuses)
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=status">Стан</a>' in page


def test_task_list_invalid_filters_show_ukrainian_messages(client, build, no_page_cache):
    build(3)
    page = html(client, "/plan/tasks/?status=done&overdue=maybe&active_in=2019Q9&principle=x&sort=bad&page=x")
    assert 'role="alert"' in page
    assert "Значення має бути true або false; отримано «maybe»." in page
    assert "Квартал має бути у форматі РРРРQН" in page
    assert "Оберіть одне з можливих значень" in page
    assert "Невідомий порядок «bad»" in page
    assert "Знайдено завдань: 3." in page  # the invalid conditions are left out, the list still shows


def test_an_unknown_principle_id_lists_no_tasks(client, build, no_page_cache):
    """As in the API: an id that names nothing filters to nothing (issue 20)."""
    build(3)
    assert "Знайдено завдань: 0." in html(client, "/plan/tasks/?principle=99999")


def test_principle_of_another_plan_is_rejected(client, build, no_page_cache):
    build(2)
    other = make_plan(title="Інший план", start="2017Q1", end="2018Q4")
    other_section = make_section(other, number=1)
    make_task(other_section, periods=(("2017Q1", "2017Q2"),), deadline_text="І-ІІ квартал 2017 року")
    page = html(client, f"/plan/tasks/?principle={other_section.principle_id}")
    # Not this plan's principle: as any id that names nothing here, it matches no task (issue 20).
    assert "Знайдено завдань: 0." in page
    assert "І-ІІ квартал 2017 року" not in page


def test_task_list_works_without_javascript(client, build, no_page_cache):
    build(2)
    page = html(client, "/plan/tasks/")
    assert "<script" not in page
    assert '<form class="filters task-filters" method="get"' in page
    for field in ("principle", "section", "department", "status", "overdue", "active_in", "q", "sort"):
        assert f'name="{field}"' in page
    assert 'for="id_status"' in page and 'for="sort-select"' in page


# --- task page ----------------------------------------------------------------------------


def test_task_page_shows_texts_indicators_deadline_departments_and_updates(
    client, build, department, other_department, no_page_cache
):
    builder = build(3)
    # A task with two period ranges (the builder numbers tasks across tests: pick by number, not order).
    task = next(t for t in builder.tasks if t.position % 3)
    page = html(client, f"/plan/tasks/{task.pk}/")
    assert task.title in page and "Зміст заходу." in page and "Щонайменше 2 набори даних." in page
    assert "Оприлюднено наборів" in page and "2 набори" in page and "I квартал 2019 року: <strong>1</strong>" in page
    assert task.deadline_text in page
    assert "I–II квартал 2019 року" in page and "I–IV квартал 2020 року" in page
    lead, other = (
        (department, other_department)
        if task.task_departments.get(is_lead=True).department == department
        else (other_department, department)
    )
    assert page.index(lead.name) < page.index(other.name)
    assert "(головний виконавець)" in page
    assert f'href="/departments/{lead.pk}/"' in page
    assert page.count('class="update"') == 2
    assert "https://example.org/evidence/" in page and "/media/evidence/2019/03/act-" in page
    assert "Олена Коваль" in page and "olena.login" not in page and "olena.private" not in page
    assert html(client, "/plan/tasks/999999/", status=404)


def test_draft_plan_tasks_are_not_public(client, no_page_cache):
    draft = make_plan(title="Чернетка")
    draft.status = PlanStatus.DRAFT
    draft.save()
    task = make_task(make_section(draft))
    html(client, f"/plan/tasks/{task.pk}/", status=404)


# --- timeline -----------------------------------------------------------------------------


@time_machine.travel(dt.datetime(2019, 11, 5, 12, tzinfo=dt.UTC), tick=False)
def test_timeline_charts_and_table(client, build, no_page_cache):
    builder = build(12)
    page = html(client, "/plan/timeline/")
    assert page.count('class="chart chart-gantt"') == 12  # a wide and a compact (phone) chart per principle
    assert 'class="today" data-quarter="2019Q4"' in page
    assert "Поточний квартал (IV квартал 2019 року) затінено" in page
    assert page.count('<th scope="row" data-label=') == 12
    assert 'scope="rowgroup"' in page
    for task in builder.tasks:
        assert f'href="/plan/tasks/{task.pk}/"' in page


@time_machine.travel(dt.datetime(2026, 11, 5, 12, tzinfo=dt.UTC), tick=False)
def test_timeline_says_when_today_is_outside_the_plan(client, build, no_page_cache):
    build(2)
    page = html(client, "/plan/timeline/")
    assert "лежить поза строком цього плану" in page
    assert 'class="today"' not in page


# --- department page ----------------------------------------------------------------------


@time_machine.travel(dt.datetime(2021, 3, 1, 12, tzinfo=dt.UTC), tick=False)
def test_department_page_lists_tasks_datasets_and_overdue(client, build, department, registry_data, no_page_cache):
    builder = build(6)
    page = html(client, f"/departments/{department.pk}/")
    assert department.name in page
    assert page.count('<th scope="row" data-label="Завдання">') == 6
    assert page.count("/registry/dataset-") >= 3 or page.count('href="/registry/') >= 3
    assert "secret.org" not in page and "Іван Петренко" not in page  # dataset stewards' contacts
    overdue = [t for t in builder.tasks if t.status not in ("completed", "cancelled")]
    assert page.count("⚠ термін минув") == len(overdue)
    html(client, "/departments/999999/", status=404)


def test_department_without_tasks_or_datasets(client, build, no_page_cache):
    from accounts.models import Department

    build(1)
    lonely = Department.objects.create(name="Архівний відділ")
    page = html(client, f"/departments/{lonely.pk}/")
    assert "У цьому плані підрозділ не має завдань." in page
    assert "Підрозділ ще не має наборів у реєстрі." in page


# --- caching ------------------------------------------------------------------------------


def test_pages_are_cached_and_refreshed_by_a_progress_update(build, coordinator, settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    builder = build(2)
    task = builder.tasks[0]
    urls = ["/", "/plan/tasks/", f"/plan/tasks/{task.pk}/", "/plan/timeline/", "/feeds/progress/"]
    for url in urls:
        Client().get(url)
    with django_assert_num_queries(0):
        for url in urls:
            assert Client().get(url).status_code == 200
    services.task_add_progress(
        task=task, author=coordinator, status="completed", narrative="Усе зроблено, акт підписано.", percent=100
    )
    assert "Усе зроблено, акт підписано." in Client().get(f"/plan/tasks/{task.pk}/").content.decode()
    assert "Усе зроблено, акт підписано." in Client().get("/").content.decode()
    assert "Усе зроблено, акт підписано." in Client().get("/feeds/progress/").content.decode()


def test_signed_in_users_get_fresh_pages(client, build, coordinator, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    build(1)
    client.force_login(coordinator)
    assert "/workspace/" in html(client, "/plan/tasks/")
    assert "/workspace/" not in Client().get("/plan/tasks/").content.decode()


def test_english_pages(client, build, no_page_cache):
    builder = build(2)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    for url in ("/", "/plan/tasks/", f"/plan/tasks/{builder.tasks[0].pk}/", "/plan/timeline/"):
        assert '<html lang="en">' in html(client, url)


def test_archived_plan_is_reachable_by_id(client, no_page_cache):
    plan = make_plan(title="Архівний план")
    plan.status = PlanStatus.ARCHIVED
    plan.save()
    make_task(make_section(plan), title="Давнє завдання")
    assert "Давнє завдання" in html(client, f"/plan/tasks/?plan={plan.pk}")
    assert ActionPlan.objects.count() == 1


def test_dataset_page_links_its_plan_tasks(client, build, department, no_page_cache):
    from tests.registry.factories import DatasetFactory

    task = build(1).tasks[0]
    dataset = DatasetFactory(department=department)
    dataset.tasks.add(task)
    assert f'<a href="/plan/tasks/{task.pk}/">{task.title}</a>' in html(client, f"/registry/{dataset.slug}/")


def test_head_requests_and_other_methods(client, build, no_page_cache):
    task = build(1).tasks[0]
    for url in ("/plan/tasks/", f"/plan/tasks/{task.pk}/", "/plan/timeline/"):
        assert client.head(url).status_code == 200
        assert client.post(url).status_code == 405
