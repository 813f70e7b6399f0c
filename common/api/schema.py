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
- 429 `Error`: rate limit reached, with a `Retry-After` header.

Public reads (the view's permissions let an anonymous GET through) list the empty security
requirement; the rest (audit questionnaires) do not, and document 403 for reads too.
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

        public_read = not unsafe and self._anonymous_may_read()
        codes = ["401", "429"]
        if unsafe or has_query or "requestBody" in operation:
            codes.append("400")
        if not public_read:
            codes.append("403")
        if has_path or has_page:
            codes.append("404")

        error_ref = self.resolve_serializer(ErrorSerializer, "response").ref
        responses = operation["responses"]
        for code in sorted(codes):
            if code in responses:
                continue
            schema = VALIDATION_ERROR_SCHEMA if code == "400" else error_ref
            responses[code] = {
                "description": DESCRIPTIONS[code],
                "content": {"application/json": {"schema": schema}},
            }
            if code == "429":
                responses[code]["headers"] = RETRY_AFTER

        security = operation.get("security")
        if security is not None:
            if public_read and {} not in security:
                security.append({})
            elif not public_read and {} in security:
                security.remove({})
        return operation

    def _anonymous_may_read(self) -> bool:
        """Do the view's permissions let an anonymous GET through (for questionnaires they do not)?"""
        from django.contrib.auth.models import AnonymousUser
        from django.test import RequestFactory
        from rest_framework.request import Request

        request = Request(RequestFactory().get(self.path))
        request.user = AnonymousUser()
        return all(permission.has_permission(request, self.view) for permission in self.view.get_permissions())
