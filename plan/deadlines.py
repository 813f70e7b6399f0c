"""Deadline texts of Ukrainian action plans -> merged quarter ranges.

Pure functions, no database. ``parse_deadline("ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року",
plan_start=Quarter(2019, 1), plan_end=Quarter(2020, 4))`` gives two ranges, 2019Q3–2019Q4 and
2020Q3–2020Q4. Anything that cannot be read raises ``DeadlineError`` quoting the text: the parser
never guesses.

Grammar (after normalising Roman numerals, dashes and spaces):
    deadline := group ((","|";"|"та"|"і"|"й") group)*
    group    := "до" point | point ("-" point)*          (also "з X по Y")
    point    := ROMAN [квартал|кв.|півріччя] [YEAR] | [DAY] MONTH [YEAR] | YEAR | DD.MM.YYYY
Recurring words ("постійно", "щокварталу", "щороку", "протягом дії плану" ...) mark the deadline
recurring; alone they mean the plan's whole period. A point without a unit or year takes them from
the nearest point after it ("ІІІ-IV квартал 2019" = III квартал 2019 – IV квартал 2019).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from common.quarters import Quarter

__all__ = ["DeadlineError", "ParsedDeadline", "merge_ranges", "outside_plan_message", "parse_deadline"]


class DeadlineError(ValueError):
    """The deadline text cannot be read; the message (Ukrainian) quotes the text."""


@dataclass(frozen=True)
class ParsedDeadline:
    periods: list[tuple[Quarter, Quarter]]
    recurring: bool

    @property
    def due_date(self) -> dt.date | None:
        """Last day of the last range: the task's due date."""
        return self.periods[-1][1].last_day() if self.periods else None


_MONTH_STEMS = [
    "січ",
    "лют",
    "берез",
    "квіт",
    "трав",
    "черв",
    "лип",
    "серп",
    "верес",
    "жовт",
    "листопад",
    "груд",
]
_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4}
_WORD_CHARS = r"a-zа-яіїєґ'’ʼ"

_TOKEN_RE = re.compile(
    rf"""
    (?P<recur>постійн[{_WORD_CHARS}]*|щокварт[{_WORD_CHARS}]*|щоріч[{_WORD_CHARS}]*|щороку|щомісяч[{_WORD_CHARS}]*
        |щомісяця|щопівроку|регулярно
        |(?:протягом|впродовж|у\s+період|на\s+період)\s+(?:всього\s+|усього\s+)?(?:терміну\s+|періоду\s+|строку\s+)?
         (?:дії|реалізації|виконання)\s+плану)
    |(?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{4}})(?:\s*(?:року|р\.|р)(?![{_WORD_CHARS}]))?
    |(?P<year>\d{{4}})(?:\s*(?:рр\.|р\.|року|році|рік|роки|років|роках|рр|р)(?![{_WORD_CHARS}]))?
    |(?P<day>\d{{1,2}})(?![\d.])
    |(?P<roman>[ivx]+)(?![{_WORD_CHARS}])
    |(?P<quarter>(?:квартал(?:и|у|ів|ах|а|і)?|кварт\.|кв\.|кв)(?![{_WORD_CHARS}]))
    |(?P<half>(?:півріччя|півріччі|півр\.)(?![{_WORD_CHARS}]))
    |(?P<month>(?:{"|".join(_MONTH_STEMS)})[{_WORD_CHARS}]*)
    |(?P<until>до)(?![{_WORD_CHARS}])
    |(?P<through>по)(?![{_WORD_CHARS}])
    |(?P<filler>(?:протягом|впродовж|включно|кінця|кінець|термін|у|в|на|за|з|із|від|року|р\.)(?![{_WORD_CHARS}]))
    |(?P<dash>-)
    |(?P<sep>[,;]|(?:та|and)(?![{_WORD_CHARS}]))
    |(?P<space>\s+|\.)
    """,
    re.VERBOSE,
)


