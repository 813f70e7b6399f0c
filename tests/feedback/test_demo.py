import io

import pytest

from feedback import demo
from feedback.models import FeedbackItem, Vote


@pytest.mark.django_db
def test_demo_load_twice(coordinator, client):
    demo.load(io.StringIO())
    items, votes = FeedbackItem.objects.count(), Vote.objects.count()
    demo.load(io.StringIO())
    assert (FeedbackItem.objects.count(), Vote.objects.count()) == (items, votes)
    assert items >= 4 and votes > 0
    assert FeedbackItem.objects.exclude(public_answer="").exists()
    assert not FeedbackItem.objects.filter(status="new").exists()
    assert client.get("/requests/").context["page"].paginator.count == items


@pytest.mark.django_db
def test_demo_without_any_coordinator():
    demo.load(io.StringIO())
    assert FeedbackItem.objects.exists()
