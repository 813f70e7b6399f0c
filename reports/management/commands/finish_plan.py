"""python manage.py finish_plan PLAN_ID [--send]: mark the plan finished and build its final report."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from plan.choices import ENDED_PLAN_STATUSES, PlanStatus
from plan.models import ActionPlan
from plan.services import plan_set_status
from reports import services


class Command(BaseCommand):
    help = (
        "Завершити план дій (квартальні раунди припиняються) і скласти підсумковий звіт за весь період "
        "(від імені системи; у вебінтерфейсі це дія координатора)."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--send", action="store_true", help="надіслати звіт активним одержувачам")

    def handle(self, *args, plan_id, send=False, **options):
        plan = ActionPlan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"Плану з id {plan_id} немає.")
        try:
            if plan.status not in ENDED_PLAN_STATUSES:
                plan_set_status(plan=plan, status=PlanStatus.FINISHED, by=None)
            report = services.final_report_generate(plan=plan)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"Підсумковий звіт: {report.pdf.name} ({report.size} байт).")
        if send:
            self.stdout.write(f"Надіслано одержувачам: {services.report_send(report=report)}.")
        self.stdout.write(self.style.SUCCESS("Готово."))
