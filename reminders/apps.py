from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminder digests for datasets and plan tasks (composition over registry and plan)."""

    name = "reminders"
    verbose_name = "Нагадування"
