"""Figures as of the quarter: task states from dated updates, datasets from the update log."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.quarters import Quarter
from feedback.models import FeedbackItem
from plan import selectors as plan_selectors
from plan.services import task_add_progress
from registry.models import DatasetUpdate
from reports import context
from tests.plan.factories import make_plan, make_section, make_task
from tests.registry.factories import DatasetFactory

Q4 = Quarter(2019, 4)


def progress(task, author, status, day, percent=None):
    # Each update reports on the quarter of its date (issue 18: reports count by reporting period);
    # these tasks are long past their due date, so a reason for delay is required.
    return task_add_progress(
        task=task,
        author=author,
        status=status,
        narrative=f"{status} {day}",
        date=day,
        percent=percent,
        period=Quarter.containing(day),
        delay_reason="Затримка фінансування.",
    )


@pytest.fixture
def plan_2019(coordinator, department, other_department):
    plan = make_plan()
    first = make_section(plan, 1)
    second = make_section(plan, 2)
    tasks = {
        "a": make_task(first, departments=[department], periods=[("2019Q3", "2019Q3")], position=1, title="Завдання А"),
        "b": make_task(
            first,
            departments=[department, other_department],
            periods=[("2019Q3", "2019Q3")],
            position=2,
            title="Завдання Б",
        ),
        "c": make_task(
            second, departments=[other_department], periods=[("2019Q4", "2019Q4")], position=3, title="Завдання В"
        ),
        "d": make_task(
            second, departments=[department], periods=[("2019Q4", "2020Q2")], position=4, title="Завдання Г"
        ),
        "e": make_task(
            second, departments=[department], periods=[("2019Q3", "2019Q3")], position=5, title="Завдання Д"
        ),
    }
    progress(tasks["a"], coordinator, "completed", dt.date(2019, 9, 15), 100)
    progress(tasks["b"], coordinator, "limited", dt.date(2019, 11, 1), 20)
    progress(tasks["b"], coordinator, "completed", dt.date(2020, 2, 1), 100)
    progress(tasks["d"], coordinator, "substantial", dt.date(2019, 10, 10), 60)
    progress(tasks["e"], coordinator, "cancelled", dt.date(2019, 8, 1))
    return plan, tasks


def test_task_states_as_of_the_quarter(plan_2019):
    plan, tasks = plan_2019
    snapshot = context.build_snapshot(quarter=Q4, plan=plan)
    summary = snapshot["summary"]["plan"]
    assert summary["counts"] == {
        "not_started": 1,
        "limited": 1,
        "substantial": 1,
        "completed": 1,
        "cancelled": 1,
    }
    assert summary["overdue"] == 2  # Б (limited, due 30.09) and В (due on the quarter's last day)
    assert summary["completion_percent"] == 25  # 1 of 4 that count (cancelled left out)
    assert [r["title"] for r in snapshot["overdue"]["rows"]] == ["Завдання Б", "Завдання В"]
    assert snapshot["overdue"]["rows"][0]["departments"] == "ВЗГ, Управління стратегічного розвитку"
    assert [r["title"] for r in snapshot["tasks_due"]["rows"]] == ["Завдання В"]
    assert [(r["date"], r["task_number"]) for r in snapshot["updates"]["rows"]] == [
        ("10.10.2019", 4),
        ("01.11.2019", 2),
    ]
    principles = {p["number"]: p for p in snapshot["summary"]["principles"]}
    assert (principles[1]["completed"], principles[1]["overdue"], principles[1]["completion_percent"]) == (1, 1, 50)
    # Today the same plan reads differently: Б was completed in 2020.
    assert plan_selectors.plan_progress(plan=plan).completed == 2


def test_next_quarter_sees_the_later_completion(plan_2019):
    plan, tasks = plan_2019
    snapshot = context.build_snapshot(quarter=Quarter(2020, 1), plan=plan)
    assert snapshot["summary"]["plan"]["completed"] == 2
    assert snapshot["summary"]["plan"]["overdue"] == 1  # В only
    rows = {r["department"]: r for r in snapshot["scorecard"]["rows"]}
    # ВЗГ: А on time (15.09 <= 30.09), Б completed late (01.02.2020 > 30.09.2019).
    assert rows["ВЗГ"]["on_time"] == 1
    assert rows["ВЗГ"]["tasks"] == 4


def test_current_quarter_matches_the_plan_selectors(coordinator, department):
    """For the quarter in progress the figures are today's, as plan.selectors computes them."""
    today = timezone.localdate()
    plan = make_plan(start="2019Q1", end=str(Quarter.containing(today).next()))
    section = make_section(plan, 1)
    last = Quarter.containing(today)
    for i, status in enumerate(["completed", "limited", "not_started", "substantial"], start=1):
        task = make_task(section, departments=[department], position=i, periods=[("2019Q1", str(last))])
        if status != "not_started":
            progress(task, coordinator, status, today, 100 if status == "completed" else None)
    make_task(section, departments=[department], position=9, periods=[("2019Q1", "2019Q2")])  # overdue
    snapshot = context.build_snapshot(quarter=last, plan=plan, today=today)
    period = context.Period.of(last, today=today)
    expected = plan_selectors.plan_progress(plan=plan, today=period.cutoff)
    assert snapshot["summary"]["plan"]["counts"] == expected.counts
    assert snapshot["summary"]["plan"]["overdue"] == expected.overdue == 1
    by_principle = plan_selectors.progress_by_principle(plan=plan, today=period.cutoff)
    assert [p["completion_percent"] for p in snapshot["summary"]["principles"]] == [
        f.completion_percent for f in by_principle
    ]


