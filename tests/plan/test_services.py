"""Progress updates (rights, latest status, evidence, history) and task edits."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from plan import verification
from plan.choices import TaskStatus
from plan.models import EvidenceFile, EvidenceLink, ProgressUpdate
from plan.services import plan_create, task_add_progress, task_update

from .factories import make_plan, make_section, make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(department, other_department):
    section = make_section(make_plan())
    return make_task(section, departments=[department, other_department])


@pytest.fixture
def foreign_task(other_department):
    section = make_section(make_plan(title="Інший план"))
    return make_task(section, departments=[other_department])


def test_head_of_a_responsible_department_reports(task, department_head, coordinator):
    update = task_add_progress(
        task=task,
        author=department_head,
        status=TaskStatus.SUBSTANTIAL,
        narrative="Зроблено більшу частину",
        date=dt.date(2019, 5, 1),
        percent=70,
        links=["https://example.org/a", {"url": "https://example.org/b", "title": "Звіт"}],
        files=[SimpleUploadedFile("звіт.pdf", b"%PDF-1.4", content_type="application/pdf")],
        period="2019Q2",
        delay_reason="Затримка постачальника.",
    )
    # Issue 18: a status change by the lead head waits for a coordinator's acceptance.
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED and update.review_state == "pending"
    verification.update_accept(update=update, by=coordinator)
    task.refresh_from_db()
    assert (task.status, task.percent) == (TaskStatus.SUBSTANTIAL, 70)
    assert EvidenceLink.objects.filter(update=update).count() == 2
    assert EvidenceFile.objects.get(update=update).title == "звіт.pdf"
    records = list(update.history.order_by("history_date"))
    assert [r.history_user for r in records] == [department_head, coordinator]
    assert task.history.first().history_user == coordinator


def test_head_of_another_department_and_council_are_refused(foreign_task, department_head, council_member):
    for user in (department_head, council_member, None):
        with pytest.raises(PermissionDenied):
            task_add_progress(task=foreign_task, author=user, status=TaskStatus.LIMITED, narrative="x")
    assert not ProgressUpdate.objects.exists()


def test_coordinator_reports_on_any_task(foreign_task, coordinator):
    task_add_progress(
        task=foreign_task,
        author=coordinator,
        status=TaskStatus.LIMITED,
        narrative="Почали",
        delay_reason="Пізно почали.",
    )
    foreign_task.refresh_from_db()
    assert foreign_task.status == TaskStatus.LIMITED


def test_status_follows_the_latest_update_by_date_then_creation(task, coordinator):
    with time_machine.travel(dt.datetime(2019, 12, 1, 10, tzinfo=dt.UTC), tick=False):
        task_add_progress(
            task=task, author=coordinator, status=TaskStatus.LIMITED, narrative="a", date=dt.date(2019, 6, 1)
        )
    with time_machine.travel(dt.datetime(2019, 12, 1, 11, tzinfo=dt.UTC), tick=False):
        # a back-dated update does not override a later one
        task_add_progress(
            task=task, author=coordinator, status=TaskStatus.COMPLETED, narrative="b", date=dt.date(2019, 3, 1)
        )
        task.refresh_from_db()
        assert task.status == TaskStatus.LIMITED
    with time_machine.travel(dt.datetime(2019, 12, 1, 12, tzinfo=dt.UTC), tick=False):
        # same date: the one created last wins
        task_add_progress(
            task=task,
            author=coordinator,
            status=TaskStatus.SUBSTANTIAL,
            narrative="c",
            date=dt.date(2019, 6, 1),
            percent=80,
        )
    task.refresh_from_db()
    assert (task.status, task.percent) == (TaskStatus.SUBSTANTIAL, 80)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"status": "finished"}, "status"),
        ({"narrative": "  "}, "narrative"),
        ({"percent": 140}, "percent"),
        ({"status": TaskStatus.COMPLETED, "percent": 50}, "percent"),
        ({"date": dt.date(2999, 1, 1)}, "date"),
        ({"links": ["not a url"]}, "links"),
        ({"files": [SimpleUploadedFile("virus.exe", b"MZ")]}, "files"),
    ],
)
def test_invalid_updates(task, coordinator, kwargs, field):
    args = {
        "task": task,
        "author": coordinator,
        "status": TaskStatus.LIMITED,
        "narrative": "Текст",
        "delay_reason": "Причина затримки.",  # the task is past its due date (issue 18)
        **kwargs,
    }
    with pytest.raises(ValidationError) as error:
        task_add_progress(**args)
    assert field in error.value.message_dict
    assert not ProgressUpdate.objects.exists() and not EvidenceLink.objects.exists()


def test_task_update_reparses_the_deadline(task, coordinator, other_department):
    task_update(
        task=task,
        by=coordinator,
        deadline_text="ІІ півріччя 2020 року",
        title="Нова назва",
        indicators_text="Щонайменше 3 набори даних",
        departments=[other_department],
    )
    task.refresh_from_db()
    assert [(str(p.start), str(p.end)) for p in task.periods.all()] == [("2020Q3", "2020Q4")]
    assert str(task.due_date) == "2020-12-31" and not task.recurring
    assert task.title == "Нова назва"
    assert task.indicators.get().target_value == 3
    assert [link.department for link in task.task_departments.all()] == [other_department]
    record = task.history.first()
    assert record.history_user == coordinator and "deadline_text" in record.history_change_reason
    task_update(task=task, by=coordinator, deadline_text="постійно")
    task.refresh_from_db()
    assert task.recurring and str(task.due_date) == "2020-12-31"


def test_task_update_errors(task, coordinator, department_head):
    with pytest.raises(PermissionDenied):
        task_update(task=task, by=department_head, title="x")
    with pytest.raises(ValidationError) as error:
        task_update(task=task, by=coordinator, deadline_text="колись")
    assert "«колись»" in error.value.message_dict["deadline_text"][0]
    with pytest.raises(ValidationError) as error:
        task_update(task=task, by=coordinator, deadline_text="2022 рік")
    assert "виходить за межі плану" in error.value.message_dict["deadline_text"][0]
    with pytest.raises(ValidationError):
        task_update(task=task, by=coordinator, status="completed")


def test_plan_create_validates(coordinator):
    with pytest.raises(ValidationError):
        plan_create(title="П", start="2020Q4", end="2019Q1", by=coordinator)
    with pytest.raises(ValidationError):
        plan_create(title="П", start="2020", end="2021Q1", by=coordinator)
    assert plan_create(title="П", start="2021Q1", end="2022Q4", by=coordinator).end.year == 2022
