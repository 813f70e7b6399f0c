"""A small registry for the CKAN API tests: three departments, published and unpublished datasets."""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Department
from registry.choices import DatasetStatus, Frequency
from registry.models import Dataset

from .factories import DatasetFactory

# Organization names the API must give these departments (Latin slug of the short name).
ORGANIZATIONS = {"Управління економіки": "ekonomika", "Управління транспорту": "transport",
                 "Управління стратегічного розвитку": "usr"}  # fmt: skip


@dataclass
class Registry:
    departments: dict
    published: list
    hidden: list

    def org(self, dataset) -> str:
        return ORGANIZATIONS[dataset.department.name]


def build_registry() -> Registry:
    deps = {
        "ekonomika": Department.objects.create(name="Управління економіки", short_name="Економіка", email="e@ex.org"),
        "transport": Department.objects.create(name="Управління транспорту", short_name="Транспорт", email="t@ex.org"),
        "usr": Department.objects.create(name="Управління стратегічного розвитку", short_name="УСР", email="s@ex.org"),
    }
    now = timezone.now()
    rows = [
        ("budget", "ekonomika", "Бюджет міста 2024", "бюджет, фінанси", "CSV, XLSX", "CC-BY-4.0", Frequency.MONTHLY),
        ("budget-exec", "ekonomika", "Виконання бюджету", "бюджет", "XLSX", "cc-by", Frequency.QUARTERLY),
        ("prices", "ekonomika", "Ціни на продукти", "ціни", "CSV", "CC0-1.0", Frequency.YEARLY),
        ("routes", "transport", "Маршрути громадського транспорту", "транспорт, маршрути", "JSON, CSV", "CC-BY-4.0",
         Frequency.ON_CHANGE),
        ("stops", "transport", "Зупинки транспорту", "транспорт", "GeoJSON", "odc-odbl", Frequency.YEARLY),
        ("strategy", "usr", "Стратегія розвитку", "стратегія", "PDF", "CC-BY-4.0", Frequency.NO_LONGER_UPDATED),
        ("projects", "usr", "Проєкти громадського бюджету участі", "бюджет участі, проєкти", "CSV", "CC-BY-4.0",
         Frequency.YEARLY),
    ]  # fmt: skip
    published = [
        DatasetFactory(
            slug=slug, identifier=f"{slug}-id", department=deps[dep], title=title, keywords=keywords, formats=formats,
            license=licence, frequency=frequency, last_updated_at=now - dt.timedelta(days=10 + i),
            description=f"Опис набору «{title}». " * 6,
        )
        for i, (slug, dep, title, keywords, formats, licence, frequency) in enumerate(rows)
    ]  # fmt: skip
    hidden = [
        DatasetFactory(slug="draft", title="Бюджет чернетка", department=deps["ekonomika"],
                       status=DatasetStatus.PLANNED),
        DatasetFactory(slug="old-stops", title="Зупинки 2015", department=deps["transport"],
                       status=DatasetStatus.ARCHIVED, keywords="транспорт", formats="CSV"),
    ]  # fmt: skip
    return Registry(departments=deps, published=published, hidden=hidden)


def published_from_db() -> list[Dataset]:
    """The truth the API is checked against: read from the database, not from the API's code."""
    return list(Dataset.objects.filter(status=DatasetStatus.PUBLISHED).select_related("department"))


def title_word_starts(dataset, prefix: str) -> bool:
    return bool(re.search(rf"(^|\W){re.escape(prefix)}", dataset.title.lower()))
