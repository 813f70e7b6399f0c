"""Export of the registry in the product's own columns (django-import-export), and CKAN rows.

Imports of every kind go through ``registry.importing.registry_import`` (``import_file`` here
is its thin wrapper); ``DatasetResource`` only exports. The identifier is the natural key:
re-importing an export updates the datasets it names. Exports escape cells that start with
= + - @ and never carry responsible persons' e-mails.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation
from import_export import fields, resources, widgets

from accounts.services import department_get_or_create
from common.tabular import escape_formula

from .choices import DatasetSource, DatasetStatus, DataTheme, Frequency, ScheduleMode
from .models import Dataset

MAX_ROWS = 20000

# data.gov.ua / CKAN spellings of update_frequency besides our codes and labels.
FREQUENCY_ALIASES = {
    "more than once a day": Frequency.MORE_THAN_DAILY,
    "once a day": Frequency.DAILY,
    "once a week": Frequency.WEEKLY,
    "once a month": Frequency.MONTHLY,
    "once a quarter": Frequency.QUARTERLY,
    "once a half year": Frequency.HALF_YEARLY,
    "once a half-year": Frequency.HALF_YEARLY,
    "once a year": Frequency.YEARLY,
    "immediately after making changes": Frequency.ON_CHANGE,
    "no longer updated": Frequency.NO_LONGER_UPDATED,
    "щоденно": Frequency.DAILY,
    "щотижнево": Frequency.WEEKLY,
    "щомісячно": Frequency.MONTHLY,
    "щоквартально": Frequency.QUARTERLY,
    "щорічно": Frequency.YEARLY,
    "раз на півроку": Frequency.HALF_YEARLY,
}


class ChoiceWidget(widgets.Widget):
    """A choice by its code or its label (case and spaces ignored)."""

    def __init__(self, choices, aliases=None, label="значення"):
        super().__init__()
        self.lookup = {}
        with translation.override("uk"):  # files carry the Ukrainian labels, whatever the page's language
            for value, text in choices.choices:
                self.lookup[value.casefold()] = value
                self.lookup[" ".join(str(text).split()).casefold()] = value
        for alias, value in (aliases or {}).items():
            self.lookup[alias.casefold()] = value
        self.label = label

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split()).casefold()
        if not text:
            return None
        if text not in self.lookup:
            raise ValueError(f"Невідоме {self.label}: «{value}»")
        return self.lookup[text]

    def render(self, value, obj=None, **kwargs):
        return value or ""


class DepartmentWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        from accounts.models import Department

        super().__init__(Department, field="name")

    def clean(self, value, row=None, **kwargs):
        name = " ".join(str(value or "").split())
        if not name:
            raise ValueError("Не зазначено підрозділ-розпорядника")
        return department_get_or_create(name=name)[0]


class LenientDateWidget(widgets.Widget):
    """YYYY-MM-DD, DD.MM.YYYY or an ISO date-time; spreadsheets' dates as they are."""

    def __init__(self, with_time=False):
        super().__init__()
        self.with_time = with_time

    def _parse(self, value):
        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time(12))
        text = str(value).strip()
        for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, fmt)
            except ValueError:
                pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"Неправильна дата: «{text}» (очікується РРРР-ММ-ДД або ДД.ММ.РРРР)") from None

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        moment = self._parse(value)
        if not self.with_time:
            return moment.date()
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
        return value.isoformat()


