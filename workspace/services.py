"""Writes of the workspace itself (its own bookkeeping only; every real action calls the owning app)."""

from django.db import transaction
from django.utils import timezone

from .models import WorkspaceVisit


@transaction.atomic
def visit_record(*, user, session_key: str, now=None) -> WorkspaceVisit:
    """Note a visit; a new session moves the current visit time to the previous one.

    Returns the record; ``previous_visit_at`` is the moment "since your last visit" counts from
    (None on the very first visit).
    """
    now = now or timezone.now()
    visit, created = WorkspaceVisit.objects.select_for_update().get_or_create(
        user=user, defaults={"current_visit_at": now, "session_key": session_key or ""}
    )
    if not created and (not session_key or visit.session_key != session_key):
        visit.previous_visit_at = visit.current_visit_at
        visit.current_visit_at = now
        visit.session_key = session_key or ""
        visit.full_clean(exclude=["user"])
        visit.save()
    return visit
