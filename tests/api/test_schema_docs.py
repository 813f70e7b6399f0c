"""The OpenAPI schema is complete and valid; the docs are served from our own static files."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from .routes import api_routes

# Routes of /api/v1/ that are not operations of the API itself.
NOT_OPERATIONS = {"api-root", "api-schema", "api-docs", "api-redoc", "api-not-found"}


def test_spectacular_validate_fail_on_warn(tmp_path):
    """`manage.py spectacular --validate --fail-on-warn` passes (raises on any warning or error)."""
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert out.read_text().startswith("openapi: 3.")


@pytest.fixture
def schema(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return response.json()


def test_schema_documents_every_route_and_method(schema):
    """Every route and method the router exposes is an operation of the schema (and no more)."""
    exposed = set()
    for name, methods in api_routes().items():
        if name in NOT_OPERATIONS:
            continue
        kwargs = {} if name.endswith("-list") else {"pk": 987654321}
        path = reverse(name, kwargs=kwargs).replace("987654321", "{id}")
        exposed |= {(path, m.lower()) for m in methods if m not in ("HEAD", "OPTIONS")}
    documented = {(path, method) for path, ops in schema["paths"].items() for method in ops}
    assert exposed == documented


def test_every_operation_documents_its_errors(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"401", "429"} <= codes, (method, path)
            assert "Retry-After" in operation["responses"]["429"]["headers"]
            if method != "get" or {} not in operation["security"]:
                assert "403" in codes, (method, path)
            if method != "get":
                assert "400" in codes, (method, path)
            if "{id}" in path:
                assert "404" in codes, (method, path)
            if method == "get" and not path.startswith(("/api/v1/audit-responses/", "/api/v1/audit-resources/")):
                assert {} in operation["security"], f"{path}: public reads need no credentials"
            assert {"tokenAuth": []} in operation["security"]


def test_write_operations_document_what_they_return(schema):
    """Found while fuzzing: the POST actions were documented as 200 + a paginated list."""
    progress = schema["paths"]["/api/v1/tasks/{id}/progress/"]["post"]
    assert set(progress["responses"]) >= {"201"} and "200" not in progress["responses"]
    assert progress["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ProgressUpdate"
    }
    assert "parameters" not in progress or all(p["in"] == "path" for p in progress["parameters"])
    updates = schema["paths"]["/api/v1/datasets/{id}/updates/"]["post"]["responses"]["201"]
    assert updates["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/DatasetUpdate"}
    created = schema["paths"]["/api/v1/requests/"]["post"]["responses"]["201"]
    assert created["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/RequestReceived"}


def _refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                found.add(value.rsplit("/", 1)[-1])
            else:
                _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def test_public_responses_have_no_personal_fields(schema):
    """What anonymous clients can read carries no e-mails or names of people."""
    components = schema["components"]["schemas"]
    public = set()
    for operations in schema["paths"].values():
        for method, operation in operations.items():
            if method == "get" and {} in operation["security"]:
                _refs(operation["responses"]["200"], public)
    pending = list(public)
    while pending:  # follow references between components
        for ref in _refs(components[pending.pop()], set()) - public:
            public.add(ref)
            pending.append(ref)
    assert {"Dataset", "Task", "RequestDetail", "AuditCampaignSummary"} <= public
    for name in public:
        fields = set(components[name].get("properties", {}))
        assert not fields & {"email", "responsible_email", "responsible_person", "ip_digest", "author_email"}, name


def test_questionnaires_are_not_public(schema):
    operation = schema["paths"]["/api/v1/audit-resources/"]["get"]
    assert {} not in operation["security"]
    assert "403" in operation["responses"]


def _assets(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_docs_pages_load_nothing_from_other_sites(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assets = _assets(html)
    assert assets, "the page should load its viewer"
    for asset in assets:
        # The viewers from the sidecar, the page's own CSS and start-up script (files, for the CSP).
        assert asset.startswith(("/static/drf_spectacular_sidecar/", "/static/css/", "/static/js/", url)), asset
        assert not asset.startswith("//")
    assert "cdn" not in html.lower()
    # Swagger UI names the schema in its start-up script (a file: the site's CSP allows no inline script).
    start_up = client.get(f"{url}?script=").content.decode() if "?script=" in html else ""
    assert "/api/v1/schema/" in html + start_up
    # The sidecar's files are really served (WhiteNoise in production, finders in tests).
    for asset in assets:
        static = client.get(asset)
        assert static.status_code == 200, asset
        body = b"".join(static.streaming_content) if static.streaming else static.content
        assert len(body) > 100, asset


def test_swagger_ui_is_the_sidecar_bundle(client, db):
    html = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui-bundle.js" in html and 'id="swagger-ui"' in html
    assert "ternopil-od API" in html


def test_the_footer_links_to_the_docs(client, db):
    assert 'href="/api/v1/docs/"' in client.get("/").content.decode()


def test_schema_is_valid_openapi(schema):
    """openapi-spec-validator finds no error (it once found `'' is not a 'email'`: a blank default)."""
    from openapi_spec_validator import OpenAPIV30SpecValidator

    assert schema["openapi"].startswith("3.0")
    assert [error.message for error in OpenAPIV30SpecValidator(schema).iter_errors()] == []
