"""Run every benchmark and write BENCHMARKS.md.

    make bench                                   # = python -m benchmarks.run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_od make bench

PostgreSQL when DATABASE_URL is set (a database of its own: created if missing, EMPTIED by the
run; a name without "bench" is refused), else SQLite in var/bench.sqlite3. Steps:

1. reminder job over 100,000 datasets (``benchmarks.reminders``, on the emptied database);
2. for each scale (demo, large): generate the data (timed), count the SQL queries of every
   public page and API list route, time requests to five pages against the trivial view,
   quarterly PDF time and peak memory (``benchmarks.report``);
3. at the large scale also: the overdue query plan, throughput under gunicorn with wrk,
   and the registry import of 10,000 rows against a plain bulk_create.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path

from .generate import SCALES, Scale, generated_data_matches

BASE_DIR = Path(__file__).resolve().parent.parent
NOTE_FILE = Path(__file__).resolve().parent / "closing_note.md"


@dataclass
class Config:
    scales: list[tuple[str, Scale]] = field(
        default_factory=lambda: [("demo", SCALES["demo"]), ("large", SCALES["large"])]
    )
    repeats: int = 25
    trivial_repeats: int = 200
    throughput: bool = True
    throughput_seconds: int = 10
    connections: int = 8
    import_rows: int = 10_000
    reminders: dict | None = field(default_factory=dict)  # kwargs for benchmarks.reminders.run; None: skip
    pdf: bool = True
    explain: bool = True
    seed: int = 2019
    reuse_data: bool = False  # measure the data already in the database when it is what the scale makes
    data_marker: Path | None = None  # where the last generation is recorded (for reuse_data)
    carry_over: dict | None = None  # a previous run's results: parts not measured now are copied from it
    pdf_results: dict = field(default_factory=dict)  # scale name -> PDF figures measured separately
    output: Path = BASE_DIR / "BENCHMARKS.md"
    command: str = "make bench"


def _log(message: str) -> None:
    print(f"[{dt.datetime.now(dt.UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- machine ---------------------------------------------------------------------------------


def machine_info() -> dict:
    import django
    from django.db import connection

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            db_version = "PostgreSQL " + cursor.fetchone()[0]
    elif connection.vendor == "sqlite":
        import sqlite3

        db_version = "SQLite " + sqlite3.sqlite_version
    else:
        db_version = connection.vendor
    try:
        from importlib.metadata import version

        gunicorn = version("gunicorn")
    except Exception:  # noqa: BLE001
        gunicorn = "?"
    from .database import database_label

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": db_version,
        "database_name": database_label(),
        "gunicorn": gunicorn,
        "load_average": load_average(),
    }


def load_average() -> str:
    """1, 5 and 15 minute load averages: other work on the machine skews absolute figures."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --- optional parts written by other apps' engineers -------------------------------------------


def reminders_benchmark(kwargs: dict) -> dict:
    try:
        from . import reminders
    except ImportError as exc:
        return {"skipped": f"benchmarks/reminders.py is not on this branch ({exc})"}
    return reminders.run(**kwargs)


def pdf_benchmark(scale_name: str) -> dict:
    try:
        from . import report
    except ImportError as exc:
        return {"skipped": f"benchmarks/report.py is not on this branch ({exc})"}
    from django.db.models import Count
    from django.utils import timezone

    from common.quarters import Quarter
    from plan.models import ActionPlan

    params = inspect.signature(report.run).parameters
    kwargs = {}
    # The report for the quarter that has just ended, on the plan with the most tasks.
    if "quarter" in params:
        kwargs["quarter"] = str(Quarter.containing(timezone.localdate()).previous())
    if "plan" in params:
        kwargs["plan"] = ActionPlan.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    started = time.perf_counter()
    result = report.run(**kwargs)
    result = dict(result) if isinstance(result, dict) else {"result": result}
    result.setdefault("wall_seconds", round(time.perf_counter() - started, 2))
    return result


# --- the run -----------------------------------------------------------------------------------


def _plain(value):
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path | dt.date):
        return str(value)
    return value


