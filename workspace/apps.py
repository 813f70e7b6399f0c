from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The staff workspace: one page per role over plan, registry, audit, feedback, reminders, reports."""

    name = "workspace"
    verbose_name = "Робочий кабінет"
