"""The registry import: one pass over the file, all or nothing, the same for every door.

``registry_import(data=..., filename=..., dry_run=...)`` reads CSV (any delimiter, UTF-8 or
Windows-1251), XLSX, a JSON list of rows or a CKAN ``package_search``/``package_show`` answer;
finds the header row below any title rows; recognises the columns of the product's own export
(English field names) and of a council's Resolution 835 register (passport columns and their
variants, ``registry.passport``); checks every row; and, unless it is a dry run or any row is
wrong, writes all rows at once.

Why it is fast: the existing datasets (one query) and departments (one query) are loaded
once; slugs and identifiers are checked for uniqueness in Python (the database constraints
still guard); due dates and quality scores are computed in Python with the same functions as
for a dataset entered by hand; new rows are written with ``bulk_create`` and changed rows with
``bulk_update`` in batches; the public-data cache version is bumped once. The command, the
staff page, the admin and the background job all call this function.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import roles
from accounts.departments import DepartmentMatcher, department_match_key, normalise_department_name
from accounts.models import Department
from common.cache import public_data_changed
from common.spreadsheets import IGNORE, SpreadsheetError, find_header_row, read_rows

from . import passport
from .choices import DatasetSource, DatasetStatus, Frequency, ScheduleMode
from .models import Dataset
from .services import dataset_refresh_computed
from .slugs import latin_slug

# New rows go in one INSERT (the backend splits it where it must: SQLite's parameter limit);
# changed rows in UPDATEs of this many (a CASE per field grows with the batch).
UPDATE_BATCH_SIZE = 1000
PROGRESS_SECONDS = 0.5

# Header texts meaning each field: the product's own export (English names) and the passport's
# columns with the variants councils write. Compared case-, apostrophe- and punctuation-blind; a
# header that begins with one of these ("Формат (формати) набору") matches too.
SYNONYMS: dict[str, list[str]] = {
    "identifier": ["identifier", "ідентифікатор набору даних", "ідентифікатор", "ідентифікаційний номер набору даних",
                   "ідентифікаційний номер", "id"],
    "title": ["title", "назва набору даних", "найменування набору даних", "назва набору", "назва", "найменування"],
    "slug": ["slug"],
    "description": ["description", "стислий опис змісту набору даних", "стислий опис набору даних",
                    "опис змісту набору даних", "стислий опис", "опис набору даних", "опис"],
    "department": ["department", "назва розпорядника інформації", "найменування розпорядника інформації",
                   "розпорядник інформації", "розпорядник", "структурний підрозділ", "відповідальний підрозділ",
                   "підрозділ"],
    "responsible": ["відповідальна особа", "відповідальна особа розпорядника",
                    "прізвище ім’я відповідальної особи"],
    "responsible_person": ["responsible_person"],
    "responsible_email": ["responsible_email", "адреса електронної пошти відповідальної особи",
                          "електронна пошта відповідальної особи", "e-mail відповідальної особи"],
    "keywords": ["keywords", "ключові слова"],
    "language": ["language", "відомості про мову даних", "мова даних", "мова набору даних", "мова"],
    "formats": ["formats", "формат (формати)", "формати", "формат набору даних", "формат"],
    "license": ["license", "ліцензія"],
    "purpose": ["purpose", "підстава та призначення збору інформації", "підстава і призначення збору інформації",
                "підстава та мета збору інформації", "призначення збору інформації", "мета / правові підстави збору"],
    "status": ["status", "стан"],
    "first_published": ["first_published", "дата першого оприлюднення набору даних",
                        "дата і час першого оприлюднення набору даних", "дата першого оприлюднення",
                        "дата і час першого оприлюднення"],
    "links": ["гіперпосилання на набір даних", "посилання на набір даних", "гіперпосилання", "посилання"],
    "portal_url": ["portal_url", "посилання на міському порталі"],
    "data_gov_ua_url": ["data_gov_ua_url", "посилання на data.gov.ua"],
    "source": ["source", "джерело запису"],
    "frequency": ["frequency", "періодичність актуалізації", "періодичність оновлення", "періодичність",
                  "частота оновлення"],
    "schedule_mode": ["schedule_mode", "спосіб розрахунку терміну"],
    "calendar_offset_days": ["calendar_offset_days"],
    "grace_days": ["grace_days", "пільгових днів"],
    "last_updated_at": ["last_updated_at", "дата і час внесення останніх змін", "дата та час внесення останніх змін",
                        "дата внесення останніх змін", "дата останнього оновлення", "останнє оновлення"],
    # Computed by the product: present in its own export, never read back.
    "next_due_date": ["next_due_date"],
    "quality_score": ["quality_score"],
}  # fmt: skip
READ_ONLY = frozenset({"next_due_date", "quality_score"})
CHOICES = {"status": DatasetStatus, "source": DatasetSource, "schedule_mode": ScheduleMode}
INTEGERS = ("calendar_offset_days", "grace_days")
# Model fields a file may set, besides the composite cells (links, responsible).
PLAIN_TEXT = ("title", "description", "keywords", "language", "license", "purpose", "portal_url", "data_gov_ua_url",
              "responsible_person", "responsible_email", "slug")  # fmt: skip
WRITTEN_FIELDS = [
    "title", "slug", "description", "department", "responsible_person", "responsible_email", "keywords", "language",
    "formats", "license", "purpose", "status", "first_published", "portal_url", "data_gov_ua_url", "source",
    "frequency", "schedule_mode", "calendar_offset_days", "grace_days", "last_updated_at", "next_due_date",
    "quality_score",
]  # fmt: skip
FORMULA_ESCAPE = ("'=", "'+", "'-", "'@")


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


def _read_table(data: bytes, filename: str) -> _Table:
    suffix = Path(filename or "").suffix.lower()
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".json" or (suffix not in (".csv", ".xlsx", ".txt") and head[:1] in (b"[", b"{")):
        from .services import decode_bytes

        if not data.strip():
            raise _FileError(_("Файл порожній."))
        try:
            payload = json.loads(decode_bytes(data))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise _FileError(_("Файл не є правильним JSON: %(error)s.") % {"error": getattr(exc, "msg", exc)}) from exc
        return _json_table(payload, "json")
    if suffix not in (".csv", ".txt", ".xlsx"):
        raise _FileError(_("Підтримуються файли CSV, XLSX і JSON; «%(name)s» не такий.") % {"name": filename})
    try:
        rows = read_rows(data, filename)
    except SpreadsheetError as exc:
        raise _FileError(str(exc)) from exc
    kind = "xlsx" if suffix == ".xlsx" else "csv"
    return _Table(kind=kind, rows=rows, header=-1, numbers=list(range(1, len(rows) + 1)))


# -- one row ----------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    if text.startswith(FORMULA_ESCAPE):
        text = text[1:]  # the export's CSV-injection escape, undone
    return text


def _integer(value) -> int:
    text = _text(value).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("очікується ціле число, а не «%(value)s»") % {"value": text}) from None
    if number != number.to_integral_value() or number < 0 or number > 32767:
        raise ValueError(_("очікується ціле число від 0 до 32767, а не «%(value)s»") % {"value": text})
    return int(number)


def _choice(value, choices) -> str:
    words = " ".join(_text(value).split()).casefold()
    for code, label in choices.choices:
        if words in (code.casefold(), str(label).casefold()):
            return code
    raise ValueError(_("невідоме значення «%(value)s»") % {"value": _text(value)})


@dataclass
class _Row:
    number: int
    fields: dict
    department_name: str


def _clean_row(cells: dict, number: int, header_of) -> tuple[_Row | None, list[str]]:
    """Cells by field name -> the Dataset field values, or the row's errors."""
    errors: list[str] = []
    values: dict = {}

    def error(name: str, message: str) -> None:
        errors.append(
            _("Рядок %(row)s, стовпець «%(column)s»: %(message)s")
            % {"row": number, "column": header_of(name), "message": message}
        )

    for name, value in cells.items():
        if isinstance(value, dict | list | tuple | set):
            error(name, _("вкладені значення (список чи об’єкт) не підтримуються"))
    if errors:
        return None, errors

    for name in PLAIN_TEXT:
        if name in cells:
            values[name] = _text(cells[name])
    if "identifier" in cells:
        values["identifier"] = _text(cells["identifier"])
    if "responsible" in cells:
        name, email = passport.split_responsible(_text(cells["responsible"]))
        values["responsible_person"] = name
        # A separate e-mail column, when there is one, is not blanked by a cell without an address.
        if email or not values.get("responsible_email"):
            values["responsible_email"] = email
    if "formats" in cells:
        values["formats"] = passport.normalise_formats(_text(cells["formats"]))
    if "links" in cells:
        gov, other = passport.split_links(_text(cells["links"]))
        if len(gov) > 1 or len(other) > 1:
            error("links", _("зазначте не більше одного посилання на data.gov.ua і одного на портал"))
        values["data_gov_ua_url"] = gov[0] if gov else ""
        values["portal_url"] = other[0] if other else ""
    if "frequency" in cells:
        text = _text(cells["frequency"])
        frequency = passport.frequency_from_words(text) if text else Frequency.YEARLY
        if frequency is None:
            error("frequency", _("невідома періодичність «%(value)s»") % {"value": text})
        values["frequency"] = frequency
    for name, choices in CHOICES.items():
        if name in cells:
            text = _text(cells[name])
            try:
                values[name] = _choice(text, choices) if text else Dataset._meta.get_field(name).get_default()
            except ValueError as exc:
                error(name, str(exc))
    for name in INTEGERS:
        if name in cells:
            text = _text(cells[name])
            try:
                values[name] = _integer(text) if text else Dataset._meta.get_field(name).get_default()
            except ValueError as exc:
                error(name, str(exc))
    for name in ("last_updated_at", "first_published"):
        if name in cells:
            raw = cells[name] if isinstance(cells[name], dt.date) else _text(cells[name])
            try:
                moment = passport.parse_kyiv_datetime(raw)
            except ValueError:
                error(name, _("неправильна дата «%(value)s» (очікується ДД.ММ.РРРР, ДД.ММ.РРРР ГГ:ХХ або РРРР-ММ-ДД)")
                      % {"value": raw})  # fmt: skip
                continue
            if moment and moment > timezone.now() + dt.timedelta(days=1):
                error(name, _("дата «%(value)s» ще не настала") % {"value": raw})
                continue
            if name == "first_published":
                moment = moment.astimezone(passport.KYIV).date() if moment else None
            values[name] = moment
    for name in ("language", "license"):
        if name in values and not values[name]:
            values[name] = Dataset._meta.get_field(name).get_default()
    department = normalise_department_name(_text(cells.get("department")))
    if not department:
        error("department", _("не зазначено розпорядника (підрозділ)"))
    if errors:
        return None, errors
    return _Row(number=number, fields=values, department_name=department), []


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
    parsed: list[tuple[int, str, _Row]] = []
    errors = report.errors
    body = range(header_index + 1, len(table.rows))
    total = sum(1 for i in body if any(_text(c) for c in table.rows[i]))
    report.rows = total
    done, last_progress = 0, time.monotonic()
    # First the cells of every row (no queries), then the datasets the file names (two queries).
    for index in body:
        cells_row = table.rows[index]
        if not any(_text(c) for c in cells_row):
            continue  # blank rows between blocks
        number = table.numbers[index]
        done += 1
        if progress and time.monotonic() - last_progress > PROGRESS_SECONDS:
            progress(done // 2, total)
            last_progress = time.monotonic()
        cells = {name: (cells_row[col] if col < len(cells_row) else "") for name, col in match.columns.items()}
        cells = {name: value for name, value in cells.items() if name in fields}
        row, row_errors = _clean_row(cells, number, header_of)
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
