"""TaskFilterSet: the same filters for the public task list, the API and exports.

Use it on ``plan.selectors.task_list()``::

    filterset = TaskFilterSet(request.GET, queryset=task_list(plan=plan))
    if filterset.is_valid(): tasks = filterset.qs   # else: filterset.errors (Ukrainian)

Parameters: plan, principle, section, department (ids), status, overdue=true|false,
active_in=2019Q4, q (words in the title, content or indicators).
"""

import re

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.models import Department
from common.filters import FilterSet, LenientModelChoiceFilter
from common.quarters import Quarter

from . import selectors
from .choices import TaskStatus
from .models import Task, TaskDepartment
from .selectors import active_in_q, overdue_q

CHOICE_ERROR = "Оберіть одне з можливих значень; «%(value)s» не підходить."


# The API's pattern for a quarter (the schema says the same), ASCII digits, year from 1000.
QUARTER_PATTERN = r"^[1-9][0-9]{3}-?[Qq][1-4]$"


class QuarterField(forms.CharField):
    """'2019Q4' -> Quarter; an error in Ukrainian otherwise."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            if not re.match(QUARTER_PATTERN, value, re.ASCII):
                raise ValueError(value)
            return Quarter.parse(value)
        except ValueError:
            raise forms.ValidationError(
                "Квартал має бути у форматі РРРРQН, наприклад 2019Q4; отримано «%(value)s».",
                code="invalid",
                params={"value": value},
            ) from None


@extend_schema_field({"type": "string", "pattern": QUARTER_PATTERN, "example": "2019Q4"})
class QuarterFilter(django_filters.Filter):
    field_class = QuarterField


class YesNoField(forms.TypedChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("", "—"), ("true", _("так")), ("false", _("ні"))])
        kwargs["coerce"] = lambda v: v == "true"
        kwargs["empty_value"] = None
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_choice"] = "Значення має бути true або false; отримано «%(value)s»."


@extend_schema_field(OpenApiTypes.BOOL)
class YesNoFilter(django_filters.Filter):
    field_class = YesNoField


def _user(request):
    return getattr(request, "user", None)


def visible_plans(request):
    return selectors.plans_visible_to(_user(request))


def visible_principles(request):
    return selectors.principles_for(_user(request))


def visible_sections(request):
    return selectors.sections_for(_user(request))


def _model_choice(queryset, label, **kwargs):
    return LenientModelChoiceFilter(
        queryset=queryset,
        label=label,
        error_messages={"invalid_choice": "Немає такого об’єкта (%(value)s)."},
        **kwargs,
    )


class TaskFilterSet(FilterSet):
    # Choices come from the visibility rule: a draft plan's id is "no such object" to the public.
    plan = _model_choice(visible_plans, _("План"))
    principle = _model_choice(visible_principles, _("Принцип хартії"), field_name="section__principle")
    section = _model_choice(visible_sections, _("Розділ"))
    department = _model_choice(
        Department.objects.all(), _("Виконавчий орган"), field_name="departments", method="filter_department"
    )
    status = django_filters.ChoiceFilter(
        choices=TaskStatus.choices, label=_("Стан виконання"), error_messages={"invalid_choice": CHOICE_ERROR}
    )
    overdue = YesNoFilter(label=_("Прострочені"), method="filter_overdue")
    active_in = QuarterFilter(label=_("Виконується в кварталі"), method="filter_active_in")
    q = django_filters.CharFilter(label=_("Пошук"), method="filter_search")

    class Meta:
        model = Task
        fields = ["plan", "principle", "section", "department", "status", "overdue", "active_in", "q"]

    def filter_department(self, queryset, name, value):
        links = TaskDepartment.objects.filter(task=OuterRef("pk"), department=value)
        return queryset.filter(Exists(links))

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())

    def filter_active_in(self, queryset, name, value):
        return queryset.filter(active_in_q(value))

    def filter_search(self, queryset, name, value):
        # SQLite's LIKE ignores case only for ASCII; try the usual Cyrillic spellings too.
        condition = Q()
        for word in value.split()[:8]:
            variants = {word, word.lower(), word.capitalize(), word.upper()}
            word_q = Q()
            for variant in variants:
                for field in ("title", "description", "indicators_text"):
                    word_q |= Q(**{f"{field}__icontains": variant})
            condition &= word_q
        return queryset.filter(condition)
