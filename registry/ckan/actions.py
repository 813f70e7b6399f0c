"""The read actions of CKAN's action API. Each takes the request and the call's ``Params`` and
returns the ``result``; errors are ``ActionError``s. The docstrings are what ``help_show`` gives.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from common.collation import ukrainian_sort_key

from ..selectors import dataset_public
from .dicts import organization_list_full, package_dicts, resource_dicts, tag_dict
from .envelope import NotFound, ValidationFailed
from .licenses import license_list as licenses
from .params import Params
from .query import Term
from .search import Filters, Search, facets, filtered, item_counts, page, searchable

MAX_ROWS = 1000
CKAN_API_VERSION = "2.10.4"  # the CKAN release whose action API these answers follow


def _find_dataset(params: Params):
    key = params.text("id")
    if not key:
        raise ValidationFailed("id", _("Обов’язкове поле."))
    dataset = dataset_public().filter(Q(slug=key) | Q(identifier=key)).first()
    if dataset is None:
        raise NotFound(_("Набір даних не знайдено."))
    return dataset


def package_list(request, params: Params):
    """Return the names of the site's published datasets, in name order.

    :param limit: how many names to return (optional)
    :param offset: how many to skip, when limit is given (optional)
    """
    limit = params.integer("limit", None)
    offset = params.integer("offset", 0)
    names = dataset_public().order_by("slug").values_list("slug", flat=True)
    if limit is not None:
        names = names[offset : offset + limit]
    return list(names)


def package_show(request, params: Params):
    """Return the metadata of a published dataset.

    :param id: the dataset's name or id
    """
    return package_dicts(request, [_find_dataset(params)])[0]


def package_search(request, params: Params):
    """Search published datasets (Solr syntax subset).

    :param q: words (prefix matches) and field:value terms, e.g. ``title:бюджет``
    :param fq: filters: organization, tags, res_format, license_id, name, id, update_frequency,
        ``metadata_modified:[2024-01-01T00:00:00Z TO *]``; ``-`` negates, ``OR`` joins
    :param sort: e.g. ``metadata_modified desc``; fields score, metadata_modified,
        metadata_created, name, title, title_string, id (default ``score desc, metadata_modified desc``)
    :param rows: results per page (default 10; more than 1000 give 1000, as in CKAN)
    :param start: offset of the first result
    :param facet.field: list of fields to count: organization, tags, res_format, license_id,
        update_frequency, groups
    :param facet.limit: values per facet (default 50, -1 for all)
    :param facet.mincount: least count shown (default 1)
    :param include_private: ignored: only published datasets are public
    """
    search = Search(
        q=params.text("q"),
        fq=[f for f in [params.text("fq"), *params.string_list("fq_list")] if f],
        sort=params.text("sort"),
        rows=params.integer("rows", 10, cap=MAX_ROWS),
        start=params.integer("start", 0),
        facet_fields=params.string_list("facet.field"),
        facet_limit=params.integer("facet.limit", 50, minimum=-1),
        facet_mincount=params.integer("facet.mincount", 1),
    )
    filters = Filters()
    qs, terms = filtered(search, filters)
    results = package_dicts(request, page(qs, search, terms))
    plain, rich = facets(qs, search, filters)
    fields = params.string_list("fl") if "fl" in params.data else []
    if len(fields) == 1 and "," in fields[0]:
        fields = [f.strip() for f in fields[0].split(",")]
    if fields:
        results = [{k: r[k] for k in fields if k in r} for r in results]
    return {
        "count": qs.count(),
        "results": results,
        "facets": plain,
        "search_facets": rich,
        "sort": search.sort or "score desc, metadata_modified desc",
    }


def current_package_list_with_resources(request, params: Params):
    """Return published datasets with their resources, the most recently modified first.

    :param limit: how many (default and at most 1000)
    :param offset: how many to skip
    :param page: page number of ``limit`` datasets (instead of offset)
    """
    limit = params.integer("limit", MAX_ROWS, minimum=1, cap=MAX_ROWS)
    offset = params.integer("offset", 0)
    page_number = params.integer("page", None, minimum=1)
    if page_number is not None:
        offset = (page_number - 1) * limit
    qs = searchable(dataset_public()).order_by("-ckan_modified", "pk")
    return package_dicts(request, qs[offset : offset + limit])


def _organizations(params: Params) -> list[dict]:
    organizations = organization_list_full()
    wanted = params.string_list("organizations")
    if wanted:
        organizations = [o for o in organizations if o["name"] in wanted]
    return organizations


def organization_list(request, params: Params):
    """Return the organizations (departments) that publish datasets, in alphabetical order.

    :param all_fields: return dicts instead of names (default false)
    :param limit: how many (optional)
    :param offset: how many to skip
    :param organizations: only these names (optional)
    """
    organizations = _organizations(params)
    limit = params.integer("limit", None)
    offset = params.integer("offset", 0)
    organizations = organizations[offset : offset + limit] if limit is not None else organizations[offset:]
    if params.boolean("all_fields"):
        return organizations
    return [o["name"] for o in organizations]


def organization_show(request, params: Params):
    """Return an organization (department).

    :param id: its name or id
    :param include_datasets: add its published datasets, up to 1000 (default false)
    """
    key = params.text("id")
    if not key:
        raise ValidationFailed("id", _("Обов’язкове поле."))
    include = params.boolean("include_datasets")
    found = next((o for o in organization_list_full() if key in (o["name"], o["id"])), None)
    if found is None:
        raise NotFound(_("Організацію не знайдено."))
    result = found | {"extras": [], "groups": [], "tags": [], "users": []}
    if include:
        datasets = dataset_public().filter(department_id=int(found["id"])).order_by("slug")[:MAX_ROWS]
        result["packages"] = package_dicts(request, datasets)
    return result


def resource_show(request, params: Params):
    """Return a resource (one format of a published dataset).

    :param id: the resource's id (``<dataset id>-<n>``)
    """
    key = params.text("id")
    if not key:
        raise ValidationFailed("id", _("Обов’язкове поле."))
    identifier, _sep, position = key.rpartition("-")
    dataset = dataset_public().filter(identifier=identifier).first() if position.isdigit() else None
    resources = resource_dicts(request, dataset) if dataset else []
    match = next((r for r in resources if r["id"] == key), None)
    if match is None:
        raise NotFound(_("Ресурс не знайдено."))
    return match


def tag_list(request, params: Params):
    """Return the tags of published datasets.

    :param query: only tags containing this text (optional)
    :param vocabulary_id: vocabularies are not used: an empty list
    :param all_fields: return dicts instead of names (default false)
    """
    query = params.text("query") or params.text("q")
    if params.text("vocabulary_id"):
        return []
    qs = dataset_public()
    if query:
        qs = qs.filter(keywords__iregex=re.escape(query))
    names = [t for t, _n in item_counts(qs, "keywords") if query.casefold() in t.casefold()]
    names.sort(key=ukrainian_sort_key)  # the tags of the catalogue, not its datasets: a short list
    if params.boolean("all_fields"):
        return [tag_dict(n) for n in names]
    return names


def group_list(request, params: Params):
    """Return the groups: the registry has none (datasets belong to organizations only)."""
    params.boolean("all_fields")
    return []


def license_list(request, params: Params):
    """Return the licences datasets may use, with their titles and URLs."""
    used = list(dataset_public().order_by().values_list("license", flat=True).distinct())
    return licenses(used)


def status_show(request, params: Params):
    """Return the site's name, address and the CKAN API version it follows."""
    return {
        "ckan_version": CKAN_API_VERSION,
        "site_title": settings.COUNCIL_NAME,
        "site_description": _("Реєстр відкритих даних"),
        "site_url": settings.SITE_URL,
        "error_emails_to": None,
        "locale_default": settings.LANGUAGE_CODE,
        "extensions": [],
    }


