import datetime as dt
from types import SimpleNamespace

import pytest

from registry.choices import Frequency
from registry.quality import LABELS, WEIGHTS, dataset_quality, has_open_format, is_open_license

TODAY = dt.date(2024, 6, 1)


def complete(**overrides):
    fields = {
        "description": "Опис " * 30,
        "keywords": "бюджет, фінанси",
        "license": "CC-BY-4.0",
        "formats": "CSV, PDF",
        "frequency": Frequency.MONTHLY,
        "next_due_date": dt.date(2024, 6, 10),
        "last_updated_at": dt.datetime(2024, 5, 10, 10),
        "first_published": dt.date(2020, 1, 1),
        "portal_url": "https://opendata.example.org/d/1",
        "data_gov_ua_url": "https://data.gov.ua/dataset/x",
        "responsible_person": "Іван Петренко",
        "responsible_email": "ivan@example.org",
    }
    fields.update(overrides)
    return SimpleNamespace(**fields)


def test_weights_sum_to_100():
    assert sum(WEIGHTS.values()) == 100


def test_complete_record_scores_100():
    quality = dataset_quality(complete(), today=TODAY)
    assert quality.score == 100
    assert quality.missing == []


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"description": "Короткий опис"}, "description"),
        ({"description": ""}, "description"),
        ({"keywords": " , "}, "keywords"),
        ({"license": "proprietary"}, "license"),
        ({"license": ""}, "license"),
        ({"formats": "PDF, DOC"}, "format"),
        ({"formats": ""}, "format"),
        ({"next_due_date": dt.date(2024, 5, 31)}, "up_to_date"),
        ({"next_due_date": None}, "up_to_date"),
        ({"portal_url": ""}, "portal_url"),
        ({"data_gov_ua_url": ""}, "data_gov_ua_url"),
        ({"responsible_person": ""}, "responsible"),
        ({"responsible_email": ""}, "responsible"),
    ],
)
def test_each_missing_item_costs_its_weight_and_is_named(overrides, key):
    quality = dataset_quality(complete(**overrides), today=TODAY)
    assert quality.score == 100 - WEIGHTS[key]
    assert quality.missing == [LABELS[key]]
    assert quality.missing_keys == [key]


def test_empty_record_scores_zero_and_lists_everything():
    empty = complete(
        description="", keywords="", license="", formats="", next_due_date=None, last_updated_at=None,
        first_published=None, portal_url="", data_gov_ua_url="", responsible_person="", responsible_email="",
    )  # fmt: skip
    quality = dataset_quality(empty, today=TODAY)
    assert quality.score == 0
    assert len(quality.missing) == len(WEIGHTS)


def test_on_change_datasets_are_up_to_date_once_published():
    record = complete(frequency=Frequency.ON_CHANGE, next_due_date=None)
    assert dataset_quality(record, today=TODAY).score == 100
    never = complete(frequency=Frequency.ON_CHANGE, next_due_date=None, last_updated_at=None, first_published=None)
    assert "up_to_date" in dataset_quality(never, today=TODAY).missing_keys


@pytest.mark.parametrize(
    ("formats", "expected"),
    [("csv", True), ("PDF; XLSX", True), (".json", True), ("ods", True), ("RDF", True), ("pdf", False),
     ("DOC, DOCX, PDF", False), ("", False), ("XLS", False)],
)  # fmt: skip
def test_machine_readable_open_formats(formats, expected):
    assert has_open_format(formats) is expected


@pytest.mark.parametrize(
    ("license_id", "expected"),
    [("CC-BY-4.0", True), ("cc-by-sa", True), ("CC0-1.0", True), ("odc-odbl", True),
     ("https://creativecommons.org/licenses/by/4.0/", True), ("other-closed", False), ("", False)],
)  # fmt: skip
def test_open_licenses(license_id, expected):
    assert is_open_license(license_id) is expected
