import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from registry import selectors
from registry.choices import DatasetStatus, Frequency

from .factories import DatasetFactory, DepartmentFactory, RequiredDatasetFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 15)


def at(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture
def registry():
    dep_a, dep_b = DepartmentFactory(name="Архітектура"), DepartmentFactory(name="Бюджет")
    return {
        # monthly rolling: 2024-05-01 -> due 2024-06-01, overdue on TODAY
        "overdue": DatasetFactory(department=dep_a, last_updated_at=at(dt.date(2024, 5, 1))),
        # due 2024-06-20
        "due_soon": DatasetFactory(department=dep_a, last_updated_at=at(dt.date(2024, 5, 20))),
        # due exactly today: not overdue
        "due_today": DatasetFactory(department=dep_b, last_updated_at=at(dt.date(2024, 5, 15))),
        # past due but not published: not counted
        "planned": DatasetFactory(
            department=dep_b, status=DatasetStatus.PLANNED, last_updated_at=at(dt.date(2024, 1, 1))
        ),
        "on_change": DatasetFactory(department=dep_b, frequency=Frequency.ON_CHANGE),
    }


def test_overdue_and_due_between(registry):
    assert list(selectors.datasets_overdue(today=TODAY)) == [registry["overdue"]]
    due = selectors.datasets_due_between(start=TODAY, end=TODAY + dt.timedelta(days=7))
    assert set(due) == {registry["due_soon"], registry["due_today"]}


def test_overdue_is_one_query_on_the_index(registry):
    qs = selectors.datasets_overdue(today=TODAY)
    with CaptureQueriesContext(connection) as ctx:
        list(qs)
    assert len(ctx.captured_queries) == 1
    if connection.vendor == "postgresql":
        # A handful of rows is cheaper to scan; ask the planner what it would do at scale.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    plan = qs.explain()
    assert "dataset_status_due" in plan


def test_registry_figures(registry):
    figures = selectors.registry_figures(today=TODAY)
    assert (figures.total, figures.published, figures.overdue, figures.on_time) == (5, 4, 1, 3)
    assert figures.on_time_percent == 75
    assert figures.average_quality is not None
    by_name = {f.department.name: f for f in figures.per_department}
    assert [f.department.name for f in figures.per_department] == ["Архітектура", "Бюджет"]
    assert (by_name["Архітектура"].total, by_name["Архітектура"].overdue) == (2, 1)
    assert (by_name["Бюджет"].total, by_name["Бюджет"].published) == (3, 2)


def test_registry_figures_cost_three_queries_at_any_size(registry):
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            selectors.registry_figures(today=TODAY)
        counts.append(len(ctx.captured_queries))
        DatasetFactory.create_batch(5, department=DepartmentFactory())
    assert counts == [3, 3]


def test_empty_registry_figures(db):
    figures = selectors.registry_figures(today=TODAY)
    assert figures.total == 0 and figures.on_time_share is None and figures.per_department == []


def test_checklist_835(registry):
    required = [RequiredDatasetFactory() for _ in range(4)]
    for key, entry in [("overdue", required[0]), ("due_soon", required[1]), ("planned", required[2])]:
        registry[key].required_by_835 = entry
        registry[key].save()
    checklist = selectors.checklist_835(today=TODAY)
    rows = {e.required.pk: e for e in checklist.entries}
    assert (rows[required[0].pk].in_registry, rows[required[0].pk].published, rows[required[0].pk].up_to_date) == (
        True, True, False,
    )  # fmt: skip
    assert (rows[required[1].pk].published, rows[required[1].pk].up_to_date) == (True, True)
    assert (rows[required[2].pk].in_registry, rows[required[2].pk].published) == (True, False)
    assert not rows[required[3].pk].in_registry
    assert (checklist.total, checklist.in_registry, checklist.published, checklist.up_to_date) == (4, 3, 2, 1)
    assert checklist.missing == [required[3]]


def test_checklist_query_count_is_fixed(registry):
    for _ in range(5):
        DatasetFactory(required_by_835=RequiredDatasetFactory())
    with CaptureQueriesContext(connection) as ctx:
        selectors.checklist_835(today=TODAY)
    assert len(ctx.captured_queries) == 2


def test_public_list_does_not_load_personal_fields(registry, coordinator):
    public = selectors.dataset_list(user=None).first()
    assert {"responsible_email", "responsible_person"} <= public.get_deferred_fields()
    staff = selectors.dataset_list(user=coordinator).first()
    assert not staff.get_deferred_fields()


def test_dataset_for_user(registry, department_head, coordinator, council_member):
    own = DatasetFactory(department=department_head.department)
    assert list(selectors.dataset_for_user(user=department_head)) == [own]
    assert selectors.dataset_for_user(user=coordinator).count() == 6
    assert selectors.dataset_for_user(user=council_member).count() == 0
