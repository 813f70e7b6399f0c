"""Benchmark of the quarterly reporting round (issue 18) at plan scale.

    python -m benchmarks.quarterly_round --tasks 2000 --departments 40

uses the database of the current settings (DATABASE_URL; migrates it first), creates an adopted
plan with ``tasks`` tasks over ``departments`` lead departments (every task active in the quarter
just ended, every other one overdue) under a unique tag, and runs the quarterly part of the daily
job on the second day of a quarter: the round digest to every lead department and the overdue
chase. It measures the planning queries, the queries of recording and of sending each digest
(which must not depend on the number of tasks in it), the job's time, and one raw SQL query
selecting the same rows as a baseline; then deletes everything it created.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
import uuid

ROUND_DAY = dt.date(2030, 1, 2)  # the Q4 2029 round is due on 10 January 2030


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ternopil_od.settings")
    import django

    django.setup()


def _create(tag: str, *, tasks: int, departments: int):
    from accounts.models import Department
    from common.quarters import Quarter
    from plan.choices import PlanStatus
    from plan.models import ActionPlan, Principle, Section, Task, TaskDepartment, TaskPeriod

    deps = Department.objects.bulk_create(
        Department(name=f"Бенчмарк {tag} підрозділ {i}", email=f"q-{tag}-{i}@example.org", match_key=f"q-{tag}-{i}")
        for i in range(departments)
    )
    dep_ids = (
        [d.pk for d in deps]
        if deps and deps[0].pk
        else list(Department.objects.filter(match_key__startswith=f"q-{tag}-").values_list("pk", flat=True))
    )
    plan = ActionPlan.objects.create(
        title=f"Бенчмарк {tag}", start_quarter="2029Q1", end_quarter="2030Q4", status=PlanStatus.ADOPTED
    )
    principle = Principle.objects.create(plan=plan, number=1, title="Принцип")
    section = Section.objects.create(principle=principle, title="Розділ")
    q4 = Quarter(2029, 4)
    Task.objects.bulk_create(
        Task(
            plan=plan,
            section=section,
            position=i,
            title=f"Завдання {i}",
            deadline_text="IV квартал 2029 року" if i % 2 else "IV квартал 2029 року - IV квартал 2030 року",
            due_date=q4.last_day() if i % 2 else dt.date(2030, 12, 31),
        )
        for i in range(tasks)
    )
    task_ids = list(Task.objects.filter(plan=plan).order_by("position").values_list("pk", flat=True))
    TaskDepartment.objects.bulk_create(
        TaskDepartment(task_id=pk, department_id=dep_ids[i % len(dep_ids)], is_lead=True)
        for i, pk in enumerate(task_ids)
    )
    TaskPeriod.objects.bulk_create(
        TaskPeriod(task_id=pk, start_index=q4.index, end_index=q4.index + (0 if i % 2 else 4))
        for i, pk in enumerate(task_ids)
    )
    return plan, dep_ids


def run(*, tasks: int = 2000, departments: int = 40, analyze: bool = True) -> dict:
    """Create the plan, run the quarterly round once on ROUND_DAY, return its figures, clean up."""
    from django.conf import settings
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    from accounts.models import Department
    from plan.models import ActionPlan
    from reminders import quarterly
    from reminders.models import ReminderLog
    from reminders.services import reminder_record, reminder_send

    tag = uuid.uuid4().hex[:8]
    plan, dep_ids = _create(tag, tasks=tasks, departments=departments)
    if analyze and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("plan_task", "plan_taskdepartment", "plan_taskperiod", "reminders_reminderlogitem"):
                cursor.execute(f"ANALYZE {table}")
    record_queries, send_queries = [], []
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            mail.outbox = []
            started = time.perf_counter()
            plans: dict = {}
            with CaptureQueriesContext(connection) as planning:
                quarterly.plan_quarterly(date=ROUND_DAY, batch_size=settings.REMINDER_BATCH_SIZE, plans=plans)
            planned = [m for m in plans.values() if m.items and m.department_id in set(dep_ids)]
            for message in planned:
                with CaptureQueriesContext(connection) as recording:
                    log = reminder_record(message=message)
                record_queries.append(len(recording))
                with CaptureQueriesContext(connection) as sending:
                    reminder_send(log_id=log.pk)
                send_queries.append(len(sending))
            job_seconds = time.perf_counter() - started
            emails = len(mail.outbox)
            mail.outbox = []
        # Baseline: the same (task, lead department) rows in one raw query.
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t.id, t.title, t.due_date, d.id, d.name, d.email FROM plan_task t "
                "JOIN plan_taskdepartment td ON td.task_id = t.id AND td.is_lead "
                "JOIN accounts_department d ON d.id = td.department_id WHERE t.plan_id = %s",
                [plan.pk],
            )
            raw_rows = len(cursor.fetchall())
        raw_seconds = time.perf_counter() - started
    finally:
        ReminderLog.objects.filter(department_id__in=dep_ids).delete()
        ActionPlan.objects.filter(pk=plan.pk).delete()
        Department.objects.filter(pk__in=dep_ids).delete()
    kinds: dict[str, int] = {}
    for message in planned:
        kinds[message.kind] = kinds.get(message.kind, 0) + 1
    return {
        "database": connection.vendor,
        "tasks": tasks,
        "departments": departments,
        "digests": len(planned),
        "digests_by_kind": kinds,
        "items": sum(len(m.items) for m in planned),
        "emails": emails,
        "planning_queries": len(planning),
        "record_queries_per_digest": sorted(set(record_queries)),
        "send_queries_per_digest": sorted(set(send_queries)),
        "job_seconds": round(job_seconds, 3),
        "raw_sql_rows": raw_rows,
        "raw_sql_seconds": round(raw_seconds, 4),
        "ratio_to_raw_sql": round(job_seconds / raw_seconds, 1) if raw_seconds else None,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--no-analyze", action="store_true")
    args = parser.parse_args(argv)
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(json.dumps(run(tasks=args.tasks, departments=args.departments, analyze=not args.no_analyze), indent=2))


if __name__ == "__main__":
    main()
