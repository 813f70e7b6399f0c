"""Kinds and states of reminders."""

from django.db import models


class MessageKind(models.TextChoices):
    """One e-mail (a digest) to one recipient."""

    DATASET_DIGEST = "dataset_digest", "Щоденний дайджест наборів даних"
    DATASET_ESCALATION = "dataset_escalation", "Щотижнева ескалація координаторам"
    HEAD_ESCALATION = "head_escalation", "Ескалація керівнику підрозділу"
    TASK_QUARTER_START = "task_quarter_start", "Завдання плану: початок кварталу"
    TASK_QUARTER_END = "task_quarter_end", "Завдання плану: кінець кварталу"


class ItemKind(models.TextChoices):
    """Why one dataset or task is in a digest; part of the uniqueness key of an item."""

    DUE_SOON = "due_soon", "Незабаром термін"
    DUE_TODAY = "due_today", "Термін сьогодні"
    OVERDUE = "overdue", "Прострочено"
    ESCALATION = "escalation", "Прострочено понад поріг ескалації"
    HEAD_ESCALATION = "head_escalation", "Прострочено понад поріг для керівника"
    QUARTER_START = "quarter_start", "Завершується в цьому кварталі"
    QUARTER_END = "quarter_end", "Квартал закінчується"


class ObjectType(models.TextChoices):
    DATASET = "dataset", "Набір даних"
    TASK = "task", "Завдання плану"


class State(models.TextChoices):
    PENDING = "pending", "Очікує надсилання"
    # Handed to the SMTP server, outcome not yet stored: never sent again automatically.
    SENDING = "sending", "Надсилається (результат невідомий)"
    SENT = "sent", "Надіслано"
    FAILED = "failed", "Помилка"
