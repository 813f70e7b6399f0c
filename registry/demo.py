"""Demo registry: the Resolution 835 list and ~15 datasets of the demo departments. Safe to run twice."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_DEPARTMENTS
from accounts.services import department_get_or_create

from .choices import DatasetStatus, Frequency, ScheduleMode
from .models import Dataset, RequiredDataset
from .services import dataset_create, dataset_mark_updated, required_datasets_import

LIST_835 = Path(settings.BASE_DIR) / "data" / "resolution-835-datasets-local.csv"

# identifier, title, department index, frequency, mode, status, days since last update (None: never),
# formats, words of the 835 entry it answers (or None)
DEMO = [
    ("tr-structure", "Організаційна структура міської ради", 0, Frequency.YEARLY, ScheduleMode.ROLLING,
     DatasetStatus.PUBLISHED, 30, "CSV, JSON", "структуру (організаційну структуру)"),
    ("tr-enterprises", "Довідник підприємств, установ та організацій комунальної власності", 2, Frequency.QUARTERLY,
     ScheduleMode.CALENDAR, DatasetStatus.PUBLISHED, 200, "XLSX, CSV", "Довідник підприємств"),
    ("tr-budget", "Бюджет міста: планові та фактичні показники", 1, Frequency.MONTHLY, ScheduleMode.CALENDAR,
     DatasetStatus.PUBLISHED, 20, "CSV", "бюджет"),
    ("tr-public-info-requests", "Звіт про запити на публічну інформацію", 0, Frequency.QUARTERLY,
     ScheduleMode.CALENDAR, DatasetStatus.PUBLISHED, 40, "CSV", "запитів на інформацію"),
    ("tr-regulatory-acts", "Регуляторні акти міської ради", 1, Frequency.ON_CHANGE, ScheduleMode.ROLLING,
     DatasetStatus.PUBLISHED, 90, "JSON, XML", "регуляторних актів"),
    ("tr-transport-routes", "Маршрути міського пасажирського транспорту", 1, Frequency.YEARLY,
     ScheduleMode.ROLLING, DatasetStatus.PUBLISHED, 500, "CSV, GeoJSON", None),
    ("tr-transport-gps", "Розташування громадського транспорту в реальному часі", 1, Frequency.MORE_THAN_DAILY,
     ScheduleMode.ROLLING, DatasetStatus.PUBLISHED, 0, "API, JSON", None),
    ("tr-air-quality", "Якість атмосферного повітря", 1, Frequency.DAILY, ScheduleMode.ROLLING,
     DatasetStatus.PUBLISHED, 5, "CSV", None),
    ("tr-wifi", "Точки доступу Wi-Fi у громадських місцях", 0, Frequency.HALF_YEARLY, ScheduleMode.ROLLING,
     DatasetStatus.PUBLISHED, 100, "CSV, JSON", None),
    ("tr-procurement-plan", "Річний план закупівель", 2, Frequency.YEARLY, ScheduleMode.CALENDAR,
     DatasetStatus.PUBLISHED, 420, "XLSX", None),
    ("tr-vacancies", "Вакансії комунальних підприємств", 2, Frequency.WEEKLY, ScheduleMode.ROLLING,
     DatasetStatus.PUBLISHED, 21, "CSV", None),
    ("tr-rental", "Перелік об’єктів комунальної власності, що передані в оренду", 2, Frequency.QUARTERLY,
     ScheduleMode.ROLLING, DatasetStatus.IN_PREPARATION, None, "XLSX", "оренд"),
    ("tr-petitions", "Електронні петиції", 0, Frequency.MONTHLY, ScheduleMode.ROLLING,
     DatasetStatus.PLANNED, None, "JSON", None),
    ("tr-2019-elections", "Виборчі дільниці 2019 року", 0, Frequency.NO_LONGER_UPDATED, ScheduleMode.ROLLING,
     DatasetStatus.ARCHIVED, 700, "CSV", None),
    ("tr-playgrounds", "Дитячі та спортивні майданчики", 1, Frequency.YEARLY, ScheduleMode.ROLLING,
     DatasetStatus.PUBLISHED, 60, "PDF", None),
]  # fmt: skip


# EU data themes of the demo datasets (DCAT-AP dcat:theme).
DEMO_THEMES = {
    "tr-structure": "GOVE", "tr-enterprises": "ECON", "tr-budget": "ECON", "tr-public-info-requests": "GOVE",
    "tr-regulatory-acts": "JUST", "tr-transport-routes": "TRAN", "tr-transport-gps": "TRAN",
    "tr-air-quality": "ENVI", "tr-wifi": "TECH", "tr-procurement-plan": "ECON", "tr-vacancies": "ECON",
    "tr-rental": "ECON", "tr-petitions": "GOVE", "tr-2019-elections": "GOVE", "tr-playgrounds": "EDUC",
}  # fmt: skip


def _required(words):
    if not words:
        return None
    return RequiredDataset.objects.filter(title__icontains=words).order_by("applies_to", "position").first()


@transaction.atomic
def load(stdout) -> list[Dataset]:
    if LIST_835.exists():
        summary = required_datasets_import(source=LIST_835)
        stdout.write(f"Перелік Постанови 835, наборів: {summary['total']} (нових: {summary['created']}).")
    departments = [department_get_or_create(name=name)[0] for name, _short, _email in DEMO_DEPARTMENTS]
    now = timezone.now()
    datasets, created = [], 0
    for identifier, title, dep, frequency, mode, status, days_ago, formats, words in DEMO:
        dataset = Dataset.objects.filter(identifier=identifier).first()
        if dataset is None:
            first = (now - dt.timedelta(days=(days_ago or 0) + 365)).date() if days_ago is not None else None
            dataset = dataset_create(
                by=None,
                identifier=identifier,
                title=title,
                department=departments[dep],
                description=(
                    f"{title}. Набір даних розпорядника «{departments[dep].name}», оприлюднюється відповідно до "
                    "Положення про набори даних, які підлягають оприлюдненню у формі відкритих даних."
                ),
                keywords="відкриті дані, " + title.split()[0].lower(),
                formats=formats,
                frequency=frequency,
                schedule_mode=mode,
                status=status,
                first_published=first if status in (DatasetStatus.PUBLISHED, DatasetStatus.ARCHIVED) else None,
                responsible_person="Відповідальна особа підрозділу",
                responsible_email=f"{identifier}@example.org",
                portal_url=f"https://opendata.example.org/dataset/{identifier}" if status == "published" else "",
                required_by_835=_required(words),
                theme=DEMO_THEMES.get(identifier, ""),
            )
            if days_ago is not None:
                dataset_mark_updated(
                    dataset=dataset, by=None, note="Демо-оновлення", when=now - dt.timedelta(days=days_ago)
                )
            created += 1
        datasets.append(dataset)
    stdout.write(f"Демо-реєстр, наборів: {len(datasets)} (нових: {created}).")
    return datasets
