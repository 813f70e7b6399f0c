"""System checks of the shared layer.

``common.W001`` (``check --deploy``): a limit is configured but the default cache is kept per
process (or per machine). The limits' counters (feedback submissions per hour, the API's anonymous
and per-user throttles) live in the default cache; with a local-memory cache each gunicorn worker
counts on its own, so three workers allow three times the limit, and a dummy cache counts nothing.
The public data version, the page cache and the catalogue's build pointer are shared the same way.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Backends whose entries are not seen by the other processes or machines.
UNSHARED_CACHE_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache": "is kept in each process's memory",
    "django.core.cache.backends.dummy.DummyCache": "stores nothing",
    "django.core.cache.backends.filebased.FileBasedCache": "is kept in files of one machine",
}


def configured_limits() -> list[str]:
    """Names of the limits whose counters live in the default cache and are switched on."""
    limits = []
    if getattr(settings, "FEEDBACK_RATE_LIMIT_PER_HOUR", 0) > 0:
        limits.append("FEEDBACK_RATE_LIMIT_PER_HOUR")
    rest = getattr(settings, "REST_FRAMEWORK", {})
    rates = rest.get("DEFAULT_THROTTLE_RATES", {})
    if rest.get("DEFAULT_THROTTLE_CLASSES") and any(rates.values()):
        limits.extend(f"API_THROTTLE_{scope.upper()}" for scope, rate in sorted(rates.items()) if rate)
    return limits


@register(Tags.security, Tags.caches, deploy=True)
def check_limits_use_a_shared_cache(app_configs=None, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    where = UNSHARED_CACHE_BACKENDS.get(backend)
    limits = configured_limits()
    if where is None or not limits:
        return []
    return [
        Warning(
            f"Limits ({', '.join(limits)}) are counted in a cache that {where} ({backend}): every "
            "gunicorn worker and every machine counts on its own, so the limits do not hold.",
            hint="Use a shared cache: CACHE_URL=redis://127.0.0.1:6379/1 (README, Production).",
            id="common.W001",
        )
    ]
