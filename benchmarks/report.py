"""Benchmark of the quarterly report: generation time and peak memory.

    python -m benchmarks.report                         # the data already in the database
    python -m benchmarks.report --quarter 2019Q4
    python -m benchmarks.report --build-tasks 2000      # first bulk-create a plan of 2,000 tasks

uses the database of the current settings (DATABASE_URL). Without ``--build-tasks`` it measures
whatever plan and registry are there (the demo data, or the benchmark engineer's 2,000 tasks and
100,000 datasets); with it, it adds a plan of that many tasks (bulk_create, with departments,
periods and progress updates), measures, and deletes what it created unless ``--keep``.
Nothing is stored: the PDF is written to a temporary file and removed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ternopil_od.settings")
    import django

    django.setup()


def build_plan(*, tasks: int = 2000, departments: int = 40, start: str = "2019Q1", end: str = "2020Q4"):
    """A plan of ``tasks`` tasks over six principles (bulk_create), each with one or two departments,
    its deadline periods and, for two tasks in three, a dated progress update. Returns the plan."""
    from django.db.models import Max

    from accounts.models import Department
    from common.quarters import Quarter
    from plan.choices import TaskStatus
    from plan.models import ActionPlan, Principle, ProgressUpdate, Section, Task, TaskDepartment, TaskPeriod

    tag = uuid.uuid4().hex[:8]
    plan = ActionPlan.objects.create(title=f"Бенчмарк {tag}: план дій на {tasks} завдань", start_quarter=start,
                                     end_quarter=end)  # fmt: skip
    Department.objects.bulk_create(
        Department(name=f"Бенчмарк {tag} управління {i}", match_key=f"bench-{tag}-{i}", email=f"b{i}@example.org")
        for i in range(departments)
    )
    deps = list(Department.objects.filter(match_key__startswith=f"bench-{tag}-").values_list("pk", flat=True))
    principles = Principle.objects.bulk_create(
        Principle(plan=plan, number=n, title=f"Принцип хартії {n}") for n in range(1, 7)
    )
    principles = list(Principle.objects.filter(plan=plan).order_by("number"))
    Section.objects.bulk_create(
        Section(principle=p, title=f"Розділ {p.number}.{k}", position=k) for p in principles for k in range(1, 4)
    )
    sections = list(Section.objects.filter(principle__plan=plan).order_by("principle__number", "position"))
    quarters = Quarter.parse(start).until(Quarter.parse(end))
    statuses = [TaskStatus.NOT_STARTED, TaskStatus.LIMITED, TaskStatus.SUBSTANTIAL, TaskStatus.COMPLETED]
    objects = []
    for i in range(tasks):
        first = quarters[i % len(quarters)]
        last = quarters[min(len(quarters) - 1, (i % len(quarters)) + i % 3)]
        objects.append(
            Task(
                plan=plan,
                section=sections[i % len(sections)],
                position=i + 1,
                title=f"Завдання {i + 1}: забезпечити оприлюднення та оновлення наборів відкритих даних "
                f"розпорядника у машиночитному форматі відповідно до Постанови № 835",
                deadline_text=f"{first.label()} – {last.label()}",
                due_date=last.last_day(),
                status=statuses[i % 4],
            )
        )
    Task.objects.bulk_create(objects, batch_size=500)
    task_rows = list(Task.objects.filter(plan=plan).order_by("position").values_list("pk", "due_date"))
    links, periods, updates = [], [], []
    for i, (pk, due) in enumerate(task_rows):
        links.append(TaskDepartment(task_id=pk, department_id=deps[i % len(deps)], is_lead=True, position=0))
        if i % 2:
            links.append(TaskDepartment(task_id=pk, department_id=deps[(i + 7) % len(deps)], position=1))
        due_quarter = Quarter.containing(due)
        periods.append(TaskPeriod(task_id=pk, start_index=due_quarter.index - i % 3, end_index=due_quarter.index))
        if i % 3:
            day = min(due, dt.date(2019, 12, 15)) - dt.timedelta(days=i % 40)
            status = statuses[i % 4]
            updates.append(
                ProgressUpdate(task_id=pk, date=day, status=status, percent=100 if status == "completed" else None,
                               period_index=Quarter.containing(day).index,
                               narrative=f"Стан виконання завдання {i + 1} на {day:%d.%m.%Y}: роботу проведено.")
            )  # fmt: skip
    TaskDepartment.objects.bulk_create(links, batch_size=1000)
    TaskPeriod.objects.bulk_create(periods, batch_size=1000)
    ProgressUpdate.objects.bulk_create(updates, batch_size=1000)
    assert ProgressUpdate.objects.filter(task__plan=plan).aggregate(n=Max("pk"))["n"]
    return plan


def drop_plan(plan) -> None:
    from accounts.models import Department
    from plan.models import TaskDepartment

    tag_departments = list(
        TaskDepartment.objects.filter(task__plan=plan).values_list("department_id", flat=True).distinct()
    )
    plan.delete()
    Department.objects.filter(pk__in=tag_departments, match_key__startswith="bench-").delete()


def _measure(quarter: str, plan) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader

    from common.quarters import Quarter
    from plan.models import Task
    from registry.models import Dataset
    from reports import attachments, context, pdf

    cpu_started = time.process_time()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        snapshot, full_lists = context.build_report(quarter=Quarter.parse(quarter), plan=plan)
    context_seconds = time.perf_counter() - started
    started = time.perf_counter()
    files = attachments.prepare(snapshot, full_lists)  # the full lists as CSV, as report_generate does
    csv_seconds = time.perf_counter() - started
    csv_bytes = sum(item.path.stat().st_size for item in files)
    attachments.discard(files)
    started = time.perf_counter()
    html = pdf.render_html(snapshot)
    html_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.pdf"
        started = time.perf_counter()
        pdf.render_pdf(snapshot, target)
        pdf_seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        size = target.stat().st_size
        pages = len(PdfReader(target).pages)
    return {
        "quarter": quarter,
        "plan_id": plan.pk,
        "tasks": Task.objects.filter(plan=plan).count(),
        "datasets": Dataset.objects.count(),
        "database": connection.vendor,
        "queries": len(queries.captured_queries),
        "context_seconds": round(context_seconds, 2),
        "html_seconds": round(html_seconds, 2),
        "pdf_seconds": round(pdf_seconds, 2),
        "csv_seconds": round(csv_seconds, 2),
        "total_seconds": round(context_seconds + csv_seconds + html_seconds + pdf_seconds, 2),
        # CPU time of this process: the figure to compare on a machine shared with other work.
        "cpu_seconds": round(cpu_seconds, 2),
        "html_bytes": len(html.encode()),
        "snapshot_bytes": len(json.dumps(snapshot, ensure_ascii=False).encode()),
        "pdf_bytes": size,
        "csv_bytes": csv_bytes,
        "pages": pages,
    }


def run(*, quarter: str = "2019Q4", plan=None, build_tasks: int = 0, keep: bool = False, trace: bool = True) -> dict:
    """Build the report for ``quarter`` without storing it and return time, memory and size figures.

    Times come from a pass without tracing; ``peak_traced_mb`` (Python allocations, tracemalloc) from
    a second pass when ``trace``; ``maxrss_mb`` is the process's peak resident memory.
    """
    from common.quarters import Quarter
    from reports import context

    built = build_plan(tasks=build_tasks) if build_tasks else None
    plan = plan or built or context.plan_for(Quarter.parse(quarter))
    try:
        figures = _measure(quarter, plan)
        if trace:  # tracemalloc slows Python down a lot: a second pass, for memory only
            tracemalloc.start()
            _measure(quarter, plan)
            figures["peak_traced_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
            tracemalloc.stop()
        figures["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        return figures
    finally:
        if built is not None and not keep:
            drop_plan(built)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quarter", default="2019Q4")
    parser.add_argument("--build-tasks", type=int, default=0)
    parser.add_argument("--plan", type=int, help="id of the plan to report on (default: the quarter's plan)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args()
    _setup_django()
    from plan.models import ActionPlan

    plan = ActionPlan.objects.get(pk=args.plan) if args.plan else None
    trace = not args.no_trace
    figures = run(quarter=args.quarter, plan=plan, build_tasks=args.build_tasks, keep=args.keep, trace=trace)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
