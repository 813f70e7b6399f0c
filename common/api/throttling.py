"""Rate limits for the API, read from settings at request time.

DRF's own throttles copy `DEFAULT_THROTTLE_RATES` into a class attribute when the module is
imported, so a changed setting (a test's `override_settings`, a reloaded configuration) would
be ignored. These read `api_settings` on every request instead. Rates come from
`API_THROTTLE_ANON` / `API_THROTTLE_USER`; the counters live in the default cache, so several
processes share them when the cache is Redis, and each request is one atomic increment there
(shared_counters.py), so parallel requests cannot slip past the rate. A throttled request gets
429 with `Retry-After`.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings

from .shared_counters import SharedWindowCounterMixin


class _RatesFromSettings:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonRateThrottle(SharedWindowCounterMixin, _RatesFromSettings, throttling.AnonRateThrottle):
    """Anonymous clients, counted per IP address (see `NUM_PROXIES`)."""


class UserRateThrottle(SharedWindowCounterMixin, _RatesFromSettings, throttling.UserRateThrottle):
    """Signed-in clients (session or token), counted per user."""
