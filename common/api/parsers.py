"""The API's JSON parser: DRF's, plus a nesting limit (deep JSON is a 400, not a RecursionError 500)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32  # no request body of this API nests deeper than a few levels


def too_deep(data, limit: int = MAX_DEPTH) -> bool:
    """Is ``data`` (parsed JSON) nested more than ``limit`` containers deep? Level by level, no recursion."""
    level = [data] if isinstance(data, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below = []
        for container in level:
            items = container.values() if isinstance(container, dict) else container
            below.extend([item for item in items if isinstance(item, dict | list)])
        level = below
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
