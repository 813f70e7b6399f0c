from django.db import models


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Проєкт"
    ADOPTED = "adopted", "Затверджений"
    ARCHIVED = "archived", "Архівний"


class TaskStatus(models.TextChoices):
    """The OGP completion scale, plus cancelled."""

    NOT_STARTED = "not_started", "Не розпочато"
    LIMITED = "limited", "Обмежений прогрес"
    SUBSTANTIAL = "substantial", "Суттєвий прогрес"
    COMPLETED = "completed", "Виконано"
    CANCELLED = "cancelled", "Скасовано"


# A task with one of these statuses is never overdue.
CLOSED_STATUSES = (TaskStatus.COMPLETED, TaskStatus.CANCELLED)
