"""Kinds and states of reminders."""

from django.db import models


class MessageKind(models.TextChoices):
    """One e-mail (a digest) to one recipient."""

    DATASET_DIGEST = "dataset_digest", "Щоденний дайджест наборів даних"
    DATASET_ESCALATION = "dataset_escalation", "Щотижнева ескалація координаторам"
    HEAD_ESCALATION = "head_escalation", "Ескалація керівнику підрозділу"
    TASK_QUARTER_START = "task_quarter_start", "Завдання плану: початок кварталу"
    TASK_QUARTER_END = "task_quarter_end", "Завдання плану: кінець кварталу"
    # The quarterly reporting round and the overdue-task chase (reminders/quarterly.py).
    TASK_REPORT_ROUND = "task_report_round", "Квартальний звіт: перелік завдань"
    TASK_REPORT_REMINDER = "task_report_reminder", "Квартальний звіт: нагадування"
    TASK_REPORT_MISSING = "task_report_missing", "Квартальний звіт не подано"
    TASK_REPORT_ESCALATION = "task_report_escalation", "Квартальні звіти не подано: координаторам"
    TASK_REPORT_HEAD = "task_report_head", "Квартальні звіти не подано: керівнику"
    TASK_OVERDUE = "task_overdue", "Прострочені завдання плану"
    TASK_OVERDUE_ESCALATION = "task_overdue_escalation", "Прострочені завдання: координаторам"
    TASK_OVERDUE_HEAD = "task_overdue_head", "Прострочені завдання: керівнику"


class ItemKind(models.TextChoices):
    """Why one dataset or task is in a digest; part of the uniqueness key of an item."""

    DUE_SOON = "due_soon", "Незабаром термін"
    DUE_TODAY = "due_today", "Термін сьогодні"
    OVERDUE = "overdue", "Прострочено"
    ESCALATION = "escalation", "Прострочено понад поріг ескалації"
    HEAD_ESCALATION = "head_escalation", "Прострочено понад поріг для керівника"
    QUARTER_START = "quarter_start", "Завершується в цьому кварталі"
    QUARTER_END = "quarter_end", "Квартал закінчується"
    REPORT_DUE = "report_due", "Звіт за квартал"
    REPORT_REMINDER = "report_reminder", "Наближається строк звіту"
    REPORT_MISSING = "report_missing", "Звіт не подано"
    REPORT_ESCALATION = "report_escalation", "Звіт не подано: ескалація"
    REPORT_HEAD = "report_head", "Звіт не подано: керівнику"
    TASK_OVERDUE = "task_overdue", "Завдання прострочено"
    OVERDUE_ESCALATION = "overdue_escalation", "Завдання прострочено: ескалація"
    OVERDUE_HEAD = "overdue_head", "Завдання прострочено: керівнику"


class ObjectType(models.TextChoices):
    DATASET = "dataset", "Набір даних"
    TASK = "task", "Завдання плану"


class State(models.TextChoices):
    PENDING = "pending", "Очікує надсилання"
    # Handed to the SMTP server, outcome not yet stored: never sent again automatically.
    SENDING = "sending", "Надсилається (результат невідомий)"
    SENT = "sent", "Надіслано"
    FAILED = "failed", "Помилка"
