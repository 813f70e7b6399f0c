"""The CKAN action API answers bad calls with CKAN's error envelope (4xx), never a 500 or HTML."""

import json

import pytest
from django.test import Client

from registry.ckan.params import Params

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True)  # as a real client: no CSRF token


@pytest.fixture
def dataset():
    return DatasetFactory(slug="budget", title="Бюджет міста", keywords="бюджет")


def error_of(response, status, error_type):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["success"] is False and body["error"]["__type"] == error_type
    assert body["help"].startswith("http") and body["error"]["message"]
    return body["error"]


def post_json(client, name, payload):
    return client.post(f"/api/action/{name}", data=json.dumps(payload), content_type="application/json")


def test_post_json_and_form_without_csrf_token(client, dataset):
    for response in (
        post_json(client, "package_show", {"id": "budget"}),
        client.post("/api/3/action/package_show", {"id": "budget"}),
        client.get("/api/action/package_show", {"id": "budget"}),
    ):
        assert response.status_code == 200 and response.json()["result"]["name"] == "budget"


def test_unknown_action_and_missing_records(client, dataset):
    error_of(client.get("/api/3/action/no_such_action"), 404, "Not Found Error")
    error_of(client.get("/api/action/"), 404, "Not Found Error")
    error_of(post_json(client, "package_show", {"id": "nope"}), 404, "Not Found Error")
    error_of(client.get("/api/3/action/organization_show", {"id": "nope"}), 404, "Not Found Error")


@pytest.mark.parametrize(
    ("name", "payload", "field"),
    [
        ("package_show", {}, "id"),
        ("package_show", {"id": "bud\x00get"}, "id"),
        ("package_show", {"id": ["budget"]}, "id"),
        ("package_search", {"rows": 10**30}, "rows"),
        ("package_search", {"rows": "1e9"}, "rows"),
        ("package_search", {"start": 2**40}, "start"),
        ("package_search", {"rows": True}, "rows"),
        ("package_search", {"q": "бюджет\x00"}, "q"),
        ("package_search", {"facet.field": "[not json"}, "facet.field"),
        ("package_search", {"facet.field": [1, 2]}, "facet.field"),
        ("package_list", {"limit": -1}, "limit"),
        ("organization_list", {"all_fields": "maybe"}, "all_fields"),
        ("current_package_list_with_resources", {"limit": 0}, "limit"),
    ],
)
def test_bad_parameters_are_validation_errors(client, dataset, name, payload, field):
    error = error_of(post_json(client, name, payload), 409, "Validation Error")
    assert error[field]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "title:(бюджет"},
        {"q": '"unclosed'},
        {"fq": "metadata_modified:[2024-13-45 TO *]"},
        {"fq": "metadata_modified:[2024 TO]"},
        {"fq": "groups:[a TO b]"},
        {"fq": "secret_field:x"},
        {"sort": "title sideways"},
        {"facet.field": '["responsible_email"]'},
        {"q": "(" * 5000 + "x" + ")" * 5000},
        {"q": "(" * 500 + "x" + ")" * 500},
        {"fq": "-" * 100 + "tags:x"},
        {"q": "бюджет " * 1000},
    ],
)
def test_bad_search_syntax_is_a_search_query_error(client, dataset, params):
    error_of(client.get("/api/3/action/package_search", params), 409, "Search Query Error")


@pytest.mark.parametrize("q", ["(", ")", "-", "+", "OR", "AND NOT", '"', "[", "*", ":", "a:", "тест:*", "&&||"])
def test_odd_queries_never_fail_with_500(client, dataset, q):
    response = client.get("/api/3/action/package_search", {"q": q, "fq": q})
    assert response.status_code in (200, 409), response.content
    assert response.json()["success"] is (response.status_code == 200)


def test_bad_bodies_and_methods(client, dataset):
    bad = client.post("/api/action/package_list", data=b"{not json", content_type="application/json")
    error_of(bad, 400, "Bad Request")
    for body in (b"[1]", b"\xff\xfe"):
        response = client.post("/api/action/package_list", data=body, content_type="application/json")
        error_of(response, 400, "Bad Request")
    response = client.put("/api/3/action/package_list")
    assert response.status_code == 405 and response.json()["success"] is False


def test_private_and_personal_data_stay_out(client, dataset):
    DatasetFactory(slug="draft", status="planned", title="Бюджет чернетка", keywords="бюджет")
    result = client.get("/api/3/action/package_search", {"q": "бюджет", "include_private": "true"}).json()["result"]
    assert [p["name"] for p in result["results"]] == ["budget"]
    assert dataset.responsible_email not in json.dumps(result)


@pytest.mark.parametrize(("given", "expected"), [(None, 10), ("5", 5), (7, 7), ("5000", 1000), (10**9, 1000)])
def test_rows_are_capped_as_ckan_caps_them(given, expected):
    assert Params({"rows": given}).integer("rows", 10, cap=1000) == expected
