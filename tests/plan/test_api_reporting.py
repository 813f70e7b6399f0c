"""Issue 18 through /api/v1/: indicator actuals with field-level 400s, review actions."""

import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from plan.choices import ReviewState, TaskStatus
from plan.models import Indicator, IndicatorValue, ProgressUpdate
from tests.plan.factories import make_plan, make_section, make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def task(department, other_department):
    plan = make_plan()
    task = make_task(make_section(plan), departments=[department, other_department], periods=[("2019Q3", "2020Q2")])
    Indicator.objects.create(task=task, text="Оприлюднено наборів", target_value=40, unit="наборів", position=0)
    Indicator.objects.create(task=task, text="Частка оновлених вчасно", target_value=90, unit="%", position=1)
    return task


@pytest.fixture(autouse=True)
def january_2020():
    with time_machine.travel(dt.datetime(2020, 1, 5, 10, tzinfo=dt.UTC), tick=False):
        yield


def _post(api, task, **fields):
    body = {"status": "substantial", "narrative": "Звіт за IV квартал.", **fields}
    return api.post(f"/api/v1/tasks/{task.pk}/progress/", body, format="json")


@pytest.mark.parametrize(
    ("row", "field", "fragment"),
    [
        ({"actual": "багато"}, "actual", ""),
        ({"actual": -1}, "actual", ""),
        ({"actual": 120, "percent": True}, "actual", "від 0 до 100"),
        ({"actual": 5, "unit": "штук"}, "unit", "Одиниця показника"),
        ({"actual": 5, "target": 101, "percent": True}, "target", "від 0 до 100"),
        ({"indicator": 999999, "actual": 5}, "indicator", "немає серед показників"),
        ({"actual": "1.234"}, "actual", ""),
    ],
)
def test_bad_indicator_values_get_field_level_400s(api, task, coordinator, row, field, fragment):
    indicators = list(task.indicators.order_by("position"))
    row = dict(row)
    indicator = indicators[1] if row.pop("percent", False) else indicators[0]
    row.setdefault("indicator", indicator.pk)
    api.force_authenticate(coordinator)
    response = _post(api, task, indicator_values=[{"indicator": indicators[0].pk, "actual": 3}, row])
    assert response.status_code == 400, response.content
    errors = response.json()["indicator_values"]
    # DRF's shape for a list: only the failing row, by its index; the first row was fine.
    assert list(errors) == ["1"] and field in errors["1"], errors
    assert fragment in " ".join(errors["1"][field])
    assert not ProgressUpdate.objects.exists() and not IndicatorValue.objects.exists()


def test_indicator_actuals_through_the_api(api, task, coordinator):
    api.force_authenticate(coordinator)
    sets, share = task.indicators.order_by("position")
    response = _post(
        api,
        task,
        period="2019Q4",
        next_steps="Оприлюднити ще 10 наборів.",
        indicator_values=[
            {"indicator": sets.pk, "actual": "20", "unit": "наборів"},
            {"indicator": share.pk, "actual": 45.5, "target": 60},
        ],
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["period"] == "2019Q4" and data["review_state"] == ReviewState.ACCEPTED
    assert data["indicator_actuals"][str(sets.pk)] == {"actual": "20", "target": None}
    values = {v.indicator_id: v for v in IndicatorValue.objects.all()}
    assert values[sets.pk].actual_value == 20 and values[sets.pk].quarter_index == 2019 * 4 + 3
    assert values[share.pk].target_value == 60
    task.refresh_from_db()
    # No percent given: the indicators roll up: 20/40 = 50 %, 45.5/60 = 76 % -> 63 %.
    assert task.status == TaskStatus.SUBSTANTIAL and task.percent == 63
    detail = APIClient().get(f"/api/v1/tasks/{task.pk}/").json()
    assert detail["percent"] == 63


def test_review_actions(api, task, other_head, department_head, coordinator):
    api.force_authenticate(other_head)
    sets = task.indicators.order_by("position").first()
    response = _post(api, task, indicator_values=[{"indicator": sets.pk, "actual": 8}])
    assert response.status_code == 201 and response.json()["review_state"] == "pending"
    update_id = response.json()["id"]
    public = APIClient().get(f"/api/v1/tasks/{task.pk}/progress/").json()
    assert public["results"] == []
    assert api.post(f"/api/v1/progress-updates/{update_id}/accept/", {}, format="json").status_code == 404
    api.force_authenticate(department_head)
    response = api.post(f"/api/v1/progress-updates/{update_id}/accept/", {"comment": "Так."}, format="json")
    assert response.status_code == 200 and response.json()["review_state"] == "accepted"
    again = api.post(f"/api/v1/progress-updates/{update_id}/accept/", {}, format="json")
    assert again.status_code == 404  # no longer awaiting review
    assert IndicatorValue.objects.get().actual_value == 8
    assert [u["id"] for u in APIClient().get(f"/api/v1/tasks/{task.pk}/progress/").json()["results"]] == [update_id]
