"""Writes of the registry. Every function checks rights, validates, saves atomically.

``by`` is the acting user. ``by=None`` means a trusted system call (a management command,
a Celery task, a data migration): no permission check. Views and API always pass the user.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import roles
from common.spreadsheets import SpreadsheetError, decode_text

from . import schedule
from .choices import DatasetStatus, RequiredDatasetScope
from .models import UPDATE_NOTE_MAX, Dataset, DatasetUpdate, RequiredDataset
from .quality import dataset_quality
from .slugs import latin_slug

SCHEDULE_FIELDS = frozenset(
    {"frequency", "schedule_mode", "calendar_offset_days", "grace_days", "first_published", "last_updated_at"}
)
EDITABLE_FIELDS = frozenset(
    f.name
    for f in Dataset._meta.get_fields()
    if f.concrete
    and not f.auto_created
    and f.name not in {"next_due_date", "quality_score", "created_at", "updated_at"}
) | {"tasks", "department_id", "required_by_835_id"}


def _check_rights(by, department_id) -> None:
    if by is not None and not roles.can_act_for_department(by, department_id):
        raise PermissionDenied("Ви можете змінювати лише набори даних свого підрозділу.")


def _unique_slug(base: str, *, exclude_pk=None) -> str:
    base = base[:110].strip("-") or "dataset"
    slug, n = base, 2
    qs = Dataset.objects.exclude(pk=exclude_pk) if exclude_pk else Dataset.objects.all()
    while qs.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def dataset_refresh_computed(dataset: Dataset, *, today: dt.date | None = None) -> Dataset:
    """Set the stored next_due_date and quality_score from the other fields (no save)."""
    today = today or timezone.localdate()
    created = timezone.localtime(dataset.created_at).date() if dataset.created_at else today
    last = timezone.localtime(dataset.last_updated_at).date() if dataset.last_updated_at else None
    base = schedule.schedule_base_date(
        last_updated_at=last, first_published=dataset.first_published, created_at=created
    )
    dataset.next_due_date = schedule.next_due_date(
        last_update=base,
        frequency=dataset.frequency,
        mode=dataset.schedule_mode,
        calendar_offset_days=dataset.calendar_offset_days,
        grace_days=dataset.grace_days,
    )
    dataset.quality_score = dataset_quality(dataset, today=today).score
    return dataset


def _save(dataset: Dataset, tasks=None) -> Dataset:
    if not dataset.slug:
        dataset.slug = _unique_slug(latin_slug(dataset.title or dataset.identifier), exclude_pk=dataset.pk)
    if not dataset.identifier:
        dataset.identifier = dataset.slug
    dataset.full_clean(exclude=["next_due_date", "quality_score"])
    dataset_refresh_computed(dataset)
    dataset.save()
    if tasks is not None:
        dataset.tasks.set(tasks)
    return dataset


@transaction.atomic
def dataset_create(*, by, **fields) -> Dataset:
    """Create a registry entry.

    Required: ``title`` and ``department`` (a Department). Any other Dataset field may be
    given (``identifier``, ``description``, ``frequency``, ``status``, ``source``, ``tasks``
    as an iterable of plan Tasks...). ``identifier`` and ``slug`` default to a Latin slug of
    the title. ``next_due_date`` and ``quality_score`` are computed. Raises PermissionDenied
    when ``by`` may not act for the department, ValidationError for invalid fields.
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError({"__all__": f"Невідомі поля: {', '.join(sorted(unknown))}"})
    tasks = fields.pop("tasks", None)
    dataset = Dataset(**fields)
    if not dataset.department_id:
        raise ValidationError({"department": "Зазначте підрозділ-розпорядника."})
    _check_rights(by, dataset.department_id)
    return _save(dataset, tasks)


