"""A paginator whose total is counted once per public data version, not on every page view."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from common.cache import public_data_version

COUNT_KEY_PREFIX = "public-count"
COUNT_SECONDS = 3600


class VersionCachedPaginator(Paginator):
    """``count`` comes from the cache, keyed by the public data version and the query's SQL:
    any change to public data makes it count again, as it makes cached pages unreachable."""

    @cached_property
    def count(self):
        sql, params = self.object_list.query.sql_with_params()
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        key = f"{COUNT_KEY_PREFIX}:{public_data_version()}:{digest}"
        total = cache.get(key)
        if total is None:
            total = super().count
            cache.set(key, total, COUNT_SECONDS)
        return total
