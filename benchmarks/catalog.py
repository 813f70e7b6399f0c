"""Issue 15: what a request for the DCAT catalogue costs after the first, at 1,000 and 100,000 datasets.

    DJANGO_SECRET_KEY=... DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_sec_ops \\
        CACHE_URL=redis://127.0.0.1:6379/2 MEDIA_ROOT=var/bench-media python -m benchmarks.catalog --scales 1000,100000

The run EMPTIES the benchmark database (its name must contain "bench"), then for each scale adds
published datasets with ``bulk_create`` (scales grow: 100,000 adds 99,000 to the first 1,000) and
requests ``/registry/catalog.ttl`` and ``.jsonld`` through the test client: the first request
builds the document (registry/catalog_cache.py), the following ones are timed. Times are also given
as ratios to the trivial view (benchmarks/urls.py) measured in the same run. "view" is the time until
the response is returned (what a worker spends before handing the file to the server); "with
body" includes reading the whole body through Python (gunicorn hands a FileResponse to sendfile).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def add_datasets(total: int) -> float:
    """Grow the registry to ``total`` published datasets; returns the seconds it took."""
    from django.utils import timezone

    from accounts.models import Department
    from common.cache import public_data_changed
    from registry.choices import DatasetStatus, Frequency
    from registry.models import Dataset

    started = time.perf_counter()
    departments = list(Department.objects.order_by("pk"))
    if not departments:
        departments = Department.objects.bulk_create(
            Department(
                name=f"Управління {i}", match_key=f"управління {i}", short_name=f"У{i}", email=f"u{i}@example.org"
            )
            for i in range(20)
        )
    have = Dataset.objects.count()
    now = timezone.now()
    batch = []
    for i in range(have, total):
        batch.append(
            Dataset(
                identifier=f"bench-{i}",
                slug=f"bench-{i}",
                title=f"Набір даних про міські об’єкти №{i}",
                description="Перелік об’єктів із адресами, координатами та контактами. " * 3,
                department=departments[i % len(departments)],
                keywords="місто, об’єкти, адреси",
                formats="CSV, JSON",
                frequency=Frequency.QUARTERLY,
                status=DatasetStatus.PUBLISHED,
                first_published=dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500),
                portal_url=f"https://opendata.example.org/dataset/bench-{i}",
                last_updated_at=now - dt.timedelta(days=i % 90),
                next_due_date=(now + dt.timedelta(days=90 - i % 90)).date(),
            )
        )
        if len(batch) == 5000:
            Dataset.objects.bulk_create(batch)
            batch = []
    if batch:
        Dataset.objects.bulk_create(batch)
    public_data_changed()  # bulk_create sends no signals
    return time.perf_counter() - started


def timed(client, path: str, *, body: bool) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.get(path)
    size = 0
    if body:
        size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{path}: {response.status_code}")
    if hasattr(response, "close"):
        response.close()
    return elapsed, size


def measure(path: str, repeat: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.urls import TRIVIAL_PATH

    client = Client()
    first, size = timed(client, path, body=True)
    views, bodies, trivial = [], [], []
    with CaptureQueriesContext(connection) as queries:
        for _ in range(repeat):
            trivial.append(timed(client, TRIVIAL_PATH, body=True)[0])
            views.append(timed(client, path, body=False)[0])
            bodies.append(timed(client, path, body=True)[0])
    base = statistics.median(trivial)
    view, with_body = statistics.median(views), statistics.median(bodies)
    return {
        "path": path,
        "bytes": size,
        "first_s": round(first, 2),
        "trivial_ms": round(base * 1000, 3),
        "view_ms": round(view * 1000, 3),
        "view_x_trivial": round(view / base, 1),
        "with_body_ms": round(with_body * 1000, 2),
        "with_body_x_trivial": round(with_body / base, 1),
        "queries_after_first": len(queries) // repeat,
        "repeat": repeat,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1000,100000")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--paths", default="/registry/catalog.ttl,/registry/catalog.jsonld")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from benchmarks.database import ensure_database
    from benchmarks.generate import reset_data

    ensure_database()
    call_command("migrate", verbosity=0)
    reset_data()
    cache.clear()
    results = []
    for scale in [int(s) for s in args.scales.split(",")]:
        generated = add_datasets(scale)
        print(f"{scale} datasets ({generated:.1f} s to add)", file=sys.stderr, flush=True)
        for path in args.paths.split(","):
            row = {"datasets": scale, **measure(path, args.repeat)}
            print(json.dumps(row), flush=True)
            results.append(row)
            if args.json:
                with open(args.json, "w") as handle:
                    json.dump(results, handle, indent=1)


if __name__ == "__main__":
    main()
