"""Downloads as a person opens them: every CSV starts with a UTF-8 BOM (Excel reads the Cyrillic);
the XLSX of tasks and of the registry have headers in the page's language, dates and numbers as
cell values, fitted column widths, an autofilter and a frozen header row."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from plan.exports import COLUMN_LABELS, COLUMNS
from registry.exports import COLUMNS as REGISTRY_COLUMNS
from tests.registry.factories import DatasetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def _assert_laid_out(sheet):
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
    assert all(cell.font.bold for cell in sheet[1])
    for index in range(1, sheet.max_column + 1):
        width = sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width
        assert 8 <= width <= 60, (index, width)


def _header(sheet):
    return [cell.value for cell in sheet[1]]


def _column(sheet, header):
    index = _header(sheet).index(header)
    return [row[index].value for row in sheet.iter_rows(min_row=2)]


def _english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/registry/export.csv",
        "/plan/tasks/export.csv",
        "/registry/passports.csv",
    ],
)
def test_every_public_csv_starts_with_a_bom(client, build, url):
    build(2)
    DatasetFactory(title="Бюджет міста")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";" if "passports" in url else ","))
    assert len(rows) >= 2 and rows[0][0] and not rows[0][0].startswith("\ufeff")


def test_registry_csv_reads_back_in_ukrainian(client):
    DatasetFactory(title="Реєстр ґрунтів і їхніх власників")
    rows = list(csv.DictReader(io.StringIO(client.get("/registry/export.csv").content.decode("utf-8-sig"))))
    assert rows[0]["title"] == "Реєстр ґрунтів і їхніх власників"


def test_task_xlsx_has_ukrainian_headers_typed_cells_and_layout(client, build):
    builder = build(6)
    sheet = _sheet(client.get("/plan/tasks/export.xlsx"))
    assert _header(sheet) == [str(COLUMN_LABELS[c]) for c in COLUMNS]
    assert "Кінцевий термін" in _header(sheet) and "due_date" not in _header(sheet)
    assert sheet.max_row == len(builder.tasks) + 1
    due = [v for v in _column(sheet, "Кінцевий термін") if v is not None]
    assert due and all(isinstance(v, dt.datetime) for v in due)  # a real date cell, not text
    due_cells = [row[_header(sheet).index("Кінцевий термін")] for row in sheet.iter_rows(min_row=2)]
    assert all(c.number_format == "DD.MM.YYYY" for c in due_cells if c.value is not None)
    ids = _column(sheet, "Ідентифікатор")
    assert all(isinstance(v, int) for v in ids)
    assert set(_column(sheet, "Прострочене")) <= {"так", "ні"}
    percents = [v for v in _column(sheet, "Відсоток виконання") if v is not None]
    assert all(isinstance(v, int) for v in percents)
    _assert_laid_out(sheet)


def test_task_xlsx_long_texts_keep_columns_readable(client, build):
    builder = build(1)
    task = builder.tasks[0]
    type(task).objects.filter(pk=task.pk).update(description="Дуже довгий опис завдання. " * 40)
    sheet = _sheet(client.get("/plan/tasks/export.xlsx"))
    _assert_laid_out(sheet)
    index = _header(sheet).index("Опис") + 1
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width == 60


def test_task_xlsx_headers_in_english_on_english_pages(client, build):
    build(2)
    sheet = _sheet(_english(client).get("/plan/tasks/export.xlsx"))
    with translation.override("en"):
        expected = [str(COLUMN_LABELS[c]) for c in COLUMNS]
    assert _header(sheet) == expected
    _assert_laid_out(sheet)


def test_registry_xlsx_has_ukrainian_headers_typed_cells_and_layout(client):
    published = DatasetFactory(title="=cmd()", responsible_email="secret.person@example.org")
    DatasetFactory(title="Бюджет", first_published=dt.date(2019, 3, 4))
    sheet = _sheet(client.get("/registry/export.xlsx"))
    assert _header(sheet) == [str(header) for header, _ in REGISTRY_COLUMNS]
    assert "Назва" in _header(sheet) and "Наступний термін оновлення" in _header(sheet)
    assert sheet.max_row == 3
    assert set(_column(sheet, "Назва")) == {"'=cmd()", "Бюджет"}
    assert dt.datetime(2019, 3, 4) in _column(sheet, "Дата першого оприлюднення")
    assert all(isinstance(v, dt.datetime) for v in _column(sheet, "Останнє оновлення"))
    assert all(isinstance(v, dt.datetime) for v in _column(sheet, "Наступний термін оновлення"))
    assert all(isinstance(v, int) for v in _column(sheet, "Оцінка якості"))
    published.refresh_from_db()
    assert published.quality_score in _column(sheet, "Оцінка якості")
    cells = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    assert "secret.person" not in cells and "Іван Петренко" not in cells  # no personal data
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    _assert_laid_out(sheet)


def test_registry_xlsx_follows_the_list_filters_and_language(client):
    DatasetFactory(title="Оприлюднений")
    DatasetFactory(title="Запланований", status="planned")
    sheet = _sheet(_english(client).get("/registry/export.xlsx?status=planned"))
    with translation.override("en"):
        assert _header(sheet) == [str(header) for header, _ in REGISTRY_COLUMNS]
        title = str(REGISTRY_COLUMNS[1][0])
    assert _column(sheet, title) == ["Запланований"]


def test_registry_xlsx_costs_the_same_queries_for_3_or_30_datasets(client):
    def queries_for(count):
        DatasetFactory.create_batch(count)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/registry/export.xlsx").status_code == 200
        return len(captured)

    few = queries_for(3)
    many = queries_for(27)
    assert many == few


def test_register_of_passports_xlsx_has_the_same_layout(client):
    DatasetFactory.create_batch(2)
    sheet = _sheet(client.get("/registry/passports.xlsx"))
    assert sheet.max_row == 3
    _assert_laid_out(sheet)
