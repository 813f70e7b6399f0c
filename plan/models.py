"""The action plan: principles, sections, tasks with deadline periods, indicators, progress."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from common.quarters import Quarter

from .choices import PlanStatus, ReviewState, TaskStatus

quarter_validator = RegexValidator(r"^\d{4}Q[1-4]$", "Квартал має бути у форматі РРРРQН, наприклад 2019Q4.")


class ActionPlan(models.Model):
    title = models.CharField("назва", max_length=500)
    decision_number = models.CharField("номер рішення ради", max_length=100, blank=True)
    decision_date = models.DateField("дата рішення", null=True, blank=True)
    start_quarter = models.CharField("початок (квартал)", max_length=7, validators=[quarter_validator])
    end_quarter = models.CharField("кінець (квартал)", max_length=7, validators=[quarter_validator])
    status = models.CharField("стан", max_length=20, choices=PlanStatus.choices, default=PlanStatus.ADOPTED)
    # Invented data for trying the site out (load_demo): public, but never the default plan.
    is_demo = models.BooleanField("демонстраційний", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "план дій"
        verbose_name_plural = "плани дій"
        ordering = ["-start_quarter", "title"]

    def __str__(self):
        return self.title

    @property
    def start(self) -> Quarter:
        return Quarter.parse(self.start_quarter)

    @property
    def end(self) -> Quarter:
        return Quarter.parse(self.end_quarter)


class Principle(models.Model):
    """One of the six principles of the International Open Data Charter, within a plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="principles")
    number = models.PositiveSmallIntegerField("номер", validators=[MinValueValidator(1), MaxValueValidator(6)])
    title = models.CharField("назва", max_length=255)

    class Meta:
        verbose_name = "принцип хартії"
        verbose_name_plural = "принципи хартії"
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="principle_unique_number_in_plan")]

    def __str__(self):
        return self.title


class Section(models.Model):
    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField("назва", max_length=255)
    position = models.PositiveIntegerField("порядок", default=0)

    class Meta:
        verbose_name = "розділ"
        verbose_name_plural = "розділи"
        ordering = ["principle__number", "position"]

    def __str__(self):
        return self.title


class Task(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField("порядок у плані", default=0)
    title = models.TextField("завдання")
    description = models.TextField("зміст заходу", blank=True)
    indicators_text = models.TextField("показники виконання", blank=True)
    deadline_text = models.CharField("термін реалізації (як у документі)", max_length=500)
    recurring = models.BooleanField("постійне / повторюване", default=False)
    # Last day of the last deadline period; stored so that "overdue" is an indexed query.
    due_date = models.DateField("кінцевий термін", null=True, blank=True, db_index=True)
    # Current status = the latest progress update's status; kept here for cheap counts.
    status = models.CharField(
        "стан виконання", max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED, db_index=True
    )
    percent = models.PositiveSmallIntegerField("відсоток виконання", null=True, blank=True)
    departments = models.ManyToManyField(
        "accounts.Department", through="TaskDepartment", related_name="tasks", verbose_name="виконавчі органи"
    )
    # Generic groups named among the executors ("керівники комунальних підприємств"): they take part,
    # but are not accountable departments (no reminders, no department page).
    participants = models.TextField("також залучені", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "завдання"
        verbose_name_plural = "завдання"
        ordering = ["plan", "position"]
        indexes = [models.Index(fields=["plan", "status", "due_date"], name="task_plan_status_due")]

    def __str__(self):
        return self.title[:120]


class TaskDepartment(models.Model):
    """A responsible department of a task; the first (is_lead) is the lead executor."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_departments")
    department = models.ForeignKey("accounts.Department", on_delete=models.PROTECT, related_name="task_links")
    is_lead = models.BooleanField("головний виконавець", default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "виконавчий орган завдання"
        verbose_name_plural = "виконавчі органи завдань"
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["task", "department"], name="task_department_unique")]


class TaskPeriod(models.Model):
    """One merged quarter range parsed from the deadline text, as quarter indexes (year*4+q-1)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="periods")
    start_index = models.PositiveIntegerField(db_index=True)
    end_index = models.PositiveIntegerField(db_index=True)

    class Meta:
        verbose_name = "період виконання"
        verbose_name_plural = "періоди виконання"
        ordering = ["start_index"]

    def __str__(self):
        return f"{self.start}–{self.end}"

    @property
    def start(self) -> Quarter:
        return Quarter.from_index(self.start_index)

    @property
    def end(self) -> Quarter:
        return Quarter.from_index(self.end_index)


class Indicator(models.Model):
    """A measurable performance indicator: a target, and the actual value per quarter."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="indicators")
    text = models.TextField("показник")
    target_value = models.DecimalField("цільове значення", max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField("одиниця", max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "показник"
        verbose_name_plural = "показники"
        ordering = ["task", "position"]

    def __str__(self):
        return self.text[:120]


class IndicatorValue(models.Model):
    """The actual (and the target, when it differs by period) of an indicator for one reporting period.

    Written by ``plan.verification`` when the update that carries it is accepted, so the public
    figures are accepted ones only; ``update`` records where the value came from."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    quarter_index = models.PositiveIntegerField()
    actual_value = models.DecimalField("фактичне значення", max_digits=12, decimal_places=2)
    target_value = models.DecimalField(
        "цільове значення на період", max_digits=12, decimal_places=2, null=True, blank=True
    )
    update = models.ForeignKey(
        "ProgressUpdate",
        verbose_name="оновлення виконання",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicator_values",
    )
    note = models.TextField("примітка", blank=True)

    class Meta:
        verbose_name = "значення показника"
        verbose_name_plural = "значення показників"
        ordering = ["indicator", "quarter_index"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "quarter_index"], name="indicator_value_unique_quarter")
        ]

    @property
    def quarter(self) -> Quarter:
        return Quarter.from_index(self.quarter_index)


