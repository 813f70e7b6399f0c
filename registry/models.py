"""The register of the council's datasets (Resolution No. 835 of 21.10.2015)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .choices import DatasetSource, DatasetStatus, DataTheme, Frequency, RequiredDatasetScope, ScheduleMode

UPDATE_NOTE_MAX = 2000  # the "mark updated" form's limit; the API and the service hold to it too


class RequiredDataset(models.Model):
    """An entry of the Resolution 835 list: a dataset the council must publish."""

    title = models.TextField("назва набору за Постановою 835")
    applies_to = models.CharField("кому обов’язковий", max_length=32, choices=RequiredDatasetScope.choices)
    position = models.PositiveIntegerField("номер у переліку", default=0)

    class Meta:
        verbose_name = "набір за Постановою 835"
        verbose_name_plural = "перелік Постанови 835"
        ordering = ["applies_to", "position"]

    def __str__(self):
        return self.title[:120]


class Dataset(models.Model):
    identifier = models.CharField("ідентифікатор", max_length=100, unique=True)
    title = models.CharField("назва", max_length=254)
    slug = models.SlugField("slug", max_length=120, unique=True, allow_unicode=False)
    description = models.TextField("опис", max_length=4000, blank=True)
    department = models.ForeignKey(
        "accounts.Department", verbose_name="розпорядник (підрозділ)", on_delete=models.PROTECT, related_name="datasets"
    )
    # The responsible person's contacts are personal data: never shown publicly.
    responsible_person = models.CharField("відповідальна особа", max_length=255, blank=True)
    responsible_email = models.EmailField("e-mail відповідальної особи", blank=True)
    keywords = models.CharField("ключові слова (через кому)", max_length=1000, blank=True)
    language = models.CharField("мова", max_length=20, default="uk")
    formats = models.CharField("формати (через кому)", max_length=255, blank=True)
    license = models.CharField("ліцензія", max_length=100, default="CC-BY-4.0")
    purpose = models.TextField("мета / правові підстави збору", blank=True)
    theme = models.CharField("тема (EU data theme)", max_length=4, choices=DataTheme.choices, blank=True)
    # The period the data covers (DCAT-AP dct:temporal), where known.
    temporal_start = models.DateField("дані охоплюють період з", null=True, blank=True)
    temporal_end = models.DateField("дані охоплюють період до", null=True, blank=True)
    required_by_835 = models.ForeignKey(
        RequiredDataset,
        verbose_name="пункт переліку Постанови 835",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="datasets",
    )
    status = models.CharField("стан", max_length=20, choices=DatasetStatus.choices, default=DatasetStatus.PLANNED)
    first_published = models.DateField("дата першого оприлюднення", null=True, blank=True)
    portal_url = models.URLField("посилання на міському порталі", max_length=1000, blank=True)
    data_gov_ua_url = models.URLField("посилання на data.gov.ua", max_length=1000, blank=True)
    source = models.CharField(
        "джерело запису", max_length=20, choices=DatasetSource.choices, default=DatasetSource.MANUAL
    )
    tasks = models.ManyToManyField("plan.Task", verbose_name="завдання плану", blank=True, related_name="datasets")
    # Update schedule.
    frequency = models.CharField(
        "періодичність оновлення", max_length=20, choices=Frequency.choices, default=Frequency.YEARLY
    )
    schedule_mode = models.CharField(
        "спосіб розрахунку терміну", max_length=10, choices=ScheduleMode.choices, default=ScheduleMode.ROLLING
    )
    calendar_offset_days = models.PositiveSmallIntegerField("днів після кінця періоду (календарний режим)", default=10)
    grace_days = models.PositiveSmallIntegerField("пільгових днів", default=0)
    last_updated_at = models.DateTimeField("останнє оновлення", null=True, blank=True)
    # Stored and indexed: "what is overdue" is one indexed query at any registry size.
    next_due_date = models.DateField("наступний термін оновлення", null=True, blank=True, db_index=True)
    quality_score = models.PositiveSmallIntegerField("оцінка якості", default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "набір даних"
        verbose_name_plural = "набори даних"
        ordering = ["title"]
        indexes = [
            models.Index(fields=["department", "next_due_date"], name="dataset_department_due"),
            models.Index(fields=["status", "next_due_date"], name="dataset_status_due"),
            # The registry list pages through all datasets in title order.
            models.Index(fields=["title", "id"], name="dataset_title_id"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.temporal_start and self.temporal_end and self.temporal_start > self.temporal_end:
            raise ValidationError({"temporal_end": "Кінець періоду не може бути раніше його початку."})

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]

    @property
    def format_list(self) -> list[str]:
        return [f.strip().upper() for f in self.formats.split(",") if f.strip()]


class DatasetUpdate(models.Model):
    """One entry of a dataset's update log."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="updates")
    updated_at = models.DateTimeField("коли оновлено")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="dataset_updates"
    )
    note = models.TextField("примітка", blank=True)  # at most UPDATE_NOTE_MAX, checked by the service
    link = models.URLField("посилання", max_length=1000, blank=True)

    class Meta:
        verbose_name = "оновлення набору"
        verbose_name_plural = "журнал оновлень"
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["dataset", "-updated_at"], name="dataset_update_latest")]


class RegistryImportJob(models.Model):
    """An uploaded registry file being checked or imported, in the request or in the background.

    The file is kept with the job, so the confirmation imports exactly what was checked (nothing
    comes back from the browser). Row errors, counts and new departments are kept for the user.
    """

    class State(models.TextChoices):
        CHECK_QUEUED = "check_queued", "Очікує перевірки"
        CHECKING = "checking", "Перевіряється"
        CHECKED = "checked", "Перевірено"
        IMPORT_QUEUED = "import_queued", "Очікує імпорту"
        IMPORTING = "importing", "Імпортується"
        DONE = "done", "Імпортовано"
        FAILED = "failed", "Не імпортовано"

    RUNNING = (State.CHECK_QUEUED, State.CHECKING, State.IMPORT_QUEUED, State.IMPORTING)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registry_import_jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    filename = models.CharField("файл", max_length=255)
    content = models.BinaryField("вміст файлу")
    size = models.PositiveIntegerField("розмір, байт", default=0)
    background = models.BooleanField("у фоновому режимі", default=False)
    create_departments = models.BooleanField("створити нові підрозділи", default=False)
    column_map = models.JSONField("відповідність колонок", default=dict, blank=True)
    state = models.CharField("стан", max_length=20, choices=State.choices, default=State.CHECK_QUEUED)
    rows_total = models.PositiveIntegerField("рядків у файлі", default=0)
    rows_done = models.PositiveIntegerField("рядків оброблено", default=0)
    report = models.JSONField("результат", default=dict, blank=True)
    finished_at = models.DateTimeField("завершено", null=True, blank=True)

    class Meta:
        verbose_name = "імпорт реєстру"
        verbose_name_plural = "імпорти реєстру"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.get_state_display()})"

    @property
    def running(self) -> bool:
        return self.state in self.RUNNING

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.rows_done / self.rows_total)) if self.rows_total else 0
