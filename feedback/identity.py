"""Who is submitting or voting, without storing who they are.

IP addresses
    ``hash_ip(ip, purpose)`` = HMAC-SHA256 keyed with SECRET_KEY (Django's ``salted_hmac``,
    key salt ``"feedback.<purpose>"``) of the address text, as 64 hex digits. Without the secret
    the 2^32 IPv4 addresses cannot be enumerated back from a digest. Raw addresses are never
    stored. The client address is REMOTE_ADDR, or, when ``FEEDBACK_TRUSTED_PROXY_COUNT`` is N > 0
    (the site runs behind N reverse proxies), the N-th address from the right of
    X-Forwarded-For (the one our own outermost proxy saw), which a client cannot forge.

Voters (one vote per person, no account)
    The browser gets a cookie ``feedback_voter`` holding a random UUID signed with SECRET_KEY
    (``set_signed_cookie``, salt ``feedback.voter``, two years, HttpOnly, SameSite=Lax).
    A vote's ``voter_key`` is ``hash("voter-cookie", <uuid>)`` when the request carries a valid
    signed cookie, otherwise ``hash("voter-ip", <client ip>)`` (API clients without cookies).
    The database allows one vote per (item, voter_key), so the same browser cannot vote twice.
    Every vote also stores ``hash("vote-ip", <client ip>)``; at most ``FEEDBACK_VOTES_PER_IP``
    votes (default 3) per item come from one address, which bounds cookie-clearing while still
    letting a household or an office behind one address vote more than once.
"""

import uuid

from django.conf import settings
from django.utils.crypto import salted_hmac

VOTER_COOKIE = "feedback_voter"
VOTER_COOKIE_SALT = "feedback.voter"
VOTER_COOKIE_AGE = 2 * 365 * 24 * 3600


def hash_value(purpose: str, value: str) -> str:
    return salted_hmac(f"feedback.{purpose}", value, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()


def hash_ip(ip: str, purpose: str = "ip") -> str:
    return hash_value(purpose, ip or "unknown")


def client_ip(request) -> str:
    proxies = getattr(settings, "FEEDBACK_TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def voter_cookie_id(request) -> str | None:
    """The UUID in a valid signed voter cookie, or None."""
    value = request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT, max_age=VOTER_COOKIE_AGE)
    if not value:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def new_voter_cookie_id() -> str:
    return str(uuid.uuid4())


def set_voter_cookie(response, cookie_id: str) -> None:
    response.set_signed_cookie(
        VOTER_COOKIE,
        cookie_id,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def voter_key(*, cookie_id: str | None, ip: str) -> str:
    if cookie_id:
        return hash_value("voter-cookie", cookie_id)
    return hash_value("voter-ip", ip)
