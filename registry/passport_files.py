"""Dataset passports and the whole register in the passport columns, as CSV, JSON and XLSX.

The passport fields in their order (``passport.PASSPORT_COLUMNS``). The responsible person is
personal data: their name and e-mail are written only when ``personal`` is true (staff);
otherwise the column is there and empty. Cells that a spreadsheet would run as a formula are
escaped. The register file is what the importer reads back unchanged (round trip).
"""

from __future__ import annotations

import csv
import io
import json

from common.tabular import escape_formula
from common.xlsx import build_xlsx

from . import passport
from .choices import Frequency, ukrainian_label
from .models import Dataset

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)


def passport_values(dataset: Dataset, *, personal: bool) -> dict[str, str]:
    """{passport column: cell text}, in the passport's order."""
    cells = {
        "identifier": dataset.identifier,
        "title": dataset.title,
        "description": dataset.description,
        "language": dataset.language,
        "first_published": passport.format_date(dataset.first_published),
        "last_updated_at": passport.format_kyiv_datetime(dataset.last_updated_at),
        "formats": dataset.formats,
        "frequency": ukrainian_label(Frequency(dataset.frequency)) if dataset.frequency else "",
        "keywords": dataset.keywords,
        "links": passport.join_links(dataset.portal_url, dataset.data_gov_ua_url),
        "department": dataset.department.name,
        "responsible": (
            passport.join_responsible(dataset.responsible_person, dataset.responsible_email, with_email=True)
            if personal
            else ""
        ),
        "purpose": dataset.purpose,
    }
    return {label: cells[key] or "" for key, label in passport.PASSPORT_COLUMNS}


def _csv(rows: list[list[str]]) -> bytes:
    # UTF-8 with BOM and semicolons: what Excel in a Ukrainian locale opens and saves.
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([escape_formula(c) for c in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(rows: list[list[str]], title: str) -> bytes:
    # The passport's own text in every cell (its legal format); a frozen, filtered header row.
    header, *body = rows
    return build_xlsx(header, ([escape_formula(c) for c in row] for row in body), title=title)


def passport_file(dataset: Dataset, fmt: str, *, personal: bool) -> bytes:
    """One dataset's passport: JSON an object of fields; CSV and XLSX a field-value table."""
    values = passport_values(dataset, personal=personal)
    if fmt == "json":
        return json.dumps(values, ensure_ascii=False, indent=2).encode("utf-8")
    rows = [["Поле паспорта", "Значення"], *[[label, value] for label, value in values.items()]]
    return _csv(rows) if fmt == "csv" else _xlsx(rows, "Паспорт")


def register_file(datasets, fmt: str, *, personal: bool) -> bytes:
    """The register: "№ з/п" and the passport columns, one dataset a row (JSON: a list of objects)."""
    records = [passport_values(d, personal=personal) for d in datasets]
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8")
    header = [passport.ROW_NUMBER_COLUMN, *[label for _key, label in passport.PASSPORT_COLUMNS]]
    rows = [header, *[[str(n), *record.values()] for n, record in enumerate(records, start=1)]]
    return _csv(rows) if fmt == "csv" else _xlsx(rows, "Реєстр")
