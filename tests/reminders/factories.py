"""Small builders for reminder tests (plan and registry rows with only what reminders read)."""

import datetime as dt
import itertools

from common.quarters import Quarter
from plan.choices import PlanStatus, TaskStatus
from plan.models import ActionPlan, Principle, Section, Task, TaskDepartment, TaskPeriod
from registry.choices import DatasetStatus
from registry.models import Dataset

_seq = itertools.count(1)


def make_dataset(department, due: dt.date | None, *, status=DatasetStatus.PUBLISHED, title=None) -> Dataset:
    n = next(_seq)
    return Dataset.objects.create(
        identifier=f"ds-{n}",
        slug=f"dataset-{n}",
        title=title or f"Набір даних {n}",
        department=department,
        status=status,
        next_due_date=due,
    )


def make_plan(status=PlanStatus.ADOPTED) -> ActionPlan:
    plan = ActionPlan.objects.create(title="План дій", start_quarter="2026Q1", end_quarter="2027Q4", status=status)
    principle = Principle.objects.create(plan=plan, number=1, title="Відкритість за замовчуванням")
    Section.objects.create(principle=principle, title="Розділ 1")
    return plan


def make_task(plan, departments, periods, *, status=TaskStatus.NOT_STARTED, title=None) -> Task:
    """``periods``: list of ("2026Q1", "2026Q2") pairs."""
    n = next(_seq)
    section = Section.objects.filter(principle__plan=plan).first()
    ends = [Quarter.parse(end) for _, end in periods]
    task = Task.objects.create(
        plan=plan,
        section=section,
        position=n,
        title=title or f"Завдання {n}",
        deadline_text=", ".join(f"{a}–{b}" for a, b in periods),
        status=status,
        due_date=max(ends).last_day() if ends else None,
    )
    for position, department in enumerate(departments):
        TaskDepartment.objects.create(task=task, department=department, is_lead=position == 0, position=position)
    for start, end in periods:
        TaskPeriod.objects.create(task=task, start_index=Quarter.parse(start).index, end_index=Quarter.parse(end).index)
    return task
