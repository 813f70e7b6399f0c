"""The home page is cached for anonymous visitors and invalidated by data changes."""

import pytest
from django.test import Client

from accounts.models import Department
from portal import views


@pytest.fixture
def renders(monkeypatch, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    calls = []
    real_render = views.render

    def counting_render(*args, **kwargs):
        calls.append(args[1])
        return real_render(*args, **kwargs)

    monkeypatch.setattr(views, "render", counting_render)
    return calls


@pytest.mark.django_db
def test_home_page_is_served_from_cache_until_data_changes(client, renders, django_assert_num_queries):
    first = client.get("/")
    assert first.status_code == 200 and len(renders) == 1
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert second.status_code == 200 and len(renders) == 1
    assert "Відкриті дані громади" in second.content.decode()
    Department.objects.create(name="Управління цифрової трансформації")
    Client().get("/")
    assert len(renders) == 2


@pytest.mark.django_db
def test_home_page_for_signed_in_users_is_never_cached(client, renders, coordinator):
    Client().get("/")
    client.force_login(coordinator)
    for _ in range(2):
        html = client.get("/").content.decode()
        assert "coord" in html and "/workspace/" in html
    assert len(renders) == 3
    assert "/workspace/" not in Client().get("/").content.decode()
    assert len(renders) == 3


@pytest.mark.django_db
def test_home_page_language_switch_works_from_a_cached_page(renders):
    Client().get("/")
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get("/").content.decode()
    assert len(renders) == 1
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert '<html lang="en">' in visitor.get("/").content.decode()
    assert len(renders) == 2
