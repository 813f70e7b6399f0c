"""Token authentication with a limit on wrong tokens per address.

DRF authenticates before it throttles, so a client guessing tokens would get unlimited 401s.
Here each wrong token counts against the caller's address; past ``API_BAD_TOKENS_PER_WINDOW`` in
``API_BAD_TOKEN_WINDOW_SECONDS`` every token request from that address gets 429 (before the token
is looked up, so the answer tells nothing about the token) until the window ends.
"""

from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from common import counters


class ThrottledTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        if not request.META.get("HTTP_AUTHORIZATION", "").strip():
            return None
        key = f"api-bad-token:{counters.client_address(request)}"
        window = settings.API_BAD_TOKEN_WINDOW_SECONDS
        if counters.current(key) >= settings.API_BAD_TOKENS_PER_WINDOW:
            raise exceptions.Throttled(wait=window)  # common.api.exceptions words it in Ukrainian
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            counters.count(key, window)
            raise
