"""The quarterly reporting round and the weekly chase of overdue tasks (issue 18)."""

import datetime as dt

import pytest

from plan.choices import PlanStatus, ReviewState, TaskStatus
from plan.models import ProgressUpdate
from reminders.choices import ItemKind, MessageKind
from reminders.models import ReminderLog, ReminderLogItem

from .factories import make_plan, make_task

pytestmark = pytest.mark.django_db

# Q1 2026 ends on 31 March; its reports are due on 10 April (REPORT_DEADLINE_DAY = 10).
ROUND_DAY = dt.date(2026, 4, 2)


@pytest.fixture
def tasks(department, other_department, department_head, coordinator):
    plan = make_plan()
    finished = make_plan(status=PlanStatus.FINISHED)
    draft = make_plan(status=PlanStatus.DRAFT)
    return {
        "mine": make_task(plan, [department, other_department], [("2026Q1", "2026Q1")], title="Моє завдання"),
        "long": make_task(plan, [department], [("2026Q1", "2026Q3")], title="Довге завдання"),
        "theirs": make_task(plan, [other_department, department], [("2025Q4", "2026Q2")], title="Їхнє завдання"),
        "done": make_task(plan, [department], [("2026Q1", "2026Q1")], status=TaskStatus.COMPLETED, title="Виконане"),
        "future": make_task(plan, [department], [("2026Q3", "2026Q4")], title="Майбутнє завдання"),
        "finished": make_task(finished, [department], [("2026Q1", "2026Q3")], title="Із завершеного плану"),
        "draft": make_task(draft, [department], [("2026Q1", "2026Q3")], title="З проєкту плану"),
    }


def _kind(outbox, fragment):
    return [m for m in outbox if fragment in m.subject]


def test_one_digest_per_lead_department_and_a_second_run_sends_nothing(run, outbox, tasks, settings):
    settings.SITE_URL = "https://od.example.org"
    run(ROUND_DAY, escalation=False)
    digests = _kind(outbox, "Звіт про виконання плану дій за I квартал 2026 року")
    assert sorted(m.to[0] for m in digests) == ["pr@example.org", "strategy@example.org"]
    mine = next(m for m in digests if m.to == ["pr@example.org"])
    for body in (mine.body, mine.alternatives[0][0]):
        assert "Моє завдання" in body and "Довге завдання" in body
        for absent in ("Їхнє завдання", "Виконане", "Майбутнє", "Із завершеного плану", "З проєкту плану"):
            assert absent not in body
        assert "10.04.2026" in body
        assert f"https://od.example.org/workspace/tasks/{tasks['mine'].pk}/progress/" in body
    assert "Їхнє завдання" in next(m for m in digests if m.to == ["strategy@example.org"]).body
    assert ReminderLog.objects.filter(kind=MessageKind.TASK_REPORT_ROUND).count() == 2

    outbox.clear()
    run(ROUND_DAY, escalation=False)
    run(ROUND_DAY + dt.timedelta(days=1), escalation=False)
    assert outbox == []
    assert ReminderLog.objects.filter(kind=MessageKind.TASK_REPORT_ROUND).count() == 2


def test_reminder_before_the_deadline_lists_only_tasks_without_a_report(run, outbox, tasks, department_head):
    run(ROUND_DAY, escalation=False)
    ProgressUpdate.objects.create(
        task=tasks["long"],
        author=department_head,
        date=dt.date(2026, 4, 3),
        period_index=tasks["long"].periods.get().start.index,  # Q1 2026
        status=TaskStatus.LIMITED,
        narrative="Зроблено.",
        review_state=ReviewState.PENDING,  # awaiting review still counts as reported
    )
    outbox.clear()
    run(dt.date(2026, 4, 7), escalation=False)  # 10 April minus REPORT_REMINDER_DAYS (3)
    reminders = _kind(outbox, "Нагадування: звіт за I квартал 2026 року — до 10.04.2026")
    assert sorted(m.to[0] for m in reminders) == ["pr@example.org", "strategy@example.org"]
    mine = next(m for m in reminders if m.to == ["pr@example.org"])
    assert "Моє завдання" in mine.body and "Довге завдання" not in mine.body


