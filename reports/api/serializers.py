from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..context import headline
from ..models import QuarterlyReport


class QuarterlyReportSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()
    headline = serializers.SerializerMethodField()

    class Meta:
        model = QuarterlyReport
        fields = [
            "id",
            "year",
            "quarter",
            "version",
            "label",
            "generated_at",
            "size",
            "checksum",
            "download_url",
            "headline",
        ]

    def get_label(self, report) -> str:
        return report.period.label()

    def get_download_url(self, report) -> str:
        from django.urls import reverse

        url = reverse("reports:download", args=[report.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_headline(self, report) -> dict:
        """The snapshot's headline figures: {key: {"label": ..., "value": ...}} as printed in the PDF."""
        return headline(report.snapshot)
