"""Celery tasks of the shared layer."""

from celery import shared_task

from . import outbox


@shared_task
def outbox_sweep() -> dict:
    """Beat job: hand to the broker the follow-ups that could not be sent when their action was saved."""
    return outbox.outbox_sweep()
