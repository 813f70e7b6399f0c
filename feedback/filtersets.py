"""One FilterSet for public feedback: the HTML list and the API share it."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .choices import PUBLIC_STATUSES, FeedbackKind, FeedbackStatus
from .models import FeedbackItem

PUBLIC_STATUS_CHOICES = [(v, label) for v, label in FeedbackStatus.choices if v in PUBLIC_STATUSES]


class TieBrokenOrderingFilter(django_filters.OrderingFilter):
    """Every order ends with the newest first and the id, as the ``feedback_votes_order`` index
    does: pages are stable and "most voted" reads the index instead of sorting every row."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if not value:
            return qs
        descending = str(value[0]).startswith("-")
        tail = ("-created_at", "-pk") if descending else ("created_at", "pk")
        fields = list(qs.query.order_by)
        return qs.order_by(*fields, *(f for f in tail if f.lstrip("-") not in {x.lstrip("-") for x in fields}))


class FeedbackFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Стан"), choices=PUBLIC_STATUS_CHOICES, empty_label=_("усі"))
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=FeedbackKind.choices, empty_label=_("усі"))
    ordering = TieBrokenOrderingFilter(
        label="Порядок",
        fields=(("vote_count", "votes"), ("created_at", "created")),
        field_labels={"vote_count": "За голосами", "created_at": "За датою"},
    )

    class Meta:
        model = FeedbackItem
        fields = ["status", "kind"]
