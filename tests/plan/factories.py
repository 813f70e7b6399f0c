"""Small builders for plan objects (tests only)."""

import datetime as dt

from common.quarters import Quarter
from plan.models import ActionPlan, Principle, Section, Task, TaskDepartment, TaskPeriod


def make_plan(title="Тестовий план", start="2019Q1", end="2020Q4"):
    return ActionPlan.objects.create(title=title, start_quarter=start, end_quarter=end)


def make_section(plan, number=1, title="Розділ"):
    principle, _ = Principle.objects.get_or_create(plan=plan, number=number, defaults={"title": f"Принцип {number}"})
    return Section.objects.create(principle=principle, title=title)


def make_task(
    section,
    *,
    departments=(),
    periods=(("2019Q1", "2019Q4"),),
    status="not_started",
    position=1,
    title="Завдання",
    **fields,
):
    last = Quarter.parse(periods[-1][1]) if periods else None
    task = Task.objects.create(
        plan=section.principle.plan,
        section=section,
        position=position,
        title=title,
        deadline_text=fields.pop("deadline_text", "І-IV квартал 2019 року"),
        due_date=fields.pop("due_date", last.last_day() if last else dt.date(2019, 12, 31)),
        status=status,
        **fields,
    )
    for i, department in enumerate(departments):
        TaskDepartment.objects.create(task=task, department=department, is_lead=i == 0, position=i)
    for start, end in periods:
        TaskPeriod.objects.create(task=task, start_index=Quarter.parse(start).index, end_index=Quarter.parse(end).index)
    return task
