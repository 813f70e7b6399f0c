"""``package_search`` on the database: full text, Solr-style filters, sorting and facets.

PostgreSQL: ``to_tsvector('simple', title || description || keywords)`` with a GIN index
(migration ``0004_ckan_search_indexes``); words match as prefixes (``бюджет`` finds
«бюджету»), which stands in for a Ukrainian stemmer that PostgreSQL does not ship. Tags and
formats are counted by splitting the stored lists in SQL. Other databases (SQLite, for
development) fall back to ``icontains`` and count facets in Python.
Each search costs a fixed number of queries whatever the registry's size.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Q, TextField
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from accounts.models import Department
from common.cache import public_data_version
from common.collation import uk_order

from ..quality import split_formats
from ..selectors import dataset_public
from .dicts import CREATED, MODIFIED, department_name, frequency_label
from .envelope import SearchQueryError
from .licenses import license_dict
from .query import ALL, NONE, Parser, Term, frequency_codes, parse_moment

DOCUMENT_SQL = (
    "to_tsvector('simple'::regconfig, COALESCE(\"registry_dataset\".\"title\", '') || ' ' || "
    'COALESCE("registry_dataset"."description", \'\') || \' \' || COALESCE("registry_dataset"."keywords", \'\'))'
)
TITLE_SQL = "to_tsvector('simple'::regconfig, COALESCE(\"registry_dataset\".\"title\", ''))"
# The split lists, as facets count them; GIN-indexed so that tags:x and res_format:x are index scans.
TAGS_SQL = 'regexp_split_to_array(lower(btrim("registry_dataset"."keywords")), \'\\s*,\\s*\')'
FORMATS_SQL = "regexp_split_to_array(ltrim(upper(btrim(\"registry_dataset\".\"formats\")), '.'), '[,;/[:space:]]+\\.*')"
SORT_FIELDS = {
    "metadata_modified": "ckan_modified",
    "metadata_created": "ckan_created",
    "name": "slug",
    "title": "title",
    "title_string": "title",
    "id": "identifier",
}
FACET_FIELDS = ("organization", "tags", "res_format", "license_id", "groups", "update_frequency")
FACET_CACHE_SECONDS = 3600
DEFAULT_SORT = "score desc, metadata_modified desc"


def full_text() -> bool:
    return connection.vendor == "postgresql"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def tsquery(term: Term) -> str | None:
    """``to_tsquery`` text from a user's words: prefix matches, a phrase in order; no operators pass."""
    words = _words(term.text)
    if not words:
        return None
    if term.phrase:
        return " <-> ".join(words[:-1] + [words[-1] + ":*"])
    return " & ".join(f"{w}:*" for w in words)


def searchable(qs):
    qs = qs.alias(ckan_modified=MODIFIED, ckan_created=CREATED)
    if full_text():
        # Constant SQL (no user input): the expressions of the GIN indexes.
        qs = qs.alias(
            ckan_doc=RawSQL(DOCUMENT_SQL, [], output_field=SearchVectorField()),  # noqa: S611
            ckan_title=RawSQL(TITLE_SQL, [], output_field=SearchVectorField()),  # noqa: S611
            ckan_tags=RawSQL(TAGS_SQL, [], output_field=ArrayField(TextField())),  # noqa: S611
            ckan_formats=RawSQL(FORMATS_SQL, [], output_field=ArrayField(TextField())),  # noqa: S611
        )
    return qs


class OrganizationIndex:
    """Department names as CKAN organization names (computed, so mapped once per request)."""

    def __init__(self):
        self._rows = None

    @property
    def rows(self) -> list[Department]:
        if self._rows is None:
            self._rows = list(Department.objects.only("id", "name", "short_name"))
        return self._rows

    def ids(self, name: str) -> list[int]:
        return [d.pk for d in self.rows if department_name(d) == name or str(d.pk) == name]

    def by_id(self) -> dict[int, Department]:
        return {d.pk: d for d in self.rows}


def _list_regex(value: str, separators: str, prefix: str = "") -> str:
    return rf"(^|{separators})\s*{prefix}{re.escape(value)}\s*($|{separators})"


