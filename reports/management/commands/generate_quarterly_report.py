"""python manage.py generate_quarterly_report 2019Q4 [--output FILE] [--send]"""

import shutil

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from common.quarters import Quarter
from reports import services


class Command(BaseCommand):
    help = "Скласти квартальний звіт (нова версія), за потреби зберегти копію у файл і надіслати одержувачам."

    def add_arguments(self, parser):
        parser.add_argument("quarter", help="квартал у форматі РРРРQН, наприклад 2019Q4")
        parser.add_argument("--output", help="куди скопіювати PDF")
        parser.add_argument("--send", action="store_true", help="надіслати звіт активним одержувачам")

    def handle(self, *args, quarter, output=None, send=False, **options):
        try:
            period = Quarter.parse(quarter)
            report = services.report_generate(year=period.year, quarter=period.number)
        except (ValueError, ValidationError) as exc:
            raise CommandError(str(getattr(exc, "messages", [exc])[0])) from exc
        self.stdout.write(f"Звіт за {period.label()}, версія {report.version}: {report.pdf.name} ({report.size} байт).")
        if output:
            with report.pdf.open("rb") as source, open(output, "wb") as target:
                shutil.copyfileobj(source, target)
            self.stdout.write(f"Копію збережено у {output}.")
        if send:
            count = services.report_send(report=report)
            self.stdout.write(f"Надіслано одержувачам: {count}.")
        self.stdout.write(self.style.SUCCESS("Готово."))
