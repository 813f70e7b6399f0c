"""Reads of the audit app: permission-scoped querysets built once, a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from accounts import roles
from common.collation import uk_order

from .choices import PUBLISHABLE_VALUES, SUBMITTED_RESPONSE_STATUSES, CampaignStatus, PersonalData, ReviewDecision
from .models import AuditCampaign, AuditResponse, InformationResource

_PUBLISHABLE = Q(resources__can_publish__in=PUBLISHABLE_VALUES)
_PERSONAL = Q(resources__personal_data__in=(PersonalData.YES, PersonalData.PARTLY))
_PUBLIC_CAMPAIGN = Q(status=CampaignStatus.CLOSED) | Q(results_published=True)


def _with_resource_counts(queryset):
    return queryset.annotate(
        resources_count=Count("resources", distinct=True),
        publishable_count=Count("resources", filter=_PUBLISHABLE, distinct=True),
        personal_count=Count("resources", filter=_PERSONAL, distinct=True),
    )


# --- campaigns -----------------------------------------------------------------------------------------


def campaign_list(*, user):
    """Coordinators: every campaign; department heads: campaigns they take part in; others: published."""
    queryset = AuditCampaign.objects.all()
    if roles.is_coordinator(user):
        return queryset
    if roles.is_department_head(user):
        own = Q(responses__department_id=user.department_id) & ~Q(status=CampaignStatus.DRAFT)
        return queryset.filter(own | _PUBLIC_CAMPAIGN).distinct()
    return queryset.filter(_PUBLIC_CAMPAIGN)


def public_campaign_list():
    return AuditCampaign.objects.filter(_PUBLIC_CAMPAIGN)


def campaign_dashboard_rows(*, campaign):
    """One row per response with its counts, for the coordinator's dashboard."""
    return _with_resource_counts(AuditResponse.objects.filter(campaign=campaign).select_related("department")).order_by(
        uk_order("department__name")
    )


@dataclass
class Totals:
    departments: int = 0
    submitted: int = 0
    resources: int = 0
    publishable: int = 0
    personal: int = 0

    @property
    def publishable_share(self) -> float | None:
        return self.publishable / self.resources if self.resources else None

    @property
    def personal_share(self) -> float | None:
        return self.personal / self.resources if self.resources else None


def totals_of(rows) -> Totals:
    totals = Totals()
    for row in rows:
        totals.departments += 1
        totals.submitted += row.status in SUBMITTED_RESPONSE_STATUSES
        totals.resources += row.resources_count
        totals.publishable += row.publishable_count
        totals.personal += row.personal_count
    return totals


# --- responses and resources -------------------------------------------------------------------------


def response_list(*, user):
    queryset = AuditResponse.objects.select_related("campaign", "department")
    if roles.is_coordinator(user):
        return queryset
    if roles.is_department_head(user):
        return queryset.filter(department_id=user.department_id).exclude(campaign__status=CampaignStatus.DRAFT)
    return queryset.none()


def response_list_with_counts(*, user):
    return _with_resource_counts(response_list(user=user)).order_by("campaign__deadline", uk_order("department__name"))


def response_detail(*, user, pk):
    """The response with its resources (and their datasets), or DoesNotExist if the user may not see it."""
    resources = InformationResource.objects.select_related("dataset", "reviewed_by").order_by("id")
    return (
        response_list(user=user)
        .select_related("submitted_by")
        .prefetch_related(Prefetch("resources", queryset=resources))
        .get(pk=pk)
    )


def resource_list(*, user):
    queryset = InformationResource.objects.select_related("response__campaign", "response__department", "dataset")
    if roles.is_coordinator(user):
        return queryset
    if roles.is_department_head(user):
        return queryset.filter(response__department_id=user.department_id).exclude(
            response__campaign__status=CampaignStatus.DRAFT
        )
    return queryset.none()


def campaign_resources_for_export(*, campaign):
    return (
        InformationResource.objects.filter(response__campaign=campaign)
        .select_related("response__department", "dataset")
        .order_by(uk_order("response__department__name"), "id")
    )


# --- public results ----------------------------------------------------------------------------------


def public_resources(*, campaign):
    """Resources of a published campaign that can be published: submitted, not rejected."""
    return (
        InformationResource.objects.filter(
            response__campaign=campaign,
            response__status__in=SUBMITTED_RESPONSE_STATUSES,
            can_publish__in=PUBLISHABLE_VALUES,
        )
        .exclude(review_decision=ReviewDecision.REJECTED)
        .select_related("response__department", "dataset")
        .order_by(uk_order("response__department__name"), uk_order("name"))
    )


def public_department_rows(*, campaign):
    """Per department counts of a published campaign (submitted questionnaires only)."""
    return _with_resource_counts(
        AuditResponse.objects.filter(campaign=campaign, status__in=SUBMITTED_RESPONSE_STATUSES).select_related(
            "department"
        )
    ).order_by(uk_order("department__name"))
