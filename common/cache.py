"""Whole-page cache for anonymous visitors, invalidated by any change to the public data.

One number, the *public data version*, lives in the cache. Every save, delete and
many-to-many change of a model in ``PUBLIC_DATA_APPS`` bumps it (the receivers are
connected in ``CommonConfig.ready`` by walking each app's models, so new models are
covered without touching this file). Cached pages are keyed by that version, so a bump
makes every cached page unreachable at once; stale entries simply expire.

Writes that bypass model signals (``QuerySet.update()``, ``bulk_create``, raw SQL) must call
:func:`public_data_changed` themselves.

In production the cache must be shared by every process (``CACHE_URL=redis://...``):
with the default per-process local-memory cache, a change made in a Celery worker or in
another web process would not reach the others until ``PUBLIC_PAGE_CACHE_SECONDS`` pass.
"""

from __future__ import annotations

import hashlib
import re
import time
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone, translation

PUBLIC_DATA_APPS = ("accounts", "plan", "registry", "feedback", "audit", "reports")
VERSION_KEY = "public-data-version"
PAGE_KEY_PREFIX = "public-page"
# Saves that change nothing a public page shows (a sign-in stamps last_login).
IGNORED_UPDATE_FIELDS = frozenset({"last_login"})

# The CSRF token of {% csrf_token %} is personal: it is cut out of the stored page and a
# token of the visitor's own is put back each time the page is served.
_CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(">)')
_CSRF_PLACEHOLDER = b"{{public-page-csrf-token}}"
_UNCACHEABLE_CACHE_CONTROL = ("private", "no-store", "no-cache")


# --- the data version --------------------------------------------------------------------------


def _initial_version() -> int:
    # Time-based, so a version key lost from the cache never comes back to a number whose
    # pages might still be stored.
    return time.time_ns() // 1000


def public_data_version() -> int:
    """The current public data version (created on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _initial_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_public_data_version() -> int:
    """Move to a new version: every page cached so far is no longer served."""
    try:
        return cache.incr(VERSION_KEY)
    except ValueError:  # the key is missing (first use, or evicted)
        cache.add(VERSION_KEY, _initial_version(), timeout=None)
        return cache.incr(VERSION_KEY)


def public_data_changed(*, using: str = "default") -> None:
    """Call after any write to public data: bumps the version now and again on commit.

    The bump on commit covers a page rendered by another request between the write and
    the commit (it would hold the old data under the new version). One commit callback
    per transaction, however many rows change in it.
    """
    bump_public_data_version()
    connection = transaction.get_connection(using)
    pending = any(func is bump_public_data_version for _sids, func, _robust in connection.run_on_commit)
    if connection.in_atomic_block and not pending:
        transaction.on_commit(bump_public_data_version, using=using)


def _on_model_change(sender, **kwargs):
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed: only after the change (post_add, post_remove, post_clear)
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= IGNORED_UPDATE_FIELDS:
        return
    public_data_changed(using=kwargs.get("using") or "default")


def connect_public_data_signals(app_labels=None) -> list[type]:
    """Connect the version bump to every model (through tables included) of ``app_labels``.

    Defaults to ``settings.PUBLIC_DATA_APPS`` or :data:`PUBLIC_DATA_APPS`; apps that are
    not installed are skipped. Returns the models connected. Safe to call twice.
    """
    labels = app_labels or getattr(settings, "PUBLIC_DATA_APPS", PUBLIC_DATA_APPS)
    models = []
    for label in labels:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            uid = f"common.cache:{model._meta.label}"
            post_save.connect(_on_model_change, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(_on_model_change, sender=model, dispatch_uid=f"{uid}:delete")
            m2m_changed.connect(_on_model_change, sender=model, dispatch_uid=f"{uid}:m2m")
            models.append(model)
    return models


# --- the page cache -----------------------------------------------------------------------------


def page_cache_key(request) -> str:
    """Version + today's date + language + the full URL (scheme, host, path and query string).

    Today's date is part of the key because pages show what is overdue and the current
    quarter, which change at midnight without any data changing.
    """
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode()).hexdigest()
    return ":".join(
        [
            PAGE_KEY_PREFIX,
            str(public_data_version()),
            timezone.localdate().isoformat(),
            translation.get_language() or settings.LANGUAGE_CODE,
            digest,
        ]
    )


def _is_anonymous_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    # A visitor with messages waiting (e.g. "thank you" after a form) gets a fresh page,
    # so the message is shown to them and to nobody else.
    storage = getattr(request, "_messages", None)
    return not (storage is not None and len(storage))


def _is_storable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in _UNCACHEABLE_CACHE_CONTROL):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False  # the session cookie would be set on this response
    storage = getattr(request, "_messages", None)
    return not (storage is not None and (storage.used or len(storage)))


def _entry(response) -> dict:
    return {
        "status": response.status_code,
        "content": _CSRF_INPUT.sub(rb"\1" + _CSRF_PLACEHOLDER + rb"\2", response.content),
        "headers": [(name, value) for name, value in response.headers.items() if name.lower() != "set-cookie"],
    }


def _response_from(entry: dict, request) -> HttpResponse:
    content = entry["content"]
    if _CSRF_PLACEHOLDER in content:
        parts = content.split(_CSRF_PLACEHOLDER)
        content = parts[0] + b"".join(get_token(request).encode() + part for part in parts[1:])
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    return response


def cache_public_page(view=None, *, timeout: int | None = None):
    """Cache whole responses of a view for anonymous GET (and HEAD) requests.

    ``@cache_public_page`` or ``@cache_public_page(timeout=60)``; ``timeout`` defaults to
    ``settings.PUBLIC_PAGE_CACHE_SECONDS`` (read at request time; 0 turns caching off).
    Signed-in users always get a fresh page and never fill the cache. Only 200 responses
    are stored, and never one that sets a cookie, modifies the session, shows messages
    or says ``Cache-Control: private/no-store/no-cache``. CSRF tokens of
    ``{% csrf_token %}`` fields are replaced by the visitor's own when a page is served.
    """

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            seconds = settings.PUBLIC_PAGE_CACHE_SECONDS if timeout is None else timeout
            if seconds <= 0 or not _is_anonymous_request(request):
                return view_func(request, *args, **kwargs)
            key = page_cache_key(request)
            entry = cache.get(key)
            if entry is not None:
                return _response_from(entry, request)
            response = view_func(request, *args, **kwargs)

            def store(rendered):
                if _is_storable(request, rendered):
                    cache.set(key, _entry(rendered), seconds)

            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.add_post_render_callback(store)
            else:
                store(response)
            return response

        return wrapper

    return decorator(view) if view is not None else decorator
