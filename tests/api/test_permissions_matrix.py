"""Who may do what through /api/v1/: one row per route and method, one column per role.

Roles: anonymous; head_own = head of the department that owns the object (`department`);
head_other = head of another department; coordinator; council member.
Reads are public. Writes: progress on a task and "dataset updated" belong to the owning
department's head and to coordinators (401 without credentials, 403 for everyone else signed
in); public feedback (new request, vote) is open to everyone. HEAD and OPTIONS answer as GET.
Writes here authenticate like a script would, with the user's API token.

A route or method the urlconf exposes without a row here fails `test_every_route_has_a_row`.
"""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .conftest import ROLES
from .routes import api_routes

MATRIX = """
route                    methods                              anonymous head_own head_other coordinator council
api-root                 GET HEAD OPTIONS                     200       200      200        200         200
api-schema               GET HEAD OPTIONS                     200       200      200        200         200
api-docs                 GET HEAD OPTIONS                     200       200      200        200         200
api-redoc                GET HEAD OPTIONS                     200       200      200        200         200
plan-list                GET HEAD OPTIONS                     200       200      200        200         200
plan-detail              GET HEAD OPTIONS                     200       200      200        200         200
principle-list           GET HEAD OPTIONS                     200       200      200        200         200
principle-detail         GET HEAD OPTIONS                     200       200      200        200         200
section-list             GET HEAD OPTIONS                     200       200      200        200         200
section-detail           GET HEAD OPTIONS                     200       200      200        200         200
department-list          GET HEAD OPTIONS                     200       200      200        200         200
department-detail        GET HEAD OPTIONS                     200       200      200        200         200
task-list                GET HEAD OPTIONS                     200       200      200        200         200
task-detail              GET HEAD OPTIONS                     200       200      200        200         200
task-progress            GET HEAD OPTIONS                     200       200      200        200         200
task-progress            POST                                 401       201      403        201         403
dataset-list             GET HEAD OPTIONS                     200       200      200        200         200
dataset-detail           GET HEAD OPTIONS                     200       200      200        200         200
dataset-updates          GET HEAD OPTIONS                     200       200      200        200         200
dataset-updates          POST                                 401       201      403        201         403
required-dataset-list    GET HEAD OPTIONS                     200       200      200        200         200
required-dataset-detail  GET HEAD OPTIONS                     200       200      200        200         200
request-list             GET HEAD OPTIONS                     200       200      200        200         200
request-list             POST                                 201       201      201        201         201
request-detail           GET HEAD OPTIONS                     200       200      200        200         200
request-vote             POST                                 201       201      201        201         201
request-vote             OPTIONS                              200       200      200        200         200
api-not-found            GET HEAD OPTIONS POST PUT PATCH DELETE 404     404      404        404         404
"""

# Valid bodies, so that a status reflects the right to write and not a validation error.
PAYLOADS = {
    ("task-progress", "POST"): {"status": "limited", "narrative": "Оприлюднено перший набір даних."},
    ("dataset-updates", "POST"): {"note": "Дані за місяць", "link": "https://data.gov.ua/dataset/example"},
    ("request-list", "POST"): {
        "kind": "dataset_request",
        "title": "Реєстр зупинок громадського транспорту",
        "text": "Прошу оприлюднити перелік зупинок з координатами.",
    },
}

# Addresses that are not JSON by design (a rendered schema and HTML documentation).
NOT_JSON = {"api-schema", "api-docs", "api-redoc"}


def _parse(table: str):
    lines = [line for line in table.strip().splitlines() if line.strip()]
    header = lines[0].split()
    assert tuple(header[-len(ROLES) :]) == ROLES, header
    rows = {}
    for line in lines[1:]:
        words = line.split()
        route, methods, codes = words[0], words[1 : -len(ROLES)], words[-len(ROLES) :]
        for method in methods:
            assert (route, method) not in rows, f"two rows for {route} {method}"
            rows[(route, method)] = dict(zip(ROLES, map(int, codes), strict=True))
    return rows


EXPECTED = _parse(MATRIX)


def test_every_route_has_a_row():
    exposed = {(name, method) for name, methods in api_routes().items() for method in methods}
    missing = sorted(exposed - set(EXPECTED))
    stale = sorted(set(EXPECTED) - exposed)
    assert not missing, f"routes/methods under /api/v1/ without a row in MATRIX: {missing}"
    assert not stale, f"rows in MATRIX for routes/methods that do not exist: {stale}"


def _url(route: str, world: dict) -> str:
    if route == "api-not-found":
        return "/api/v1/no-such-thing/"
    if route.endswith("-list") or route.startswith("api-"):
        return reverse(route)
    basename = max((b for b in world if route.startswith(b + "-")), key=len)
    return reverse(route, kwargs={"pk": world[basename].pk})


@pytest.mark.parametrize(("route", "method"), sorted(EXPECTED), ids=lambda v: v)
def test_matrix(api_world, role_users, route, method):
    """One row: each role in turn, each from its own address (feedback limits count per address)."""
    url = _url(route, api_world)
    payload = PAYLOADS.get((route, method))
    wrong = []
    for number, role in enumerate(ROLES, start=1):
        api = APIClient(REMOTE_ADDR=f"192.0.2.{number}")
        user = role_users[role]
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        send = getattr(api, method.lower())
        response = send(url, payload, format="json") if payload else api.generic(method, url)
        expected = EXPECTED[(route, method)][role]
        if response.status_code != expected:
            wrong.append((role, expected, response.status_code, response.content[:200]))
            continue
        if method != "HEAD" and route not in NOT_JSON:
            assert response["Content-Type"].startswith("application/json"), (role, response["Content-Type"])
            body = response.json()
            if response.status_code >= 400:
                assert isinstance(body.get("detail"), str) and body["detail"], (role, body)
    assert not wrong, f"{method} {url}: (role, expected, got, body) {wrong}"


def test_matrix_counts():
    """The figures quoted in the report: rows (route × method) and cells (× roles)."""
    routes = {route for route, _ in EXPECTED}
    assert len(routes) == len(api_routes())
    assert len(EXPECTED) * len(ROLES) == sum(len(m) for m in api_routes().values()) * len(ROLES)
