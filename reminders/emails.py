"""Rendering a digest from the log into a Ukrainian e-mail (plain text and HTML)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .choices import ItemKind, MessageKind


def _date(value) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.strftime("%d.%m.%Y")


# Subjects of the quarterly round and the overdue chase (reminders/quarterly.py).
QUARTERLY_SUBJECTS = {
    MessageKind.TASK_REPORT_ROUND: "Звіт про виконання плану дій за {quarter_label}",
    MessageKind.TASK_REPORT_REMINDER: "Нагадування: звіт за {quarter_label} — до {deadline_label}",
    MessageKind.TASK_REPORT_MISSING: "Звіт за {quarter_label} не подано",
    MessageKind.TASK_REPORT_ESCALATION: "Підрозділи не подали звіт за {quarter_label}",
    MessageKind.TASK_REPORT_HEAD: "Ваш підрозділ не подав звіт за {quarter_label}",
    MessageKind.TASK_OVERDUE: "Прострочені завдання плану дій",
    MessageKind.TASK_OVERDUE_ESCALATION: "Прострочені завдання плану дій за підрозділами",
    MessageKind.TASK_OVERDUE_HEAD: "Прострочені завдання плану дій вашого підрозділу",
}


def subject_for(kind: str, date: dt.date, extra: dict) -> str:
    council = settings.COUNCIL_NAME
    if kind == MessageKind.DATASET_DIGEST:
        text = f"Нагадування про оновлення наборів даних на {_date(date)}"
    elif kind == MessageKind.DATASET_ESCALATION:
        text = f"Набори даних, прострочені понад {extra.get('overdue_days')} дн., станом на {_date(date)}"
    elif kind == MessageKind.HEAD_ESCALATION:
        text = f"Набори даних вашого підрозділу прострочені понад {extra.get('overdue_days')} дн."
    elif kind == MessageKind.TASK_QUARTER_START:
        text = f"Завдання плану дій, строк яких спливає у {extra.get('quarter_label')}"
    elif kind == MessageKind.TASK_QUARTER_END:
        text = f"До кінця кварталу {extra.get('days_left')} дн.: невиконані завдання плану дій"
    elif kind in QUARTERLY_SUBJECTS:
        text = QUARTERLY_SUBJECTS[kind].format(**{"quarter_label": "", "deadline": "", **extra})
    else:
        raise ValueError(f"Unknown reminder kind {kind}")
    return f"{council}: {text}"[:255]


def _context(log, items) -> dict:
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    for kind_items in by_kind.values():
        kind_items.sort(key=lambda i: (i.due_date, i.title))
    departments = [
        (name, list(group))
        for name, group in groupby(
            sorted(items, key=lambda i: (i.data.get("department", ""), i.due_date, i.title)),
            key=lambda i: i.data.get("department", ""),
        )
    ]
    return {
        "log": log,
        "extra": log.extra,
        "council_name": settings.COUNCIL_NAME,
        "site_url": settings.SITE_URL,
        "reference_date": log.reference_date,
        "overdue": by_kind.get(ItemKind.OVERDUE, []),
        "due_today": by_kind.get(ItemKind.DUE_TODAY, []),
        "due_soon": by_kind.get(ItemKind.DUE_SOON, []),
        "items": sorted(items, key=lambda i: (i.due_date, i.title)),
        "departments": departments,
        "quarter_end": dt.date.fromisoformat(log.extra["quarter_end"]) if "quarter_end" in log.extra else None,
    }


def build_message(log, items) -> EmailMultiAlternatives:
    context = _context(log, items)
    with translation.override("uk"):
        text = render_to_string(f"reminders/email/{log.kind}.txt", context)
        html = render_to_string(f"reminders/email/{log.kind}.html", context)
    message = EmailMultiAlternatives(
        subject=log.subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[log.recipient]
    )
    message.attach_alternative(html, "text/html")
    return message
