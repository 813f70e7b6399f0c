import django_filters

from .choices import CampaignStatus, Publishable, ResponseStatus, ReviewDecision
from .models import AuditCampaign, AuditResponse, InformationResource


class AuditCampaignFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=CampaignStatus.choices)

    class Meta:
        model = AuditCampaign
        fields = ["status"]


class AuditResponseFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ResponseStatus.choices)

    class Meta:
        model = AuditResponse
        fields = ["campaign", "department", "status"]


class InformationResourceFilterSet(django_filters.FilterSet):
    campaign = django_filters.NumberFilter(field_name="response__campaign")
    department = django_filters.NumberFilter(field_name="response__department")
    can_publish = django_filters.ChoiceFilter(choices=Publishable.choices)
    review_decision = django_filters.ChoiceFilter(choices=ReviewDecision.choices)

    class Meta:
        model = InformationResource
        fields = ["response", "campaign", "department", "can_publish", "review_decision"]
