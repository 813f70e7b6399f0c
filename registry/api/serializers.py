import datetime as dt

from django.utils.translation import gettext as _
from rest_framework import serializers

from ..models import UPDATE_NOTE_MAX, Dataset, DatasetUpdate, RequiredDataset


class DepartmentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class RequiredDatasetSerializer(serializers.ModelSerializer):
    applies_to_label = serializers.CharField(source="get_applies_to_display", read_only=True)
    dataset_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = RequiredDataset
        fields = ["id", "title", "applies_to", "applies_to_label", "position", "dataset_count"]


class DatasetSerializer(serializers.ModelSerializer):
    """Public fields only: no responsible person, no e-mail."""

    department = DepartmentRefSerializer(read_only=True)
    required_by_835 = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    frequency_label = serializers.CharField(source="get_frequency_display", read_only=True)
    theme_label = serializers.CharField(source="get_theme_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    keywords = serializers.ListField(source="keyword_list", child=serializers.CharField(), read_only=True)
    formats = serializers.ListField(source="format_list", child=serializers.CharField(), read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Dataset
        fields = [
            "id", "identifier", "slug", "title", "description", "department", "keywords", "language", "formats",
            "license", "purpose", "theme", "theme_label", "temporal_start", "temporal_end",
            "required_by_835", "status", "status_label", "first_published", "portal_url",
            "data_gov_ua_url", "source", "frequency", "frequency_label", "schedule_mode", "calendar_offset_days",
            "grace_days", "last_updated_at", "next_due_date", "overdue", "quality_score",
        ]  # fmt: skip

    def get_overdue(self, obj) -> bool:
        today = self.context.get("today")
        return bool(obj.status == "published" and obj.next_due_date and today and obj.next_due_date < today)


class DatasetUpdateSerializer(serializers.ModelSerializer):
    when = serializers.DateTimeField(source="updated_at", required=False)
    note = serializers.CharField(max_length=UPDATE_NOTE_MAX, required=False, allow_blank=True)

    # Older dates are typing errors (and before 1900 the local zone has no whole-minute offset).
    EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

    class Meta:
        model = DatasetUpdate
        fields = ["id", "when", "note", "link"]

    def validate_when(self, value):
        if value < self.EARLIEST:
            raise serializers.ValidationError(_("Дата оновлення не може бути раніше 2000 року."))
        return value
