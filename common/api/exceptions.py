"""Every API error as JSON, in the request's language (LocaleMiddleware: Accept-Language, uk default).

- Services raise django.core.exceptions.ValidationError (with field names where they apply)
  so that forms and the API share one set of checks; here they become a 400 with the same
  field-level messages a DRF serializer would give.
- Django's Http404 carries an English, model-naming message ("No Task matches the given
  query."); the API answers with its own translated "not found" instead.
- DRF's 429 text is only half translated into Ukrainian; it is rebuilt here, with the wait in
  seconds (the `Retry-After` header carries the same number).
- A service's `Conflict` (the object's state forbids the write) is a 409 with field messages.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from common.errors import Conflict


class ConflictError(exceptions.ValidationError):
    """409: the object's state does not allow the write (the body has the usual field messages)."""

    status_code = 409


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = (ConflictError if isinstance(exc, Conflict) else exceptions.ValidationError)(detail=detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif type(exc) is exceptions.Throttled:  # subclasses (feedback's hourly limit) bring their own text
        wait = exc.wait
        detail = _("Забагато запитів.")
        if wait is not None:
            detail += " " + _("Повторіть запит через %(wait)d с.") % {"wait": max(1, round(wait))}
        exc = exceptions.Throttled(detail=detail)  # without `wait`, DRF adds no English sentence
        exc.wait = wait  # -> Retry-After
    return drf_exception_handler(exc, context)
