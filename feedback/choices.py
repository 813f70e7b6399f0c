"""Controlled vocabularies of public feedback."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackKind(models.TextChoices):
    DATASET_REQUEST = "dataset_request", _("Запит на набір даних")
    SUGGESTION = "suggestion", _("Пропозиція")
    DATA_ERROR = "data_error", _("Помилка в наборі даних")
    QUESTION = "question", _("Питання")


class FeedbackStatus(models.TextChoices):
    NEW = "new", _("Новий")
    PUBLISHED = "published", _("Опубліковано")
    ANSWERED = "answered", _("Надано відповідь")
    IN_PROGRESS = "in_progress", _("У роботі")
    FULFILLED = "fulfilled", _("Виконано")
    REJECTED = "rejected", _("Відхилено")
    DUPLICATE = "duplicate", _("Дублікат")


# "new" items wait for a coordinator and are never shown publicly; every other status is public.
PUBLIC_STATUSES = frozenset(s for s in FeedbackStatus.values if s != FeedbackStatus.NEW)
# A closed item needs nothing more from the council; its personal data is erased N days later.
CLOSED_STATUSES = frozenset(
    {FeedbackStatus.ANSWERED, FeedbackStatus.FULFILLED, FeedbackStatus.REJECTED, FeedbackStatus.DUPLICATE}
)
OPEN_STATUSES = frozenset(s for s in FeedbackStatus.values if s not in CLOSED_STATUSES)
# Moving an item into any of these counts as the council's first answer (response-time figures);
# so does writing a public answer. Publishing alone is not an answer.
RESPONSE_STATUSES = frozenset(
    {
        FeedbackStatus.ANSWERED,
        FeedbackStatus.IN_PROGRESS,
        FeedbackStatus.FULFILLED,
        FeedbackStatus.REJECTED,
        FeedbackStatus.DUPLICATE,
    }
)
