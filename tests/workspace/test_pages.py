"""What each role sees on /workspace/, and what it does not see."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from plan.services import task_add_progress
from tests.feedback.factories import submit
from tests.registry.factories import DatasetFactory
from workspace.models import WorkspaceVisit

# The tasks are past their due date: a report needs a reason for delay (issue 18).
LATE = "Затримка погодження."

pytestmark = pytest.mark.django_db


def page(client, user):
    client.force_login(user)
    response = client.get("/workspace/")
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/workspace/"


def test_signing_in_lands_on_the_workspace(client, department_head):
    response = client.post("/accounts/login/", {"username": "head", "password": "pass-Word-2019"})
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"


def test_head_sees_own_tasks_and_datasets_only(
    client, department_head, own_task, other_task, own_dataset, overdue_dataset
):
    html = page(client, department_head)
    assert own_task.title in html
    assert f'action="/workspace/tasks/{own_task.pk}/progress/"' in html
    assert "прострочено" in html  # the task was due on 31.12.2019
    assert "31.12.2019" in html
    assert own_dataset.title in html
    assert f'action="/workspace/datasets/{own_dataset.slug}/mark-updated/"' in html
    # Nothing of the other department, and no coordinator blocks.
    assert other_task.title not in html
    assert f"/workspace/tasks/{other_task.pk}/" not in html
    assert overdue_dataset.title not in html
    assert "Контакти підрозділів" not in html
    assert "Відгуки, що чекають на модерацію" not in html


def test_head_forms_have_labels_for_every_input(client, department_head, own_task, own_dataset):
    html = page(client, department_head)
    for field in ("status", "percent", "narrative", "links", "files"):
        assert f'<label for="id_task-{own_task.pk}-{field}">' in html
    for field in ("note", "link"):
        assert f'<label for="id_dataset-{own_dataset.pk}-{field}">' in html


def test_head_of_a_department_without_work_sees_empty_lists(client, other_head, own_task, own_dataset):
    html = page(client, other_head)
    assert own_task.title not in html and own_dataset.title not in html
    assert "За підрозділом немає завдань чинного плану." in html
    assert "У реєстрі немає наборів даних підрозділу." in html


def test_coordinator_sees_everything_overdue_grouped_by_department(
    client, coordinator, department, other_department, own_task, other_task, own_dataset, overdue_dataset
):
    html = page(client, coordinator)
    overdue = html[html.index('id="overdue"') : html.index('id="updates"')]
    # Both departments, in Ukrainian alphabetical order (В before У), each with its own items.
    assert overdue.index(department.name) < overdue.index(other_department.name)
    own_block = overdue[overdue.index(department.name) : overdue.index(other_department.name)]
    other_block = overdue[overdue.index(other_department.name) :]
    assert own_task.title in own_block and other_task.title not in own_block
    assert other_task.title in other_block and overdue_dataset.title in other_block
    # The head's dataset was updated three days ago: not overdue.
    assert own_dataset.title not in overdue
    # No workspace forms for reporting in the coordinator's view of the page.
    assert "Додати оновлення виконання" not in html


def test_coordinator_sees_feedback_awaiting_moderation(client, coordinator):
    item = submit(title="Дані про велодоріжки")
    html = page(client, coordinator)
    assert f'href="/feedback/moderation/{item.pk}/"' in html
    assert "Дані про велодоріжки" in html


def test_coordinator_sees_department_contacts_with_gaps_marked(client, coordinator, department, other_department):
    other_department.email = ""
    other_department.save()
    html = page(client, coordinator)
    contacts = html[html.index('id="departments"') :]
    assert department.email in contacts
    assert "не вказано" in contacts  # other_department has no e-mail
    assert "не призначено" in contacts  # nobody heads either department here
    assert f'href="/workspace/departments/{department.pk}/"' in contacts


@override_settings(ROOT_URLCONF="tests.workspace.urls_without_reports")
def test_coordinator_sees_the_next_quarterly_report_without_a_button_until_reports_lands(client, coordinator):
    html = page(client, coordinator)
    report = html[html.index('id="report"') : html.index('id="departments"')]
    from common.quarters import Quarter

    expected = Quarter.containing(timezone.localdate()).previous()
    assert expected.label() in report
    assert 'name="quarter"' not in report
    assert "стане доступним" in report


@override_settings(ROOT_URLCONF="tests.workspace.urls_with_reports")
def test_generate_now_posts_year_and_quarter_when_the_reports_url_exists(client, coordinator):
    from common.quarters import Quarter

    html = page(client, coordinator)
    report = html[html.index('id="report"') : html.index('id="departments"')]
    quarter = Quarter.containing(timezone.localdate()).previous()
    assert 'action="/reports/generate/"' in report
    assert f'name="year" value="{quarter.year}"' in report
    assert f'name="quarter" value="{quarter.number}"' in report
    assert "Сформувати зараз" in report
    assert 'name="next" value="/workspace/#report"' in report


def test_progress_updates_since_the_previous_visit(client, coordinator, department_head, own_task):
    old = task_add_progress(
        task=own_task, author=department_head, status="limited", narrative="Старе оновлення", delay_reason=LATE
    )
    client.force_login(coordinator)
    client.get("/workspace/")  # first visit: the last two weeks are shown
    visit = WorkspaceVisit.objects.get(user=coordinator)
    assert visit.previous_visit_at is None
    # Reloading in the same session keeps the list.
    assert "Старе оновлення" in client.get("/workspace/").content.decode()
    new = task_add_progress(
        task=own_task, author=department_head, status="substantial", narrative="Нове оновлення", delay_reason=LATE
    )
    # A new session later: only what came after the previous visit.
    client.logout()
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=2))
    WorkspaceVisit.objects.filter(pk=visit.pk).update(current_visit_at=timezone.now() - dt.timedelta(hours=1))
    type(new).objects.filter(pk=new.pk).update(created_at=timezone.now() - dt.timedelta(minutes=30))
    html = page(client, coordinator)
    updates = html[html.index('id="updates"') : html.index('id="moderation"')]
    assert "з вашого попереднього візиту" in updates
    assert "Нове оновлення" in updates
    assert "Старе оновлення" not in updates


def test_council_member_sees_plan_summary_and_reports_archive(client, council_member, own_task, other_task):
    html = page(client, council_member)
    summary = html[html.index('id="plan-summary"') :]
    assert "План дій з відкритих даних" in summary
    assert '<span class="figure">2</span>' in summary  # two tasks
    assert "<svg" in summary and "Виконання плану" in summary
    assert "Архів квартальних звітів" in html
    assert 'href="/reports/"' in html
    # No staff blocks, no forms.
    assert own_task.title not in html
    assert "Контакти підрозділів" not in html
    assert '<form method="post" enctype' not in html


def test_a_user_without_a_role_is_told_so(client, django_user_model):
    user = django_user_model.objects.create_user(username="nobody", password="pass-Word-2019")
    html = page(client, user)
    assert "ще не призначено роль" in html


def test_head_page_costs_the_same_queries_at_two_sizes(client, department_head, department, section, own_response):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.plan.factories import make_task

    def count():
        client.force_login(department_head)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/workspace/").status_code == 200
        return len(ctx.captured_queries)

    from reminders.models import ReminderLog

    def reminder(n):
        ReminderLog.objects.create(
            kind="dataset_digest",
            recipient=department.email,
            scope=str(department.pk),
            department=department,
            reference_date=timezone.localdate() - dt.timedelta(days=n),
            subject=f"Нагадування {n}",
            state="sent",
            sent_at=timezone.now(),
        )

    make_task(section, departments=[department], position=1)
    DatasetFactory(department=department)
    reminder(1)
    small = count()
    for n in range(2, 22):
        make_task(section, departments=[department], position=n)
        DatasetFactory(department=department)
        reminder(n)
    html = client.get("/workspace/").content.decode()
    assert html.count('<article id="task-') == 21 and html.count('<article id="dataset-') == 21
    assert "Нагадування 21" in html
    assert count() == small


def test_coordinator_page_costs_the_same_queries_at_two_sizes(
    client, coordinator, department, other_department, section, department_head
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.plan.factories import make_task

    def add(n):
        for i in range(n):
            task = make_task(section, departments=[department, other_department], position=100 + i)
            DatasetFactory(department=other_department, last_updated_at=timezone.now() - dt.timedelta(days=300))
            task_add_progress(
                task=task, author=department_head, status="limited", narrative=f"Крок {i}", delay_reason=LATE
            )
            submit()

    def count():
        client.force_login(coordinator)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/workspace/").status_code == 200
        return len(ctx.captured_queries)

    add(1)
    count()  # the first visit creates the visit record
    small = count()
    add(15)
    assert count() == small


def test_staff_find_the_api_token_page_from_the_workspace_council_does_not(
    client, coordinator, department_head, council_member
):
    assert "/accounts/api-token/" in page(client, coordinator)
    assert "/accounts/api-token/" in page(client, department_head)
    assert "/accounts/api-token/" not in page(client, council_member)