@dataclass
class Filters:
    organizations: OrganizationIndex = field(default_factory=OrganizationIndex)

    def text_q(self, name: str, term: Term) -> Q:
        if full_text() and name in ("text", "title"):
            query = tsquery(term)
            if query is None:
                return ALL
            return Q(
                **{
                    "ckan_doc" if name == "text" else "ckan_title": SearchQuery(
                        query, search_type="raw", config="simple"
                    )
                }
            )
        fields = {"text": ("title", "description", "keywords"), "title": ("title",), "notes": ("description",)}[name]
        result = ALL
        for word in _words(term.text):
            any_field = NONE
            for f in fields:
                # SQLite's LIKE folds ASCII only; its REGEXP is Python's, which folds Cyrillic too.
                any_field |= Q(**{f"{f}__iregex": re.escape(word)})
            result &= any_field
        return result

    def field_q(self, name: str, value) -> Q:
        if isinstance(value, Term):
            return self.text_q(name, value)
        if value == "*":
            return {"tags": ~Q(keywords=""), "res_format": ~Q(formats=""), "groups": NONE}.get(name, ALL)
        match name:
            case "id" | "identifier":
                return Q(identifier=value)
            case "name":
                return Q(slug=value)
            case "tags":
                if full_text():
                    return Q(ckan_tags__contains=[value.strip().lower()])
                return Q(keywords__iregex=_list_regex(value, ","))
            case "res_format":
                if full_text():
                    return Q(ckan_formats__contains=[value.strip().lstrip(".").upper()])
                return Q(formats__iregex=_list_regex(value.lstrip("."), r"[,;/\s]", r"\.?"))
            case "license_id":
                return Q(license__iexact=value)
            case "organization":
                return Q(department_id__in=self.organizations.ids(value))
            case "owner_org":
                return Q(department_id=int(value)) if value.isdigit() and len(value) < 10 else NONE
            case "groups":
                return NONE
            case "dataset_type" | "type":
                return ALL if value == "dataset" else NONE
            case "capacity":
                return ALL if value == "public" else NONE
            case "state":
                return ALL if value == "active" else NONE
            case "private":
                return ALL if value.lower() == "false" else NONE
            case "update_frequency":
                return Q(frequency__in=frequency_codes(value))
            case "language":
                return Q(language__iexact=value)
            case "metadata_modified" | "metadata_created":
                moment = parse_moment(value)
                return self.range_q(name, moment, moment, True, True)
        raise SearchQueryError(_("Невідоме поле пошуку: «%(field)s».") % {"field": name[:40]})

    def range_q(self, name, low, high, low_inclusive, high_inclusive) -> Q:
        target = {"metadata_modified": "ckan_modified", "metadata_created": "ckan_created"}.get(name)
        if target is None:
            raise SearchQueryError(_("Діапазон можливий лише для metadata_modified і metadata_created."))
        result = ALL
        if low is not None:
            result &= Q(**{f"{target}__{'gte' if low_inclusive else 'gt'}": low})
        if high is not None:
            result &= Q(**{f"{target}__{'lte' if high_inclusive else 'lt'}": high})
        return result


@dataclass
class Search:
    q: str = ""
    fq: list[str] = field(default_factory=list)
    sort: str = ""
    rows: int = 10
    start: int = 0
    facet_fields: list[str] = field(default_factory=list)
    facet_limit: int = 50
    facet_mincount: int = 1


def _order(sort: str, terms: list[Term]):
    """``order_by`` arguments and, for ``score``, the rank expression (None without full text)."""
    order, rank = [], None
    for part in sort.split(","):
        bits = part.split()
        if not bits:
            continue
        if len(bits) > 2 or (len(bits) == 2 and bits[1].lower() not in ("asc", "desc")):
            raise SearchQueryError(_("Неправильне сортування: «%(sort)s».") % {"sort": part.strip()[:40]})
        name, descending = bits[0], len(bits) == 2 and bits[1].lower() == "desc"
        if name == "score":
            queries = [t for t in (tsquery(term) for term in terms) if t]
            if queries and full_text():
                # Relevance as CKAN's title^4 boost gives it: title matches first (ranking the short
                # titles, not the whole text, keeps it cheap); the next sort key orders the rest.
                rank = SearchRank(F("ckan_title"), SearchQuery(" | ".join(queries), search_type="raw", config="simple"))
                order.append("-ckan_rank" if descending else "ckan_rank")
            continue
        if name not in SORT_FIELDS:
            raise SearchQueryError(_("Сортування за полем «%(field)s» неможливе.") % {"field": name[:40]})
        if SORT_FIELDS[name] == "title":  # Ukrainian alphabetical order, as every list of the site
            order.append(uk_order("title", descending))
            continue
        order.append(("-" if descending else "") + SORT_FIELDS[name])
    unique_last = bool(order) and isinstance(order[-1], str) and order[-1].lstrip("-") in ("identifier", "slug")
    return order + ([] if unique_last else ["pk"]), rank


def filtered(search: Search, filters: Filters):
    """The public datasets the query selects, and the full-text terms of ``q``."""
    qs = searchable(dataset_public())
    parser = Parser(field_q=filters.field_q, range_q=filters.range_q)
    if search.q:
        qs = qs.filter(parser.parse(search.q))
    terms = list(parser.terms)
    fq_parser = Parser(field_q=filters.field_q, range_q=filters.range_q)
    for fq in search.fq:
        qs = qs.filter(fq_parser.parse(fq))
    return qs, terms


def page(qs, search: Search, terms: list[Term]):
    order, rank = _order(search.sort or DEFAULT_SORT, terms)
    if rank is not None:
        qs = qs.annotate(ckan_rank=rank)
    return list(qs.order_by(*order)[search.start : search.start + search.rows])


