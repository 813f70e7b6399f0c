"""Reading and validating a plan table (CSV in UTF-8 or Windows-1251, or XLSX). No writes here.

Columns: ``Принцип хартії``, ``Розділ``, ``Завдання``, ``Зміст заходу``, ``Показники виконання``,
``Термін реалізації``, ``Виконавчі органи`` (a header that starts with one of these names matches, so
"Виконавчі органи, відповідальні за реалізацію" works). Principle and section cells left empty under
the first row of a group are filled down, as in a spreadsheet with merged cells.

``validate_table`` checks every row and returns either the parsed rows or every error as
"Рядок N, колонка «X»: ..."; ``plan.services.plan_import`` writes them all or nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from common.quarters import Quarter

from .deadlines import DeadlineError, ParsedDeadline, outside_plan_message, parse_deadline

COL_PRINCIPLE = "Принцип хартії"
COL_SECTION = "Розділ"
COL_TASK = "Завдання"
COL_CONTENT = "Зміст заходу"
COL_INDICATORS = "Показники виконання"
COL_DEADLINE = "Термін реалізації"
COL_DEPARTMENTS = "Виконавчі органи"
COLUMNS = [COL_PRINCIPLE, COL_SECTION, COL_TASK, COL_CONTENT, COL_INDICATORS, COL_DEADLINE, COL_DEPARTMENTS]
REQUIRED_COLUMNS = [COL_PRINCIPLE, COL_SECTION, COL_TASK, COL_DEADLINE, COL_DEPARTMENTS]
MAX_ROWS = 5000

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_PRINCIPLE_RE = re.compile(r"^\s*([IVX]+)\s*[.)]\s*(\S.*)$")
_DEPARTMENT_SPLIT_RE = re.compile(r"[/;]")


class TableError(ValueError):
    """The file cannot be read as a table at all (wrong format, no header)."""


@dataclass
class PlanRow:
    row_number: int  # as in a spreadsheet: the header is row 1
    principle_number: int
    principle_title: str
    section_title: str
    title: str
    description: str
    indicators_text: str
    deadline_text: str
    deadline: ParsedDeadline
    departments: list[str] = field(default_factory=list)


def _clean(value) -> str:
    if value is None:
        return ""
    text = str(value).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError("Файл CSV має бути в кодуванні UTF-8 або Windows-1251.")


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The table as rows of cell strings, header first. CSV (`,` or `;`) or XLSX."""
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
            raise TableError(f"Не вдалося прочитати файл XLSX: {exc}") from None
        sheet = book.worksheets[0]
        rows = [[_clean(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
        return rows
    if not name.endswith((".csv", ".txt")):
        raise TableError("Підтримуються файли CSV і XLSX.")
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[_clean(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = " ".join(cell.split()).lower()
        for column in COLUMNS:
            if column not in found and key.startswith(column.lower()):
                found[column] = index
                break
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise TableError("Рядок 1: бракує колонок " + ", ".join(f"«{c}»" for c in missing) + ".")
    return found


def parse_principle(cell: str) -> tuple[int, str] | None:
    """'І. Відкритість за замовчуванням' -> (1, 'Відкритість за замовчуванням')."""
    match = _PRINCIPLE_RE.match(cell.replace("І", "I").replace("Х", "X"))
    if not match:
        return None
    number = _ROMAN.get(match.group(1))
    if number is None:
        return None
    # Take the title from the original text (the replacement above only touched numerals' letters).
    return number, cell[match.start(2) :].strip()


def split_departments(cell: str) -> list[str]:
    """Responsible bodies separated by "/" or ";" (never by commas: names contain them)."""
    names: list[str] = []
    for part in _DEPARTMENT_SPLIT_RE.split(cell or ""):
        name = " ".join(part.split())
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names


def validate_table(rows: list[list[str]], *, plan_start: Quarter, plan_end: Quarter) -> tuple[list[PlanRow], list[str]]:
    """Parse every data row; return (rows, errors). Errors name the row and the column."""
    if not rows:
        raise TableError("Файл порожній.")
    columns = _header_map(rows[0])
    if len(rows) - 1 > MAX_ROWS:
        raise TableError(f"Забагато рядків: {len(rows) - 1}; найбільше {MAX_ROWS}.")
    parsed: list[PlanRow] = []
    errors: list[str] = []
    principle: tuple[int, str] | None = None
    section = ""
    principle_titles: dict[int, str] = {}

    def cell(row, column):
        index = columns.get(column)
        return row[index] if index is not None and index < len(row) else ""

    for row_number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue

        def error(column, message, row_number=row_number):
            errors.append(f"Рядок {row_number}, колонка «{column}»: {message}")

        principle_cell = cell(row, COL_PRINCIPLE)
        if principle_cell:
            principle = parse_principle(principle_cell)
            section = ""
            if principle is None:
                error(COL_PRINCIPLE, f"очікується номер римськими цифрами (I–VI) і назва, отримано «{principle_cell}».")
            elif principle_titles.setdefault(principle[0], principle[1]) != principle[1]:
                error(COL_PRINCIPLE, f"принцип {principle[0]} уже має іншу назву «{principle_titles[principle[0]]}».")
        elif principle is None and not errors:
            error(COL_PRINCIPLE, "не вказано принцип хартії (у першому рядку групи він обов’язковий).")
        section = cell(row, COL_SECTION) or section
        if not section:
            error(COL_SECTION, "не вказано розділ (у першому рядку групи він обов’язковий).")
        title = cell(row, COL_TASK)
        if not title:
            error(COL_TASK, "не вказано завдання.")
        deadline_text = " ".join(cell(row, COL_DEADLINE).split())
        deadline = None
        if not deadline_text:
            error(COL_DEADLINE, "не вказано термін реалізації.")
        else:
            try:
                deadline = parse_deadline(deadline_text, plan_start=plan_start, plan_end=plan_end)
            except DeadlineError as exc:
                error(COL_DEADLINE, str(exc))
            else:
                outside = outside_plan_message(deadline, plan_start=plan_start, plan_end=plan_end)
                if outside:
                    error(COL_DEADLINE, f"«{deadline_text}»: {outside}")
                    deadline = None
        departments = split_departments(cell(row, COL_DEPARTMENTS))
        if not departments:
            error(COL_DEPARTMENTS, "не вказано виконавчий орган.")
        too_long = [n for n in departments if len(n) > 255]
        if too_long:
            error(COL_DEPARTMENTS, "назва підрозділу довша за 255 символів.")
        if len(deadline_text) > 500:
            error(COL_DEADLINE, "текст довший за 500 символів.")
        if principle and title and section and deadline and departments and not too_long:
            parsed.append(
                PlanRow(
                    row_number=row_number,
                    principle_number=principle[0],
                    principle_title=principle[1],
                    section_title=section,
                    title=title,
                    description=cell(row, COL_CONTENT),
                    indicators_text=cell(row, COL_INDICATORS),
                    deadline_text=deadline_text,
                    deadline=deadline,
                    departments=departments,
                )
            )
    if not parsed and not errors:
        errors.append("Рядок 2: у таблиці немає жодного завдання.")
    return parsed, errors
