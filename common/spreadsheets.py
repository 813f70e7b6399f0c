"""Reading an uploaded table (CSV, XLSX or a DOCX table) into rows of strings, refusing hostile files early.

The one entry point for every importer (plan, registry), whichever door the file came through::

    rows = read_rows(data, filename)                       # list[list[str]]
    header = find_header_row(rows, SYNONYMS, required=[...], mapping={"Стовпець X": "field"})
    for index in range(header.index + 1, len(rows)): value = header.cell(rows[index], "field")

Row ``rows[i]`` is row ``i + 1`` as the spreadsheet (or the Word table) numbers it, so messages can
say "Рядок N" exactly as the user sees it. Cells are stripped strings (line breaks inside a cell kept
as "\\n"); merged cells carry their value into every cell they cover (a principle merged down a column
fills each row; a heading merged across the table repeats in every column of that row).

- CSV: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1251; the delimiter (comma, semicolon, tab) is the one
  that splits the first records into the most consistent number of columns.
- XLSX (read in ``common.office_tables``): the first worksheet, with openpyxl in read-only mode after
  the zip directory is checked (declared uncompressed size, number of members) and the rows are
  counted by streaming the sheet's XML, which also yields its merged ranges (read-only mode has none).
- DOCX: the largest table of the document; horizontal (gridSpan) and vertical (vMerge) merges carried.

Guards, all before the rows reach an importer, each a :class:`SpreadsheetError` in Ukrainian with the
row (and column) as the user numbers them: file size, uncompressed size (a zip bomb is refused from
its directory in milliseconds), row count, NUL bytes, over-long cells, unreadable files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024  # all members of an XLSX/DOCX together, as declared
MAX_ZIP_MEMBERS = 2000
MAX_ROWS = 20_000
MAX_CELL_CHARS = 10_000


class SpreadsheetError(ValueError):
    """The file cannot be accepted. ``str()`` is the Ukrainian message; ``row``/``column`` when known."""

    def __init__(self, message: str, *, row: int | None = None, column: int | None = None):
        super().__init__(message)
        self.row = row
        self.column = column


@dataclass(frozen=True)
class Limits:
    """Caps applied before and while reading; importers pass their own where they differ."""

    max_bytes: int = MAX_FILE_BYTES
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES
    max_rows: int = MAX_ROWS
    max_cell_chars: int = MAX_CELL_CHARS


def size_label(size: int) -> str:
    """ "2 МБ", "512 КБ": a size as people read it."""
    if size >= 1024 * 1024:
        return f"{round(size / (1024 * 1024), 1):g} МБ"
    return f"{round(size / 1024, 1):g} КБ"


def column_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB": the column as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- entry point --------------------------------------------------------------------------------


def read_rows(data: bytes, filename: str, *, limits: Limits | None = None) -> list[list[str]]:
    """The table in ``data`` as rows of cell strings; ``rows[i]`` is the spreadsheet's row ``i + 1``.

    Raises :class:`SpreadsheetError` (Ukrainian message) for a file too large, of an unsupported
    type, damaged, a zip bomb, too many rows, NUL bytes or a cell longer than the limit.
    """
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise SpreadsheetError(_("Файл завеликий: найбільше %(size)s.") % {"size": size_label(limits.max_bytes)})
    if not data.strip():
        raise SpreadsheetError(_("Файл порожній."))
    name = (filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")):
        from .office_tables import read_xlsx

        rows = read_xlsx(data, limits)
    elif name.endswith(".docx"):
        from .office_tables import read_docx

        rows = read_docx(data, limits)
    elif name.endswith((".csv", ".txt")):
        rows = _read_csv(data, limits)
    else:
        raise SpreadsheetError(_("Підтримуються файли CSV, XLSX і DOCX."))
    check_cells(rows, limits)
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise SpreadsheetError(_("Файл порожній."))
    return rows


def check_cells(rows: list[list[str]], limits: Limits) -> None:
    if len(rows) > limits.max_rows:
        raise SpreadsheetError(
            _("Забагато рядків: %(count)s; найбільше %(max)s.") % {"count": len(rows), "max": limits.max_rows}
        )
    for row_index, row in enumerate(rows):
        for col_index, value in enumerate(row):
            if "\x00" in value:
                raise SpreadsheetError(
                    _("Рядок %(row)s, колонка %(col)s: клітинка містить нульовий байт (NUL); файл пошкоджений.")
                    % {"row": row_index + 1, "col": column_letter(col_index)},
                    row=row_index + 1,
                    column=col_index,
                )
            if len(value) > limits.max_cell_chars:
                raise SpreadsheetError(
                    _("Рядок %(row)s, колонка %(col)s: клітинка задовга (%(length)s символів; найбільше %(max)s).")
                    % {
                        "row": row_index + 1,
                        "col": column_letter(col_index),
                        "length": len(value),
                        "max": limits.max_cell_chars,
                    },
                    row=row_index + 1,
                    column=col_index,
                )


def clean_cell(value) -> str:
    """A cell as text: stripped lines, no-break spaces as spaces, whole numbers without ".0", dates dd.mm.yyyy."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M") if (value.hour, value.minute) != (0, 0) else value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.strip().split("\n"))


