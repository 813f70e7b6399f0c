"""Reading and validating a plan table (CSV, XLSX or a DOCX annex). No writes here.

The file is read by ``common.spreadsheets`` (dialects, merged cells, hostile-file guards). The header
row is found wherever it is (title rows above it skipped); columns are recognised by synonyms
(:data:`SYNONYMS`: "Найменування заходу", "Строк виконання", "Відповідальні виконавці",
"Очікуваний результат"...) or by an explicit mapping {"header as written": field}; "№ з/п" is ignored.
Only the task, deadline and executors columns are required.

Principles and sections come from their columns or from heading rows (a row whose cells all hold one
text: merged across the table, or written in the first column alone), and carry down until the next.
A principle is recognised by its number (Roman or Arabic, "Принцип 1.", "ІІ.") or by the Charter's
name. Without a section column or heading, a principle's tasks go into a section named as the principle.

``validate_table`` checks every row and returns the parsed rows and every error as
"Рядок N, колонка «X»: ..." (N as the spreadsheet or the Word table numbers rows, X the header as
written); ``plan.services.plan_import`` writes them all or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from common.quarters import Quarter
from common.spreadsheets import IGNORE, HeaderMatch, Limits, SpreadsheetError, find_header_row, header_key, read_rows

from .deadlines import DeadlineError, ParsedDeadline, outside_plan_message, parse_deadline
from .executors import parse_executors

F_PRINCIPLE, F_SECTION, F_TASK, F_DESCRIPTION = "principle", "section", "task", "description"
F_INDICATORS, F_DEADLINE, F_EXECUTORS = "indicators", "deadline", "executors"
FIELD_LABELS = {
    F_PRINCIPLE: "Принцип хартії",
    F_SECTION: "Розділ",
    F_TASK: "Завдання",
    F_DESCRIPTION: "Зміст заходу",
    F_INDICATORS: "Показники виконання",
    F_DEADLINE: "Термін реалізації",
    F_EXECUTORS: "Виконавчі органи",
}
# The project's own layout (kept for exports and existing files).
COL_PRINCIPLE, COL_SECTION, COL_TASK, COL_CONTENT, COL_INDICATORS, COL_DEADLINE, COL_DEPARTMENTS = FIELD_LABELS.values()
COLUMNS = list(FIELD_LABELS.values())
REQUIRED = [F_TASK, F_DEADLINE, F_EXECUTORS]
SYNONYMS: dict[str, list[str]] = {
    F_PRINCIPLE: ["принцип хартії", "принцип", "принципи", "principle"],
    F_SECTION: ["розділ", "напрям", "напрямок", "напрями", "напрям діяльності", "section"],
    F_TASK: [
        "завдання",
        "захід",
        "заходи",
        "найменування заходу",
        "найменування заходів",
        "назва заходу",
        "найменування завдання",
        "task",
        "measure",
    ],
    F_DESCRIPTION: ["зміст заходу", "зміст", "опис заходу", "опис", "description"],
    F_INDICATORS: [
        "показники виконання",
        "показники",
        "показник",
        "очікуваний результат",
        "очікувані результати",
        "індикатор",
        "індикатори",
        "індикатори виконання",
        "indicators",
    ],
    F_DEADLINE: [
        "термін реалізації",
        "термін виконання",
        "строк виконання",
        "строк реалізації",
        "строк",
        "строки",
        "термін",
        "терміни",
        "deadline",
    ],
    F_EXECUTORS: [
        "виконавчі органи",
        "відповідальні виконавці",
        "відповідальні за виконання",
        "відповідальний виконавець",
        "відповідальні",
        "відповідальний",
        "виконавці",
        "виконавець",
        "executors",
    ],
}
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024

CHARTER_PRINCIPLES = {
    1: "Відкритість за замовчуванням",
    2: "Оперативність та вичерпність",
    3: "Доступність та придатність до використання",
    4: "Порівнюваність та інтероперабельність",
    5: "Покращене врядування та залучення громадян",
    6: "Інклюзивний розвиток та інновації",
}
# A principle named without its number: every group of stems must occur (one stem of each group).
_CHARTER_STEMS = {
    1: (("відкрит",), ("замовчуван",)),
    2: (("оперативн", "своєчасн"), ("вичерпн", "повнот")),
    3: (("доступн",), ("використан", "придатн", "готовн")),
    4: (("порівнюван",), ("інтероперабельн", "сумісн")),
    5: (("врядуван", "урядуван"), ("залучен", "участ")),
    6: (("інклюзивн",), ("інновац",)),
}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_PRINCIPLE_RE = re.compile(
    r"^\s*(принцип(?:\s+хартії)?\s*(?:№\s*)?)?([IVX]+|[1-6])(?!\.?\d)\s*(?:[.):–—-]\s*|\s+|$)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ONLY_NUMBERS = re.compile(r"^[\d\s.,)]+$")


class TableError(ValueError):
    """The file cannot be read as a plan table at all (wrong format, no header)."""


@dataclass
class PlanRow:
    row_number: int  # as in the spreadsheet or the Word table
    principle_number: int
    principle_title: str
    section_title: str
    title: str
    description: str
    indicators_text: str
    deadline_text: str
    deadline: ParsedDeadline
    departments: list[str] = field(default_factory=list)  # lead first
    participants: str = ""


@dataclass
class PlanTable:
    rows: list[PlanRow]
    errors: list[str]
    header: HeaderMatch | None = None

    def columns(self) -> list[tuple[str, str]]:
        """(header as written, field label) in column order: what the preview shows."""
        if self.header is None:
            return []
        return [(text, FIELD_LABELS[name]) for text, name in self.header.described()]

    def unrecognised(self) -> list[str]:
        return list(self.header.unrecognised) if self.header else []


def read_table(data: bytes, filename: str, *, max_bytes: int = 20 * 1024 * 1024) -> list[list[str]]:
    """The file as rows of strings (``rows[i]`` is row i + 1). Raises TableError with the reader's message."""
    try:
        return read_rows(data, filename, limits=Limits(max_bytes=max_bytes, max_rows=MAX_ROWS + 50))
    except SpreadsheetError as exc:
        raise TableError(str(exc)) from None


