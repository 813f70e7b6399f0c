"""Deterministic synthetic data at a chosen scale, written with bulk inserts.

    python -m benchmarks.generate --scale large          # 2,000 tasks, 100,000 datasets ...
    python -m benchmarks.generate --scale demo --datasets 500 --feedback 100

uses the database of ``benchmarks.settings`` (DATABASE_URL, else ``var/bench.sqlite3``) and
EMPTIES the data tables of the project's apps first (``reset_data``): never point it at a
database you care about. The same scale and seed give the same rows (dates are relative to
``today``): the same titles, statuses and links, and, because the tables are emptied with
their sequences reset, the same primary keys.

What is made (the real models; derived fields through the real pure functions):

* departments with a head each, a coordinator and a council member (unusable passwords);
* action plans with the six Charter principles, two sections each; the first plan holds 95%
  of the tasks (the large plan the quarterly report is measured on), the others share the
  rest; tasks with 1-3 responsible departments (first one lead), one or two deadline periods, an
  indicator, ``due_date`` = end of the last period; statuses spread so that some tasks are
  overdue (due date passed, not completed or cancelled);
* progress updates (each task's latest one carries the task's status), some with evidence links;
* the Resolution 835 list (``registry.services.required_datasets_import``); datasets with a
  frequency mix, both schedule modes, a status mix, some linked to the 835 list and to plan
  tasks; ``next_due_date`` and ``quality_score`` computed by ``dataset_refresh_computed``
  (about one published dataset in eight is overdue); an update log of 1-3 entries per updated
  dataset;
* feedback items of every kind and status (history entries, answers, duplicates, fulfilled
  requests pointing to datasets) and votes skewed towards a few popular requests;
* audit campaigns with a response per department and information resources, when the
  audit app has its models.

Bulk inserts bypass model signals, so ``common.cache.public_data_changed()`` is called at
the end; on PostgreSQL the tables are ANALYZEd (a live database has planner statistics).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import os
import random
import sys
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

BATCH = 2000

# Apps whose tables reset_data() empties (auth groups, content types and migrations stay).
DATA_APPS = ("accounts", "plan", "registry", "audit", "feedback", "reminders", "reports", "authtoken", "admin")


@dataclass(frozen=True)
class Scale:
    plans: int
    departments: int
    tasks: int
    updates: int
    datasets: int
    feedback: int
    votes: int
    # Audit campaigns: all closed with published results but the last, which is open.
    campaigns: int = 2


SCALES = {
    "tiny": Scale(plans=1, departments=3, tasks=12, updates=30, datasets=60, feedback=30, votes=60),
    # About one council's real size: one plan, a registry of a few hundred datasets.
    "demo": Scale(plans=1, departments=8, tasks=40, updates=160, datasets=300, feedback=120, votes=400),
    # A regional instance: many communities' plans, a registry grown for years.
    "large": Scale(
        plans=5,
        departments=60,
        tasks=2_000,
        updates=20_000,
        datasets=100_000,
        feedback=50_000,
        votes=150_000,
        campaigns=4,
    ),
}

# --- words ----------------------------------------------------------------------------------

DEPARTMENT_KINDS = ["Управління", "Відділ", "Департамент", "Служба"]
DEPARTMENT_TOPICS = [
    "освіти і науки", "охорони здоров’я", "житлово-комунального господарства", "транспорту та зв’язку",
    "економіки, промисловості та праці", "фінансів", "містобудування та архітектури", "культури і туризму",
    "соціальної політики", "молоді та спорту", "екології та природних ресурсів", "земельних ресурсів",
    "комунальної власності", "цифрової трансформації", "зв’язків з громадськістю", "надзвичайних ситуацій",
    "юридичного забезпечення", "державної реєстрації", "бухгалтерського обліку", "стратегічного розвитку",
]  # fmt: skip
PRINCIPLES = [
    "Відкритість за замовчуванням",
    "Оперативність та повнота",
    "Доступність і придатність до використання",
    "Порівнюваність та інтероперабельність",
    "Покращення врядування та залучення громадян",
    "Інклюзивний розвиток та інновації",
]
TASK_VERBS = ["Оприлюднити", "Підготувати", "Забезпечити", "Розробити", "Провести", "Оновити", "Запровадити"]
TASK_OBJECTS = [
    "набори даних про бюджет громади", "реєстр відкритих даних розпорядника", "методичні рекомендації для підрозділів",
    "навчання працівників з відкритих даних", "аудит інформаційних ресурсів", "геопросторові дані громади",
    "дані про публічні закупівлі", "розклад руху громадського транспорту", "дані про якість повітря",
    "хакатон з використання відкритих даних", "звіт про виконання плану", "API міського порталу",
]  # fmt: skip
DATASET_SUBJECTS = [
    "Бюджет", "Рішення виконавчого комітету", "Перелік закладів освіти", "Маршрути транспорту", "Якість повітря",
    "Дитячі майданчики", "Об’єкти комунальної власності", "Договори оренди", "Публічні закупівлі",
    "Зупинки громадського транспорту", "Вакансії", "Паспорти бюджетних програм", "Будівельні дозволи",
    "Місця паркування", "Укриття", "Точки Wi-Fi", "Аптеки", "Земельні ділянки", "Петиції", "Депутатські запити",
    "Адміністративні послуги", "Штатний розпис", "Реєстр містобудівних умов", "Зелені насадження",
]  # fmt: skip
DATASET_AREAS = [
    "міста", "громади", "Центрального району", "Північного мікрорайону", "старостинських округів",
    "комунальних підприємств", "закладів культури", "медичних закладів",
]  # fmt: skip
KEYWORDS = ["бюджет", "транспорт", "освіта", "екологія", "житло", "закупівлі", "культура", "карта", "реєстр"]
FORMAT_MIX = ["CSV", "CSV, JSON", "XLSX", "JSON, XML", "CSV, GeoJSON", "PDF", "XLSX, CSV", "API, JSON", "DOC"]
FEEDBACK_TOPICS = [
    "Розклад руху громадського транспорту у форматі GTFS", "Перелік укриттів та їхня місткість",
    "Бюджет участі: проєкти та результати голосування", "Дані про ремонти доріг", "Черги в дитячі садки",
    "Енергоспоживання комунальних закладів", "Перелік вільних земельних ділянок", "Відкриті дані про ДТП",
]  # fmt: skip


_CUMULATIVE: dict = {}


def _rng_choice_weighted(rng: random.Random, pairs):
    """One value of ``pairs`` [(value, weight), ...] (cumulative weights computed once per list)."""
    key = tuple(pairs)
    if key not in _CUMULATIVE:
        values, weights = zip(*pairs, strict=True)
        _CUMULATIVE[key] = (values, list(itertools.accumulate(weights)))
    values, cumulative = _CUMULATIVE[key]
    return rng.choices(values, cum_weights=cumulative)[0]


def _hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# --- reset -----------------------------------------------------------------------------------


def data_models():
    """Every model (through tables included) of DATA_APPS that is installed."""
    from django.apps import apps

    models = []
    for label in DATA_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        models.extend(m for m in config.get_models(include_auto_created=True) if m._meta.managed)
    return models


def reset_data(*, using: str = "default") -> None:
    """Empty the data tables of the project's apps and reset their sequences (ids from 1 again)."""
    from django.core.management.color import no_style
    from django.db import connections, transaction

    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = sorted({m._meta.db_table for m in data_models()} & existing)
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            # Inside an outer transaction (the smoke tests) deferred FK checks may be pending, and
            # PostgreSQL refuses TRUNCATE then: run them now, defer again afterwards.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        sql = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
        connection.ops.execute_sql_flush(sql)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if connection.vendor == "sqlite":
            # sql_flush only resets sequences of tables it flushed that have rows in sqlite_sequence.
            with connection.cursor() as cursor:
                cursor.execute(
                    "DELETE FROM sqlite_sequence WHERE name IN (%s)" % ",".join("?" * len(tables)),  # noqa: UP031
                    tables,
                )


