"""What schemathesis and openapi-spec-validator found (issue 20), pinned as plain tests."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["null", "true", "0", "-3", "", "2.5"])
def test_page_size_that_is_not_a_whole_number_from_1_is_a_400(api, api_world, value):
    response = api.get("/api/v1/departments/", {"page_size": value})
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_page_size_from_1_pages(api, api_world):
    assert len(api.get("/api/v1/departments/", {"page_size": "1"}).json()["results"]) == 1


@pytest.mark.parametrize("query", ["department=0", "department=987654", "department=9223372036854775807"])
def test_unknown_department_filters_datasets_to_nothing(api, api_world, query):
    response = api.get(f"/api/v1/datasets/?{query}")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_an_id_beyond_64_bits_is_a_400_as_the_schema_says(api, api_world):
    response = api.get("/api/v1/datasets/?department=99999999999999999999")
    assert response.status_code == 400 and response.json()["detail"]  # common/input_guard.py


@pytest.mark.parametrize(
    "path",
    ["/api/", "/api/v2/datasets/", "/api/v1/datasets/%0A/", "/api/v1/datasets/a%00b/", "/api/v1/no-such-thing/x"],
)
def test_every_404_under_api_is_json(client, db, path):
    response = client.get(path)
    # A NUL byte is refused at the door (400, common/input_guard.py), the rest are unknown paths.
    assert response.status_code == (400 if "%00" in path else 404)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_404_elsewhere_is_still_a_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.fixture
def schema(client, db):
    return client.get("/api/v1/schema/", {"format": "json"}).json()


def test_public_posts_admit_anonymous_clients(schema):
    assert {} in schema["paths"]["/api/v1/requests/"]["post"]["security"]
    assert {} in schema["paths"]["/api/v1/requests/{id}/vote/"]["post"]["security"]
    assert {} not in schema["paths"]["/api/v1/audit-resources/"]["post"]["security"]


def test_promote_documents_what_it_returns(schema):
    ref = schema["paths"]["/api/v1/audit-responses/{id}/promote/"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["$ref"]
    component = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(component["properties"]) == {"created", "linked", "already"}


def test_page_size_is_declared_from_1(schema):
    parameters = schema["paths"]["/api/v1/datasets/"]["get"]["parameters"]
    page_size = next(p for p in parameters if p["name"] == "page_size")
    assert page_size["schema"]["minimum"] == 1
    assert "allowEmptyValue" not in page_size


def test_state_conflicts_are_409_and_documented(schema, api, api_world, coordinator):
    from accounts import tokens

    api.credentials(HTTP_AUTHORIZATION=f"Token {tokens.api_token_rotate(user=coordinator).key}")
    draft = api_world["audit-campaign-open"]
    assert api.post(f"/api/v1/audit-campaigns/{draft.pk}/open/").status_code == 200
    again = api.post(f"/api/v1/audit-campaigns/{draft.pk}/open/")
    assert again.status_code == 409
    assert "status" in again.json()
    assert "409" in schema["paths"]["/api/v1/audit-campaigns/{id}/open/"]["post"]["responses"]
