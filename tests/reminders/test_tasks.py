"""Plan task reminders at the start of a quarter and two weeks before its end."""

import datetime as dt

import pytest

from plan.choices import PlanStatus, TaskStatus
from reminders.choices import ItemKind, MessageKind
from reminders.models import ReminderLog, ReminderLogItem

from .factories import make_plan, make_task

pytestmark = pytest.mark.django_db

Q1_START = dt.date(2026, 1, 1)
Q1_END_WINDOW = dt.date(2026, 3, 17)  # 31 March minus 14 days


@pytest.fixture
def tasks(department, other_department):
    plan = make_plan()
    draft = make_plan(status=PlanStatus.DRAFT)
    return {
        "shared": make_task(plan, [department, other_department], [("2025Q3", "2026Q1")], title="Спільне завдання"),
        "mine": make_task(plan, [department], [("2026Q1", "2026Q1"), ("2026Q3", "2026Q4")], title="Моє завдання"),
        "done": make_task(plan, [department], [("2026Q1", "2026Q1")], status=TaskStatus.COMPLETED, title="Виконане"),
        "cancelled": make_task(
            plan, [department], [("2026Q1", "2026Q1")], status=TaskStatus.CANCELLED, title="Скасоване"
        ),
        "later": make_task(plan, [department], [("2026Q1", "2026Q2")], title="Закінчується пізніше"),
        "draft": make_task(draft, [department], [("2026Q1", "2026Q1")], title="З проєкту плану"),
    }


def test_quarter_start_lists_tasks_ending_in_the_quarter(run, outbox, tasks, settings):
    settings.SITE_URL = "https://od.example.org"
    run(Q1_START, escalation=False)
    by_recipient = {m.to[0]: m for m in outbox}
    assert set(by_recipient) == {"pr@example.org", "strategy@example.org"}
    mine = by_recipient["pr@example.org"]
    text, html = mine.body, mine.alternatives[0][0]
    for body in (text, html):
        assert "Спільне завдання" in body and "Моє завдання" in body
        assert "Виконане" not in body and "Скасоване" not in body
        assert "Закінчується пізніше" not in body and "З проєкту плану" not in body
        assert f"https://od.example.org/plan/tasks/{tasks['mine'].pk}/" in body
        assert "31.03.2026" in body
    assert "I квартал 2026 року" in text
    assert "Спільне завдання" in by_recipient["strategy@example.org"].body
    assert "Моє завдання" not in by_recipient["strategy@example.org"].body
    assert set(ReminderLog.objects.values_list("kind", flat=True)) == {MessageKind.TASK_QUARTER_START}
    assert set(ReminderLogItem.objects.values_list("due_date", flat=True)) == {dt.date(2026, 3, 31)}


def test_quarter_start_is_sent_once_and_caught_up_if_missed(run, outbox, tasks):
    run(Q1_START + dt.timedelta(days=3), escalation=False)  # the job was down on 1 January
    run(Q1_START + dt.timedelta(days=4), escalation=False)
    run(Q1_END_WINDOW - dt.timedelta(days=1), escalation=False)
    assert len(outbox) == 2
    assert set(ReminderLogItem.objects.values_list("kind", flat=True)) == {ItemKind.QUARTER_START}


def test_two_weeks_before_quarter_end_reminds_of_unfinished_tasks(run, outbox, tasks):
    run(Q1_START, escalation=False)
    outbox.clear()
    tasks["shared"].status = TaskStatus.COMPLETED
    tasks["shared"].save()
    run(Q1_END_WINDOW, escalation=False)
    assert [m.to for m in outbox] == [["pr@example.org"]]
    body = outbox[0].body
    assert "Моє завдання" in body and "Спільне завдання" not in body
    assert "лишилося 14 дн." in body
    assert ReminderLog.objects.filter(kind=MessageKind.TASK_QUARTER_END).count() == 1
    run(Q1_END_WINDOW + dt.timedelta(days=1), escalation=False)
    assert len(outbox) == 1


def test_quarter_end_window_is_a_setting(run, outbox, tasks, settings):
    settings.REMINDER_QUARTER_END_DAYS = 20
    run(dt.date(2026, 3, 11), escalation=False)
    assert {m.to[0] for m in outbox} == {"pr@example.org", "strategy@example.org"}
    assert all("лишилося 20 дн." in m.body for m in outbox)


def test_next_quarter_reminds_of_its_own_tasks(run, outbox, tasks):
    run(dt.date(2026, 4, 1), escalation=False)
    # Issue 18: the same run now also sends the Q1 reporting round and the overdue chase; only the
    # start-of-quarter list is looked at here (tests/reminders/test_quarterly.py covers the rest).
    starts = [m for m in outbox if "строк яких спливає" in m.subject]
    assert [m.to for m in starts] == [["pr@example.org"]]
    assert "Закінчується пізніше" in starts[0].body and "Моє завдання" not in starts[0].body
