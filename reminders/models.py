"""The reminder log: what was (or is to be) sent to whom, so that nothing goes twice.

A ``ReminderLog`` is one e-mail (a digest) with its delivery state; its key is
(kind, recipient, scope, reference date). A ``ReminderLogItem`` is one dataset or task inside
that e-mail; its key is (object type, object id, item kind, due date, recipient), so a dataset
is reminded once per stage (due soon, due today, overdue, escalation) of each due date.
"""

from django.db import models

from .choices import ItemKind, MessageKind, ObjectType, State


class ReminderLog(models.Model):
    kind = models.CharField("вид", max_length=32, choices=MessageKind.choices)
    recipient = models.EmailField("одержувач", max_length=254)
    # What the digest covers: a department id, or "all" for the coordinators' escalation.
    scope = models.CharField("охоплення", max_length=32)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name="підрозділ",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reminder_logs",
    )
    reference_date = models.DateField("дата нагадування", db_index=True)
    subject = models.CharField("тема", max_length=255)
    extra = models.JSONField("параметри", default=dict, blank=True)
    state = models.CharField("стан", max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField("спроб", default=0)
    last_error = models.TextField("остання помилка", blank=True)
    created_at = models.DateTimeField("створено", auto_now_add=True)
    sent_at = models.DateTimeField("надіслано", null=True, blank=True)

    class Meta:
        verbose_name = "нагадування"
        verbose_name_plural = "журнал нагадувань"
        ordering = ["-reference_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "scope", "reference_date"], name="reminder_log_unique_message"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient} ({self.reference_date})"


class ReminderLogItem(models.Model):
    log = models.ForeignKey(ReminderLog, on_delete=models.CASCADE, related_name="items")
    object_type = models.CharField("тип об’єкта", max_length=10, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField("id об’єкта")
    kind = models.CharField("причина", max_length=20, choices=ItemKind.choices)
    due_date = models.DateField("термін")
    recipient = models.EmailField("одержувач", max_length=254)
    title = models.TextField("назва")
    # What the e-mail shows (links, department, days overdue), as it was when planned.
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "пункт нагадування"
        verbose_name_plural = "пункти нагадувань"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id", "kind", "due_date", "recipient"],
                name="reminder_item_unique_key",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title[:80]}"