def field_for(name: str) -> str | None:
    """A field named in a mapping: its key ("executors") or words that mean it ("виконавці", "-" to skip)."""
    text = name.strip()
    if text == IGNORE or text in FIELD_LABELS:
        return text
    key = header_key(text)
    for candidate, label in FIELD_LABELS.items():
        if key == header_key(label) or key in (header_key(s) for s in SYNONYMS[candidate]):
            return candidate
    return None


def resolve_mapping(mapping: dict[str, str] | None) -> dict[str, str]:
    """{"header": "field or its Ukrainian name"} -> {"header": field}; unknown fields raise TableError."""
    resolved, unknown = {}, []
    for header, name in (mapping or {}).items():
        target = field_for(name)
        if target is None:
            unknown.append(name)
        else:
            resolved[header] = target
    if unknown:
        known = ", ".join(f"{k} ({v})" for k, v in FIELD_LABELS.items())
        raise TableError(
            _("Невідоме поле у відповідності колонок: %(fields)s. Можливі: %(known)s, «-» (пропустити).")
            % {"fields": ", ".join(unknown), "known": known}
        )
    return resolved


def _principle_by_name(text: str) -> int | None:
    lowered = text.lower().replace("’", "'")
    if len(lowered) > 200:
        return None
    for number, groups in _CHARTER_STEMS.items():
        if all(any(stem in lowered for stem in group) for group in groups):
            return number
    return None


