"""One API: pagination, ordering, filters, ISO dates, JSON errors in the request's language."""

import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from rest_framework import exceptions

from tests.plan.factories import make_task

PROGRESS_URL = "/api/v1/tasks/{}/progress/"


def _in(language, message):
    """A message as the API would give it in `language` (plain strings go through the catalogues)."""
    with translation.override(language):
        return translation.gettext(message) if isinstance(message, str) else str(message)


# -- pagination, ordering, filters, dates ------------------------------------------------------


@pytest.fixture
def three_tasks(api_world, department):
    section = api_world["section"]
    make_task(section, departments=[department], position=2, title="Друге", due_date="2020-06-30")
    make_task(section, departments=[department], position=3, title="Третє", due_date="2019-03-31")
    return api_world


def test_page_and_page_size(api, three_tasks):
    body = api.get("/api/v1/tasks/", {"page_size": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 2
    assert "page=2" in body["next"] and body["previous"] is None
    second = api.get("/api/v1/tasks/", {"page_size": 2, "page": 2}).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_page_size_has_a_ceiling():
    from common.api.pagination import StandardPagination

    assert StandardPagination.max_page_size == 500
    assert StandardPagination.page_size_query_param == "page_size"


def test_page_size_above_the_ceiling_is_capped(api, api_world, monkeypatch):
    from common.api.pagination import StandardPagination

    monkeypatch.setattr(StandardPagination, "max_page_size", 1)
    assert len(api.get("/api/v1/departments/", {"page_size": 1000}).json()["results"]) == 1


@pytest.mark.parametrize("page", ["99", "0", "abc"])
def test_invalid_page_is_a_json_404(api, api_world, page):
    response = api.get("/api/v1/plans/", {"page": page}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json()["detail"] == "Invalid page."
    uk = api.get("/api/v1/plans/", {"page": page}).json()["detail"]
    assert uk == _in("uk", "Invalid page.") != "Invalid page."


def test_ordering(api, three_tasks):
    ids = [t["position"] for t in api.get("/api/v1/tasks/", {"ordering": "-position"}).json()["results"]]
    assert ids == [3, 2, 1]
    dates = [t["due_date"] for t in api.get("/api/v1/tasks/", {"ordering": "due_date"}).json()["results"]]
    assert dates == sorted(dates)


def test_filters_are_the_filtersets(api, three_tasks, other_department):
    assert api.get("/api/v1/tasks/", {"q": "Третє"}).json()["count"] == 1
    assert api.get("/api/v1/tasks/", {"department": other_department.pk}).json()["count"] == 0
    from plan.api.views import TaskViewSet
    from plan.filtersets import TaskFilterSet

    assert TaskViewSet.filterset_class is TaskFilterSet


def test_dates_are_iso_8601(api, api_world):
    task = api.get(f"/api/v1/tasks/{api_world['task'].pk}/").json()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", task["due_date"])
    dataset = api.get(f"/api/v1/datasets/{api_world['dataset'].pk}/").json()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}", dataset["last_updated_at"])


# -- errors: JSON, field-level, in the request's language -------------------------------------


def test_field_errors_in_ukrainian_by_default_and_english_on_request(api, api_world, coordinator):
    api.force_authenticate(coordinator)
    url = PROGRESS_URL.format(api_world["task"].pk)
    uk = api.post(url, {"status": "limited"}, format="json")
    en = api.post(url, {"status": "limited"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert uk.status_code == en.status_code == 400
    assert en.json() == {"narrative": ["This field is required."]}
    assert uk.json() == {"narrative": [_in("uk", "This field is required.")]}
    assert uk.json() != en.json()
    assert uk["Content-Language"] == "uk" and en["Content-Language"] == "en"


def test_choice_and_filter_errors_are_field_level(api, api_world, coordinator):
    api.force_authenticate(coordinator)
    bad = api.post(PROGRESS_URL.format(api_world["task"].pk), {"status": "done", "narrative": "x"}, format="json")
    assert bad.status_code == 400 and set(bad.json()) == {"status"}
    bad_filter = api.get("/api/v1/datasets/", {"due_before": "someday"}, HTTP_ACCEPT_LANGUAGE="en")
    assert bad_filter.status_code == 400
    assert bad_filter.json() == {"due_before": ["Enter a valid date."]}
    bad_filter_uk = api.get("/api/v1/datasets/", {"due_before": "someday"})
    assert bad_filter_uk.json() == {"due_before": [_in("uk", "Enter a valid date.")]}
    assert api.get("/api/v1/tasks/", {"status": "nonsense"}).status_code == 400


def test_service_validation_errors_become_field_errors(api, api_world, coordinator):
    """A ValidationError raised inside a service (not the serializer) is a 400 on the same field."""
    api.force_authenticate(coordinator)
    response = api.post(
        PROGRESS_URL.format(api_world["task"].pk),
        {"status": "completed", "percent": 50, "narrative": "Майже готово."},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["percent"]


def test_401_403_404_405_are_json_in_the_request_language(api, api_world, other_head):
    url = PROGRESS_URL.format(api_world["task"].pk)
    for language in ("uk", "en"):
        anon = api.post(url, {}, format="json", HTTP_ACCEPT_LANGUAGE=language)
        assert anon.status_code == 401
        assert anon.json() == {"detail": _in(language, exceptions.NotAuthenticated.default_detail)}
        missing = api.get("/api/v1/tasks/999999/", HTTP_ACCEPT_LANGUAGE=language)
        assert missing.status_code == 404
        assert missing.json() == {"detail": _in(language, exceptions.NotFound.default_detail)}
        put = api.put("/api/v1/requests/", {}, format="json", HTTP_ACCEPT_LANGUAGE=language)
        assert put.status_code == 405
        assert put.json() == {"detail": _in(language, exceptions.MethodNotAllowed.default_detail).format(method="PUT")}
    assert _in("uk", exceptions.NotFound.default_detail) != _in("en", exceptions.NotFound.default_detail)

    api.force_authenticate(other_head)
    forbidden = api.post(url, {"status": "limited", "narrative": "Спроба."}, format="json")
    assert forbidden.status_code == 403
    assert forbidden["Content-Type"] == "application/json"
    assert "керівник відповідального підрозділу" in forbidden.json()["detail"]


def test_unknown_addresses_answer_json_404(api):
    for method in ("get", "post", "delete", "options"):
        response = getattr(api, method)("/api/v1/no-such-thing/")
        assert response.status_code == 404, method
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"detail": _in("uk", exceptions.NotFound.default_detail)}


def test_a_missing_final_slash_still_redirects(api):
    response = api.get("/api/v1/plans?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/plans/?page=1"
    assert api.get("/api/v1/nothing-here").status_code == 404


def test_non_numeric_ids_are_404_not_500(api, api_world):
    """Found while fuzzing: the progress action looked the task up with Django's get_object_or_404."""
    assert api.get("/api/v1/tasks/abc/progress/").status_code == 404
    assert api.get("/api/v1/tasks/abc/").status_code == 404


# -- throttling -----------------------------------------------------------------------------


def _tiny_rates(anon="3/min", user="4/min"):
    return override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user}}
    )


def test_anonymous_clients_are_throttled_with_retry_after(api, api_world):
    with _tiny_rates():
        codes = [api.get("/api/v1/plans/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = api.get("/api/v1/plans/", HTTP_ACCEPT_LANGUAGE="en")
        assert limited.status_code == 429
        wait = int(limited["Retry-After"])
        assert 0 < wait <= 60
        # English once scripts/en/api.py is in the .po; computed from the catalogue either way.
        expected = (
            _in("en", "Забагато запитів.") + " " + _in("en", "Повторіть запит через %(wait)d с.") % {"wait": wait}
        )
        assert limited.json()["detail"] == expected
        uk = api.get("/api/v1/plans/").json()["detail"]
        assert re.fullmatch(r"Забагато запитів\. Повторіть запит через \d+ с\.", uk)
        # Another address has its own allowance.
        assert api.get("/api/v1/plans/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_forwarded_for_header_is_not_trusted_by_default(api, api_world):
    with _tiny_rates(anon="2/min"):
        codes = [api.get("/api/v1/plans/", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)]
    assert codes == [200, 200, 429]


def test_signed_in_clients_have_their_own_rate(api, api_world, coordinator):
    api.force_authenticate(coordinator)
    with _tiny_rates(anon="1/min", user="4/min"):
        codes = [api.get("/api/v1/plans/").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]


def test_rates_come_from_settings():
    from ternopil_od import settings as project_settings

    rates = project_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert set(rates) == {"anon", "user"}
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] == [
        "common.api.throttling.AnonRateThrottle",
        "common.api.throttling.UserRateThrottle",
    ]


# -- CORS: public reads from any site, no cross-origin writes -----------------------------------

ORIGIN = "https://civic.example.net"


def test_cors_preflight_for_a_read(api):
    response = api.options("/api/v1/datasets/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    allowed = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_get_with_origin(api, api_world):
    response = api.get("/api/v1/datasets/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_cors_preflight_does_not_allow_writes(api, api_world, method):
    url = PROGRESS_URL.format(api_world["task"].pk)
    response = api.options(url, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method)
    allowed = {m.strip() for m in response.get("Access-Control-Allow-Methods", "").split(",") if m.strip()}
    assert method not in allowed  # so a browser never sends the write


def test_cross_origin_session_write_is_refused(api_world, department_head):
    """A page on another site cannot write with a signed-in user's cookies (CSRF origin check)."""
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(department_head)
    response = client.post(
        PROGRESS_URL.format(api_world["task"].pk),
        {"status": "limited", "narrative": "З іншого сайту."},
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 403
    assert not api_world["task"].updates.exists()


def test_cors_only_under_the_api(client, db):
    response = client.get("/registry/", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response
