"""The registry import: one pass over the file, all or nothing, the same for every door.

``registry_import(data=..., filename=..., dry_run=...)`` reads CSV (any delimiter, UTF-8 or
Windows-1251), XLSX, a JSON list of rows or a CKAN ``package_search``/``package_show`` answer;
finds the header row below any title rows; recognises the columns of the product's own export
(English field names) and of a council's Resolution 835 register (passport columns and their
variants, ``registry.passport``); checks every row; and, unless it is a dry run or any row is
wrong, writes all rows at once.

Why it is fast: every row's cells are read first (``registry.import_rows``, no queries); then
the registry's identifiers and slugs (one query), the datasets the file names (one query) and
the departments with their aliases (two queries) are loaded once; slugs and identifiers are
checked for uniqueness in Python (the database constraints still guard); due dates and quality
scores are computed in Python with the same functions as for a dataset entered by hand; new rows
are written in one ``bulk_create`` and changed rows with ``bulk_update`` in batches of 1,000;
the public-data cache version is bumped once. The command, the
staff page, the admin and the background job all call this function.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import roles
from accounts.departments import DepartmentMatcher, department_match_key
from accounts.models import Department
from common.api.parsers import too_deep
from common.cache import public_data_changed
from common.spreadsheets import IGNORE, SpreadsheetError, decode_text, find_header_row, read_rows

from .choices import DatasetSource, DatasetStatus
from .import_rows import READ_ONLY, SYNONYMS, WRITTEN_FIELDS, Row, cell_text, clean_row
from .models import Dataset
from .services import dataset_refresh_computed
from .slugs import latin_slug

# New rows go in one INSERT (the backend splits it where it must: SQLite's parameter limit);
# changed rows in UPDATEs of this many (a CASE per field grows with the batch).
UPDATE_BATCH_SIZE = 1000
PROGRESS_SECONDS = 0.5


@dataclass
class ImportReport:
    """What an import found and did. ``errors`` non-empty means nothing was written."""

    kind: str | None = None
    rows: int = 0
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header as written, field)
    unrecognised: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    new_departments: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    written: bool = False

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "rows": self.rows,
            "columns": [list(pair) for pair in self.columns],
            "unrecognised": self.unrecognised,
            "errors": self.errors,
            "new_departments": self.new_departments,
            "totals": self.totals,
            "written": self.written,
        }


class _FileError(Exception):
    """The whole file is refused (message in Ukrainian)."""


# -- reading ----------------------------------------------------------------------------------


@dataclass
class _Table:
    kind: str
    rows: list[list]  # rows[header] is the header row
    header: int
    numbers: list[int]  # the number shown to the user for each row of ``rows``


def _json_table(payload, kind_hint: str) -> _Table:
    from .resources import IMPORT_HEADERS, ckan_packages, ckan_row

    packages = ckan_packages(payload)
    if packages is not None:
        records = [ckan_row(p) if isinstance(p, dict) else p for p in packages]
        kind = "ckan"
    elif isinstance(payload, list) and payload and all(isinstance(item, dict) for item in payload):
        records, kind = payload, kind_hint
    else:
        raise _FileError(_("JSON має бути списком рядків або відповіддю CKAN package_search / package_show."))
    headers = list(dict.fromkeys(key for item in records for key in item)) if kind == "json" else IMPORT_HEADERS
    rows = [list(headers)] + [[item.get(h) for h in headers] for item in records]
    # A JSON record is numbered as the n-th object of the list.
    return _Table(kind=kind, rows=rows, header=0, numbers=list(range(len(rows))))


_TOO_DEEP = object()


def _same_minute(read, stored) -> bool:
    return bool(read and stored) and read == stored.replace(second=0, microsecond=0)


def _read_table(data: bytes, filename: str) -> _Table:
    suffix = Path(filename or "").suffix.lower()
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".json" or (suffix not in (".csv", ".xlsx", ".txt") and head[:1] in (b"[", b"{")):
        if not data.strip():
            raise _FileError(_("Файл порожній."))
        try:
            payload = json.loads(decode_text(data))
        except (json.JSONDecodeError, SpreadsheetError) as exc:
            raise _FileError(_("Файл не є правильним JSON: %(error)s.") % {"error": getattr(exc, "msg", exc)}) from exc
        except RecursionError:  # thousands of nested brackets
            payload = _TOO_DEEP
        if payload is _TOO_DEEP or too_deep(payload):
            raise _FileError(_("Файл не є правильним JSON: надто глибока вкладеність."))
        return _json_table(payload, "json")
    if suffix not in (".csv", ".txt", ".xlsx"):
        raise _FileError(_("Підтримуються файли CSV, XLSX і JSON; «%(name)s» не такий.") % {"name": filename})
    try:
        rows = read_rows(data, filename)
    except SpreadsheetError as exc:
        raise _FileError(str(exc)) from exc
    kind = "xlsx" if suffix == ".xlsx" else "csv"
    return _Table(kind=kind, rows=rows, header=-1, numbers=list(range(1, len(rows) + 1)))


# -- the import ---------------------------------------------------------------------------------


def _validation_messages(exc: ValidationError, number: int, header_of) -> list[str]:
    messages = []
    for name, field_errors in exc.message_dict.items():
        column = header_of(name) if name != "__all__" else _("запис")
        for message in field_errors:
            messages.append(
                _("Рядок %(row)s, стовпець «%(column)s»: %(message)s")
                % {"row": number, "column": column, "message": message}
            )
    return messages


_FIRST_NUMBER = re.compile(r"\d+")


def _row_of(message: str) -> int:
    found = _FIRST_NUMBER.search(message)
    return int(found.group()) if found else 0


class _Departments:
    """Departments matched as the plan importer matches them (name or alias, normalised; two queries);
    unknown ones collected, created only on confirmation."""

    def __init__(self):
        self.matcher = DepartmentMatcher()
        self.new: dict[str, Department] = {}

    def get(self, name: str) -> Department:
        department = self.matcher.match(name)
        if department is None:
            key = department_match_key(name)
            department = self.new.get(key) or Department(name=name, match_key=key)
            self.new[key] = department
        return department


def _unique_slug(base: str, taken: set[str]) -> str:
    base = base[:110].strip("-") or "dataset"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def registry_import(
    *,
    data: bytes,
    filename: str,
    dry_run: bool,
    by=None,
    create_departments: bool = False,
    column_map: dict[str, str] | None = None,
    progress=None,
) -> ImportReport:
    """Check and (unless ``dry_run`` or any error) import a registry file, all or nothing.

    ``by`` is the acting user (coordinators only; ``None`` for commands and jobs). Departments
    not yet known are listed in ``new_departments`` and created only with ``create_departments``.
    ``column_map`` ({"header as written": "field"}) maps columns the synonyms do not recognise.
    ``progress(done, total)`` is called now and then while rows are checked.
    """
    if by is not None and not roles.is_coordinator(by):
        raise PermissionDenied(_("Імпортувати реєстр може лише координатор."))
    report = ImportReport()
    with translation.override("uk"):
        try:
            _run(report, data, filename, dry_run, create_departments, column_map or {}, progress)
        except _FileError as exc:
            report.errors = [str(exc)]
    return report


def _run(report, data, filename, dry_run, create_departments, column_map, progress) -> None:  # noqa: C901
    table = _read_table(data, filename)
    report.kind = table.kind
    try:
        match = find_header_row(
            table.rows if table.header < 0 else [[str(c) for c in table.rows[0]]],
            SYNONYMS,
            required=["title", "department"],
            mapping=column_map,
        )
    except SpreadsheetError as exc:
        raise _FileError(str(exc)) from exc
    header_index = match.index if table.header < 0 else 0
    report.columns = [(text, name) for text, name in match.described() if name != IGNORE]
    report.unrecognised = list(match.unrecognised)

    def header_of(name: str) -> str:
        return match.headers.get(name) or name

    fields = [name for name in match.columns if name not in READ_ONLY]
    departments = _Departments()
    today = timezone.localdate()
    now = timezone.now()
    seen: dict[str, int] = {}
    parsed: list[tuple[int, str, Row]] = []
    errors = report.errors
    body = range(header_index + 1, len(table.rows))
    total = sum(1 for i in body if any(cell_text(c) for c in table.rows[i]))
    report.rows = total
    done, last_progress = 0, time.monotonic()
    # First the cells of every row (no queries), then the datasets the file names (two queries).
    for index in body:
        cells_row = table.rows[index]
        if not any(cell_text(c) for c in cells_row):
            continue  # blank rows between blocks
        number = table.numbers[index]
        done += 1
        if progress and time.monotonic() - last_progress > PROGRESS_SECONDS:
            progress(done // 2, total)
            last_progress = time.monotonic()
        cells = {name: (cells_row[col] if col < len(cells_row) else "") for name, col in match.columns.items()}
        cells = {name: value for name, value in cells.items() if name in fields}
        row, row_errors = clean_row(cells, number, header_of)
        if row is None:
            errors.extend(row_errors)
            continue
        identifier = row.fields.pop("identifier", "") or latin_slug(row.fields.get("title", "")) or ""
        if not identifier:
            errors.append(_("Рядок %(row)s: не зазначено ідентифікатора набору даних.") % {"row": number})
            continue
        if identifier in seen:
            errors.append(
                _("Рядок %(row)s, стовпець «%(column)s»: ідентифікатор «%(id)s» уже є в рядку %(first)s.")
                % {"row": number, "column": header_of("identifier"), "id": identifier, "first": seen[identifier]}
            )
            continue
        seen[identifier] = number
        parsed.append((number, identifier, row))

    slug_of = dict(Dataset.objects.values_list("identifier", "slug"))
    taken_slugs = set(slug_of.values())
    trimmed = {identifier.strip(): identifier for identifier in slug_of if identifier != identifier.strip()}
    named = [identifier for identifier in seen if identifier in slug_of]
    existing = {d.identifier: d for d in Dataset.objects.filter(identifier__in=named)} if named else {}
    creates: list[Dataset] = []
    updates: list[Dataset] = []
    unchanged = 0
    for position, (number, identifier, row) in enumerate(parsed):
        if progress and time.monotonic() - last_progress > PROGRESS_SECONDS:
            progress((done + position) // 2, total)
            last_progress = time.monotonic()
        values = row.fields
        if identifier not in existing and identifier in trimmed:
            errors.append(
                _("Рядок %(row)s, стовпець «%(column)s»: у реєстрі вже є ідентифікатор «%(twin)s» (з пробілами); "
                  "виправте його, щоб не було двох однакових.")
                % {"row": number, "column": header_of("identifier"), "twin": trimmed[identifier]}
            )  # fmt: skip
            continue
        dataset = existing.get(identifier)
        is_new = dataset is None
        if is_new:
            dataset = Dataset(identifier=identifier, source=DatasetSource.IMPORT)
            if "status" not in values:
                linked = values.get("portal_url") or values.get("data_gov_ua_url")
                dataset.status = DatasetStatus.PUBLISHED if linked else DatasetStatus.PLANNED
            before = None
        else:
            before = {name: getattr(dataset, name if name != "department" else "department_id") for name in
                      WRITTEN_FIELDS}  # fmt: skip
        slug = values.pop("slug", "")
        if before and _same_minute(values.get("last_updated_at"), dataset.last_updated_at):
            values.pop("last_updated_at")  # the passport writes minutes: an export read back is unchanged
        for name, value in values.items():
            setattr(dataset, name, value)
        dataset.department = departments.get(row.department_name)
        if slug and slug != dataset.slug:
            if slug in taken_slugs:
                errors.append(
                    _("Рядок %(row)s, стовпець «%(column)s»: slug «%(slug)s» уже зайнятий іншим набором.")
                    % {"row": number, "column": header_of("slug"), "slug": slug}
                )
                continue
            taken_slugs.discard(dataset.slug)
            taken_slugs.add(slug)
            dataset.slug = slug
        elif is_new:
            dataset.slug = _unique_slug(latin_slug(identifier) or latin_slug(dataset.title), taken_slugs)
        try:
            dataset.full_clean(
                exclude=["department", "required_by_835", "next_due_date", "quality_score"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            errors.extend(_validation_messages(exc, number, header_of))
            continue
        dataset_refresh_computed(dataset, today=today)
        if is_new:
            creates.append(dataset)
            continue
        after = {name: getattr(dataset, name if name != "department" else "department_id") for name in WRITTEN_FIELDS}
        if after == before and dataset.department.pk is not None:
            unchanged += 1
        else:
            dataset.updated_at = now
            updates.append(dataset)
    if progress:
        progress(total, total)
    report.new_departments = sorted(d.name for d in departments.new.values())
    report.totals = {k: v for k, v in (("new", len(creates)), ("update", len(updates)), ("skip", unchanged)) if v}
    errors.sort(key=_row_of)  # rows checked in two passes: report them in the file's order
    if errors or dry_run:
        return
    if departments.new and not create_departments:
        raise _FileError(
            _("У файлі є нові підрозділи: %(names)s. Підтвердіть їх створення (--create-departments) "
              "або виправте назви; нічого не записано.")
            % {"names": "; ".join(f"«{n}»" for n in report.new_departments)}
        )  # fmt: skip
    try:
        with transaction.atomic():
            new_departments = list(departments.new.values())
            for department in new_departments:
                department.full_clean(exclude=["match_key"])
            Department.objects.bulk_create(new_departments)
            for dataset in creates + updates:
                dataset.department_id = dataset.department.pk  # the new departments' keys are known now
            Dataset.objects.bulk_create(creates)
            if updates:
                Dataset.objects.bulk_update(updates, [*WRITTEN_FIELDS, "updated_at"], batch_size=UPDATE_BATCH_SIZE)
            public_data_changed()
    except (IntegrityError, ValidationError) as exc:
        # Another writer took an identifier or slug in the meantime: the constraints held.
        raise _FileError(
            _("Реєстр змінився під час імпорту (%(error)s); нічого не записано, спробуйте ще раз.") % {"error": exc}
        ) from exc
    report.written = True
