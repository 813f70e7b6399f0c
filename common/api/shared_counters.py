"""A throttle whose counter holds across workers and machines.

DRF's ``SimpleRateThrottle`` keeps a list of timestamps per client and writes it back after each
request (read, append, write): with several workers sharing Redis, parallel requests read the same
list and overwrite each other's entries, so a client gets more than its rate. Here each request is
one atomic ``incr`` on a per-window counter in the shared cache (the sliding-window counter: the
previous window's count, weighted by how much of it still overlaps the last ``duration`` seconds,
plus the current window's), so N parallel requests get N distinct counts and only the rate passes.
Refused requests are counted too: a client that keeps hammering stays refused.
"""

from __future__ import annotations

import math


class SharedWindowCounterMixin:
    """Replaces ``allow_request``/``wait`` of a ``SimpleRateThrottle`` subclass."""

    def _incr(self, key: str) -> int:
        timeout = int(self.duration) * 2 + 1
        if self.cache.add(key, 1, timeout):
            return 1
        try:
            return self.cache.incr(key)
        except ValueError:  # expired between add and incr
            self.cache.add(key, 1, timeout)
            return 1

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window, offset = divmod(self.now, self.duration)
        current = self._incr(f"{self.key}:{int(window)}")
        previous = self.cache.get(f"{self.key}:{int(window) - 1}", 0)
        self._remaining = self.duration - offset
        if previous * (1 - offset / self.duration) + current > self.num_requests:
            return self.throttle_failure()
        return True

    def wait(self):
        return max(1, math.ceil(self._remaining))
