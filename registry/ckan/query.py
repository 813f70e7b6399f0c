"""Solr-style ``q`` and ``fq`` (the subset CKAN clients and harvesters send) as Django ``Q`` objects.

Grammar::

    expr    := clause ((AND | OR | &&| ||)? clause)*      adjacent clauses are ANDed; OR binds tighter
    clause  := (NOT | - | +)? ( "(" expr ")" | *:* | field ":" value | word | "phrase" )
    value   := word | "phrase" | * | [from TO to] | {from TO to} | "(" value ((OR|AND)? value)* ")"

Words without a field are full-text terms (``text``). Unknown fields, unbalanced brackets and
bad dates are a ``SearchQueryError`` (409), as Solr's errors are in CKAN.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..choices import Frequency
from .envelope import SearchQueryError

MAX_LENGTH = 2000
MAX_DEPTH = 10  # nested brackets (and NOT/-/+ prefixes count too)
ALL = Q(pk__isnull=False)
NONE = Q(pk__in=[])
_WORD = re.compile(r'[^\s()"\[\]{}]+')
_FIELD = re.compile(r"([A-Za-z_][\w.]*):")
_RANGE = re.compile(r"\s*(\S+)\s+TO\s+(\S+)\s*$")


@dataclass
class Term:
    """A full-text term, kept so that ``score`` can rank by the words of ``q``."""

    text: str
    phrase: bool = False


@dataclass
class Parser:
    """Turns a query into a Q; ``field_q(field, value)`` and ``range_q`` decide what a field means."""

    field_q: Callable[[str, str | Term], Q]
    range_q: Callable[[str, dt.datetime | None, dt.datetime | None, bool, bool], Q]
    terms: list[Term] = field(default_factory=list)

    def parse(self, text: str) -> Q:
        if len(text) > MAX_LENGTH:
            raise SearchQueryError(_("Запит пошуку задовгий (понад %(max)s символів).") % {"max": MAX_LENGTH})
        self.text, self.pos, self.depth = text, 0, 0
        result = self._expr()
        if self._peek():
            raise self._error()
        return result

    def _error(self) -> SearchQueryError:
        near = self.text[self.pos :][:30]
        return SearchQueryError(_("Неправильний запит пошуку біля «%(near)s».") % {"near": near})

    def _deeper(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SearchQueryError(_("Забагато вкладених дужок у запиті пошуку."))

    # -- scanning ------------------------------------------------------------------------
    def _skip(self):
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _peek(self) -> str:
        self._skip()
        return self.text[self.pos : self.pos + 1]

    def _operator(self) -> str | None:
        self._skip()
        for op in ("AND", "OR", "NOT", "&&", "||"):
            end = self.pos + len(op)
            if self.text.startswith(op, self.pos) and (end >= len(self.text) or self.text[end].isspace()):
                self.pos = end
                return {"&&": "AND", "||": "OR"}.get(op, op)
        return None

    def _quoted(self) -> str:
        end = self.text.find('"', self.pos + 1)
        if end < 0:
            raise SearchQueryError(_("Незакриті лапки в запиті пошуку."))
        value = self.text[self.pos + 1 : end]
        self.pos = end + 1
        return value

    def _closing(self, opening: str, closing: str) -> str:
        end = self.text.find(closing, self.pos)
        if end < 0:
            raise SearchQueryError(_("Незакрита дужка «%(bracket)s» в запиті пошуку.") % {"bracket": opening})
        value = self.text[self.pos + 1 : end]
        self.pos = end + 1
        return value

    # -- grammar -------------------------------------------------------------------------
    def _expr(self) -> Q:
        groups: list[Q] = []  # ANDed; each an OR of clauses
        while self._peek() and self._peek() != ")":
            op = self._operator()
            if op == "AND":
                continue
            if op == "OR" and groups:
                groups[-1] = groups[-1] | self._clause()
                continue
            if op == "NOT":
                groups.append(~self._clause())
                continue
            groups.append(self._clause())
        result = ALL
        for group in groups:
            result &= group
        return result

    def _clause(self) -> Q:
        char = self._peek()
        if not char:
            raise SearchQueryError(_("Неповний запит пошуку."))
        if char in "-+" and self.text[self.pos + 1 : self.pos + 2].strip():
            self.pos += 1
            self._deeper()
            inner = self._clause()
            self.depth -= 1
            return ~inner if char == "-" else inner
        if char == "(":
            self._deeper()
            self.pos += 1
            inner = self._expr()
            self.depth -= 1
            if self._peek() != ")":
                raise SearchQueryError(_("Незакрита дужка «(» в запиті пошуку."))
            self.pos += 1
            return inner
        if char == '"':
            term = Term(self._quoted(), phrase=True)
            self.terms.append(term)
            return self.field_q("text", term)
        if self.text.startswith("*:*", self.pos):
            self.pos += 3
            return ALL
        match = _FIELD.match(self.text, self.pos)
        if match:
            self.pos = match.end()
            return self._value(match.group(1))
        word = _WORD.match(self.text, self.pos)
        if not word:
            raise self._error()
        self.pos = word.end()
        term = Term(word.group(0))
        self.terms.append(term)
        return self.field_q("text", term)

    def _value(self, name: str) -> Q:
        char = self.text[self.pos : self.pos + 1]
        if char in ("[", "{"):
            return self._range(name, char)
        if char == '"':
            return self._field(name, self._quoted())
        if char == "(":
            self.pos += 1
            result, pending_or = None, False
            while self._peek() and self._peek() != ")":
                op = self._operator()
                if op in ("OR", "AND"):
                    pending_or = op == "OR"
                    continue
                value = self._quoted() if self._peek() == '"' else self._word()
                q = self._field(name, value)
                result = q if result is None else (result | q if pending_or else result & q)
                pending_or = False
            if self._peek() != ")":
                raise SearchQueryError(_("Незакрита дужка «(» в запиті пошуку."))
            self.pos += 1
            return result if result is not None else NONE
        return self._field(name, self._word())

    def _word(self) -> str:
        word = _WORD.match(self.text, self.pos)
        if not word:
            raise SearchQueryError(_("Порожнє значення поля в запиті пошуку."))
        self.pos = word.end()
        return word.group(0)

    def _field(self, name: str, value: str) -> Q:
        if name in ("text", "title", "notes"):
            term = Term(value, phrase=" " in value)
            if name == "text":
                self.terms.append(term)
            return self.field_q(name, term)
        return self.field_q(name, value)

    def _range(self, name: str, opening: str) -> Q:
        closing = "]" if opening == "[" else "}"
        inner = self._closing(opening, closing)
        match = _RANGE.match(inner)
        if not match:
            raise SearchQueryError(_("Діапазон має вигляд [від TO до]."))
        inclusive = opening == "["
        return self.range_q(name, parse_moment(match.group(1)), parse_moment(match.group(2)), inclusive, inclusive)


def parse_moment(text: str) -> dt.datetime | None:
    """A range end: ``*``, ``NOW``, a date or an ISO date-time (``Z`` or an offset; naive is UTC)."""
    if text == "*":
        return None
    if text.upper() == "NOW":
        return timezone.now()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise SearchQueryError(_("Неправильна дата в запиті пошуку: «%(value)s».") % {"value": text[:40]}) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def frequency_codes(value: str) -> list[str]:
    """A frequency given by its data.gov.ua word or our code."""
    wanted = value.casefold()
    with translation.override("uk"):  # data.gov.ua's words are the Ukrainian labels, whatever the request's language
        return [code for code, label in Frequency.choices if wanted in (code.casefold(), str(label).casefold())]
