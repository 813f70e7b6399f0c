"""One FilterSet for public feedback: the HTML list and the API share it."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .choices import PUBLIC_STATUSES, FeedbackKind, FeedbackStatus
from .models import FeedbackItem

PUBLIC_STATUS_CHOICES = [(v, label) for v, label in FeedbackStatus.choices if v in PUBLIC_STATUSES]


class FeedbackFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Стан"), choices=PUBLIC_STATUS_CHOICES, empty_label=_("усі"))
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=FeedbackKind.choices, empty_label=_("усі"))
    ordering = django_filters.OrderingFilter(
        label="Порядок",
        fields=(("vote_count", "votes"), ("created_at", "created")),
        field_labels={"vote_count": "За голосами", "created_at": "За датою"},
    )

    class Meta:
        model = FeedbackItem
        fields = ["status", "kind"]
