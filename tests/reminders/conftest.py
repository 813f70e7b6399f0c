import datetime as dt

import pytest
import time_machine

from reminders.services import reminders_run

WEDNESDAY = dt.date(2026, 6, 10)
MONDAY = dt.date(2026, 6, 8)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the job at 08:00 Kyiv time on ``day`` with a frozen clock; returns the result."""

    def _run(day: dt.date, **kwargs):
        with (
            time_machine.travel(dt.datetime(day.year, day.month, day.day, 5, 0, tzinfo=dt.UTC), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            return reminders_run(**kwargs)

    return _run


@pytest.fixture
def outbox(db, mailoutbox):
    """pytest-django's outbox (emptied before each test): the e-mails the locmem backend sent."""
    return mailoutbox
