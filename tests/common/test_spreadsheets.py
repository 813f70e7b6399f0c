"""The shared table reader: dialects, merged cells, headers found below titles, hostile files refused early."""

import time

import pytest

from common.spreadsheets import (
    Limits,
    SpreadsheetError,
    find_header_row,
    header_key,
    parse_mapping,
    read_rows,
    sniff_delimiter,
)
from tests.tables import csv_file, docx_file, xlsx_bomb, xlsx_file, xlsx_with_raw_merges

TABLE = [
    ["Назва", "Строк", "Виконавці"],
    ["Перший, з комою", "І квартал 2019 року", "Відділ зв’язків"],
    ["Другий", "2020 рік", "Управління; ще одне"],
]


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (";", "utf-8-sig"), (";", "cp1251"), ("\t", "utf-8"), (";", "utf-8"), ("\t", "utf-16")],
)
def test_csv_dialects_read_alike(delimiter, encoding):
    data = csv_file(TABLE, delimiter=delimiter, encoding=encoding)
    assert read_rows(data, "plan.csv") == TABLE


def test_sniffing_is_not_fooled_by_a_title_with_commas():
    text = "План заходів, дій та інше\r\nА;Б;В\r\n1;2;3\r\n4;5,5;6\r\n"
    assert sniff_delimiter(text) == ";"


def test_xlsx_title_row_and_merged_cells_carried():
    rows = [
        ["План заходів на 2019-2020 роки", "", ""],
        ["Принцип", "Захід", "Строк"],
        ["І. Відкритість", "Перший", "2019 рік"],
        ["", "Другий", "2020 рік"],
    ]
    data = xlsx_file(rows, merges=["A1:C1", "A3:A4"])
    read = read_rows(data, "plan.xlsx")
    assert read[0] == ["План заходів на 2019-2020 роки"] * 3
    assert [r[0] for r in read[2:]] == ["І. Відкритість", "І. Відкритість"]
    assert read[3][1:] == ["Другий", "2020 рік"]


def test_xlsx_numbers_and_dates_as_people_write_them():
    import datetime as dt

    read = read_rows(xlsx_file([["a", 12.0, dt.datetime(2020, 10, 5, 10, 0), dt.date(2020, 2, 29)]]), "r.xlsx")
    assert read == [["a", "12", "05.10.2020 10:00", "29.02.2020"]]


def test_docx_merged_heading_rows_and_vertical_merges():
    rows = [
        ["№ з/п", "Найменування заходу", "Строк виконання"],
        ["Принцип 1. Відкритість за замовчуванням", "", ""],
        ["1", "Перший", "2019 рік"],
        ["2", "Другий", ""],
    ]
    data = docx_file(rows, merged_rows=[1], vertical=[(2, 2, 3)])
    read = read_rows(data, "plan.docx")
    assert read[0] == rows[0]
    assert read[1] == ["Принцип 1. Відкритість за замовчуванням"] * 3
    assert read[3] == ["2", "Другий", "2019 рік"]


def test_header_found_below_titles_by_synonyms_and_mapping():
    synonyms = {"title": ["захід", "найменування заходу"], "deadline": ["строк", "термін"], "who": ["виконавці"]}
    rows = [["Додаток 1"], ["", "", ""], ["№ з/п", "Найменування  заходу:", "Строк виконання", "Хто"], ["1", "a", "b"]]
    match = find_header_row(rows, synonyms, required=["title", "deadline", "who"], mapping={"хто": "who"})
    assert match.row_number == 3
    assert match.columns == {"title": 1, "deadline": 2, "who": 3}
    assert match.described() == [("Найменування  заходу:", "title"), ("Строк виконання", "deadline"), ("Хто", "who")]
    with pytest.raises(SpreadsheetError, match=r"Рядок 3 \(заголовки\): бракує колонок «who»"):
        find_header_row(rows, synonyms, required=["title", "deadline", "who"])
    with pytest.raises(SpreadsheetError, match="Невідоме поле"):
        find_header_row(rows, synonyms, mapping={"Хто": "nobody"})


