"""The CKAN action API as the real clients use it: ckanapi 4.11 (RemoteCKAN with its defaults,
POSTing JSON; and the ``ckanapi dump`` command) and the gather step of ckanext-harvest's CKAN
harvester, against the live test server. Expected figures are computed from the database.
"""

import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import requests
from ckanapi import RemoteCKAN
from ckanapi.errors import NotFound, SearchQueryError, ValidationError
from django.utils import timezone

from common.collation import ukrainian_sort_key
from registry.choices import Frequency
from registry.services import dataset_mark_updated, dataset_update

from .ckan_data import ORGANIZATIONS, build_registry, published_from_db, title_word_starts
from .factories import DatasetFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def registry(transactional_db):
    return build_registry()


@pytest.fixture
def ckan(live_server):
    with RemoteCKAN(live_server.url) as remote:
        yield remote


def search(ckan, **params):
    return ckan.call_action("package_search", params)


def names(result) -> set[str]:
    return {p["name"] for p in result["results"]}


def utc(text: str) -> dt.datetime:
    assert "+" not in text and not text.endswith("Z"), f"CKAN writes UTC without an offset: {text}"
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def test_package_list_and_show(ckan, registry):
    published = sorted(d.slug for d in published_from_db())
    assert ckan.action.package_list() == published
    assert ckan.action.package_list(limit=2, offset=1) == published[1:3]
    budget = next(d for d in registry.published if d.slug == "budget")
    package = ckan.action.package_show(id="budget")
    assert package == ckan.action.package_show(id="budget-id")
    assert package["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["update_frequency"] == "Щомісяця" and package["organization"]["name"] == "ekonomika"
    created, modified = utc(package["metadata_created"]), utc(package["metadata_modified"])
    assert created <= modified
    assert modified == max(budget.updated_at, budget.last_updated_at)
    assert [r["format"] for r in package["resources"]] == ["CSV", "XLSX"]
    resource = package["resources"][0]
    for key in ("size", "mimetype_inner", "hash", "metadata_modified", "resource_type", "cache_url",
                "cache_last_updated", "datastore_active"):  # fmt: skip
        assert key in resource
    assert resource["mimetype"] == "text/csv" and resource["datastore_active"] is False
    assert "person" not in json.dumps(package)  # the responsible person's e-mail stays private
    for hidden in ("draft", "old-stops", "no-such-dataset"):
        with pytest.raises(NotFound):
            ckan.action.package_show(id=hidden)
    with pytest.raises(ValidationError):
        ckan.action.package_show()


def test_every_other_read_action(ckan, registry):
    published = published_from_db()
    recent = ckan.action.current_package_list_with_resources(limit=3)
    assert [p["name"] for p in recent] == [d.slug for d in sorted(published, key=lambda d: d.updated_at)][::-1][:3]
    assert all(p["resources"] for p in recent)

    organizations = ckan.action.organization_list(all_fields=True)
    counts = Counter(ORGANIZATIONS[d.department.name] for d in published)
    assert {o["name"]: o["package_count"] for o in organizations} == counts
    for org in organizations:
        assert org["display_name"] == org["title"] and org["num_followers"] == 0 and org["created"]
        assert "image_display_url" in org
    assert sorted(ckan.action.organization_list()) == sorted(counts)
    shown = ckan.action.organization_show(id="transport", include_datasets=True)
    assert shown["title"] == "Управління транспорту" and {p["name"] for p in shown["packages"]} == {"routes", "stops"}
    with pytest.raises(NotFound):
        ckan.action.organization_show(id="nobody")

    resource = ckan.action.package_show(id="routes")["resources"][1]
    assert ckan.action.resource_show(id=resource["id"]) == resource
    with pytest.raises(NotFound):
        ckan.action.resource_show(id="routes-id-9")

    tags = {k.strip() for d in published for k in d.keywords.split(",") if k.strip()}
    assert ckan.action.tag_list() == sorted(tags, key=ukrainian_sort_key)
    assert ckan.action.tag_list(query="бюдж") == sorted(t for t in tags if "бюдж" in t)
    assert ckan.action.group_list() == [] and ckan.action.group_list(all_fields=True) == []
    licences = {lic["id"]: lic for lic in ckan.action.license_list()}
    assert {"CC-BY-4.0", "cc-by", "CC0-1.0", "odc-odbl"} <= set(licences)
    assert licences["odc-odbl"]["url"].startswith("http")
    status = ckan.action.status_show()
    assert status["ckan_version"].startswith("2.") and status["site_url"]
    assert ckan.action.site_read() is True
    assert "facet.field" in ckan.action.help_show(name="package_search")
    with pytest.raises(NotFound):
        ckan.action.help_show(name="package_create")
    completions = ckan.action.package_autocomplete(q="зуп")
    assert [c["name"] for c in completions] == ["stops"] and completions[0]["match_field"] == "title"
    with pytest.raises(NotFound):
        ckan.action.package_create(name="x")  # writes do not exist here


def test_get_only_client_and_ckan_api_paths(live_server, registry):
    with RemoteCKAN(live_server.url, get_only=True) as remote:
        result = remote.call_action("package_search", {"fq": "organization:usr", "facet.field": ["tags", "res_format"]})
    assert names(result) == {"strategy", "projects"}
    assert result["facets"]["res_format"] == {"PDF": 1, "CSV": 1}
    body = requests.get(f"{live_server.url}/api/3/action/package_list", timeout=10).json()
    assert body["success"] is True and body["help"].endswith("/api/3/action/help_show?name=package_list")
    assert requests.get(f"{live_server.url}/api/3", timeout=10).json() == {"version": 3}
    assert requests.get(f"{live_server.url}/api/util/status", timeout=10).json()["ckan_version"].startswith("2.")


FQ_CASES = [
    ("organization:ekonomika", lambda d, org: org == "ekonomika"),
    ("-organization:usr", lambda d, org: org != "usr"),
    ("organization:usr OR organization:transport", lambda d, org: org in ("usr", "transport")),
    ("organization:(usr OR transport) -tags:транспорт", lambda d, org: org in ("usr", "transport")
     and "транспорт" not in [k.strip() for k in d.keywords.split(",")]),
    ("tags:бюджет", lambda d, org: "бюджет" in [k.strip() for k in d.keywords.split(",")]),
    ('tags:"бюджет участі"', lambda d, org: "бюджет участі" in [k.strip() for k in d.keywords.split(",")]),
    ("res_format:CSV", lambda d, org: "CSV" in [f.strip().upper() for f in d.formats.split(",")]),
    ("res_format:csv license_id:CC-BY-4.0", lambda d, org: "CSV" in d.formats.upper() and d.license == "CC-BY-4.0"),
    ("license_id:cc-by", lambda d, org: d.license == "cc-by"),
    ("update_frequency:Щороку", lambda d, org: d.frequency == Frequency.YEARLY),
    ("+dataset_type:dataset", lambda d, org: True),
]  # fmt: skip


def test_fq_matches_the_database(ckan, registry):
    published = published_from_db()
    for fq, expected in FQ_CASES:
        truth = {d.slug for d in published if expected(d, ORGANIZATIONS[d.department.name])}
        result = search(ckan, fq=fq, rows=100)
        assert (result["count"], names(result)) == (len(truth), truth), fq


def test_q_with_words_and_fields(ckan, registry):
    published = published_from_db()
    titled = {d.slug for d in published if title_word_starts(d, "бюджет")}
    assert names(search(ckan, q="title:бюджет")) == titled == {"budget", "budget-exec", "projects"}
    assert names(search(ckan, q="бюджет -title:виконання")) == titled - {"budget-exec"}
    assert names(search(ckan, q="транспорту маршрути")) == {"routes"}
    assert names(search(ckan, q="name:stops")) == {"stops"}
    assert search(ckan, q="*:*")["count"] == len(published)
    assert search(ckan, q="чернетка")["count"] == 0  # the draft stays private
    for bad in ("title:(бюджет", "nosuchfield:x", "metadata_modified:[yesterday TO *]"):
        with pytest.raises(SearchQueryError):
            search(ckan, q=bad)


def test_sort_rows_start_and_facets(ckan, registry):
    published = published_from_db()
    by_modified = [d.slug for d in sorted(published, key=lambda d: max(d.updated_at, d.last_updated_at))][::-1]
    assert [p["name"] for p in search(ckan, sort="metadata_modified desc", rows=100)["results"]] == by_modified
    by_name = sorted(d.slug for d in published)
    pages = [search(ckan, sort="name asc", rows=3, start=start)["results"] for start in (0, 3, 6)]
    assert [p["name"] for page in pages for p in page] == by_name
    assert [p["name"] for p in search(ckan, sort="name desc", rows=2)["results"]] == by_name[::-1][:2]
    with pytest.raises(SearchQueryError):
        search(ckan, sort="nosuchfield asc")
    assert len(search(ckan, rows=5000)["results"]) == len(published)  # capped at 1000, as CKAN does
    with pytest.raises(ValidationError):
        search(ckan, start=-1)

    result = search(ckan, q="*:*", **{"facet.field": json.dumps(["organization", "tags", "res_format", "license_id"])})
    tags = Counter(k.strip() for d in published for k in set(d.keywords.split(",")) if k.strip())
    formats = Counter(f.strip().upper() for d in published for f in set(d.formats.split(",")) if f.strip())
    assert result["facets"]["organization"] == Counter(ORGANIZATIONS[d.department.name] for d in published)
    assert result["facets"]["tags"] == tags
    assert result["facets"]["res_format"] == formats
    assert result["facets"]["license_id"] == Counter(d.license for d in published)
    items = result["search_facets"]["organization"]["items"]
    assert {i["name"]: (i["display_name"], i["count"]) for i in items}["ekonomika"] == ("Управління економіки", 3)
    narrowed = search(ckan, fq="organization:transport", **{"facet.field": ["tags"], "facet.limit": 1})
    assert narrowed["facets"]["tags"] == {"транспорт": 2}


def harvester_gather(base_url: str, *, include=(), exclude=(), since=None, rows=2) -> list[dict]:
    """ckanext-harvest's CKANHarvester gather stage: fq terms, 'id asc' paging, de-duplication."""
    fq_terms = []
    if include:
        fq_terms.append(" OR ".join(f"organization:{name}" for name in include))
    fq_terms.extend(f"-organization:{name}" for name in exclude)
    if since:
        fq_terms.append(f"metadata_modified:[{since}Z TO *]")
    params = {"rows": rows, "start": 0, "sort": "id asc"}
    if fq_terms:
        params["fq"] = " ".join(fq_terms)
    packages, seen = [], set()
    while True:
        response = requests.get(f"{base_url}/api/3/action/package_search", params=params, timeout=10)
        assert response.status_code == 200, response.text
        results = response.json()["result"]["results"]
        if not results:
            return packages
        for package in results:
            if package["id"] not in seen:
                seen.add(package["id"])
                packages.append(package)
        params["start"] += rows


def test_harvester_gather_with_organization_filters(live_server, registry):
    gathered = harvester_gather(live_server.url, include=["ekonomika", "usr"])
    wanted = [d.identifier for d in published_from_db() if ORGANIZATIONS[d.department.name] in ("ekonomika", "usr")]
    assert [p["id"] for p in gathered] == sorted(wanted)
    assert {p["name"] for p in harvester_gather(live_server.url, exclude=["ekonomika"])} == {
        "routes", "stops", "strategy", "projects"}  # fmt: skip
    # remote_orgs=create: the harvester reads each package's organization with organization_show.
    org = requests.get(f"{live_server.url}/api/3/action/organization_show", params={"id": "usr"}, timeout=10).json()
    assert org["result"]["title"] == "Управління стратегічного розвитку"


def test_incremental_harvest_returns_only_what_changed(live_server, registry, coordinator, ckan):
    everything = harvester_gather(live_server.url)
    assert len(everything) == len(published_from_db())
    last_run = timezone.now().astimezone(dt.UTC).replace(tzinfo=None).isoformat()
    assert harvester_gather(live_server.url, since=last_run) == []
    routes = next(d for d in registry.published if d.slug == "routes")
    dataset_mark_updated(dataset=routes, by=coordinator, note="нові маршрути")
    dataset_update(dataset=registry.hidden[0], by=coordinator, title="Бюджет чернетка 2")  # not published
    DatasetFactory(slug="new-one", identifier="new-one-id", department=routes.department)
    changed = harvester_gather(live_server.url, since=last_run)
    assert sorted(p["name"] for p in changed) == ["new-one", "routes"]
    assert all(utc(p["metadata_modified"]) >= dt.datetime.fromisoformat(last_run).replace(tzinfo=dt.UTC)
               for p in changed)  # fmt: skip
    result = search(ckan, fq=f"metadata_modified:[{last_run}Z TO *]", sort="metadata_modified asc")
    assert [p["name"] for p in result["results"]] == ["routes", "new-one"]


def test_ckanapi_dump_datasets_all_equals_the_published_registry(live_server, registry, tmp_path, ckan):
    out = tmp_path / "datasets.jsonl"
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(bin_dir / "ckanapi"), "dump", "datasets", "--all", "-r", live_server.url, "-O", str(out), "-q"]
    done = subprocess.run(command, env=env, capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode in (0, None), done.stderr.decode()
    dumped = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    published = published_from_db()
    assert sorted(p["name"] for p in dumped) == sorted(d.slug for d in published)
    by_slug = {d.slug: d for d in published}
    for package in dumped:
        dataset = by_slug[package["name"]]
        assert package["id"] == dataset.identifier and package["title"] == dataset.title
        assert package == ckan.action.package_show(id=package["name"])
    assert not {d.slug for d in registry.hidden} & {p["name"] for p in dumped}
