"""Reads of the reports app."""

from django.db.models import QuerySet

from .models import QuarterlyReport


def report_list() -> QuerySet[QuarterlyReport]:
    """Every stored report, newest quarter and version first (one query; the snapshot is loaded)."""
    return QuarterlyReport.objects.select_related("generated_by").order_by("-year", "-quarter", "-version")
