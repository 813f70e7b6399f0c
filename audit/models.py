"""Information audit: campaigns, one questionnaire (response) per department, the resources found."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from registry.choices import Frequency

from .choices import (
    EDITABLE_RESPONSE_STATUSES,
    PUBLISHABLE_VALUES,
    RESTRICTED_ACCESS,
    AccessCategory,
    CampaignStatus,
    PersonalData,
    Publishable,
    ResourceForm,
    ResponseStatus,
    ReviewDecision,
)


class AuditCampaign(models.Model):
    title = models.CharField("назва", max_length=255)
    methodology = models.TextField("методика аудиту", blank=True)
    methodology_version = models.CharField("версія методики", max_length=50, blank=True)
    start_date = models.DateField("початок")
    deadline = models.DateField("кінцевий термін подання")
    departments = models.ManyToManyField(
        "accounts.Department", verbose_name="підрозділи", related_name="audit_campaigns", blank=True
    )
    status = models.CharField("стан", max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT)
    # The public results page is shown for closed campaigns, or earlier if a coordinator publishes it.
    results_published = models.BooleanField("результати оприлюднено", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="створив",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_campaigns_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField("відкрито", null=True, blank=True)
    closed_at = models.DateTimeField("завершено", null=True, blank=True)

    class Meta:
        verbose_name = "кампанія інформаційного аудиту"
        verbose_name_plural = "кампанії інформаційного аудиту"
        ordering = ["-start_date", "-id"]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start_date and self.deadline and self.deadline < self.start_date:
            raise ValidationError({"deadline": "Кінцевий термін не може бути раніше за початок."})

    @property
    def is_public(self) -> bool:
        return self.status == CampaignStatus.CLOSED or self.results_published


class AuditResponse(models.Model):
    """One department's questionnaire within a campaign."""

    campaign = models.ForeignKey(
        AuditCampaign, verbose_name="кампанія", on_delete=models.CASCADE, related_name="responses"
    )
    department = models.ForeignKey(
        "accounts.Department", verbose_name="підрозділ", on_delete=models.PROTECT, related_name="audit_responses"
    )
    status = models.CharField(
        "стан", max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.NOT_STARTED, db_index=True
    )
    notes = models.TextField("примітки підрозділу", blank=True, max_length=4000)
    invited_at = models.DateTimeField("запрошення надіслано", null=True, blank=True)
    submitted_at = models.DateTimeField("подано", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    returned_comment = models.TextField("коментар координатора при поверненні", blank=True)
    returned_at = models.DateTimeField("повернуто", null=True, blank=True)
    reviewed_at = models.DateTimeField("розглянуто", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "анкета підрозділу"
        verbose_name_plural = "анкети підрозділів"
        ordering = ["campaign", "department__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "department"], name="audit_response_one_per_department")
        ]

    def __str__(self):
        return f"{self.department} — {self.campaign}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_RESPONSE_STATUSES and self.campaign.status == CampaignStatus.OPEN


class InformationResource(models.Model):
    """An information resource a department holds, as reported in its questionnaire.

    Only the name is needed to save a draft; the fields in REQUIRED_FOR_SUBMIT are checked
    when the department submits the questionnaire.
    """

    REQUIRED_FOR_SUBMIT = (
        "description",
        "legal_basis",
        "form",
        "personal_data",
        "access_category",
        "frequency",
        "can_publish",
        "public_interest",
    )

    response = models.ForeignKey(
        AuditResponse, verbose_name="анкета", on_delete=models.CASCADE, related_name="resources"
    )
    name = models.CharField("назва ресурсу", max_length=500)
    description = models.TextField("опис", max_length=4000, blank=True)
    legal_basis = models.TextField("правові підстави збору", max_length=4000, blank=True)
    form = models.CharField("форма", max_length=20, choices=ResourceForm.choices, blank=True)
    formats = models.CharField("формати (через кому)", max_length=255, blank=True)
    personal_data = models.CharField(
        "містить персональні дані", max_length=10, choices=PersonalData.choices, blank=True
    )
    access_category = models.CharField("категорія доступу", max_length=20, choices=AccessCategory.choices, blank=True)
    frequency = models.CharField("періодичність оновлення", max_length=20, choices=Frequency.choices, blank=True)
    approximate_size = models.CharField("приблизний обсяг", max_length=255, blank=True)
    system_name = models.CharField("де зберігається (назва системи)", max_length=255, blank=True)
    system_url = models.URLField("адреса системи (URL)", max_length=1000, blank=True)
    # Personal data: shown to the department and coordinators only, never published or exported.
    responsible_person = models.CharField("відповідальна особа", max_length=255, blank=True)
    responsible_email = models.EmailField("e-mail відповідальної особи", blank=True)
    can_publish = models.CharField(
        "можна оприлюднити як відкриті дані", max_length=10, choices=Publishable.choices, blank=True
    )
    restriction_reason = models.TextField("правова підстава обмеження", max_length=4000, blank=True)
    public_interest = models.PositiveSmallIntegerField(
        "суспільний інтерес (1–5)", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    published_url = models.URLField("посилання, якщо вже оприлюднено", max_length=1000, blank=True)
    review_decision = models.CharField(
        "рішення координатора", max_length=10, choices=ReviewDecision.choices, default=ReviewDecision.PENDING
    )
    review_comment = models.TextField("коментар координатора", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField("розглянуто", null=True, blank=True)
    dataset = models.ForeignKey(
        "registry.Dataset",
        verbose_name="набір у реєстрі",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_resources",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "інформаційний ресурс"
        verbose_name_plural = "інформаційні ресурси"
        ordering = ["response", "id"]

    def __str__(self):
        return self.name

    @property
    def is_publishable(self) -> bool:
        return self.can_publish in PUBLISHABLE_VALUES

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.can_publish in (Publishable.NO, Publishable.PARTLY) and not self.restriction_reason.strip():
            errors["restriction_reason"] = "Зазначте правову підставу, чому ресурс не можна оприлюднити повністю."
        if self.can_publish == Publishable.YES and self.access_category in RESTRICTED_ACCESS:
            errors["can_publish"] = "Інформацію з обмеженим доступом не можна оприлюднити повністю."
        if errors:
            raise ValidationError(errors)

    def missing_for_submit(self) -> list[str]:
        """Names of the fields that must be filled before the questionnaire is submitted."""
        missing = []
        for name in self.REQUIRED_FOR_SUBMIT:
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                missing.append(name)
        return missing


class AuditReminder(models.Model):
    """A deadline reminder sent for one response: recorded so that it is sent once."""

    response = models.ForeignKey(AuditResponse, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField("за скільки днів до терміну")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "нагадування про термін аудиту"
        verbose_name_plural = "нагадування про терміни аудиту"
        constraints = [
            models.UniqueConstraint(fields=["response", "days_before"], name="audit_reminder_once_per_threshold")
        ]
