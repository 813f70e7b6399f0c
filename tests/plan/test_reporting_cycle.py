"""Issue 18: reporting periods, reasons for delay, verification of updates, indicator values."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from common.quarters import Quarter
from plan import verification
from plan.choices import ReviewState, TaskStatus
from plan.models import Indicator, IndicatorValue, ProgressUpdate
from plan.services import task_add_progress
from reports import context
from tests.plan.factories import make_plan, make_section, make_task

pytestmark = pytest.mark.django_db

Q4 = Quarter(2019, 4)
Q1 = Quarter(2020, 1)


def _at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def task(department, other_department):
    plan = make_plan()
    section = make_section(plan)
    task = make_task(section, departments=[department, other_department], periods=[("2019Q3", "2020Q2")])
    Indicator.objects.create(task=task, text="Оприлюднено наборів даних", target_value=40, unit="наборів")
    return task


def test_update_entered_on_5_january_counts_in_q4_and_not_in_q1(task, coordinator):
    with _at(dt.date(2020, 1, 5)):
        update = task_add_progress(
            task=task, author=coordinator, status=TaskStatus.SUBSTANTIAL, narrative="Опубліковано 12 наборів."
        )
    assert update.period == Q4 and update.date == dt.date(2020, 1, 5)
    q4 = context.build_snapshot(quarter=Q4, plan=task.plan, today=dt.date(2020, 1, 20))
    q1 = context.build_snapshot(quarter=Q1, plan=task.plan, today=dt.date(2020, 4, 20))
    assert [r["text"] for r in q4["updates"]["rows"]] == ["Опубліковано 12 наборів."]
    assert q4["summary"]["plan"]["counts"]["substantial"] == 1
    assert q1["updates"]["rows"] == []
    assert q1["summary"]["plan"]["counts"]["substantial"] == 1  # the status carries on


def test_default_period_follows_the_grace_window(task, coordinator, settings):
    settings.REPORTING_GRACE_WEEKS = 2
    with _at(dt.date(2020, 1, 20)):
        update = task_add_progress(task=task, author=coordinator, status=TaskStatus.LIMITED, narrative="Почато.")
    assert update.period == Q1


def test_period_in_the_future_or_outside_the_plan_is_refused(task, coordinator):
    with _at(dt.date(2020, 1, 5)), pytest.raises(ValidationError) as error:
        task_add_progress(task=task, author=coordinator, status="limited", narrative="x", period="2020Q2")
    assert "майбутній квартал" in str(error.value.message_dict["period"])
    with _at(dt.date(2020, 1, 5)), pytest.raises(ValidationError) as error:
        task_add_progress(task=task, author=coordinator, status="limited", narrative="x", period="2018Q4")
    assert "не входить до періоду плану" in str(error.value.message_dict["period"])
    assert not ProgressUpdate.objects.exists()


def test_reason_for_delay_required_when_the_task_is_late(task, coordinator):
    with _at(dt.date(2020, 8, 1)):  # due 30.06.2020
        with pytest.raises(ValidationError) as error:
            task_add_progress(task=task, author=coordinator, status="substantial", narrative="Майже.")
        assert "причину затримки" in error.value.message_dict["delay_reason"][0]
        task_add_progress(task=task, author=coordinator, status="completed", narrative="Виконано.")  # not late
        update = task_add_progress(
            task=task, author=coordinator, status="completed", narrative="Ще раз.", next_steps="Підтримувати."
        )
    assert update.next_steps == "Підтримувати."


def test_co_responsible_status_change_is_not_public_until_accepted(
    task, client, other_head, department_head, mailoutbox
):
    with _at(dt.date(2020, 1, 5)):
        update = task_add_progress(
            task=task,
            author=other_head,
            status=TaskStatus.SUBSTANTIAL,
            narrative="Звіт співвиконавця про набори.",
            indicator_values=[{"indicator": task.indicators.get().pk, "actual": "12"}],
        )
    assert update.review_state == ReviewState.PENDING
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED
    page = client.get(reverse("plan:task-detail", args=[task.pk])).content.decode()
    assert "очікує перевірки" in page and "Звіт співвиконавця про набори." not in page
    assert not IndicatorValue.objects.exists()
    # The co-responsible head cannot accept their own report; the lead head can.
    with pytest.raises(PermissionDenied):
        verification.update_accept(update=update, by=other_head)
    verification.update_accept(update=update, by=department_head, comment="Підтверджую.")
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBSTANTIAL and task.percent == 30  # 12 of 40 from the indicator
    page = client.get(reverse("plan:task-detail", args=[task.pk])).content.decode()
    assert "Звіт співвиконавця про набори." in page and "очікує перевірки" not in page
    assert "chart-indicator" in page
    assert IndicatorValue.objects.get().quarter_index == Q4.index
    history = list(update.history.order_by("history_date").values_list("review_state", "history_change_reason"))
    assert history[0][0] == ReviewState.PENDING and history[-1] == (ReviewState.ACCEPTED, "Прийнято. Підтверджую.")
    assert mailoutbox == []


def test_lead_head_same_status_is_accepted_but_a_status_change_waits_for_a_coordinator(
    task, department_head, coordinator
):
    with _at(dt.date(2020, 1, 5)):
        same = task_add_progress(task=task, author=department_head, status="not_started", narrative="Готуємося.")
        change = task_add_progress(task=task, author=department_head, status="limited", narrative="Почали.")
    assert same.review_state == ReviewState.ACCEPTED and change.review_state == ReviewState.PENDING
    with pytest.raises(PermissionDenied):
        verification.update_accept(update=change, by=department_head)
    assert list(verification.updates_to_review(user=department_head)) == []
    assert list(verification.updates_to_review(user=coordinator)) == [change]
    verification.update_accept(update=change, by=coordinator)
    with pytest.raises(ValidationError):
        verification.update_accept(update=change, by=coordinator)


def test_returned_update_notifies_its_author(
    task, other_head, department_head, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with _at(dt.date(2020, 1, 5)):
        update = task_add_progress(task=task, author=other_head, status="limited", narrative="Чернетка звіту.")
    with pytest.raises(ValidationError):
        verification.update_return(update=update, by=department_head, comment="  ")
    with django_capture_on_commit_callbacks(execute=True):
        verification.update_return(update=update, by=department_head, comment="Додайте посилання на набір.")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["other-head@example.org"]
    assert "повернуто" in mail.subject and "Додайте посилання на набір." in mail.body
    assert "IV квартал 2019 року" in mail.body
    update.refresh_from_db()
    assert update.review_state == ReviewState.RETURNED and update.author_notified_at is not None
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED
    from plan.tasks import notify_update_returned

    assert notify_update_returned(update.pk) is False  # sent once
    assert len(mailoutbox) == 1


def test_workspace_review_pages(task, client, other_head, department_head):
    with _at(dt.date(2020, 1, 5)):
        update = task_add_progress(task=task, author=other_head, status="limited", narrative="Звіт на перевірку.")
    client.force_login(other_head)
    assert client.get(reverse("workspace:review-detail", args=[update.pk])).status_code == 404
    client.force_login(department_head)
    listing = client.get(reverse("workspace:reviews")).content.decode()
    assert reverse("workspace:review-detail", args=[update.pk]) in listing
    url = reverse("workspace:review-detail", args=[update.pk])
    response = client.post(url, {"decision": "return", "comment": ""})
    assert response.status_code == 400 and "Поясніть автору" in response.content.decode()
    response = client.post(url, {"decision": "accept", "comment": ""})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.review_state == ReviewState.ACCEPTED and update.reviewed_by == department_head
