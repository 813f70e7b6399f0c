"""Every write on feedback: one function per action."""

import datetime as dt
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts import roles
from common.outbox import outbox_send
from common.text import single_line

from .choices import CLOSED_STATUSES, PUBLIC_STATUSES, RESPONSE_STATUSES, FeedbackStatus
from .identity import hash_ip, voter_key
from .models import FeedbackItem, FeedbackStatusChange, Vote

RATE_WINDOW_SECONDS = 3600


class FeedbackRateLimited(Exception):
    """Too many submissions from one address in the current hour."""

    message = "Ви надіслали забагато звернень за останню годину. Спробуйте, будь ласка, пізніше."

    def __init__(self, retry_after: int):
        super().__init__(self.message)
        self.retry_after = retry_after


def _rate_key(ip_hash: str) -> tuple[str, int]:
    window = int(time.time()) // RATE_WINDOW_SECONDS
    retry_after = (window + 1) * RATE_WINDOW_SECONDS - int(time.time())
    return f"feedback:submit:{ip_hash}:{window}", max(retry_after, 1)


def feedback_rate_check(*, ip: str) -> None:
    """Raise FeedbackRateLimited when this address has used up its submissions this hour.

    Counted in the cache per fixed one-hour window (atomic ``incr`` on Redis); the key holds only
    the IP's HMAC digest.
    """
    key, retry_after = _rate_key(hash_ip(ip, "rate"))
    if cache.get(key, 0) >= settings.FEEDBACK_RATE_LIMIT_PER_HOUR:
        raise FeedbackRateLimited(retry_after)


def _rate_incr(key: str) -> int:
    if cache.add(key, 1, RATE_WINDOW_SECONDS + 60):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, RATE_WINDOW_SECONDS + 60)
        return 1


def feedback_rate_take(*, ip: str) -> None:
    """Count one submission and raise FeedbackRateLimited if it is over this hour's limit.

    Counting first (one atomic ``incr`` in the shared cache) and comparing the result is what makes
    the limit hold for parallel requests on several workers: a check followed by a separate count
    lets every request that checked before the others counted through.
    """
    key, retry_after = _rate_key(hash_ip(ip, "rate"))
    if _rate_incr(key) > settings.FEEDBACK_RATE_LIMIT_PER_HOUR:
        raise FeedbackRateLimited(retry_after)


@transaction.atomic
def feedback_submit(
    *,
    kind: str,
    title: str,
    text: str,
    ip: str,
    dataset=None,
    name: str = "",
    email: str = "",
    consent: bool = False,
) -> FeedbackItem:
    """Store a new item from the public (status "new", not public until a coordinator publishes it)."""
    feedback_rate_check(ip=ip)
    item = FeedbackItem(
        kind=kind,
        title=single_line(title),  # becomes an e-mail subject: no CR/LF
        text=text.strip(),
        dataset=dataset,
        name=single_line(name),
        email=email.strip(),
        consent=bool(consent),
        status=FeedbackStatus.NEW,
        ip_hash=hash_ip(ip),
    )
    item.full_clean()
    feedback_rate_take(ip=ip)  # after validation: a rejected form does not use up a submission
    item.save()
    FeedbackStatusChange.objects.create(item=item, status=item.status, created_at=item.created_at)
    from . import tasks

    outbox_send(tasks.notify_coordinators_new_feedback, item.pk)
    return item


@transaction.atomic
def feedback_moderate(
    *,
    item: FeedbackItem,
    by,
    status: str,
    public_answer: str = "",
    internal_note: str = "",
    duplicate_of: FeedbackItem | None = None,
    fulfilled_dataset=None,
    history_comment: str = "",
) -> FeedbackItem:
    """Change status, answer, note; record a public history entry; tell the requester."""
    if not roles.is_coordinator(by):
        raise PermissionDenied("Модерувати звернення можуть лише координатори.")
    # Lock the row, then work on the caller's instance so that it reflects the result.
    FeedbackItem.objects.select_for_update().filter(pk=item.pk).values_list("pk").get()
    item.refresh_from_db()
    if status not in FeedbackStatus.values:
        raise ValidationError({"status": "Невідомий стан."})
    errors = {}
    if status == FeedbackStatus.NEW and item.status != FeedbackStatus.NEW:
        errors["status"] = "Опубліковане звернення не можна повернути до стану «Новий»."
    if duplicate_of is not None:
        if duplicate_of.pk == item.pk:
            errors["duplicate_of"] = "Звернення не може бути дублікатом самого себе."
        elif duplicate_of.status == FeedbackStatus.DUPLICATE:
            errors["duplicate_of"] = "Оригінал сам є дублікатом: вкажіть первинне звернення."
        elif duplicate_of.status not in PUBLIC_STATUSES:
            errors["duplicate_of"] = "Оригінал має бути опублікованим зверненням."
    if status != FeedbackStatus.DUPLICATE and duplicate_of is not None:
        errors["duplicate_of"] = "Оригінал вказують лише для стану «Дублікат»."
    if status != FeedbackStatus.FULFILLED and fulfilled_dataset is not None:
        errors["fulfilled_dataset"] = "Набір, що виконує запит, вказують лише для стану «Виконано»."
    if errors:
        raise ValidationError(errors)

    now = timezone.now()
    public_answer = (public_answer or "").strip()
    status_changed = status != item.status
    answer_changed = public_answer != item.public_answer
    item.status = status
    item.public_answer = public_answer
    item.internal_note = (internal_note or "").strip()
    item.duplicate_of = duplicate_of if status == FeedbackStatus.DUPLICATE else None
    item.fulfilled_dataset = fulfilled_dataset if status == FeedbackStatus.FULFILLED else None
    if answer_changed and public_answer:
        item.answered_at = now
    if item.first_answered_at is None and ((answer_changed and public_answer) or status in RESPONSE_STATUSES):
        item.first_answered_at = now
    if status in CLOSED_STATUSES:
        if item.closed_at is None or status_changed:
            item.closed_at = now
    else:
        item.closed_at = None
    item.full_clean()
    item.save()

    if status_changed or answer_changed:
        comment = (history_comment or "").strip()
        if not comment and answer_changed and not status_changed and public_answer:
            comment = "Оновлено відповідь."
        change = FeedbackStatusChange(item=item, status=status, comment=comment, created_at=now, by=by)
        change.full_clean()
        change.save()
        if item.email and item.status in PUBLIC_STATUSES:
            from . import tasks

            outbox_send(tasks.notify_requester, change.pk)
    return item


