"""Celery tasks of the registry: thin, idempotent, calling services."""

from celery import shared_task

from .services import datasets_refresh_quality


@shared_task
def refresh_quality() -> int:
    """Daily: overdue datasets lose the "up to date" points of their stored quality score."""
    return datasets_refresh_quality()
