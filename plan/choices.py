from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    """Lifecycle: draft -> adopted (active: quarterly rounds run) -> finished (final report, no rounds).

    ``archived`` is kept for plans archived before the lifecycle existed; it is treated like finished."""

    DRAFT = "draft", "Проєкт"
    ADOPTED = "adopted", "Чинний"
    FINISHED = "finished", "Завершений"
    ARCHIVED = "archived", "Архівний"


class TaskStatus(models.TextChoices):
    """The OGP completion scale, plus cancelled."""

    NOT_STARTED = "not_started", _("Не розпочато")
    LIMITED = "limited", _("Обмежений прогрес")
    SUBSTANTIAL = "substantial", _("Суттєвий прогрес")
    COMPLETED = "completed", _("Виконано")
    CANCELLED = "cancelled", _("Скасовано")


# A task with one of these statuses is never overdue.
CLOSED_STATUSES = (TaskStatus.COMPLETED, TaskStatus.CANCELLED)


# Plans whose period is over: no quarterly rounds, a final report instead.
ENDED_PLAN_STATUSES = (PlanStatus.FINISHED, PlanStatus.ARCHIVED)


class ReviewState(models.TextChoices):
    """Verification of a progress update by the lead department's head or a coordinator."""

    PENDING = "pending", "Очікує перевірки"
    ACCEPTED = "accepted", "Прийнято"
    RETURNED = "returned", "Повернуто на доопрацювання"
