import django_filters

from accounts.models import Department
from common.filters import FilterSet, LenientModelChoiceFilter

from .choices import CampaignStatus, Publishable, ResponseStatus, ReviewDecision
from .models import AuditCampaign, AuditResponse, InformationResource


class AuditCampaignFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=CampaignStatus.choices)

    class Meta:
        model = AuditCampaign
        fields = ["status"]


class AuditResponseFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(choices=ResponseStatus.choices)

    class Meta:
        model = AuditResponse
        fields = ["campaign", "department", "status"]


class InformationResourceFilterSet(FilterSet):
    campaign = LenientModelChoiceFilter(field_name="response__campaign", queryset=AuditCampaign.objects.all())
    department = LenientModelChoiceFilter(field_name="response__department", queryset=Department.objects.all())
    can_publish = django_filters.ChoiceFilter(choices=Publishable.choices)
    review_decision = django_filters.ChoiceFilter(choices=ReviewDecision.choices)

    class Meta:
        model = InformationResource
        fields = ["response", "campaign", "department", "can_publish", "review_decision"]
