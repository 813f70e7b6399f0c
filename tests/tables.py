"""Builders of the files councils have, for tests: XLSX with merged cells, DOCX tables, CSV dialects, bombs.

Used by the shared reader's tests and by both importers' tests (plan, registry).
"""

from __future__ import annotations

import csv
import io
import zipfile


def csv_file(rows, *, delimiter=",", encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_file(rows, *, merges=(), title="Аркуш") -> bytes:
    """``merges``: ranges like "A3:A5"; cells under a merge should be "" in ``rows`` as Excel keeps them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_file(rows, *, merged_rows=(), vertical=(), title="Додаток до рішення виконавчого комітету") -> bytes:
    """A Word document: a title paragraph and one table.

    ``merged_rows``: indexes of rows whose first cell spans the whole table (heading rows);
    ``vertical``: (column, first_row, last_row) cells merged down (vMerge), text from the first.
    """
    import docx
    from docx.table import _Cell

    document = docx.Document()
    document.add_paragraph(title)
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    for row in rows:
        # cells through their XML: table.cell() re-walks the whole table on every call
        new_row = table.add_row()
        for tc, value in zip(new_row._tr.tc_lst, row, strict=False):
            if value:
                _Cell(tc, table).text = str(value)
    for r in merged_rows:
        text = rows[r][0]
        merged = table.cell(r, 0).merge(table.cell(r, width - 1))
        merged.text = text
    for column, first, last in vertical:
        text = rows[first][column]
        merged = table.cell(first, column).merge(table.cell(last, column))
        merged.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_with_raw_merges(rows, refs) -> bytes:
    """An XLSX whose sheet XML lists ``refs`` as merged ranges as written (openpyxl would expand them)."""
    base = io.BytesIO(xlsx_file(rows))
    out = io.BytesIO()
    merges = f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs) + "</mergeCells>"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", b"</sheetData>" + merges.encode(), 1)
            target.writestr(item, content)
    return out.getvalue()


def xlsx_bomb(*, uncompressed_mb: int = 200, rows_only: bool = False) -> bytes:
    """An XLSX whose sheet (no <dimension>) unpacks to ``uncompressed_mb`` MB of rows: a few hundred KB on disk.

    ``rows_only`` keeps the declared size small (20 MB) but packs a million rows.
    """
    base = io.BytesIO(xlsx_file([["a"]]))
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item.filename))
                continue
            with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData>'
                )
                row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                if rows_only:
                    row = b"<row/>"
                block = row * (1024 * 1024 // len(row))
                for _ in range(20 if rows_only else uncompressed_mb):
                    sheet.write(block)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()
