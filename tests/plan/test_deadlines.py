"""The deadline parser: every form of the issue and every deadline of the Ternopil plan."""

import csv
from pathlib import Path

import pytest

from common.quarters import Quarter
from plan.deadlines import DeadlineError, merge_ranges, parse_deadline

START, END = Quarter(2019, 1), Quarter(2020, 4)
SEED_CSV = Path(__file__).resolve().parents[2] / "data" / "ternopil-plan-2019-2020.csv"


def periods(text, start=START, end=END):
    parsed = parse_deadline(text, plan_start=start, plan_end=end)
    return [f"{a}-{b}" for a, b in parsed.periods], parsed.recurring


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Roman numerals: Cyrillic І, Latin I/V, mixed in one word
        ("І квартал 2019 року", ["2019Q1-2019Q1"]),
        ("I квартал 2019 року", ["2019Q1-2019Q1"]),
        ("ІІ квартал 2019", ["2019Q2-2019Q2"]),
        ("III квартал 2019 року", ["2019Q3-2019Q3"]),
        ("ІІІ квартал 2019 року", ["2019Q3-2019Q3"]),
        ("ІV квартал 2019 року", ["2019Q4-2019Q4"]),
        ("IV квартал 2019 року", ["2019Q4-2019Q4"]),
        ("ІIІ квартал 2020 р.", ["2020Q3-2020Q3"]),
        # dashes: hyphen, en dash, em dash, with or without spaces
        ("І-ІІ квартал 2019 року", ["2019Q1-2019Q2"]),
        ("І–ІІ квартал 2019 року", ["2019Q1-2019Q2"]),
        ("І — ІІ квартал 2019 року", ["2019Q1-2019Q2"]),
        ("І - ІІ квартал 2019 року", ["2019Q1-2019Q2"]),
        # квартал / квартали / кв.
        ("ІІІ-IV квартали 2019 року", ["2019Q3-2019Q4"]),
        ("ІІІ кв. 2019 р.", ["2019Q3-2019Q3"]),
        ("ІІІ-IV кв. 2020", ["2020Q3-2020Q4"]),
        ("ІІІ кв 2019", ["2019Q3-2019Q3"]),
        # the year after each part, or only once at the end
        ("І квартал 2019 року-IV квартал 2020 року", ["2019Q1-2020Q4"]),
        ("ІІІ квартал -IV квартал 2020 року", ["2020Q3-2020Q4"]),
        ("IV квартал 2019 -IV квартал 2020 року", ["2019Q4-2020Q4"]),
        ("ІІІ-IV квартал 2019 – І-ІІ квартал 2020", ["2019Q3-2020Q2"]),
        # року / р. / nothing
        ("ІІ квартал 2020", ["2020Q2-2020Q2"]),
        ("ІІ квартал 2020 р", ["2020Q2-2020Q2"]),
        # half-years
        ("І півріччя 2019 року", ["2019Q1-2019Q2"]),
        ("ІІ півріччя 2020", ["2020Q3-2020Q4"]),
        ("ІІ півріччя 2019 – І півріччя 2020 року", ["2019Q3-2020Q2"]),
        # whole years and year ranges
        ("протягом 2020 року", ["2020Q1-2020Q4"]),
        ("у 2019 році", ["2019Q1-2019Q4"]),
        ("2019 рік", ["2019Q1-2019Q4"]),
        ("2019-2020 роки", ["2019Q1-2020Q4"]),
        ("2019–2020 рр.", ["2019Q1-2020Q4"]),
        # months and month ranges
        ("грудень 2019", ["2019Q4-2019Q4"]),
        ("у грудні 2019 року", ["2019Q4-2019Q4"]),
        ("червень-серпень 2019 р.", ["2019Q2-2019Q3"]),
        ("березень – квітень 2020", ["2020Q1-2020Q2"]),
        ("листопад 2019 - лютий 2020", ["2019Q4-2020Q1"]),
        # "до <date>": from the plan's start to that date's quarter
        ("до 31.12.2019", ["2019Q1-2019Q4"]),
        ("до 30.06.2020 р.", ["2019Q1-2020Q2"]),
        ("до 31 січня 2020 р.", ["2019Q1-2020Q1"]),
        ("до кінця 2019 року", ["2019Q1-2019Q4"]),
        ("до ІІІ кварталу 2019 року", ["2019Q1-2019Q3"]),
        # several ranges: commas, semicolons, "та", "і"; touching/overlapping ranges merge
        ("ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року", ["2019Q3-2019Q4", "2020Q3-2020Q4"]),
        ("І квартал 2019; ІІІ квартал 2019", ["2019Q1-2019Q1", "2019Q3-2019Q3"]),
        ("І квартал 2019 та ІІ квартал 2019", ["2019Q1-2019Q2"]),
        ("ІІІ і IV квартал 2019", ["2019Q3-2019Q4"]),
        ("І-ІІІ квартал 2019, ІІ-IV квартал 2019", ["2019Q1-2019Q4"]),
        ("IV квартал 2020, І квартал 2019", ["2019Q1-2019Q1", "2020Q4-2020Q4"]),
        ("з І кварталу 2019 по ІІ квартал 2020", ["2019Q1-2020Q2"]),
        ("Ⅲ-Ⅳ квартал 2019", ["2019Q3-2019Q4"]),
        # non-breaking spaces and stray spacing
        ("І\u00a0квартал  2019\u00a0року", ["2019Q1-2019Q1"]),
    ],
)
def test_forms(text, expected):
    assert periods(text) == (expected, False)


