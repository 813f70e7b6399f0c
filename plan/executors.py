"""The "responsible executors" cell of a plan: accountable departments (lead first) and participant groups.

Grammar of a cell, as councils write it::

    cell      := piece (HARD piece)*         HARD = line break | ";" | "/" (but not "та/або")
    piece     := part ((SOFT) part)*         SOFT = "," | " та " | " і " | " й "
    a new part starts after SOFT only when the next words begin a unit ("відділ", "управління",
    "департамент", "служба", "комітет", "сектор", "центр", ...) or, after a department, a generic
    group ("структурні підрозділи", "керівники ...", "комунальні підприємства", ...).

So "Управління економіки, промисловості та праці" stays one name, while
"Відділ А та управління Б" is two. A run of parts that together is a known department's name (or
alias) is always kept whole, whatever words it contains. Parts that begin with a generic group are
participants (text on the task), never departments. Pure: ``known`` is a callable supplied by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

UNIT_WORDS = (
    "відділ",
    "управлін",
    "департамент",
    "служб",
    "комітет",
    "виконавчий комітет",
    "сектор",
    "центр",
    "інспекці",
    "апарат",
    "секретаріат",
    "адміністраці",
    "бюро",
    "агенці",
    "патрульн",
    "муніципальн",
    "кп ",
    "ку ",
)
# Generic groups: everyone of a kind, or persons; not an accountable department.
GENERIC_GROUPS = (
    "структурні підрозділи",
    "структурних підрозділів",
    "структурним підрозділам",
    "усі структурні",
    "всі структурні",
    "керівник",
    "комунальні",
    "комунальних",
    "підприємства",
    "установи",
    "організації",
    "заклади",
    "громадські",
    "громадськість",
    "виконавчі органи",
    "виконавчих органів",
    "зацікавлені",
    "представники",
    "депутат",
    "заступник",
    "міський голова",
    "секретар міської ради",
    "суб’єкти",
    "субʼєкти",
    "суб'єкти",
    "розпорядники",
    "власники",
    "інші",
    "усі ",
    "всі ",
)

MAX_PARTS_IN_NAME = 8
_PLACEHOLDER = "\ue000"  # "та/або" must not split on its slash
_HARD = re.compile(r"[;/\n]+")
_SOFT = re.compile(r"(,|\s+та\s+|\s+і\s+|\s+й\s+)")
_APOSTROPHES = re.compile("[’'ʼ`‘]")


@dataclass
class Executors:
    departments: list[str] = field(default_factory=list)  # the first is the lead
    participants: list[str] = field(default_factory=list)

    @property
    def participants_text(self) -> str:
        return "; ".join(self.participants)


def _lower(text: str) -> str:
    return _APOSTROPHES.sub("’", text).lower().lstrip(' «"(')


def starts_unit(text: str) -> bool:
    return _lower(text).startswith(UNIT_WORDS)


def is_generic(text: str) -> bool:
    return _lower(text).startswith(GENERIC_GROUPS)


def _tidy(text: str) -> str:
    return " ".join(text.replace(_PLACEHOLDER, "та/або").split()).strip(" ,.")


def _split_piece(piece: str, known: Callable[[str], bool]) -> list[str]:
    tokens = _SOFT.split(piece)  # part, sep, part, sep, ...
    parts, seps = tokens[0::2], tokens[1::2]
    names: list[str] = []
    i = 0
    while i < len(parts):
        # The longest run of parts (a name has a few commas or "та" at most) that is a known department.
        for j in range(min(len(parts) - 1, i + MAX_PARTS_IN_NAME), i, -1):
            candidate = _join(parts, seps, i, j)
            if known(_tidy(candidate)):
                names.append(candidate)
                i = j + 1
                break
        else:
            current = parts[i]
            generic = is_generic(current)
            j = i + 1
            while j < len(parts):
                nxt = parts[j]
                if not nxt.strip():
                    j += 1
                    continue
                if starts_unit(nxt) or (is_generic(nxt) and not generic) or known(_tidy(nxt)):
                    break
                current += seps[j - 1] + nxt
                j += 1
            names.append(current)
            i = j
    return names


def _join(parts: list[str], seps: list[str], i: int, j: int) -> str:
    text = parts[i]
    for k in range(i + 1, j + 1):
        text += seps[k - 1] + parts[k]
    return text


def parse_executors(cell: str, known: Callable[[str], bool] = lambda name: False) -> Executors:
    """Split an executors cell into departments (lead first) and participant groups; duplicates dropped."""
    result = Executors()
    seen: set[str] = set()
    text = re.sub(r"та\s*/\s*або", _PLACEHOLDER, cell or "")
    for piece in _HARD.split(text):
        if not piece.strip():
            continue
        for raw in _split_piece(piece, known):
            name = _tidy(raw)
            key = _lower(name)
            if not name or key in seen:
                continue
            seen.add(key)
            if is_generic(name) and not known(name):
                result.participants.append(name)
            else:
                result.departments.append(name[0].upper() + name[1:])
    return result
