"""Every public page costs the same number of SQL queries with 20 or 200 tasks (and their updates)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .conftest import add_datasets, add_requests

pytestmark = pytest.mark.usefixtures("no_page_cache")


def _pages(builder, department):
    task = builder.tasks[0]
    return {
        "home": "/",
        "task list": "/plan/tasks/",
        "task list, filtered": (
            f"/plan/tasks/?status=completed&department={department.pk}&overdue=false&q=дані&sort=status"
        ),
        "task list, page 2": "/plan/tasks/?page=2&sort=due_date",
        "task page": f"/plan/tasks/{task.pk}/",
        "timeline": "/plan/timeline/",
        "department": f"/departments/{department.pk}/",
        "CSV": "/plan/tasks/export.csv",
        "XLSX": "/plan/tasks/export.xlsx",
        "JSON": "/plan/tasks/?format=json&status=limited",
        "Atom feed": "/feeds/progress/",
    }


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_each_page_costs_a_fixed_number_of_queries(build, department, capsys):
    builder = build(20)
    add_datasets(department, 3)
    add_requests(3)
    client = Client()
    small = {name: _count(client, url) for name, url in _pages(builder, department).items()}

    builder.add_tasks(180, updates_per_task=3)
    add_datasets(department, 30)
    add_requests(30)
    large = {name: _count(client, url) for name, url in _pages(builder, department).items()}

    assert large == small
    with capsys.disabled():
        print("\nqueries per page (20 and 200 tasks):", ", ".join(f"{k}: {v}" for k, v in small.items()))
    # A sanity bound: no page runs more than a dozen or so queries.
    assert max(small.values()) <= 16, small
