"""The report's full lists as CSV attachments, stored with the PDF and linked from it.

The PDF prints bounded lists (``reports.context.LIST_LIMIT`` rows, texts cut); a council member who
needs every row opens the CSV. Each attachment gets its key (a UUID) before the PDF is rendered, so
the PDF can print its address although the report's id and version are known only when it is stored.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from common.tabular import escape_formula

from .models import AttachmentKind

YES_NO = {True: "так", False: "ні"}
# As the PDF (always Ukrainian) names them; the archive page shows the translated choice labels.
TITLES = {
    AttachmentKind.TASKS_DUE: "Завдання з терміном виконання у кварталі",
    AttachmentKind.OVERDUE: "Прострочені завдання",
    AttachmentKind.UPDATES: "Оновлення щодо виконання",
    AttachmentKind.TASKS: "Перелік завдань плану",
}
TASK_COLUMNS = [
    ("number", "№"),
    ("principle", "Принцип"),
    ("title", "Завдання"),
    ("departments", "Виконавці"),
    ("deadline", "Термін реалізації"),
    ("due", "Кінцевий термін"),
    ("status_label", "Стан"),
    ("percent", "Відсоток виконання"),
    ("completed_on", "Дата виконання"),
    ("overdue", "Прострочено"),
]
UPDATE_COLUMNS = [
    ("date", "Дата"),
    ("period", "Звітний період"),
    ("task_number", "№ завдання"),
    ("task", "Завдання"),
    ("departments", "Виконавці"),
    ("status_label", "Стан"),
    ("percent", "Відсоток виконання"),
    ("text", "Опис виконання"),
    ("delay_reason", "Причина затримки"),
    ("next_steps", "Наступні кроки"),
    ("links", "Підтвердження"),
]
# Section of the snapshot -> (kind, columns).
LISTS = {
    "tasks_due": (AttachmentKind.TASKS_DUE, TASK_COLUMNS),
    "overdue": (AttachmentKind.OVERDUE, TASK_COLUMNS),
    "updates": (AttachmentKind.UPDATES, UPDATE_COLUMNS),
    "appendix": (AttachmentKind.TASKS, TASK_COLUMNS),
}


def _cell(value):
    if isinstance(value, bool):
        return YES_NO[value]
    if value is None:
        return ""
    if isinstance(value, list):  # evidence links
        return "; ".join(link["url"] for link in value)
    return escape_formula(value)


def to_csv(rows: list[dict], columns) -> bytes:
    """UTF-8 with a byte-order mark (spreadsheet programs read the Cyrillic right), Ukrainian headers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for _, header in columns])
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key, _ in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@dataclass
class PreparedAttachment:
    kind: str
    key: uuid.UUID
    path: Path
    rows: int


def attachment_url(key: uuid.UUID) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("reports:attachment", args=[key])


def prepare(snapshot: dict, full_lists: dict[str, list[dict]]) -> list[PreparedAttachment]:
    """Write each full list to a temporary CSV and record its title, address and row count in the
    snapshot (``snapshot["attachments"]``, and ``csv`` of each section) for the PDF to print."""
    prepared: list[PreparedAttachment] = []
    try:
        for section, (kind, columns) in LISTS.items():
            rows = full_lists.get(section, [])
            descriptor, name = tempfile.mkstemp(prefix="report-", suffix=".csv")
            os.close(descriptor)
            path = Path(name)
            prepared.append(PreparedAttachment(kind=kind, key=uuid.uuid4(), path=path, rows=len(rows)))
            path.write_bytes(to_csv(rows, columns))
    except BaseException:
        discard(prepared)
        raise
    snapshot["attachments"] = []
    for section, item in zip(LISTS, prepared, strict=True):
        link = {"kind": item.kind, "title": TITLES[item.kind], "url": attachment_url(item.key)}
        link["rows"] = item.rows
        snapshot["attachments"].append(link)
        snapshot[section]["csv"] = link
    return prepared


def discard(prepared: list[PreparedAttachment]) -> None:
    for item in prepared:
        item.path.unlink(missing_ok=True)