def site_read(request, params: Params):
    """Return true: anyone may read the site."""
    return True


def help_show(request, params: Params):
    """Return an action's documentation.

    :param name: the action's name
    """
    name = params.text("name")
    if not name:
        raise ValidationFailed("name", _("Обов’язкове поле."))
    action = ACTIONS.get(name)
    if action is None:
        raise NotFound(_("Дія невідома: %(name)s") % {"name": name[:60]})
    return action.__doc__


def package_autocomplete(request, params: Params):
    """Return published datasets whose title or name starts with the words given.

    :param q: the beginning of a title or name
    :param limit: how many (default 10, at most 100)
    """
    q = params.text("q")
    limit = params.integer("limit", 10, minimum=1, maximum=100)
    if not q:
        return []
    filters = Filters()
    by_title = filters.text_q("title", Term(q))
    qs = searchable(dataset_public()).filter(by_title | Q(slug__istartswith=q)).order_by("title", "pk")[:limit]
    results = []
    for d in qs:
        in_title = q.casefold() in d.title.casefold() or not d.slug.lower().startswith(q.lower())
        results.append(
            {
                "name": d.slug,
                "title": d.title,
                "match_field": "title" if in_title else "name",
                "match_displayed": d.title if in_title else d.slug,
            }
        )
    return results


ACTIONS = {
    f.__name__: f
    for f in (
        package_list,
        package_show,
        package_search,
        current_package_list_with_resources,
        organization_list,
        organization_show,
        resource_show,
        tag_list,
        group_list,
        license_list,
        status_show,
        site_read,
        help_show,
        package_autocomplete,
    )
}
