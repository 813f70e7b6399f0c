"""Reads on feedback: public lists, the moderation queue, response-time figures."""

import datetime as dt
import statistics

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from .choices import CLOSED_STATUSES, OPEN_STATUSES, PUBLIC_STATUSES, FeedbackKind, FeedbackStatus
from .models import FeedbackItem, FeedbackStatusChange

# Vote counts are stored on the item (kept by feedback.services.feedback_vote): nothing to join.
VOTES_ORDER = ("-vote_count", "-created_at", "-pk")


def _public_items():
    return FeedbackItem.objects.filter(status__in=PUBLIC_STATUSES).select_related(
        "dataset", "fulfilled_dataset", "duplicate_of"
    )


def requests_newest(*, limit: int):
    """The newest published dataset requests with their (stored) vote counts (home page)."""
    return _public_items().filter(kind=FeedbackKind.DATASET_REQUEST).order_by("-created_at", "-pk")[:limit]


def feedback_public_list():
    """Published items (every status but "new"), with their vote count; default order: most voted
    (the order of the ``feedback_votes_order`` index)."""
    return _public_items().order_by(*VOTES_ORDER)


def feedback_public_feed(*, limit: int):
    """Published items for the requests feed, annotated ``last_event_at`` (received, the latest
    status change, answer or closing, whichever is newest) and ordered by it, newest first."""
    changed = FeedbackStatusChange.objects.filter(item=OuterRef("pk")).order_by("-created_at").values("created_at")[:1]
    created = F("created_at")
    return (
        _public_items()
        .annotate(
            last_event_at=Greatest(
                created,
                Coalesce(Subquery(changed), created),
                Coalesce("answered_at", created),
                Coalesce("closed_at", created),
            )
        )
        .order_by("-last_event_at", "-pk")[:limit]
    )


def feedback_public_detail_queryset():
    return feedback_public_list().prefetch_related(
        Prefetch("history", queryset=FeedbackStatusChange.objects.order_by("created_at", "pk"))
    )


def requests_answered_by(dataset):
    """Published requests that this dataset fulfils (for the registry's dataset page)."""
    if dataset is None or dataset.pk is None:
        return FeedbackItem.objects.none()
    return feedback_public_list().filter(fulfilled_dataset=dataset)


def _overdue_cutoff(now=None):
    now = now or timezone.now()
    return now - dt.timedelta(days=settings.FEEDBACK_UNANSWERED_DAYS)


def moderation_queue(*, status: str | None = None):
    """Every item for coordinators: new first, then oldest unanswered; ``is_overdue`` flags
    open items with no answer older than FEEDBACK_UNANSWERED_DAYS."""
    qs = FeedbackItem.objects.select_related("dataset")
    if status:
        qs = qs.filter(status=status)
    overdue = Q(first_answered_at__isnull=True, created_at__lt=_overdue_cutoff(), status__in=OPEN_STATUSES)
    return qs.annotate(
        is_overdue=Case(When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField()),
        queue_new=Case(When(status=FeedbackStatus.NEW, then=Value(0)), default=Value(1)),
        queue_closed=Case(When(status__in=CLOSED_STATUSES, then=Value(1)), default=Value(0)),
    ).order_by("queue_new", "queue_closed", "-is_overdue", "created_at")


def unanswered_older_than(*, days: int, now=None):
    now = now or timezone.now()
    return FeedbackItem.objects.filter(
        first_answered_at__isnull=True, status__in=OPEN_STATUSES, created_at__lt=now - dt.timedelta(days=days)
    )


def _day_bounds(start: dt.date, end: dt.date):
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz),
        timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), tz),
    )


def feedback_response_figures(*, start: dt.date, end: dt.date, top: int = 5) -> dict:
    """Figures for the quarterly report over [start, end] (dates inclusive).

    - ``received``: items received in the period (every kind, spam included until deleted);
    - ``answered``: items whose first answer fell in the period;
    - ``median_days_to_first_answer``: over items received in the period that have been answered
      (days as a decimal, ``None`` when none);
    - ``unanswered_over_days``: items that, at the end of the period, were older than
      FEEDBACK_UNANSWERED_DAYS and had no answer yet;
    - ``most_voted_open``: the most-voted open published dataset requests (id, title, votes).
    Counts are computed in the database; the durations are differences computed in the database,
    the median of them in Python (SQLite has no median).
    """
    lo, hi = _day_bounds(start, end)
    counts = FeedbackItem.objects.aggregate(
        received=Count("pk", filter=Q(created_at__gte=lo, created_at__lt=hi)),
        answered=Count("pk", filter=Q(first_answered_at__gte=lo, first_answered_at__lt=hi)),
    )
    durations = (
        FeedbackItem.objects.filter(created_at__gte=lo, created_at__lt=hi, first_answered_at__isnull=False)
        .annotate(wait=ExpressionWrapper(F("first_answered_at") - F("created_at"), output_field=DurationField()))
        .values_list("wait", flat=True)
    )
    days = [d.total_seconds() / 86400 for d in durations if d is not None]
    most_voted = list(
        feedback_public_list()
        .filter(kind=FeedbackKind.DATASET_REQUEST, status__in=OPEN_STATUSES, created_at__lt=hi)
        .filter(vote_count__gt=0)
        .values("pk", "title", "vote_count", "status")[:top]
    )
    return {
        "start": start,
        "end": end,
        "received": counts["received"],
        "answered": counts["answered"],
        "median_days_to_first_answer": round(statistics.median(days), 1) if days else None,
        "unanswered_over_days": FeedbackItem.objects.filter(
            Q(first_answered_at__isnull=True) | Q(first_answered_at__gte=hi),
            created_at__lt=hi - dt.timedelta(days=settings.FEEDBACK_UNANSWERED_DAYS),
        ).count(),
        "unanswered_days": settings.FEEDBACK_UNANSWERED_DAYS,
        "most_voted_open": most_voted,
    }


def feedback_quarter_figures(quarter) -> dict:
    """``feedback_response_figures`` for a common.quarters.Quarter."""
    return feedback_response_figures(start=quarter.first_day(), end=quarter.last_day())
