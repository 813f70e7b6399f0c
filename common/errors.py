"""Errors shared by services of every app."""

from django.core.exceptions import ValidationError


class Conflict(ValidationError):
    """A write the object's current state does not allow (closing a campaign that is not open,
    reviewing a questionnaire not yet submitted). Forms show it like any ValidationError; the
    API answers 409 Conflict with the same field messages, since the request itself was fine."""
