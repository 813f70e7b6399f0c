"""python manage.py import_registry FILE [--dry-run] [--create-departments] [--column "Header=field"]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.spreadsheets import SpreadsheetError, parse_mapping
from registry.resources import import_file

KIND_LABELS = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON", "ckan": "CKAN JSON"}
TOTAL_LABELS = {"new": "нових", "update": "оновлених", "skip": "без змін", "delete": "видалених"}


class Command(BaseCommand):
    help = (
        "Імпортувати реєстр наборів даних з CSV, XLSX, JSON або CKAN JSON (усе або нічого): у колонках "
        "паспорта за Постановою 835 або в колонках експорту."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="шлях до файлу")
        parser.add_argument("--dry-run", action="store_true", help="лише перевірити, нічого не зберігати")
        parser.add_argument(
            "--create-departments", action="store_true", help="створити підрозділи, яких ще немає в базі"
        )
        parser.add_argument(
            "--column", action="append", default=[], metavar="ЗАГОЛОВОК=ПОЛЕ", help="відповідність колонки полю"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Файл не знайдено: {path}")
        try:
            mapping = parse_mapping(options["column"])
        except SpreadsheetError as exc:
            raise CommandError(str(exc)) from exc
        outcome = import_file(
            path.read_bytes(),
            path.name,
            dry_run=options["dry_run"],
            create_departments=options["create_departments"],
            column_map=mapping,
        )
        if outcome["kind"]:
            self.stdout.write(f"Формат: {KIND_LABELS[outcome['kind']]}")
        for header, field in outcome["columns"]:
            self.stdout.write(f"  «{header}» → {field}")
        for name in outcome["new_departments"]:
            self.stdout.write(f"Новий підрозділ: {name}")
        if outcome["errors"]:
            for message in outcome["errors"]:
                self.stderr.write(message)
            raise CommandError(f"Імпорт скасовано: помилок — {len(outcome['errors'])}. Нічого не збережено.")
        totals = ", ".join(f"{TOTAL_LABELS.get(k, k)}: {v}" for k, v in outcome["totals"].items()) or "змін немає"
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Перевірка пройшла ({totals}). Нічого не збережено."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Імпортовано ({totals})."))
