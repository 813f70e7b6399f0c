"""python manage.py import_registry FILE [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.resources import import_file

KIND_LABELS = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON", "ckan": "CKAN JSON"}
TOTAL_LABELS = {"new": "нових", "update": "оновлених", "skip": "пропущених", "delete": "видалених"}


class Command(BaseCommand):
    help = "Імпортувати реєстр наборів даних з CSV, XLSX, JSON або CKAN JSON (усе або нічого)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="шлях до файлу")
        parser.add_argument("--dry-run", action="store_true", help="лише перевірити, нічого не зберігати")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Файл не знайдено: {path}")
        outcome = import_file(path.read_bytes(), path.name, dry_run=options["dry_run"])
        if outcome["kind"]:
            self.stdout.write(f"Формат: {KIND_LABELS[outcome['kind']]}")
        if outcome["errors"]:
            for message in outcome["errors"]:
                self.stderr.write(message)
            raise CommandError(f"Імпорт скасовано: помилок — {len(outcome['errors'])}. Нічого не збережено.")
        totals = ", ".join(f"{TOTAL_LABELS.get(k, k)}: {v}" for k, v in outcome["totals"].items()) or "змін немає"
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Перевірка пройшла ({totals}). Нічого не збережено."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Імпортовано ({totals})."))
