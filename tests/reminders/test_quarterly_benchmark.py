"""The quarterly round's cost does not grow with the tasks in a digest (benchmarks/quarterly_round.py)."""

import pytest

from benchmarks import quarterly_round

pytestmark = pytest.mark.django_db


def test_queries_per_digest_do_not_depend_on_the_number_of_tasks(settings):
    settings.REMINDER_BATCH_SIZE = 1000
    small = quarterly_round.run(tasks=24, departments=4, analyze=False)
    large = quarterly_round.run(tasks=240, departments=4, analyze=False)
    assert small["digests"] == large["digests"] == 4 + 2  # one round digest per department, overdue chase
    assert large["items"] == 10 * small["items"]
    assert small["record_queries_per_digest"] == large["record_queries_per_digest"]
    assert len(large["record_queries_per_digest"]) == 1 and len(large["send_queries_per_digest"]) == 1
    assert small["send_queries_per_digest"] == large["send_queries_per_digest"]
    assert small["planning_queries"] == large["planning_queries"]
    assert large["emails"] == large["digests"]
