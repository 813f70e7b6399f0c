"""python manage.py import_plan FILE --title "..." --start 2019Q1 --end 2020Q4 [--dry-run]"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from plan.choices import PlanStatus
from plan.services import plan_import


class Command(BaseCommand):
    help = "Імпортувати план дій з таблиці CSV (UTF-8 або Windows-1251) чи XLSX: усе або нічого."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--title", required=True, help="Назва плану")
        parser.add_argument("--start", required=True, help="Перший квартал плану, наприклад 2019Q1")
        parser.add_argument("--end", required=True, help="Останній квартал плану, наприклад 2020Q4")
        parser.add_argument("--status", default=PlanStatus.ADOPTED, choices=PlanStatus.values)
        parser.add_argument("--dry-run", action="store_true", help="Лише перевірити, нічого не записувати")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Файл не знайдено: {path}")
        try:
            report = plan_import(
                data=path.read_bytes(),
                filename=path.name,
                title=options["title"],
                start=options["start"],
                end=options["end"],
                status=options["status"],
                dry_run=options["dry_run"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(f"Імпорт скасовано: помилок {len(exc.messages)}, нічого не записано.") from None
        prefix = "Перевірка (нічого не записано): " if report.dry_run else "Імпортовано: "
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
