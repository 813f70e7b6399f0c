"""Labels of the public pages: quarters and periods in both languages, vocabularies marked for translation."""

from common.quarters import Quarter
from plan.choices import TaskStatus
from plan.labels import STATUS_MESSAGES, period_label, quarter_label, status_choices, status_label
from portal.vocabulary import DATASET_STATUS_MESSAGES, FREQUENCY_MESSAGES
from registry.choices import DatasetStatus, Frequency


def test_quarter_and_period_labels_in_ukrainian():
    assert quarter_label(Quarter(2019, 4)) == "IV квартал 2019 року"
    assert period_label(Quarter(2019, 3), Quarter(2019, 4)) == "III–IV квартал 2019 року"
    assert period_label(Quarter(2019, 4), Quarter(2020, 2)) == "IV квартал 2019 року – II квартал 2020 року"
    assert period_label(Quarter(2020, 1), Quarter(2020, 1)) == "I квартал 2020 року"


def test_status_labels():
    assert status_label("limited") == "Обмежений прогрес"
    assert status_label("unknown") == "unknown"
    assert [value for value, _ in status_choices()] == TaskStatus.values


def test_vocabularies_marked_for_translation_match_the_choices():
    assert list(STATUS_MESSAGES) == TaskStatus.labels
    assert list(DATASET_STATUS_MESSAGES) == DatasetStatus.labels
    assert list(FREQUENCY_MESSAGES) == Frequency.labels
