"""One FilterSet for the HTML list, the API and exports."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.models import Department
from common.filters import FilterSet, LenientModelChoiceFilter

from .choices import DatasetStatus, Frequency
from .models import Dataset

BOOLEAN_CHOICES = [("", "усі"), ("true", "так"), ("false", "ні")]


class DatasetFilterSet(FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Пошук")
    department = LenientModelChoiceFilter(queryset=Department.objects.all(), label="Підрозділ")
    status = django_filters.ChoiceFilter(choices=DatasetStatus.choices, label="Стан")
    frequency = django_filters.ChoiceFilter(choices=Frequency.choices, label="Періодичність")
    overdue = django_filters.TypedChoiceFilter(
        choices=BOOLEAN_CHOICES, method="filter_overdue", label="Прострочені", coerce=lambda v: v == "true"
    )
    due_before = django_filters.DateFilter(field_name="next_due_date", lookup_expr="lte", label="Термін до")
    required_by_835 = django_filters.TypedChoiceFilter(
        choices=BOOLEAN_CHOICES, method="filter_required", label="За Постановою 835", coerce=lambda v: v == "true"
    )

    class Meta:
        model = Dataset
        fields = ["q", "department", "status", "frequency", "overdue", "due_before", "required_by_835"]

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.filters["department"].queryset = Department.objects.alphabetical()

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(keywords__icontains=value)
            | Q(identifier__iexact=value)
        )

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_overdue(self, queryset, name, value):
        overdue = Q(status=DatasetStatus.PUBLISHED, next_due_date__lt=self.today)
        return queryset.filter(overdue) if value else queryset.exclude(overdue)

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_required(self, queryset, name, value):
        return queryset.filter(required_by_835__isnull=not value)