@dataclass(frozen=True)
class VoteResult:
    counted: bool
    votes: int
    reason: str = ""


def feedback_vote(*, item: FeedbackItem, cookie_id: str | None, ip: str) -> VoteResult:
    """Count one vote per voter (see feedback.identity); a repeated vote changes nothing.

    The per-IP cap is count-then-insert, so votes for one item take the item's row lock first:
    parallel requests from one address queue up instead of all seeing "under the cap".
    """
    if item.status not in PUBLIC_STATUSES:
        raise PermissionDenied("Голосувати можна лише за опубліковані звернення.")
    key = voter_key(cookie_id=cookie_id, ip=ip)
    ip_digest = hash_ip(ip, "vote-ip")
    reason = ""
    counted = False
    with transaction.atomic():
        FeedbackItem.objects.select_for_update().filter(pk=item.pk).values_list("pk").get()
        if Vote.objects.filter(item=item, voter_key=key).exists():
            reason = "Ваш голос за це звернення вже враховано."
        elif Vote.objects.filter(item=item, ip_hash=ip_digest).count() >= settings.FEEDBACK_VOTES_PER_IP:
            reason = "З вашої мережі за це звернення вже проголосували."
        else:
            try:
                with transaction.atomic():
                    Vote.objects.create(item=item, voter_key=key, ip_hash=ip_digest)
                    # Under the row lock taken above: parallel votes add up one by one.
                    FeedbackItem.objects.filter(pk=item.pk).update(vote_count=F("vote_count") + 1)
                counted = True
            except IntegrityError:  # a concurrent duplicate request from the same voter
                reason = "Ваш голос за це звернення вже враховано."
        votes = FeedbackItem.objects.filter(pk=item.pk).values_list("vote_count", flat=True).get()
    item.vote_count = votes
    return VoteResult(counted=counted, votes=votes, reason=reason)


def feedback_recount_votes(*, item_ids=None) -> int:
    """Set the stored vote count from the votes themselves, for writes that bypass feedback_vote
    (bulk loads of demo or benchmark data). ``item_ids``: only these items. Returns rows updated."""
    counts = Vote.objects.filter(item=OuterRef("pk")).order_by().values("item").annotate(n=Count("pk")).values("n")
    items = FeedbackItem.objects.all() if item_ids is None else FeedbackItem.objects.filter(pk__in=item_ids)
    with transaction.atomic():
        updated = items.update(vote_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))
        from common.cache import public_data_changed

        public_data_changed()
    return updated


def feedback_due_for_erasure(*, older_than_days: int, today: dt.date):
    """Closed items whose personal data must go: closed at least ``older_than_days`` days before today."""
    cutoff = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=older_than_days), dt.time.max))
    return FeedbackItem.objects.filter(
        status__in=CLOSED_STATUSES, closed_at__isnull=False, closed_at__lte=cutoff, personal_data_erased_at__isnull=True
    )


@transaction.atomic
def feedback_erase_personal_data(*, older_than_days: int, today: dt.date) -> int:
    """Blank the name, e-mail and IP digest of items closed ``older_than_days`` ago. Returns how many."""
    due = feedback_due_for_erasure(older_than_days=older_than_days, today=today)
    ids = list(due.values_list("pk", flat=True))
    if not ids:
        return 0
    FeedbackItem.objects.filter(pk__in=ids).update(
        name="", email="", ip_hash="", consent=False, personal_data_erased_at=timezone.now()
    )
    Vote.objects.filter(item_id__in=ids).update(ip_hash="")
    return len(ids)
