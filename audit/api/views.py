"""API of the audit: the same selectors (who sees what) and services (who may write) as the pages."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.generics import get_object_or_404  # a malformed id is a 404, not a 500
from rest_framework.response import Response

from accounts import roles

from .. import selectors, services
from ..filtersets import AuditCampaignFilterSet, AuditResponseFilterSet, InformationResourceFilterSet
from .serializers import (
    AuditCampaignSerializer,
    AuditResponseSerializer,
    DepartmentSummarySerializer,
    InformationResourceSerializer,
    PublicResourceSerializer,
    ReturnSerializer,
    ReviewSerializer,
)


class IsAuditParticipant(permissions.BasePermission):
    """Questionnaires are not public: coordinators and department heads only."""

    def has_permission(self, request, view):
        return roles.is_coordinator(request.user) or roles.is_department_head(request.user)


class CoordinatorWrites(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or roles.is_coordinator(request.user)


class AuditCampaignViewSet(viewsets.ReadOnlyModelViewSet):
    """Anyone: published campaigns and their summaries; participants: their campaigns; coordinators: all."""

    serializer_class = AuditCampaignSerializer
    filterset_class = AuditCampaignFilterSet
    permission_classes = [CoordinatorWrites]
    ordering_fields = ["start_date", "deadline", "title"]

    def get_queryset(self):
        return selectors.campaign_list(user=self.request.user).order_by("-start_date", "-id")

    @extend_schema(
        filters=False,
        responses=inline_serializer(
            "AuditCampaignSummary",
            fields={
                "campaign": AuditCampaignSerializer(),
                "departments": DepartmentSummarySerializer(many=True),
                "resources": PublicResourceSerializer(many=True),
            },
        ),
    )
    @action(detail=True, methods=["get"], permission_classes=[permissions.AllowAny])
    def summary(self, request, pk=None):
        """The published results: per department counts and the publishable resources (no personal data)."""
        campaign = get_object_or_404(selectors.public_campaign_list(), pk=pk)
        return Response(
            {
                "campaign": AuditCampaignSerializer(campaign).data,
                "departments": DepartmentSummarySerializer(
                    selectors.public_department_rows(campaign=campaign), many=True
                ).data,
                "resources": PublicResourceSerializer(selectors.public_resources(campaign=campaign), many=True).data,
            }
        )

    def _run(self, service, pk):
        campaign = get_object_or_404(self.get_queryset(), pk=pk)
        service(campaign=campaign, by=self.request.user)
        campaign.refresh_from_db()
        return Response(AuditCampaignSerializer(campaign).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def open(self, request, pk=None):
        return self._run(services.campaign_open, pk)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._run(services.campaign_close, pk)


class AuditResponseViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Department heads: their department's questionnaires (notes editable while open); coordinators: all."""

    serializer_class = AuditResponseSerializer
    filterset_class = AuditResponseFilterSet
    permission_classes = [IsAuditParticipant]
    ordering_fields = ["status", "submitted_at"]
    http_method_names = ["get", "patch", "post", "head", "options"]

    def get_queryset(self):
        return selectors.response_list_with_counts(user=self.request.user)

    def _response(self):
        return self.get_object()

    def perform_update(self, serializer):
        response = self._response()
        services.response_save_draft(
            response=response, by=self.request.user, notes=serializer.validated_data.get("notes", response.notes)
        )

    def update(self, request, *args, **kwargs):
        super().update(request, *args, **kwargs)
        return Response(self.get_serializer(self._response()).data)

    def _done(self):
        return Response(self.get_serializer(self._response()).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        services.response_submit(response=self._response(), by=request.user)
        return self._done()

    @extend_schema(request=ReturnSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        data = ReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.response_return(response=self._response(), by=request.user, comment=data.validated_data["comment"])
        return self._done()

    @extend_schema(
        request=None,
        responses=inline_serializer(
            "AuditPromotionResult",
            fields={
                "created": serializers.ListField(child=serializers.CharField(), help_text="Нові заплановані набори"),
                "linked": serializers.ListField(child=serializers.CharField(), help_text="Пов’язані з наявними"),
                "already": serializers.ListField(child=serializers.CharField(), help_text="Уже були в реєстрі"),
            },
        ),
    )
    @action(detail=True, methods=["post"])
    def promote(self, request, pk=None):
        result = services.response_promote(response=self._response(), by=request.user)
        return Response(
            {
                "created": [r.dataset.identifier for r in result.created],
                "linked": [r.dataset.identifier for r in result.linked],
                "already": [r.dataset.identifier for r in result.already],
            }
        )


class InformationResourceViewSet(viewsets.ModelViewSet):
    """Department heads write their own resources while the questionnaire is editable; coordinators review."""

    serializer_class = InformationResourceSerializer
    filterset_class = InformationResourceFilterSet
    permission_classes = [IsAuditParticipant]
    ordering_fields = ["name", "id"]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return selectors.resource_list(user=self.request.user).order_by("id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        response = data.pop("response")
        if not selectors.response_list(user=self.request.user).filter(pk=response.pk).exists():
            raise NotFound("Анкету не знайдено.")
        serializer.instance = services.resource_add(response=response, by=self.request.user, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("response", None)
        serializer.instance = services.resource_edit(resource=serializer.instance, by=self.request.user, **data)

    def perform_destroy(self, instance):
        services.resource_delete(resource=instance, by=self.request.user)

    @extend_schema(request=ReviewSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        data = ReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        resource = services.resource_review(resource=self.get_object(), by=request.user, **data.validated_data)
        return Response(self.get_serializer(resource).data)
