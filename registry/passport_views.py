"""Passport downloads: one dataset's passport and the whole register in the passport columns.

The public gets no responsible person (name or e-mail): personal data; staff get both.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from accounts import roles

from . import selectors
from .passport_files import CONTENT_TYPES, passport_file, register_file


def passport_response(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    # Always a download, never rendered by the browser.
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def dataset_passport(request, slug, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    personal = roles.is_staff_member(request.user)
    dataset = get_object_or_404(selectors.dataset_list(user=request.user if personal else None), slug=slug)
    return passport_response(passport_file(dataset, fmt, personal=personal), fmt, f"passport-{dataset.slug}")


@require_GET
def register_passports(request, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    personal = roles.is_staff_member(request.user)
    datasets = selectors.dataset_list(user=request.user if personal else None)
    return passport_response(register_file(datasets, fmt, personal=personal), fmt, "registry-passports")
