"""Read-only plan API; progress updates are posted through plan.services.task_add_progress."""

import json

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from accounts import roles
from accounts.models import Department
from common.filters import FilterSet, LenientModelChoiceFilter

from .. import selectors, services, verification
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
        fields = ("status", "narrative", "date", "percent", "period", "delay_reason", "next_steps")
        payload = {k: data.get(k) for k in fields if data.get(k) not in (None, "")}
        payload["links"] = [link for value in data.getlist("links") for link in _form_links(value)]
        payload["files"] = request.FILES.getlist("files")
        return payload
    payload = {k: v for k, v in data.items() if k != "files"}
    links = payload.get("links") or []
    if isinstance(links, list):
        payload["links"] = [{"url": link} if isinstance(link, str) else link for link in links]
    return payload


# The sections come from the visibility rule, so a draft plan's id filters to an empty list,
# exactly like an id that does not exist.
class SectionFilterSet(FilterSet):
    plan = LenientModelChoiceFilter(field_name="principle__plan", queryset=ActionPlan.objects.all())

    class Meta:
        model = Section
        fields = ["plan", "principle"]


# Every queryset below comes from the visibility rule in plan.selectors (drafts: staff only).
class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.PlanSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.plans_visible_to(self.request.user).order_by("-start_quarter", "id")


class PrincipleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.PrincipleSerializer
    filterset_fields = ["plan"]

    def get_queryset(self):
        return selectors.principles_for(self.request.user)


class SectionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.SectionSerializer
    filterset_class = SectionFilterSet

    def get_queryset(self):
        return selectors.sections_for(self.request.user)


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
        return selectors.tasks_for(self.request.user, "view")

    @extend_schema(methods=["GET"], responses=serializers.ProgressUpdateSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=serializers.ProgressInputSerializer,
        responses={201: serializers.ProgressUpdateSerializer},
    )
    @action(detail=True, methods=["get", "post"], filterset_class=None, ordering_fields=None)
    def progress(self, request, pk=None):
        task = get_object_or_404(selectors.tasks_for(request.user, "view"), pk=pk)
        if request.method == "POST":
            payload = serializers.ProgressInputSerializer(data=_progress_input(request), context={"task": task})
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
                period=fields.get("period"),
                delay_reason=fields.get("delay_reason", ""),
                next_steps=fields.get("next_steps", ""),
                indicator_values=fields.get("indicator_values", []),
            )
            update = selectors.task_updates(task=task).get(pk=update.pk)
            return Response(
                serializers.ProgressUpdateSerializer(update, context={"request": request}).data,
                status=status.HTTP_201_CREATED,
            )
        # The public sees accepted updates; staff also those awaiting review or returned.
        updates = selectors.task_updates(task=task, public=not roles.is_staff_member(request.user))
        page = self.paginate_queryset(updates)
        data = serializers.ProgressUpdateSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)


class ProgressReviewViewSet(viewsets.GenericViewSet):
    """Accept or return a progress update awaiting review (the lead department's head or a
    coordinator; ``plan.verification``). Updates outside the user's review scope answer 404."""

    serializer_class = serializers.ProgressUpdateSerializer
    filterset_class = None
    ordering_fields = None

    def get_queryset(self):
        # Writing needs a staff role (the default permission): the rest never get here.
        return verification.updates_to_review(user=self.request.user)

    def _decide(self, request, decide):
        update = self.get_object()
        payload = serializers.ReviewInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update = decide(update=update, by=request.user, comment=payload.validated_data.get("comment", ""))
        update = selectors.task_updates(task=update.task).get(pk=update.pk)
        return Response(serializers.ProgressUpdateSerializer(update, context={"request": request}).data)

    @extend_schema(request=serializers.ReviewInputSerializer, responses=serializers.ProgressUpdateSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._decide(request, verification.update_accept)

    @extend_schema(request=serializers.ReviewInputSerializer, responses=serializers.ProgressUpdateSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        return self._decide(request, verification.update_return)
