from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.services import feedback_due_for_erasure, feedback_erase_personal_data


class Command(BaseCommand):
    help = "Видалити імена та e-mail заявників зі звернень, закритих понад FEEDBACK_ERASE_AFTER_DAYS днів тому."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Лише показати, скільки звернень буде очищено.")
        parser.add_argument(
            "--days", type=int, default=None, help="Скільки днів після закриття (типово FEEDBACK_ERASE_AFTER_DAYS)."
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        days = settings.FEEDBACK_ERASE_AFTER_DAYS if days is None else days
        today = timezone.localdate()
        if dry_run:
            count = feedback_due_for_erasure(older_than_days=days, today=today).count()
            self.stdout.write(f"Буде очищено звернень: {count} (закриті понад {days} дн. тому). Нічого не змінено.")
            return
        count = feedback_erase_personal_data(older_than_days=days, today=today)
        self.stdout.write(self.style.SUCCESS(f"Очищено персональні дані у зверненнях: {count}."))
