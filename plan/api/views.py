"""Read-only plan API; progress updates are posted through plan.services.task_add_progress."""

import json

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from accounts.models import Department
from common.filters import FilterSet, LenientModelChoiceFilter

from .. import selectors, services
from ..filtersets import TaskFilterSet
from ..models import ActionPlan, Section
from . import serializers


def _form_links(value: str) -> list:
    """A form's `links` part: a URL, or (as OpenAPI encodes an array of objects in multipart) JSON."""
    text = (value or "").strip()
    if text[:1] in ("[", "{"):
        try:
            parsed = json.loads(text)
        except ValueError:
            return [{"url": text}]  # refused as a URL, with the field's message
        items = parsed if isinstance(parsed, list) else [parsed]
        return [{"url": item} if isinstance(item, str) else item for item in items]
    return [{"url": text}] if text else []


def _progress_input(request) -> dict:
    """The POST body as JSON or as a form (multipart with files); links as URLs or {url, title}."""
    data = request.data
    if hasattr(data, "getlist"):
        payload = {k: data.get(k) for k in ("status", "narrative", "date", "percent") if data.get(k) not in (None, "")}
        payload["links"] = [link for value in data.getlist("links") for link in _form_links(value)]
        payload["files"] = request.FILES.getlist("files")
        return payload
    payload = {k: v for k, v in data.items() if k != "files"}
    links = payload.get("links") or []
    if isinstance(links, list):
        payload["links"] = [{"url": link} if isinstance(link, str) else link for link in links]
    return payload


class SectionFilterSet(FilterSet):
    plan = LenientModelChoiceFilter(field_name="principle__plan", queryset=ActionPlan.objects.all())

    class Meta:
        model = Section
        fields = ["plan", "principle"]


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = ActionPlan.objects.order_by("-start_quarter", "id")
    serializer_class = serializers.PlanSerializer
    filterset_fields = ["status"]


class PrincipleViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = selectors.principle_list()
    serializer_class = serializers.PrincipleSerializer
    filterset_fields = ["plan"]


class SectionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = selectors.section_list()
    serializer_class = serializers.SectionSerializer
    filterset_class = SectionFilterSet


class DepartmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.DepartmentSerializer

    def get_queryset(self):
        return Department.objects.alphabetical()


class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    """Tasks with periods, status and overdue flag; filters as TaskFilterSet."""

    serializer_class = serializers.TaskSerializer
    filterset_class = TaskFilterSet
    ordering_fields = ["position", "due_date", "status"]

    def get_queryset(self):
        return selectors.task_list()

    @extend_schema(methods=["GET"], responses=serializers.ProgressUpdateSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=serializers.ProgressInputSerializer,
        responses={201: serializers.ProgressUpdateSerializer},
    )
    @action(detail=True, methods=["get", "post"], filterset_class=None, ordering_fields=None)
    def progress(self, request, pk=None):
        task = get_object_or_404(selectors.task_list(), pk=pk)
        if request.method == "POST":
            payload = serializers.ProgressInputSerializer(data=_progress_input(request))
            payload.is_valid(raise_exception=True)
            fields = payload.validated_data
            update = services.task_add_progress(
                task=task,
                author=request.user,
                status=fields["status"],
                narrative=fields["narrative"],
                date=fields.get("date"),
                percent=fields.get("percent"),
                links=fields.get("links", []),
                files=fields.get("files", []),
            )
            update = selectors.task_updates(task=task).get(pk=update.pk)
            return Response(
                serializers.ProgressUpdateSerializer(update, context={"request": request}).data,
                status=status.HTTP_201_CREATED,
            )
        updates = selectors.task_updates(task=task)
        page = self.paginate_queryset(updates)
        data = serializers.ProgressUpdateSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)
