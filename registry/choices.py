"""Controlled vocabularies of the registry, matching data.gov.ua and DCAT-AP."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"


class Frequency(models.TextChoices):
    """data.gov.ua `update_frequency` values, with their Ukrainian labels."""

    MORE_THAN_DAILY = "more_than_daily", _("Більш як один раз на день")
    DAILY = "daily", _("Щодня")
    WEEKLY = "weekly", _("Щотижня")
    MONTHLY = "monthly", _("Щомісяця")
    QUARTERLY = "quarterly", _("Щокварталу")
    HALF_YEARLY = "half_yearly", _("Кожного півріччя")
    YEARLY = "yearly", _("Щороку")
    ON_CHANGE = "on_change", _("Відразу після внесення змін")
    NO_LONGER_UPDATED = "no_longer_updated", _("Більше не оновлюється")


EU_FREQUENCY_URI = {
    Frequency.MORE_THAN_DAILY: EU_FREQUENCY + "CONT",
    Frequency.DAILY: EU_FREQUENCY + "DAILY",
    Frequency.WEEKLY: EU_FREQUENCY + "WEEKLY",
    Frequency.MONTHLY: EU_FREQUENCY + "MONTHLY",
    Frequency.QUARTERLY: EU_FREQUENCY + "QUARTERLY",
    Frequency.HALF_YEARLY: EU_FREQUENCY + "ANNUAL_2",
    Frequency.YEARLY: EU_FREQUENCY + "ANNUAL",
    Frequency.ON_CHANGE: EU_FREQUENCY + "IRREG",
    Frequency.NO_LONGER_UPDATED: EU_FREQUENCY + "NEVER",
}


EU_DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"


class DataTheme(models.TextChoices):
    """The EU data-theme vocabulary (DCAT-AP ``dcat:theme``); the code is the IRI's last part."""

    AGRI = "AGRI", "Сільське господарство, рибальство, лісове господарство і продовольство"
    ECON = "ECON", "Економіка та фінанси"
    EDUC = "EDUC", "Освіта, культура і спорт"
    ENER = "ENER", "Енергетика"
    ENVI = "ENVI", "Довкілля"
    GOVE = "GOVE", "Уряд і державний сектор"
    HEAL = "HEAL", "Здоров’я"
    INTR = "INTR", "Міжнародні питання"
    JUST = "JUST", "Правосуддя, правова система і громадська безпека"
    REGI = "REGI", "Регіони і міста"
    SOCI = "SOCI", "Населення і суспільство"
    TECH = "TECH", "Наука і технології"
    TRAN = "TRAN", "Транспорт"


class ScheduleMode(models.TextChoices):
    ROLLING = "rolling", "Від останнього оновлення"
    CALENDAR = "calendar", "За календарним періодом"


class DatasetStatus(models.TextChoices):
    PLANNED = "planned", _("Заплановано")
    IN_PREPARATION = "in_preparation", _("Готується")
    PUBLISHED = "published", _("Оприлюднено")
    ARCHIVED = "archived", _("Архівний")


class DatasetSource(models.TextChoices):
    MANUAL = "manual", "Внесено вручну"
    AUDIT = "audit", "Інформаційний аудит"
    REQUEST = "request", "Запит громадськості"
    IMPORT = "import", "Імпорт"


class RequiredDatasetScope(models.TextChoices):
    ALL_HOLDERS = "all_holders", "Усі розпорядники інформації"
    LOCAL_SELF_GOVERNMENT = "local_self_government", "Органи місцевого самоврядування"


def ukrainian_label(choice: models.Choices) -> str:
    """The choice's Ukrainian label whatever the page's language: for files and feeds that importers read back."""
    with translation.override("uk"):
        return str(choice.label)
