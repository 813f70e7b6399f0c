"""Calendar quarters: the unit of time of action plans and quarterly reports."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self):
        if not 1 <= self.number <= 4:
            raise ValueError(f"Номер кварталу має бути від 1 до 4, отримано {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read '2019Q4' (also '2019-Q4', '2019q4')."""
        match = _QUARTER_RE.match(text or "")
        if not match:
            raise ValueError(f"Квартал має бути у форматі РРРРQН, наприклад 2019Q4; отримано «{text}»")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def index(self) -> int:
        """Quarters since year 0: makes ranges and differences simple integers."""
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    def last_day(self) -> dt.date:
        month = 3 * self.number
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def next(self) -> Quarter:
        return Quarter.from_index(self.index + 1)

    def previous(self) -> Quarter:
        return Quarter.from_index(self.index - 1)

    def until(self, end: Quarter) -> list[Quarter]:
        """This quarter and every one up to ``end`` inclusive."""
        return [Quarter.from_index(i) for i in range(self.index, end.index + 1)]

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    def label(self) -> str:
        """Ukrainian label as written in council documents: 'IV квартал 2019 року'."""
        return f"{ROMAN[self.number]} квартал {self.year} року"
