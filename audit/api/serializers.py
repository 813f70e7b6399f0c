from rest_framework import serializers

from ..models import AuditCampaign, AuditResponse, InformationResource
from ..services import RESOURCE_FIELDS


class AuditCampaignSerializer(serializers.ModelSerializer):
    results_url = serializers.SerializerMethodField()

    class Meta:
        model = AuditCampaign
        fields = [
            "id",
            "title",
            "methodology",
            "methodology_version",
            "start_date",
            "deadline",
            "status",
            "results_published",
            "results_url",
        ]
        read_only_fields = fields

    def get_results_url(self, obj) -> str | None:
        from django.urls import reverse

        return reverse("audit:results", args=[obj.pk]) if obj.is_public else None


class DepartmentSummarySerializer(serializers.Serializer):
    department = serializers.CharField(source="department.name")
    resources = serializers.IntegerField(source="resources_count")
    publishable = serializers.IntegerField(source="publishable_count")
    with_personal_data = serializers.IntegerField(source="personal_count")


class PublicResourceSerializer(serializers.ModelSerializer):
    """What the public sees of a resource: no responsible person, no e-mail, no internal notes."""

    department = serializers.CharField(source="response.department.name")
    dataset = serializers.CharField(source="dataset.identifier", default=None)

    class Meta:
        model = InformationResource
        fields = [
            "name",
            "description",
            "department",
            "form",
            "formats",
            "frequency",
            "can_publish",
            "published_url",
            "dataset",
        ]
        read_only_fields = fields


class AuditResponseSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    resources_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = AuditResponse
        fields = [
            "id",
            "campaign",
            "department",
            "department_name",
            "status",
            "notes",
            "submitted_at",
            "returned_comment",
            "returned_at",
            "reviewed_at",
            "resources_count",
        ]
        read_only_fields = [f for f in fields if f != "notes"]


class InformationResourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = InformationResource
        fields = ["id", "response", *RESOURCE_FIELDS, "review_decision", "review_comment", "reviewed_at", "dataset"]
        read_only_fields = ["id", "review_decision", "review_comment", "reviewed_at", "dataset"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            fields["response"].read_only = True
        return fields


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accepted", "rejected"])
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField()
