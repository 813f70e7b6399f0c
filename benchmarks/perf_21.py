"""Benchmark for issue 21 (part): /requests/ and / at a large registry.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_perf_21 python -m benchmarks.perf_21

Uses a database of its own (the name must contain "bench"; created if missing, its data tables
EMPTIED) and fills it with ``benchmarks.generate`` at the "large" scale's requests and votes
(50,000 requests, 150,000 votes; ``--datasets`` and ``--tasks`` bound the rest so that generation
stays short). Then, through the test client with the page cache off, each page's median time over
``--repeats`` requests alternating with the trivial view (the ratio is to the trivial view's median
of the same alternation), its SQL query count, and the database time of the old and new list
queries. Prints the Markdown section for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace

from .generate import SCALES, generate, setup_django

PAGES = [
    ("/requests/", "warm"),
    ("/requests/?sort=new&page=40", "warm"),
    ("/", "warm"),
    ("/", "cold"),  # the first render after a data change: nothing of the home page cached yet
    ("/feedback/new/", "warm"),
    ("/feedback/datasets/?q=бюджет", "warm"),
]


def _timed(c, path: str, *, cold: bool) -> tuple[int, float]:
    from django.core.cache import cache

    if cold:
        cache.clear()
    started = time.perf_counter()
    status = c.get(path).status_code
    return status, time.perf_counter() - started


def time_pages(repeats: int) -> tuple[float, list[dict]]:
    from .measure import bench_settings, client, count_queries
    from .urls import TRIVIAL_PATH

    rows = []
    with bench_settings():
        c = client()
        for _ in range(5):
            _timed(c, TRIVIAL_PATH, cold=False)
        trivial_all = []
        for path, mode in PAGES:
            cold = mode == "cold"
            for _ in range(2):
                _timed(c, path, cold=cold)
            if cold:
                from django.core.cache import cache

                cache.clear()
            with count_queries() as queries:
                _timed(c, path, cold=False)
            page, trivial = [], []
            for _ in range(repeats):
                trivial.append(_timed(c, TRIVIAL_PATH, cold=False)[1])
                status, seconds = _timed(c, path, cold=cold)
                page.append(seconds)
            trivial_all += trivial
            ms, trivial_ms = statistics.median(page) * 1000, statistics.median(trivial) * 1000
            rows.append(
                {
                    "path": path,
                    "mode": mode,
                    "status": status,
                    "ms": ms,
                    "ratio": ms / trivial_ms,
                    "queries": queries[0],
                }
            )
    return statistics.median(trivial_all) * 1000, rows


def _median_ms(func, repeats: int = 5) -> float:
    func()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def query_times() -> list[tuple[str, float]]:
    """Database time of the list's page 1 and its total, the old way (GROUP BY every vote) and now."""
    from django.db.models import Count

    from feedback import selectors
    from feedback.choices import PUBLIC_STATUSES
    from feedback.models import FeedbackItem
    from registry import selectors as registry_selectors

    old_list = (
        FeedbackItem.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("dataset", "fulfilled_dataset", "duplicate_of")
        .annotate(counted=Count("votes", distinct=True))
        .order_by("-counted", "-created_at", "-pk")
    )
    new_list = selectors.feedback_public_list()
    return [
        ("page 1 of /requests/, old: GROUP BY every vote", _median_ms(lambda: list(old_list[:25]))),
        ("page 1 of /requests/, now: stored count, index order", _median_ms(lambda: list(new_list[:25]))),
        ("total of /requests/ (paginator count; now cached per data version)", _median_ms(new_list.count)),
        (
            "home: registry_figures (now cached per data version and date)",
            _median_ms(lambda: registry_selectors.registry_figures(per_department=False)),
        ),
    ]


def render(scale, generate_s: float, trivial_ms: float, rows: list[dict], queries: list, label: str) -> str:
    lines = [
        "## Issue 21 (part): requests list and home page",
        "",
        f"{label}; `python -m benchmarks.perf_21`; data by `benchmarks.generate` (large scale's feedback): "
        f"{scale.feedback:,} requests, {scale.votes:,} votes, {scale.datasets:,} datasets, {scale.tasks:,} tasks, "
        f"{scale.updates:,} progress updates (generated in {generate_s:.0f} s). Page cache off; "
        f"trivial view {trivial_ms:.2f} ms (median of the same run).",
        "",
        "| page | home data cache | status | median ms | × trivial | SQL queries |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        mode = "empty (first view after a change)" if row["mode"] == "cold" else "filled"
        lines.append(
            f"| `{row['path']}` | {mode} | {row['status']} | {row['ms']:.2f} | {row['ratio']:.1f} | {row['queries']} |"
        )
    lines += ["", "| database work | median ms |", "|---|---|"]
    lines += [f"| {name} | {ms:.2f} |" for name, ms in queries]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=2_000)
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command

    from .database import database_label, ensure_database

    ensure_database()
    call_command("migrate", verbosity=0)
    scale = replace(SCALES["large"], datasets=args.datasets, tasks=args.tasks, updates=args.updates)
    started = time.perf_counter()
    generate(scale, log=lambda m: print(m, file=sys.stderr, flush=True))
    generate_s = time.perf_counter() - started
    trivial_ms, rows = time_pages(args.repeats)
    print(render(scale, generate_s, trivial_ms, rows, query_times(), database_label()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
