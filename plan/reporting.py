"""Reporting periods and the checks of a progress report (no ORM writes; the service calls these).

* ``default_period(today)``: the quarter a new update reports on. During the first
  ``REPORTING_GRACE_WEEKS`` weeks of a quarter it is the quarter just ended (a Q4 report typed on
  5 January is about Q4), afterwards the current quarter.
* ``period_choices(plan, today)``: the quarters one may report on: inside the plan, not in the future.
* ``is_late(...)``: a report needs a reason for delay when the task's due date has passed and the
  reported status is neither completed nor cancelled (the plan's "overdue" rule, for one task).
* ``indicator_value_errors(...)``: field -> message for one indicator value (number, unit, percent).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.conf import settings

from common.quarters import Quarter

from .choices import CLOSED_STATUSES

MAX_VALUE = Decimal("9999999999.99")  # DecimalField(max_digits=12, decimal_places=2)
PERCENT_UNITS = ("%", "відс", "percent")


def default_period(today: dt.date) -> Quarter:
    current = Quarter.containing(today)
    grace_end = current.first_day() + dt.timedelta(weeks=settings.REPORTING_GRACE_WEEKS)
    return current.previous() if today < grace_end else current


def default_period_for(*, plan, today: dt.date) -> Quarter:
    """``default_period`` kept inside the plan: a report typed after the plan ended is about its last quarter."""
    return max(min(default_period(today), plan.end), plan.start)


def period_choices(*, plan, today: dt.date) -> list[Quarter]:
    """Quarters of ``plan`` up to the current one, newest first (a finished plan: up to its end)."""
    last = min(Quarter.containing(today), plan.end)
    if last < plan.start:
        return []
    return list(reversed(plan.start.until(last)))


def parse_period(value) -> Quarter:
    """A Quarter from a Quarter, its index, or text like 2019Q4; ValueError with a Ukrainian message."""
    if isinstance(value, Quarter):
        return value
    if isinstance(value, int):
        return Quarter.from_index(value)
    return Quarter.parse(str(value))


def period_error(*, period: Quarter, plan, today: dt.date) -> str | None:
    if period > Quarter.containing(today):
        return f"Не можна звітувати за майбутній квартал ({period.label()})."
    if period < plan.start or period > plan.end:
        return f"{period.label()} не входить до періоду плану ({plan.start.label()} – {plan.end.label()})."
    return None


def is_late(*, due_date: dt.date | None, status: str, today: dt.date) -> bool:
    return due_date is not None and due_date < today and status not in CLOSED_STATUSES


def is_percent_unit(unit: str) -> bool:
    unit = (unit or "").strip().lower()
    return any(unit.startswith(mark) for mark in PERCENT_UNITS)


def to_decimal(value) -> Decimal | None:
    """A number from int, float, Decimal or text ("12,5" too); None when it is not a finite number."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def plain_number(number: Decimal) -> str:
    """20.00 -> "20", 45.50 -> "45.5" (as stored in an update's indicator values)."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def indicator_value_errors(*, indicator, actual, target=None, unit=None) -> dict[str, str]:
    """Problems with one reported value of ``indicator``: {"actual"|"target"|"unit": message}."""
    errors: dict[str, str] = {}
    if unit not in (None, "") and str(unit).strip().lower() != (indicator.unit or "").strip().lower():
        errors["unit"] = f"Одиниця показника — «{indicator.unit or 'без одиниці'}», а не «{unit}»."
    percent = is_percent_unit(indicator.unit)
    for name, raw, required in (("actual", actual, True), ("target", target, False)):
        if raw in (None, ""):
            if required:
                errors[name] = "Вкажіть фактичне значення показника."
            continue
        number = to_decimal(raw)
        if number is None:
            errors[name] = f"«{raw}» — не число."
        elif number < 0:
            errors[name] = "Значення не може бути від’ємним."
        elif percent and number > 100:
            errors[name] = "Значення у відсотках має бути від 0 до 100."
        elif number > MAX_VALUE or number.as_tuple().exponent < -2:
            errors[name] = "Число має бути не більше 9 999 999 999,99 і мати не більше двох знаків після коми."
    return errors


def rollup_percent(pairs) -> int | None:
    """Mean completion of numeric indicators: pairs of (actual, target), each capped at 100 %."""
    shares = [min(actual / target, 1) for actual, target in pairs if target and target > 0 and actual is not None]
    return round(100 * sum(shares) / len(shares)) if shares else None


def indicator_rollup(task) -> int | None:
    """The task's percent from its indicators' latest accepted actual values against their targets."""
    pairs = []
    for indicator in task.indicators.prefetch_related("values"):
        values = sorted(indicator.values.all(), key=lambda v: v.quarter_index)
        if values:
            latest = values[-1]
            pairs.append((latest.actual_value, latest.target_value or indicator.target_value))
    return rollup_percent(pairs)


def indicator_points(indicator, values) -> list[tuple[str, float | None, float | None]]:
    """(period label, actual, target) per reported period, for ``common.charts.indicator_chart``;
    a period's own target wins over the indicator's overall one."""
    overall = indicator.target_value
    points = []
    for value in sorted(values, key=lambda v: v.quarter_index):
        target = value.target_value if value.target_value is not None else overall
        label = str(Quarter.from_index(value.quarter_index))
        points.append((label, float(value.actual_value), None if target is None else float(target)))
    if not points and overall is not None:
        points.append(("—", None, float(overall)))
    return points
