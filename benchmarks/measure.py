"""Measurements inside one process: query counts, time per request, the overdue plan, the import.

Every function works on the database of the current settings and reads the data that is
there (made by ``benchmarks.generate``). Requests go through Django's test client with the
benchmark urlconf (the real URLs plus the trivial view) and the anonymous page cache off.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import statistics
import time
from dataclasses import dataclass, field

from .urls import TRIVIAL_PATH

# Public pages named by the issue and the other bounded public pages, with placeholders filled from
# the data. Left out: /registry/export.csv and /registry/catalog.{jsonld,ttl} return the whole
# registry in one response (no pagination), so their time, not their query count, is the question.
PUBLIC_PAGES = [
    "/",
    "/plan/tasks/",
    "/plan/tasks/{task}/",
    "/plan/timeline/",
    "/departments/{department}/",
    "/registry/",
    "/registry/{dataset}/",
    "/registry/835/",
    "/requests/",
    "/requests/{request}/",
    "/reports/",
    "/audit/results/",
    "/audit/results/{campaign}/",
    "/requests/feed/",
    "/feeds/progress/",
    "/api/3/action/package_list",
    "/api/3/action/package_search",
    "/api/3/action/organization_list",
]
TIMED_PATHS = ["/", "/plan/tasks/", "/registry/", "/api/v1/tasks/", "/api/v1/datasets/"]
NOT_PRESENT = "not present"


@contextlib.contextmanager
def bench_settings():
    """The benchmark urlconf, no page cache, no API throttle: whatever settings module is active."""
    from django.conf import settings
    from django.core.cache import cache
    from django.test.utils import override_settings

    rest = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000/min", "user": "1000000/min"}}
    with override_settings(
        ROOT_URLCONF="benchmarks.urls",
        PUBLIC_PAGE_CACHE_SECONDS=0,
        REST_FRAMEWORK=rest,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
    ):
        cache.clear()
        yield


@contextlib.contextmanager
def count_queries(using: str = "default"):
    """Count SQL statements without the debug cursor's overhead: ``with count_queries() as n: ...; n[0]``."""
    from django.db import connections

    counter = [0]

    def wrapper(execute, sql, params, many, context):
        counter[0] += 1
        return execute(sql, params, many, context)

    with connections[using].execute_wrapper(wrapper):
        yield counter


def client():
    from django.test import Client

    return Client(raise_request_exception=True)


def staff_client():
    """A client signed in as the generator's coordinator (None when there is none)."""
    from accounts import roles
    from accounts.models import User

    user = User.objects.filter(groups__name=roles.COORDINATOR, is_active=True).order_by("pk").first()
    if user is None:
        return None
    signed_in = client()
    signed_in.force_login(user)
    return signed_in


