"""python manage.py import_plan FILE --title "..." --start 2019Q1 --end 2020Q4 [--dry-run]
[--column "Header=field" ...] [--create-departments]"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from common.spreadsheets import SpreadsheetError, parse_mapping
from plan.choices import PlanStatus
from plan.services import plan_import


class Command(BaseCommand):
    help = (
        "Імпортувати план дій з таблиці CSV (UTF-8 або Windows-1251, будь-який роздільник), XLSX "
        "або з таблиці документа DOCX: усе або нічого."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--title", required=True, help="Назва плану")
        parser.add_argument("--start", required=True, help="Перший квартал плану, наприклад 2019Q1")
        parser.add_argument("--end", required=True, help="Останній квартал плану, наприклад 2020Q4")
        parser.add_argument("--status", default=PlanStatus.ADOPTED, choices=PlanStatus.values)
        parser.add_argument("--dry-run", action="store_true", help="Лише перевірити, нічого не записувати")
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="ЗАГОЛОВОК=ПОЛЕ",
            help="Відповідність нерозпізнаної колонки полю (task, description, indicators, deadline, "
            "executors, principle, section або «-», щоб пропустити); можна кілька разів",
        )
        parser.add_argument(
            "--create-departments",
            action="store_true",
            help="Створити підрозділи, яких немає в довіднику (без цього імпорт їх лише перелічує)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Файл не знайдено: {path}")
        try:
            mapping = parse_mapping(options["column"])
        except SpreadsheetError as exc:
            raise CommandError(str(exc)) from None
        try:
            report = plan_import(
                data=path.read_bytes(),
                filename=path.name,
                title=options["title"],
                start=options["start"],
                end=options["end"],
                status=options["status"],
                dry_run=options["dry_run"],
                mapping=mapping,
                create_departments=options["create_departments"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(f"Імпорт скасовано: помилок {len(exc.messages)}, нічого не записано.") from None
        self.stdout.write(f"Рядок заголовків: {report.header_row}.")
        for header, label in report.columns:
            self.stdout.write(f"  «{header}» → {label}")
        for header in report.unrecognised:
            self.stdout.write(f"  «{header}» → (пропущено)")
        prefix = "Перевірка (нічого не записано): " if report.dry_run else "Імпортовано: "
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
