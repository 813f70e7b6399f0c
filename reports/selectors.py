"""Reads of the reports app."""

from django.db.models import QuerySet

from .models import QuarterlyReport


def report_list() -> QuerySet[QuarterlyReport]:
    """Every stored report, newest quarter and version first, with its CSV attachments (two queries;
    the snapshot is loaded)."""
    return (
        QuarterlyReport.objects.select_related("generated_by")
        .prefetch_related("attachments")
        .order_by("-year", "-quarter", "-version")
    )
