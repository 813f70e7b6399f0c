"""Finding 7: every malformed request is a 4xx with a Ukrainian message, never a 500 (SQLite and PostgreSQL)."""

import json

import pytest

from common.api.parsers import MAX_DEPTH, too_deep

HUGE = "9" * 23


@pytest.fixture
def anonymous(client):
    client.raise_request_exception = False  # a 500 must show as a status, not as an exception
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/3/action/package_search?q=%00", "NUL"),
        ("/api/3/action/package_show?id=%00", "NUL"),
        ("/feedback/new/?dataset=%00", "NUL"),
        ("/registry/?q=abc%00def", "NUL"),
        (f"/api/3/action/package_search?start={HUGE}", "«start»: число завелике"),
        (f"/api/3/action/package_search?rows={HUGE}", "«rows»: число завелике"),
        ("/api/v1/audit-resources/?department=1234567890123456789012345", "«department»: число завелике"),
        ("/api/v1/datasets/?department=-1234567890123456789012345", "«department»: число завелике"),
        (f"/api/v1/tasks/?plan={HUGE}&page=2", "«plan»: число завелике"),
        (f"/plan/tasks/?page={HUGE}", "«page»: число завелике"),
    ],
)
def test_malformed_query_is_a_400_with_a_message(anonymous, url, message, coordinator):
    anonymous.force_login(coordinator)  # audit resources are for staff: the check runs before any view
    response = anonymous.get(url)
    assert response.status_code == 400, url
    assert message in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/api/3/action/", "/api/action/"])  # ckanapi calls the second
def test_ckan_errors_keep_ckans_shape(anonymous, prefix):
    body = anonymous.get(f"{prefix}package_show?id=%00").json()
    assert body["success"] is False and "NUL" in body["error"]["message"]


@pytest.mark.django_db
def test_largest_64_bit_offset_is_not_a_500(anonymous):
    response = anonymous.get(f"/api/3/action/package_search?start={2**63 - 1}")
    assert response.status_code < 500


@pytest.mark.django_db
def test_long_number_is_still_a_valid_search(anonymous):
    assert anonymous.get(f"/api/v1/datasets/?search={HUGE}").status_code == 200


@pytest.mark.django_db
def test_nul_in_a_form_body_is_a_400(anonymous):
    form = "application/x-www-form-urlencoded"
    response = anonymous.post("/feedback/new/", "title=abc%00def&text=x", content_type=form)
    assert response.status_code == 400


@pytest.mark.django_db
def test_deeply_nested_json_is_a_400_not_a_recursion_error(anonymous):
    response = anonymous.post("/api/v1/requests/", "[" * 5000, content_type="application/json")
    assert response.status_code == 400
    assert "надто глибоко" in response.json()["detail"]
    shallow_but_deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    response = anonymous.post("/api/v1/requests/", shallow_but_deep, content_type="application/json")
    assert response.status_code == 400


def test_depth_check_counts_containers_without_recursion():
    deep = []
    for _ in range(100_000):
        deep = [deep]
    assert too_deep(deep)
    exactly = json.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert not too_deep(exactly) and too_deep([exactly])
    assert not too_deep({"a": [{"b": 1}, []], "c": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})


@pytest.mark.django_db
def test_nul_inside_a_json_string_is_a_400(anonymous):
    body = {"kind": "dataset_request", "title": "Бюджет\u0000міста", "text": "Прошу оприлюднити дані."}
    response = anonymous.post("/api/v1/requests/", json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert "title" in response.json()


@pytest.mark.django_db
def test_a_nul_byte_in_a_form_gets_the_sites_400_page_not_bare_text(client, coordinator):
    client.force_login(coordinator)
    body = "title=%D0%94%D0%B0%D0%BD%D1%96%00&text=x"  # as a browser sends a form (urlencoded)
    response = client.post("/feedback/new/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "Неправильний запит" in page and "NUL" in page and 'href="/"' in page
    assert "<script" not in page  # the strict CSP: no inline script on error pages either
