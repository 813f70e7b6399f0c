"""CKAN-compatible read endpoints (action API v3), so that harvesters and clients work unchanged.

Only published datasets are shown; the maintainer is the steward department (its shared
mailbox), never the responsible person's e-mail.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.models import Department

from .models import Dataset
from .quality import split_formats
from .selectors import dataset_public
from .slugs import latin_slug

MAX_ROWS = 1000


def _help(request, action: str) -> str:
    return request.build_absolute_uri(f"/api/3/action/help_show?name={action}")


def ok(request, action: str, result) -> JsonResponse:
    return JsonResponse(
        {"help": _help(request, action), "success": True, "result": result}, json_dumps_params={"ensure_ascii": False}
    )


def error(request, action: str, status: int, type_: str, message: str, **extra) -> JsonResponse:
    body = {"help": _help(request, action), "success": False, "error": {"__type": type_, "message": message, **extra}}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def department_name(department: Department) -> str:
    return latin_slug(department.short_name or department.name) or f"department-{department.pk}"


def _iso(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value).replace(tzinfo=None)
    return value.isoformat()


def organization_dict(department: Department) -> dict:
    return {
        "id": str(department.pk),
        "name": department_name(department),
        "title": department.name,
        "type": "organization",
        "description": "",
        "image_url": "",
        "created": None,
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
    }


def package_dict(request, d: Dataset) -> dict:
    url = request.build_absolute_uri(reverse("registry:dataset-detail", args=[d.slug]))
    created = _iso(d.created_at)
    modified = _iso(d.last_updated_at or d.updated_at)
    tags = [
        {"id": latin_slug(k) or k, "name": k, "display_name": k, "state": "active", "vocabulary_id": None}
        for k in d.keyword_list
    ]
    resources = [
        {
            "id": f"{d.identifier}-{i}",
            "package_id": d.identifier,
            "name": f"{d.title} ({fmt})",
            "description": "",
            "format": fmt,
            "url": d.portal_url or d.data_gov_ua_url or url,
            "created": created,
            "last_modified": modified,
            "mimetype": None,
            "position": i - 1,
            "state": "active",
            "url_type": None,
        }
        for i, fmt in enumerate(split_formats(d.formats), start=1)
    ]
    return {
        "id": d.identifier,
        "name": d.slug,
        "title": d.title,
        "notes": d.description,
        "author": None,
        "author_email": None,
        "maintainer": d.department.name,
        "maintainer_email": d.department.email or None,
        "license_id": d.license,
        "license_title": d.license,
        "metadata_created": created,
        "metadata_modified": modified,
        "num_resources": len(resources),
        "num_tags": len(tags),
        "organization": organization_dict(d.department),
        "owner_org": str(d.department_id),
        "private": False,
        "state": "active",
        "type": "dataset",
        "url": url,
        "version": None,
        "isopen": True,
        "resources": resources,
        "tags": tags,
        "tag_string": ",".join(d.keyword_list),
        "groups": [],
        "extras": [],
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "creator_user_id": None,
        "update_frequency": d.frequency,
        "purpose_of_collecting_information": d.purpose,
        "language": d.language,
        "identifier": d.identifier,
    }


@require_GET
def package_list(request):
    names = list(dataset_public().values_list("slug", flat=True))
    return ok(request, "package_list", names)


@require_GET
def package_show(request):
    key = request.GET.get("id", "").strip()
    if not key:
        return error(request, "package_show", 409, "Validation Error", "Missing value", id=["Missing value"])
    dataset = dataset_public().filter(Q(slug=key) | Q(identifier=key)).first()
    if dataset is None:
        return error(request, "package_show", 404, "Not Found Error", "Not found")
    return ok(request, "package_show", package_dict(request, dataset))


def _int(value, default, *, minimum=0, maximum=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None if value not in (None, "") else default
    if number < minimum:
        return None
    return min(number, maximum) if maximum is not None else number


@require_GET
def package_search(request):
    rows = _int(request.GET.get("rows"), 10, maximum=MAX_ROWS)
    start = _int(request.GET.get("start"), 0)
    if rows is None or start is None:
        return error(request, "package_search", 409, "Validation Error", "Invalid integer")
    qs = dataset_public()
    q = request.GET.get("q", "").strip()
    if q and q != "*:*":
        for word in q.split():
            qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word) | Q(keywords__icontains=word))
    count = qs.count()
    results = [package_dict(request, d) for d in qs[start : start + rows]]
    return ok(
        request,
        "package_search",
        {"count": count, "facets": {}, "results": results, "sort": "score desc, metadata_modified desc",
         "search_facets": {}},
    )  # fmt: skip


@require_GET
def organization_list(request):
    departments = Department.objects.filter(datasets__isnull=False).distinct().alphabetical()
    if request.GET.get("all_fields", "").lower() in ("true", "1"):
        return ok(request, "organization_list", [organization_dict(d) for d in departments])
    return ok(request, "organization_list", [department_name(d) for d in departments])
