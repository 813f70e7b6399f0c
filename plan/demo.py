"""Demo data of the plan, for `manage.py load_demo`. Safe to run twice.

* The Ternopil 2019-2020 plan is loaded as adopted, exactly as the council's document has it,
  with NO progress on it: nothing on the public pages claims the real plan was carried out.
* Demo progress lives on a separate, clearly named plan ("ДЕМО: ..."), whose quarters are the last
  three before today plus the current one. The registry, requests and audit demos are dated in the
  same months (relative to today), so a report for any demo quarter shows figures from all parts.
  Every update goes through ``task_add_progress`` and, where it awaits review, is accepted through
  ``plan.verification`` by the lead head or coordinator, as a real one would be.
"""

import csv
import datetime as dt
import io
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_DEPARTMENTS
from accounts.models import User
from common.quarters import ROMAN, Quarter

from . import verification
from .choices import PlanStatus, ReviewState, TaskStatus
from .importing import COLUMNS
from .models import ActionPlan, Task
from .services import plan_import, task_add_progress

PLAN_FILE = Path(settings.BASE_DIR) / "data" / "ternopil-plan-2019-2020.csv"
PLAN_TITLE = (
    "План заходів та дій з реалізації принципів Міжнародної Хартії відкритих даних у Тернопільській міській раді"
)
PLAN_START, PLAN_END = "2019Q1", "2020Q4"
DEMO_PLAN_TITLE = "ДЕМО: навчальний план дій з відкритих даних (вигадані дані для ознайомлення)"

# (principle, section, task, indicators, first quarter offset, last quarter offset, department indexes)
# Offsets count from the demo plan's first quarter (0..3; 3 = the current quarter).
DEMO_TASKS = [
    (
        "І. Відкритість за замовчуванням",
        "Оприлюднення",
        "Оприлюднити перелік наборів даних міської ради",
        "Оприлюднено 40 наборів даних.",
        0,
        1,
        (0,),
    ),
    (
        "І. Відкритість за замовчуванням",
        "Оприлюднення",
        "Провести навчання розпорядників даних",
        "Навчено 30 посадових осіб.",
        0,
        2,
        (0, 1),
    ),
    (
        "ІІ. Оперативність та повнота",
        "Якість даних",
        "Оновлювати набори даних вчасно",
        "Частка наборів, оновлених вчасно, 90 %.",
        1,
        3,
        (1, 0),
    ),
    (
        "ІІІ. Доступність та можливість використання",
        "Зворотний зв’язок",
        "Відповідати на запити на нові набори даних",
        "",
        2,
        3,
        (0,),
    ),
]

# Reports on the demo plan: task index, author, days after the quarter's start, quarter offset,
# status, percent, what was done, reason for delay, next steps, {indicator position: actual}.
DEMO_UPDATES = [
    (
        0, "head", 60, 0, TaskStatus.LIMITED, 30,
        "Складено перелік із 12 наборів, погоджено з підрозділами.",
        "Погодження переліку з підрозділами тривало довше, ніж планували.",
        "Оприлюднити перелік на порталі.",
        {0: 12},
    ),
    (
        0, "head", 95, 1, TaskStatus.COMPLETED, 100,
        "Перелік оприлюднено; опубліковано 40 наборів.", "", "", {0: 40},
    ),
    (
        1, "head-strategy", 40, 1, TaskStatus.SUBSTANTIAL, 60,
        "Проведено два навчання для 18 посадових осіб.",
        "Третє навчання перенесено через відпустки.",
        "Третє навчання для управлінь.",
        {0: 18},
    ),
    (
        2, "head-strategy", 50, 2, TaskStatus.LIMITED, None,
        "Налаштовано нагадування; вчасно оновлено 55 % наборів.",
        "Частина розпорядників ще не має доступу до порталу.",
        "Щомісячна перевірка графіка.",
        {0: 55},
    ),
]  # fmt: skip


