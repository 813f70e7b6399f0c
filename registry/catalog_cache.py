"""The DCAT catalogue, built once per data change and then served as a file.

Building the graph costs time and memory in proportion to the registry (tens of seconds at
10,000 datasets), so it must not happen per request. :func:`cached_catalog` wraps a catalogue
view: the first request after a change of the public data version (common/cache.py) builds the
body and writes it to the default storage; every later request streams that file, whatever the
registry's size, with no database query. While one process builds, the others serve the
previous version's file (or answer 503 with Retry-After if there is none yet), so parallel
requests never start parallel builds. The pointer to the file lives in the shared cache, the
file in the shared media storage, so every worker and machine serves the same build.

The cache key is the version + the view + the site's base URL + the paging parameters in
``PAGE_PARAMS`` (other query parameters are ignored, so they cannot force a new build).
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _

from common.cache import public_data_version

# Query parameters that select a different document (hydra paging of the catalogue).
PAGE_PARAMS = ("page", "page_size", "per_page", "limit", "offset")
STORAGE_DIR = "catalog"
RETRY_AFTER_SECONDS = 10
# Files up to this size are answered as one body; larger ones are streamed.
INLINE_MAX_BYTES = 4 * 1024 * 1024


def _variant(request, view_name: str) -> str:
    params = [(name, request.GET.get(name, "")) for name in PAGE_PARAMS if name in request.GET]
    raw = "|".join([view_name, request.build_absolute_uri("/"), repr(params)])
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def _serve(entry: dict | None, request):
    """The stored file as a streamed response, or None if it is gone."""
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


def _store(variant: str, version: int, suffix: str, response) -> dict:
    name = default_storage.save(f"{STORAGE_DIR}/{variant}-{version}{suffix}", ContentFile(response.content))
    return {"path": name, "version": version, "content_type": response["Content-Type"], "size": len(response.content)}


def cached_catalog(view):
    """Build the view's body once per public data version; stream the stored file afterwards."""
    suffix = {"catalog_ttl": ".ttl", "catalog_jsonld": ".jsonld"}.get(view.__name__, ".txt")

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.CATALOG_CACHE_SECONDS <= 0:
            return view(request, *args, **kwargs)
        variant = _variant(request, view.__name__)
        version = public_data_version()
        key, latest_key, lock_key = (
            f"catalog:{variant}:{version}",
            f"catalog:{variant}:latest",
            f"catalog:{variant}:lock",
        )
        response = _serve(cache.get(key), request)
        if response is not None:
            return response
        if not cache.add(lock_key, version, settings.CATALOG_BUILD_SECONDS):
            # Someone else is building this document: the previous version is better than a pile-up.
            response = _serve(cache.get(latest_key), request)
            if response is None:
                response = HttpResponse(_("Каталог формується, спробуйте за кілька секунд."), status=503)
                response["Retry-After"] = str(RETRY_AFTER_SECONDS)
                response["Content-Type"] = "text/plain; charset=utf-8"
            return response
        try:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            entry = _store(variant, version, suffix, response)
            previous = cache.get(latest_key)
            cache.set(key, entry, settings.CATALOG_CACHE_SECONDS)
            cache.set(latest_key, entry, settings.CATALOG_CACHE_SECONDS)
            if previous and previous["path"] != entry["path"]:
                default_storage.delete(previous["path"])
        finally:
            cache.delete(lock_key)
        return _serve(entry, request) or response

    return wrapper
