"""The DCAT catalogue, built once per data change and then served as a file.

Building the graph costs time and memory in proportion to the registry (tens of seconds at
10,000 datasets: longer than gunicorn lets a request run), so it must not happen per request.
:func:`cached_catalog` wraps a catalogue view: a request after a change of the public data
version (common/cache.py) builds the body once and writes it to the default storage; every later
request streams that file, whatever the registry's size, with no database query. A small
registry (up to ``CATALOG_INLINE_MAX_DATASETS`` published datasets) is built in the request that
finds it missing; a larger one by the Celery task :func:`registry.tasks.build_catalog`, while
requests get the previous version's file, or 503 with Retry-After if there is none yet. One build
per document at a time (a lock in the shared cache), so parallel requests never pile up builds.
The pointer to the file lives in the shared cache, the file in the shared media storage, so every
worker and machine serves the same build.

The cache key is the version + the view + the site's base URL + the paging parameters in
``PAGE_PARAMS`` (other query parameters are ignored, so they cannot force a new build).
"""

from __future__ import annotations

import hashlib
import logging
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from common.cache import public_data_version

logger = logging.getLogger(__name__)

# Query parameters that select a different document (hydra paging of the catalogue).
PAGE_PARAMS = ("page", "page_size", "per_page", "limit", "offset")
STORAGE_DIR = "catalog"
RETRY_AFTER_SECONDS = 10
# Files up to this size are answered as one body; larger ones are streamed.
INLINE_MAX_BYTES = 4 * 1024 * 1024
# The wrapped views by name, for the build task.
VIEWS: dict = {}
SUFFIXES = {
    "catalog_ttl": ".ttl",
    "catalog_jsonld": ".jsonld",
    "catalog_rdf": ".rdf",
    "catalog_negotiated_ttl": ".ttl",
    "catalog_negotiated_jsonld": ".jsonld",
    "catalog_negotiated_rdf": ".rdf",
}


class _Keys:
    def __init__(self, request, view_name: str):
        params = [(name, request.GET.get(name, "")) for name in PAGE_PARAMS if name in request.GET]
        raw = "|".join([view_name, request.build_absolute_uri("/"), repr(params)])
        self.variant = hashlib.sha256(raw.encode()).hexdigest()[:24]
        self.latest = f"catalog:{self.variant}:latest"
        self.lock = f"catalog:{self.variant}:lock"

    def current(self, version: int) -> str:
        return f"catalog:{self.variant}:{version}"


def _serve(entry: dict | None, request):
    """The stored file as a response (streamed when large), or None if it is gone."""
    if not entry:
        return None
    etag = f'"{entry["version"]}-{entry["path"].rsplit("/", 1)[-1]}"'
    if request.headers.get("if-none-match") == etag:
        response = HttpResponse(status=304)
    else:
        try:
            handle = default_storage.open(entry["path"], "rb")
        except FileNotFoundError:
            return None
        if entry["size"] <= INLINE_MAX_BYTES:
            with handle:
                response = HttpResponse(handle.read(), content_type=entry["content_type"])
        else:  # a large catalogue is streamed in chunks, never held in memory
            response = FileResponse(handle, content_type=entry["content_type"])
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={settings.CATALOG_CLIENT_MAX_AGE}"
    return response


def _build(view, request, keys: _Keys, version: int):
    """Run the view and store a 200 body as the document of ``version``; the lock is released."""
    try:
        response = view(request)
        if response.status_code != 200 or response.streaming:
            return response, None
        suffix = SUFFIXES.get(view.__name__, ".txt")
        name = default_storage.save(f"{STORAGE_DIR}/{keys.variant}-{version}{suffix}", ContentFile(response.content))
        entry = {
            "path": name,
            "version": version,
            "content_type": response["Content-Type"],
            "size": len(response.content),
        }
        previous = cache.get(keys.latest)
        cache.set(keys.current(version), entry, settings.CATALOG_CACHE_SECONDS)
        cache.set(keys.latest, entry, settings.CATALOG_CACHE_SECONDS)
        if previous and previous["path"] != entry["path"]:
            default_storage.delete(previous["path"])
        return response, entry
    finally:
        cache.delete(keys.lock)


def _builds_inline() -> bool:
    from .selectors import dataset_public

    return dataset_public().count() <= settings.CATALOG_INLINE_MAX_DATASETS


def _busy(keys: _Keys, request):
    """While the document is being built: the previous version, or 503 with Retry-After."""
    response = _serve(cache.get(keys.latest), request)
    if response is None:
        response = HttpResponse(_("Каталог формується, спробуйте за кілька секунд."), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Content-Type"] = "text/plain; charset=utf-8"
    return response


def cached_catalog(view):
    """Build the view's body once per public data version; serve the stored file afterwards."""
    VIEWS[view.__name__] = view

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.CATALOG_CACHE_SECONDS <= 0:
            return view(request, *args, **kwargs)
        keys = _Keys(request, view.__name__)
        version = public_data_version()
        response = _serve(cache.get(keys.current(version)), request)
        if response is not None:
            return response
        if not cache.add(keys.lock, version, settings.CATALOG_BUILD_SECONDS):
            return _busy(keys, request)  # someone else is building it: no pile-up
        if _builds_inline():
            response, entry = _build(view, request, keys, version)
            return _serve(entry, request) or response
        from .tasks import build_catalog

        try:
            build_catalog.delay(view.__name__, request.build_absolute_uri())
        except Exception:  # noqa: BLE001 - the broker is down: try again on a later request
            logger.warning("Catalogue build of %s could not be queued", request.get_full_path(), exc_info=True)
            cache.delete(keys.lock)
        return _serve(cache.get(keys.current(public_data_version())), request) or _busy(keys, request)

    return wrapper


def catalog_build(*, view_name: str, url: str) -> bool:
    """Build the document a request for ``url`` would get (the task's work); False if already current.

    The lock taken by the request that queued the build is held until this finishes.
    """
    view = VIEWS[view_name]
    parts = urlsplit(url)
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = parts.path
    request.GET = QueryDict(parts.query)
    request.META = {
        "HTTP_HOST": parts.netloc,
        "SERVER_NAME": parts.hostname or "localhost",
        "SERVER_PORT": str(parts.port or (443 if parts.scheme == "https" else 80)),
        "wsgi.url_scheme": parts.scheme,
        "QUERY_STRING": parts.query,
        "REQUEST_METHOD": "GET",
        # The scheme of the original request, through the proxy header the settings trust.
        settings.SECURE_PROXY_SSL_HEADER[0]: parts.scheme,
    }
    keys = _Keys(request, view_name)
    version = public_data_version()
    if cache.get(keys.current(version)):
        cache.delete(keys.lock)
        return False
    cache.set(keys.lock, version, settings.CATALOG_BUILD_SECONDS)
    _build(view, request, keys, version)
    return True