def run_benchmarks(config: Config, *, log=_log) -> dict:
    """Every measurement of the config; returns plain data (see render_markdown)."""
    from django.utils import timezone

    from . import measure, throughput
    from .generate import generate, reset_data

    started = time.perf_counter()
    results: dict = {
        "date": timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "command": config.command,
        "config": {
            "repeats": config.repeats,
            "trivial_repeats": config.trivial_repeats,
            "throughput_seconds": config.throughput_seconds,
            "connections": config.connections,
            "import_rows": config.import_rows,
            "seed": config.seed,
        },
        "scales": [],
    }
    if config.reminders is not None:
        log("reminder job (on an emptied database)")
        reset_data()
        results["reminders"] = reminders_benchmark(config.reminders)
    last = max(range(len(config.scales)), key=lambda i: config.scales[i][1].datasets)
    marker = config.data_marker
    for index, (name, scale) in enumerate(config.scales):
        previous = _read_json(marker) if marker else {}
        today = timezone.localdate()
        if (
            config.reuse_data
            and previous.get("database") == results["machine"]["database_name"]
            and generated_data_matches(previous.get("generated"), scale, seed=config.seed, today=today)
        ):
            generated = {**previous["generated"], "reused": True}
            log(f"scale {name}: the database already holds this scale's data (generated {generated['seconds']} s)")
        else:
            log(f"scale {name}: generating {scale}")
            generated = generate(scale, seed=config.seed, log=log)
            if marker:
                marker.parent.mkdir(parents=True, exist_ok=True)
                label = results["machine"]["database_name"]
                marker.write_text(json.dumps({"database": label, "generated": generated}))
        log(f"scale {name}: generated in {generated['seconds']} s; query counts")
        entry = {"name": name, "generated": generated}
        entry["counts"] = [asdict(row) for row in measure.page_query_counts()]
        log(f"scale {name}: time per request")
        timings = measure.time_requests(repeats=config.repeats, trivial_repeats=config.trivial_repeats)
        entry["timings"] = _plain(timings)
        if index == last and config.explain:
            log(f"scale {name}: overdue query plan")
            entry["explain"] = measure.overdue_plan()
        if index == last and config.throughput:
            log(f"scale {name}: throughput (gunicorn + wrk)")
            entry["throughput"] = _plain(
                throughput.measure(
                    ["/", "/api/v1/datasets/"], seconds=config.throughput_seconds, connections=config.connections
                )
            )
        if name in config.pdf_results:
            entry["pdf"] = config.pdf_results[name]
        elif config.pdf:
            log(f"scale {name}: quarterly PDF")
            entry["pdf"] = _plain(pdf_benchmark(name))
        if index == last and config.import_rows:
            log(f"scale {name}: registry import of {config.import_rows} rows")
            entry["import"] = measure.registry_import(config.import_rows)
        results["scales"].append(entry)
    results["scales"].sort(key=lambda entry: entry["generated"]["rows"].get("registry.Dataset", 0))
    if config.carry_over:
        _carry_over(results, config.carry_over)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["load_average_end"] = load_average()
    return results


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _carry_over(results: dict, previous: dict) -> None:
    """Copy the parts this run did not measure from ``previous`` (same scales), marked with its date."""
    if not previous.get("scales"):
        return
    if "reminders" not in results and previous.get("reminders") and not previous["reminders"].get("skipped"):
        results["reminders"] = {**previous["reminders"], "carried_from": previous["date"]}
    last, old_last = results["scales"][-1], previous["scales"][-1]
    if last["name"] != old_last["name"]:
        return
    for key in ("import", "throughput", "explain", "pdf"):
        if not last.get(key) and old_last.get(key) and not old_last[key].get("skipped"):
            last[key] = {**old_last[key], "carried_from": previous["date"]}


# --- BENCHMARKS.md ---------------------------------------------------------------------------------


def _fmt(value, digits=1):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}".replace(",", " ")
    if isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    return str(value)


