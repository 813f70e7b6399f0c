"""Benchmark of the CKAN API's package_search (issue 20) at registry scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_ckan \
        python -m benchmarks.ckan_search --scales 1000 100000

Uses a database of its own (the name must contain "bench"; created if missing, its registry
EMPTIED). For each scale: bulk_create the datasets (40 departments, Ukrainian titles, tags and
formats, 90 % published, modification dates over five years), then time typical calls through
the test client (the median of ``repeats``, alternating with the trivial view, whose median is
the baseline), count their SQL queries, and show the query plan of a full-text search.
Prints the Markdown section for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass

WORDS = (  # noqa: SIM905
    "бюджет транспорт освіта школи медицина лікарні екологія повітря вода земля будівництво дозволи реєстр "
    "паркування маршрути зупинки аптеки культура спорт туризм енергетика тарифи закупівлі договори депутати "
    "рішення звернення петиції вакансії підприємства оренда майно ремонт дороги освітлення відходи парки дерева "
    "тварини виплати субсидії населення вибори комунальні послуги житло ціни безпека пожежі укриття велодоріжки"
).split()
# Filler words (2,000 made of Ukrainian syllables): each real word above is in ~4 % of the datasets.
_SYLLABLES = "ко ла ми ре ту на ві до сь пе ри ка ло зе бу ча жи фо".split()  # noqa: SIM905
FILLER = sorted({"".join(random.Random(n).choices(_SYLLABLES, k=3)) + "ка" for n in range(6000)})[:2000]
FORMATS = ["CSV", "XLSX", "JSON", "XML", "PDF", "GEOJSON", "CSV, XLSX", "JSON, CSV", "XML, JSON", "CSV, PDF"]
LICENSES = ["CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "CC0-1.0", "cc-by", "odc-odbl", "other-open"]
FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly", "on_change"]
TAG = "ckan-bench"
# Days before now: modified within five years, created before that, data updated before the record.
SPREAD_DATES = {
    True: "UPDATE registry_dataset SET updated_at = NOW() - (id % 1800) * INTERVAL '1 day', "
    "created_at = NOW() - (id % 1800 + id % 300) * INTERVAL '1 day', last_updated_at = CASE WHEN "
    "last_updated_at IS NULL THEN NULL ELSE NOW() - (id % 1800 + id % 50) * INTERVAL '1 day' END",
    False: "UPDATE registry_dataset SET updated_at = datetime('now', '-' || (id % 1800) || ' days'), "
    "created_at = datetime('now', '-' || (id % 1800 + id % 300) || ' days'), last_updated_at = CASE WHEN "
    "last_updated_at IS NULL THEN NULL ELSE datetime('now', '-' || (id % 1800 + id % 50) || ' days') END",
}


@dataclass
class Case:
    label: str
    params: dict


def cases(org: str, tag: str, since: str) -> list[Case]:
    facets = json.dumps(["organization", "tags", "res_format", "license_id"])
    return [
        Case("no parameters (default sort, 10 rows)", {}),
        Case("q=бюджет", {"q": "бюджет"}),
        Case("q=title:бюджет", {"q": "title:бюджет"}),
        Case("q=бюджет школи, sort score", {"q": "бюджет школи"}),
        Case(f"fq=organization:{org}", {"fq": f"organization:{org}"}),
        Case(f"fq=-organization:{org} tags:{tag} res_format:CSV",
             {"fq": f"-organization:{org} tags:{tag} res_format:CSV"}),
        Case("fq=metadata_modified:[30 days ago TO *], sort modified", {"fq": f"metadata_modified:[{since} TO *]",
                                                                        "sort": "metadata_modified desc"}),
        Case("4 facets, no q", {"facet.field": facets}),
        Case("q=бюджет + fq + 4 facets + rows=100", {"q": "бюджет", "fq": "res_format:CSV license_id:CC-BY-4.0",
                                                     "facet.field": facets, "rows": 100}),
        Case("harvester page: sort=id asc, start=50% of count, rows=100", {"sort": "id asc", "start": "HALF",
                                                                           "rows": 100}),
    ]  # fmt: skip


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def generate(total: int, *, fresh: bool, seed: int = 2019, departments: int = 40) -> float:
    """Make the registry hold ``total`` generated datasets (``fresh``: from none); returns seconds spent."""
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import Department
    from common.cache import public_data_changed
    from registry.models import Dataset

    started = time.perf_counter()
    rng = random.Random(seed + total)
    with transaction.atomic():
        deps = list(Department.objects.filter(name__startswith=f"{TAG} "))
        if len(deps) < departments:
            Department.objects.bulk_create(
                Department(name=f"{TAG} Управління {WORDS[i]} {i}", short_name=f"Упр {WORDS[i]} {i}",
                           email=f"d{i}@example.org", match_key=f"{TAG}-{i}")
                for i in range(len(deps), departments)
            )  # fmt: skip
            deps = list(Department.objects.filter(name__startswith=f"{TAG} ").order_by("pk"))
        have = Dataset.objects.count()
        if fresh or have > total:
            Dataset.objects.all().delete()
            have = 0
            started = time.perf_counter()  # the time of making the data, not of clearing the old
        batch = []
        for i in range(have, total):
            words = rng.sample(WORDS, 2)
            batch.append(
                Dataset(
                    identifier=f"bench-{i}", slug=f"bench-{i}", department=deps[i % len(deps)],
                    title=f"{words[0].capitalize()} {' '.join(rng.choices(FILLER, k=2))} {words[1]} {i}",
                    description=" ".join([*rng.choices(FILLER, k=25), rng.choice(WORDS)]),
                    keywords=", ".join([words[0], f"тема {i % 500}"]),
                    formats=rng.choice(FORMATS), license=rng.choice(LICENSES), frequency=rng.choice(FREQUENCIES),
                    status="published" if i % 10 else "planned",
                    last_updated_at=timezone.now() if i % 2 else None,
                )
            )  # fmt: skip
            if len(batch) == 5000:
                Dataset.objects.bulk_create(batch)
                batch = []
        Dataset.objects.bulk_create(batch)
        # auto_now fields were set to now; spread the dates over five years as a real registry has them.
        with connection.cursor() as cursor:
            cursor.execute(SPREAD_DATES[connection.vendor == "postgresql"])
    public_data_changed()  # bulk writes bypass the signals that keep cached figures fresh
    if connection.vendor == "postgresql":
        # As autovacuum leaves a live table: statistics and visibility map (no VACUUM inside a transaction).
        with connection.cursor() as cursor:
            cursor.execute(("" if connection.in_atomic_block else "VACUUM ") + "ANALYZE registry_dataset")
    return time.perf_counter() - started


def measure(repeats: int) -> dict:
    from django.core.cache import cache
    from django.test import Client
    from django.utils import timezone

    from benchmarks.measure import bench_settings, count_queries
    from benchmarks.urls import TRIVIAL_PATH
    from registry.ckan.dicts import department_name
    from registry.selectors import dataset_public

    client = Client(raise_request_exception=True)
    rows = []
    with bench_settings():
        from accounts.models import Department

        org = department_name(Department.objects.filter(name__startswith=f"{TAG} ").order_by("pk").first())
        since = (timezone.now() - timezone.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
        published = dataset_public().count()
        trivial_all = []
        for case in cases(org, WORDS[0], since):
            params = {k: (published // 2 if v == "HALF" else v) for k, v in case.params.items()}
            url = "/api/3/action/package_search"
            cache.clear()  # the first call finds nothing cached
            with count_queries() as queries:
                t0 = time.perf_counter()
                body = client.get(url, params).json()
                first_ms = (time.perf_counter() - t0) * 1000
            assert body["success"], body
            times, trivial = [], []
            for _ in range(repeats):
                t0 = time.perf_counter()
                client.get(url, params)
                times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                client.get(TRIVIAL_PATH)
                trivial.append(time.perf_counter() - t0)
            trivial_all += trivial
            ms, base = statistics.median(times) * 1000, statistics.median(trivial) * 1000
            rows.append(
                (case.label, body["result"]["count"], queries[0], round(first_ms, 1), round(ms, 1), round(ms / base, 1))
            )
    return {"rows": rows, "published": published, "trivial_ms": round(statistics.median(trivial_all) * 1000, 3)}


def plan() -> str:
    """The query plan of the full-text count (does PostgreSQL use the GIN index?)."""
    from registry.ckan.search import Filters, Search, filtered

    qs, _terms = filtered(Search(q="бюджет"), Filters())
    return qs.order_by().values("pk").explain()


def render(results: list[dict], plan_text: str, label: str) -> str:
    lines = ["## Issue 20: CKAN package_search", ""]
    lines.append(
        "`python -m benchmarks.ckan_search` on " + label + ": `/api/3/action/package_search` through the "
        "test client, median of the repeats; ratio = median ÷ the trivial view's median in the same run. "
        "Full text: `to_tsvector('simple', …)` with a GIN index, prefix matches. Queries = SQL statements "
        "of the first call, with an empty cache (they do not grow with the data); later calls reuse the "
        "organization dicts and whole-catalogue facets cached under the public data version."
    )
    for result in results:
        lines += ["", f"**{result['datasets']:,} datasets** ({result['published']:,} published; generated with "
                  f"bulk_create in {result['generate_s']:.1f} s; trivial view {result['trivial_ms']} ms)", "",
                  "| call | count | queries (first call) | first call, ms | median, ms | × trivial |",
                  "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
        lines += [f"| {c} | {n:,} | {q} | {first} | {ms} | {r} |" for c, n, q, first, ms, r in result["rows"]]
    lines += ["", "Plan of the full-text search `q=бюджет` at the largest scale:", "", "```", plan_text, "```", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.database import database_label, ensure_database

    ensure_database()
    call_command("migrate", verbosity=0)
    results = []
    for n, scale in enumerate(sorted(args.scales)):
        seconds = generate(scale, fresh=n == 0)
        print(f"generated {scale} in {seconds:.1f} s", file=sys.stderr, flush=True)
        figures = measure(args.repeats)
        results.append({"datasets": scale, "generate_s": seconds, **figures})
    plan_text = plan() if connection.vendor == "postgresql" else "(SQLite: no full-text index)"
    print(render(results, plan_text, database_label()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
