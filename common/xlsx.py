"""One XLSX sheet as a person opens it: a bold, frozen header row with an autofilter, columns
as wide as their content (within bounds), dates and numbers as real cell values."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from django.utils import timezone

MIN_WIDTH = 8
MAX_WIDTH = 60
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def _cell_value(value):
    """Aware date-times in local time without tzinfo (Excel cells have none); None as empty."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def _width_of(value) -> int:
    if isinstance(value, dt.datetime):
        return len("31.12.2020 23:59")
    if isinstance(value, dt.date):
        return len("31.12.2020")
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def build_xlsx(headers: Sequence[str], rows: Iterable[Sequence], *, title: str) -> bytes:
    """The workbook's bytes. String cells must already be formula-escaped by the caller."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([str(header) for header in headers])
    widths = [len(str(header)) for header in headers]
    for row in rows:
        values = [_cell_value(value) for value in row]
        sheet.append(values)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], _width_of(value))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(sheet.max_row, 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
