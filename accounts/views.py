"""The page where a coordinator or department head manages their own API token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from . import tokens


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request):
    user = request.user
    if not tokens.api_token_allowed(user):
        raise PermissionDenied
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            new_key = tokens.api_token_rotate(user=user).key
        elif action == "revoke":
            if tokens.api_token_revoke(user=user):
                messages.success(request, _("Токен відкликано: запити з ним більше не прийматимуться."))
            return redirect("accounts:api-token")
        else:
            return redirect("accounts:api-token")
    token = Token.objects.filter(user=user).first()
    response = render(request, "accounts/api_token.html", {"token": token, "new_key": new_key})
    # The key appears only in this response: no cache may keep it.
    add_never_cache_headers(response)
    return response
