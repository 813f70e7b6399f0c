"""python manage.py import_required_datasets [FILE] — (re)load the Resolution 835 list."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from registry.services import required_datasets_import

DEFAULT = Path(settings.BASE_DIR) / "data" / "resolution-835-datasets-local.csv"


class Command(BaseCommand):
    help = "Завантажити або оновити перелік наборів за Постановою КМУ № 835 (CSV: applies_to, dataset_title)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT), help="CSV-файл переліку")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Файл не знайдено: {path}")
        try:
            summary = required_datasets_import(source=path)
        except ValidationError as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError("Перелік не завантажено: у файлі є помилки.") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Наборів у переліку: {summary['total']} (нових: {summary['created']}, змінено: {summary['updated']})."
            )
        )
        for entry in summary["no_longer_listed"]:
            self.stdout.write(f"Більше немає у переліку (залишено в базі): {entry.title[:120]}")
