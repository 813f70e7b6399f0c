"""Turn service-layer errors into DRF responses.

Services raise django.core.exceptions.ValidationError (with field names where they apply)
so that forms and the API share one set of checks; here they become a 400 with the same
field-level messages a DRF serializer would give.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    return drf_exception_handler(exc, context)
