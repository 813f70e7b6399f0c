"""Issue 19, registry side: sloppy and hostile files refused row by row, and the one-pass cost."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Department
from registry.importing import registry_import
from registry.models import Dataset
from tests.tables import csv_file, xlsx_file

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
HEADER = ["identifier", "title", "department", "frequency", "grace_days"]


@pytest.fixture(autouse=True)
def finance(db):
    return Department.objects.create(name="Фінансове управління")


def run(data, name="r.csv", **kwargs):
    return registry_import(data=data, filename=name, dry_run=kwargs.pop("dry_run", False), **kwargs)


def test_duplicate_identifier_in_a_file_is_a_row_error():
    data = csv_file([HEADER, ["a", "Перший", "Фінансове управління", "", ""],
                     ["a", "Другий", "Фінансове управління", "", ""]])  # fmt: skip
    report = run(data)
    assert report.errors == ["Рядок 3, стовпець «identifier»: ідентифікатор «a» уже є в рядку 2."]
    assert Dataset.objects.count() == 0


def test_identifiers_are_trimmed_and_twins_refused():
    data = csv_file([HEADER, ["  budget ", "Бюджет", "Фінансове управління", "", ""],
                     ["budget", "Бюджет 2", "Фінансове управління", "", ""]])  # fmt: skip
    report = run(data)
    assert report.errors == ["Рядок 3, стовпець «identifier»: ідентифікатор «budget» уже є в рядку 2."]
    report = run(csv_file([HEADER, ["  budget ", "Бюджет", "Фінансове управління", "", ""]]))
    assert report.errors == [] and Dataset.objects.get().identifier == "budget"


def test_an_identifier_stored_with_spaces_is_not_given_a_trimmed_twin():
    DatasetFactory(identifier=" routes", department=Department.objects.get())
    report = run(csv_file([HEADER, ["routes", "Маршрути", "Фінансове управління", "", ""]]))
    assert len(report.errors) == 1 and "« routes»" in report.errors[0] and "Рядок 2" in report.errors[0]
    assert Dataset.objects.count() == 1


def test_nested_json_values_are_refused():
    rows = [{"identifier": "j", "title": {"uk": "Назва"}, "department": "Фінансове управління"}]
    report = run(json.dumps(rows, ensure_ascii=False).encode(), "r.json")
    assert report.errors == ["Рядок 1, стовпець «title»: вкладені значення (список чи об’єкт) не підтримуються"]
    assert Dataset.objects.count() == 0


def test_text_in_a_number_column_is_a_ukrainian_message():
    report = run(csv_file([HEADER, ["a", "Назва", "Фінансове управління", "", "десять"]]))
    assert report.errors == ["Рядок 2, стовпець «grace_days»: очікується ціле число, а не «десять»"]
    assert "ConversionSyntax" not in report.errors[0]


def test_bad_email_is_a_row_error_with_the_column():
    data = csv_file([["identifier", "title", "department", "Відповідальна особа"],
                     ["a", "Назва", "Фінансове управління", "Петренко, не-пошта@"]])  # fmt: skip
    report = run(data)
    assert report.errors == [] or "Рядок 2" in report.errors[0]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "r.csv", "Файл порожній."),
        (b"<html><body>hi</body></html>", "r.html", "Підтримуються файли CSV, XLSX і JSON"),
        (b"identifier,title,department\na,B\x00,C\n", "r.csv", "нульовий байт"),
        (b"identifier,title,department\na," + b"x" * 200_000 + b",C\n", "r.csv", "задовга"),
        (b"{not json", "r.json", "Файл не є правильним JSON"),
        (b"[" * 5000, "r.json", "надто глибока вкладеність"),
        (b"[" * 40 + b"{}" + b"]" * 40, "r.json", "надто глибока вкладеність"),
    ],
)
def test_hostile_files_are_refused_with_a_message(data, name, message):
    report = run(data, name)
    assert len(report.errors) == 1 and message in report.errors[0]
    assert Dataset.objects.count() == 0


def _rows(n):
    return [HEADER] + [[f"id-{i}", f"Набір {i}", "Фінансове управління", "Щомісяця", "0"] for i in range(n)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_sql_queries_do_not_grow_with_the_rows(fmt):
    build = csv_file if fmt == "csv" else xlsx_file
    counts = []
    for n in (20, 400):
        Dataset.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            report = run(build(_rows(n)), f"r.{fmt}")
        assert report.errors == [] and Dataset.objects.count() == n
        inserts = sum(1 for q in queries.captured_queries if q["sql"].startswith("INSERT"))
        counts.append((len(queries) - inserts, inserts))
    assert counts[0][0] == counts[1][0], counts
    if connection.vendor == "postgresql":  # SQLite's 999-parameter limit splits the insert into batches
        assert counts[0] == counts[1], counts


def test_reimport_with_changes_is_a_fixed_number_of_queries_too():
    run(csv_file(_rows(300)))
    changed = [HEADER] + [
        [f"id-{i}", f"Набір {i} (уточнено)", "Фінансове управління", "Щороку", "1"] for i in range(300)
    ]
    with CaptureQueriesContext(connection) as queries:
        report = run(csv_file(changed))
    assert report.totals == {"update": 300}
    updates = [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(queries) - len(updates) <= 8
    if connection.vendor == "postgresql":  # SQLite's parameter limit splits the UPDATE into batches
        assert len(updates) == 1
    assert set(Dataset.objects.values_list("frequency", flat=True)) == {"yearly"}


@pytest.mark.parametrize("rows_only", [False, True])
def test_xlsx_zip_bomb_refused_quickly_and_nothing_written(rows_only):
    import time

    from tests.tables import xlsx_bomb

    bomb = xlsx_bomb(uncompressed_mb=200, rows_only=rows_only)
    started = time.perf_counter()
    report = run(bomb, "registry.xlsx")
    assert time.perf_counter() - started < 2
    assert len(report.errors) == 1 and ("завеликий" in report.errors[0] or "Забагато рядків" in report.errors[0])
    assert Dataset.objects.count() == 0
