"""Celery tasks of the reports app: thin, take ids, safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from common.quarters import Quarter

from . import services


@shared_task
def quarterly_report_scheduled(quarter: str | None = None) -> int:
    """Beat job (first day of each quarter): build the previous quarter's report once, and send it.

    The run is keyed by quarter (``run_key="beat:2019Q4"``): running it twice returns the report the
    first run built, and a report already sent is not sent again.
    """
    period = Quarter.parse(quarter) if quarter else Quarter.containing(timezone.localdate()).previous()
    report = services.report_generate(year=period.year, quarter=period.number, run_key=f"beat:{period}")
    if report.sent_at is None:
        services.report_send(report=report)
    return report.pk


@shared_task
def report_generate_task(year: int, quarter: int, user_id: int | None, run_key: str) -> int:
    """ "Generate now" from the coordinator's workspace; ``run_key`` makes a redelivered message harmless."""
    from accounts.models import User

    by = User.objects.filter(pk=user_id).first() if user_id else None
    return services.report_generate(year=year, quarter=quarter, by=by, run_key=run_key).pk


@shared_task
def final_report_task(plan_id: int, user_id: int | None) -> int | None:
    """A finished plan's final report, asked for from the workspace. Keyed by plan
    (``final:<id>`` in ``final_report_generate``), so a redelivered message builds nothing twice."""
    from accounts.models import User
    from plan.models import ActionPlan

    plan = ActionPlan.objects.filter(pk=plan_id).first()
    if plan is None:
        return None
    by = User.objects.filter(pk=user_id).first() if user_id else None
    return services.final_report_generate(plan=plan, by=by).pk
