"""Package, resource, organization and tag dicts as CKAN 2.10/2.11 returns them.

Timestamps are UTC without an offset, as CKAN writes them. ``metadata_modified`` is the
latest of the record's change and the data's last update; ``metadata_created`` the earliest
of the record's creation and that update, so created <= modified always holds. The same two
expressions (``MODIFIED``, ``CREATED``) filter and sort in the database.
The maintainer is the steward department (its shared mailbox), never the responsible person.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db.models import Count, F, Min
from django.db.models.functions import Coalesce, Greatest, Least
from django.urls import reverse

from accounts.models import Department
from common.cache import public_data_version

from ..choices import DatasetStatus, Frequency, ukrainian_label
from ..models import Dataset
from ..quality import is_open_license, split_formats
from ..slugs import latin_slug
from .licenses import license_dict

ORGANIZATIONS_CACHE_SECONDS = 3600
EMBEDDED_KEYS = ("id", "name", "title", "type", "description", "image_url", "created", "is_organization",
                 "approval_status", "state")  # fmt: skip
MODIFIED = Greatest(F("updated_at"), Coalesce(F("last_updated_at"), F("updated_at")))
CREATED = Least(F("created_at"), Coalesce(F("last_updated_at"), F("created_at")))

MIMETYPES = {
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
    "JSON": "application/json",
    "GEOJSON": "application/geo+json",
    "JSONLD": "application/ld+json",
    "JSON-LD": "application/ld+json",
    "XML": "application/xml",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "XLS": "application/vnd.ms-excel",
    "ODS": "application/vnd.oasis.opendocument.spreadsheet",
    "PDF": "application/pdf",
    "DOC": "application/msword",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "RDF": "application/rdf+xml",
    "TTL": "text/turtle",
    "KML": "application/vnd.google-earth.kml+xml",
    "ZIP": "application/zip",
    "TXT": "text/plain",
    "HTML": "text/html",
}


def iso(value) -> str | None:
    """CKAN's timestamp: UTC, no offset (``2024-04-05T10:01:02.123456``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat()


def metadata_created(d: Dataset) -> dt.datetime:
    return min(d.created_at, d.last_updated_at or d.created_at)


def metadata_modified(d: Dataset) -> dt.datetime:
    return max(d.updated_at, d.last_updated_at or d.updated_at)


def frequency_label(code: str) -> str:
    """data.gov.ua's ``update_frequency``: the Ukrainian word the importer reads back."""
    try:
        return ukrainian_label(Frequency(code))
    except ValueError:
        return code


def department_name(department: Department) -> str:
    return latin_slug(department.short_name or department.name) or f"department-{department.pk}"


def public_departments() -> list[Department]:
    """Departments with published datasets (alphabetical), with ``package_count`` and ``first_created``.

    Counted from the datasets' side in one aggregate, then the departments: two queries.
    """
    rows = (
        Dataset.objects.filter(status=DatasetStatus.PUBLISHED)
        .order_by()
        .values("department_id")
        .annotate(package_count=Count("*"), first_created=Min(CREATED))
    )
    figures = {row["department_id"]: row for row in rows}
    departments = list(Department.objects.filter(pk__in=figures).alphabetical())
    for department in departments:
        department.package_count = figures[department.pk]["package_count"]
        department.first_created = figures[department.pk]["first_created"]
    return departments


def organization_dict(department: Department, *, full: bool = False) -> dict:
    """The organization as a package embeds it; ``full`` adds what organization_list/show give."""
    created = getattr(department, "first_created", None)
    result = {
        "id": str(department.pk),
        "name": department_name(department),
        "title": department.name,
        "type": "organization",
        "description": "",
        "image_url": "",
        "created": iso(created),
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
    }
    if full:
        result |= {
            "display_name": department.name,
            "image_display_url": "",
            "package_count": getattr(department, "package_count", 0),
            "num_followers": 0,
        }
    return result


def dataset_url(request, d: Dataset) -> str:
    return request.build_absolute_uri(reverse("registry:dataset-detail", args=[d.slug]))


