"""API tokens for scripts (DRF authtoken): one token per user, created, rotated and revoked here.

Who may hold a token: the roles that write through the API, that is coordinators and
department heads (`roles.is_staff_member`). Council members and the public read the API
anonymously; a token would give them nothing more. A token acts with its owner's rights,
exactly as their session would: a department head's token writes only for their department.
The key is shown once, in the response that creates it; the page afterwards shows only when
it was created. Coordinators also manage every user's token in the admin (Auth Token).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from rest_framework.authtoken.models import Token

from . import roles


def api_token_allowed(user) -> bool:
    return roles.is_staff_member(user)


@transaction.atomic
def api_token_rotate(*, user) -> Token:
    """Create the user's token, replacing (and so revoking) any previous one."""
    if not api_token_allowed(user):
        raise PermissionDenied("API-токени можуть мати лише координатори та керівники підрозділів.")
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def api_token_revoke(*, user) -> bool:
    """Delete the user's token; requests with it get 401 from now on. True if there was one."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return bool(deleted)