def parse_principle(cell: str, *, in_column: bool = False) -> tuple[int, str] | None:
    """'І. Відкритість за замовчуванням' -> (1, 'Відкритість за замовчуванням'); also "Принцип 2", "3) ...",
    or the Charter's name without a number. None when it is not a principle. A bare Arabic number
    ("1. ...") counts only in the principle column (``in_column``), with "Принцип" or with the Charter's name."""
    text = " ".join((cell or "").split())
    # Cyrillic І and Х look like Roman numerals in council documents.
    latin = text.replace("І", "I").replace("Х", "X")
    match = _PRINCIPLE_RE.match(latin)
    if match:
        prefixed, numeral = match.group(1), match.group(2).upper()
        number = int(numeral) if numeral.isdigit() else _ROMAN.get(numeral)
        title = text[match.start(3) :].strip(" «»\"'.")
        # "1. ..." is often a numbered section: an Arabic number needs "Принцип" or the Charter's name.
        arabic_ok = prefixed or in_column or _principle_by_name(title) == number
        if number is not None and (not numeral.isdigit() or arabic_ok):
            return number, title or CHARTER_PRINCIPLES[number]
        if number is None or prefixed:
            return None
    stripped = re.sub(r"^принцип(?:\s+хартії)?\s*", "", text, flags=re.IGNORECASE).strip(" «»\"'.")
    number = _principle_by_name(stripped)
    return (number, stripped) if number else None


def split_departments(cell: str, known: Callable[[str], bool] = lambda name: False) -> list[str]:
    """The accountable departments named in an executors cell (lead first); see plan.executors."""
    return parse_executors(cell, known).departments


def _heading(row: list[str], header: HeaderMatch) -> str | None:
    """The text of a heading row: one text merged across cells, alone in the first/principle/section column
    (not the task column), or a recognised principle alone anywhere."""
    filled = [(i, c) for i, c in enumerate(row) if c]
    if not filled or len({c for _, c in filled}) != 1:
        return None
    if len(filled) >= 2:
        return filled[0][1]
    index = filled[0][0]
    heading_columns = {0, header.columns.get(F_PRINCIPLE), header.columns.get(F_SECTION)}
    if index in heading_columns and index != header.columns.get(F_TASK):
        return filled[0][1]
    if parse_principle(filled[0][1]):
        return filled[0][1]  # "Принцип 1" alone in the first column, even when that is the task column
    return None


