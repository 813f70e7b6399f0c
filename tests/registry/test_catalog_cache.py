"""The DCAT catalogue is built once per data change: later requests read a stored file, with no
query, whoever asks and whatever they add to the URL; a build in progress is never duplicated."""

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage

from registry import catalog_cache
from registry.choices import DatasetStatus

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
URLS = ["/registry/catalog.ttl", "/registry/catalog.jsonld"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url", URLS)
def test_after_the_first_request_the_catalogue_costs_no_query_until_the_data_changes(
    client, url, django_assert_num_queries
):
    DatasetFactory(slug="budget", title="Бюджет міста")
    first = client.get(url)
    assert first.status_code == 200 and "Бюджет міста" in first.content.decode()
    with django_assert_num_queries(0):
        again = client.get(url)
        junk = client.get(url + "?nocache=1&x=2")  # unknown parameters cannot force a new build
    assert again.content == first.content == junk.content
    assert again["Content-Type"] == first["Content-Type"]

    DatasetFactory(slug="roads", title="Ремонти доріг")
    changed = client.get(url)
    assert "Ремонти доріг" in changed.content.decode()
    assert len(default_storage.listdir("catalog")[1]) == 1  # the old version's file is removed


def test_signed_in_users_are_served_the_same_build(client, coordinator, django_assert_num_queries):
    DatasetFactory(slug="budget", title="Бюджет міста")
    anonymous = client.get("/registry/catalog.ttl")
    client.force_login(coordinator)
    with django_assert_num_queries(0):  # not even the session: the stored build is for everyone
        signed_in = client.get("/registry/catalog.ttl")
    assert signed_in.content == anonymous.content


def test_paging_parameters_are_separate_documents(client):
    DatasetFactory(slug="budget")
    client.get("/registry/catalog.ttl")
    variants = {catalog_cache._Keys(client.get(u).wsgi_request, "catalog_ttl").variant for u in ("/x", "/x?page=2")}
    assert len(variants) == 2


def test_parallel_requests_during_a_build_get_the_previous_version_or_503(client, django_assert_num_queries):
    DatasetFactory(slug="budget", title="Бюджет міста")
    request = client.get("/registry/catalog.ttl").wsgi_request
    variant = catalog_cache._Keys(request, "catalog_ttl").variant
    DatasetFactory(slug="roads", title="Ремонти доріг", status=DatasetStatus.PUBLISHED)
    cache.add(f"catalog:{variant}:lock", 1, 60)  # another process is building the new version
    with django_assert_num_queries(0):
        stale = client.get("/registry/catalog.ttl")
    assert stale.status_code == 200 and "Бюджет міста" in stale.content.decode()
    assert "Ремонти доріг" not in stale.content.decode()

    cache.clear()
    cache.add(f"catalog:{variant}:lock", 1, 60)
    busy = client.get("/registry/catalog.ttl")
    assert busy.status_code == 503 and busy["Retry-After"] == "10"
    assert "Каталог формується" in busy.content.decode()


def test_etag_answers_304_and_large_catalogues_are_streamed(client, monkeypatch):
    DatasetFactory(slug="budget", title="Бюджет міста")
    first = client.get("/registry/catalog.jsonld")
    assert client.get("/registry/catalog.jsonld", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    monkeypatch.setattr(catalog_cache, "INLINE_MAX_BYTES", 10)
    streamed = client.get("/registry/catalog.jsonld")
    assert streamed.streaming and body(streamed) == first.content


def test_turned_off_builds_every_time(client, settings):
    settings.CATALOG_CACHE_SECONDS = 0
    DatasetFactory(slug="budget")
    client.get("/registry/catalog.ttl")
    assert not default_storage.exists("catalog")


def test_a_large_registry_is_built_by_the_task_and_then_served_without_query(
    client, settings, django_assert_num_queries
):
    settings.CATALOG_INLINE_MAX_DATASETS = 0  # every registry counts as large
    DatasetFactory(slug="budget", title="Бюджет міста")
    built = client.get("/registry/catalog.ttl")  # queues the task (run at once: eager in tests)
    assert built.status_code == 200 and "Бюджет міста" in built.content.decode()
    with django_assert_num_queries(0):
        assert client.get("/registry/catalog.ttl").content == built.content


def test_the_task_builds_what_an_https_request_gets(client, settings, django_assert_num_queries):
    from registry.tasks import build_catalog

    settings.ALLOWED_HOSTS = ["opendata.example.org"]
    settings.SITE_URL = "https://opendata.example.org"  # the catalogue's IRIs come from SITE_URL
    DatasetFactory(slug="budget", title="Бюджет міста")
    assert build_catalog.delay("catalog_ttl", "https://opendata.example.org/registry/catalog.ttl").get() is True
    assert build_catalog.delay("catalog_ttl", "https://opendata.example.org/registry/catalog.ttl").get() is False
    with django_assert_num_queries(0):
        response = client.get("/registry/catalog.ttl", secure=True, HTTP_HOST="opendata.example.org")
    assert response.status_code == 200
    assert "https://opendata.example.org/registry/budget/" in response.content.decode()


def test_with_the_broker_down_a_large_registry_answers_503_and_tries_again_later(client, settings):
    from tests.common.broker import celery_on, free_port

    settings.CATALOG_INLINE_MAX_DATASETS = 0
    DatasetFactory(slug="budget")
    with celery_on(f"redis://127.0.0.1:{free_port()}/0"):
        response = client.get("/registry/catalog.jsonld")
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert not cache.get(f"catalog:{catalog_cache._Keys(response.wsgi_request, 'catalog_jsonld').variant}:lock")
    assert client.get("/registry/catalog.jsonld").status_code == 200  # the broker is back (eager here)
