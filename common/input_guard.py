"""Refuse malformed input at the door, before any view or database sees it (400, never 500).

``BadInputMiddleware`` answers 400 with a Ukrainian message when
* the path, the query string or a form-encoded body contains a NUL byte (PostgreSQL cannot store it,
  and no field of this site has a use for it);
* a query parameter is an integer outside the 64-bit range every id, page and offset fits in
  (SQLite and PostgreSQL raise OverflowError / DataError deep inside a query otherwise).
API addresses get JSON ``{"detail": ...}``, pages plain text. Text-search parameters are exempt from
the integer bound: a long number may be a legitimate search.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

MAX_INTEGER = 2**63 - 1
TEXT_PARAMETERS = frozenset({"q", "search", "fq", "query"})
_INTEGER = re.compile(r"^\s*[-+]?\d+\s*$")
CKAN_PATH = re.compile(r"^/api/(?:[123]/)?action/|^/api/3/")  # registry/urls.py: the CKAN action API


def _bad_request(request, message: str):
    if CKAN_PATH.match(request.path_info):  # CKAN clients read CKAN's error shape
        error = {"__type": "Validation Error", "message": message}
        return JsonResponse({"success": False, "error": error}, status=400, json_dumps_params={"ensure_ascii": False})
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400, json_dumps_params={"ensure_ascii": False})
    # A page in the site's look (no context processors: this runs before sessions and users).
    page = loader.render_to_string("400.html", {"message": message, "COUNCIL_NAME": settings.COUNCIL_NAME})
    return HttpResponseBadRequest(page)


def _has_nul(raw: str) -> bool:
    return "\x00" in raw or "\x00" in unquote_plus(raw, errors="replace")


def _overflowing_parameter(request) -> str | None:
    for name, values in request.GET.lists():
        if name in TEXT_PARAMETERS:
            continue
        for value in values:
            if _INTEGER.match(value) and abs(int(value)) > MAX_INTEGER:
                return name
    return None


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or _has_nul(request.META.get("QUERY_STRING", "")):
            return _bad_request(request, _("Запит містить недопустимий символ (NUL)."))
        name = _overflowing_parameter(request)
        if name:
            return _bad_request(request, _("Параметр «%(name)s»: число завелике.") % {"name": name})
        form_body = request.META.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded")
        if request.method == "POST" and form_body and _has_nul(request.body.decode("latin-1")):
            return _bad_request(request, _("Запит містить недопустимий символ (NUL)."))
        return self.get_response(request)