def analyze(*, using: str = "default") -> None:
    """Give the planner statistics of the new rows (PostgreSQL ANALYZE, SQLite ANALYZE)."""
    from django.db import connections

    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- the generator ---------------------------------------------------------------------------


class Generator:
    def __init__(self, scale: Scale, *, seed: int = 2019, today: dt.date | None = None, log=None):
        from django.utils import timezone

        self.scale = scale
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        self.log = log or (lambda message: None)
        self.timings: dict[str, float] = {}
        self.counts: dict[str, int] = {}

    # helpers
    def _step(self, name, func):
        started = time.perf_counter()
        result = func()
        self.timings[name] = round(time.perf_counter() - started, 2)
        self.log(f"  {name}: {self.timings[name]} s")
        return result

    def _bulk(self, model, objects, name=None):
        created = model.objects.bulk_create(objects, batch_size=BATCH)
        key = name or model._meta.label
        self.counts[key] = self.counts.get(key, 0) + len(created)
        return created

    def _aware(self, day: dt.date, hour: int = 12) -> dt.datetime:
        from django.utils import timezone

        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))

    # steps
    def run(self) -> dict:
        from django.db import transaction

        from common.cache import public_data_changed

        started = time.perf_counter()
        with transaction.atomic():
            self._step("departments and users", self.departments_and_users)
            self._step("plans and tasks", self.plans_and_tasks)
            self._step("progress updates", self.progress_updates)
            self._step("datasets", self.datasets)
            self._step("dataset update log", self.dataset_updates)
            self._step("feedback", self.feedback)
            self._step("votes", self.votes)
            self._step("audit", self.audit)
            public_data_changed()
        self._step("analyze", analyze)
        total = round(time.perf_counter() - started, 2)
        return {
            "scale": asdict(self.scale),
            "seed": self.seed,
            "today": self.today.isoformat(),
            "rows": dict(self.counts),
            "seconds": total,
            "steps": dict(self.timings),
        }

    def departments_and_users(self):
        from django.contrib.auth.hashers import make_password
        from django.contrib.auth.models import Group

        from accounts import roles
        from accounts.departments import department_match_key
        from accounts.models import Department, User

        names = []
        for i in range(self.scale.departments):
            kind = DEPARTMENT_KINDS[i % len(DEPARTMENT_KINDS)]
            topic = DEPARTMENT_TOPICS[(i // len(DEPARTMENT_KINDS) + i) % len(DEPARTMENT_TOPICS)]
            name = f"{kind} {topic}"
            if name in names:
                name = f"{name} №{i + 1}"
            names.append(name)
        self.department_objs = self._bulk(
            Department,
            [
                Department(
                    name=name,
                    short_name=f"П-{i + 1}",
                    email=f"dept-{i + 1}@example.org",
                    match_key=department_match_key(name),
                )
                for i, name in enumerate(names)
            ],
        )
        self.department_ids = [d.pk for d in self.department_objs]
        password = make_password(None)
        users = [
            User(username="bench-coordinator", password=password, is_staff=True, first_name="Олена", last_name="К."),
            User(username="bench-council", password=password, first_name="Андрій", last_name="Б."),
        ]
        users += [
            User(
                username=f"bench-head-{i + 1}",
                password=password,
                department_id=pk,
                first_name="Керівник",
                last_name=f"№{i + 1}",
                email=f"head-{i + 1}@example.org",
            )
            for i, pk in enumerate(self.department_ids)
        ]
        users = self._bulk(User, users)
        self.coordinator, self.council = users[0], users[1]
        self.heads = users[2:]
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL_ROLES}
        through = User.groups.through
        links = [through(user_id=self.coordinator.pk, group_id=groups[roles.COORDINATOR].pk)]
        links.append(through(user_id=self.council.pk, group_id=groups[roles.COUNCIL].pk))
        links += [through(user_id=u.pk, group_id=groups[roles.DEPARTMENT_HEAD].pk) for u in self.heads]
        self._bulk(through, links, "accounts.User_groups")
        for department, head in zip(self.department_objs, self.heads, strict=True):
            department.head_id = head.pk
        Department.objects.bulk_update(self.department_objs, ["head"], batch_size=BATCH)
        self.head_by_department = {d.pk: h.pk for d, h in zip(self.department_objs, self.heads, strict=True)}

    def plans_and_tasks(self):
        from common.quarters import Quarter
        from plan.choices import PlanStatus, TaskStatus
        from plan.models import ActionPlan, Indicator, Principle, Section, Task, TaskDepartment, TaskPeriod

        rng = self.rng
        current = Quarter.containing(self.today)
        plans = []
        for p in range(self.scale.plans):
            # The first (large) plan starts last, so it is the plan public pages show by default.
            start = Quarter.from_index(current.index - 4 - p)
            end = Quarter.from_index(start.index + 11)
            plans.append(
                ActionPlan(
                    title=f"План дій з реалізації принципів Міжнародної хартії відкритих даних, громада №{p + 1}",
                    decision_number=f"{100 + p}/{start.year}",
                    decision_date=start.first_day() - dt.timedelta(days=20),
                    start_quarter=str(start),
                    end_quarter=str(end),
                    status=PlanStatus.ADOPTED,
                )
            )
        self.plans = self._bulk(ActionPlan, plans)
        principles = self._bulk(
            Principle,
            [Principle(plan=plan, number=n + 1, title=PRINCIPLES[n]) for plan in self.plans for n in range(6)],
        )
        sections = self._bulk(
            Section,
            [
                Section(principle=pr, title=f"{pr.number}.{k + 1}. Розділ «{pr.title.split()[0]}» {k + 1}", position=k)
                for pr in principles
                for k in range(2)
            ],
        )
        sections_by_plan: dict[int, list] = {}
        for section, principle in zip(sections, [pr for pr in principles for _ in range(2)], strict=True):
            sections_by_plan.setdefault(principle.plan_id, []).append(section)

        # The first plan is the large one (the quarterly report's subject); one task in twenty
        # belongs to one of the other plans (other communities on the same instance).
        plan_of_task = [
            1 + (i // 20) % (len(self.plans) - 1) if len(self.plans) > 1 and i % 20 == 19 else 0
            for i in range(self.scale.tasks)
        ]
        per_plan = [max(1, plan_of_task.count(p)) for p in range(len(self.plans))]
        self.plan_of_task = plan_of_task
        positions: dict[int, int] = {}
        tasks, periods_spec, departments_spec = [], [], []
        for i in range(self.scale.tasks):
            plan = self.plans[plan_of_task[i]]
            positions[plan.pk] = position = positions.get(plan.pk, 0) + 1
            plan_sections = sections_by_plan[plan.pk]
            section = plan_sections[(position - 1) * len(plan_sections) // per_plan[plan_of_task[i]]]
            first, last = Quarter.parse(plan.start_quarter).index, Quarter.parse(plan.end_quarter).index
            start = rng.randint(first, last - 1)
            end = rng.randint(start, min(last, start + 3))
            ranges = [(start, end)]
            if rng.random() < 0.25 and end + 2 <= last:
                second = rng.randint(end + 2, last)
                ranges.append((second, second))
            due = Quarter.from_index(ranges[-1][1]).last_day()
            status = self._task_status(due)
            percent = {
                TaskStatus.COMPLETED: 100,
                TaskStatus.NOT_STARTED: None,
                TaskStatus.CANCELLED: None,
                TaskStatus.LIMITED: rng.choice([10, 20, 30]),
                TaskStatus.SUBSTANTIAL: rng.choice([50, 60, 70, 80]),
            }[status]
            label = (
                Quarter.from_index(start).label()
                if start == end
                else f"{Quarter.from_index(start).label()} – {Quarter.from_index(end).label()}"
            )
            tasks.append(
                Task(
                    plan=plan,
                    section=section,
                    position=position,
                    title=f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)} ({position})",
                    description="Захід передбачає підготовку, погодження та оприлюднення результатів на порталі.",
                    indicators_text="Оприлюднено; кількість наборів даних",
                    deadline_text=label + (" та далі щокварталу" if len(ranges) > 1 else ""),
                    recurring=len(ranges) > 1,
                    due_date=due,
                    status=status,
                    percent=percent,
                )
            )
            periods_spec.append(ranges)
            count = _rng_choice_weighted(rng, [(1, 6), (2, 3), (3, 1)])
            departments_spec.append(rng.sample(self.department_ids, min(count, len(self.department_ids))))
        self.tasks = self._bulk(Task, tasks)
        self._bulk(
            TaskPeriod,
            [
                TaskPeriod(task=task, start_index=a, end_index=b)
                for task, ranges in zip(self.tasks, periods_spec, strict=True)
                for a, b in ranges
            ],
        )
        self._bulk(
            TaskDepartment,
            [
                TaskDepartment(task=task, department_id=dep, is_lead=n == 0, position=n)
                for task, deps in zip(self.tasks, departments_spec, strict=True)
                for n, dep in enumerate(deps)
            ],
        )
        self.task_lead = {task.pk: deps[0] for task, deps in zip(self.tasks, departments_spec, strict=True)}
        self._bulk(
            Indicator,
            [
                Indicator(task=task, text="Кількість оприлюднених наборів даних", target_value=5 + n % 20, unit="шт.")
                for n, task in enumerate(self.tasks)
            ],
        )

    def _task_status(self, due: dt.date) -> str:
        from plan.choices import TaskStatus

        if due < self.today:
            return _rng_choice_weighted(
                self.rng,
                [
                    (TaskStatus.COMPLETED, 50),
                    (TaskStatus.CANCELLED, 5),
                    (TaskStatus.SUBSTANTIAL, 20),
                    (TaskStatus.LIMITED, 15),
                    (TaskStatus.NOT_STARTED, 10),
                ],
            )
        return _rng_choice_weighted(
            self.rng,
            [
                (TaskStatus.COMPLETED, 15),
                (TaskStatus.SUBSTANTIAL, 25),
                (TaskStatus.LIMITED, 30),
                (TaskStatus.NOT_STARTED, 30),
            ],
        )

    def progress_updates(self):
        from common.quarters import Quarter
        from plan.choices import TaskStatus
        from plan.models import EvidenceLink, ProgressUpdate

        rng = self.rng
        ladder = [TaskStatus.NOT_STARTED, TaskStatus.LIMITED, TaskStatus.SUBSTANTIAL, TaskStatus.COMPLETED]
        n_tasks = len(self.tasks)
        updates = []
        for i, task in enumerate(self.tasks):
            count = self.scale.updates // n_tasks + (1 if i < self.scale.updates % n_tasks else 0)
            if not count:
                continue
            start = Quarter.parse(self.plans[self.plan_of_task[i]].start_quarter).first_day()
            end = min(self.today, task.due_date + dt.timedelta(days=30))
            span = max(1, (end - start).days)
            days = sorted(start + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
            final = task.status
            top = ladder.index(final) if final in ladder else 1
            author = self.head_by_department[self.task_lead[task.pk]]
            for n, day in enumerate(days):
                status = final if n == count - 1 else ladder[min(top, n * (top + 1) // count)]
                updates.append(
                    ProgressUpdate(
                        task=task,
                        date=day,
                        period_index=Quarter.containing(day).index,
                        author_id=author if n % 3 else self.coordinator.pk,
                        status=status,
                        percent=task.percent if n == count - 1 else None,
                        narrative=f"Звіт про виконання №{n + 1}: виконано підготовчі роботи, результати оприлюднено.",
                    )
                )
        created = self._bulk(ProgressUpdate, updates)
        self._bulk(
            EvidenceLink,
            [
                EvidenceLink(update=u, url=f"https://opendata.example.org/evidence/{u.pk}", title="Підтвердження")
                for n, u in enumerate(created)
                if n % 5 == 0
            ],
        )

    def datasets(self):
        from django.conf import settings

        from registry.choices import DatasetSource, DatasetStatus, Frequency, ScheduleMode
        from registry.models import Dataset, RequiredDataset
        from registry.services import dataset_refresh_computed, required_datasets_import

        rng = self.rng
        required_datasets_import(source=Path(settings.BASE_DIR) / "data" / "resolution-835-datasets-local.csv")
        self.counts["registry.RequiredDataset"] = RequiredDataset.objects.count()
        required_ids = list(RequiredDataset.objects.order_by("pk").values_list("pk", flat=True))
        interval = {
            Frequency.MORE_THAN_DAILY: 1,
            Frequency.DAILY: 1,
            Frequency.WEEKLY: 7,
            Frequency.MONTHLY: 30,
            Frequency.QUARTERLY: 91,
            Frequency.HALF_YEARLY: 182,
            Frequency.YEARLY: 365,
            Frequency.ON_CHANGE: 120,
            Frequency.NO_LONGER_UPDATED: 700,
        }
        frequencies = [
            (Frequency.YEARLY, 30),
            (Frequency.QUARTERLY, 20),
            (Frequency.MONTHLY, 20),
            (Frequency.HALF_YEARLY, 8),
            (Frequency.WEEKLY, 5),
            (Frequency.DAILY, 4),
            (Frequency.MORE_THAN_DAILY, 2),
            (Frequency.ON_CHANGE, 8),
            (Frequency.NO_LONGER_UPDATED, 3),
        ]
        statuses = [
            (DatasetStatus.PUBLISHED, 72),
            (DatasetStatus.IN_PREPARATION, 10),
            (DatasetStatus.PLANNED, 10),
            (DatasetStatus.ARCHIVED, 8),
        ]
        objects = []
        for i in range(self.scale.datasets):
            status = _rng_choice_weighted(rng, statuses)
            frequency = _rng_choice_weighted(rng, frequencies)
            days = interval[frequency]
            last = None
            if status in (DatasetStatus.PUBLISHED, DatasetStatus.ARCHIVED):
                if rng.random() < 0.12:  # overdue: the last update is older than the interval
                    ago = days + rng.randint(15, 120)
                else:
                    ago = rng.randrange(max(1, days - 10)) if days > 10 else 0
                last = self._aware(self.today - dt.timedelta(days=ago), hour=rng.randint(8, 17))
            subject = rng.choice(DATASET_SUBJECTS)
            title = f"{subject} {rng.choice(DATASET_AREAS)}"
            department = self.department_ids[i % len(self.department_ids)]
            long = rng.random() < 0.7
            published = status in (DatasetStatus.PUBLISHED, DatasetStatus.ARCHIVED)
            dataset = Dataset(
                identifier=f"ds-{i + 1:06d}",
                slug=f"ds-{i + 1:06d}",
                title=title,
                description=(
                    f"{title}. Набір даних оприлюднюється відповідно до Положення про набори даних, "
                    "які підлягають оприлюдненню у формі відкритих даних."
                    if long
                    else f"{title}."
                ),
                department_id=department,
                responsible_person="Відповідальна особа" if rng.random() < 0.8 else "",
                responsible_email=f"steward-{department}@example.org" if rng.random() < 0.8 else "",
                keywords=", ".join(rng.sample(KEYWORDS, rng.randint(0, 3))),
                formats=rng.choice(FORMAT_MIX),
                license="CC-BY-4.0" if rng.random() < 0.9 else "",
                purpose="Закон України «Про доступ до публічної інформації»",
                required_by_835_id=required_ids[i % len(required_ids)] if required_ids and i % 40 == 0 else None,
                status=status,
                first_published=(self.today - dt.timedelta(days=400 + i % 900)) if published else None,
                portal_url=f"https://opendata.example.org/dataset/ds-{i + 1}" if published and i % 5 else "",
                data_gov_ua_url=f"https://data.gov.ua/dataset/ds-{i + 1}" if published and i % 3 == 0 else "",
                source=DatasetSource.MANUAL if i % 7 else DatasetSource.IMPORT,
                frequency=frequency,
                schedule_mode=ScheduleMode.CALENDAR if i % 5 == 0 else ScheduleMode.ROLLING,
                calendar_offset_days=10,
                grace_days=0 if i % 4 else 5,
                last_updated_at=last,
            )
            dataset_refresh_computed(dataset, today=self.today)
            objects.append(dataset)
        self.datasets_created = self._bulk(Dataset, objects)
        self.dataset_ids = [d.pk for d in self.datasets_created]
        through = Dataset.tasks.through
        task_ids = [t.pk for t in self.tasks]
        if task_ids:
            self._bulk(
                through,
                [
                    through(dataset_id=d.pk, task_id=task_ids[n % len(task_ids)])
                    for n, d in enumerate(self.datasets_created)
                    if n % 20 == 0
                ],
                "registry.Dataset_tasks",
            )

    def dataset_updates(self):
        from registry.models import DatasetUpdate

        rng = self.rng
        entries = []
        for d in self.datasets_created:
            if d.last_updated_at is None:
                continue
            for k in range(rng.randint(1, 3)):
                entries.append(
                    DatasetUpdate(
                        dataset_id=d.pk,
                        updated_at=d.last_updated_at - dt.timedelta(days=30 * k),
                        by_id=self.head_by_department[d.department_id] if k % 2 == 0 else self.coordinator.pk,
                        note="Дані оновлено" if k == 0 else "Планове оновлення",
                        link=f"https://opendata.example.org/dataset/{d.slug}" if k == 0 else "",
                    )
                )
        self._bulk(DatasetUpdate, entries)

    def feedback(self):
        from feedback.choices import CLOSED_STATUSES, RESPONSE_STATUSES, FeedbackKind, FeedbackStatus
        from feedback.models import FeedbackItem, FeedbackStatusChange

        rng = self.rng
        kinds = [
            (FeedbackKind.DATASET_REQUEST, 55),
            (FeedbackKind.SUGGESTION, 20),
            (FeedbackKind.DATA_ERROR, 15),
            (FeedbackKind.QUESTION, 10),
        ]
        statuses = [
            (FeedbackStatus.NEW, 10),
            (FeedbackStatus.PUBLISHED, 25),
            (FeedbackStatus.ANSWERED, 25),
            (FeedbackStatus.IN_PROGRESS, 10),
            (FeedbackStatus.FULFILLED, 10),
            (FeedbackStatus.REJECTED, 15),
            (FeedbackStatus.DUPLICATE, 5),
        ]
        created_pks: list[int] = []
        history = []
        self.public_feedback_ids = []
        total = self.scale.feedback
        for start in range(0, total, BATCH):
            batch = []
            for i in range(start, min(total, start + BATCH)):
                status = _rng_choice_weighted(rng, statuses)
                if status == FeedbackStatus.DUPLICATE and not created_pks:
                    status = FeedbackStatus.PUBLISHED
                received = self.now - dt.timedelta(days=rng.randrange(730), hours=rng.randrange(24))
                answered = (
                    received + dt.timedelta(hours=rng.randint(4, 24 * 30)) if status in RESPONSE_STATUSES else None
                )
                if answered and answered > self.now:
                    answered = self.now
                closed = answered if status in CLOSED_STATUSES else None
                with_contact = rng.random() < 0.2
                batch.append(
                    FeedbackItem(
                        kind=_rng_choice_weighted(rng, kinds),
                        title=f"{rng.choice(FEEDBACK_TOPICS)} ({i + 1})",
                        text="Прошу оприлюднити ці дані у машиночитному форматі та оновлювати їх щомісяця.",
                        dataset_id=self.dataset_ids[i % len(self.dataset_ids)]
                        if self.dataset_ids and i % 3 == 0
                        else None,
                        name="Мешканець громади" if with_contact else "",
                        email=f"resident-{i}@example.org" if with_contact else "",
                        consent=with_contact,
                        status=status,
                        duplicate_of_id=rng.choice(created_pks) if status == FeedbackStatus.DUPLICATE else None,
                        public_answer="Дякуємо, дані готуються до оприлюднення." if answered else "",
                        fulfilled_dataset_id=self.dataset_ids[i % len(self.dataset_ids)]
                        if status == FeedbackStatus.FULFILLED and self.dataset_ids
                        else None,
                        created_at=received,
                        first_answered_at=answered,
                        answered_at=answered,
                        closed_at=closed,
                        ip_hash=_hex(f"ip-{i % 9973}"),
                    )
                )
            items = self._bulk(FeedbackItem, batch)
            for item in items:
                created_pks.append(item.pk)
                history.append(
                    FeedbackStatusChange(item_id=item.pk, status=FeedbackStatus.NEW, created_at=item.created_at)
                )
                if item.status != FeedbackStatus.NEW:
                    self.public_feedback_ids.append(item.pk)
                    history.append(
                        FeedbackStatusChange(
                            item_id=item.pk,
                            status=item.status,
                            comment=item.public_answer,
                            created_at=item.first_answered_at or item.created_at + dt.timedelta(hours=2),
                            by_id=self.coordinator.pk,
                        )
                    )
        self._bulk(FeedbackStatusChange, history)

    def votes(self):
        from feedback.models import Vote

        rng = self.rng
        items = self.public_feedback_ids
        if not items:
            return
        votes = []
        for v in range(self.scale.votes):
            # Skewed: a few requests collect most votes.
            item = items[int(len(items) * rng.random() ** 3)]
            votes.append(
                Vote(
                    item_id=item,
                    voter_key=_hex(f"voter-{self.seed}-{v}"),
                    ip_hash=_hex(f"vote-ip-{v % 20011}"),
                    created_at=self.now - dt.timedelta(hours=v % 5000),
                )
            )
        self._bulk(Vote, votes)
        from feedback.services import feedback_recount_votes

        feedback_recount_votes()  # bulk_create bypasses the voting service that keeps the count

    def audit(self):
        """Campaigns, one response per department and a few resources each (when audit has models)."""
        from django.apps import apps

        try:
            Campaign = apps.get_model("audit", "AuditCampaign")
            Response = apps.get_model("audit", "AuditResponse")
            Resource = apps.get_model("audit", "InformationResource")
        except LookupError:
            return
        self._audit(Campaign, Response, Resource)

    def _audit(self, Campaign, Response, Resource):
        rng = self.rng
        campaigns = []
        for k in range(self.scale.campaigns):
            last = k == self.scale.campaigns - 1
            start = self.today - dt.timedelta(days=40 if last else 365 * (self.scale.campaigns - 1 - k) + 120)
            campaigns.append(
                Campaign(
                    title=f"Інформаційний аудит {start.year}, хвиля {k + 1}",
                    methodology="Анкета для підрозділів за методикою інформаційного аудиту.",
                    methodology_version="1.0",
                    start_date=start,
                    deadline=start + dt.timedelta(days=60),
                    status="open" if last else "closed",
                    results_published=not last,
                    created_by_id=self.coordinator.pk,
                    opened_at=self._aware(start),
                    closed_at=None if last else self._aware(start + dt.timedelta(days=75)),
                )
            )
        campaigns = self._bulk(Campaign, campaigns)
        through = Campaign.departments.through
        self._bulk(
            through,
            [through(auditcampaign_id=c.pk, department_id=d) for c in campaigns for d in self.department_ids],
            "audit.AuditCampaign_departments",
        )
        responses = []
        for c in campaigns:
            for d in self.department_ids:
                if c.status == "closed":
                    status = "reviewed" if rng.random() < 0.8 else "submitted"
                else:
                    status = _rng_choice_weighted(
                        rng, [("not_started", 3), ("in_progress", 3), ("submitted", 3), ("returned", 1)]
                    )
                submitted = status in ("submitted", "reviewed")
                responses.append(
                    Response(
                        campaign_id=c.pk,
                        department_id=d,
                        status=status,
                        invited_at=self._aware(c.start_date),
                        submitted_at=self._aware(c.start_date + dt.timedelta(days=rng.randint(5, 55)))
                        if submitted
                        else None,
                        submitted_by_id=self.head_by_department[d] if submitted else None,
                        reviewed_at=self._aware(c.deadline) if status == "reviewed" else None,
                    )
                )
        responses = self._bulk(Response, responses)
        resources = []
        for r in responses:
            if r.status == "not_started":
                continue
            for n in range(rng.randint(3, 8)):
                access = _rng_choice_weighted(rng, [("public", 7), ("official_use", 2), ("confidential", 1)])
                publish = (
                    "no"
                    if access == "confidential"
                    else _rng_choice_weighted(rng, [("yes", 6), ("partly", 2), ("no", 2)])
                )
                decision = "pending"
                if r.status == "reviewed":
                    decision = "accepted" if publish != "no" else "rejected"
                resources.append(
                    Resource(
                        response_id=r.pk,
                        name=f"{rng.choice(DATASET_SUBJECTS)} ({n + 1})",
                        description="Облік ведеться в електронній таблиці, оновлюється щомісяця.",
                        legal_basis="Положення про підрозділ",
                        form=rng.choice(["electronic", "database", "register", "paper"]),
                        formats=rng.choice(FORMAT_MIX),
                        personal_data=rng.choice(["no", "no", "partly", "yes"]),
                        access_category=access,
                        frequency=rng.choice(["monthly", "quarterly", "yearly", "on_change"]),
                        can_publish=publish,
                        restriction_reason="" if publish == "yes" else "Містить персональні дані (ст. 11 Закону).",
                        public_interest=rng.randint(1, 5),
                        review_decision=decision,
                        reviewed_by_id=self.coordinator.pk if decision != "pending" else None,
                        reviewed_at=r.reviewed_at if decision != "pending" else None,
                    )
                )
        self._bulk(Resource, resources)


def generate(scale: Scale | str = "demo", *, seed: int = 2019, today=None, reset: bool = True, log=None) -> dict:
    """Empty the data tables (``reset``) and fill them at ``scale``; returns row counts and timings."""
    if isinstance(scale, str):
        scale = SCALES[scale]
    started = time.perf_counter()
    if reset:
        reset_data()
    reset_seconds = time.perf_counter() - started
    result = Generator(scale, seed=seed, today=today, log=log).run()
    result["reset_seconds"] = round(reset_seconds, 2)
    return result


def _row_counts() -> dict:
    from feedback.models import FeedbackItem, Vote
    from plan.models import ActionPlan, ProgressUpdate, Task
    from registry.models import Dataset

    return {
        "plans": ActionPlan.objects.count(),
        "tasks": Task.objects.count(),
        "updates": ProgressUpdate.objects.count(),
        "datasets": Dataset.objects.count(),
        "feedback": FeedbackItem.objects.count(),
        "votes": Vote.objects.count(),
    }


def generated_data_matches(previous: dict | None, scale: Scale, *, seed: int, today: dt.date) -> bool:
    """Does the database still hold what ``previous`` (a generate() result) made at ``scale``?

    The same scale, seed and day, and the same row counts now (nothing added or removed since).
    """
    if not previous or previous.get("scale") != asdict(scale) or previous.get("seed") != seed:
        return False
    if previous.get("today") != today.isoformat():
        return False
    return _row_counts() == {key: asdict(scale)[key] for key in _row_counts()}


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
    for f in fields(Scale):
        parser.add_argument(f"--{f.name}", type=int, default=None, help=f"override the scale's {f.name}")
    parser.add_argument("--seed", type=int, default=2019)
    args = parser.parse_args(argv)
    scale = replace(
        SCALES[args.scale], **{f.name: getattr(args, f.name) for f in fields(Scale) if getattr(args, f.name)}
    )
    setup_django()
    from django.core.management import call_command

    from .database import ensure_database

    ensure_database()
    call_command("migrate", verbosity=0)
    result = generate(scale, seed=args.seed, log=lambda m: print(m, file=sys.stderr))
    import json

    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
