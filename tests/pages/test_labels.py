"""Labels of the public pages: quarters, periods and statuses."""

from common.quarters import Quarter
from plan.choices import TaskStatus
from plan.labels import period_label, quarter_label, status_choices, status_label


def test_quarter_and_period_labels_in_ukrainian():
    assert quarter_label(Quarter(2019, 4)) == "IV квартал 2019 року"
    assert period_label(Quarter(2019, 3), Quarter(2019, 4)) == "III–IV квартал 2019 року"
    assert period_label(Quarter(2019, 4), Quarter(2020, 2)) == "IV квартал 2019 року – II квартал 2020 року"
    assert period_label(Quarter(2020, 1), Quarter(2020, 1)) == "I квартал 2020 року"


def test_status_labels():
    assert status_label("limited") == "Обмежений прогрес"
    assert status_label("unknown") == "unknown"
    assert [value for value, _ in status_choices()] == TaskStatus.values
