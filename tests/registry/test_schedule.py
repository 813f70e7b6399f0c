import datetime as dt

import pytest

from registry.choices import Frequency, ScheduleMode
from registry.schedule import add_months, is_overdue, next_due_date, period_end, schedule_base_date

D = dt.date
ROLLING, CALENDAR = ScheduleMode.ROLLING, ScheduleMode.CALENDAR

# last update 2023-05-17 (a Wednesday); calendar offset 10 days.
EVERY_FREQUENCY = [
    (Frequency.MORE_THAN_DAILY, ROLLING, D(2023, 5, 18)),
    (Frequency.DAILY, ROLLING, D(2023, 5, 18)),
    (Frequency.WEEKLY, ROLLING, D(2023, 5, 24)),
    (Frequency.MONTHLY, ROLLING, D(2023, 6, 17)),
    (Frequency.QUARTERLY, ROLLING, D(2023, 8, 17)),
    (Frequency.HALF_YEARLY, ROLLING, D(2023, 11, 17)),
    (Frequency.YEARLY, ROLLING, D(2024, 5, 17)),
    (Frequency.ON_CHANGE, ROLLING, None),
    (Frequency.NO_LONGER_UPDATED, ROLLING, None),
    (Frequency.MORE_THAN_DAILY, CALENDAR, D(2023, 5, 27)),
    (Frequency.DAILY, CALENDAR, D(2023, 5, 27)),
    (Frequency.WEEKLY, CALENDAR, D(2023, 5, 31)),  # week ends Sunday 21 May
    (Frequency.MONTHLY, CALENDAR, D(2023, 6, 10)),
    (Frequency.QUARTERLY, CALENDAR, D(2023, 7, 10)),
    (Frequency.HALF_YEARLY, CALENDAR, D(2023, 7, 10)),
    (Frequency.YEARLY, CALENDAR, D(2024, 1, 10)),
    (Frequency.ON_CHANGE, CALENDAR, None),
    (Frequency.NO_LONGER_UPDATED, CALENDAR, None),
]


@pytest.mark.parametrize(("frequency", "mode", "expected"), EVERY_FREQUENCY)
def test_every_frequency_in_both_modes(frequency, mode, expected):
    assert next_due_date(last_update=D(2023, 5, 17), frequency=frequency, mode=mode) == expected


def test_every_frequency_and_mode_is_covered():
    assert {(f, m) for f, m, _ in EVERY_FREQUENCY} == {(f, m) for f in Frequency for m in ScheduleMode}


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2023, 3, 31), 1, D(2023, 4, 30)),
        (D(2023, 8, 31), 6, D(2024, 2, 29)),
        (D(2023, 11, 30), 3, D(2024, 2, 29)),
        (D(2023, 12, 15), 1, D(2024, 1, 15)),
        (D(2023, 10, 31), 3, D(2024, 1, 31)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("last", "frequency", "expected"),
    [
        (D(2023, 1, 31), Frequency.MONTHLY, D(2023, 2, 28)),
        (D(2024, 1, 31), Frequency.MONTHLY, D(2024, 2, 29)),
        (D(2023, 11, 30), Frequency.QUARTERLY, D(2024, 2, 29)),
        (D(2023, 8, 31), Frequency.HALF_YEARLY, D(2024, 2, 29)),
        (D(2024, 2, 29), Frequency.YEARLY, D(2025, 2, 28)),
        (D(2023, 12, 31), Frequency.DAILY, D(2024, 1, 1)),
        (D(2024, 2, 28), Frequency.DAILY, D(2024, 2, 29)),
        (D(2023, 12, 28), Frequency.WEEKLY, D(2024, 1, 4)),
    ],
)
def test_rolling_month_ends_and_leap_years(last, frequency, expected):
    assert next_due_date(last_update=last, frequency=frequency, mode=ROLLING) == expected


