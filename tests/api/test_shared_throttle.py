"""The API's throttles hold for parallel requests of several workers sharing Redis."""

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import RequestFactory, override_settings
from rest_framework.request import Request
from rest_framework.settings import api_settings

from common.api.throttling import AnonRateThrottle

REDIS_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/2"}
}


def _redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_CACHE["default"]["LOCATION"]).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")


def test_thirty_parallel_anonymous_requests_from_one_address_pass_only_the_rate():
    _redis_or_skip()
    # An address of this run only: the shared Redis is not flushed (other processes may use it).
    ip = f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "10/min"}
    with override_settings(CACHES=REDIS_CACHE, REST_FRAMEWORK={"DEFAULT_THROTTLE_RATES": rates}):

        def one(_):
            throttle = AnonRateThrottle()  # a new instance per request, as DRF does
            request = Request(RequestFactory().get("/api/v1/plans/", REMOTE_ADDR=ip))
            return throttle.allow_request(request, None), throttle

        with ThreadPoolExecutor(max_workers=30) as pool:
            outcomes = list(pool.map(one, range(30)))
    allowed = [ok for ok, _throttle in outcomes]
    assert allowed.count(True) == 10
    waits = [throttle.wait() for ok, throttle in outcomes if not ok]
    assert all(0 < wait <= 60 for wait in waits)
