"""Finding 8 (votes): 20 parallel votes from one address never exceed the per-address cap."""

import threading

import pytest
from django.db import connection, connections

from feedback import services
from feedback.models import Vote
from tests.feedback.factories import published

VOTERS = 20


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite runs one writer)")
@pytest.mark.django_db(transaction=True)
def test_parallel_votes_from_one_address_stay_under_the_cap(coordinator, settings):
    settings.FEEDBACK_VOTES_PER_IP = 3
    item = published(coordinator)
    start = threading.Barrier(VOTERS)
    results, errors = [], []

    def vote(n):
        try:
            start.wait(timeout=30)
            results.append(services.feedback_vote(item=item, cookie_id=f"browser-{n}", ip="198.51.100.7"))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(n,)) for n in range(VOTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert len(results) == VOTERS
    assert sum(r.counted for r in results) == 3
    assert Vote.objects.filter(item=item).count() == 3
    refused = [r for r in results if not r.counted]
    assert {r.reason for r in refused} == {"З вашої мережі за це звернення вже проголосували."}
