"""Issues 19/25: the one-pass registry import against a plain ``bulk_create`` of the same rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_imp_registry \\
        python -m benchmarks.registry_import --rows 1000,10000 --existing 20000

A database of its own (created if missing, its datasets and departments EMPTIED; a name without
"bench" is refused). With ``--existing N`` a registry of N datasets is present first, as in a
council that already keeps one. For each size: a council's register in the passport columns
(Windows-1251, semicolons, a title row) through ``registry.importing.registry_import`` — dry
run, import, re-import of the same file (all unchanged) — with wall time and SQL statements;
then ``Dataset.objects.bulk_create`` of the same rows (objects built from the parsed rows; no
validation, no due dates) in the same run, the yardstick. Then the background job of a
10,000-row upload: the time the web request takes and the progress updates the job wrote.
Prints JSON; the figures go to BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Department, User  # noqa: E402
from benchmarks.database import database_label, ensure_database  # noqa: E402
from benchmarks.measure import count_queries  # noqa: E402
from registry.choices import DatasetStatus, Frequency  # noqa: E402
from registry.models import Dataset, RegistryImportJob  # noqa: E402
from registry.passport import PASSPORT_COLUMNS, ROW_NUMBER_COLUMN  # noqa: E402

DEPARTMENTS = [f"Управління номер {n}" for n in range(1, 13)]
FREQUENCIES = ["Щороку", "щоквартально", "Щомісяця", "раз на рік", "Кожного півріччя", "Відразу після внесення змін"]


def passport_rows(n: int, prefix: str) -> list[list[str]]:
    today = timezone.localdate()
    rows = []
    for i in range(n):
        last = today - dt.timedelta(days=i % 400)
        rows.append(
            [
                str(i + 1),
                f"{prefix}-{i + 1:06d}",
                f"Набір даних {prefix} номер {i + 1}",
                f"Опис набору даних номер {i + 1}, який оприлюднює розпорядник. " * 2,
                "uk",
                (last - dt.timedelta(days=365)).strftime("%d.%m.%Y"),
                last.strftime("%d.%m.%Y 10:00"),
                "CSV; XLSX" if i % 3 else "JSON",
                FREQUENCIES[i % len(FREQUENCIES)],
                "відкриті дані, реєстр",
                f"https://data.gov.ua/dataset/{prefix}-{i + 1}" if i % 2 else "",
                DEPARTMENTS[i % len(DEPARTMENTS)],
                f"Петренко Іван {i}, person{i}@example.org",
                "Положення про набори даних",
            ]
        )
    return rows


def register_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Реєстр наборів даних міської ради"])
    writer.writerow([ROW_NUMBER_COLUMN, *[label for _k, label in PASSPORT_COLUMNS]])
    writer.writerows(rows)
    return out.getvalue().encode("cp1251")


def plain_objects(rows) -> list[Dataset]:
    departments = dict(Department.objects.values_list("name", "pk"))
    objects = []
    for row in rows:
        objects.append(
            Dataset(
                identifier=row[1],
                slug=row[1],
                title=row[2],
                description=row[3],
                language=row[4],
                first_published=dt.datetime.strptime(row[5], "%d.%m.%Y").date(),
                last_updated_at=timezone.make_aware(dt.datetime.strptime(row[6], "%d.%m.%Y %H:%M")),
                formats=row[7],
                frequency=Frequency.YEARLY,
                keywords=row[9],
                data_gov_ua_url=row[10],
                department_id=departments[row[11]],
                responsible_person=row[12],
                purpose=row[13],
                status=DatasetStatus.PUBLISHED,
            )
        )
    return objects


def timed(func, repeats: int, reset=None):
    """Best of ``repeats`` runs (each after ``reset``, not timed), with the statements of the last."""
    times, result, statements = [], None, 0
    for _ in range(repeats):
        if reset:
            reset()
        with count_queries() as queries:
            started = time.perf_counter()
            result = func()
            times.append(time.perf_counter() - started)
        statements = queries[0]
    return min(times), statements, result


def measure(n: int, repeats: int) -> dict:
    from registry.importing import registry_import

    rows = passport_rows(n, "imp")
    data = register_csv(rows)

    def clear():
        Dataset.objects.filter(identifier__startswith="imp-").delete()

    def dry():
        return registry_import(data=data, filename="реєстр.csv", dry_run=True)

    def real():
        return registry_import(data=data, filename="реєстр.csv", dry_run=False)

    dry_s, dry_q, report = timed(dry, repeats)
    assert not report.errors, report.errors[:3]
    import_s, import_q, report = timed(real, repeats, reset=clear)
    assert report.written and Dataset.objects.filter(identifier__startswith="imp-").count() == n
    again_s, again_q, again = timed(lambda: registry_import(data=data, filename="r.csv", dry_run=False), 1)
    bulk_times = []
    for _ in range(repeats):
        clear()
        started = time.perf_counter()
        with transaction.atomic():
            Dataset.objects.bulk_create(plain_objects(rows), batch_size=1000)
        bulk_times.append(time.perf_counter() - started)
    clear()
    bulk_s = min(bulk_times)
    return {
        "rows": n,
        "file_bytes": len(data),
        "dry_run_s": round(dry_s, 3),
        "dry_run_queries": dry_q,
        "import_s": round(import_s, 3),
        "import_queries": import_q,
        "reimport_unchanged_s": round(again_s, 3),
        "reimport_unchanged_queries": again_q,
        "reimport_totals": again.totals,
        "bulk_create_s": round(bulk_s, 3),
        "ratio_import_to_bulk_create": round(import_s / bulk_s, 2),
        "rows_per_second": round(n / import_s),
    }


@contextlib.contextmanager
def count_progress():
    """Progress updates the job writes (UPDATE of its row while it runs)."""
    counter = [0]

    def wrapper(execute, sql, params, many, context):
        if sql.startswith('UPDATE "registry_registryimportjob"') and "rows_done" in sql:
            counter[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield counter


def background(n: int) -> dict:
    """A 10,000-row upload through the staff page: the request stores the file and sends the job."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from accounts import roles
    from accounts.services import user_create_with_role
    from registry import import_jobs, tasks

    coordinator = User.objects.filter(username="bench-import-coord").first() or user_create_with_role(
        username="bench-import-coord", password="bench-Pass-2019", role=roles.COORDINATOR
    )
    sent: list[int] = []
    original = tasks.registry_import_job.delay
    tasks.registry_import_job.delay = lambda job_id: sent.append(job_id)
    try:
        client = Client()
        client.force_login(coordinator)
        data = register_csv(passport_rows(n, "job"))
        started = time.perf_counter()
        response = client.post("/registry/import/", {"file": SimpleUploadedFile("реєстр.csv", data)})
        request_s = time.perf_counter() - started
        job = RegistryImportJob.objects.get(pk=sent[0])
        state_after_request = job.state
        started = time.perf_counter()
        with count_progress() as check_progress, count_queries() as queries:
            import_jobs.import_job_run(job_id=job.pk)
        check_s = time.perf_counter() - started
        check_queries = queries[0]
        job.refresh_from_db()
        import_jobs.import_job_confirm(job=job, by=coordinator, create_departments=False)
        started = time.perf_counter()
        with count_progress() as import_progress, count_queries() as queries:
            import_jobs.import_job_run(job_id=job.pk)
        import_s = time.perf_counter() - started
        job.refresh_from_db()
        return {
            "rows": n,
            "request_status": response.status_code,
            "request_s": round(request_s, 3),
            "job_sent": len(sent),
            "state_after_request": state_after_request,
            "progress_updates_check": check_progress[0],
            "progress_updates_import": import_progress[0],
            "check_in_worker_s": round(check_s, 3),
            "check_queries": check_queries,
            "import_in_worker_s": round(import_s, 3),
            "import_queries": queries[0],
            "final_state": job.state,
            "rows_done": job.rows_done,
        }
    finally:
        tasks.registry_import_job.delay = original
        Dataset.objects.filter(identifier__startswith="job-").delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000")
    parser.add_argument("--existing", type=int, default=20000, help="datasets present before the import")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--background-rows", type=int, default=10000)
    args = parser.parse_args()
    ensure_database()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    Dataset.objects.all().delete()
    RegistryImportJob.objects.all().delete()
    for name in DEPARTMENTS:
        Department.objects.get_or_create(name=name)
    if args.existing:
        with transaction.atomic():
            Dataset.objects.bulk_create(plain_objects(passport_rows(args.existing, "old")), batch_size=2000)
    results = {
        "database": database_label(),
        "vendor": connection.vendor,
        "existing_datasets": args.existing,
        "measured_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average": os.getloadavg(),
        "sizes": [measure(int(n), args.repeats) for n in args.rows.split(",")],
    }
    if args.background_rows:
        results["background"] = background(args.background_rows)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
