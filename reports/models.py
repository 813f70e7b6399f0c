"""Quarterly reports on the action plan: the stored PDF, its frozen figures, and who receives it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.quarters import Quarter


def report_upload_to(instance, filename):
    return f"reports/{instance.year}/{filename}"


def attachment_upload_to(instance, filename):
    return f"reports/{instance.report.year}/{filename}"


class QuarterlyReport(models.Model):
    """One generated version of the report for a quarter; regenerating adds a version."""

    year = models.PositiveSmallIntegerField("рік", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField("квартал", validators=[MinValueValidator(1), MaxValueValidator(4)])
    version = models.PositiveSmallIntegerField("версія", default=1)
    pdf = models.FileField("PDF", upload_to=report_upload_to, max_length=255)
    size = models.PositiveIntegerField("розмір, байт", default=0)
    checksum = models.CharField("контрольна сума SHA-256", max_length=64)
    # Every figure the PDF prints, as printed: a report opened years later shows its quarter's figures.
    snapshot = models.JSONField("знімок показників", default=dict)
    generated_at = models.DateTimeField("створено", auto_now_add=True, db_index=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="створив",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Identifies a scheduled run ("beat:2019Q4"): the beat job builds a quarter's report only once.
    run_key = models.CharField("ключ запуску", max_length=50, blank=True, default="")
    sent_at = models.DateTimeField("надіслано", null=True, blank=True)

    class Meta:
        verbose_name = "квартальний звіт"
        verbose_name_plural = "квартальні звіти"
        ordering = ["-year", "-quarter", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter", "version"], name="report_unique_version"),
            models.UniqueConstraint(fields=["run_key"], condition=~models.Q(run_key=""), name="report_unique_run_key"),
        ]

    def __str__(self):
        return f"{self.period.label()}, версія {self.version}"

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)

    @property
    def filename(self) -> str:
        return f"zvit-{self.year}-q{self.quarter}-v{self.version}.pdf"


class ReportRecipient(models.Model):
    """A council member (or office) who receives the quarterly report by e-mail."""

    name = models.CharField("ім’я або посада", max_length=255)
    email = models.EmailField("e-mail", unique=True)
    active = models.BooleanField("отримує звіти", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "одержувач звіту"
        verbose_name_plural = "одержувачі звітів"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class AttachmentKind(models.TextChoices):
    TASKS_DUE = "tasks_due", _("Завдання з терміном виконання у кварталі")
    OVERDUE = "overdue", _("Прострочені завдання")
    UPDATES = "updates", _("Оновлення щодо виконання")
    TASKS = "tasks", _("Перелік завдань плану")


SLUGS = {"tasks_due": "termin-u-kvartali", "overdue": "prostrocheni", "updates": "onovlennia", "tasks": "zavdannia"}


class ReportAttachment(models.Model):
    """A full list of the report as CSV (the PDF prints a bounded part), stored next to the PDF.

    ``key`` is chosen before the PDF is rendered, so the PDF links to the file by it."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("перелік", max_length=20, choices=AttachmentKind.choices)
    key = models.UUIDField("ключ", unique=True)
    file = models.FileField("файл", upload_to=attachment_upload_to, max_length=255)
    rows = models.PositiveIntegerField("рядків", default=0)
    size = models.PositiveIntegerField("розмір, байт", default=0)
    checksum = models.CharField("контрольна сума SHA-256", max_length=64)

    class Meta:
        verbose_name = "додаток до звіту"
        verbose_name_plural = "додатки до звітів"
        ordering = ["report", "pk"]
        constraints = [models.UniqueConstraint(fields=["report", "kind"], name="report_attachment_unique_kind")]

    def __str__(self):
        return f"{self.report}: {self.get_kind_display()}"

    @property
    def filename(self) -> str:
        report = self.report
        return f"zvit-{report.year}-q{report.quarter}-v{report.version}-{SLUGS[self.kind]}.csv"
