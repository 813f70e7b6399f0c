"""The API's JSON parser: DRF's, plus a nesting limit (deep JSON is a 400, not a RecursionError 500)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32  # no request body of this API nests deeper than a few levels


def too_deep(data, limit: int = MAX_DEPTH) -> bool:
    """Iterative (no recursion): is any value nested deeper than ``limit`` containers?"""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            stack.extend((item, depth + 1) for item in (value.values() if isinstance(value, dict) else value))
    return False


class SafeJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        message = _("JSON вкладений надто глибоко: найбільше %(limit)d рівнів.") % {"limit": MAX_DEPTH}
        try:
            # The C decoder stops a very deep document with RecursionError before using up the stack.
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(message) from None
        if too_deep(data):
            raise ParseError(message)
        return data
