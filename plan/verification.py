"""Verification of progress updates: who must review an update, and accepting or returning it.

Rules (issue 18):

* A coordinator's own update is accepted at once.
* An update from a co-responsible department, or one that changes the task's public status,
  waits (``pending``) until the lead department's head or a coordinator accepts it or returns it
  with a comment. A head never reviews their own update: a lead head's status change waits for a
  coordinator.
* Only accepted updates change the task's public status and indicator values, and only they are
  shown to the public; the task page says when an update is awaiting review.
* Every decision is a history record of the update (who, when, the comment as the reason).
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from accounts import roles

from .choices import ReviewState
from .models import IndicatorValue, ProgressUpdate, TaskDepartment
from .reporting import to_decimal

logger = logging.getLogger(__name__)


def lead_department_ids(task) -> set[int]:
    return set(task.task_departments.filter(is_lead=True).values_list("department_id", flat=True))


def needs_review(*, task, author, status: str) -> bool:
    if roles.is_coordinator(author):
        return False
    is_lead_head = roles.can_act_for_any(author, lead_department_ids(task))
    return not is_lead_head or status != task.status


def can_review(user, update: ProgressUpdate) -> bool:
    if roles.is_coordinator(user):
        return True
    if update.author_id == getattr(user, "pk", None):
        return False
    return roles.can_act_for_any(user, lead_department_ids(update.task))


def updates_to_review(*, user) -> QuerySet[ProgressUpdate]:
    """Pending updates ``user`` may decide on: all for coordinators, their lead tasks' for a head
    (not their own), oldest first, with task and author loaded."""
    queryset = (
        ProgressUpdate.objects.filter(review_state=ReviewState.PENDING)
        .select_related("task", "task__plan", "author")
        .order_by("created_at", "id")
    )
    if roles.is_coordinator(user):
        return queryset
    if not roles.is_department_head(user):
        return queryset.none()
    leads = TaskDepartment.objects.filter(task=OuterRef("task_id"), is_lead=True, department_id=user.department_id)
    return queryset.filter(Exists(leads)).exclude(author=user)


def _decide(update: ProgressUpdate, *, by, state: str, comment: str, reason: str) -> None:
    from .services import _refresh_task_status, _save_with_history

    update.review_state = state
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    update.review_comment = comment
    _save_with_history(update, by=by, reason=reason)
    if state == ReviewState.ACCEPTED:
        apply_indicator_values(update)
    _refresh_task_status(update.task, by=by)


def _locked_pending(update: ProgressUpdate, by) -> ProgressUpdate:
    locked = ProgressUpdate.objects.select_for_update().select_related("task").get(pk=update.pk)
    if not can_review(by, locked):
        raise PermissionDenied("Перевіряє оновлення керівник головного виконавця або координатор.")
    if locked.review_state != ReviewState.PENDING:
        raise ValidationError(f"Оновлення вже перевірено: {locked.get_review_state_display().lower()}.")
    return locked


@transaction.atomic
def update_accept(*, update: ProgressUpdate, by, comment: str = "") -> ProgressUpdate:
    """Accept a pending update: it becomes public and the task takes its status and indicator values."""
    locked = _locked_pending(update, by)
    comment = (comment or "").strip()
    _decide(locked, by=by, state=ReviewState.ACCEPTED, comment=comment, reason=f"Прийнято. {comment}".strip())
    return locked


@transaction.atomic
def update_return(*, update: ProgressUpdate, by, comment: str) -> ProgressUpdate:
    """Return a pending update to its author with a comment (required); the author is e-mailed."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "Поясніть автору, що треба виправити."})
    locked = _locked_pending(update, by)
    _decide(locked, by=by, state=ReviewState.RETURNED, comment=comment, reason=f"Повернуто: {comment}")
    update_id = locked.pk
    transaction.on_commit(lambda: _enqueue_returned_notice(update_id))
    return locked


def _enqueue_returned_notice(update_id: int) -> None:
    from .tasks import notify_update_returned

    try:
        notify_update_returned.delay(update_id)
    except Exception:  # noqa: BLE001 - the decision is saved; a broker outage must not fail the request
        logger.exception("Could not queue the returned-update notice for update %s", update_id)


def apply_indicator_values(update: ProgressUpdate) -> int:
    """Write the update's reported indicator values for its period (replacing earlier ones)."""
    written = 0
    indicators = {str(i.pk): i for i in update.task.indicators.all()}
    for indicator_id, value in (update.indicator_actuals or {}).items():
        indicator = indicators.get(str(indicator_id))
        actual = to_decimal(value.get("actual"))
        if indicator is None or actual is None:
            continue
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            quarter_index=update.period_index,
            defaults={"actual_value": actual, "target_value": to_decimal(value.get("target")), "update": update},
        )
        written += 1
    return written
