"""The Ternopil 2019-2020 plan as loaded by load_demo: counts, texts, periods, departments."""

import io

import pytest

from accounts import demo as accounts_demo
from plan import demo
from plan.choices import TaskStatus
from plan.models import ActionPlan, Principle, ProgressUpdate, Section, Task


@pytest.fixture
def plan(db):
    out = io.StringIO()
    accounts_demo.load(out)
    return demo.load(out)


def periods(task):
    return [(str(p.start), str(p.end)) for p in task.periods.all()]


def task(plan, position):
    return Task.objects.get(plan=plan, position=position)


def test_counts_and_plan(plan):
    assert plan.title == demo.PLAN_TITLE
    assert (plan.start_quarter, plan.end_quarter, plan.status) == ("2019Q1", "2020Q4", "adopted")
    assert Principle.objects.filter(plan=plan).count() == 6
    assert Section.objects.filter(principle__plan=plan).count() == 10
    assert Task.objects.filter(plan=plan).count() == 21
    assert list(Principle.objects.filter(plan=plan).values_list("number", "title")) == [
        (1, "Відкритість за замовчуванням"),
        (2, "Оперативність та вичерпність"),
        (3, "Доступність та готовність до використання"),
        (4, "Порівнюваність та інтероперабельність"),
        (5, "Покращене урядування та залучення громадян"),
        (6, "Інклюзивний розвиток та інновації"),
    ]
    per_principle = [p.sections.count() for p in Principle.objects.filter(plan=plan)]
    assert per_principle == [2, 3, 2, 1, 1, 1]


@pytest.mark.parametrize(
    ("position", "deadline", "expected"),
    [
        (1, "І-ІІ квартал 2019 року", [("2019Q1", "2019Q2")]),
        (4, "III квартал 2019 року", [("2019Q3", "2019Q3")]),
        (5, "І квартал 2019 року-IV квартал 2020 року", [("2019Q1", "2020Q4")]),
        (6, "ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року", [("2019Q3", "2019Q4"), ("2020Q3", "2020Q4")]),
        (7, "ІІІ-IV квартал 2020 року", [("2020Q3", "2020Q4")]),
        (10, "ІІ-ІІІ квартал 2019 року", [("2019Q2", "2019Q3")]),
        (16, "ІІІ-IV квартал 2019 – І-ІІ квартал 2020", [("2019Q3", "2020Q2")]),
        (17, "ІІІ квартал -IV квартал 2020 року", [("2020Q3", "2020Q4")]),
        (19, "IV квартал 2019 -IV квартал 2020 року", [("2019Q4", "2020Q4")]),
        (21, "ІІІ квартал 2019 року-IV квартал 2020 року", [("2019Q3", "2020Q4")]),
    ],
)
def test_periods_against_the_seed(plan, position, deadline, expected):
    t = task(plan, position)
    assert t.deadline_text == deadline
    assert periods(t) == expected
    assert t.due_date == t.periods.last().end.last_day()


def test_texts_and_departments_as_in_the_seed(plan):
    first = task(plan, 1)
    assert first.title.startswith("Забезпечити оприлюднення та оновлення відкритих даних")
    assert first.description.startswith("Відповідно до Постанови Кабінету Міністрів України від 21.10.2015р. №835")
    assert first.indicators_text == "Публікація та оновлення наборів даних ."
    assert first.section.title == "Нормативне забезпечення"
    # "/" separates bodies, the first is the lead
    t5 = task(plan, 5)
    assert [(link.department.name, link.is_lead) for link in t5.task_departments.order_by("position")] == [
        ("Відділ зв’язків з громадськістю та засобами масової інформації", True),
        ("Управління стратегічного розвитку", False),
    ]
    # a comma is part of the name
    assert [d.name for d in task(plan, 7).departments.all()] == ["Управління економіки, промисловості та праці"]
    # empty content cells stay empty
    assert task(plan, 16).description == "" and task(plan, 17).description == ""
    assert task(plan, 17).title == "Розробка та модернізація програмного забезпечення, створення відкритих API."
    assert task(plan, 21).section.title == "Стимулювання інновацій та проектів на базі відкритих даних"


def test_measurable_indicators(plan):
    assert task(plan, 6).indicators.get().unit == "проекту"
    assert task(plan, 14).indicators.get().unit == "публікація раз на квартал"
    assert task(plan, 19).indicators.get().target_value == 1
    assert task(plan, 19).indicators.get().unit == "цільової програми"
    assert not task(plan, 1).indicators.exists()


def test_ternopil_plan_has_no_invented_progress_and_running_twice(plan):
    """Issue 18 (intentional change): the real plan is loaded as adopted with no progress at all;
    demo progress lives on a separate "ДЕМО" plan dated in the last quarters."""
    assert not ProgressUpdate.objects.filter(task__plan=plan).exists()
    assert set(Task.objects.filter(plan=plan).values_list("status", flat=True)) == {TaskStatus.NOT_STARTED}
    demo_plan = ActionPlan.objects.get(title=demo.DEMO_PLAN_TITLE)
    assert demo_plan.title.startswith("ДЕМО")
    updates = ProgressUpdate.objects.filter(task__plan=demo_plan)
    assert updates.count() == 4 and all(u.review_state == "accepted" for u in updates)
    assert {u.period for u in updates} <= set(demo_plan.start.until(demo_plan.end))
    assert Task.objects.get(plan=demo_plan, position=1).status == TaskStatus.COMPLETED
    out = io.StringIO()
    demo.load(out)
    assert "уже завантажено" in out.getvalue()
    assert ActionPlan.objects.count() == 2 and Task.objects.filter(plan=plan).count() == 21
    assert ProgressUpdate.objects.count() == 4


def test_tasks_12_and_13_belong_to_the_pr_department_with_participants(plan):
    pr = "Відділ зв’язків з громадськістю та засобами масової інформації"
    for position, participants in [
        (12, "керівники комунальних підприємств, установ та організацій"),
        (13, "структурні підрозділи, комунальні підприємства, установи та організації"),
        (9, "Структурні підрозділи міської ради"),
    ]:
        t = task(plan, position)
        assert [(link.department.name, link.is_lead) for link in t.task_departments.all()] == [(pr, True)]
        assert t.participants == participants
    head = task(plan, 12).task_departments.get().department.head
    assert head.username == "head"  # so the PR head's workspace and reminders include these tasks


def test_no_department_name_is_a_list(plan):
    from accounts.models import Department
    from plan.executors import is_generic, parse_executors

    names = list(Department.objects.values_list("name", flat=True))
    assert len(names) == 5
    for name in names:
        assert not any(mark in name for mark in ";/\n") and not is_generic(name)
        assert parse_executors(name).departments == [name]


def test_participants_in_the_api(plan, client):
    t = task(plan, 12)
    detail = client.get(f"/api/v1/tasks/{t.pk}/").json()
    assert detail["participants"] == "керівники комунальних підприємств, установ та організацій"
    assert [d["name"] for d in detail["departments"]] == [
        "Відділ зв’язків з громадськістю та засобами масової інформації"
    ]