def demo_quarters(today: dt.date) -> tuple[Quarter, Quarter]:
    current = Quarter.containing(today)
    return Quarter.from_index(current.index - 3), current


def _deadline_text(first: Quarter, last: Quarter) -> str:
    if first == last:
        return f"{ROMAN[first.number]} квартал {first.year} року"
    if first.year == last.year:
        return f"{ROMAN[first.number]}-{ROMAN[last.number]} квартал {first.year} року"
    return f"{ROMAN[first.number]} квартал {first.year} року - {ROMAN[last.number]} квартал {last.year} року"


def _demo_table(start: Quarter) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    previous = None
    for principle, section, title, indicators, first, last, deps in DEMO_TASKS:
        names = "; ".join(DEMO_DEPARTMENTS[i][0] for i in deps)
        deadline = _deadline_text(Quarter.from_index(start.index + first), Quarter.from_index(start.index + last))
        writer.writerow(
            [
                principle if principle != previous else "",
                section,
                title,
                "Навчальне завдання.",
                indicators,
                deadline,
                names,
            ]
        )
        previous = principle
    return out.getvalue().encode()


def _load_ternopil(stdout) -> ActionPlan:
    plan = ActionPlan.objects.filter(title=PLAN_TITLE, start_quarter=PLAN_START).first()
    if plan is not None:
        stdout.write("План Тернополя 2019–2020 уже завантажено.")
        return plan
    report = plan_import(
        data=PLAN_FILE.read_bytes(),
        filename=PLAN_FILE.name,
        title=PLAN_TITLE,
        start=PLAN_START,
        end=PLAN_END,
        status=PlanStatus.ADOPTED,
        create_departments=True,  # the seed's departments not among accounts.demo's three
    )
    stdout.write("План Тернополя 2019–2020 (без вигаданого виконання): " + report.summary())
    return report.plan


def _load_demo_plan(stdout, today: dt.date) -> ActionPlan:
    start, current = demo_quarters(today)
    plan = ActionPlan.objects.filter(title=DEMO_PLAN_TITLE).first()
    if plan is not None:
        stdout.write("Демонстраційний план уже завантажено.")
        return plan
    report = plan_import(
        data=_demo_table(start),
        filename="demo.csv",
        title=DEMO_PLAN_TITLE,
        start=start,
        end=current.next(),
        status=PlanStatus.ADOPTED,
    )
    plan = report.plan
    ActionPlan.objects.filter(pk=plan.pk).update(is_demo=True)
    users = {u.username: u for u in User.objects.filter(username__in={"head", "head-strategy", "coordinator"})}
    coordinator = users.get("coordinator")
    added = 0
    for task_index, username, days, offset, status, percent, done, delay, steps, actuals in DEMO_UPDATES:
        task = Task.objects.filter(plan=plan, position=task_index + 1).first()
        author = users.get(username)
        if task is None or author is None:
            continue
        quarter = Quarter.from_index(start.index + offset)
        day = min(quarter.first_day() + dt.timedelta(days=days), today)
        indicators = list(task.indicators.order_by("position"))
        update = task_add_progress(
            task=task,
            author=author,
            status=status,
            narrative=done,
            date=day,
            percent=percent,
            period=quarter,
            delay_reason=delay,
            next_steps=steps,
            indicator_values=[
                {"indicator": indicators[i].pk, "actual": value} for i, value in actuals.items() if i < len(indicators)
            ],
        )
        if update.review_state == ReviewState.PENDING and coordinator is not None:
            verification.update_accept(update=update, by=coordinator, comment="Демо: прийнято.")
        added += 1
    stdout.write(f"Демонстраційний план: {report.summary()} Звітів про виконання: {added}.")
    return plan


@transaction.atomic
def load(stdout):
    plan = _load_ternopil(stdout)
    _load_demo_plan(stdout, timezone.localdate())
    return plan
