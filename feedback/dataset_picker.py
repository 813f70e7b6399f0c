"""The feedback form's dataset picker: search as you type on the server, resolve what was typed.

The form renders no list of datasets (100,000 at a large registry): a text input with an empty
``<datalist>``, which static/js/dataset-picker.js fills from :func:`dataset_search_view`. Without
JavaScript the visitor types the dataset's slug or title and :func:`resolve_dataset` finds it.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from registry.models import Dataset

SEARCH_LIMIT = 20
QUERY_MIN, QUERY_MAX = 2, 100
# "Title (slug)": what a picked suggestion may look like once the browser fills it in.
_TRAILING_SLUG = re.compile(r"\(([A-Za-z0-9_-]+)\)\s*$")


def _searchable():
    # Every dataset of the registry is public (its pages list planned ones too); personal fields stay out.
    return Dataset.objects.only("pk", "slug", "title")


def dataset_search(query: str, *, limit: int = SEARCH_LIMIT) -> list[dict]:
    """At most ``limit`` datasets whose title contains ``query`` or whose slug starts with it."""
    query = (query or "").strip()[:QUERY_MAX]
    if len(query) < QUERY_MIN:
        return []
    # SQLite's LIKE ignores case for Latin letters only; its REGEXP (Python's re) ignores it for Cyrillic too.
    title = {"title__iregex": re.escape(query)} if connection.vendor == "sqlite" else {"title__icontains": query}
    matches = _searchable().filter(Q(**title) | Q(slug__istartswith=query)).order_by("title", "pk")
    return [{"slug": d.slug, "title": d.title} for d in matches[:limit]]


def dataset_search_view(request):
    """GET ?q=…: JSON ``{"results": [{"slug", "title"}, …]}``, at most SEARCH_LIMIT rows."""
    return JsonResponse({"results": dataset_search(request.GET.get("q", ""))})


def resolve_dataset(value: str) -> Dataset | None:
    """The dataset meant by what was typed: its slug, "title (slug)", its exact title, or its id
    (forms filled before the picker sent ids). Empty: None. Raises ValidationError in Ukrainian."""
    value = (value or "").strip()
    if not value:
        return None
    slug = _TRAILING_SLUG.search(value)
    candidates = [slug.group(1), value] if slug else [value]
    for candidate in candidates:
        found = _searchable().filter(slug__iexact=candidate).first()
        if found:
            return found
    exact = {"title__iregex": f"^{re.escape(value)}$"} if connection.vendor == "sqlite" else {"title__iexact": value}
    by_title = list(_searchable().filter(**exact).order_by("pk")[:2])
    if len(by_title) == 1:
        return by_title[0]
    if by_title:
        raise ValidationError(
            _("Кілька наборів мають назву «%(title)s»: оберіть один зі списку підказок або введіть його slug.")
            % {"title": value}
        )
    if value.isdigit():
        found = _searchable().filter(pk=int(value)).first()
        if found:
            return found
    raise ValidationError(
        _("Набір даних «%(value)s» не знайдено: введіть назву або slug набору з реєстру.")
        % {"value": value[:QUERY_MAX]}
    )


def dataset_label(dataset: Dataset) -> str:
    """What the field shows for a chosen dataset (and what a suggestion fills in)."""
    return f"{dataset.title} ({dataset.slug})"


class DatasetPickerField(forms.CharField):
    """A text input with server-side suggestions; cleans to a Dataset or None.

    The page must hold ``<datalist id="dataset-options">`` and load js/dataset-picker.js."""

    def __init__(self, **kwargs):
        widget = forms.TextInput(
            attrs={
                "list": "dataset-options",
                "autocomplete": "off",
                "data-dataset-search": reverse_lazy("feedback:dataset-search"),
            }
        )
        kwargs.setdefault("required", False)
        super().__init__(max_length=400, widget=widget, **kwargs)
        self.error_messages["max_length"] = _("Набір даних не знайдено: введіть назву або slug набору з реєстру.")

    def prepare_value(self, value):
        return dataset_label(value) if isinstance(value, Dataset) else value

    def clean(self, value):
        return resolve_dataset(super().clean(value))
