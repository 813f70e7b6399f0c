"""The data of an action call: query string, form or JSON body, checked value by value.

CKAN reads GET parameters, form posts and JSON bodies alike; ``ckanapi`` POSTs JSON by
default and sends ``get_only`` calls as query strings (lists as repeated keys).
"""

from __future__ import annotations

import json

from django.utils.translation import gettext as _

from .envelope import BadRequest, ValidationFailed

MAX_INT = 2**31 - 1
TRUE = {"true", "1", "yes", "on", "t", "y"}
FALSE = {"false", "0", "no", "off", "f", "n", ""}


def _flat(querydict) -> dict:
    return {key: values[0] if len(values) == 1 else values for key, values in querydict.lists()}


def request_data(request) -> dict:
    data = _flat(request.GET)
    if request.method != "POST":
        return data
    if (request.content_type or "").endswith("json"):
        try:
            body = json.loads(request.body.decode("utf-8") or "{}")
        except (UnicodeDecodeError, ValueError):
            raise BadRequest(_("Тіло запиту не є правильним JSON.")) from None
        if not isinstance(body, dict):
            raise BadRequest(_("Тіло запиту має бути об’єктом JSON."))
        data.update(body)
    else:
        data.update(_flat(request.POST))
    return data


class Params:
    """Typed access to the call's data; every bad value is a Validation Error (409), never a 500."""

    def __init__(self, data: dict):
        self.data = data

    def _raw(self, key):
        value = self.data.get(key)
        if isinstance(value, str) and "\x00" in value:
            raise ValidationFailed(key, _("Недопустимий символ у значенні."))
        return value

    def text(self, key: str, default: str = "") -> str:
        value = self._raw(key)
        if value is None:
            return default
        if isinstance(value, bool | list | dict):
            raise ValidationFailed(key, _("Очікується рядок."))
        return str(value).strip()

    def integer(
        self, key: str, default: int | None, *, minimum: int = 0, maximum: int = MAX_INT, cap: int | None = None
    ) -> int | None:
        """An integer from ``minimum`` to ``maximum``; above ``cap`` it is lowered to it, as CKAN does for rows."""
        value = self._raw(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool | list | dict | float):
            raise ValidationFailed(key, _("Очікується ціле число."))
        text = str(value).strip()
        if not text.lstrip("-").isdigit() or len(text) > 12:
            raise ValidationFailed(key, _("Очікується ціле число."))
        number = int(text)
        if number < minimum or number > maximum:
            raise ValidationFailed(key, _("Число має бути від %(min)s до %(max)s.") % {"min": minimum, "max": maximum})
        return min(number, cap) if cap is not None else number

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._raw(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower() if not isinstance(value, list | dict) else None
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValidationFailed(key, _("Очікується true або false."))

    def string_list(self, key: str) -> list[str]:
        """A list given as a JSON list, a JSON-encoded string (CKAN's ``facet.field``) or repeated keys."""
        value = self._raw(key)
        if value is None or value == "":
            return []
        if isinstance(value, str):
            stripped = value.strip()
            if stripped.startswith("["):
                try:
                    value = json.loads(stripped)
                except ValueError:
                    raise ValidationFailed(key, _("Очікується список рядків.")) from None
            else:
                value = [stripped]
        if not isinstance(value, list) or not all(isinstance(v, str) and "\x00" not in v for v in value):
            raise ValidationFailed(key, _("Очікується список рядків."))
        return [v.strip() for v in value if v.strip()]