def validate_table(
    rows: list[list[str]],
    *,
    plan_start: Quarter,
    plan_end: Quarter,
    mapping: dict[str, str] | None = None,
    known_department: Callable[[str], bool] = lambda name: False,
) -> PlanTable:
    """Parse every data row; errors name the row and the column as the user sees them."""
    if not rows:
        raise TableError("Файл порожній.")
    try:
        header = find_header_row(rows, SYNONYMS, required=REQUIRED, mapping=resolve_mapping(mapping))
    except SpreadsheetError as exc:
        raise TableError(_missing_columns_message(rows, mapping) or str(exc)) from None
    if len(rows) - header.row_number > MAX_ROWS:
        raise TableError(f"Забагато рядків: {len(rows) - header.row_number}; найбільше {MAX_ROWS}.")
    table = PlanTable(rows=[], errors=[], header=header)
    errors = table.errors
    has_section_column = F_SECTION in header.columns
    principle: tuple[int, str] | None = None
    section = ""
    principle_titles: dict[int, str] = {}
    seen_tasks: dict[str, int] = {}

    def label(name: str) -> str:
        return header.headers.get(name) or FIELD_LABELS[name]

    def cell(row, name):
        return header.cell(row, name)

    def set_principle(found: tuple[int, str]) -> None:
        nonlocal principle, section
        if principle is None or principle[0] != found[0]:
            section = ""
        principle = found

    for index in range(header.index + 1, len(rows)):
        row, row_number = rows[index], index + 1
        if not any(c.strip() for c in row) or all(_ONLY_NUMBERS.match(c) for c in row if c):
            continue  # empty, or the column-number row under a Word header ("1 2 3 4 5 6")

        def error(name, message, row_number=row_number):
            errors.append(f"Рядок {row_number}, колонка «{label(name)}»: {message}")

        heading = _heading(row, header)
        if heading is not None:
            found = parse_principle(heading)
            if found:
                set_principle(found)
                principle_titles.setdefault(found[0], found[1])
            elif heading.lower().startswith("принцип"):
                errors.append(
                    _("Рядок %(row)s: не вдалося розпізнати принцип Хартії «%(text)s».")
                    % {"row": row_number, "text": heading}
                )
            else:
                section = heading
            continue

        principle_cell = cell(row, F_PRINCIPLE)
        if principle_cell:
            found = parse_principle(principle_cell, in_column=True)
            if found is None:
                error(
                    F_PRINCIPLE,
                    _("очікується номер принципу (I–VI або 1–6) або його назва з Хартії, отримано «%(text)s».")
                    % {"text": principle_cell},
                )
                principle = None
            else:
                set_principle(found)
                if principle_titles.setdefault(found[0], found[1]) != found[1]:
                    error(F_PRINCIPLE, f"принцип {found[0]} уже має іншу назву «{principle_titles[found[0]]}».")
        elif principle is None and not errors:
            error(F_PRINCIPLE, "не вказано принцип хартії (у першому рядку групи він обов’язковий).")
        section = cell(row, F_SECTION) or section
        if not section and not has_section_column and principle:
            section = principle[1]
        if not section:
            error(F_SECTION, "не вказано розділ (у першому рядку групи він обов’язковий).")
        title = cell(row, F_TASK)
        if not title:
            error(F_TASK, "не вказано завдання.")
        deadline_text = " ".join(cell(row, F_DEADLINE).split())
        deadline = None
        if not deadline_text:
            error(F_DEADLINE, "не вказано термін реалізації.")
        elif len(deadline_text) > 500:
            error(F_DEADLINE, "текст довший за 500 символів.")
        else:
            try:
                deadline = parse_deadline(deadline_text, plan_start=plan_start, plan_end=plan_end)
            except DeadlineError as exc:
                error(F_DEADLINE, str(exc))
            else:
                outside = outside_plan_message(deadline, plan_start=plan_start, plan_end=plan_end)
                if outside:
                    error(F_DEADLINE, f"«{deadline_text}»: {outside}")
                    deadline = None
        executors = parse_executors(cell(row, F_EXECUTORS), known_department)
        departments = executors.departments
        if not departments:
            if executors.participants:
                error(
                    F_EXECUTORS,
                    _("«%(text)s» — це учасники, а не підрозділ; вкажіть відповідальний підрозділ першим.")
                    % {"text": executors.participants_text},
                )
            else:
                error(F_EXECUTORS, "не вказано виконавчий орган.")
        too_long = [n for n in departments if len(n) > 255]
        if too_long:
            error(F_EXECUTORS, "назва підрозділу довша за 255 символів.")
        duplicate_key = " ".join(f"{title} {cell(row, F_DESCRIPTION)}".lower().split())
        if title and duplicate_key in seen_tasks:
            error(F_TASK, _("завдання повторює рядок %(row)s.") % {"row": seen_tasks[duplicate_key]})
            continue
        if title:
            seen_tasks[duplicate_key] = row_number
        if principle and title and section and deadline and departments and not too_long:
            table.rows.append(
                PlanRow(
                    row_number=row_number,
                    principle_number=principle[0],
                    principle_title=principle_titles.get(principle[0], principle[1]),
                    section_title=section,
                    title=title,
                    description=cell(row, F_DESCRIPTION),
                    indicators_text=cell(row, F_INDICATORS),
                    deadline_text=deadline_text,
                    deadline=deadline,
                    departments=departments,
                    participants=executors.participants_text,
                )
            )
    if not table.rows and not errors:
        errors.append(f"Рядок {header.row_number + 1}: у таблиці немає жодного завдання.")
    return table


def _missing_columns_message(rows: list[list[str]], mapping) -> str | None:
    """ "Рядок N: бракує колонок «Термін реалізації», ..." for the row that looks most like the header."""
    try:
        match = find_header_row(rows, SYNONYMS, mapping=resolve_mapping(mapping))
    except (SpreadsheetError, TableError):
        return None
    missing = [FIELD_LABELS[name] for name in REQUIRED if name not in match.columns]
    if not missing:
        return None
    text = _("Рядок %(row)s: бракує колонок %(columns)s.") % {
        "row": match.row_number,
        "columns": ", ".join(f"«{m}»" for m in missing),
    }
    if match.unrecognised:
        text += " " + _("Нерозпізнані заголовки: %(headers)s; вкажіть відповідність, наприклад «%(example)s».") % {
            "headers": ", ".join(f"«{u}»" for u in match.unrecognised),
            "example": f"{match.unrecognised[0]}=executors",
        }
    return text
