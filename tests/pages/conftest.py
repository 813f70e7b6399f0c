"""Builders for the public pages' tests: a plan with N tasks, each with departments, periods,
an indicator with actual values and progress updates with evidence; datasets; published requests."""

import datetime as dt
import itertools

import pytest

from accounts.models import Department, User
from feedback.choices import FeedbackKind, FeedbackStatus
from feedback.models import FeedbackItem
from plan.models import EvidenceFile, EvidenceLink, Indicator, IndicatorValue, ProgressUpdate
from tests.plan.factories import make_plan, make_section, make_task
from tests.registry.factories import DatasetFactory

_numbers = itertools.count(1)
STATUSES = ["not_started", "limited", "substantial", "completed", "cancelled"]


@pytest.fixture
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


class PlanBuilder:
    def __init__(self, departments, author):
        self.plan = make_plan(title="План дій з відкритих даних", start="2019Q1", end="2020Q4")
        self.departments = departments
        self.author = author
        self.sections = [make_section(self.plan, number=n, title=f"Розділ принципу {n}") for n in range(1, 7)]
        self.tasks = []

    def add_tasks(self, count: int, *, updates_per_task: int = 2):
        for _ in range(count):
            n = next(_numbers)
            section = self.sections[n % len(self.sections)]
            status = STATUSES[n % len(STATUSES)]
            task = make_task(
                section,
                departments=self.departments if n % 2 else self.departments[::-1],
                periods=(("2019Q1", "2019Q2"), ("2020Q1", "2020Q4")) if n % 3 else (("2019Q3", "2019Q4"),),
                status=status,
                position=n,
                title=f"Завдання номер {n} про відкриті дані",
                description="Зміст заходу.",
                indicators_text="Щонайменше 2 набори даних.",
                percent=(n * 7) % 100,
            )
            indicator = Indicator.objects.create(task=task, text="Оприлюднено наборів", target_value=2, unit="набори")
            IndicatorValue.objects.create(indicator=indicator, quarter_index=8076, actual_value=1)
            for k in range(updates_per_task):
                update = ProgressUpdate.objects.create(
                    task=task,
                    date=dt.date(2019, 3, 1) + dt.timedelta(days=30 * k + n),
                    author=self.author,
                    status=status,
                    percent=50,
                    narrative=f"Звіт {k} щодо завдання {n}.",
                )
                EvidenceLink.objects.create(update=update, url=f"https://example.org/evidence/{n}/{k}")
                EvidenceFile.objects.create(update=update, file=f"evidence/2019/03/act-{n}-{k}.pdf", title="Акт")
            self.tasks.append(task)
        return self


@pytest.fixture
def author(db):
    return User.objects.create_user(
        username="olena.login", email="olena.private@example.org", first_name="Олена", last_name="Коваль"
    )


@pytest.fixture
def build(department, other_department, author):
    """``build(20)`` -> a PlanBuilder with 20 tasks; call ``.add_tasks(n)`` to grow it."""

    def make(count: int, **kwargs):
        return PlanBuilder([department, other_department], author).add_tasks(count, **kwargs)

    return make


def add_datasets(department, count: int):
    for n in range(count):
        DatasetFactory(department=department, title=f"Набір {next(_numbers)}", responsible_email=f"p{n}@secret.org")


def add_requests(count: int):
    for _ in range(count):
        n = next(_numbers)
        FeedbackItem.objects.create(
            kind=FeedbackKind.DATASET_REQUEST,
            title=f"Запит на дані {n}",
            text="Прошу оприлюднити.",
            name="Петро Приватний",
            email=f"petro{n}@private.example",
            status=FeedbackStatus.PUBLISHED,
        )


@pytest.fixture
def registry_data(department):
    add_datasets(department, 3)
    add_requests(3)
    return department


__all__ = ["Department", "add_datasets", "add_requests"]
