import datetime as dt

import pytest

from common.collation import ukrainian_sort_key
from common.quarters import Quarter


def test_quarter_parse_and_boundaries():
    q = Quarter.parse("2019Q4")
    assert (q.year, q.number) == (2019, 4)
    assert q.first_day() == dt.date(2019, 10, 1)
    assert q.last_day() == dt.date(2019, 12, 31)
    assert Quarter.parse("2020q1").last_day() == dt.date(2020, 3, 31)
    assert str(q.next()) == "2020Q1"
    assert str(Quarter(2020, 1).previous()) == "2019Q4"
    assert q.label() == "IV квартал 2019 року"


def test_quarter_containing_and_ranges():
    assert Quarter.containing(dt.date(2020, 2, 29)) == Quarter(2020, 1)
    assert [str(q) for q in Quarter(2019, 3).until(Quarter(2020, 1))] == ["2019Q3", "2019Q4", "2020Q1"]


@pytest.mark.parametrize("bad", ["2019Q5", "Q4 2019", "", "2019"])
def test_quarter_parse_rejects_bad_text_in_ukrainian(bad):
    with pytest.raises(ValueError, match="Квартал"):
        Quarter.parse(bad)


def test_ukrainian_sort_key_orders_the_alphabet():
    words = ["яблуко", "ґанок", "їжак", "abc", "єнот", "іній", "гора", "апостроф", "м’ята", "мята"]
    assert sorted(words, key=ukrainian_sort_key)[:8] == [
        "апостроф",
        "гора",
        "ґанок",
        "єнот",
        "іній",
        "їжак",
        "м’ята",
        "мята",
    ]