NARRATIVE_MAX = 10_000  # the workspace form's limit; the API and the service hold to it too


class ProgressUpdate(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField("дата")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="progress_updates"
    )
    status = models.CharField("стан виконання", max_length=20, choices=TaskStatus.choices)
    percent = models.PositiveSmallIntegerField(
        "відсоток", null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    # The quarter the update reports on (Quarter.index); see plan.reporting for the default.
    period_index = models.PositiveIntegerField("звітний період (квартал)", db_index=True)
    narrative = models.TextField("що зроблено")
    delay_reason = models.TextField("причина затримки", blank=True)
    next_steps = models.TextField("наступні кроки", blank=True)
    # Indicator values reported with the update: {"<indicator id>": {"actual": "12.5", "target": null}};
    # they become IndicatorValue rows when the update is accepted.
    indicator_actuals = models.JSONField("значення показників", default=dict, blank=True)
    review_state = models.CharField(
        "перевірка", max_length=10, choices=ReviewState.choices, default=ReviewState.ACCEPTED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="перевірив",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_progress_updates",
    )
    reviewed_at = models.DateTimeField("перевірено", null=True, blank=True)
    review_comment = models.TextField("коментар перевірки", blank=True)
    # When the author was told the update was returned (the notice goes once per return).
    author_notified_at = models.DateTimeField("автора сповіщено", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "оновлення виконання"
        verbose_name_plural = "оновлення виконання"
        ordering = ["-date", "-created_at"]
        indexes = [
            models.Index(fields=["task", "-date", "-created_at"], name="update_task_latest"),
            # progress_updates_latest: the newest accepted updates are read in index order.
            models.Index(
                fields=["-date", "-created_at", "-id"],
                condition=models.Q(review_state="accepted"),
                name="update_accepted_latest",
            ),
        ]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # Rows written without the service (fixtures, admin) report on the quarter of their date.
        if self.period_index is None and self.date:
            self.period_index = Quarter.containing(self.date).index
        super().save(*args, **kwargs)

    @property
    def period(self) -> Quarter:
        return Quarter.from_index(self.period_index)


class EvidenceLink(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="links")
    url = models.URLField("посилання", max_length=1000)
    title = models.CharField("назва", max_length=255, blank=True)

    class Meta:
        verbose_name = "посилання-підтвердження"
        verbose_name_plural = "посилання-підтвердження"


class EvidenceFile(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("файл", upload_to="evidence/%Y/%m/")
    title = models.CharField("назва", max_length=255, blank=True)

    class Meta:
        verbose_name = "файл-підтвердження"
        verbose_name_plural = "файли-підтвердження"
