"""The dataset passport of Resolution No. 835 as councils and data.gov.ua write it. Pure, no ORM.

The passport columns (``PASSPORT_COLUMNS``, in the passport's order) are what a council's
register spreadsheet has and what a dataset's passport download shows. This module reads
their cells (frequency words, the responsible person's "Прізвище Ім’я, e-mail" cell, Kyiv
dates, format lists, hyperlinks) and writes them back in the same form, so that an exported
register is imported back unchanged.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.utils import translation

from .choices import Frequency

KYIV = ZoneInfo("Europe/Kyiv")

# (key, passport column). Keys are the importer's field names; "links" and "responsible" are
# composite cells (two model fields each).
PASSPORT_COLUMNS = [
    ("identifier", "Ідентифікатор набору даних"),
    ("title", "Назва набору даних"),
    ("description", "Стислий опис змісту набору даних"),
    ("language", "Відомості про мову даних"),
    ("first_published", "Дата першого оприлюднення набору даних"),
    ("last_updated_at", "Дата і час внесення останніх змін"),
    ("formats", "Формат (формати)"),
    ("frequency", "Періодичність актуалізації"),
    ("keywords", "Ключові слова"),
    ("links", "Гіперпосилання на набір даних"),
    ("department", "Назва розпорядника інформації"),
    ("responsible", "Відповідальна особа"),
    ("purpose", "Підстава та призначення збору інформації"),
]
ROW_NUMBER_COLUMN = "№ з/п"

# -- frequency ------------------------------------------------------------------------------

_FREQUENCY_WORDS = {
    Frequency.MORE_THAN_DAILY: [
        "більш як один раз на день", "більше ніж один раз на день", "більше одного разу на день",
        "кілька разів на день", "декілька разів на день", "кілька разів на добу", "щогодини", "постійно",
        "в режимі реального часу", "у режимі реального часу", "більше одного разу на добу",
        "more than once a day", "more than daily",
    ],
    Frequency.DAILY: [
        "щодня", "щоденно", "кожного дня", "кожен день", "щодоби", "раз на день", "раз на добу",
        "once a day", "daily",
    ],
    Frequency.WEEKLY: ["щотижня", "щотижнево", "кожного тижня", "кожен тиждень", "раз на тиждень", "once a week",
                       "weekly"],
    Frequency.MONTHLY: ["щомісяця", "щомісячно", "кожного місяця", "кожен місяць", "раз на місяць",
                        "once a month", "monthly"],
    Frequency.QUARTERLY: ["щокварталу", "щоквартально", "щоквартал", "кожного кварталу", "кожен квартал",
                          "раз на квартал", "once a quarter", "quarterly"],
    Frequency.HALF_YEARLY: [
        "кожного півріччя", "щопівроку", "щопівріччя", "раз на півроку", "раз на пів року", "раз на півріччя",
        "двічі на рік", "кожні півроку", "кожні пів року", "once a half year", "once a half-year",
        "half yearly", "half_yearly",
    ],
    Frequency.YEARLY: ["щороку", "щорічно", "щорік", "кожного року", "кожен рік", "раз на рік", "once a year",
                       "yearly", "annually"],
    Frequency.ON_CHANGE: [
        "відразу після внесення змін", "одразу після внесення змін", "після внесення змін",
        "у разі внесення змін", "в разі внесення змін", "у разі зміни", "в разі зміни", "у разі змін",
        "в разі змін", "у міру внесення змін", "в міру внесення змін", "по мірі внесення змін",
        "при внесенні змін", "за потреби", "у разі потреби", "в разі потреби", "за необхідності",
        "immediately after making changes", "on change", "on_change",
    ],
    Frequency.NO_LONGER_UPDATED: ["більше не оновлюється", "не оновлюється", "не актуалізується",
                                  "no longer updated", "no_longer_updated"],
}  # fmt: skip

_APOSTROPHES = re.compile("[’'ʼ`‘]")
_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")
# "1 раз на рік", "один раз на рік", "не рідше одного разу на рік" -> "раз на рік".
_ONCE = re.compile(r"^(?:не рідше |не менше |не менш як )?(?:1|один|одного) раз(?:у)? (?=на )")


def _words(text: str) -> str:
    text = _APOSTROPHES.sub("", str(text or "").casefold())
    text = _NOT_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@functools.cache
def _frequency_lookup() -> dict[str, Frequency]:
    """Words -> frequency; built on first use, as the labels are lazy translations (Ukrainian is read here)."""
    lookup = {_words(word): frequency for frequency, words in _FREQUENCY_WORDS.items() for word in words}
    with translation.override("uk"):
        lookup.update({_words(f.label): f for f in Frequency})
    lookup.update({_words(f.value): f for f in Frequency})
    return lookup


def frequency_from_words(text) -> Frequency | None:
    """The frequency a register writes in words ("Щокварталу", "раз на рік"...), or None if unknown."""
    words = _words(text)
    if not words:
        return None
    lookup = _frequency_lookup()
    if words in lookup:
        return lookup[words]
    return lookup.get(_ONCE.sub("раз ", words))


# -- the responsible person ------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_EMAIL_LABEL = re.compile(r"(?:e-?mail|ел\.?\s*пошта|електронна пошта|ел\.?\s*адреса)\s*:?\s*$", re.IGNORECASE)


def split_responsible(cell) -> tuple[str, str]:
    """ "Прізвище Ім’я, e-mail" -> (name, e-mail). Either part may be missing."""
    text = " ".join(str(cell or "").split())
    match = _EMAIL.search(text)
    if not match:
        return text.strip(" ,;"), ""
    email = match.group(0).strip(".")
    name = (text[: match.start()] + " " + text[match.end() :]).strip()
    name = _EMAIL_LABEL.sub("", name.replace("()", "").replace("<>", "")).strip(" ,;:()<>-")
    return " ".join(name.split()), email


def join_responsible(name: str, email: str, *, with_email: bool) -> str:
    parts = [name.strip()] if name and name.strip() else []
    if with_email and email:
        parts.append(email.strip())
    return ", ".join(parts)


# -- dates -----------------------------------------------------------------------------------

_DATE_FORMATS = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y")


def parse_kyiv_datetime(value) -> dt.datetime | None:
    """A moment written as "dd.mm.yyyy", "dd.mm.yyyy HH:MM" or ISO 8601, read as Kyiv time.

    Spreadsheet dates (``datetime``/``date`` objects) are Kyiv time too; an ISO value with an
    offset keeps it. Returns None for a blank cell; raises ValueError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        text = " ".join(str(value).split())
        if not text:
            return None
        moment = None
        for fmt in _DATE_FORMATS:
            try:
                moment = dt.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        if moment is None:
            try:
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                raise ValueError(text) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=KYIV)
    return moment