def resource_dicts(request, d: Dataset) -> list[dict]:
    created, modified = iso(metadata_created(d)), iso(metadata_modified(d))
    url = d.portal_url or d.data_gov_ua_url or dataset_url(request, d)
    return [
        {
            "id": f"{d.identifier}-{i}",
            "package_id": d.identifier,
            "name": f"{d.title} ({fmt})",
            "description": "",
            "format": fmt,
            "url": url,
            "url_type": None,
            "created": created,
            "last_modified": iso(d.last_updated_at),
            "metadata_modified": modified,
            "mimetype": MIMETYPES.get(fmt),
            "mimetype_inner": None,
            "size": None,
            "hash": "",
            "resource_type": None,
            "cache_url": None,
            "cache_last_updated": None,
            "datastore_active": False,
            "position": i - 1,
            "state": "active",
        }
        for i, fmt in enumerate(split_formats(d.formats), start=1)
    ]


def _extras(d: Dataset) -> list[dict]:
    """Passport fields without a CKAN core field, under keys that never clash with root fields."""
    values = {
        "first_published": d.first_published.isoformat() if d.first_published else "",
        "next_update_due": d.next_due_date.isoformat() if d.next_due_date else "",
        "frequency_code": d.frequency,
        "resolution_835_item": d.required_by_835.title if d.required_by_835_id and d.required_by_835 else "",
        "portal_url": d.portal_url,
        "data_gov_ua_url": d.data_gov_ua_url,
    }
    return [{"key": key, "value": value} for key, value in values.items() if value]


def tag_dict(name: str) -> dict:
    return {
        "id": latin_slug(name) or name,
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def package_dict(request, d: Dataset, organization: dict | None = None) -> dict:
    """One published dataset; pass ``organization`` (from ``organization_dict``) to share it."""
    resources = resource_dicts(request, d)
    tags = [tag_dict(k) for k in d.keyword_list]
    licence = license_dict(d.license)
    return {
        "id": d.identifier,
        "name": d.slug,
        "title": d.title,
        "notes": d.description,
        "author": None,
        "author_email": None,
        "maintainer": d.department.name,
        "maintainer_email": d.department.email or None,
        "license_id": licence["id"],
        "license_title": licence["title"],
        "license_url": licence["url"],
        "metadata_created": iso(metadata_created(d)),
        "metadata_modified": iso(metadata_modified(d)),
        "num_resources": len(resources),
        "num_tags": len(tags),
        "organization": organization or organization_dict(d.department),
        "owner_org": str(d.department_id),
        "private": False,
        "state": "active",
        "type": "dataset",
        "url": dataset_url(request, d),
        "version": None,
        "isopen": is_open_license(d.license),
        "resources": resources,
        "tags": tags,
        "tag_string": ",".join(d.keyword_list),
        "groups": [],
        "extras": _extras(d),
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "creator_user_id": None,
        # data.gov.ua's passport fields, as its CKAN shows them.
        "update_frequency": frequency_label(d.frequency),
        "purpose_of_collecting_information": d.purpose,
        "language": d.language,
        "identifier": d.identifier,
    }


def organization_list_full() -> list[dict]:
    """Full dicts of the departments that publish, alphabetical.

    Counting every department's datasets scans the registry (0.2 s at 100,000 datasets), so
    the list is cached under the public data version, which any change to the registry or a
    department moves on (common/cache.py): never stale, computed once per change.
    """
    key = f"ckan-organizations:{public_data_version()}"
    organizations = cache.get(key)
    if organizations is None:
        organizations = [organization_dict(d, full=True) for d in public_departments()]
        cache.set(key, organizations, ORGANIZATIONS_CACHE_SECONDS)
    return organizations


class Organizations:
    """The organization dicts embedded in one response's packages."""

    def __init__(self):
        self._by_id = None

    def get(self, department: Department) -> dict:
        if self._by_id is None:
            self._by_id = {int(o["id"]): {k: o[k] for k in EMBEDDED_KEYS} for o in organization_list_full()}
        return self._by_id.get(department.pk) or organization_dict(department)


def package_dicts(request, datasets) -> list[dict]:
    organizations = Organizations()
    return [package_dict(request, d, organizations.get(d.department)) for d in datasets]
