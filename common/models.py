"""Tables shared by every app. ``OutboxMessage``: a follow-up task recorded with the action that needs it."""

from django.db import models


class OutboxMessage(models.Model):
    """A Celery task call (dotted task name + JSON arguments) waiting to be handed to the broker.

    Written in the same transaction as the user's action (see common/outbox.py), so a follow-up
    exists exactly when the action was saved; ``sent_at`` is set once the broker took the message.
    """

    task = models.CharField("завдання", max_length=200)
    args = models.JSONField("аргументи", default=list, blank=True)
    created_at = models.DateTimeField("створено", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("передано брокеру", null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField("спроб", default=0)
    last_error = models.TextField("остання помилка", blank=True)

    class Meta:
        verbose_name = "відкладене завдання"
        verbose_name_plural = "відкладені завдання"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["created_at"], name="outbox_pending_idx", condition=models.Q(sent_at__isnull=True))
        ]

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"
