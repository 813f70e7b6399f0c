"""XLSX and DOCX tables for ``common.spreadsheets.read_rows``: zip guards first, merged cells carried.

Both formats are ZIP archives. Before any XML parser sees them, the archive's directory is checked
(declared uncompressed size, member count) and the sheet or document XML is streamed once to count
rows (and, for XLSX, to collect merged ranges: openpyxl's read-only mode has none). So a zip bomb is
refused in milliseconds and a sheet without ``<dimension>`` cannot make openpyxl parse millions of rows.
"""

from __future__ import annotations

import io
import re
import zipfile

from django.utils.translation import gettext as _

from .spreadsheets import MAX_ZIP_MEMBERS, Limits, SpreadsheetError, check_cells, clean_cell, size_label

_CHUNK = 1024 * 1024


def _open_zip(data: bytes, limits: Limits, kind: str) -> zipfile.ZipFile:
    """Open the archive and refuse it from its directory alone when it would unpack too large."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetError(_("Файл %(kind)s пошкоджений або має інший формат.") % {"kind": kind}) from None
    total = sum(m.file_size for m in members)
    if len(members) > MAX_ZIP_MEMBERS or total > limits.max_uncompressed:
        raise SpreadsheetError(
            _("Файл %(kind)s після розпакування завеликий (%(size)s; найбільше %(max)s).")
            % {"kind": kind, "size": size_label(total), "max": size_label(limits.max_uncompressed)}
        )
    return archive


_ROW_TAG = re.compile(rb"<(?:\w+:)?(?:row|tr)[\s>/]")
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _scan_member(archive: zipfile.ZipFile, member: str, limits: Limits) -> tuple[int, list[tuple[bytes, ...]]]:
    """Count rows in an XML member by streaming it (bounded by its checked size); collect merge refs."""
    rows, merges, tail = 0, [], b""
    try:
        with archive.open(member) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                block = tail + chunk
                # a tag that may continue in the next chunk is left in the tail and counted there
                cut = len(block) - 256 if chunk else len(block)
                rows += sum(1 for m in _ROW_TAG.finditer(block) if m.start() < cut)
                merges += [m.groups() for m in _MERGE_REF.finditer(block) if m.start() < cut]
                if rows > limits.max_rows:
                    raise SpreadsheetError(
                        _("Забагато рядків: понад %(max)s.") % {"max": limits.max_rows}, row=limits.max_rows + 1
                    )
                if not chunk:
                    break
                tail = block[max(cut, 0) :]
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, KeyError):
        raise SpreadsheetError(_("Файл пошкоджений: не вдалося розпакувати «%(name)s».") % {"name": member}) from None
    return rows, merges


def _column_index(letters: bytes) -> int:
    index = 0
    for char in letters:
        index = index * 26 + (char - 64)
    return index - 1


def _carry_merges(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's top-left value into every cell it covers (0-based inclusive bounds).

    Ranges are clipped to the cells that hold data, so "A1:XFD1048576" cannot inflate the table.
    """
    width = max((len(r) for r in rows), default=0)
    budget = 4 * len(rows) * max(width, 1)  # cells visited; honest merges stay far below
    for top, left, bottom, right in merges:
        if top >= len(rows) or left >= width:
            continue
        right = min(right, width - 1)
        budget -= (min(bottom, len(rows) - 1) - top + 1) * (right - left + 1)
        if budget < 0:
            raise SpreadsheetError(_("Забагато об’єднаних клітинок: файл схожий на пошкоджений."))
        value = rows[top][left] if left < len(rows[top]) else ""
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if not row[c]:
                    row[c] = value


def read_xlsx(data: bytes, limits: Limits) -> list[list[str]]:
    from openpyxl import load_workbook

    archive = _open_zip(data, limits, "XLSX")
    # Rows counted and merges collected before openpyxl touches the file: it would parse a sheet
    # without <dimension> to the end just to size it.
    scanned = {
        name: _scan_member(archive, name, limits)[1]
        for name in archive.namelist()
        if name.startswith("xl/worksheets/") and name.endswith(".xml")
    }
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook
        raise SpreadsheetError(_("Файл XLSX пошкоджений або має інший формат.")) from None
    try:
        if not book.worksheets:
            raise SpreadsheetError(_("У файлі XLSX немає аркушів."))
        sheet = book.worksheets[0]
        merge_refs = scanned.get(sheet._worksheet_path.lstrip("/"), [])
        sheet.reset_dimensions()  # a false <dimension> must neither cut nor pad the sheet
        rows: list[list[str]] = []
        for values in sheet.iter_rows(min_row=1, min_col=1, values_only=True):
            rows.append([clean_cell(v) for v in values])
            if len(rows) > limits.max_rows:
                break
    finally:
        book.close()
    merges = [(int(r1) - 1, _column_index(c1), int(r2) - 1, _column_index(c2)) for c1, r1, c2, r2 in merge_refs]
    check_cells(rows, limits)
    _carry_merges(rows, merges)
    return rows


def read_docx(data: bytes, limits: Limits) -> list[list[str]]:
    import docx
    from docx.oxml.ns import qn

    archive = _open_zip(data, limits, "DOCX")
    if "word/document.xml" not in archive.namelist():
        raise SpreadsheetError(_("Файл DOCX пошкоджений або має інший формат."))
    _scan_member(archive, "word/document.xml", limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx raises many kinds for a broken document
        raise SpreadsheetError(_("Файл DOCX пошкоджений або має інший формат.")) from None
    tables = [_docx_table_rows(table._tbl, qn) for table in document.tables]
    if not tables:
        raise SpreadsheetError(_("У документі DOCX немає таблиці."))
    return max(tables, key=lambda rows: sum(len(r) for r in rows))


def _docx_cell_text(tc, qn) -> str:
    text_tag, breaks, tab = qn("w:t"), {qn("w:br"), qn("w:cr")}, qn("w:tab")
    paragraphs = []
    for paragraph in tc.iter(qn("w:p")):
        parts = []
        for node in paragraph.iter(text_tag, tab, *breaks):
            parts.append(node.text or "" if node.tag == text_tag else " " if node.tag == tab else "\n")
        paragraphs.append("".join(parts))
    return clean_cell("\n".join(paragraphs))


def _docx_table_rows(tbl, qn) -> list[list[str]]:
    """Rows of a Word table on its grid: a gridSpan cell repeats across, a vMerge continuation takes the text above."""
    rows: list[list[str]] = []
    for tr in tbl.iter(qn("w:tr")):
        if tr.getparent() is not tbl:
            continue  # a row of a nested table
        row: list[str] = []
        properties = tr.find(qn("w:trPr"))
        before = properties.find(qn("w:gridBefore")) if properties is not None else None
        if before is not None:
            row.extend([""] * int(before.get(qn("w:val"), "0") or 0))
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span, continues = 1, False
            if tc_pr is not None:
                grid_span = tc_pr.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = max(1, min(int(grid_span.get(qn("w:val"), "1") or 1), 64))
                v_merge = tc_pr.find(qn("w:vMerge"))
                continues = v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue"
            column = len(row)
            if continues and rows:
                above = rows[-1]
                text = above[column] if column < len(above) else ""
            else:
                text = _docx_cell_text(tc, qn)
            row.extend([text] * span)
        rows.append(row)
    return rows
