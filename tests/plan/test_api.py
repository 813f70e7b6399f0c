"""The plan API: representation, filters shared with the HTML list, progress posting, query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from common.quarters import Quarter
from plan.choices import TaskStatus
from plan.models import Indicator, ProgressUpdate, Task, TaskDepartment, TaskPeriod

from .factories import make_plan, make_section, make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def plan(department, other_department):
    plan = make_plan()
    s1 = make_section(plan, 1, "Нормативне забезпечення")
    s2 = make_section(plan, 2, "Контроль якості")
    t1 = make_task(
        s1,
        position=1,
        title="Оприлюднити набори даних",
        departments=[other_department, department],
        periods=[("2019Q3", "2019Q4"), ("2020Q3", "2020Q4")],
        deadline_text="ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року",
    )
    Indicator.objects.create(task=t1, text="щонайменше один проект", target_value=1, unit="проект")
    make_task(
        s1,
        position=2,
        title="Навчання посадових осіб",
        departments=[department],
        periods=[("2019Q1", "2019Q2")],
        description="Провести навчання",
    )
    make_task(
        s2,
        position=3,
        title="Аудит даних",
        departments=[other_department],
        periods=[("2019Q1", "2019Q1")],
        status=TaskStatus.COMPLETED,
        indicators_text="Проведено аудит",
    )
    return plan


def test_task_representation(api, plan, department, other_department):
    response = api.get("/api/v1/tasks/")
    assert response.status_code == 200
    assert response.data["count"] == 3
    task = response.json()["results"][0]
    assert task["deadline_text"] == "ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року"
    assert task["periods"] == [{"start": "2019Q3", "end": "2019Q4"}, {"start": "2020Q3", "end": "2020Q4"}]
    assert task["recurring"] is False and task["due_date"] == "2020-12-31"
    assert task["status"] == "not_started" and task["status_label"] == "Не розпочато"
    assert task["overdue"] is True  # the due date has passed and nothing was done
    assert [d["id"] for d in task["departments"]] == [other_department.pk, department.pk]
    assert task["departments"][0]["is_lead"] is True
    assert "email" not in str(task) and "@" not in str(task)
    assert task["principle"] == {"id": task["principle"]["id"], "number": 1, "title": "Принцип 1"}
    assert task["section"]["title"] == "Нормативне забезпечення"
    assert task["indicators"][0]["target_value"] == 1.0
    detail = api.get(f"/api/v1/tasks/{task['id']}/").json()
    assert detail["periods"] == task["periods"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("status=completed", ["Аудит даних"]),
        ("overdue=false", ["Аудит даних"]),
        ("overdue=true", ["Оприлюднити набори даних", "Навчання посадових осіб"]),
        ("active_in=2019Q4", ["Оприлюднити набори даних"]),
        ("active_in=2019Q1", ["Навчання посадових осіб", "Аудит даних"]),
        ("active_in=2020Q1", []),
        ("q=навчання", ["Навчання посадових осіб"]),
        ("q=Аудит", ["Аудит даних"]),
        ("q=провести навчання", ["Навчання посадових осіб"]),
    ],
)
def test_filters(api, plan, query, titles):
    response = api.get(f"/api/v1/tasks/?{query}")
    assert response.status_code == 200, response.data
    assert [t["title"] for t in response.json()["results"]] == titles


def test_filters_by_ids(api, plan, department, other_department):
    def titles(query):
        return [t["title"] for t in api.get(f"/api/v1/tasks/?{query}").json()["results"]]

    assert titles(f"department={department.pk}") == ["Оприлюднити набори даних", "Навчання посадових осіб"]
    section = plan.principles.get(number=2).sections.get()
    assert titles(f"section={section.pk}") == ["Аудит даних"]
    assert titles(f"principle={section.principle_id}") == ["Аудит даних"]
    assert titles(f"plan={plan.pk}&department={other_department.pk}") == ["Оприлюднити набори даних", "Аудит даних"]
    other = make_plan(title="Інший")
    assert titles(f"plan={other.pk}") == []


@pytest.mark.parametrize(
    ("query", "field", "fragment"),
    [
        ("overdue=maybe", "overdue", "true або false"),
        ("active_in=2019-4", "active_in", "РРРРQН"),
        ("status=done", "status", "можливих значень"),
        ("plan=1.5", "plan", "Немає такого"),
        ("department=abc", "department", "Немає такого"),
    ],
)
def test_invalid_filter_values_give_400_in_ukrainian(api, plan, query, field, fragment):
    response = api.get(f"/api/v1/tasks/?{query}")
    assert response.status_code == 400
    assert fragment in response.json()[field][0]


@pytest.mark.parametrize("query", ["plan=999999", "plan=0", "department=0", "section=-1", "principle=0"])
def test_an_id_that_names_nothing_filters_to_an_empty_list(api, plan, query):
    """The schema says "integer": any integer is a valid filter value; none matches nothing."""
    response = api.get(f"/api/v1/tasks/?{query}")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_lists_of_plans_principles_sections_departments(api, plan, department):
    assert api.get("/api/v1/plans/").json()["results"][0]["title"] == plan.title
    principles = api.get(f"/api/v1/principles/?plan={plan.pk}").json()["results"]
    assert [p["number"] for p in principles] == [1, 2]
    sections = api.get("/api/v1/sections/").json()["results"]
    assert [s["title"] for s in sections] == ["Нормативне забезпечення", "Контроль якості"]
    assert api.get(f"/api/v1/sections/?plan={plan.pk}").json()["count"] == 2
    assert api.get(f"/api/v1/sections/?plan={plan.pk + 1}").json()["count"] == 0
    departments = api.get("/api/v1/departments/").json()["results"]
    assert set(departments[0]) == {"id", "name", "short_name"}
    assert "pr@example.org" not in str(departments)


def test_progress_get_and_post(api, plan, department_head, coordinator):
    task = Task.objects.get(position=2)  # department_head's department
    url = f"/api/v1/tasks/{task.pk}/progress/"
    assert api.post(url, {"status": "limited", "narrative": "x"}, format="json").status_code in (401, 403)
    api.force_authenticate(department_head)
    response = api.post(
        url,
        {
            "status": "substantial",
            "narrative": "Провели два навчання",
            "date": "2019-05-20",
            "percent": 60,
            "links": ["https://example.org/report"],
            "period": "2019Q2",
            "delay_reason": "Навчання перенесли.",
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.data["author"] == department_head.get_full_name()
    assert response.data["links"] == [{"url": "https://example.org/report", "title": ""}]
    assert response.data["period"] == "2019Q2"
    # Issue 18: a head's status change waits for a coordinator before it becomes public.
    assert response.data["review_state"] == "pending"
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED
    # a multipart form with an evidence file
    api.force_authenticate(coordinator)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = api.post(
        url,
        {
            "status": "completed",
            "narrative": "Готово",
            "date": "2019-06-20",
            "files": [SimpleUploadedFile("протокол.pdf", b"%PDF-1.4")],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.data
    assert response.data["files"][0]["title"] == "протокол.pdf"
    api.force_authenticate(None)
    listing = api.get(url).json()
    assert [u["status"] for u in listing["results"]] == ["completed"]  # the pending one is not public
    assert "username" not in str(listing) and "@example.org" not in str(listing)


def test_progress_refused_outside_rights(api, plan, department_head, council_member):
    task = Task.objects.get(position=3)  # other_department only
    url = f"/api/v1/tasks/{task.pk}/progress/"
    for user in (department_head, council_member):
        api.force_authenticate(user)
        assert api.post(url, {"status": "limited", "narrative": "x"}, format="json").status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_progress_validation_errors_are_400(api, plan, coordinator):
    task = Task.objects.get(position=1)
    api.force_authenticate(coordinator)
    url = f"/api/v1/tasks/{task.pk}/progress/"
    response = api.post(url, {"status": "completed", "narrative": "x", "percent": 40}, format="json")
    assert response.status_code == 400 and "percent" in response.json()
    response = api.post(url, {"status": "nope", "narrative": "x"}, format="json")
    assert response.status_code == 400 and "status" in response.json()


def _bulk_tasks(section, departments, count):
    tasks = Task.objects.bulk_create(
        [
            Task(
                plan=section.principle.plan,
                section=section,
                position=i,
                title=f"Завдання {i}",
                deadline_text="І квартал 2019 року",
                due_date=dt.date(2019, 3, 31),
            )
            for i in range(count)
        ]
    )
    q = Quarter(2019, 1).index
    TaskPeriod.objects.bulk_create([TaskPeriod(task=t, start_index=q, end_index=q + 1) for t in tasks])
    TaskDepartment.objects.bulk_create(
        [
            TaskDepartment(task=t, department=d, is_lead=i == 0, position=i)
            for t in tasks
            for i, d in enumerate(departments)
        ]
    )
    Indicator.objects.bulk_create([Indicator(task=t, text="x", target_value=1, unit="од.") for t in tasks])


def _count_queries(api, url):
    with CaptureQueriesContext(connection) as ctx:
        response = api.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.json()


def test_task_list_costs_the_same_queries_for_20_and_2000_tasks(api, department, other_department):
    plan = make_plan()
    section = make_section(plan)
    _bulk_tasks(section, [department, other_department], 20)
    small, data = _count_queries(api, "/api/v1/tasks/?page_size=500")
    assert data["count"] == 20 and len(data["results"][0]["departments"]) == 2
    _bulk_tasks(section, [department, other_department], 1980)
    large, data = _count_queries(api, "/api/v1/tasks/?page_size=500")
    assert data["count"] == 2000 and len(data["results"]) == 500
    assert small == large
    filtered, _ = _count_queries(api, f"/api/v1/tasks/?page_size=500&active_in=2019Q2&department={department.pk}")
    assert filtered <= large + 2  # the filters' own look-ups (department), not per row