@transaction.atomic
def dataset_update(*, dataset: Dataset, by, **fields) -> Dataset:
    """Change fields of a dataset; the due date and quality score follow."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError({"__all__": f"Невідомі поля: {', '.join(sorted(unknown))}"})
    _check_rights(by, dataset.department_id)
    tasks = fields.pop("tasks", None)
    for name, value in fields.items():
        setattr(dataset, name, value)
    _check_rights(by, dataset.department_id)  # and the department it moves to
    return _save(dataset, tasks)


@transaction.atomic
def dataset_mark_updated(*, dataset: Dataset, by, note: str = "", link: str = "", when=None) -> DatasetUpdate:
    """Log an update of the dataset; last update, next due date and quality score follow.

    ``when`` (a datetime, default now) may be in the past: the last update is the latest
    logged one, so entering an older update does not move the due date back.
    """
    _check_rights(by, dataset.department_id)
    when = when or timezone.now()
    if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
        when = timezone.make_aware(dt.datetime.combine(when, dt.time(12)))
    if when > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"when": "Дата оновлення не може бути в майбутньому."})
    entry = DatasetUpdate(dataset=dataset, updated_at=when, by=by, note=(note or "").strip(), link=link or "")
    if len(entry.note) > UPDATE_NOTE_MAX:
        raise ValidationError({"note": f"Примітка надто довга: не більше {UPDATE_NOTE_MAX} символів."})
    entry.full_clean()
    entry.save()
    if dataset.last_updated_at is None or when > dataset.last_updated_at:
        dataset.last_updated_at = when
    if dataset.status == DatasetStatus.PUBLISHED and dataset.first_published is None:
        dataset.first_published = timezone.localtime(when).date()
    _save(dataset)
    return entry


# -- Resolution 835 list -----------------------------------------------------------------


def _norm_title(title: str) -> str:
    return " ".join((title or "").split()).casefold()


@transaction.atomic
def required_datasets_import(*, source, by=None) -> dict:
    """Load the Resolution 835 list from a CSV (columns ``applies_to``, ``dataset_title``).

    ``source`` is a path or a text stream. Entries are matched by scope and title (whitespace
    and case ignored), so re-importing an amended list updates positions, adds new entries
    and reports the entries no longer listed (they are kept: datasets may link to them).
    Only coordinators (or system calls) may import.
    """
    if by is not None and not roles.is_coordinator(by):
        raise PermissionDenied("Імпортувати перелік може лише координатор.")
    if isinstance(source, str | Path):
        raw = Path(source).read_bytes()
        try:
            stream = io.StringIO(decode_text(raw))
        except SpreadsheetError as exc:
            raise ValidationError({"source": str(exc)}) from exc
    else:
        stream = source
    reader = csv.DictReader(stream)
    missing = {"applies_to", "dataset_title"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError({"source": f"У файлі немає стовпців: {', '.join(sorted(missing))}"})
    existing = {(r.applies_to, _norm_title(r.title)): r for r in RequiredDataset.objects.all()}
    seen, created, updated = set(), 0, 0
    positions: dict[str, int] = {}
    errors = []
    for line, row in enumerate(reader, start=2):
        scope = (row.get("applies_to") or "").strip()
        title = " ".join((row.get("dataset_title") or "").split())
        if scope not in RequiredDatasetScope.values:
            errors.append(f"Рядок {line}: невідома категорія «{scope}»")
            continue
        if not title:
            errors.append(f"Рядок {line}: порожня назва набору")
            continue
        positions[scope] = positions.get(scope, 0) + 1
        key = (scope, _norm_title(title))
        seen.add(key)
        entry = existing.get(key)
        if entry is None:
            entry = RequiredDataset(applies_to=scope, title=title, position=positions[scope])
            entry.full_clean()
            entry.save()
            existing[key] = entry
            created += 1
        elif entry.position != positions[scope] or entry.title != title:
            entry.position, entry.title = positions[scope], title
            entry.save(update_fields=["position", "title"])
            updated += 1
    if errors:
        raise ValidationError({"source": errors})
    no_longer = [entry for key, entry in existing.items() if key not in seen]
    return {"created": created, "updated": updated, "total": len(seen), "no_longer_listed": no_longer}


def datasets_refresh_quality(*, today: dt.date | None = None, batch_size: int = 1000) -> int:
    """Recompute the stored quality score of datasets whose due date has passed.

    "Up to date" is part of the score, so a dataset that becomes overdue loses points without
    anyone touching it; run this daily (``registry.tasks.refresh_quality``). Only rows whose
    score changes are written. Returns how many changed. Safe to run twice.
    """
    today = today or timezone.localdate()
    changed = []
    total = 0
    for dataset in Dataset.objects.filter(next_due_date__lt=today).iterator(chunk_size=batch_size):
        score = dataset_quality(dataset, today=today).score
        if score != dataset.quality_score:
            dataset.quality_score = score
            changed.append(dataset)
        if len(changed) >= batch_size:
            Dataset.objects.bulk_update(changed, ["quality_score"])
            total += len(changed)
            changed = []
    if changed:
        Dataset.objects.bulk_update(changed, ["quality_score"])
        total += len(changed)
    return total
