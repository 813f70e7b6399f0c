"""Serving uploaded files so that a browser never runs them.

Every uploaded file (evidence, and any future upload) leaves the app through ``download_response``:
``Content-Disposition: attachment`` (saved, not opened), ``X-Content-Type-Options: nosniff`` (the
browser does not guess HTML from the bytes), ``Content-Security-Policy: sandbox`` (even if opened,
no script, no same-origin access) and a content type from a short list of inert types.
``media_serve`` is the only view mounted on ``/media/`` (see ternopil_od/urls.py).
"""

from __future__ import annotations

import mimetypes
import os

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join

# Types a browser displays without running anything; everything else is a plain byte stream.
INERT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "csv": "text/csv; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
    "zip": "application/zip",
}
SANDBOX_POLICY = "sandbox; default-src 'none'"


def download_headers(response):
    """The three headers that keep a served file inert (also used by views that build their own response)."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def content_type_for(name: str) -> str:
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension in INERT_TYPES:
        return INERT_TYPES[extension]
    guessed, _ = mimetypes.guess_type(name)
    if guessed and guessed.startswith("application/vnd."):  # office documents open in an office program
        return guessed
    return "application/octet-stream"


def download_response(handle, *, filename: str) -> FileResponse:
    """A FileResponse that downloads ``handle`` as ``filename`` and can never execute in the browser."""
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type_for(filename))
    return download_headers(response)


def media_serve(request, path: str):
    """Any file under MEDIA_ROOT, as a download (development only; production mounts evidence only)."""
    try:
        full_path = safe_join(settings.MEDIA_ROOT, path)
    except Exception:  # noqa: BLE001 - SuspiciousFileOperation, ValueError: a path outside the root is just absent
        raise Http404 from None
    if not os.path.isfile(full_path):
        raise Http404
    return download_response(open(full_path, "rb"), filename=os.path.basename(full_path))  # noqa: SIM115
