"""Anonymous page cache: served without queries, invalidated by data changes, never for users."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.test import Client, RequestFactory

from accounts.models import Department
from common import cache as public_cache
from tests.common import cache_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.common.cache_urls")]


@pytest.fixture(autouse=True)
def calls(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache_urls.CALLS["count"] = 0
    return cache_urls.CALLS


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_second_anonymous_request_is_served_from_cache_without_queries(
    client, department, calls, django_assert_num_queries
):
    first = client.get("/cached/")
    assert first.status_code == 200 and calls["count"] == 1
    with django_assert_num_queries(0):
        second = Client().get("/cached/")
    assert calls["count"] == 1
    assert second.status_code == 200
    assert department.name in second.content.decode()
    assert re.sub(r'value="[^"]+"', "", second.content.decode()) == re.sub(r'value="[^"]+"', "", first.content.decode())


def test_any_model_change_invalidates_the_cached_page(client, department, calls):
    client.get("/cached/")
    Department.objects.create(name="Архівний відділ")
    html = client.get("/cached/").content.decode()
    assert "Архівний відділ" in html and calls["count"] == 2
    client.get("/cached/")
    assert calls["count"] == 2
    department.delete()
    html = client.get("/cached/").content.decode()
    assert department.name not in html and calls["count"] == 3


def test_many_to_many_changes_and_deletes_bump_the_version(coordinator):
    before = public_cache.public_data_version()
    coordinator.groups.add(Group.objects.create(name="Редактори"))
    after_add = public_cache.public_data_version()
    assert after_add > before
    coordinator.groups.clear()
    assert public_cache.public_data_version() > after_add


def test_sign_in_stamping_last_login_does_not_invalidate(client, coordinator):
    version = public_cache.public_data_version()
    assert client.login(username="coord", password="pass-Word-2019")
    assert public_cache.public_data_version() == version


def test_signed_in_users_never_get_or_fill_the_anonymous_cache(client, department, coordinator, calls):
    anonymous = Client().get("/cached/").content.decode()
    assert "AnonymousUser" in anonymous
    client.force_login(coordinator)
    signed_in = client.get("/cached/").content.decode()
    assert calls["count"] == 2 and "coord|" in signed_in and "AnonymousUser" not in signed_in
    client.get("/cached/")
    assert calls["count"] == 3  # a signed-in user always gets a fresh page

    public_cache.bump_public_data_version()
    client.get("/cached/")  # the signed-in page must not be stored for anonymous visitors
    assert "AnonymousUser" in Client().get("/cached/").content.decode()


def test_language_is_part_of_the_key(client, calls):
    assert '<p lang="uk">' in client.get("/cached/").content.decode()
    english = Client()
    english.cookies["django_language"] = "en"
    assert '<p lang="en">' in english.get("/cached/").content.decode()
    assert calls["count"] == 2
    assert '<p lang="en">' in english.get("/cached/").content.decode()
    assert '<p lang="uk">' in Client().get("/cached/").content.decode()
    assert calls["count"] == 2


def test_query_string_is_part_of_the_key(client, calls):
    assert "|парки</p>" in client.get("/cached/?q=парки").content.decode()
    assert "|бюджет</p>" in client.get("/cached/?q=бюджет").content.decode()
    client.get("/cached/?q=парки")
    assert calls["count"] == 2


def test_non_200_responses_and_responses_setting_cookies_are_not_cached(client, calls):
    assert client.get("/cached/?missing=1").status_code == 404
    assert client.get("/cached/?missing=1").status_code == 404
    assert calls["count"] == 2
    assert client.get("/cached/?cookie=1").cookies["seen"].value == "1"
    assert Client().get("/cached/?cookie=1").cookies["seen"].value == "1"
    assert calls["count"] == 4


def test_only_get_requests_are_cached(client, calls):
    client.post("/cached/")
    client.get("/cached/")
    client.get("/cached/")
    assert calls["count"] == 2


def test_a_visitor_with_a_pending_message_gets_a_fresh_page_that_is_not_stored(client, calls):
    Client().get("/cached/")  # in the cache now
    client.get("/message/")
    html = client.get("/cached/").content.decode()
    assert "Дякуємо за відгук" in html and calls["count"] == 2
    assert "Дякуємо за відгук" not in Client().get("/cached/").content.decode()
    assert calls["count"] == 2


def test_cached_page_carries_each_visitors_own_csrf_token():
    first = Client(enforce_csrf_checks=True)
    first_token = csrf_token(first.get("/cached/").content.decode())
    second = Client(enforce_csrf_checks=True)
    response = second.get("/cached/")
    assert cache_urls.CALLS["count"] == 1
    token = csrf_token(response.content.decode())
    assert token != first_token and "public-page-csrf" not in response.content.decode()
    assert "csrftoken" in second.cookies
    switched = second.post("/i18n/setlang/", {"language": "en", "next": "/cached/", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302


def test_timeout_zero_turns_caching_off(client, calls, settings):
    client.get("/uncached/")
    client.get("/uncached/")
    assert calls["count"] == 2
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client.get("/cached/")
    client.get("/cached/")
    assert calls["count"] == 4


def test_key_holds_version_date_language_and_full_url():
    request = RequestFactory().get("/plan/tasks/?status=completed")
    key = public_cache.page_cache_key(request)
    version = public_cache.public_data_version()
    assert key.startswith(f"public-page:{version}:")
    assert public_cache.page_cache_key(RequestFactory().get("/plan/tasks/?status=limited")) != key
    public_cache.bump_public_data_version()
    assert public_cache.page_cache_key(request) != key


def test_version_survives_losing_its_key():
    from django.core.cache import cache

    cache.delete(public_cache.VERSION_KEY)
    assert public_cache.bump_public_data_version() > 1_000_000  # time-based, not back to 1


def test_every_model_of_the_public_apps_is_connected():
    for label in public_cache.PUBLIC_DATA_APPS:
        models = list(apps.get_app_config(label).get_models(include_auto_created=True))
        assert models or label in ("feedback", "audit", "reports"), label  # these apps grow models later
        for model in models:
            assert post_save.has_listeners(model), model
            assert post_delete.has_listeners(model), model
            assert m2m_changed.has_listeners(model), model
    assert apps.get_model("accounts", "User").groups.through in public_cache.connect_public_data_signals(["accounts"])


def test_one_commit_callback_per_transaction(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        version = public_cache.public_data_version()
        for number in range(5):
            Department.objects.create(name=f"Відділ {number}")
        assert public_cache.public_data_version() == version + 5
    assert len(callbacks) == 1
    assert public_cache.public_data_version() == version + 6


def test_template_responses_are_stored_once_rendered(client, calls, django_assert_num_queries):
    first = client.get("/template/")
    assert first.status_code == 200 and "Відкриті дані громади" in first.content.decode()
    with django_assert_num_queries(0):
        second = Client().get("/template/")
    assert calls["count"] == 1 and "Відкриті дані громади" in second.content.decode()
    assert csrf_token(second.content.decode()) != csrf_token(first.content.decode())


def test_head_requests_are_answered_from_the_cache_but_never_fill_it(client, calls):
    client.head("/cached/")
    client.head("/cached/")
    assert calls["count"] == 2
    client.get("/cached/")
    assert client.head("/cached/").status_code == 200
    assert calls["count"] == 3