def is_present(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return False
    return True


def placeholders() -> dict:
    """Ids and slugs for the detail pages: stable for a given generator scale and seed."""
    from accounts.models import Department
    from feedback.choices import PUBLIC_STATUSES
    from feedback.models import FeedbackItem
    from plan.models import Task
    from registry.choices import DatasetStatus
    from registry.models import Dataset

    task = Task.objects.order_by("plan_id", "position", "pk").values_list("pk", flat=True).first()
    department = Department.objects.order_by("pk").values_list("pk", flat=True).first()
    dataset = (
        Dataset.objects.filter(status=DatasetStatus.PUBLISHED, updates__isnull=False)
        .order_by("pk")
        .values_list("slug", flat=True)
        .first()
    )
    request = (
        FeedbackItem.objects.filter(status__in=PUBLIC_STATUSES).order_by("pk").values_list("pk", flat=True).first()
    )
    campaign = None
    with contextlib.suppress(LookupError):
        from django.apps import apps

        Campaign = apps.get_model("audit", "AuditCampaign")
        campaign = Campaign.objects.filter(status="closed").order_by("pk").values_list("pk", flat=True).first()
    return {"task": task, "department": department, "dataset": dataset, "request": request, "campaign": campaign}


def api_list_routes() -> list[str]:
    """Every list route of the /api/v1/ router, and every GET list action on one object ({id})."""
    from ternopil_od.api_urls import router

    paths = []
    for prefix, viewset, _basename in router.registry:
        if hasattr(viewset, "list"):
            paths.append(f"/api/v1/{prefix}/")
        for action in viewset.get_extra_actions():
            if action.detail and "get" in action.mapping:
                paths.append(f"/api/v1/{prefix}/{{id}}/{action.url_path}/")
    return paths


@dataclass
class PageCount:
    path: str
    status: int | str
    queries: int | None
    note: str = ""


def _results(response) -> list:
    if response.status_code != 200:
        return []
    data = response.json()
    results = data.get("results", data) if isinstance(data, dict) else data
    return results if isinstance(results, list) else []


def _object_id(c, template: str):
    """An id for ``/api/v1/<prefix>/{id}/<action>/``: the first of the list's first page whose
    action returns rows (an empty list skips its queries and would not show the budget)."""
    ids = [row.get("id") for row in _results(c.get(template.split("{id}")[0])) if isinstance(row, dict)]
    for object_id in ids[:10]:
        response = c.get(template.replace("{id}", str(object_id)))
        if response.status_code == 200 and (_results(response) or not isinstance(response.json(), dict)):
            return object_id
        if response.status_code == 200 and "results" not in response.json():
            return object_id
    return ids[0] if ids else None


def page_query_counts(paths: list[str] | None = None) -> list[PageCount]:
    """Queries of the second (warm) anonymous request to each page and API list route."""
    with bench_settings():
        values = placeholders()
        c = client()
        staff = None
        rows = []
        for template in paths or PUBLIC_PAGES + api_list_routes():
            path = template
            if "{id}" in template:
                object_id = _object_id(c, template)
                if object_id is None:
                    rows.append(PageCount(template, "-", None, "no object to open"))
                    continue
                path = template.replace("{id}", str(object_id))
            else:
                with contextlib.suppress(KeyError):
                    path = template.format(**values)
                if "None" in path:
                    rows.append(PageCount(template, "-", None, "no object to open"))
                    continue
            if not is_present(path):
                rows.append(PageCount(template, "-", None, NOT_PRESENT))
                continue
            try:
                c.get(path)  # warm: first-request work (content types, templates) is not counted
                with count_queries() as n:
                    response = c.get(path)
                note = ""
                if response.status_code in (401, 403) and (staff := staff or staff_client()) is not None:
                    # Staff-only routes (audit answers...): measured as the coordinator.
                    staff.get(path)
                    with count_queries() as n:
                        response = staff.get(path)
                    note = "signed in as coordinator"
                rows.append(PageCount(template, response.status_code, n[0], note))
            except Exception as exc:  # noqa: BLE001 - a broken page is a result, not a crash of the run
                rows.append(PageCount(template, "error", None, f"{type(exc).__name__}: {exc}"[:200]))
        return rows


@dataclass
class Timing:
    path: str
    status: int | str
    median_ms: float | None
    ratio: float | None = None
    repeats: int = 0
    note: str = ""


def time_requests(paths: list[str] | None = None, *, repeats: int = 25, trivial_repeats: int = 200) -> dict:
    """Median wall time of ``repeats`` anonymous requests per path, and its ratio to the trivial view.

    Requests to the page and to the trivial view alternate, so that other work on the machine
    weighs on both alike; each ratio is the page's median over the trivial view's median of the
    same alternation.
    """
    with bench_settings():
        c = client()

        def timed(path):
            started = time.perf_counter()
            response = c.get(path)
            return response.status_code, time.perf_counter() - started

        for _ in range(3):
            timed(TRIVIAL_PATH)
        trivial_all = [timed(TRIVIAL_PATH)[1] for _ in range(trivial_repeats)]
        rows = []
        for path in paths or TIMED_PATHS:
            if not is_present(path):
                rows.append(Timing(path, "-", None, note=NOT_PRESENT))
                continue
            try:
                for _ in range(3):
                    status, _seconds = timed(path)
                page, trivial = [], []
                for _ in range(repeats):
                    trivial.append(timed(TRIVIAL_PATH)[1])
                    status, seconds = timed(path)
                    page.append(seconds)
            except Exception as exc:  # noqa: BLE001
                rows.append(Timing(path, "error", None, note=f"{type(exc).__name__}: {exc}"[:200]))
                continue
            ms, trivial_ms = statistics.median(page) * 1000, statistics.median(trivial) * 1000
            rows.append(Timing(path, status, round(ms, 2), round(ms / trivial_ms, 1), repeats))
        trivial_ms = statistics.median(trivial_all) * 1000
        return {"trivial_ms": round(trivial_ms, 3), "trivial_repeats": trivial_repeats, "rows": rows}


# --- the overdue query plan ------------------------------------------------------------------


def overdue_plan(*, today: dt.date | None = None) -> dict:
    """EXPLAIN (ANALYZE on PostgreSQL) of the overdue queries, and which indexes the plans use."""
    from django.db import connection
    from django.utils import timezone

    from registry.models import Dataset
    from registry.selectors import datasets_overdue

    today = today or timezone.localdate()
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Dataset._meta.db_table)
    index_names = sorted(name for name, info in constraints.items() if info.get("index"))
    queries = {
        "first page of overdue datasets (ORDER BY next_due_date LIMIT 50)": datasets_overdue(today=today).order_by(
            "next_due_date", "pk"
        )[:50],
        "count of overdue datasets": datasets_overdue(today=today).values("pk"),
    }
    results = []
    for label, qs in queries.items():
        text = qs.explain(analyze=True, buffers=True) if connection.vendor == "postgresql" else qs.explain()
        used = [name for name in index_names if name in text]
        results.append({"query": label, "sql": str(qs.query), "plan": text, "indexes_used": used})
    overdue = datasets_overdue(today=today).count()
    return {
        "vendor": connection.vendor,
        "datasets": Dataset.objects.count(),
        "overdue": overdue,
        "indexes": index_names,
        "plans": results,
    }


