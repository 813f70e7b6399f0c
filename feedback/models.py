"""Public feedback: dataset requests, suggestions, error reports and questions.

Personal data kept here (``name``, ``email``) is shown only to coordinators and erased
``FEEDBACK_ERASE_AFTER_DAYS`` after the item is closed. IP addresses are never stored:
only HMAC-SHA256 digests keyed with SECRET_KEY (see feedback.identity).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .choices import CLOSED_STATUSES, PUBLIC_STATUSES, FeedbackKind, FeedbackStatus

TITLE_MAX = 200
TEXT_MAX = 5000
NAME_MAX = 150
ANSWER_MAX = 5000


class FeedbackItem(models.Model):
    kind = models.CharField("вид звернення", max_length=20, choices=FeedbackKind.choices)
    title = models.CharField("тема", max_length=TITLE_MAX)
    text = models.TextField("текст", max_length=TEXT_MAX)
    dataset = models.ForeignKey(
        "registry.Dataset",
        verbose_name="набір даних, якого стосується",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_items",
    )
    # Personal data: never on public pages, in the public API or in exports.
    name = models.CharField("ім’я", max_length=NAME_MAX, blank=True)
    email = models.EmailField("e-mail", blank=True)
    consent = models.BooleanField("згода на обробку персональних даних", default=False)
    status = models.CharField(
        "стан", max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW, db_index=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name="дублікат звернення",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    public_answer = models.TextField("публічна відповідь", max_length=ANSWER_MAX, blank=True)
    internal_note = models.TextField("внутрішня примітка", max_length=ANSWER_MAX, blank=True)
    fulfilled_dataset = models.ForeignKey(
        "registry.Dataset",
        verbose_name="набір, що виконує запит",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fulfilled_requests",
    )
    created_at = models.DateTimeField("отримано", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    first_answered_at = models.DateTimeField("перша відповідь", null=True, blank=True)
    answered_at = models.DateTimeField("остання відповідь", null=True, blank=True)
    closed_at = models.DateTimeField("закрито", null=True, blank=True)
    ip_hash = models.CharField("хеш IP-адреси", max_length=64, blank=True, editable=False)
    personal_data_erased_at = models.DateTimeField("персональні дані видалено", null=True, blank=True)
    coordinators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Kept by feedback.services (inside the item's row lock), so lists sort by an index instead
    # of counting every vote on every page view.
    vote_count = models.PositiveIntegerField("голосів", default=0, editable=False)

    class Meta:
        verbose_name = "звернення"
        verbose_name_plural = "звернення"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="feedback_status_created"),
            models.Index(fields=["closed_at"], name="feedback_closed"),
            models.Index(fields=["-vote_count", "-created_at", "-id"], name="feedback_votes_order"),
            models.Index(fields=["-created_at", "-id"], name="feedback_created_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=FeedbackStatus.DUPLICATE) | models.Q(duplicate_of__isnull=False),
                name="feedback_duplicate_has_original",
            ),
        ]

    def __str__(self):
        return f"№{self.pk}: {self.title}" if self.pk else self.title

    def save(self, *args, **kwargs):
        # A row loaded before a vote (admin, moderation) must not write its stale count back:
        # only feedback.services changes vote_count, with an UPDATE under the item's row lock.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "vote_count"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("feedback:request-detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.email and not self.consent:
            errors["consent"] = "Щоб отримати відповідь на e-mail, дайте згоду на обробку персональних даних."
        if self.name and not self.consent:
            errors["consent"] = "Щоб вказати ім’я, дайте згоду на обробку персональних даних."
        if self.status == FeedbackStatus.DUPLICATE and not self.duplicate_of_id:
            errors["duplicate_of"] = "Для стану «Дублікат» вкажіть звернення-оригінал."
        if self.duplicate_of_id and self.status != FeedbackStatus.DUPLICATE:
            errors["duplicate_of"] = "Оригінал вказують лише для стану «Дублікат»."
        if self.duplicate_of_id and self.pk and self.duplicate_of_id == self.pk:
            errors["duplicate_of"] = "Звернення не може бути дублікатом самого себе."
        if self.fulfilled_dataset_id and self.status != FeedbackStatus.FULFILLED:
            errors["fulfilled_dataset"] = "Набір, що виконує запит, вказують лише для стану «Виконано»."
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES


class FeedbackStatusChange(models.Model):
    """One dated, public entry of an item's history: a status (and a public comment)."""

    item = models.ForeignKey(FeedbackItem, on_delete=models.CASCADE, related_name="history")
    status = models.CharField("стан", max_length=20, choices=FeedbackStatus.choices)
    comment = models.TextField("публічний коментар", max_length=ANSWER_MAX, blank=True)
    created_at = models.DateTimeField("коли", default=timezone.now)
    # Who changed it is internal (coordinators see it in the admin), never shown publicly.
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requester_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "зміна стану звернення"
        verbose_name_plural = "історія звернень"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.created_at:%d.%m.%Y})"


class Vote(models.Model):
    """One vote for one item by one voter; see feedback.identity for what a voter key is."""

    item = models.ForeignKey(FeedbackItem, on_delete=models.CASCADE, related_name="votes")
    voter_key = models.CharField(max_length=64)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "голос"
        verbose_name_plural = "голоси"
        constraints = [models.UniqueConstraint(fields=["item", "voter_key"], name="feedback_vote_once")]

    def __str__(self):
        return f"голос за №{self.item_id}"
