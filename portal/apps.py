from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Composition: pages that combine several apps (home page, health check, demo loader)."""

    name = "portal"
    verbose_name = "Портал"
