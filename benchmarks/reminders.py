"""Benchmark of the daily reminder job at registry scale.

    python -m benchmarks.reminders --datasets 100000 --overdue 5000

uses the database of the current settings (DATABASE_URL; migrates it first), creates the data
under a unique tag, runs the daily job with the locmem e-mail backend and eager Celery tasks,
measures its time and SQL query count, compares it with one raw SQL query selecting the same
rows, and deletes everything it created.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import time
import uuid


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ternopil_od.settings")
    import django

    django.setup()


def run(
    *,
    datasets: int = 100_000,
    overdue: int = 5_000,
    due_soon: int | None = None,
    departments: int = 50,
    batch_size: int | None = None,
    chunk: int = 5_000,
    analyze: bool = True,
) -> dict:
    """Create ``datasets`` published datasets (``overdue`` of them overdue, ``due_soon`` due within
    the reminder window, the rest due later) over ``departments`` departments, run the daily job
    once, and return its figures. Everything created is deleted again."""
    from django.conf import settings
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import timezone

    from accounts.models import Department
    from registry.choices import DatasetStatus
    from registry.models import Dataset
    from reminders.models import ReminderLog
    from reminders.services import reminders_run
    from ternopil_od.celery import app

    batch_size = batch_size or settings.REMINDER_BATCH_SIZE
    due_soon = overdue // 10 if due_soon is None else due_soon
    if overdue + due_soon > datasets:
        raise ValueError("overdue + due_soon must not exceed datasets")
    today = timezone.localdate()
    window = settings.REMINDER_DUE_SOON_DAYS
    tag = uuid.uuid4().hex[:8]

    deps = Department.objects.bulk_create(
        Department(
            name=f"Бенчмарк {tag} підрозділ {i}",
            email=f"bench-{tag}-{i}@example.org",
            match_key=f"bench-{tag}-{i}",
        )
        for i in range(departments)
    )
    dep_ids = [d.pk for d in deps]
    if any(pk is None for pk in dep_ids):  # backends that do not return ids from bulk_create
        dep_ids = list(Department.objects.filter(match_key__startswith=f"bench-{tag}-").values_list("pk", flat=True))

    def due_date(i: int) -> dt.date:
        if i < overdue:
            return today - dt.timedelta(days=1 + i % 60)
        if i < overdue + due_soon:
            return today + dt.timedelta(days=i % (window + 1))
        return today + dt.timedelta(days=window + 1 + i % 365)

    started = time.perf_counter()
    for start in range(0, datasets, chunk):
        Dataset.objects.bulk_create(
            Dataset(
                identifier=f"bench-{tag}-{i}",
                slug=f"bench-{tag}-{i}",
                title=f"Набір даних {i}",
                department_id=dep_ids[i % len(dep_ids)],
                status=DatasetStatus.PUBLISHED,
                next_due_date=due_date(i),
            )
            for i in range(start, min(start + chunk, datasets))
        )
    create_seconds = time.perf_counter() - started
    if analyze:
        # A live registry has planner statistics; fresh bulk inserts have none (PostgreSQL then
        # guesses a handful of rows and may pick a nested-loop plan that takes seconds).
        with connection.cursor() as cursor:
            for table in ("registry_dataset", "accounts_department", "reminders_reminderlogitem"):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            mail.outbox = []
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                result = reminders_run(date=today, escalation=False, batch_size=batch_size)
                job_seconds = time.perf_counter() - started
            emails = len(mail.outbox)
            mail.outbox = []

        # The same rows as the job's dataset selection, in one raw query.
        horizon = today + dt.timedelta(days=window)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, d.slug, d.title, d.next_due_date, d.department_id, dep.name, dep.email "
                "FROM registry_dataset d JOIN accounts_department dep ON dep.id = d.department_id "
                "WHERE d.status = %s AND d.next_due_date IS NOT NULL AND d.next_due_date <= %s "
                "AND dep.id IN (" + ",".join(["%s"] * len(dep_ids)) + ")",
                [DatasetStatus.PUBLISHED, horizon, *dep_ids],
            )
            raw_rows = len(cursor.fetchall())
        raw_seconds = time.perf_counter() - started
    finally:
        app.conf.task_always_eager = eager
        ReminderLog.objects.filter(department_id__in=dep_ids).delete()
        Dataset.objects.filter(department_id__in=dep_ids).delete()
        Department.objects.filter(pk__in=dep_ids).delete()

    items = sum(len(m.items) for m in result.planned)
    return {
        "database": connection.vendor,
        "datasets": datasets,
        "overdue": overdue,
        "due_soon": due_soon,
        "departments": departments,
        "batch_size": batch_size,
        "selected_rows": raw_rows,
        "items": items,
        "emails": emails,
        "batches": math.floor(raw_rows / batch_size) + 1,
        "queries": len(queries),
        "job_seconds": round(job_seconds, 3),
        "raw_sql_seconds": round(raw_seconds, 4),
        "ratio_to_raw_sql": round(job_seconds / raw_seconds, 1) if raw_seconds else None,
        "create_seconds": round(create_seconds, 2),
        "analyzed": analyze,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", type=int, default=100_000)
    parser.add_argument("--overdue", type=int, default=5_000)
    parser.add_argument("--due-soon", type=int, default=None)
    parser.add_argument("--departments", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--no-analyze", action="store_true", help="skip ANALYZE after the bulk insert")
    args = parser.parse_args(argv)
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    figures = run(
        datasets=args.datasets,
        overdue=args.overdue,
        due_soon=args.due_soon,
        departments=args.departments,
        batch_size=args.batch_size,
        analyze=not args.no_analyze,
    )
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