def test_report_missing_then_coordinators_then_the_head(run, outbox, tasks, settings):
    settings.REMINDER_ESCALATION_DAYS = 5
    settings.REMINDER_HEAD_ESCALATION_DAYS = 12
    run(dt.date(2026, 4, 11), escalation=False)
    missing = _kind(outbox, "Звіт за I квартал 2026 року не подано")
    assert sorted(m.to[0] for m in missing) == ["pr@example.org", "strategy@example.org"]
    assert not _kind(outbox, "Підрозділи не подали звіт")

    outbox.clear()
    run(dt.date(2026, 4, 15), escalation=False)  # 5 days late: not yet "more than 5"
    assert not _kind(outbox, "Підрозділи не подали звіт")
    run(dt.date(2026, 4, 16), escalation=False)
    escalation = _kind(outbox, "Підрозділи не подали звіт за I квартал 2026 року")
    assert [m.to for m in escalation] == [["coord@example.org"]]
    assert "Моє завдання" in escalation[0].body and "Їхнє завдання" in escalation[0].body
    assert not _kind(outbox, "Ваш підрозділ не подав звіт")

    outbox.clear()
    run(dt.date(2026, 4, 23), escalation=False)
    head = _kind(outbox, "Ваш підрозділ не подав звіт за I квартал 2026 року")
    assert [m.to for m in head] == [["head@example.org"]]
    assert "Моє завдання" in head[0].body and "Їхнє завдання" not in head[0].body
    outbox.clear()
    run(dt.date(2026, 4, 24), escalation=False)
    assert not [m for m in outbox if "звіт" in m.subject.lower()]


def test_overdue_task_chased_weekly_and_escalated_after_the_configured_days(run, outbox, tasks, settings):
    settings.REMINDER_ESCALATION_DAYS = 10
    settings.REMINDER_HEAD_ESCALATION_DAYS = 20
    # "Моє завдання" (and "Виконане", which is done) were due on 31 March 2026.
    run(dt.date(2026, 4, 1), escalation=False)  # a Wednesday
    chase = _kind(outbox, "Прострочені завдання плану дій")
    assert [m.to for m in chase] == [["pr@example.org"]]
    assert "Моє завдання" in chase[0].body and "Виконане" not in chase[0].body
    outbox.clear()
    run(dt.date(2026, 4, 3), escalation=False)  # same week: nothing again
    assert not _kind(outbox, "Прострочені завдання")
    run(dt.date(2026, 4, 6), escalation=False)  # next Monday: chased again, 6 days late
    assert [m.to for m in _kind(outbox, "Прострочені завдання плану дій")] == [["pr@example.org"]]
    assert not _kind(outbox, "за підрозділами")
    outbox.clear()
    run(dt.date(2026, 4, 13), escalation=False)  # 13 days late > 10: coordinators too
    assert [m.to for m in _kind(outbox, "Прострочені завдання плану дій за підрозділами")] == [["coord@example.org"]]
    assert not _kind(outbox, "вашого підрозділу")
    outbox.clear()
    run(dt.date(2026, 4, 22), escalation=False)  # 22 days > 20: the head
    assert [m.to for m in _kind(outbox, "Прострочені завдання плану дій вашого підрозділу")] == [["head@example.org"]]

    tasks["mine"].status = TaskStatus.COMPLETED
    tasks["mine"].save()
    outbox.clear()
    run(dt.date(2026, 4, 27), escalation=False)
    assert not _kind(outbox, "Прострочені завдання")
    kinds = set(ReminderLogItem.objects.values_list("kind", flat=True))
    assert {ItemKind.TASK_OVERDUE, ItemKind.OVERDUE_ESCALATION, ItemKind.OVERDUE_HEAD} <= kinds


def test_finished_plans_have_no_round(run, outbox, tasks):
    tasks["mine"].plan.status = PlanStatus.FINISHED
    tasks["mine"].plan.save()
    run(ROUND_DAY, escalation=False)
    assert not _kind(outbox, "Звіт про виконання плану дій") and not _kind(outbox, "Прострочені")
