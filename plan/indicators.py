"""Measurable targets in performance-indicator texts (pure, no database).

``find_targets("Реалізація щонайменше одного проекту за грантової підтримки")`` ->
``[Target(value=1, unit="проекту", text=...)]``. A target needs a qualifier ("щонайменше",
"мінімум", "не менше", "принаймні") before a number written in digits or words, or a percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUMBER_WORDS = {
    1: "один одна одне одну одного однієї одній одним одному",
    2: "два дві двох двом двома",
    3: "три трьох трьом трьома",
    4: "чотири чотирьох чотирьом",
    5: "п’ять п’яти п’ятьох",
    6: "шість шести шістьох",
    7: "сім семи сімох",
    8: "вісім восьми вісьмох",
    9: "дев’ять дев’яти",
    10: "десять десяти",
    12: "дванадцять дванадцяти",
    15: "п’ятнадцять п’ятнадцяти",
    20: "двадцять двадцяти",
    30: "тридцять тридцяти",
    50: "п’ятдесят п’ятдесяти",
    100: "сто ста",
}
_WORD_TO_NUMBER = {word: number for number, words in NUMBER_WORDS.items() for word in words.split()}
_QUALIFIER = r"(?:щонайменше|щонайменш|мінімум|не\s+менше(?:\s+(?:ніж|як))?|не\s+менш\s+як|принаймні|хоча\s+б)"
_NUMBER = r"(?P<number>\d+(?:[.,]\d+)?|" + "|".join(sorted(_WORD_TO_NUMBER, key=len, reverse=True)) + ")"
_TARGET_RE = re.compile(_QUALIFIER + r"\s+" + _NUMBER + r"(?![\w’])\s*(?P<rest>[^.;,()\n]*)", re.IGNORECASE)
_PERCENT_RE = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*%")
_FREQUENCY_RE = re.compile(r"^(?:раз\s+на|на|щодо?)?\s*(?:квартал|рік|місяць|півріччя)\b", re.IGNORECASE)
# Words after which the unit ends: prepositions, conjunctions, participles that start a clause.
_STOP_WORDS = {
    "на",
    "в",
    "у",
    "з",
    "із",
    "за",
    "для",
    "щодо",
    "та",
    "і",
    "й",
    "що",
    "який",
    "яка",
    "які",
    "до",
    "від",
    "при",
    "раз",
}


@dataclass(frozen=True)
class Target:
    value: Decimal
    unit: str
    text: str


def _number(word: str) -> Decimal:
    word = word.lower().replace("'", "’").replace("ʼ", "’")
    if word in _WORD_TO_NUMBER:
        return Decimal(_WORD_TO_NUMBER[word])
    return Decimal(word.replace(",", "."))


def _unit(rest: str) -> str:
    words = rest.split()
    unit: list[str] = []
    for i, word in enumerate(words):
        if word.lower() in _STOP_WORDS or len(unit) == 2:
            tail = " ".join(words[i:])
            frequency = re.match(r"раз\s+на\s+(квартал|рік|місяць|півріччя)", tail, re.IGNORECASE)
            if frequency and unit:
                unit.append(frequency.group(0))
            break
        if word.endswith(("ний", "ена", "ено", "ені", "ений", "ована", "овані")) and unit:
            break  # a participle ("матеріал створений ...") starts a clause
        unit.append(word)
    return " ".join(unit)


def sentences(text: str) -> list[str]:
    """Split an indicators cell into sentences/lines (one indicator each)."""
    parts = re.split(r"(?<=[.;])\s+|\n+", text or "")
    return [p.strip() for p in parts if p and p.strip(" .;")]


def find_targets(text: str) -> list[Target]:
    """Every measurable target in ``text``, one per sentence at most, in order."""
    targets = []
    for sentence in sentences(text):
        match = _TARGET_RE.search(sentence)
        if match:
            targets.append(Target(_number(match.group("number")), _unit(match.group("rest")), sentence))
            continue
        match = _PERCENT_RE.search(sentence)
        if match:
            targets.append(Target(_number(match.group("number")), "%", sentence))
    return targets
