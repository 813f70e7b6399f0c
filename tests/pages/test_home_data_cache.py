"""The home page's registry figures and latest updates: read once per public data version and day."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.choices import ReviewState
from plan.models import ProgressUpdate
from portal import home_cache
from portal.views import UPDATES_ON_HOME
from registry.models import Dataset


@pytest.fixture(autouse=True)
def _clear_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the whole-page cache would hide what is measured here
    cache.clear()
    yield
    cache.clear()


def _dataset_scans(queries):
    return [q["sql"] for q in queries.captured_queries if 'FROM "registry_dataset"' in q["sql"]]


def _update_sorts(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if "ORDER BY" in q["sql"] and "LIMIT" in q["sql"] and 'FROM "plan_progressupdate"' in q["sql"]
    ]


@pytest.mark.django_db
def test_registry_figures_cached_until_data_changes(client, department):
    Dataset.objects.create(identifier="a", title="Набір А", slug="nabir-a", department=department)
    with CaptureQueriesContext(connection) as cold:
        first = client.get("/")
    with CaptureQueriesContext(connection) as warm:
        second = client.get("/")
    assert first.context["registry"].total == 1 and second.context["registry"].total == 1
    assert _dataset_scans(cold) and not _dataset_scans(warm)
    assert len(warm.captured_queries) < len(cold.captured_queries)
    # A new dataset (a model save bumps the public data version) is counted at once.
    Dataset.objects.create(identifier="b", title="Набір Б", slug="nabir-b", department=department)
    assert client.get("/").context["registry"].total == 2


@pytest.mark.django_db
def test_latest_updates_cached_and_fresh_after_a_change(client, build):
    builder = build(4)
    with CaptureQueriesContext(connection) as cold:
        shown = [u.pk for u in client.get("/").context["updates"]]
    assert len(shown) == UPDATES_ON_HOME
    expected = list(
        ProgressUpdate.objects.filter(task__plan=builder.plan, review_state=ReviewState.ACCEPTED)
        .order_by("-date", "-created_at", "-id")
        .values_list("pk", flat=True)[:UPDATES_ON_HOME]
    )
    assert shown == expected
    with CaptureQueriesContext(connection) as warm:
        page = client.get("/")
    assert [u.pk for u in page.context["updates"]] == shown  # from the cached ids, rows fetched by id
    assert page.context["updates"][0].task.title  # with their task joined
    assert _update_sorts(cold) and not _update_sorts(warm)
    # A newer update (a save bumps the public data version) comes first at once.
    newest = ProgressUpdate.objects.create(
        task=builder.tasks[0], date=dt.date(2030, 1, 1), author=builder.author, status="limited", percent=10
    )
    assert client.get("/").context["updates"][0].pk == newest.pk


def test_keys_hold_version_and_date():
    key = home_cache._key("registry", dt.date(2026, 3, 1))
    assert key.startswith("home-data:registry:") and key.endswith(":2026-03-01")
