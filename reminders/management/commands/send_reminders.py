"""Send the reminders of a day: the same work as the Celery beat jobs, for cron users and tests."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from reminders.services import reminders_run


class Command(BaseCommand):
    help = (
        "Plan, record and send the reminders of a date: the daily dataset digests and plan task "
        "reminders, plus the escalation on its weekday. Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="YYYY-MM-DD (default: today in TIME_ZONE)")
        parser.add_argument("--dry-run", action="store_true", help="print who would get what; send nothing")
        escalation = parser.add_mutually_exclusive_group()
        escalation.add_argument(
            "--escalation", dest="escalation", action="store_const", const=True, help="include the escalation"
        )
        escalation.add_argument(
            "--no-escalation", dest="escalation", action="store_const", const=False, help="skip the escalation"
        )

    def handle(self, *args, date=None, dry_run=False, escalation=None, **options):
        day = None
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError as exc:
                raise CommandError(f"Дата має бути у форматі РРРР-ММ-ДД: {date}") from exc
        result = reminders_run(date=day, escalation=escalation, dry_run=dry_run)
        for message in result.planned:
            self.stdout.write(f"{message.recipient}: {message.kind} — {message.subject} ({len(message.items)})")
            for item in message.items:
                self.stdout.write(f"    [{item.kind}] {item.title} — {item.due_date.isoformat()}")
        summary = result.as_dict()
        if dry_run:
            self.stdout.write(
                f"Dry run for {summary['date']}: {summary['planned']} e-mails, {summary['items']} items; "
                "nothing recorded or sent."
            )
        else:
            self.stdout.write(
                f"{summary['date']}: recorded {summary['recorded']} new e-mails ({summary['items']} items), "
                f"skipped {summary['skipped']}, queued {summary['enqueued']}, "
                f"could not queue {summary['failed_to_enqueue']}."
            )
