"""Controlled vocabularies of public feedback."""

from django.db import models


class FeedbackKind(models.TextChoices):
    DATASET_REQUEST = "dataset_request", "Запит на набір даних"
    SUGGESTION = "suggestion", "Пропозиція"
    DATA_ERROR = "data_error", "Помилка в наборі даних"
    QUESTION = "question", "Питання"


class FeedbackStatus(models.TextChoices):
    NEW = "new", "Новий"
    PUBLISHED = "published", "Опубліковано"
    ANSWERED = "answered", "Надано відповідь"
    IN_PROGRESS = "in_progress", "У роботі"
    FULFILLED = "fulfilled", "Виконано"
    REJECTED = "rejected", "Відхилено"
    DUPLICATE = "duplicate", "Дублікат"


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