def split_counts(qs, column: str, limit: int, mincount: int) -> list[tuple[str, int]]:
    """Count the items of a listed column (tags, formats) over the selected datasets: one SQL query.

    Each dataset counts once per item: an item repeated in one list is skipped (``x <> ALL``
    the items before it), which is cheaper than a DISTINCT per row.
    """
    inner, params = qs.order_by().values("pk", column).query.sql_with_params()
    if column == "formats":
        source, separator = "ltrim(upper(btrim(sub.formats)), '.')", r"[,;/[:space:]]+\.*"
    else:
        source, separator = "btrim(sub.keywords)", r"\s*,\s*"
    sql = (
        f"SELECT x, COUNT(*) AS n FROM ({inner}) sub "  # noqa: S608 (Django's own SQL and constants)
        f"CROSS JOIN LATERAL regexp_split_to_array({source}, %s) AS a "
        "CROSS JOIN LATERAL unnest(a) WITH ORDINALITY AS u(x, i) "
        "WHERE x <> '' AND x <> ALL (a[1:i - 1]) GROUP BY x HAVING COUNT(*) >= %s ORDER BY n DESC, x LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, separator, mincount, limit if limit >= 0 else None])
        return [(t, n) for t, n in cursor.fetchall()]


def python_counts(qs, column: str) -> Counter:
    """SQLite only (development): split the lists in Python."""
    counts = Counter()
    for value in qs.order_by().values_list(column, flat=True):
        items = split_formats(value) if column == "formats" else [k.strip() for k in value.split(",") if k.strip()]
        counts.update(set(items))
    return counts


def item_counts(qs, column: str, limit: int = -1, mincount: int = 1) -> list[tuple[str, int]]:
    """(item, datasets) of a listed column, most frequent first: SQL on PostgreSQL, else Python."""
    if full_text():
        return split_counts(qs, column, limit, mincount)
    return _top(python_counts(qs, column), limit, mincount)


def _top(counts: dict, limit: int, mincount: int) -> list[tuple[str, int]]:
    items = sorted(((k, n) for k, n in counts.items() if n >= mincount), key=lambda kv: (-kv[1], kv[0]))
    return items if limit < 0 else items[:limit]


def facet_counts(qs, name: str, search: Search, filters: Filters) -> list[tuple[str, str, int]]:
    """(name, display name, count) of one facet over the selected datasets."""
    limit, mincount = search.facet_limit, search.facet_mincount
    base = qs.order_by()
    if name == "organization":
        counts = dict(base.values_list("department_id").annotate(n=Count("*")).values_list("department_id", "n"))
        departments = filters.organizations.by_id()
        named = {department_name(departments[pk]): n for pk, n in counts.items() if pk in departments}
        titles = {department_name(d): d.name for d in departments.values()}
        return [(k, titles[k], n) for k, n in _top(named, limit, mincount)]
    if name == "license_id":
        counts = Counter()
        for value, n in base.values_list("license").annotate(n=Count("*")).values_list("license", "n"):
            counts[license_dict(value)["id"]] += n
        return [(k, license_dict(k)["title"], n) for k, n in _top(counts, limit, mincount)]
    if name == "update_frequency":
        counts = dict(base.values_list("frequency").annotate(n=Count("*")).values_list("frequency", "n"))
        labelled = {frequency_label(code): n for code, n in counts.items()}
        return [(k, k, n) for k, n in _top(labelled, limit, mincount)]
    if name in ("tags", "res_format"):
        rows = item_counts(base, "keywords" if name == "tags" else "formats", limit, mincount)
        return [(k, k, n) for k, n in rows]
    return []  # groups: the registry has none


def _whole_registry_counts(qs, name: str, search: Search, filters: Filters):
    """Facets of the whole catalogue (a portal's front page asks for them all the time) are cached
    under the public data version, which any change to the registry moves on: never stale."""
    key = f"ckan-facet:{public_data_version()}:{name}:{search.facet_limit}:{search.facet_mincount}"
    rows = cache.get(key)
    if rows is None:
        rows = facet_counts(qs, name, search, filters)
        cache.set(key, rows, FACET_CACHE_SECONDS)
    return rows


def facets(qs, search: Search, filters: Filters) -> tuple[dict, dict]:
    plain, rich = {}, {}
    whole = search.q in ("", "*:*", "*") and not search.fq
    for name in search.facet_fields:
        if name not in FACET_FIELDS:
            raise SearchQueryError(_("Фасет за полем «%(field)s» неможливий.") % {"field": name[:40]})
        count = _whole_registry_counts if whole else facet_counts
        rows = count(qs, name, search, filters)
        plain[name] = {key: n for key, _label, n in rows}
        rich[name] = {
            "title": name,
            "items": [{"name": key, "display_name": label, "count": n} for key, label, n in rows],
        }
    return plain, rich