def _at(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def test_registry_as_of_the_quarter(db, department):
    on_time = DatasetFactory(
        department=department, first_published=dt.date(2019, 5, 1), last_updated_at=_at(dt.date(2020, 3, 1))
    )
    DatasetUpdate.objects.create(dataset=on_time, updated_at=_at(dt.date(2019, 12, 10)))
    DatasetUpdate.objects.create(dataset=on_time, updated_at=_at(dt.date(2020, 3, 1)))
    stale = DatasetFactory(
        department=department, first_published=dt.date(2019, 2, 1), last_updated_at=_at(dt.date(2019, 6, 1))
    )
    DatasetUpdate.objects.create(dataset=stale, updated_at=_at(dt.date(2019, 6, 1)))
    DatasetFactory(department=department, first_published=dt.date(2020, 2, 1), last_updated_at=None)  # later
    new = DatasetFactory(
        department=department, title="Новий набір", first_published=dt.date(2019, 11, 5), last_updated_at=None
    )
    FeedbackItem.objects.create(
        kind="data_error", title="Помилка", text="Текст", dataset=stale, created_at=_at(dt.date(2019, 11, 20))
    )
    FeedbackItem.objects.create(
        kind="question",
        title="Питання",
        text="Текст",
        dataset=new,
        created_at=_at(dt.date(2019, 11, 20)),
        first_answered_at=_at(dt.date(2019, 11, 25)),
    )

    period = context.Period.of(Q4)
    states = context.dataset_states(period=period)
    registry = context.registry_section(period=period, states=states)
    assert registry["total"] == registry["published"] == 3
    assert registry["overdue"] == 2  # stale (due 01.07.2019) and new (due 05.12.2019, never updated)
    assert registry["on_time"] == 1 and registry["on_time_percent"] == 33
    assert registry["updated_in_quarter"] == 1
    assert registry["new_total"] == 1 and registry["new"] == ["Новий набір"]
    assert registry["overdue_by_department"] == [{"department": "ВЗГ", "published": 3, "overdue": 2}]
    engagement = context.engagement_section(period=period)
    assert (engagement["received"], engagement["answered"], engagement["median_days"]) == (2, 1, 5.0)
    assert context.unanswered_requests_by_department(period=period) == {department.pk: 1}
    # A quarter earlier only the two datasets published before 30.09.2019 existed.
    earlier = context.registry_section(
        period=context.Period.of(Q4.previous()), states=context.dataset_states(period=context.Period.of(Q4.previous()))
    )
    assert (earlier["published"], earlier["new_total"]) == (2, 0)


def _grow(plan, coordinator, department, n, offset):
    section = make_section(plan, 1 + offset % 6, title=f"Розділ {offset}")
    for i in range(n):
        task = make_task(section, departments=[department], position=offset + i, periods=[("2019Q3", "2019Q4")])
        progress(task, coordinator, "limited", dt.date(2019, 10, 1))
        DatasetFactory(department=department, first_published=dt.date(2019, 3, 1))


def test_query_count_does_not_grow_with_the_data(coordinator, department):
    plan = make_plan()
    _grow(plan, coordinator, department, 3, 0)
    with CaptureQueriesContext(connection) as small:
        context.build_snapshot(quarter=Q4, plan=plan)
    _grow(plan, coordinator, department, 25, 100)
    with CaptureQueriesContext(connection) as large:
        snapshot = context.build_snapshot(quarter=Q4, plan=plan)
    assert len(snapshot["appendix"]["rows"]) == 28
    assert len(large.captured_queries) == len(small.captured_queries)


def test_changes_compare_with_the_previous_report_snapshot(plan_2019):
    plan, _ = plan_2019
    previous = context.build_snapshot(quarter=Q4.previous(), plan=plan)
    previous["summary"]["plan"]["completed"] = 0  # what an earlier report printed is what counts
    snapshot = context.build_snapshot(quarter=Q4, plan=plan, previous=previous)
    rows = {r["key"]: r for r in snapshot["changes"]["rows"]}
    assert snapshot["changes"]["source"] == "report"
    assert (rows["tasks_completed"]["previous"], rows["tasks_completed"]["current"]) == (0, 1)
    assert rows["tasks_completed"]["delta"] == 1
    computed = context.build_snapshot(quarter=Q4, plan=plan)
    rows = {r["key"]: r for r in computed["changes"]["rows"]}
    assert computed["changes"]["source"] == "computed"
    # 30.09.2019: Б (due that day, no update yet) was overdue; 31.12.2019: Б and В.
    assert (rows["tasks_overdue"]["previous"], rows["tasks_overdue"]["current"]) == (1, 2)


def test_audit_campaigns_of_the_quarter(db, department, other_department):
    from audit.models import AuditCampaign, AuditResponse, InformationResource

    def campaign(title, start, closed=None, status="open"):
        return AuditCampaign.objects.create(
            title=title,
            start_date=start,
            deadline=start + dt.timedelta(days=30),
            status=status,
            opened_at=_at(start),
            closed_at=_at(closed) if closed else None,
        )

    closed_in_q4 = campaign("Аудит 2019", dt.date(2019, 10, 1), closed=dt.date(2019, 11, 30), status="closed")
    running = campaign("Аудит транспорту", dt.date(2019, 12, 1), closed=dt.date(2020, 2, 1), status="closed")
    campaign("Старий аудит", dt.date(2019, 1, 10), closed=dt.date(2019, 3, 1), status="closed")
    campaign("Майбутній аудит", dt.date(2020, 3, 1))
    AuditCampaign.objects.create(title="Чернетка", start_date=dt.date(2019, 11, 1), deadline=dt.date(2019, 12, 1))
    done = AuditResponse.objects.create(
        campaign=closed_in_q4, department=department, submitted_at=_at(dt.date(2019, 11, 2))
    )
    InformationResource.objects.create(response=done, name="Реєстр договорів")
    InformationResource.objects.create(response=done, name="Облік майна")
    AuditResponse.objects.create(campaign=running, department=department, submitted_at=_at(dt.date(2020, 1, 15)))
    AuditResponse.objects.create(campaign=running, department=other_department)

    audit = context.audit_section(period=context.Period.of(Q4))
    assert [(c["title"], c["closed"]) for c in audit["campaigns"]] == [
        ("Аудит 2019", True),
        ("Аудит транспорту", False),
    ]
    assert (audit["open"], audit["closed"], audit["invited"], audit["submitted"], audit["resources"]) == (1, 1, 3, 1, 2)
    rows = {r["department"]: (r["invited"], r["submitted"], r["resources"]) for r in audit["per_department"]}
    assert rows == {department.name: (2, 1, 2), other_department.name: (1, 0, 0)}


def test_a_demo_quarter_report_has_figures_from_every_part(db):
    """Issue 18: demo progress, registry, requests and audit are dated in one period, so the report
    for a demo quarter (the demo plan's) shows all of them; the Ternopil plan has no progress."""
    import io

    from django.core.management import call_command

    from plan.demo import DEMO_PLAN_TITLE, demo_quarters
    from plan.models import ActionPlan

    call_command("load_demo", stdout=io.StringIO())
    plan = ActionPlan.objects.get(title=DEMO_PLAN_TITLE)
    today = timezone.localdate()
    start, current = demo_quarters(today)
    quarter = Quarter.from_index(start.index + 1)
    snapshot = context.build_snapshot(quarter=quarter, plan=plan, today=today)
    assert snapshot["updates"]["total"] >= 1
    assert snapshot["summary"]["plan"]["completed"] >= 1
    last = context.build_snapshot(quarter=current, plan=plan, today=today)
    assert last["registry"]["published"] > 0
    assert last["engagement"] and last["audit"]["available"]
