"""The "since your last visit" bookkeeping."""

import datetime as dt

import pytest
from django.utils import timezone

from workspace.services import visit_record

pytestmark = pytest.mark.django_db


def test_a_new_session_moves_the_previous_visit(coordinator):
    t0 = timezone.now() - dt.timedelta(days=2)
    first = visit_record(user=coordinator, session_key="a", now=t0)
    assert (first.previous_visit_at, first.current_visit_at) == (None, t0)
    again = visit_record(user=coordinator, session_key="a", now=t0 + dt.timedelta(minutes=5))
    assert (again.previous_visit_at, again.current_visit_at) == (None, t0)  # a reload changes nothing
    t1 = t0 + dt.timedelta(days=1)
    later = visit_record(user=coordinator, session_key="b", now=t1)
    assert (later.previous_visit_at, later.current_visit_at) == (t0, t1)