def count_differences(results: dict) -> list[str]:
    """Pages whose query count differs between the scales (the budget is broken there)."""
    scales = results["scales"]
    if len(scales) < 2:
        return []
    first = {row["path"]: row for row in scales[0]["counts"]}
    differences = []
    for row in scales[-1]["counts"]:
        other = first.get(row["path"])
        if other and None not in (row["queries"], other["queries"]) and row["queries"] != other["queries"]:
            differences.append(row["path"])
    return differences


def render_markdown(results: dict) -> str:
    m = results["machine"]
    scales = results["scales"]
    names = [s["name"] for s in scales]
    out = [
        "# Benchmarks",
        "",
        f"Measured {results['date']} by `{results['command']}` (whole run: {_fmt(results['total_seconds'])} s).",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {m['cpu']}, {m['cores']} cores |",
        f"| RAM | {m['ram_gib']} GiB |",
        f"| OS | {m['os']} |",
        f"| Python / Django | {m['python']} / {m['django']} |",
        f"| Database | {m['database']} ({m['database_name']}) |",
        f"| gunicorn | {m['gunicorn']} |",
        f"| load average (1, 5, 15 min) | at start {m['load_average']}; at end {results.get('load_average_end')} |",
        "",
        "## How to reproduce",
        "",
        "```sh",
        "# PostgreSQL (a database of its own: created if missing, EMPTIED by the run)",
        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_od make bench",
        "# SQLite (var/bench.sqlite3)",
        "make bench",
        "# options: python -m benchmarks.run --help; data only: python -m benchmarks.generate --scale large",
        "```",
        "",
        "Times are ratios to a trivial view (`benchmarks/urls.py`: a fixed 1 KB page through the same middleware,",
        "client or server, measured in the same run), so they can be compared between machines; the absolute",
        "figures are for this machine only. Requests through the test client and gunicorn are anonymous with the",
        "whole-page cache for anonymous visitors **off** (`PUBLIC_PAGE_CACHE_SECONDS = 0` in",
        "`benchmarks/settings.py`): they measure rendering, not the cache (one throughput row shows `/` with the",
        "cache on). `DEBUG` is off; the API's anonymous throttle is lifted for the run.",
        "",
        "## Data",
        "",
        "Generated by `benchmarks/generate.py` (deterministic: seed "
        f"{results['config']['seed']}, dates relative to the day of the run).",
        "",
        "| rows | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    models = []
    for s in scales:
        for key in s["generated"]["rows"]:
            if key not in models:
                models.append(key)
    for key in models:
        out.append(f"| {key} | " + " | ".join(_fmt(s["generated"]["rows"].get(key)) for s in scales) + " |")
    out.append("| **generator time, s** | " + " | ".join(_fmt(s["generated"]["seconds"]) for s in scales) + " |")
    reused = [s["name"] for s in scales if s["generated"].get("reused")]
    if reused:
        out += ["", f"Data of {', '.join(reused)} reused from its generation (time of that generation)."]
    extra = []
    for s in scales:
        steps = ", ".join(f"{k} {v}" for k, v in s["generated"]["steps"].items() if v >= 0.5)
        if steps:
            extra.append(f"{s['name']}: {steps}")
    if extra:
        out += ["", "Generator steps over 0.5 s (seconds): " + "; ".join(extra) + "."]

    # Query counts
    diffs = count_differences(results)
    out += [
        "",
        "## SQL queries per page",
        "",
        "Queries of the second anonymous GET of each page (the first warms per-process caches), at each",
        "scale. A fixed budget means the two columns are equal.",
        "",
        "| page | " + " | ".join(names) + " | status | |",
        "|---|" + "---:|" * len(names) + "---|---|",
    ]
    by_scale = [{row["path"]: row for row in s["counts"]} for s in scales]
    for row in scales[0]["counts"]:
        path = row["path"]
        cells, statuses, notes = [], set(), set()
        for table in by_scale:
            r = table.get(path, {})
            cells.append(_fmt(r.get("queries")))
            statuses.add(str(r.get("status")))
            if r.get("note"):
                notes.add(r["note"])
        flag = "**DIFFERS**" if path in diffs else ("" if notes else "equal")
        out.append(
            f"| `{path}` | " + " | ".join(cells) + f" | {'/'.join(sorted(statuses))} | {flag} {'; '.join(notes)} |"
        )
    present = [r for r in scales[-1]["counts"] if r["queries"] is not None]
    if diffs:
        out += ["", f"**{len(diffs)} page(s) differ between the scales: {', '.join(diffs)}.**"]
    else:
        out += ["", f"All {len(present)} pages present have the same query count at every scale."]

    # Time per request
    out += [
        "",
        "## Time per request (test client)",
        "",
        "Median of the repeated anonymous requests (after 3 warm-up requests). Requests to each page alternate",
        "with requests to the trivial view; ratio = the page's median ÷ the trivial view's median of that",
        "alternation (other work on the machine weighs on both alike). The trivial row: its own run.",
        "",
        "| page | " + " | ".join(f"{n}: ms | {n}: × trivial" for n in names) + " |",
        "|---|" + "---:|---:|" * len(names),
        "| trivial view | "
        + " | ".join(
            f"{_fmt(s['timings']['trivial_ms'], 3)} | 1.0 ({s['timings']['trivial_repeats']} requests)" for s in scales
        )
        + " |",
    ]
    timing_tables = [{r["path"]: r for r in s["timings"]["rows"]} for s in scales]
    for row in scales[0]["timings"]["rows"]:
        cells = []
        for table in timing_tables:
            r = table.get(row["path"], {})
            if r.get("median_ms") is None:
                cells.append(f"— | {r.get('note', '')}")
            else:
                cells.append(f"{_fmt(r['median_ms'], 2)} | {_fmt(r['ratio'])}")
        out.append(f"| `{row['path']}` | " + " | ".join(cells) + " |")
    repeats = scales[0]["timings"]["rows"][0]["repeats"] if scales[0]["timings"]["rows"] else 0
    out += ["", f"Each page: {repeats} timed requests per scale."]

    last = scales[-1]
    # Throughput
    tp = last.get("throughput")
    out += ["", f"## Throughput under gunicorn ({last['name']} data)", ""] + _carried(tp)
    if not tp:
        out.append("Not measured in this run.")
    elif tp.get("skipped"):
        out.append(f"Not measured: {tp['skipped']}.")
    else:
        out += [
            f"gunicorn {m['gunicorn']}, {tp['workers']} sync workers on 127.0.0.1 (a free port), started and stopped",
            f"by the run; {tp['wrk']}, 1 thread, {tp['connections']} connections, {tp['seconds']} s per path after",
            "10 warm-up requests. wrk and gunicorn share the machine's cores. Each path runs right after the",
            "trivial view on the same server; ratio = that trivial run's req/s ÷ the path's req/s.",
            "",
            "| path | req/s | × trivial | p50 ms | p99 ms | requests | errors / non-2xx | note |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in tp["rows"]:
            path = "trivial view" if "__bench__" in r["path"] else f"`{r['path']}`"
            out.append(
                f"| {path} | {_fmt(r['requests_per_second'])} | {_fmt(r['ratio'])} | {_fmt(r['latency_p50_ms'], 2)} "
                f"| {_fmt(r['latency_p99_ms'], 2)} | {_fmt(r['requests'])} | {r['errors']} / {r['non_2xx']} "
                f"| {r.get('note', '')} |"
            )

    # Reminders
    rem = results.get("reminders")
    out += ["", "## Reminder job", ""] + _carried(rem)
    if not rem:
        out.append("Not measured in this run.")
    elif rem.get("skipped"):
        out.append(f"Not measured: {rem['skipped']}.")
    else:
        out += [
            "`benchmarks/reminders.py` (`reminders.services.reminders_run`, the daily job, escalation off) on a",
            "database holding only its own data; ratio = job time ÷ one raw SQL query selecting the same rows.",
            "",
            "| | |",
            "|---|---:|",
        ]
        labels = {
            "datasets": "datasets",
            "overdue": "overdue",
            "due_soon": "due soon",
            "departments": "departments",
            "selected_rows": "rows selected",
            "emails": "digests sent",
            "batch_size": "batch size",
            "queries": "SQL queries",
            "job_seconds": "job time, s",
            "raw_sql_seconds": "raw SQL, s",
            "ratio_to_raw_sql": "× raw SQL",
        }
        for key, label in labels.items():
            if key in rem:
                digits = 3 if key.endswith("seconds") else 1
                out.append(f"| {label} | {_fmt(rem[key], digits)} |")

    # Import
    imp = last.get("import")
    out += ["", f"## Registry import ({last['name']} registry present)", ""] + _carried(imp)
    if not imp:
        out.append("Not measured in this run.")
    else:
        out += [
            f"{_fmt(imp['rows'])} new rows from a CSV through `registry.resources.import_file` (what",
            "`manage.py import_registry` runs: one pass that reads, checks every row and, with no errors, writes all),",
            "against a plain `Dataset.objects.bulk_create` of the same rows (objects built from the parsed rows;",
            "no validation, no computed due dates). Both are deleted afterwards.",
            "",
            "| | |",
            "|---|---:|",
            f"| import time, s | {_fmt(imp['import_seconds'], 2)} |",
            f"| import SQL queries | {_fmt(imp['import_queries'])} |",
            f"| rows imported / errors | {_fmt(imp['imported'])} / {len(imp['errors'])} |",
            f"| rows per second | {_fmt(imp['rows_per_second'])} |",
            f"| plain bulk_create, s | {_fmt(imp['bulk_create_seconds'], 3)} |",
            f"| **import ÷ bulk_create** | **{_fmt(imp['ratio'])}** |",
        ]
        if imp["errors"]:
            out.append("")
            out.append("First errors: " + "; ".join(imp["errors"]))

    # PDF
    out += ["", "## Quarterly PDF", ""]
    pdfs = [(s["name"], s.get("pdf")) for s in scales]
    if all(p is None for _n, p in pdfs):
        out.append("Not measured in this run.")
    else:
        keys = []
        for _n, p in pdfs:
            for k in p or {}:
                if k not in keys and k not in ("skipped", "carried_from", "source"):
                    keys.append(k)
        skipped = [f"{n}: {p['skipped']}" for n, p in pdfs if p and p.get("skipped")]
        for n, p in pdfs:
            if p and p.get("source"):
                out += [f"{n}: {p['source']}", ""]
            if p and p.get("carried_from"):
                out += [f"{n}: carried over from the run of {p['carried_from']} (not measured again in this run).", ""]
        if skipped:
            out.append("Not measured: " + "; ".join(skipped) + ".")
        if keys:
            out += ["| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
            for k in keys:
                out.append(f"| {k} | " + " | ".join(_fmt((p or {}).get(k), 2) for _n, p in pdfs) + " |")

    # EXPLAIN
    ex = last.get("explain")
    out += ["", f"## Overdue query plan ({last['name']} data)", ""] + _carried(ex)
    if not ex:
        out.append("Not measured in this run.")
    else:
        out += [
            f"{ex['vendor']}, {_fmt(ex['datasets'])} datasets, {_fmt(ex['overdue'])} overdue (published, due date",
            f"passed). Indexes on the table: {', '.join(f'`{i}`' for i in ex['indexes'])}.",
        ]
        for p in ex["plans"]:
            used = ", ".join(f"`{i}`" for i in p["indexes_used"]) or "**none (sequential scan)**"
            out += [
                "",
                f"**{p['query']}** — index used: {used}",
                "",
                "```",
                p["plan"].strip(),
                "```",
            ]

    # Closing note
    out += ["", "## Slowest parts", ""]
    out += slowest_lines(results)
    if NOTE_FILE.exists():
        out += ["", NOTE_FILE.read_text().strip()]
    return "\n".join(out) + "\n"


def _carried(section) -> list[str]:
    if section and section.get("carried_from"):
        return [f"Carried over from the run of {section['carried_from']} (not measured again in this run).", ""]
    return []


def slowest_lines(results: dict) -> list[str]:
    """The measured parts ranked by wall time and by ratio to their yardstick."""
    last = results["scales"][-1]
    parts = []
    for r in last["timings"]["rows"]:
        if r.get("median_ms") is not None:
            parts.append((f"request `{r['path']}`", r["median_ms"] / 1000, r["ratio"], "× trivial view"))
    if last.get("import"):
        i = last["import"]
        parts.append(("registry import", i["import_seconds"], i["ratio"], "× bulk_create"))
    rem = results.get("reminders") or {}
    if rem.get("job_seconds") is not None:
        parts.append(("reminder job", rem["job_seconds"], rem.get("ratio_to_raw_sql"), "× raw SQL"))
    pdf = last.get("pdf") or {}
    for key in ("total_seconds", "seconds", "wall_seconds"):
        if pdf.get(key) is not None:
            parts.append(("quarterly PDF", pdf[key], None, ""))
            break
    parts.append(("data generator", last["generated"]["seconds"], None, ""))
    parts.sort(key=lambda p: p[1], reverse=True)
    lines = [f"At the {last['name']} size, by wall time:", ""]
    for label, seconds, ratio, unit in parts[:6]:
        lines.append(f"- {label}: {_fmt(seconds, 3)} s" + (f" ({_fmt(ratio)} {unit})" if ratio is not None else ""))
    return lines


# --- command line ----------------------------------------------------------------------------------


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="demo,large", help="comma-separated scales of benchmarks.generate")
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--trivial-repeats", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per path")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--reminder-datasets", type=int, default=100_000, help="0 skips the reminder benchmark")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument(
        "--reuse-data", action="store_true", help="measure the data already in the database if it is the scale's"
    )
    parser.add_argument("--carry-over", default=None, help="a previous raw JSON: parts not measured now come from it")
    parser.add_argument(
        "--pdf-result",
        action="append",
        default=[],
        metavar="SCALE=FILE",
        help="PDF figures of a scale measured separately (JSON with a 'source' note) instead of measuring",
    )
    parser.add_argument("--output", default=str(BASE_DIR / "BENCHMARKS.md"))
    parser.add_argument("--json", default=str(BASE_DIR / "var" / "benchmarks.json"), help="raw results")
    parser.add_argument("--render-only", action="store_true", help="rewrite the output from --json, measure nothing")
    args = parser.parse_args(argv)
    if args.render_only:
        Path(args.output).write_text(render_markdown(_read_json(Path(args.json))))
        return
    _setup()
    from django.core.management import call_command

    from .database import ensure_database

    ensure_database()
    call_command("migrate", verbosity=0)
    reminders = None
    if args.reminder_datasets:
        reminders = {"datasets": args.reminder_datasets, "overdue": max(1, args.reminder_datasets // 20)}
    config = Config(
        scales=[(name, SCALES[name]) for name in args.scales.split(",")],
        repeats=args.repeats,
        trivial_repeats=args.trivial_repeats,
        throughput=not args.no_throughput,
        throughput_seconds=args.seconds,
        connections=args.connections,
        import_rows=args.import_rows,
        reminders=reminders,
        pdf=not args.no_pdf,
        pdf_results={
            item.split("=", 1)[0]: _read_json(Path(item.split("=", 1)[1])) for item in args.pdf_result if "=" in item
        },
        explain=not args.no_explain,
        reuse_data=args.reuse_data,
        data_marker=BASE_DIR / "var" / "benchmarks-data.json",
        carry_over=_read_json(Path(args.carry_over)) if args.carry_over else None,
        output=Path(args.output),
        command="python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:]),
    )
    results = run_benchmarks(config)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(_plain(results), ensure_ascii=False, indent=2, default=str))
    config.output.write_text(render_markdown(results))
    _log(f"wrote {config.output} (raw: {args.json}) in {results['total_seconds']} s")
    diffs = count_differences(results)
    if diffs:
        _log("query counts differ between scales: " + ", ".join(diffs))


if __name__ == "__main__":
    main()