@pytest.mark.parametrize(
    ("last", "frequency", "offset", "expected"),
    [
        (D(2024, 1, 15), Frequency.QUARTERLY, 10, D(2024, 4, 10)),
        (D(2024, 3, 31), Frequency.QUARTERLY, 10, D(2024, 4, 10)),
        (D(2024, 4, 1), Frequency.QUARTERLY, 10, D(2024, 7, 10)),
        (D(2024, 12, 31), Frequency.QUARTERLY, 0, D(2024, 12, 31)),
        (D(2024, 2, 10), Frequency.MONTHLY, 0, D(2024, 2, 29)),
        (D(2023, 2, 10), Frequency.MONTHLY, 0, D(2023, 2, 28)),
        (D(2024, 2, 10), Frequency.MONTHLY, 1, D(2024, 3, 1)),
        (D(2023, 2, 10), Frequency.MONTHLY, 1, D(2023, 3, 1)),
        (D(2024, 12, 5), Frequency.MONTHLY, 10, D(2025, 1, 10)),
        (D(2024, 7, 1), Frequency.HALF_YEARLY, 15, D(2025, 1, 15)),
        (D(2024, 6, 30), Frequency.HALF_YEARLY, 15, D(2024, 7, 15)),
        (D(2024, 1, 1), Frequency.YEARLY, 31, D(2025, 1, 31)),
        (D(2024, 12, 30), Frequency.WEEKLY, 3, D(2025, 1, 8)),  # Monday; week ends Sunday 5 January
        (D(2024, 12, 29), Frequency.WEEKLY, 0, D(2024, 12, 29)),  # a Sunday is the end of its own week
        (D(2024, 2, 28), Frequency.DAILY, 1, D(2024, 2, 29)),
    ],
)
def test_calendar_mode(last, frequency, offset, expected):
    assert next_due_date(last_update=last, frequency=frequency, mode=CALENDAR, calendar_offset_days=offset) == expected


@pytest.mark.parametrize("mode", list(ScheduleMode))
def test_grace_days_are_added(mode):
    plain = next_due_date(last_update=D(2024, 1, 31), frequency=Frequency.MONTHLY, mode=mode)
    graced = next_due_date(last_update=D(2024, 1, 31), frequency=Frequency.MONTHLY, mode=mode, grace_days=5)
    assert graced - plain == dt.timedelta(days=5)


def test_datetime_is_taken_as_its_date():
    moment = dt.datetime(2024, 1, 31, 23, 59)
    assert next_due_date(last_update=moment, frequency=Frequency.MONTHLY) == D(2024, 2, 29)


def test_no_last_update_no_due_date():
    assert next_due_date(last_update=None, frequency=Frequency.MONTHLY) is None


def test_unknown_frequency_is_rejected():
    with pytest.raises(ValueError):
        next_due_date(last_update=D(2024, 1, 1), frequency="fortnightly")


@pytest.mark.parametrize(
    ("day", "frequency", "expected"),
    [
        (D(2024, 2, 14), Frequency.MONTHLY, D(2024, 2, 29)),
        (D(2024, 5, 1), Frequency.QUARTERLY, D(2024, 6, 30)),
        (D(2024, 9, 30), Frequency.QUARTERLY, D(2024, 9, 30)),
        (D(2024, 10, 1), Frequency.QUARTERLY, D(2024, 12, 31)),
        (D(2024, 6, 30), Frequency.HALF_YEARLY, D(2024, 6, 30)),
        (D(2024, 7, 1), Frequency.HALF_YEARLY, D(2024, 12, 31)),
        (D(2024, 3, 3), Frequency.YEARLY, D(2024, 12, 31)),
        (D(2024, 3, 4), Frequency.WEEKLY, D(2024, 3, 10)),
    ],
)
def test_period_end(day, frequency, expected):
    assert period_end(day, frequency) == expected


def test_period_end_refuses_frequencies_without_period():
    with pytest.raises(ValueError):
        period_end(D(2024, 1, 1), Frequency.ON_CHANGE)


def test_schedule_base_date_prefers_last_update_then_publication_then_creation():
    created = dt.datetime(2024, 1, 5, 10, 0)
    assert schedule_base_date(last_updated_at=None, first_published=None, created_at=created) == D(2024, 1, 5)
    assert schedule_base_date(last_updated_at=None, first_published=D(2023, 6, 1), created_at=created) == D(2023, 6, 1)
    last = dt.datetime(2024, 3, 1, 9, 0)
    assert schedule_base_date(last_updated_at=last, first_published=D(2023, 6, 1), created_at=created) == D(2024, 3, 1)
    assert schedule_base_date(last_updated_at=None, first_published=None, created_at=None) is None


def test_is_overdue_from_the_day_after_the_due_date():
    assert not is_overdue(D(2024, 2, 29), D(2024, 2, 29))
    assert is_overdue(D(2024, 2, 29), D(2024, 3, 1))
    assert not is_overdue(None, D(2024, 3, 1))