class DatasetResource(resources.ModelResource):
    identifier = fields.Field(attribute="identifier", column_name="identifier")
    department = fields.Field(attribute="department", column_name="department", widget=DepartmentWidget())
    frequency = fields.Field(
        attribute="frequency",
        column_name="frequency",
        widget=ChoiceWidget(Frequency, FREQUENCY_ALIASES, "значення періодичності"),
    )
    status = fields.Field(attribute="status", column_name="status", widget=ChoiceWidget(DatasetStatus, label="стан"))
    schedule_mode = fields.Field(
        attribute="schedule_mode", column_name="schedule_mode", widget=ChoiceWidget(ScheduleMode, label="режим")
    )
    source = fields.Field(attribute="source", column_name="source", widget=ChoiceWidget(DatasetSource, label="джерело"))
    theme = fields.Field(attribute="theme", column_name="theme", widget=ChoiceWidget(DataTheme, label="значення теми"))
    temporal_start = fields.Field(attribute="temporal_start", column_name="temporal_start", widget=LenientDateWidget())
    temporal_end = fields.Field(attribute="temporal_end", column_name="temporal_end", widget=LenientDateWidget())
    first_published = fields.Field(
        attribute="first_published", column_name="first_published", widget=LenientDateWidget()
    )
    last_updated_at = fields.Field(
        attribute="last_updated_at", column_name="last_updated_at", widget=LenientDateWidget(with_time=True)
    )
    next_due_date = fields.Field(
        attribute="next_due_date", column_name="next_due_date", widget=LenientDateWidget(), readonly=True
    )
    quality_score = fields.Field(attribute="quality_score", column_name="quality_score", readonly=True)

    PERSONAL_EXPORT = ("responsible_email",)
    PUBLIC_EXCLUDED = ("responsible_email", "responsible_person")

    class Meta:
        model = Dataset
        import_id_fields = ["identifier"]
        fields = [
            "identifier", "title", "slug", "description", "department", "responsible_person", "responsible_email",
            "keywords", "language", "formats", "license", "purpose", "theme", "temporal_start", "temporal_end",
            "status", "first_published", "portal_url",
            "data_gov_ua_url", "source", "frequency", "schedule_mode", "calendar_offset_days", "grace_days",
            "last_updated_at", "next_due_date", "quality_score",
        ]  # fmt: skip
        export_order = fields
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def __init__(self, *, public=False, **kwargs):
        super().__init__(**kwargs)
        self.public = public

    # -- export --------------------------------------------------------------------------
    def get_export_fields(self, selected_fields=None):
        excluded = self.PUBLIC_EXCLUDED if self.public else self.PERSONAL_EXPORT
        return [f for f in super().get_export_fields(selected_fields) if f.column_name not in excluded]

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))


# -- reading files -----------------------------------------------------------------------


def ckan_packages(payload) -> list[dict] | None:
    """The package dicts of a CKAN package_search / package_show response, or None if it is not one."""
    if not isinstance(payload, dict) or not isinstance(payload.get("result"), dict):
        return None
    result = payload["result"]
    if isinstance(result.get("results"), list):
        return result["results"]
    if "name" in result and ("title" in result or "resources" in result):
        return [result]
    return None


def ckan_row(package: dict) -> dict:
    """One CKAN package as a row of DatasetResource's columns."""
    tags = package.get("tag_string")
    if not tags:
        tags = ",".join(t.get("display_name") or t.get("name", "") for t in package.get("tags") or [])
    formats = []
    for resource in package.get("resources") or []:
        fmt = (resource.get("format") or "").strip().lstrip(".").upper()
        if fmt and fmt not in formats:
            formats.append(fmt)
    organization = package.get("organization") or {}
    created = (package.get("metadata_created") or "")[:10]
    return {
        "identifier": package.get("identifier") or package.get("name") or package.get("id") or "",
        "title": (package.get("title") or package.get("name") or "")[:254],
        "slug": package.get("name") or "",
        "description": (package.get("notes") or "")[:4000],
        "department": organization.get("title") or organization.get("name") or "",
        "responsible_person": package.get("maintainer") or "",
        "responsible_email": package.get("maintainer_email") or "",
        "keywords": tags or "",
        "language": package.get("language") or "uk",
        "formats": ", ".join(formats),
        "license": package.get("license_id") or "",
        "purpose": package.get("purpose_of_collecting_information") or "",
        "status": DatasetStatus.PUBLISHED,
        "first_published": created,
        "portal_url": "",
        "data_gov_ua_url": "",
        "source": DatasetSource.IMPORT,
        "frequency": package.get("update_frequency") or "",
        "schedule_mode": "",
        "calendar_offset_days": "",
        "grace_days": "",
        "last_updated_at": package.get("metadata_modified") or "",
    }


IMPORT_HEADERS = [
    "identifier", "title", "slug", "description", "department", "responsible_person", "responsible_email",
    "keywords", "language", "formats", "license", "purpose", "status", "first_published", "portal_url",
    "data_gov_ua_url", "source", "frequency", "schedule_mode", "calendar_offset_days", "grace_days",
    "last_updated_at",
]  # fmt: skip


def import_file(raw: bytes, filename: str, *, dry_run: bool, create_departments: bool = False, column_map=None) -> dict:
    """Import a registry file all or nothing (``registry.importing.registry_import``, one pass).

    Returns kind, totals, errors and the departments not yet known (created only with
    ``create_departments``). Nothing is saved when there is any error.
    """
    from .importing import registry_import

    report = registry_import(
        data=raw, filename=filename, dry_run=dry_run, create_departments=create_departments, column_map=column_map
    )
    return {
        "kind": report.kind,
        "errors": report.errors,
        "totals": report.totals,
        "new_departments": report.new_departments,
        "columns": report.columns,
        "rows": report.rows,
    }
