"""`check --deploy` warns when a limit is on but its counters are per process (common.W001)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/2"}}


@pytest.fixture
def production(settings, monkeypatch):
    """The settings the README's production recipe gives (HTTPS, HSTS, secure cookies)."""
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)  # set for the browser tests only
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.ALLOWED_HOSTS = ["opendata.example.org"]
    settings.FEEDBACK_RATE_LIMIT_PER_HOUR = 5
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "120/min", "user": "600/min"},
    }
    return settings


def deploy_check() -> str:
    out = io.StringIO()
    call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=out)
    return out.getvalue()


def test_no_warning_with_a_shared_redis_cache(production):
    production.CACHES = REDIS
    assert "common.W001" not in deploy_check()


def test_warning_with_a_per_process_cache_and_limits_on(production):
    production.CACHES = LOCMEM
    with pytest.raises(SystemCheckError) as raised:
        deploy_check()
    message = str(raised.value)
    assert "common.W001" in message
    assert "FEEDBACK_RATE_LIMIT_PER_HOUR" in message and "API_THROTTLE_ANON" in message
    assert "CACHE_URL=redis://" in message


def test_no_warning_when_no_limit_is_configured(production):
    production.CACHES = LOCMEM
    production.FEEDBACK_RATE_LIMIT_PER_HOUR = 0
    production.REST_FRAMEWORK = {**production.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    assert "common.W001" not in deploy_check()


def test_the_check_runs_only_with_deploy(production):
    production.CACHES = LOCMEM
    out = io.StringIO()
    call_command("check", "--fail-level", "WARNING", stdout=out)
    assert "common.W001" not in out.getvalue()
