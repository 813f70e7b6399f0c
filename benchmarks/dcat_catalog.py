"""DCAT catalogue pages as the registry grows (issue 20): SQL queries and time per page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_dcat python -m benchmarks.dcat_catalog

Adds published datasets (each with a portal link, a data.gov.ua link and an update with a file
link) in steps, inside a transaction that is rolled back at the end (the database keeps nothing;
its name must contain "bench"). For each size it serialises the first and the last page of the
catalogue in Turtle and in JSON-LD (CATALOG_PAGE_SIZE datasets per page) and prints a Markdown
table: queries per page, median milliseconds, and the time as a ratio to page 1 at the smallest
size, measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time

SIZES = (1_000, 10_000, 50_000)
REPEATS = 7


def _add_datasets(start: int, count: int, department, now) -> None:
    from registry.choices import DatasetStatus, DataTheme, Frequency
    from registry.models import Dataset, DatasetUpdate

    themes = [t.value for t in DataTheme]
    datasets = [
        Dataset(
            identifier=f"bench-dcat-{n}", slug=f"bench-dcat-{n}", title=f"Набір {n:06d}", department=department,
            description="Опис набору даних для каталогу.", keywords="бюджет, місто", formats="CSV, JSON",
            status=DatasetStatus.PUBLISHED, frequency=Frequency.MONTHLY, theme=themes[n % len(themes)],
            first_published=dt.date(2020, 1, 1), last_updated_at=now,
            portal_url=f"https://opendata.example.org/d/{n}", data_gov_ua_url=f"https://data.gov.ua/dataset/{n}",
        )
        for n in range(start, start + count)
    ]  # fmt: skip
    Dataset.objects.bulk_create(datasets, batch_size=2000)
    updates = [
        DatasetUpdate(dataset=d, updated_at=now, link=f"https://opendata.example.org/files/{d.slug}.csv")
        for d in Dataset.objects.filter(identifier__startswith="bench-dcat-", pk__gte=datasets[0].pk).only("pk")
    ]
    DatasetUpdate.objects.bulk_create(updates, batch_size=2000)


def _measure(serialisation: str, page: str) -> tuple[int, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from registry.catalog_feed import catalog_document

    with CaptureQueriesContext(connection) as queries:
        size = len(catalog_document(serialisation=serialisation, page=page).body)
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        catalog_document(serialisation=serialisation, page=page)
        timings.append((time.perf_counter() - started) * 1000)
    return len(queries), statistics.median(timings), size


def run() -> str:
    from django.conf import settings
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import Department

    from .database import check_name

    check_name(connection.settings_dict["NAME"])
    rows, baseline = [], {}
    with transaction.atomic():
        department, _ = Department.objects.get_or_create(
            name="Бенчмарк DCAT", defaults={"match_key": "бенчмарк dcat", "email": "dcat@example.org"}
        )
        done, now = 0, timezone.now()
        for size in SIZES:
            _add_datasets(done, size - done, department, now)
            done = size
            last = str(-(-size // settings.CATALOG_PAGE_SIZE))
            for serialisation in ("turtle", "json-ld"):
                for page in ("1", last):
                    queries, ms, length = _measure(serialisation, page)
                    baseline.setdefault(serialisation, ms)
                    ratio = ms / baseline[serialisation]
                    rows.append(
                        f"| {size:,} | {serialisation} | {page} | {queries} | {ms:.0f} | {ratio:.2f} | {length:,} |"
                    )
        transaction.set_rollback(True)
    header = [
        f"Page size {settings.CATALOG_PAGE_SIZE} datasets (3 distributions each); {connection.vendor}; "
        f"median of {REPEATS}; ratio to page 1 of the same serialisation at {SIZES[0]:,} datasets.",
        "",
        "| published datasets | serialisation | page | SQL queries | ms | ratio | bytes |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    return "\n".join(header + rows)


def main() -> None:
    from .generate import setup_django

    setup_django()
    print(run())
    sys.stdout.flush()


if __name__ == "__main__":
    main()