def test_header_key_and_mapping_syntax():
    assert header_key("Зв’язки  З'ЯЗКИ:") == header_key("зв'язки з’язки")
    assert parse_mapping(["Хто саме=who", " Ще = x "]) == {"Хто саме": "who", "Ще": "x"}
    assert parse_mapping("A=b\n\nC=d") == {"A": "b", "C": "d"}
    with pytest.raises(SpreadsheetError, match="Заголовок=поле"):
        parse_mapping(["без знака"])


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"a,b\r\nc,d\x00e\r\n", "x.csv", "Рядок 2, колонка B: клітинка містить нульовий байт"),
        (b"a,b\r\nc," + b"x" * 200_000 + b"\r\n", "x.csv", "Рядок 2: клітинка задовга"),
        (b"a,b\r\nc," + b"x" * 20_000 + b"\r\n", "x.csv", "Рядок 2: клітинка задовга"),
        (b"<html><body>hi</body></html>", "x.html", "Підтримуються файли CSV, XLSX і DOCX"),
        (b"", "x.csv", "Файл порожній"),
        (b"not a zip", "x.xlsx", "Файл XLSX пошкоджений"),
        (b"PK\x03\x04broken", "x.docx", "Файл DOCX пошкоджений"),
    ],
)
def test_hostile_files_refused_with_their_message(data, filename, message):
    with pytest.raises(SpreadsheetError, match=message):
        read_rows(data, filename)


def test_long_cell_in_xlsx_names_row_and_column():
    data = xlsx_file([["a", "b"], ["c", "x" * 20_000]])
    with pytest.raises(SpreadsheetError, match="Рядок 2, колонка B: клітинка задовга") as caught:
        read_rows(data, "x.xlsx")
    assert caught.value.row == 2


def test_size_cap_before_parsing():
    with pytest.raises(SpreadsheetError, match="Файл завеликий: найбільше 1 КБ"):
        read_rows(b"a" * 2000, "x.csv", limits=Limits(max_bytes=1024))


def test_row_cap():
    data = csv_file([["a"]] * 30)
    with pytest.raises(SpreadsheetError, match="Забагато рядків"):
        read_rows(data, "x.csv", limits=Limits(max_rows=20))


@pytest.mark.parametrize(
    ("kwargs", "message"), [({}, "після розпакування завеликий"), ({"rows_only": True}, "Забагато рядків")]
)
def test_zip_bombs_refused_in_under_two_seconds(kwargs, message):
    import tracemalloc

    bomb = xlsx_bomb(**kwargs)
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(SpreadsheetError, match=message):
            read_rows(bomb, "bomb.xlsx")
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 2 and peak < 20 * 1024 * 1024  # the bomb's 200 MB are never unpacked


def test_huge_merged_ranges_do_not_inflate_the_table():
    data = xlsx_with_raw_merges([["a", "b"], ["c", ""]], ["B2:XFD1048576"])
    started = time.perf_counter()
    assert read_rows(data, "x.xlsx") == [["a", "b"], ["c", ""]]
    assert time.perf_counter() - started < 2
    many = xlsx_with_raw_merges([["a", "b"]] * 10, ["A1:B10"] * 5)
    with pytest.raises(SpreadsheetError, match="Забагато об’єднаних клітинок"):
        read_rows(many, "x.xlsx")


def test_docx_bomb_refused_from_the_zip_directory():
    import io
    import zipfile

    out = io.BytesIO()
    block = b"<w:p/>" * (1024 * 1024 // 6)
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(100):
            member.write(block)
    started = time.perf_counter()
    with pytest.raises(SpreadsheetError, match="Файл DOCX після розпакування завеликий"):
        read_rows(out.getvalue(), "plan.docx")
    assert time.perf_counter() - started < 2
