"""The passport cells as councils write them: frequency words, the responsible cell, Kyiv dates, formats, links."""

import datetime as dt

import pytest

from registry.choices import Frequency
from registry.passport import (
    KYIV,
    format_kyiv_datetime,
    frequency_from_words,
    join_links,
    join_responsible,
    normalise_formats,
    normalise_keywords,
    parse_kyiv_datetime,
    split_links,
    split_responsible,
)

F = Frequency


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # data.gov.ua's own labels
        ("Більш як один раз на день", F.MORE_THAN_DAILY),
        ("Щодня", F.DAILY),
        ("Щотижня", F.WEEKLY),
        ("Щомісяця", F.MONTHLY),
        ("Щокварталу", F.QUARTERLY),
        ("Кожного півріччя", F.HALF_YEARLY),
        ("Щороку", F.YEARLY),
        ("Відразу після внесення змін", F.ON_CHANGE),
        ("Більше не оновлюється", F.NO_LONGER_UPDATED),
        # case, spaces, punctuation
        ("щороку", F.YEARLY),
        ("  ЩОКВАРТАЛУ. ", F.QUARTERLY),
        ("відразу  після внесення змін", F.ON_CHANGE),
        # the usual variants
        ("кожного кварталу", F.QUARTERLY),
        ("щоквартально", F.QUARTERLY),
        ("раз на квартал", F.QUARTERLY),
        ("1 раз на квартал", F.QUARTERLY),
        ("раз на рік", F.YEARLY),
        ("один раз на рік", F.YEARLY),
        ("Не рідше одного разу на рік", F.YEARLY),
        ("щорічно", F.YEARLY),
        ("щомісячно", F.MONTHLY),
        ("раз на місяць", F.MONTHLY),
        ("щотижнево", F.WEEKLY),
        ("щоденно", F.DAILY),
        ("раз на півроку", F.HALF_YEARLY),
        ("двічі на рік", F.HALF_YEARLY),
        ("Одразу після внесення змін", F.ON_CHANGE),
        ("у разі внесення змін", F.ON_CHANGE),
        ("За потреби", F.ON_CHANGE),
        ("не оновлюється", F.NO_LONGER_UPDATED),
        # CKAN codes and English labels
        ("once a quarter", F.QUARTERLY),
        ("yearly", F.YEARLY),
        ("half_yearly", F.HALF_YEARLY),
    ],
)
def test_frequency_words(words, expected):
    assert frequency_from_words(words) == expected


@pytest.mark.parametrize("words", ["щоночі", "раз на століття", "квартал", "2 рази на рік"])
def test_unknown_frequency_is_not_guessed(words):
    assert frequency_from_words(words) is None


def test_blank_frequency_is_none():
    assert frequency_from_words("  ") is None


@pytest.mark.parametrize(
    ("cell", "name", "email"),
    [
        ("Петренко Іван, petrenko@example.org", "Петренко Іван", "petrenko@example.org"),
        ("Коваль Олена Петрівна; o.koval@rada.te.ua", "Коваль Олена Петрівна", "o.koval@rada.te.ua"),
        ("Шевчук Тарас (shevchuk@example.org)", "Шевчук Тарас", "shevchuk@example.org"),
        ("Гнатюк Ірина, e-mail: gnatiuk@example.org", "Гнатюк Ірина", "gnatiuk@example.org"),
        ("Бойко Марія", "Бойко Марія", ""),
        ("boiko@example.org", "", "boiko@example.org"),
        ("", "", ""),
    ],
)
def test_responsible_cell_split(cell, name, email):
    assert split_responsible(cell) == (name, email)


def test_responsible_joined_back_only_with_email_when_asked():
    assert join_responsible("Петренко Іван", "p@example.org", with_email=True) == "Петренко Іван, p@example.org"
    assert join_responsible("Петренко Іван", "p@example.org", with_email=False) == "Петренко Іван"
    assert split_responsible(join_responsible("Петренко Іван", "p@example.org", with_email=True)) == (
        "Петренко Іван",
        "p@example.org",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.10.2020 10:00", dt.datetime(2020, 10, 5, 10, 0, tzinfo=KYIV)),
        ("05.10.2020", dt.datetime(2020, 10, 5, 0, 0, tzinfo=KYIV)),
        ("2020-10-05", dt.datetime(2020, 10, 5, 0, 0, tzinfo=KYIV)),
        ("2020-10-05T10:00", dt.datetime(2020, 10, 5, 10, 0, tzinfo=KYIV)),
        ("2020-10-05T07:00:00Z", dt.datetime(2020, 10, 5, 10, 0, tzinfo=KYIV)),
        # winter time: UTC+2
        ("15.01.2024 23:30", dt.datetime(2024, 1, 15, 21, 30, tzinfo=dt.UTC)),
    ],
)
def test_dates_are_read_as_kyiv_time(text, expected):
    assert parse_kyiv_datetime(text) == expected


@pytest.mark.parametrize("text", ["31.02.2024", "вчора", "2024/13/01"])
def test_bad_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_kyiv_datetime(text)


def test_kyiv_time_written_back_as_read():
    assert format_kyiv_datetime(parse_kyiv_datetime("05.10.2020 10:00")) == "05.10.2020 10:00"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("CSV; XLSX", "CSV, XLSX"), ("csv/json", "csv, json"), ("CSV, GeoJSON", "CSV, GeoJSON"), (".xml ,, ", "xml")],
)
def test_formats_split_on_commas_semicolons_slashes(cell, expected):
    assert normalise_formats(cell) == expected


def test_links_data_gov_ua_apart_from_portal():
    gov, other = split_links("https://data.gov.ua/dataset/abc\nhttps://opendata.city.ua/x")
    assert gov == ["https://data.gov.ua/dataset/abc"] and other == ["https://opendata.city.ua/x"]
    assert split_links("https://www.data.gov.ua/dataset/abc") == (["https://www.data.gov.ua/dataset/abc"], [])
    assert split_links("https://data.gov.ua.evil.example/x") == ([], ["https://data.gov.ua.evil.example/x"])
    assert join_links("https://p.example/x", "https://data.gov.ua/d") == "https://data.gov.ua/d\nhttps://p.example/x"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("бюджет; фінанси", "бюджет, фінанси"),
        ("бюджет,фінанси;бюджет", "бюджет, фінанси"),
        ("ЦНАП/послуги", "ЦНАП/послуги"),
    ],
)
def test_keywords_split_on_commas_and_semicolons(cell, expected):
    assert normalise_keywords(cell) == expected


@pytest.mark.django_db
def test_semicolon_keywords_become_separate_ckan_tags(client):
    from registry.importing import registry_import

    header = (
        "Ідентифікатор набору даних;Назва набору даних;Назва розпорядника інформації;Ключові слова;"
        "Гіперпосилання на набір даних\n"
    )
    row = "ut-budget;Бюджет;Фінансове управління;бюджет; фінанси;https://data.gov.ua/dataset/x\n"
    report = registry_import(data=(header + row.replace("бюджет; фінанси", '"бюджет; фінанси"')).encode(),
                             filename="r.csv", dry_run=False, create_departments=True)  # fmt: skip
    assert report.errors == []
    package = client.get("/api/3/action/package_show?id=ut-budget").json()["result"]
    assert sorted(tag["name"] for tag in package["tags"]) == ["бюджет", "фінанси"]
