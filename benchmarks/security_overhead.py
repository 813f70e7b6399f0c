"""Issue 15 (sec-web): what the request guards cost, as ratios to the same work without them.

    DJANGO_SETTINGS_MODULE=ternopil_od.test_settings python -m benchmarks.security_overhead

1. A request with a query string through ``BadInputMiddleware`` and ``ContentSecurityPolicyMiddleware``
   to a trivial view, against the trivial view alone (the guards' own cost per request).
2. Parsing a 1 MB JSON body with ``SafeJSONParser`` (depth check) against DRF's ``JSONParser``.
Each pair runs interleaved in one process, best of five rounds.
"""

from __future__ import annotations

import io
import json
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ternopil_od.test_settings")

import django  # noqa: E402

django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from rest_framework.parsers import JSONParser  # noqa: E402

from common.api.parsers import SafeJSONParser  # noqa: E402
from common.csp import ContentSecurityPolicyMiddleware  # noqa: E402
from common.input_guard import BadInputMiddleware  # noqa: E402

REQUESTS = 20_000
URL = "/api/v1/tasks/?plan=12&status=limited&q=opendata&page=3"


def _ok(request):
    return HttpResponse(b"ok")


def _time(handler, request) -> float:
    start = time.perf_counter()
    for _ in range(REQUESTS):
        handler(request)
    return (time.perf_counter() - start) / REQUESTS


def requests_ratio() -> tuple[float, float]:
    """Per request: a trivial view behind both guards against the bare view (best of five rounds)."""
    request = RequestFactory().get(URL)
    guarded = ContentSecurityPolicyMiddleware(BadInputMiddleware(_ok))
    guarded(request)  # warm up
    pairs = [(_time(guarded, request), _time(_ok, request)) for _ in range(5)]
    return min(p[0] for p in pairs), min(p[1] for p in pairs)


def _best(fn, rounds: int = 5) -> float:
    return min(fn() for _ in range(rounds))


def parser_ratio() -> tuple[float, float]:
    body = json.dumps([{"title": f"Набір {n}", "tags": ["a", "b", {"x": [n]}]} for n in range(15_000)]).encode()

    def parse(parser):
        def run():
            start = time.perf_counter()
            parser.parse(io.BytesIO(body))
            return time.perf_counter() - start

        return run

    return _best(parse(SafeJSONParser())), _best(parse(JSONParser())), len(body)


def main() -> None:
    guarded, bare = requests_ratio()
    print(f"trivial view: {guarded * 1e6:.1f} µs with both guards, {bare * 1e6:.1f} µs alone, "
          f"guards add {(guarded - bare) * 1e6:.1f} µs per request")  # fmt: skip
    safe, plain, size = parser_ratio()
    print(f"JSON body {size / 1e6:.1f} MB: {safe * 1e3:.1f} ms SafeJSONParser, {plain * 1e3:.1f} ms JSONParser, "
          f"ratio {safe / plain:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
