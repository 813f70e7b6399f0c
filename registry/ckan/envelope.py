"""CKAN's JSON envelope: ``{"help", "success", "result"}`` or ``{"help", "success": false, "error"}``."""

from __future__ import annotations

from django.http import JsonResponse


class ActionError(Exception):
    """An error CKAN reports in its envelope; ``ckanapi`` turns ``error_type`` back into an exception."""

    status = 400
    error_type = "Bad Request"

    def __init__(self, message: str, **fields):
        super().__init__(message)
        self.message = message
        self.fields = fields

    def error(self) -> dict:
        return {"__type": self.error_type, "message": self.message, **self.fields}


class NotFound(ActionError):
    status = 404
    error_type = "Not Found Error"


class ValidationFailed(ActionError):
    """Bad parameters: CKAN answers 409 with the field errors next to the message."""

    status = 409
    error_type = "Validation Error"

    def __init__(self, field: str, message: str):
        super().__init__(message, **{field: [message]})


class SearchQueryError(ActionError):
    status = 409
    error_type = "Search Query Error"


class BadRequest(ActionError):
    status = 400
    error_type = "Bad Request"


def help_url(request, action: str) -> str:
    return request.build_absolute_uri(f"/api/3/action/help_show?name={action}")


def _json(body: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def ok(request, action: str, result) -> JsonResponse:
    return _json({"help": help_url(request, action), "success": True, "result": result})


def failure(request, action: str, exc: ActionError) -> JsonResponse:
    body = {"help": help_url(request, action), "success": False, "error": exc.error()}
    return _json(body, status=exc.status)
