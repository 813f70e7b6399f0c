"""The submission limit holds for parallel requests in several processes: counted atomically in the
shared cache (Redis), not checked and counted in two steps."""

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from feedback import services
from feedback.choices import FeedbackKind
from feedback.models import FeedbackItem

REDIS_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/2"}
}


def _submit(ip: str, n: int) -> str:
    try:
        services.feedback_submit(
            kind=FeedbackKind.DATASET_REQUEST, title=f"Запит {n}", text="Прошу оприлюднити дані.", ip=ip
        )
        return "saved"
    except services.FeedbackRateLimited:
        return "limited"
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_submissions_from_one_address_save_only_the_limit(settings, monkeypatch):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite runs one writer at a time: parallel submissions need PostgreSQL")
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_CACHE["default"]["LOCATION"]).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = REDIS_CACHE
    settings.FEEDBACK_RATE_LIMIT_PER_HOUR = 5
    # An address of this run only: the shared Redis is not flushed (other processes may use it).
    ip = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    # Every request passed the early check before any was counted (the race of check-then-count).
    monkeypatch.setattr(services, "feedback_rate_check", lambda *, ip: None)
    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(_submit, [ip] * 20, range(20)))
    assert outcomes.count("saved") == 5 and outcomes.count("limited") == 15
    assert FeedbackItem.objects.count() == 5
