import datetime as dt

import pytest
from django.utils import timezone

from plan.choices import TaskStatus
from tests.plan.factories import make_plan, make_section, make_task
from tests.registry.factories import DatasetFactory


@pytest.fixture
def plan(db):
    return make_plan(title="План дій з відкритих даних", start="2019Q1", end="2030Q4")


@pytest.fixture
def section(plan):
    return make_section(plan, number=1, title="Доступність")


@pytest.fixture
def own_task(section, department):
    """A task of the head's department, overdue (due in the past, not completed)."""
    return make_task(
        section,
        departments=[department],
        position=1,
        title="Оприлюднити перелік наборів даних ВЗГ",
        due_date=dt.date(2019, 12, 31),
    )


@pytest.fixture
def other_task(section, other_department):
    return make_task(
        section,
        departments=[other_department],
        position=2,
        title="Стратегія розвитку відкритих даних",
        due_date=dt.date(2019, 6, 30),
        status=TaskStatus.LIMITED,
    )


@pytest.fixture
def own_dataset(department):
    return DatasetFactory(department=department, title="Контакти пресслужби", slug="press-contacts")


@pytest.fixture
def overdue_dataset(other_department):
    return DatasetFactory(
        department=other_department,
        title="Бюджет міста",
        slug="city-budget",
        last_updated_at=timezone.now() - dt.timedelta(days=200),
    )
