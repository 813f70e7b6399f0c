"""One row of a registry file: the cells of the recognised columns -> Dataset field values.

``SYNONYMS`` are the header texts that mean each field: the product's own export (English names)
and the Resolution 835 passport's columns with the variants councils write. ``clean_row`` reads
the composite passport cells (``registry.passport``) and reports each problem with the row as
the spreadsheet numbers it and the column as the file names it. Pure: no queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.departments import normalise_department_name
from common.tabular import FORMULA_PREFIXES

from . import passport
from .choices import DatasetSource, DatasetStatus, DataTheme, Frequency, ScheduleMode
from .models import Dataset

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
    "theme": ["theme", "тема", "тематика", "категорія"],
    "temporal_start": ["temporal_start", "період охоплення з", "початок періоду даних"],
    "temporal_end": ["temporal_end", "період охоплення по", "кінець періоду даних"],
    # Computed by the product: present in its own export, never read back.
    "next_due_date": ["next_due_date"],
    "quality_score": ["quality_score"],
}  # fmt: skip
# The labels a preview shows for the field codes: the first Ukrainian name among the synonyms, else
# the model field's own name (the code stays beside it: mappings are written with codes).
EXTRA_LABELS = {"responsible": "відповідальна особа (ім’я, e-mail)", "links": "гіперпосилання на набір даних"}


def field_label(code: str) -> str:
    ukrainian = next((name for name in SYNONYMS.get(code, []) if not name.isascii()), None)
    if ukrainian is None:
        ukrainian = EXTRA_LABELS.get(code)
    if ukrainian is None:
        try:
            ukrainian = str(Dataset._meta.get_field(code).verbose_name)
        except Exception:  # noqa: BLE001 - a code with no model field: show the code alone
            return code
    return f"{ukrainian[:1].upper()}{ukrainian[1:]} ({code})"


READ_ONLY = frozenset({"next_due_date", "quality_score"})
CHOICES = {"status": DatasetStatus, "source": DatasetSource, "schedule_mode": ScheduleMode, "theme": DataTheme}
DATES = ("first_published", "temporal_start", "temporal_end")  # stored as dates, read as Kyiv time
INTEGERS = ("calendar_offset_days", "grace_days")
# Model fields a file may set, besides the composite cells (links, responsible).
PLAIN_TEXT = ("title", "description", "keywords", "language", "license", "purpose", "portal_url", "data_gov_ua_url",
              "responsible_person", "responsible_email", "slug")  # fmt: skip
WRITTEN_FIELDS = [
    "title", "slug", "description", "department", "responsible_person", "responsible_email", "keywords", "language",
    "formats", "license", "purpose", "status", "first_published", "portal_url", "data_gov_ua_url", "source",
    "frequency", "schedule_mode", "calendar_offset_days", "grace_days", "last_updated_at", "next_due_date",
    "quality_score", "theme", "temporal_start", "temporal_end",
]  # fmt: skip
FORMULA_ESCAPE = tuple("'" + prefix for prefix in FORMULA_PREFIXES)  # what common.tabular adds on export


def cell_text(value) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    if text.startswith(FORMULA_ESCAPE):
        text = text[1:]  # the export's CSV-injection escape, undone
    return text


def _integer(value) -> int:
    text = cell_text(value).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("очікується ціле число, а не «%(value)s»") % {"value": text}) from None
    if number != number.to_integral_value() or number < 0 or number > 32767:
        raise ValueError(_("очікується ціле число від 0 до 32767, а не «%(value)s»") % {"value": text})
    return int(number)


def _choice(value, choices) -> str:
    words = " ".join(cell_text(value).split()).casefold()
    for code, label in choices.choices:
        if words in (code.casefold(), str(label).casefold()):
            return code
    raise ValueError(_("невідоме значення «%(value)s»") % {"value": cell_text(value)})


@dataclass
class Row:
    number: int
    fields: dict
    department_name: str


def clean_row(cells: dict, number: int, header_of) -> tuple[Row | None, list[str]]:
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
            values[name] = cell_text(cells[name])
    if "keywords" in values:
        values["keywords"] = passport.normalise_keywords(values["keywords"])
    if "identifier" in cells:
        values["identifier"] = cell_text(cells["identifier"])
    # An empty responsible cell keeps the stored person: the public export leaves that column empty
    # (personal data), and importing such a file back must not erase who is responsible.
    if "responsible" in cells and cell_text(cells["responsible"]):
        name, email = passport.split_responsible(cell_text(cells["responsible"]))
        values["responsible_person"] = name
        # A separate e-mail column, when there is one, is not blanked by a cell without an address.
        if email or not values.get("responsible_email"):
            values["responsible_email"] = email
    if "formats" in cells:
        values["formats"] = passport.normalise_formats(cell_text(cells["formats"]))
    if "links" in cells:
        gov, other = passport.split_links(cell_text(cells["links"]))
        if len(gov) > 1 or len(other) > 1:
            error("links", _("зазначте не більше одного посилання на data.gov.ua і одного на портал"))
        values["data_gov_ua_url"] = gov[0] if gov else ""
        values["portal_url"] = other[0] if other else ""
    if "frequency" in cells:
        text = cell_text(cells["frequency"])
        frequency = passport.frequency_from_words(text) if text else Frequency.YEARLY
        if frequency is None:
            error("frequency", _("невідома періодичність «%(value)s»") % {"value": text})
        values["frequency"] = frequency
    for name, choices in CHOICES.items():
        if name in cells:
            text = cell_text(cells[name])
            try:
                values[name] = _choice(text, choices) if text else Dataset._meta.get_field(name).get_default()
            except ValueError as exc:
                error(name, str(exc))
    for name in INTEGERS:
        if name in cells:
            text = cell_text(cells[name])
            try:
                values[name] = _integer(text) if text else Dataset._meta.get_field(name).get_default()
            except ValueError as exc:
                error(name, str(exc))
    for name in ("last_updated_at", *DATES):
        if name in cells:
            raw = cells[name] if isinstance(cells[name], dt.date) else cell_text(cells[name])
            try:
                moment = passport.parse_kyiv_datetime(raw)
            except ValueError:
                error(name, _("неправильна дата «%(value)s» (очікується ДД.ММ.РРРР, ДД.ММ.РРРР ГГ:ХХ або РРРР-ММ-ДД)")
                      % {"value": raw})  # fmt: skip
                continue
            if name != "temporal_end" and moment and moment > timezone.now() + dt.timedelta(days=1):
                error(name, _("дата «%(value)s» ще не настала") % {"value": raw})
                continue
            if name in DATES:
                moment = moment.astimezone(passport.KYIV).date() if moment else None
            values[name] = moment
    for name in ("language", "license"):
        if name in values and not values[name]:
            values[name] = Dataset._meta.get_field(name).get_default()
    department = normalise_department_name(cell_text(cells.get("department")))
    if not department:
        error("department", _("не зазначено розпорядника (підрозділ)"))
    if errors:
        return None, errors
    return Row(number=number, fields=values, department_name=department), []
