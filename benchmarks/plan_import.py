"""Benchmark of reading and importing plan tables (issue 19): the shared reader and the plan importer.

    python -m benchmarks.plan_import --rows 1000

Builds the same plan of ``--rows`` tasks as CSV (semicolon, Windows-1251), XLSX (merged principle
cells) and DOCX (merged heading rows); measures ``common.spreadsheets.read_rows`` on each against a
plain ``csv.reader`` over the same CSV (the baseline of the same run), the importer's dry run (time and
SQL queries at ``rows`` and ``rows // 10``), and how long hostile files take to be refused. Writes
nothing that survives: the dry run rolls back.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import time


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ternopil_od.settings")
    import django

    django.setup()


def _plan_rows(count: int) -> list[list[str]]:
    rows = []
    for i in range(count):
        principle = i * 6 // count + 1
        rows.append(
            [
                f"Принцип {principle}" if i == 0 or (i - 1) * 6 // count + 1 != principle else "",
                f"Розділ {i // 25 + 1}",
                f"Завдання номер {i + 1}: оприлюднити набір даних",
                f"Опубліковано {i % 7 + 1} наборів",
                "І квартал 2019 року-IV квартал 2020 року" if i % 2 else "ІІІ-IV квартал 2019 року",
                f"Управління номер {i % 9 + 1}, керівники комунальних підприємств",
            ]
        )
    return rows


def _timed(function, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def run(*, rows: int = 1000) -> dict:
    _setup_django()
    from django.core.exceptions import ValidationError
    from django.db import connection

    from common.spreadsheets import SpreadsheetError, read_rows
    from plan.services import plan_import
    from tests.tables import csv_file, docx_file, xlsx_bomb, xlsx_file

    header = ["Принцип хартії", "Розділ", "Захід", "Очікуваний результат", "Строк виконання", "Відповідальні"]
    body = _plan_rows(rows)
    files = {
        "csv": (csv_file([header, *body], delimiter=";", encoding="cp1251"), "plan.csv"),
        "xlsx": (xlsx_file([["План заходів"], header, *body], merges=["A1:F1"]), "plan.xlsx"),
        "docx": (docx_file([header, *body]), "plan.docx"),
    }
    raw_csv = files["csv"][0]
    baseline = _timed(lambda: list(csv.reader(io.StringIO(raw_csv.decode("cp1251")), delimiter=";")))
    result: dict = {"rows": rows, "baseline_csv_reader_s": round(baseline, 4), "read": {}, "import": {}}
    for kind, (data, name) in files.items():
        seconds = _timed(lambda data=data, name=name: read_rows(data, name))
        result["read"][kind] = {"bytes": len(data), "s": round(seconds, 4), "x_baseline": round(seconds / baseline, 1)}

    def dry_run(data, name):
        return plan_import(
            data=data, filename=name, title=f"bench {time.time()}", start="2019Q1", end="2020Q4", dry_run=True
        )

    for count in (rows // 10, rows):
        data = csv_file([header, *_plan_rows(count)], delimiter=";", encoding="cp1251")
        queries: list[int] = []

        def count_query(execute, *args, queries=queries):
            queries.append(1)
            return execute(*args)

        with connection.execute_wrapper(count_query):
            started = time.perf_counter()
            report = dry_run(data, "plan.csv")
            seconds = time.perf_counter() - started
        result["import"][count] = {"tasks": report.tasks, "s": round(seconds, 3), "queries": len(queries)}

    bomb = xlsx_bomb()
    started = time.perf_counter()
    with contextlib.suppress(SpreadsheetError):
        read_rows(bomb, "bomb.xlsx")
    result["zip_bomb"] = {
        "bytes": len(bomb),
        "declared_unpacked_mb": 200,
        "refused_s": round(time.perf_counter() - started, 4),
    }
    rows_bomb = xlsx_bomb(rows_only=True)
    started = time.perf_counter()
    with contextlib.suppress(ValidationError):
        dry_run(rows_bomb, "rows.xlsx")
    result["row_bomb"] = {"bytes": len(rows_bomb), "refused_s": round(time.perf_counter() - started, 4)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    print(json.dumps(run(rows=parser.parse_args().rows), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
