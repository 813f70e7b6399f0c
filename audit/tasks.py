"""Celery tasks: thin, take ids, safe to run twice."""

from celery import shared_task

from . import services


@shared_task
def send_response_invitation(response_id: int) -> bool:
    return services.response_invitation_send(response_id=response_id)


@shared_task
def send_deadline_reminders() -> int:
    return services.deadline_reminders_send()
