import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.quarters import Quarter
from feedback import selectors, services
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem

from .factories import make_dataset, published, submit


def at(day: dt.date, hour=12):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.mark.django_db
def test_response_figures_for_a_quarter(coordinator, settings):
    settings.FEEDBACK_UNANSWERED_DAYS = 10
    q = Quarter(2026, 2)  # April - June

    def item(received, answered=None, **kw):
        obj = published(coordinator, **kw)
        FeedbackItem.objects.filter(pk=obj.pk).update(created_at=at(received), first_answered_at=answered)
        return obj

    item(dt.date(2026, 4, 1), at(dt.date(2026, 4, 3)))  # 2 days
    item(dt.date(2026, 4, 10), at(dt.date(2026, 4, 14)))  # 4 days
    item(dt.date(2026, 5, 1), at(dt.date(2026, 5, 21)))  # 20 days
    item(dt.date(2026, 6, 25))  # unanswered but only 5 days old at the end of June
    stale = item(dt.date(2026, 6, 1))  # unanswered, 29 days old at the end of June
    item(dt.date(2026, 3, 30), at(dt.date(2026, 4, 2)))  # received before, answered inside
    item(dt.date(2026, 7, 2))  # after the quarter
    for n in range(3):
        services.feedback_vote(item=stale, cookie_id=f"v{n}", ip=f"192.0.2.{n}")

    figures = selectors.feedback_quarter_figures(q)
    assert figures["received"] == 5
    assert figures["answered"] == 4
    assert figures["median_days_to_first_answer"] == 4.0
    assert figures["unanswered_over_days"] == 1
    assert [(r["pk"], r["vote_count"]) for r in figures["most_voted_open"]] == [(stale.pk, 3)]


@pytest.mark.django_db
def test_figures_empty_period():
    figures = selectors.feedback_response_figures(start=dt.date(2020, 1, 1), end=dt.date(2020, 3, 31))
    assert figures["received"] == 0 and figures["median_days_to_first_answer"] is None
    assert figures["most_voted_open"] == []


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_pages_cost_fixed_queries(client, coordinator, department):
    dataset = make_dataset(department)

    def add(n):
        for _ in range(n):
            item = published(coordinator, dataset=dataset)
            services.feedback_vote(item=item, cookie_id="x", ip="192.0.2.1")

    add(2)
    urls = ["/requests/", "/api/v1/requests/", "/requests/feed/"]
    small = [_count_queries(client, u) for u in urls]
    add(10)
    large = [_count_queries(client, u) for u in urls]
    assert small == large
    client.force_login(coordinator)
    small_q = _count_queries(client, "/feedback/moderation/")
    add(5)
    submit()
    assert _count_queries(client, "/feedback/moderation/") == small_q


@pytest.mark.django_db
def test_detail_history_fixed_queries(client, coordinator):
    item = published(coordinator)
    n1 = _count_queries(client, f"/requests/{item.pk}/")
    for status in (FeedbackStatus.IN_PROGRESS, FeedbackStatus.ANSWERED, FeedbackStatus.IN_PROGRESS):
        services.feedback_moderate(item=item, by=coordinator, status=status, public_answer=f"Стан {status}")
    assert _count_queries(client, f"/requests/{item.pk}/") == n1