# --- CSV ----------------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode text"), else Windows-1251
    (what Excel in a Ukrainian locale writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SpreadsheetError(_("Файл CSV має бути в кодуванні UTF-8 або Windows-1251.")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        raise SpreadsheetError(_("Файл CSV має бути в кодуванні UTF-8 або Windows-1251.")) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``,`` ``;`` and tab that gives the most records of the same width (> 1 column)."""
    sample = text[:65536].replace("\x00", "")
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        try:
            widths = [len(r) for r in islice(csv.reader(io.StringIO(sample), delimiter=delimiter), 50)]
        except csv.Error:
            continue
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, limits: Limits) -> list[list[str]]:
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    # NUL would stop the csv module with a bare traceback; mark it so that the row can be named.
    text = text.replace("\x00", "\ufffe")
    rows: list[list[str]] = []
    limit = max(limits.max_cell_chars + 1, 1024)
    previous = csv.field_size_limit()
    csv.field_size_limit(limit)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error:
                raise SpreadsheetError(
                    _("Рядок %(row)s: клітинка задовга або має незакриті лапки (найбільше %(max)s символів).")
                    % {"row": len(rows) + 1, "max": limits.max_cell_chars},
                    row=len(rows) + 1,
                ) from None
            rows.append([clean_cell(c).replace("\ufffe", "\x00") for c in record])
            if len(rows) > limits.max_rows:
                break
    finally:
        csv.field_size_limit(previous)
    return rows


# --- headers ------------------------------------------------------------------------------------

_APOSTROPHES = re.compile("[’'ʼ`‘]")
_NON_WORD = re.compile(r"[^\w№]+")
IGNORE = "-"  # the field name that tells find_header_row to skip a column


def header_key(text: str) -> str:
    """A header as compared: lower case, no apostrophes, punctuation as single spaces ("Строк  виконання:")."""
    text = _APOSTROPHES.sub("", (text or "").lower())
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass
class HeaderMatch:
    """Where the header row is and which column became which field."""

    index: int  # rows[index] is the header row; its spreadsheet number is index + 1
    columns: dict[str, int]  # field -> column index
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header text as written
    unrecognised: list[str] = field(default_factory=list)  # header texts mapped to no field

    @property
    def row_number(self) -> int:
        return self.index + 1

    def cell(self, row: list[str], name: str) -> str:
        index = self.columns.get(name)
        return row[index] if index is not None and index < len(row) else ""

    def described(self) -> list[tuple[str, str]]:
        """(header as written, field) pairs in column order, for a preview."""
        return sorted(((self.headers[f], f) for f in self.columns), key=lambda pair: self.columns[pair[1]])


def parse_mapping(pairs) -> dict[str, str]:
    """``["Header=field", ...]`` or a text with one pair per line -> {header: field}. Raises SpreadsheetError."""
    if isinstance(pairs, str):
        pairs = [line for line in pairs.splitlines() if line.strip()]
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        header, sep, name = pair.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise SpreadsheetError(
                _("Відповідність колонок «%(pair)s»: очікується «Заголовок=поле».") % {"pair": pair.strip()}
            )
        mapping[header.strip()] = name.strip()
    return mapping


def _field_for(key: str, synonyms: dict[str, list[str]]) -> tuple[str | None, int]:
    """The field whose synonym equals the header or begins it (longest synonym wins)."""
    best, best_length = None, 0
    for name, words in synonyms.items():
        for word in words:
            word_key = header_key(word)
            if not word_key:
                continue
            if (key == word_key or key.startswith(word_key + " ")) and len(word_key) > best_length:
                best, best_length = name, len(word_key)
    return best, best_length


def find_header_row(
    rows: list[list[str]],
    synonyms: dict[str, list[str]],
    *,
    required: list[str] | tuple[str, ...] = (),
    mapping: dict[str, str] | None = None,
    ignore: list[str] | tuple[str, ...] = ("№", "№ з/п", "№ п/п", "з/п", "п/п", "номер"),
    scan: int = 30,
) -> HeaderMatch:
    """Find the header row among the first ``scan`` rows (title rows above it are skipped).

    ``synonyms`` maps each field to header texts that mean it; a header matches when, compared by
    :func:`header_key` (case, apostrophes, spaces and punctuation ignored), it equals a synonym or
    starts with one ("Виконавчі органи, відповідальні за реалізацію" ~ "виконавчі органи").
    ``mapping`` ({"header as written": "field"}, field ``"-"`` to skip) overrides the synonyms and
    names fields not in ``synonyms``' keys only if listed there. The chosen row is the first that has
    every ``required`` field, else the one with most fields; missing required fields raise
    :class:`SpreadsheetError` naming them and that row.
    """
    explicit = {header_key(k): v for k, v in (mapping or {}).items()}
    unknown = sorted({v for v in explicit.values() if v != IGNORE and v not in synonyms})
    if unknown:
        raise SpreadsheetError(
            _("Невідоме поле у відповідності колонок: %(fields)s. Можливі: %(known)s.")
            % {"fields": ", ".join(unknown), "known": ", ".join(synonyms)}
        )
    ignored = {header_key(i) for i in ignore}
    best: HeaderMatch | None = None
    for index, row in enumerate(rows[:scan]):
        match = HeaderMatch(index=index, columns={})
        strength: dict[str, int] = {}
        for column, text in enumerate(row):
            key = header_key(text)
            if not key:
                continue
            if key in explicit:
                name, length = explicit[key], 10_000
                if name == IGNORE:
                    continue
            elif key in ignored:
                continue
            else:
                name, length = _field_for(key, synonyms)
            if name is None:
                match.unrecognised.append(text)
                continue
            if name in match.columns and strength[name] >= length:
                continue  # the same text merged across columns, or a weaker second candidate
            match.columns[name], match.headers[name], strength[name] = column, text, length
        if required and all(r in match.columns for r in required):
            return match
        if best is None or len(match.columns) > len(best.columns):
            best = match
    if best is None or not best.columns:
        raise SpreadsheetError(
            _("Не знайдено рядок заголовків у перших %(scan)s рядках: бракує колонок %(missing)s.")
            % {"scan": scan, "missing": ", ".join(f"«{r}»" for r in required) or "—"}
        )
    missing = [r for r in required if r not in best.columns]
    if missing:
        raise SpreadsheetError(
            _(
                "Рядок %(row)s (заголовки): бракує колонок %(missing)s. Вкажіть відповідність, "
                "наприклад «%(example)s=%(field)s»."
            )
            % {
                "row": best.row_number,
                "missing": ", ".join(f"«{m}»" for m in missing),
                "example": (best.unrecognised or ["Заголовок"])[0],
                "field": missing[0],
            },
            row=best.row_number,
        )
    return best
