from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import roles

from .. import selectors, services
from ..filtersets import DatasetFilterSet
from .serializers import DatasetSerializer, DatasetUpdateSerializer, RequiredDatasetSerializer

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DatasetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The registry. Filters: department, status, frequency, overdue, due_before, required_by_835, q."""

    serializer_class = DatasetSerializer
    filterset_class = DatasetFilterSet
    ordering_fields = ["title", "next_due_date", "quality_score", "last_updated_at"]

    def get_queryset(self):
        # Personal fields are never serialised here; load them for nobody.
        return selectors.dataset_list(user=None)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    @extend_schema(methods=["GET"], responses=DatasetUpdateSerializer(many=True))
    @extend_schema(methods=["POST"], request=DatasetUpdateSerializer, responses={201: DatasetUpdateSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=DatasetUpdateSerializer, filterset_class=None)
    def updates(self, request, pk=None):
        """GET: the update log. POST: mark the dataset updated (stewards of its department, coordinators)."""
        dataset = self.get_object()
        if request.method == "POST":
            serializer = DatasetUpdateSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            entry = services.dataset_mark_updated(
                dataset=dataset,
                by=request.user,
                note=serializer.validated_data.get("note", ""),
                link=serializer.validated_data.get("link", ""),
                when=serializer.validated_data.get("updated_at"),
            )
            return Response(DatasetUpdateSerializer(entry).data, status=status.HTTP_201_CREATED)
        entries = dataset.updates.order_by("-updated_at")
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(DatasetUpdateSerializer(page, many=True).data)

    @extend_schema(
        parameters=[
            OpenApiParameter("file", str, enum=["json", "csv", "xlsx"], description="file format (default json)")
        ],
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, XLSX): OpenApiTypes.BINARY,
        },
        description="The dataset's passport (Resolution 835 fields in order) as JSON, CSV or XLSX. "
        "The responsible person (name and e-mail) only for staff.",
    )
    @action(detail=True, methods=["get"], filterset_class=None)
    def passport(self, request, pk=None):
        from ..passport_files import passport_file
        from ..passport_views import passport_response

        fmt = request.query_params.get("file") or "json"
        if fmt not in ("json", "csv", "xlsx"):
            raise ValidationError({"file": "Формат паспорта: json, csv або xlsx."})
        personal = roles.is_staff_member(request.user)
        dataset = self.get_object()
        if personal:  # staff: the personal fields, which the public queryset does not load
            dataset = selectors.dataset_list(user=request.user).get(pk=dataset.pk)
        return passport_response(passport_file(dataset, fmt, personal=personal), fmt, f"passport-{dataset.slug}")


class RequiredDatasetViewSet(viewsets.ReadOnlyModelViewSet):
    """The Resolution 835 list with how many registry datasets answer each entry."""

    serializer_class = RequiredDatasetSerializer
    filterset_class = None
    filterset_fields = ["applies_to"]

    def get_queryset(self):
        return selectors.required_dataset_list()
