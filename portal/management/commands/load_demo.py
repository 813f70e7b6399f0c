"""Load demo data: departments, one user per role, the Ternopil plan, demo registry.

Safe to run twice: every loader finds what exists before it creates anything.
"""

from importlib import import_module

from django.core.management.base import BaseCommand

from portal.demo import demo_marker_set

# Each app that has demo data exposes `<app>.demo.load(stdout)`; order follows dependencies.
DEMO_MODULES = ["accounts.demo", "plan.demo", "registry.demo", "audit.demo", "feedback.demo"]


class Command(BaseCommand):
    help = "Завантажити демонстраційні дані (підрозділи, користувачі, план Тернополя)."

    def handle(self, *args, **options):
        for module_name in DEMO_MODULES:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue  # this app has no demo data
            module.load(self.stdout)
        # The public site says "демонстраційні дані" while this marker exists.
        demo_marker_set(note="manage.py load_demo")
        self.stdout.write(self.style.SUCCESS("Демо-дані завантажено."))
