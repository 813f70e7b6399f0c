"""The benchmark at a tiny scale: the job's query count grows by at most one per batch."""

import pytest

from benchmarks.reminders import run
from registry.models import Dataset
from reminders.models import ReminderLog

# Not wrapped in a transaction: the job commits each digest and sends it at once, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def test_query_count_grows_only_per_batch():
    small = run(datasets=60, overdue=20, due_soon=4, departments=3, batch_size=10, chunk=25, analyze=False)
    large = run(datasets=600, overdue=80, due_soon=16, departments=3, batch_size=10, chunk=25, analyze=False)
    assert (small["selected_rows"], large["selected_rows"]) == (24, 96)
    assert (small["items"], large["items"]) == (24, 96)
    assert small["emails"] == large["emails"] == 3
    assert large["batches"] - small["batches"] == 7
    assert large["queries"] - small["queries"] <= large["batches"] - small["batches"]
    # Same batches, ten times the datasets that are not due: not one more query.
    far = run(datasets=6000, overdue=20, due_soon=4, departments=3, batch_size=10, chunk=2000, analyze=False)
    assert far["queries"] == small["queries"]
    # The benchmark cleans up after itself.
    assert not Dataset.objects.exists() and not ReminderLog.objects.exists()
