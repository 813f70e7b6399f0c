"""Update-schedule arithmetic: when is a dataset's next update due. Pure functions, no ORM.

Two modes (``registry.choices.ScheduleMode``):

* rolling — the next update is due one interval after the last one. Monthly and longer
  intervals are calendar months (quarterly = 3, half-yearly = 6, yearly = 12), clamped to
  the end of the month: 31 January + 1 month = 28 (29 in a leap year) February.
  More than once a day and daily are due the next day, weekly seven days later.
* calendar — the next update is due ``offset_days`` after the end of the period that
  contains the last update: the day (more than daily, daily), the ISO week (Monday to
  Sunday), the month, the quarter, the half-year or the year. Quarterly data updated on
  15 January with the default offset of 10 days is due on 10 April.

``grace_days`` are added in both modes. "On every change" and "no longer updated" have no
due date (``None``).

A dataset that has never been marked updated counts from its first publication, or, when it
has not been published yet, from the day its record was created (``schedule_base_date``):
a new record is not overdue on its first day, and its first update is expected one period
after it appeared.
"""

from __future__ import annotations

import calendar
import datetime as dt

from .choices import Frequency, ScheduleMode

NO_DUE_DATE = frozenset({Frequency.ON_CHANGE, Frequency.NO_LONGER_UPDATED})

# Rolling intervals: days for the short ones, calendar months for the rest.
ROLLING_DAYS = {Frequency.MORE_THAN_DAILY: 1, Frequency.DAILY: 1, Frequency.WEEKLY: 7}
ROLLING_MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the last day of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def period_end(day: dt.date, frequency: str) -> dt.date:
    """Last day of the reporting period of ``frequency`` that contains ``day``."""
    frequency = Frequency(frequency)
    if frequency in (Frequency.MORE_THAN_DAILY, Frequency.DAILY):
        return day
    if frequency == Frequency.WEEKLY:
        return day + dt.timedelta(days=6 - day.weekday())
    if frequency == Frequency.MONTHLY:
        last_month = day.month
    elif frequency == Frequency.QUARTERLY:
        last_month = ((day.month - 1) // 3 + 1) * 3
    elif frequency == Frequency.HALF_YEARLY:
        last_month = 6 if day.month <= 6 else 12
    elif frequency == Frequency.YEARLY:
        last_month = 12
    else:
        raise ValueError(f"Періодичність «{frequency.label}» не має звітного періоду")
    return dt.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])


def next_due_date(
    *,
    last_update: dt.date | dt.datetime | None,
    frequency: str,
    mode: str = ScheduleMode.ROLLING,
    calendar_offset_days: int = 10,
    grace_days: int = 0,
) -> dt.date | None:
    """The day by which the next update is due, or ``None`` when the frequency has no due date.

    The dataset is overdue from the day after the returned date (``is_overdue``).
    """
    frequency = Frequency(frequency)
    if frequency in NO_DUE_DATE or last_update is None:
        return None
    day = _as_date(last_update)
    if ScheduleMode(mode) == ScheduleMode.CALENDAR:
        due = period_end(day, frequency) + dt.timedelta(days=calendar_offset_days)
    elif frequency in ROLLING_DAYS:
        due = day + dt.timedelta(days=ROLLING_DAYS[frequency])
    else:
        due = add_months(day, ROLLING_MONTHS[frequency])
    return due + dt.timedelta(days=grace_days)


def schedule_base_date(
    *,
    last_updated_at: dt.date | dt.datetime | None,
    first_published: dt.date | None,
    created_at: dt.date | dt.datetime | None,
) -> dt.date | None:
    """The date the schedule counts from: last update, else first publication, else creation."""
    for value in (last_updated_at, first_published, created_at):
        if value is not None:
            return _as_date(value)
    return None


def is_overdue(due: dt.date | None, today: dt.date) -> bool:
    """Overdue once the due day has passed; datasets without a due date never are."""
    return due is not None and due < today
