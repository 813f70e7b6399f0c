"""Filters by related object that treat an id naming no object as "no results".

A client cannot know which ids exist (and the OpenAPI schema can only say "integer"), so
`?department=0` or `?plan=999999` answers an empty list rather than a 400; a value that is not
a whole number at all is still refused with a 400 and a field message. `FilterSet` uses these
for every foreign key it builds filters for; `FilterBackend` makes the API's `filterset_fields`
do the same.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.db import models
from django_filters.fields import ModelChoiceField
from django_filters.rest_framework import DjangoFilterBackend

ID_RANGE = range(-(2**63), 2**63)  # what a database id column can hold


class LenientModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if text.lstrip("-").isdigit() and int(text) not in ID_RANGE:
            # Beyond any id (SQLite cannot even bind it): matches nothing.
            return self.queryset.model(pk=0)
        try:
            return super().to_python(value)
        except ValidationError:
            text = str(value).strip()
            if text.lstrip("-").isdigit():
                # An unsaved stand-in with that id: any filter by it matches nothing.
                return self.queryset.model(pk=int(text))
            raise

    def validate(self, value):
        if value is not None and value._state.adding:
            return
        super().validate(value)


class LenientModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = LenientModelChoiceField


class FilterSet(django_filters.FilterSet):
    FILTER_DEFAULTS = {
        **django_filters.FilterSet.FILTER_DEFAULTS,
        models.ForeignKey: {
            **django_filters.FilterSet.FILTER_DEFAULTS[models.ForeignKey],
            "filter_class": LenientModelChoiceFilter,
        },
        models.OneToOneField: {
            **django_filters.FilterSet.FILTER_DEFAULTS[models.OneToOneField],
            "filter_class": LenientModelChoiceFilter,
        },
    }


class FilterBackend(DjangoFilterBackend):
    filterset_base = FilterSet
