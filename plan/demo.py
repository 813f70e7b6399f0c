"""The Ternopil 2019-2020 plan and a few progress updates, for `manage.py load_demo`. Safe to run twice."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import transaction

from accounts.models import User

from .choices import PlanStatus, TaskStatus
from .models import ActionPlan, Task
from .services import plan_import, task_add_progress

PLAN_FILE = Path(settings.BASE_DIR) / "data" / "ternopil-plan-2019-2020.csv"
PLAN_TITLE = (
    "План заходів та дій з реалізації принципів Міжнародної Хартії відкритих даних у Тернопільській міській раді"
)
PLAN_START, PLAN_END = "2019Q1", "2020Q4"

# (task position, username, date, status, percent, narrative, evidence link)
DEMO_UPDATES = [
    (
        1,
        "head",
        dt.date(2019, 3, 28),
        TaskStatus.SUBSTANTIAL,
        60,
        "Оприлюднено перші набори даних відповідно до Постанови КМУ № 835.",
        "https://data.gov.ua/",
    ),
    (
        1,
        "coordinator",
        dt.date(2019, 6, 27),
        TaskStatus.COMPLETED,
        100,
        "Усі обов’язкові набори даних опубліковано та оновлюються.",
        "",
    ),
    (
        2,
        "head",
        dt.date(2019, 6, 20),
        TaskStatus.COMPLETED,
        100,
        "Методичні рекомендації підготовлено й надіслано підрозділам.",
        "",
    ),
    (
        4,
        "coordinator",
        dt.date(2019, 9, 30),
        TaskStatus.LIMITED,
        30,
        "Підготовлено проєкт змін до стратегії; триває обговорення.",
        "",
    ),
    (
        14,
        "head",
        dt.date(2019, 12, 20),
        TaskStatus.SUBSTANTIAL,
        None,
        "Щокварталу публікуємо матеріали про відкриті дані в місцевих ЗМІ.",
        "",
    ),
]


@transaction.atomic
def load(stdout):
    plan = ActionPlan.objects.filter(title=PLAN_TITLE, start_quarter=PLAN_START).first()
    if plan is None:
        report = plan_import(
            data=PLAN_FILE.read_bytes(),
            filename=PLAN_FILE.name,
            title=PLAN_TITLE,
            start=PLAN_START,
            end=PLAN_END,
            status=PlanStatus.ADOPTED,
            create_departments=True,  # the seed's departments not among accounts.demo's three
        )
        plan = report.plan
        stdout.write("План Тернополя 2019–2020: " + report.summary())
    else:
        stdout.write("План Тернополя 2019–2020 уже завантажено.")
    users = {u.username: u for u in User.objects.filter(username__in={u[1] for u in DEMO_UPDATES})}
    added = 0
    for position, username, date, status, percent, narrative, link in DEMO_UPDATES:
        task = Task.objects.filter(plan=plan, position=position).first()
        author = users.get(username)
        if task is None or author is None or task.updates.filter(date=date, narrative=narrative).exists():
            continue
        task_add_progress(
            task=task,
            author=author,
            status=status,
            narrative=narrative,
            date=date,
            percent=percent,
            links=[link] if link else [],
        )
        added += 1
    stdout.write(f"Демо-оновлень виконання додано: {added}.")
    return plan
