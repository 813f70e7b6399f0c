"""Controlled vocabularies of the information audit."""

from django.db import models


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Чернетка"
    OPEN = "open", "Триває"
    CLOSED = "closed", "Завершено"


class ResponseStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Не розпочато"
    IN_PROGRESS = "in_progress", "Заповнюється"
    SUBMITTED = "submitted", "Подано"
    RETURNED = "returned", "Повернуто на доопрацювання"
    REVIEWED = "reviewed", "Розглянуто"


# A department head may edit the questionnaire only in these states.
EDITABLE_RESPONSE_STATUSES = (ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS, ResponseStatus.RETURNED)
# Responses whose content counts in the dashboard's "submitted" figures and in the public results.
SUBMITTED_RESPONSE_STATUSES = (ResponseStatus.SUBMITTED, ResponseStatus.REVIEWED)


class ResourceForm(models.TextChoices):
    PAPER = "paper", "Паперові документи"
    ELECTRONIC = "electronic", "Електронні документи"
    DATABASE = "database", "База даних / інформаційна система"
    REGISTER = "register", "Реєстр"
    OTHER = "other", "Інше"


class PersonalData(models.TextChoices):
    NO = "no", "Ні"
    YES = "yes", "Так"
    PARTLY = "partly", "Частково"


class AccessCategory(models.TextChoices):
    PUBLIC = "public", "Публічна"
    OFFICIAL_USE = "official_use", "Для службового користування"
    CONFIDENTIAL = "confidential", "Конфіденційна"
    SECRET = "secret", "Таємна"


# Information in these categories cannot be published as open data as it stands.
RESTRICTED_ACCESS = (AccessCategory.CONFIDENTIAL, AccessCategory.SECRET)


class Publishable(models.TextChoices):
    YES = "yes", "Так, повністю"
    PARTLY = "partly", "Частково"
    NO = "no", "Ні"


PUBLISHABLE_VALUES = (Publishable.YES, Publishable.PARTLY)


class ReviewDecision(models.TextChoices):
    PENDING = "pending", "Очікує розгляду"
    ACCEPTED = "accepted", "Прийнято"
    REJECTED = "rejected", "Відхилено"
