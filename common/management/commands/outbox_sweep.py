"""Hand pending follow-ups to the broker: the beat job's work, for cron users and after an outage."""

import json

from django.core.management.base import BaseCommand

from common.outbox import outbox_sweep


class Command(BaseCommand):
    help = "Send the follow-up tasks (notifications, report builds) still waiting in the outbox. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="include messages created just now (default: older than the grace)"
        )

    def handle(self, *args, all=False, **options):  # noqa: A002 - the option's name
        result = outbox_sweep(older_than_seconds=0 if all else None)
        self.stdout.write(json.dumps(result))
