"""Hit counters in the default cache (Redis in production: shared by every worker and machine).

``count(key, window)`` adds one and returns the new total for a fixed window; ``current(key)`` reads it.
``client_address(request)`` is the caller's address as the API throttles see it (``NUM_PROXIES``).
"""

from __future__ import annotations

from django.core.cache import cache
from rest_framework.throttling import BaseThrottle


def count(key: str, window: int) -> int:
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return 1


def current(key: str) -> int:
    return int(cache.get(key) or 0)


def client_address(request) -> str:
    return BaseThrottle().get_ident(request) or "unknown"
