"""One check for every uploaded evidence file, whichever door it came through (form, API, admin).

``validate_upload(upload)`` raises ``ValidationError({"files": "..."})`` (Ukrainian) when the file
is too large (``settings.UPLOAD_MAX_BYTES``), has an extension outside ``ALLOWED_EXTENSIONS``,
its first bytes do not look like that kind of file (a renamed executable is refused as a PDF), or a
text file (csv, txt, json, xml) holds markup a browser would render (HTML, XHTML, SVG, script).
Files are stored by the model's FileField under MEDIA_ROOT, never among the static files.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ValidationError

# PDF, images, office and open document formats, plain data formats, archives.
ALLOWED_EXTENSIONS = (
    "pdf",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "odt",
    "ods",
    "odp",
    "ppt",
    "pptx",
    "csv",
    "txt",
    "json",
    "xml",
    "zip",
)

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # OOXML, OpenDocument and plain ZIP archives
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # legacy .doc/.xls/.ppt
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
    "zip": _ZIP,
}
TEXT_EXTENSIONS = frozenset({"csv", "txt", "json", "xml"})
SNIFF_BYTES = 8192
# Markup a browser would render and run (HTML, XHTML, SVG, XSLT): refused inside any text file,
# whatever its extension, so an .xml cannot be an XHTML page. Files are also served as inert
# downloads (common.downloads); this is the second wall.
RENDERABLE_MARKERS = (
    b"<script",
    b"<html",
    b"<!doctype html",
    b"<svg",
    b"<iframe",
    b"<object",
    b"<embed",
    b"javascript:",
    b"http://www.w3.org/1999/xhtml",
    b"http://www.w3.org/2000/svg",
    b"http://www.w3.org/1999/xsl/transform",
    b"<?xml-stylesheet",
    b" onload=",
    b" onerror=",
)


def max_size_label() -> str:
    """The size limit as people read it: "10 МБ", "512 КБ"."""
    size = settings.UPLOAD_MAX_BYTES
    if size >= 1024 * 1024:
        return f"{round(size / (1024 * 1024), 1):g} МБ"
    return f"{round(size / 1024, 1):g} КБ"


def accept_attribute() -> str:
    """For ``<input type=file accept=...>``: a hint to the browser; the server checks anyway."""
    return ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)


def _head(upload) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        return upload.read(SNIFF_BYTES) or b""
    finally:
        upload.seek(position)


def _content_matches(extension: str, head: bytes) -> bool:
    if extension in TEXT_EXTENSIONS:
        return b"\x00" not in head  # text, not a binary with a text name
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return head.startswith(SIGNATURES[extension])


def _looks_renderable(upload) -> bool:
    """Markup anywhere in the file (not only its head: a long comment could push the root element
    past it), read in chunks that overlap by the longest marker. Wide encodings (UTF-16/32) contain
    NUL bytes and are already refused as text."""
    overlap = max(len(marker) for marker in RENDERABLE_MARKERS)
    position = upload.tell() if hasattr(upload, "tell") else 0
    tail = b""
    try:
        upload.seek(0)
        while chunk := upload.read(1024 * 1024):
            text = tail + chunk.lower()
            if any(marker in text for marker in RENDERABLE_MARKERS):
                return True
            tail = text[-overlap:]
        return False
    finally:
        upload.seek(position)


def validate_upload(upload, *, field: str = "files") -> None:
    """Raise ValidationError({field: message}) unless ``upload`` is an allowed, not too large file."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(ALLOWED_EXTENSIONS)
        raise ValidationError({field: f"Файл «{name}»: такий тип не дозволено. Дозволені: {allowed}."})
    size = getattr(upload, "size", None) or 0
    if size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError({field: f"Файл «{name}» завеликий: найбільше {max_size_label()}."})
    if size == 0:
        raise ValidationError({field: f"Файл «{name}» порожній."})
    head = _head(upload)
    if extension in TEXT_EXTENSIONS and _looks_renderable(upload):
        raise ValidationError(
            {field: f"Файл «{name}» містить веб-сторінку, SVG або скрипт; такі файли не приймаються."}
        )
    if not _content_matches(extension, head):
        raise ValidationError({field: f"Файл «{name}» не схожий на файл типу {extension.upper()}."})
