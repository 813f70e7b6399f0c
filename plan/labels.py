"""Labels of quarters, deadline periods and statuses in the visitor's language (pure, no database).

``Quarter.label()`` is the Ukrainian of council documents; these go through gettext so the
English pages say "quarter IV of 2019" instead.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from common.quarters import ROMAN, Quarter

from .choices import TaskStatus


def quarter_label(quarter: Quarter) -> str:
    """'IV квартал 2019 року' (English: 'quarter IV of 2019')."""
    return _("%(roman)s квартал %(year)s року") % {
        "roman": ROMAN[quarter.number],
        "year": quarter.year,
    }


def period_label(start: Quarter, end: Quarter) -> str:
    """'ІІІ–IV квартал 2019 року', 'IV квартал 2019 року – ІІ квартал 2020 року', or one quarter."""
    if start == end:
        return quarter_label(start)
    if start.year == end.year:
        return _("%(first)s–%(last)s квартал %(year)s року") % {
            "first": ROMAN[start.number],
            "last": ROMAN[end.number],
            "year": start.year,
        }
    return f"{quarter_label(start)} – {quarter_label(end)}"


def status_label(value: str) -> str:
    """The status's name in the visitor's language (TaskStatus labels are lazy translations)."""
    try:
        return str(TaskStatus(value).label)
    except ValueError:
        return value


def status_choices() -> list[tuple[str, str]]:
    """``TaskStatus.choices`` translated, in the order of the OGP scale."""
    return [(value, str(label)) for value, label in TaskStatus.choices]


def ukrainian_status_labels() -> dict[str, str]:
    """Status value -> Ukrainian name, as plain strings: for e-mails and records stored as JSON."""
    with translation.override("uk"):
        return {value: str(label) for value, label in TaskStatus.choices}
