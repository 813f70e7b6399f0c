"""The plan as open data: the task list's rows as CSV, XLSX and JSON (pure: give it loaded tasks).

No personal data: departments by name, never people or e-mails. Spreadsheet cells that a
program would run as a formula (``= + - @``, tab, carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.tabular import escape_formula
from common.xlsx import build_xlsx

from .labels import status_label

COLUMNS = [
    "id",
    "plan_id",
    "plan",
    "principle_number",
    "principle",
    "section",
    "position",
    "title",
    "description",
    "indicators",
    "deadline_text",
    "periods",
    "recurring",
    "due_date",
    "status",
    "status_label",
    "percent",
    "overdue",
    "last_update",
    "lead_department",
    "departments",
    "url",
]
# XLSX headers for people, in the page's language; CSV keeps the machine names above.
COLUMN_LABELS = {
    "id": gettext_lazy("Ідентифікатор"),
    "plan_id": gettext_lazy("Ідентифікатор плану"),
    "plan": gettext_lazy("План"),
    "principle_number": gettext_lazy("№ принципу"),
    "principle": gettext_lazy("Принцип"),
    "section": gettext_lazy("Розділ"),
    "position": gettext_lazy("№ завдання"),
    "title": gettext_lazy("Завдання"),
    "description": gettext_lazy("Опис"),
    "indicators": gettext_lazy("Показники виконання"),
    "deadline_text": gettext_lazy("Строк у плані"),
    "periods": gettext_lazy("Періоди виконання"),
    "recurring": gettext_lazy("Постійне"),
    "due_date": gettext_lazy("Кінцевий термін"),
    "status": gettext_lazy("Код стану"),
    "status_label": gettext_lazy("Стан виконання"),
    "percent": gettext_lazy("Відсоток виконання"),
    "overdue": gettext_lazy("Прострочене"),
    "last_update": gettext_lazy("Останнє оновлення"),
    "lead_department": gettext_lazy("Головний виконавець"),
    "departments": gettext_lazy("Виконавці"),
    "url": gettext_lazy("Посилання"),
}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def task_record(task, *, url: str) -> dict:
    """One task as a flat dict (lists for periods and departments). ``task`` comes from ``task_list``."""
    links = sorted(task.task_departments.all(), key=lambda link: (not link.is_lead, link.position, link.pk))
    principle = task.section.principle
    return {
        "id": task.pk,
        "plan_id": task.plan_id,
        "plan": task.plan.title,
        "principle_number": principle.number,
        "principle": principle.title,
        "section": task.section.title,
        "position": task.position,
        "title": task.title,
        "description": task.description,
        "indicators": task.indicators_text,
        "deadline_text": task.deadline_text,
        "periods": [{"start": str(p.start), "end": str(p.end)} for p in task.periods.all()],
        "recurring": task.recurring,
        "due_date": task.due_date,
        "status": task.status,
        "status_label": status_label(task.status),
        "percent": task.percent,
        "overdue": bool(task.is_overdue),
        "last_update": getattr(task, "last_update", None),
        "lead_department": next((link.department.name for link in links if link.is_lead), ""),
        "departments": [link.department.name for link in links],
        "url": url,
    }


def _flat(record: dict) -> list:
    row = []
    for column in COLUMNS:
        value = record[column]
        if column == "periods":
            value = "; ".join(f"{p['start']}–{p['end']}" if p["start"] != p["end"] else p["start"] for p in value)
        elif column == "departments":
            value = "; ".join(value)
        elif isinstance(value, bool):
            value = "так" if value else "ні"
        elif value is None:
            value = ""
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        row.append(escape_formula(value))
    return row


def to_csv(records: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Cyrillic right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(_flat(record))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _typed(record: dict) -> list:
    """A row for XLSX: dates and numbers as cell values, yes/no and lists as text in the page's language."""
    row = []
    for column, flat in zip(COLUMNS, _flat(record), strict=True):
        value = record[column]
        if isinstance(value, bool):
            row.append(_("так") if value else _("ні"))
        elif column != "periods" and (isinstance(value, int | float) or hasattr(value, "isoformat")):
            row.append(value)
        else:
            row.append(flat)
    return row


def to_xlsx(records: list[dict]) -> bytes:
    return build_xlsx([COLUMN_LABELS[c] for c in COLUMNS], (_typed(r) for r in records), title=_("Завдання"))


def to_json(records: list[dict], *, meta: dict) -> bytes:
    return json.dumps(
        {**meta, "count": len(records), "tasks": records}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1
    ).encode("utf-8")