def format_kyiv_datetime(moment: dt.datetime | None) -> str:
    return moment.astimezone(KYIV).strftime("%d.%m.%Y %H:%M") if moment else ""


def format_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


# -- formats and links -------------------------------------------------------------------------

_FORMAT_SEPARATORS = re.compile(r"\s*[,;/]\s*")


def normalise_formats(cell) -> str:
    """ "CSV; XLSX / json" -> "CSV, XLSX, json": the list as written, one separator."""
    items = [item.strip().lstrip(".") for item in _FORMAT_SEPARATORS.split(str(cell or "").strip())]
    return ", ".join(dict.fromkeys(item for item in items if item))


_KEYWORD_SEPARATORS = re.compile(r"\s*[,;\n]\s*")


def normalise_keywords(cell) -> str:
    """ "бюджет; фінанси, звіти" -> "бюджет, фінанси, звіти": keywords are stored comma-separated
    (the CKAN tags and DCAT keywords split on commas); a slash stays, it is part of a keyword."""
    items = [item.strip() for item in _KEYWORD_SEPARATORS.split(str(cell or "").strip())]
    return ", ".join(dict.fromkeys(item for item in items if item))


def is_data_gov_ua(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "data.gov.ua" or host.endswith(".data.gov.ua")


_URL_SEPARATORS = re.compile(r"[\s,;]+")


def split_links(cell) -> tuple[list[str], list[str]]:
    """A hyperlink cell -> (data.gov.ua links, other links)."""
    gov, other = [], []
    for url in _URL_SEPARATORS.split(str(cell or "").strip()):
        if url:
            (gov if is_data_gov_ua(url) else other).append(url)
    return gov, other


def join_links(portal_url: str, data_gov_ua_url: str) -> str:
    """The hyperlink cell: the data.gov.ua link first, then the portal's (one per line)."""
    return "\n".join(url for url in (data_gov_ua_url, portal_url) if url)
