"""Overdue rule, active quarters and progress figures computed in the database."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.quarters import Quarter
from plan.choices import TaskStatus
from plan.selectors import (
    plan_progress,
    progress_by_department,
    progress_by_principle,
    progress_by_section,
    task_list,
    tasks_active_in,
)

from .factories import make_plan, make_section, make_task

pytestmark = pytest.mark.django_db
TODAY = dt.date(2020, 1, 15)


@pytest.fixture
def plan(department, other_department):
    plan = make_plan()
    s1 = make_section(plan, 1, "Розділ 1")
    s2 = make_section(plan, 2, "Розділ 2")
    make_section(plan, 3, "Порожній")
    make_task(s1, position=1, departments=[department], periods=[("2019Q1", "2019Q2")], status=TaskStatus.COMPLETED)
    make_task(s1, position=2, departments=[department, other_department], periods=[("2019Q3", "2019Q4")])
    make_task(
        s1,
        position=3,
        departments=[other_department],
        periods=[("2019Q1", "2019Q1"), ("2020Q3", "2020Q4")],
        status=TaskStatus.LIMITED,
    )
    make_task(
        s2, position=4, departments=[other_department], periods=[("2019Q2", "2019Q3")], status=TaskStatus.CANCELLED
    )
    make_task(s2, position=5, departments=[department], periods=[("2019Q1", "2020Q4")], status=TaskStatus.SUBSTANTIAL)
    return plan


def test_overdue_annotation(plan):
    flags = {t.position: t.is_overdue for t in task_list(plan=plan, today=TODAY)}
    # 1 completed, 4 cancelled: never overdue; 2 ended 2019-12-31 not done; 3 and 5 still running
    assert flags == {1: False, 2: True, 3: False, 4: False, 5: False}


def test_task_list_order_and_prefetch(plan, django_assert_num_queries):
    with django_assert_num_queries(4):
        tasks = list(task_list(plan=plan))
        for task in tasks:
            [link.department.name for link in task.task_departments.all()]
            list(task.periods.all()), list(task.indicators.all()), task.section.principle.title
    assert [t.position for t in tasks] == [1, 2, 3, 4, 5]
    lead = tasks[1].task_departments.all()[0]
    assert lead.is_lead


@pytest.mark.parametrize(
    ("quarter", "positions"),
    [("2019Q1", [1, 3, 5]), ("2019Q3", [2, 4, 5]), ("2020Q1", [5]), ("2020Q3", [3, 5]), ("2021Q1", [])],
)
def test_tasks_active_in(plan, quarter, positions):
    assert [t.position for t in tasks_active_in(Quarter.parse(quarter), plan=plan)] == positions


def test_plan_progress(plan):
    figures = plan_progress(plan=plan, today=TODAY)
    assert figures.total == 5 and figures.overdue == 1
    assert figures.counts == {"not_started": 1, "limited": 1, "substantial": 1, "completed": 1, "cancelled": 1}
    assert figures.completion_share == 0.25 and figures.completion_percent == 25


def test_progress_by_principle_and_section(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        principles = progress_by_principle(plan=plan, today=TODAY)
    assert [(f.label, f.total, f.completed, f.overdue) for f in principles] == [
        ("1. Принцип 1", 3, 1, 1),
        ("2. Принцип 2", 2, 0, 0),
        ("3. Принцип 3", 0, 0, 0),
    ]
    assert principles[1].completion_share == 0.0 and principles[2].completion_share is None
    with django_assert_num_queries(1):
        sections = progress_by_section(plan=plan, today=TODAY)
    assert [(f.label, f.total, f.counts["limited"]) for f in sections] == [
        ("Розділ 1", 3, 1),
        ("Розділ 2", 2, 0),
        ("Порожній", 0, 0),
    ]


def test_progress_by_department(plan, department, other_department, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = {f.key: f for f in progress_by_department(plan=plan, today=TODAY)}
    assert figures[department.pk].total == 3 and figures[department.pk].completed == 1
    assert figures[department.pk].overdue == 1
    assert figures[other_department.pk].total == 3 and figures[other_department.pk].counts["cancelled"] == 1
    assert figures[department.pk].label == "ВЗГ"


def test_figures_cost_one_query_whatever_the_size(plan, department):
    section = make_section(plan, 4, "Великий")
    for i in range(30):
        make_task(section, position=100 + i, departments=[department])
    with CaptureQueriesContext(connection) as ctx:
        progress_by_department(plan=plan)
        progress_by_section(plan=plan)
    assert len(ctx.captured_queries) == 2