@dataclass
class _Point:
    kind: str | None  # quarter, half, month, year, date; None = a bare Roman numeral
    number: int | None = None  # quarter/half number, month number
    year: int | None = None
    day: dt.date | None = None

    def bounds(self) -> tuple[Quarter, Quarter]:
        if self.kind == "quarter":
            return Quarter(self.year, self.number), Quarter(self.year, self.number)
        if self.kind == "half":
            first = 1 if self.number == 1 else 3
            return Quarter(self.year, first), Quarter(self.year, first + 1)
        if self.kind == "month":
            q = Quarter(self.year, (self.number - 1) // 3 + 1)
            return q, q
        if self.kind == "year":
            return Quarter(self.year, 1), Quarter(self.year, 4)
        q = Quarter.containing(self.day)
        return q, q


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = re.sub("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-", text)
    # A lower-case standalone "і"/"й" is the conjunction "and"; an upper-case "І" is a Roman numeral.
    text = re.sub(r"(?<![\wІ])[ій](?![\w])", ",", text)
    # Roman numerals are typed with Cyrillic І, Latin I or both in one word ("ІV").
    text = text.replace("І", "I").replace("Х", "X")
    text = text.translate({0x2160: "I", 0x2161: "II", 0x2162: "III", 0x2163: "IV"})  # Ⅰ Ⅱ Ⅲ Ⅳ
    return text.lower().replace("ʼ", "’").replace("'", "’")


def _fail(text: str, reason: str) -> DeadlineError:
    return DeadlineError(f"Не вдалося розпізнати термін «{text.strip()}»: {reason}.")


def _tokenise(text: str, normalised: str) -> list[tuple[str, str]]:
    tokens = []
    pos = 0
    while pos < len(normalised):
        match = _TOKEN_RE.match(normalised, pos)
        if not match:
            fragment = normalised[pos:].split()[0] if normalised[pos:].split() else normalised[pos:]
            raise _fail(text, f"незрозуміле «{fragment}»")
        kind = match.lastgroup
        # For groups with optional suffixes (year/date) lastgroup is still the named group.
        value = match.group(kind)
        pos = match.end()
        if kind in ("space", "filler"):
            continue
        if kind == "through":
            kind = "dash"
        tokens.append((kind, value))
    return tokens


def _roman(text: str, value: str) -> int:
    number = _ROMAN_VALUES.get(value.upper())
    if number is None:
        raise _fail(text, f"«{value.upper()}» не є номером кварталу чи півріччя")
    return number


def _year(text: str, value: str) -> int:
    year = int(value)
    if not 1990 <= year <= 2100:
        raise _fail(text, f"рік {year} поза межами 1990–2100")
    return year


def _parse_point(text: str, tokens: list[tuple[str, str]]) -> _Point:
    if not tokens:
        raise _fail(text, "бракує частини діапазону")
    kinds = [k for k, _ in tokens]
    values = [v for _, v in tokens]
    if kinds == ["date"]:
        day, month, year = (int(x) for x in values[0].split("."))
        try:
            date = dt.date(_year(text, str(year)), month, day)
        except ValueError:
            raise _fail(text, f"неіснуюча дата {values[0]}") from None
        return _Point("date", year=date.year, day=date)
    if kinds == ["year"]:
        return _Point("year", year=_year(text, values[0]))
    if kinds[0] == "roman":
        number = _roman(text, values[0])
        rest = kinds[1:]
        point = _Point(None, number)
        if rest and rest[0] in ("quarter", "half"):
            point.kind = rest[0]
            rest = rest[1:]
            if point.kind == "half" and number > 2:
                raise _fail(text, f"півріччя {values[0].upper()} не існує")
        if rest == ["year"]:
            point.year = _year(text, values[-1])
        elif rest:
            raise _fail(text, "неочікуваний порядок слів")
        return point
    if kinds[0] in ("day", "month"):
        day = None
        if kinds[0] == "day":
            day = int(values[0])
            kinds, values = kinds[1:], values[1:]
        if not kinds or kinds[0] != "month":
            raise _fail(text, "число без місяця")
        stem = next((s for s in _MONTH_STEMS if values[0].startswith(s)), None)
        if stem is None:  # pragma: no cover - the regex only matches known stems
            raise _fail(text, f"невідомий місяць «{values[0]}»")
        point = _Point("month", _MONTH_STEMS.index(stem) + 1)
        if kinds[1:] == ["year"]:
            point.year = _year(text, values[-1])
        elif kinds[1:]:
            raise _fail(text, "неочікуваний порядок слів")
        if day is not None and point.year is not None:
            try:
                point.day = dt.date(point.year, point.number, day)
            except ValueError:
                raise _fail(text, f"неіснуюча дата {day} {values[0]}") from None
        return point
    raise _fail(text, "неочікуваний порядок слів")


def _fill_from_later(text: str, points: list[_Point]) -> None:
    """A point missing its unit or year takes it from the nearest later point that has it."""
    for i, point in enumerate(points):
        later = points[i + 1 :]
        if point.kind is None:
            donor = next((p for p in later if p.kind in ("quarter", "half")), None)
            if donor is None:
                raise _fail(text, "не вказано, квартал це чи півріччя")
            point.kind = donor.kind
            if point.kind == "half" and point.number > 2:
                raise _fail(text, "півріччя може бути лише I або II")
        if point.year is None:
            donor = next((p for p in later if p.year is not None), None)
            if donor is None:
                raise _fail(text, "не вказано рік")
            point.year = donor.year


def merge_ranges(ranges: list[tuple[Quarter, Quarter]]) -> list[tuple[Quarter, Quarter]]:
    """Sort and merge ranges that overlap or touch (2019Q1–Q2 + 2019Q3 -> 2019Q1–Q3)."""
    merged: list[tuple[Quarter, Quarter]] = []
    for start, end in sorted(ranges):
        if merged and start.index <= merged[-1][1].index + 1:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def outside_plan_message(deadline: ParsedDeadline, *, plan_start: Quarter, plan_end: Quarter) -> str | None:
    """A Ukrainian message when the deadline's ranges leave the plan period (a likely typo), else None."""
    if deadline.periods and (deadline.periods[0][0] < plan_start or deadline.periods[-1][1] > plan_end):
        first, last = deadline.periods[0][0], deadline.periods[-1][1]
        return f"термін {first}–{last} виходить за межі плану ({plan_start}–{plan_end})."
    return None


def parse_deadline(text: str, *, plan_start: Quarter, plan_end: Quarter) -> ParsedDeadline:
    """Read a deadline as written in a plan into merged quarter ranges (see the module docstring)."""
    if not text or not text.strip():
        raise DeadlineError("Термін реалізації не вказано.")
    tokens = _tokenise(text, _normalise(text))
    recurring = any(kind == "recur" for kind, _ in tokens)
    tokens = [t for t in tokens if t[0] != "recur"]

    # Groups separated by commas, semicolons, "та", "і"; each group is "до X" or X-Y-... points.
    groups: list[list[tuple[str, str]]] = [[]]
    for token in tokens:
        if token[0] == "sep":
            groups.append([])
        else:
            groups[-1].append(token)
    groups = [g for g in groups if g]

    parsed: list[tuple[str, list[_Point]]] = []
    all_points: list[_Point] = []
    for group in groups:
        mode = "range"
        if group[0][0] == "until":
            mode, group = "until", group[1:]
            if any(k == "dash" for k, _ in group):
                raise _fail(text, "після «до» очікується одна дата")
        parts: list[list[tuple[str, str]]] = [[]]
        for token in group:
            if token[0] == "dash":
                parts.append([])
            elif token[0] == "until":
                raise _fail(text, "«до» має стояти на початку")
            else:
                parts[-1].append(token)
        points = [_parse_point(text, part) for part in parts]
        parsed.append((mode, points))
        all_points.extend(points)
    _fill_from_later(text, all_points)

    ranges: list[tuple[Quarter, Quarter]] = []
    for mode, points in parsed:
        if mode == "until":
            end = points[0].bounds()[1]
            if end < plan_start:
                raise _fail(text, f"дата раніше за початок плану ({plan_start})")
            ranges.append((plan_start, end))
            continue
        start, end = points[0].bounds()[0], points[-1].bounds()[1]
        if end < start:
            raise _fail(text, "початок діапазону пізніше за його кінець")
        ranges.append((start, end))

    if not ranges:
        if not recurring:
            raise _fail(text, "не знайдено жодного періоду")
        if plan_end < plan_start:
            raise DeadlineError("Кінець плану раніше за його початок.")
        ranges.append((plan_start, plan_end))
    return ParsedDeadline(periods=merge_ranges(ranges), recurring=recurring)