# --- registry import ------------------------------------------------------------------------


IMPORT_COLUMNS = [
    "identifier", "title", "description", "department", "keywords", "formats", "license", "status",
    "first_published", "frequency", "schedule_mode", "last_updated_at", "portal_url",
]  # fmt: skip


def import_rows(n: int, *, today: dt.date) -> list[dict]:
    """``n`` new registry rows as a council's spreadsheet would have them (no slugs, department names)."""
    from accounts.models import Department

    from .generate import DATASET_AREAS, DATASET_SUBJECTS

    names = list(Department.objects.order_by("pk").values_list("name", flat=True))
    frequencies = ["yearly", "quarterly", "monthly", "Щокварталу", "once a month", "half_yearly", "on_change"]
    rows = []
    for i in range(n):
        title = f"{DATASET_SUBJECTS[i % len(DATASET_SUBJECTS)]} {DATASET_AREAS[i % len(DATASET_AREAS)]} — імпорт {i}"
        rows.append(
            {
                "identifier": f"imp-{i + 1:06d}",
                "title": title,
                "description": f"{title}. Набір даних з реєстру, імпортованого з файлу підрозділу." * 2,
                "department": names[i % len(names)],
                "keywords": "імпорт, реєстр",
                "formats": "CSV, JSON" if i % 3 else "XLSX",
                "license": "CC-BY-4.0",
                "status": "published" if i % 5 else "in_preparation",
                "first_published": (today - dt.timedelta(days=500 + i % 300)).isoformat(),
                "frequency": frequencies[i % len(frequencies)],
                "schedule_mode": "calendar" if i % 4 == 0 else "rolling",
                "last_updated_at": (today - dt.timedelta(days=i % 200)).strftime("%d.%m.%Y"),
                "portal_url": f"https://opendata.example.org/dataset/imp-{i + 1}" if i % 2 else "",
            }
        )
    return rows


def _csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=IMPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _plain_objects(rows: list[dict]):
    from django.utils import timezone

    from accounts.models import Department
    from registry.choices import Frequency
    from registry.models import Dataset
    from registry.resources import FREQUENCY_ALIASES, ChoiceWidget

    department_ids = dict(Department.objects.values_list("name", "pk"))
    frequency = ChoiceWidget(Frequency, FREQUENCY_ALIASES)
    objects = []
    for row in rows:
        last = dt.datetime.strptime(row["last_updated_at"], "%d.%m.%Y")
        objects.append(
            Dataset(
                identifier=row["identifier"],
                slug=row["identifier"],
                title=row["title"],
                description=row["description"],
                department_id=department_ids[row["department"]],
                keywords=row["keywords"],
                formats=row["formats"],
                license=row["license"],
                status=row["status"],
                first_published=dt.date.fromisoformat(row["first_published"]),
                frequency=frequency.clean(row["frequency"]),
                schedule_mode=row["schedule_mode"],
                last_updated_at=timezone.make_aware(last),
                portal_url=row["portal_url"],
            )
        )
    return objects


def registry_import(n: int = 10_000, *, today: dt.date | None = None) -> dict:
    """The real import (``registry.resources.import_file``: one pass, all or nothing) of ``n``
    new rows from a CSV, against a plain ``bulk_create`` of the same rows. Both are deleted after."""
    from django.db import transaction
    from django.utils import timezone

    from common.cache import public_data_changed
    from registry.models import Dataset
    from registry.resources import import_file

    today = today or timezone.localdate()
    rows = import_rows(n, today=today)
    raw = _csv_bytes(rows)
    try:
        with count_queries() as queries:
            started = time.perf_counter()
            outcome = import_file(raw, "bench-registry.csv", dry_run=False)
            import_seconds = time.perf_counter() - started
        imported = Dataset.objects.filter(identifier__startswith="imp-").count()
        Dataset.objects.filter(identifier__startswith="imp-").delete()
        started = time.perf_counter()
        with transaction.atomic():
            Dataset.objects.bulk_create(_plain_objects(rows), batch_size=2000)
        bulk_seconds = time.perf_counter() - started
        bulk_count = Dataset.objects.filter(identifier__startswith="imp-").count()
    finally:
        Dataset.objects.filter(identifier__startswith="imp-").delete()
        public_data_changed()
    return {
        "rows": n,
        "errors": outcome["errors"][:5],
        "totals": outcome["totals"],
        "imported": imported,
        "import_seconds": round(import_seconds, 2),
        "import_queries": queries[0],
        "bulk_create_rows": bulk_count,
        "bulk_create_seconds": round(bulk_seconds, 3),
        "ratio": round(import_seconds / bulk_seconds, 1) if bulk_seconds else None,
        "rows_per_second": round(n / import_seconds) if import_seconds else None,
    }


@dataclass
class ScaleResult:
    name: str
    generated: dict
    counts: list[PageCount] = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    pdf: dict | None = None
