"""Property-based run of the whole /api/v1/ schema through schemathesis (WSGI, no server).

Every operation of the published OpenAPI schema gets up to `MAX_EXAMPLES` generated requests
(valid and invalid data, deterministic: `derandomize=True`, so CI and a laptop see the same
cases), the schema's own examples, and the coverage phase's boundary and invalid values
(including methods the operation does not allow, which must answer 405). Each response
must not be a 5xx, must have a status code the schema documents, a documented content
type, and a body that conforms to the schema.
Anonymous clients run every read; a coordinator's token runs every write. The objects of
`api_world` exist, so detail routes answer 200 as well as 404 (a hook swaps in their ids).
"""

import collections
import contextlib
import datetime as dt
import zlib

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import CHECKS, load_all_checks

from accounts import tokens

MAX_EXAMPLES = 10
# `--checks all`: every check schemathesis registers (status codes, content types, headers and
# bodies against the schema, invalid data refused, valid data accepted, auth not ignored ...).
load_all_checks()
ALL_CHECKS = CHECKS.get_all()
HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as generated
    suppress_health_check=list(HealthCheck),
)
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "phases": {
            "examples": {"enabled": True},
            "fuzzing": {"enabled": True},
            "coverage": {"enabled": True},
            "stateful": {"enabled": False},
        },
    }
)

EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
PLAN_START = dt.date(2019, 1, 1)  # the world's plan starts in 2019Q1
CALLS: collections.Counter = collections.Counter()
WORLD_IDS: dict[str, int] = {}
# Body fields that name another object -> that object of `api_world` (its id or slug).
WORLD_REFERENCES: dict[str, object] = {}

# Loaded at collection time through the WSGI app (the schema view needs no database);
# schemathesis makes one test item per operation. (Its lazy `from_fixture` loader does not
# run under pytest 9, whose nodes have no `_nodeid` any more.)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler(), config=CONFIG)


@schema.hook
def map_path_parameters(context, path_parameters):
    """Half of the cases address an object that exists (else almost every detail route is a 404)."""
    if path_parameters and "id" in path_parameters and zlib.crc32(str(path_parameters["id"]).encode()) % 2 == 0:
        prefix = context.operation.path.split("{id}")[0]
        if prefix in WORLD_IDS:
            path_parameters["id"] = WORLD_IDS[prefix]
    return path_parameters


def follow_rules_the_schema_cannot_state(case):
    """Make a schema-valid body also follow the rules OpenAPI cannot express, which the API rightly
    answers with a 400 and a field message (tests elsewhere check those messages):
    - a reference names an object that exists (the schema only says "integer" or "slug");
    - a dataset update's `when` is from 2000 and not in the future, a progress update's `date` not
      in the future, and its `percent` 100 when completed and 0 when not started;
    - a name or an e-mail in a public request comes with `consent`;
    - a form (multipart or urlencoded) has no null: a nullable field is left out instead of being
      sent as the text "null";
    - a progress update on the world's task (a 2019 plan, so late) gives a reason for delay, is not
      dated before 2019, and leaves its reporting period and indicator values to their defaults
      (both checked field by field in tests/plan/test_api_reporting.py);
    - evidence files have a name with an allowed type (generated parts have none): left out here,
      uploads are tested in tests/plan.
    Negative cases are left as generated."""
    meta = case.meta
    body = case.body
    if not (meta and meta.generation.mode.is_positive and isinstance(body, dict)):
        return
    if case.media_type != "application/json":
        for name in [name for name, value in body.items() if value is None or name == "files"]:
            del body[name]
    for name, value in WORLD_REFERENCES.items():
        if name in body and type(body[name]) is type(value):
            body[name] = value
    if isinstance(body.get("when"), str):
        with contextlib.suppress(ValueError):
            when = dt.datetime.fromisoformat(body["when"])
            when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
            body["when"] = min(max(when, EARLIEST), dt.datetime.now(dt.UTC)).isoformat()
    if isinstance(body.get("date"), str):
        with contextlib.suppress(ValueError):
            body["date"] = min(max(dt.date.fromisoformat(body["date"]), PLAN_START), dt.date.today()).isoformat()
    if "narrative" in body and "status" in body:
        body["delay_reason"] = body.get("delay_reason") or "Затримка з даними."
        body.pop("period", None)
        body.pop("indicator_values", None)
    if body.get("percent") is not None:
        body["percent"] = {"completed": 100, "not_started": 0}.get(body.get("status"), body["percent"])
    if (body.get("name") or body.get("email")) and "consent" in body:
        body["consent"] = True


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """Schemathesis calls the WSGI app directly, which fires request_started/finished; their
    close_old_connections() closes a connection that is inside the test's transaction (on
    PostgreSQL; SQLite's in-memory test database ignores close). Django's test client
    disconnects it the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world_ids(api_world):
    WORLD_IDS.clear()
    WORLD_IDS.update({f"/api/v1/{basename}s/": obj.pk for basename, obj in api_world.items()})
    WORLD_REFERENCES.update({"response": api_world["audit-response"].pk, "dataset": api_world["dataset"].slug})
    yield WORLD_IDS
    WORLD_IDS.clear()
    WORLD_REFERENCES.clear()


@pytest.fixture
def coordinator_token(coordinator):
    return tokens.api_token_rotate(user=coordinator).key


@schema.include(method="GET").parametrize()
@HYPOTHESIS
def test_anonymous_reads(case, world_ids):
    CALLS[case.operation.label] += 1
    case.call_and_validate(checks=ALL_CHECKS)


@schema.exclude(method="GET").parametrize()
@HYPOTHESIS
def test_coordinator_writes(case, world_ids, coordinator_token):
    CALLS[case.operation.label] += 1
    follow_rules_the_schema_cannot_state(case)
    case.call_and_validate(checks=ALL_CHECKS, headers={"Authorization": f"Token {coordinator_token}"})


def teardown_module():
    if CALLS:
        print(f"\nschemathesis: {sum(CALLS.values())} requests over {len(CALLS)} operations")
        for label, count in sorted(CALLS.items()):
            print(f"  {count:4d}  {label}")
