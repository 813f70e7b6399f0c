"""Who may do what through /api/v1/: one row per route and method, one column per role.

Roles: anonymous; head_own = head of the department that owns the object (`department`);
head_other = head of another department; coordinator; council member.
Plan, registry and feedback reads are public. Writes: progress on a task and "dataset
updated" belong to the owning department's head and to coordinators (401 without
credentials, 403 for everyone else signed in); public feedback (new request, vote) is open
to everyone. Audit: campaigns with published results are public; questionnaires and
resources are for department heads (their own department's; another department's answer 404,
not revealing they exist) and coordinators; heads fill in, coordinators open, close, return,
review and promote. Progress updates awaiting review are accepted or returned by the lead
department's head or a coordinator (another head: 404).
Quarterly reports are public. Requests authenticate like a script would, with the user's API token.
The `audit-response-return-` name is DRF's for the `return_` action (url_path "return").

A route or method the urlconf exposes without a row here fails `test_every_route_has_a_row`.
"""

from django.db import transaction
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .conftest import ROLES, audit_resource_fields, pending_update
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
progress-update-accept   POST                                 401       200      404        200         403
progress-update-accept   OPTIONS                              200       200      200        200         200
progress-update-return-  POST                                 401       200      404        200         403
progress-update-return-  OPTIONS                              200       200      200        200         200
dataset-list             GET HEAD OPTIONS                     200       200      200        200         200
dataset-detail           GET HEAD OPTIONS                     200       200      200        200         200
dataset-updates          GET HEAD OPTIONS                     200       200      200        200         200
dataset-passport         GET HEAD OPTIONS                     200       200      200        200         200
dataset-updates          POST                                 401       201      403        201         403
required-dataset-list    GET HEAD OPTIONS                     200       200      200        200         200
required-dataset-detail  GET HEAD OPTIONS                     200       200      200        200         200
request-list             GET HEAD OPTIONS                     200       200      200        200         200
request-list             POST                                 201       201      201        201         201
request-detail           GET HEAD OPTIONS                     200       200      200        200         200
request-vote             POST                                 201       201      201        201         201
request-vote             OPTIONS                              200       200      200        200         200
audit-campaign-list      GET HEAD OPTIONS                     200       200      200        200         200
audit-campaign-detail    GET HEAD OPTIONS                     200       200      200        200         200
audit-campaign-summary   GET HEAD OPTIONS                     200       200      200        200         200
audit-campaign-open      POST                                 401       403      403        200         403
audit-campaign-open      OPTIONS                              200       200      200        200         200
audit-campaign-close     POST                                 401       403      403        200         403
audit-campaign-close     OPTIONS                              200       200      200        200         200
audit-response-list      GET HEAD OPTIONS                     401       200      200        200         403
audit-response-detail    GET HEAD                             401       200      404        200         403
audit-response-detail    OPTIONS                              401       200      200        200         403
audit-response-detail    PATCH                                401       200      404        403         403
audit-response-submit    POST                                 401       200      404        403         403
audit-response-submit    OPTIONS                              401       200      200        200         403
audit-response-return-   POST                                 401       403      404        200         403
audit-response-return-   OPTIONS                              401       200      200        200         403
audit-response-promote   POST                                 401       403      404        200         403
audit-response-promote   OPTIONS                              401       200      200        200         403
audit-resource-list      GET HEAD OPTIONS                     401       200      200        200         403
audit-resource-list      POST                                 401       201      404        403         403
audit-resource-detail    GET HEAD                             401       200      404        200         403
audit-resource-detail    OPTIONS                              401       200      200        200         403
audit-resource-detail    PATCH                                401       200      404        403         403
audit-resource-detail    DELETE                               401       204      404        403         403
audit-resource-review    POST                                 401       403      404        200         403
audit-resource-review    OPTIONS                              401       200      200        200         403
report-list              GET HEAD OPTIONS                     200       200      200        200         200
report-detail            GET HEAD OPTIONS                     200       200      200        200         200
api-not-found            GET HEAD OPTIONS POST PUT PATCH DELETE 404     404      404        404         404
"""

# Valid bodies, so that a status reflects the right to write and not a validation error.
# (audit-resource-list POST is completed in the test with the questionnaire's id.)
PAYLOADS = {
    ("audit-response-detail", "PATCH"): {"notes": "Примітка до анкети."},
    ("audit-response-return-", "POST"): {"comment": "Доповніть опис ресурсу."},
    ("audit-resource-list", "POST"): audit_resource_fields(name="Реєстр договорів оренди"),
    ("audit-resource-detail", "PATCH"): {"description": "Уточнений опис ресурсу."},
    ("audit-resource-review", "POST"): {"decision": "accepted"},
    # The task's deadline has passed (2019): a report that does not complete it needs a reason (issue 18).
    ("task-progress", "POST"): {
        "status": "limited",
        "narrative": "Оприлюднено перший набір даних.",
        "delay_reason": "Затримка закупівлі.",
    },
    ("progress-update-return-", "POST"): {"comment": "Додайте посилання на опублікований набір."},
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
    if route in world:
        return reverse(route, kwargs={"pk": world[route].pk})
    basename = max((b for b in world if route.startswith(b + "-")), key=len)
    return reverse(route, kwargs={"pk": world[basename].pk})


def test_matrix(api_world, role_users):
    """Every cell of MATRIX. Each request runs inside a savepoint rolled back afterwards, so one
    cell's write never changes another's, and each role comes from its own address (feedback
    limits count per address). The world is built once; all wrong cells are reported together."""
    wrong = []
    # The review routes need an update awaiting review (kept out of api_world: other tests count updates).
    api_world = {**api_world, "progress-update": pending_update(api_world["task"], role_users["coordinator"])}
    for route, method in sorted(EXPECTED):
        url = _url(route, api_world)
        payload = PAYLOADS.get((route, method))
        if route == "audit-resource-list" and method == "POST":
            payload = {**payload, "response": api_world["audit-response"].pk}
        for number, role in enumerate(ROLES, start=1):
            with transaction.atomic():
                wrong += [(route, *cell) for cell in _check(route, method, url, payload, role, number, role_users)]
                transaction.set_rollback(True)
    assert not wrong, "cells that differ from MATRIX (route, role, expected, got, body):\n" + "\n".join(map(str, wrong))


def _check(route, method, url, payload, role, number, role_users):
    api = APIClient(REMOTE_ADDR=f"192.0.2.{number}")
    api.raise_request_exception = True
    user = role_users[role]
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    send = getattr(api, method.lower())
    response = send(url, payload, format="json") if payload else api.generic(method, url)
    expected = EXPECTED.get((route, method), {}).get(role)
    if response.status_code != expected:
        return [(role, f"{method} {url}", expected, response.status_code, response.content[:200])]
    if method != "HEAD" and route not in NOT_JSON and response.status_code != 204:
        assert response["Content-Type"].startswith("application/json"), (role, response["Content-Type"])
        body = response.json()
        if response.status_code >= 400 and response.status_code != 400:
            assert isinstance(body.get("detail"), str) and body["detail"], (role, body)
    return []


def test_writes_are_never_anonymous_by_accident():
    """Every write row refuses somebody, and only public feedback lets anonymous clients write."""
    for (route, method), codes in EXPECTED.items():
        if method in ("GET", "HEAD", "OPTIONS") or route == "api-not-found":
            continue
        assert any(code >= 400 for code in codes.values()) or route.startswith("request-"), (route, method)
        if codes["anonymous"] < 400:
            assert route in {"request-list", "request-vote"}, (route, method)


def test_figures(capsys):
    routes = {route for route, _ in EXPECTED}
    cells = len(EXPECTED) * len(ROLES)
    with capsys.disabled():
        print(f"\npermissions matrix: {len(routes)} routes, {len(EXPECTED)} route×method rows, {cells} cells")
    assert cells == sum(len(methods) for methods in api_routes().values()) * len(ROLES)
