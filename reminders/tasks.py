"""Celery tasks: thin, take ids or dates, safe to run twice (see services)."""

import datetime as dt
import logging
import smtplib

from celery import shared_task
from django.conf import settings

from . import services

logger = logging.getLogger(__name__)

# Errors worth retrying: the SMTP server refused or failed, or could not be reached.
SMTP_ERRORS = (smtplib.SMTPException, OSError)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@shared_task
def send_daily_reminders(date: str | None = None) -> dict:
    """Beat job, daily: dataset digests to stewards and plan task reminders."""
    return services.reminders_run(date=_date(date), daily=True, escalation=False).as_dict()


@shared_task
def send_weekly_escalation(date: str | None = None) -> dict:
    """Beat job, weekly: long-overdue datasets to coordinators and department heads."""
    return services.reminders_run(date=_date(date), daily=False, escalation=True).as_dict()


@shared_task
def send_reminders_for_date(date: str | None = None) -> dict:
    """What `manage.py send_reminders` does: the daily job, plus the escalation on its weekday."""
    return services.reminders_run(date=_date(date)).as_dict()


@shared_task(
    bind=True,
    autoretry_for=SMTP_ERRORS,
    retry_backoff=True,
    retry_backoff_max=settings.REMINDER_RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=settings.REMINDER_MAX_RETRIES,
)
def send_reminder(self, log_id: int) -> bool:
    """Send one digest from the log; SMTP errors are retried with exponential backoff."""
    return services.reminder_send(log_id=log_id, final_attempt=self.request.retries >= self.max_retries)
