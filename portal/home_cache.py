"""The home page's costly reads, kept in the shared cache per public data version and date.

``registry_figures`` scans every dataset and the latest updates sort every accepted update of the
plan; both change only when public data changes (which bumps the version, see common.cache) or at
midnight (what is overdue). Staff may see drafts, so only the public's view is cached.
"""

from django.core.cache import cache

from common.cache import public_data_version
from plan import selectors as plan_selectors
from plan.models import ProgressUpdate
from registry import selectors as registry_selectors

KEY_PREFIX = "home-data"
SECONDS = 24 * 3600


def _key(name: str, today, *parts) -> str:
    return ":".join([KEY_PREFIX, name, str(public_data_version()), today.isoformat(), *map(str, parts)])


def registry_figures(*, today):
    """registry_selectors.registry_figures without departments, computed once per version and day."""
    key = _key("registry", today)
    figures = cache.get(key)
    if figures is None:
        figures = registry_selectors.registry_figures(today=today, per_department=False)
        cache.set(key, figures, SECONDS)
    return figures


def progress_updates_latest(*, plan, limit: int, user, today) -> list[ProgressUpdate]:
    """The plan's ``limit`` newest accepted updates. For the public the ids are cached (the sort is
    the costly part) and the rows fetched by id with the same joins, so the page shows fresh rows."""
    if user is not None and user.is_authenticated:
        return list(plan_selectors.progress_updates_latest(plan=plan, limit=limit, user=user))
    key = _key("updates", today, plan.pk, limit)
    ids = cache.get(key)
    if ids is None:
        updates = list(plan_selectors.progress_updates_latest(plan=plan, limit=limit))
        cache.set(key, [update.pk for update in updates], SECONDS)
        return updates
    if not ids:
        return []
    rows = plan_selectors.progress_updates_latest(plan=plan, limit=None).filter(pk__in=ids).in_bulk()
    return [rows[pk] for pk in ids if pk in rows]