@pytest.mark.parametrize(
    "text",
    [
        "постійно",
        "Постійно",
        "щокварталу",
        "щороку",
        "щорічно",
        "протягом дії плану",
        "Протягом всього терміну дії плану",
    ],
)
def test_recurring_words_mean_the_whole_plan(text):
    assert periods(text) == (["2019Q1-2020Q4"], True)


def test_recurring_word_with_explicit_period_keeps_the_period():
    assert periods("щокварталу, 2020 рік") == (["2020Q1-2020Q4"], True)


def test_recurring_uses_the_given_plan_period():
    assert periods("постійно", Quarter(2021, 3), Quarter(2023, 2)) == (["2021Q3-2023Q2"], True)


def test_due_date_is_last_day_of_last_range():
    parsed = parse_deadline("ІІІ-IV квартал 2019 року, І квартал 2020 року", plan_start=START, plan_end=END)
    assert str(parsed.due_date) == "2020-03-31"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "не вказано"),
        ("   ", "не вказано"),
        ("скоро", "«скоро»"),
        ("V квартал 2019", "«V»"),
        ("ІІІ півріччя 2019", "півріччя"),
        ("IV квартал", "не вказано рік"),
        ("ІІ 2019", "квартал це чи півріччя"),
        ("IV квартал 2020 - І квартал 2019", "пізніше"),
        ("до 31.02.2020", "неіснуюча дата"),
        ("до 31.12.2018", "раніше за початок плану"),
        ("І квартал 2219 року", "поза межами"),
        ("2019 І квартал", "порядок"),
        ("квартал 2019", "порядок слів"),
        ("ІІ квартал 2019 ?", "незрозуміле «?»"),
        ("І квартал 2019 до", "«до» має стояти на початку"),
    ],
)
def test_unreadable_text_is_an_error_quoting_it(text, fragment):
    with pytest.raises(DeadlineError) as error:
        parse_deadline(text, plan_start=START, plan_end=END)
    message = str(error.value)
    assert fragment in message
    if text.strip():
        assert f"«{text.strip()}»" in message


def test_merge_ranges():
    q = Quarter.parse
    assert merge_ranges([(q("2019Q3"), q("2019Q4")), (q("2019Q1"), q("2019Q2"))]) == [(q("2019Q1"), q("2019Q4"))]
    assert merge_ranges([(q("2019Q1"), q("2019Q1")), (q("2019Q3"), q("2019Q3"))]) == [
        (q("2019Q1"), q("2019Q1")),
        (q("2019Q3"), q("2019Q3")),
    ]
    assert merge_ranges([(q("2019Q1"), q("2020Q4")), (q("2019Q2"), q("2019Q3"))]) == [(q("2019Q1"), q("2020Q4"))]


SEED_DEADLINES = {
    "І-ІІ квартал 2019 року": ["2019Q1-2019Q2"],
    "III квартал 2019 року": ["2019Q3-2019Q3"],
    "І квартал 2019 року-IV квартал 2020 року": ["2019Q1-2020Q4"],
    "ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року": ["2019Q3-2019Q4", "2020Q3-2020Q4"],
    "ІІІ-IV квартал 2020 року": ["2020Q3-2020Q4"],
    "ІІ-ІІІ квартал 2019 року": ["2019Q2-2019Q3"],
    "ІІІ-IV квартал 2019 року": ["2019Q3-2019Q4"],
    "ІІІ-IV квартал 2019 – І-ІІ квартал 2020": ["2019Q3-2020Q2"],
    "ІІІ квартал -IV квартал 2020 року": ["2020Q3-2020Q4"],
    "IV квартал 2019 -IV квартал 2020 року": ["2019Q4-2020Q4"],
    "ІІІ квартал 2019 року-IV квартал 2020 року": ["2019Q3-2020Q4"],
}


@pytest.mark.parametrize(("text", "expected"), sorted(SEED_DEADLINES.items()))
def test_every_deadline_of_the_ternopil_plan(text, expected):
    assert periods(text) == (expected, False)


def test_the_seed_table_uses_only_these_deadlines():
    with SEED_CSV.open(encoding="utf-8") as f:
        texts = {row["Термін реалізації"] for row in csv.DictReader(f)}
    assert texts == set(SEED_DEADLINES)
