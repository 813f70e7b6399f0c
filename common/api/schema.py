"""OpenAPI generation for /api/v1/: every operation documents its error responses.

drf-spectacular documents only the success response of each operation. A client (and
schemathesis) also meets these, all JSON, in the request's language:

- 400 `ValidationError`: field name -> list of messages (`non_field_errors` for the whole
  body), for operations with a body or query parameters (filters answer 400 to bad values);
- 401 `Error`: a wrong, expired or revoked token (any operation: the token is checked before
  anything else), or no credentials on a write;
- 403 `Error`: signed in without the right to write this object (or to read a
  non-public one);
- 404 `Error`: no such object, or a page number past the end;
- 409 `ValidationError`: a write the object's current state does not allow (closing a campaign
  that is not open, promoting a questionnaire not yet submitted);
- 429 `Error`: rate limit reached, with a `Retry-After` header.

Operations the view's permissions let an anonymous client through (public reads, and the
public POSTs: a dataset request, a vote) list the empty security requirement; the rest (audit
questionnaires, staff writes) do not, and document 403 (for reads too).
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Повідомлення про помилку мовою запиту (Accept-Language: uk, en).")

    class Meta:
        ref_name = "Error"


VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "Помилки перевірки: назва поля -> перелік повідомлень (`non_field_errors` для запиту в цілому; "
        "`detail` для тіла, яке не вдалося прочитати)."
    ),
    "additionalProperties": {},
}

RETRY_AFTER = {
    "Retry-After": {"schema": {"type": "integer"}, "description": "Через скільки секунд можна повторити запит."}
}

DESCRIPTIONS = {
    "400": "Неправильні дані запиту",
    "401": "Потрібна автентифікація або токен недійсний",
    "403": "Недостатньо прав",
    "404": "Не знайдено",
    "409": "Стан об’єкта не дозволяє цієї дії",
    "429": "Забагато запитів",
}


class AutoSchema(SpectacularAutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        unsafe = self.method not in SAFE_METHODS
        parameters = operation.get("parameters", [])
        has_query = any(p.get("in") == "query" for p in parameters)
        has_path = any(p.get("in") == "path" for p in parameters)
        has_page = any(p.get("in") == "query" and p.get("name") == "page" for p in parameters)
        for parameter in parameters:
            # Filters ignore an empty value (the HTML filter forms send every field); page_size does not.
            if parameter.get("in") == "query" and parameter.get("name") != "page_size":
                parameter["allowEmptyValue"] = True

        anonymous = self._anonymous_may(self.method)
        public_read = not unsafe and anonymous
        codes = ["401", "429"]
        if unsafe or has_query or "requestBody" in operation:
            codes.append("400")
        if unsafe:
            codes.append("409")
        if not public_read:
            codes.append("403")
        if has_path or has_page:
            codes.append("404")

        error_ref = self.resolve_serializer(ErrorSerializer, "response").ref
        responses = operation["responses"]
        for code in sorted(codes):
            if code in responses:
                continue
            schema = VALIDATION_ERROR_SCHEMA if code in ("400", "409") else error_ref
            responses[code] = {
                "description": DESCRIPTIONS[code],
                "content": {"application/json": {"schema": schema}},
            }
            if code == "429":
                responses[code]["headers"] = RETRY_AFTER

        security = operation.get("security")
        if security is not None:
            if anonymous and {} not in security:
                security.append({})
            elif not anonymous and {} in security:
                security.remove({})
        return operation

    def _anonymous_may(self, method: str) -> bool:
        """Do the view's permissions let an anonymous request through (a public read; the public
        POSTs of a dataset request and a vote)? For questionnaires they do not."""
        from django.contrib.auth.models import AnonymousUser
        from django.test import RequestFactory
        from rest_framework.request import Request

        request = Request(RequestFactory().generic(method, self.path))
        request.user = AnonymousUser()
        return all(permission.has_permission(request, self.view) for permission in self.view.get_permissions())


# What Django's URLValidator and EmailValidator accept, as patterns kept simple (patterns with
# nested bounded repetition made schemathesis take a minute to load the schema): `format: uri`
# alone admits "mailto:x" or "a:b", which URL fields refuse. A host is up to three labels and a
# top-level domain (well within the 253-character limit on host names).
_HOST = r"[A-Za-z0-9]{1,30}(?:\.[A-Za-z0-9]{1,30}){0,2}\.[A-Za-z]{2,10}"
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://" + _HOST + r"(?::[0-9]{1,5})?(?:[/?#][^\s\u0000]*)?$"
EMAIL_PATTERN = r"^[A-Za-z0-9_%+-]{1,30}(?:\.[A-Za-z0-9_%+-]{1,30}){0,2}@" + _HOST + "$"
# Text fields refuse the NUL character (Django's ProhibitNullCharactersValidator).
NO_NUL_PATTERN = r"^[^\u0000]*$"


def request_string_patterns(result, generator, request, public):
    """State in the schema what request strings the server refuses: in request bodies (the
    `...Request` components) and query parameters, every `format: uri` carries URL_PATTERN and at
    most 2048 characters, `format: email` EMAIL_PATTERN, and every other free text NO_NUL_PATTERN.
    Responses keep plain `uri`: the server's own links (`http://localhost/...` in development)
    need no top-level domain."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _walk(component, _add_string_pattern)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                # `ordering` ignores what it does not know (DRF's OrderingFilter), NUL included.
                if parameter.get("in") == "query" and parameter.get("name") != "ordering":
                    _add_string_pattern(parameter.get("schema", {}))
    return result


def _add_string_pattern(node: dict):
    if node.get("type") != "string" or "pattern" in node or "enum" in node:
        return
    if node.get("format") == "uri":
        node["pattern"] = URL_PATTERN
        node["maxLength"] = min(node.get("maxLength", 2048), 2048)
    elif node.get("format") == "email":
        node["pattern"] = EMAIL_PATTERN
    elif node.get("format") is None:
        node["pattern"] = NO_NUL_PATTERN


def _walk(node, visit):
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def drop_empty_format_defaults(result, generator, request, public):
    """A blank default of a formatted string (`email: ""` meaning "not given") is not a valid
    value of its format, which makes the schema invalid (openapi-spec-validator); leave it out:
    an omitted optional field means the same."""
    _drop_empty_format_defaults(result.get("components", {}))
    return result


def _drop_empty_format_defaults(node):
    if isinstance(node, dict):
        if node.get("default") == "" and node.get("format"):
            del node["default"]
        for value in node.values():
            _drop_empty_format_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _drop_empty_format_defaults(value)


# The same bound as common.input_guard, which refuses a larger integer in any query parameter.
QUERY_INTEGER_MAX = 2**63 - 1


def integer_query_bounds(result, generator, request, public):
    """Integer query parameters say the range the server accepts (a 64-bit id): beyond it the
    request is refused with a 400 (common/input_guard.py), so the schema must not promise more."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                if parameter.get("in") == "query" and schema.get("type") == "integer":
                    schema.setdefault("minimum", -QUERY_INTEGER_MAX)
                    schema.setdefault("maximum", QUERY_INTEGER_MAX)
    return result
