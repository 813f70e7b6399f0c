"""With debug off, 403, 404 and 500 are the site's own pages in the visitor's language; /api/ keeps JSON."""

import re

import pytest
from django.test import Client
from django.utils import translation

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.pages.error_urls")]

TITLES = {403: "Доступ заборонено", 404: "Сторінку не знайдено", 500: "Помилка сервера"}
PATHS = {403: "/test-403/", 404: "/no-such-page/", 500: "/test-500/"}


def _client(language):
    client = Client(raise_request_exception=False)
    if language != "uk":
        client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize("status", [403, 404, 500])
def test_error_page_is_the_sites_page_in_the_visitors_language(settings, status, language):
    assert settings.DEBUG is False
    response = _client(language).get(PATHS[status])
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    with translation.override(language):
        title = translation.gettext(TITLES[status])
        home = translation.gettext("На головну сторінку")
    assert re.search(rf"<h1>\s*{re.escape(title)}\s*</h1>", html)
    assert home in html
    assert 'href="/static/css/site.css"' in html
    assert 'rel="icon" href="/static/img/favicon.svg"' in html
    assert "Not Found" not in html and "Server Error" not in html
    if status != 500:  # the full layout: its menu is in the visitor's language too
        with translation.override(language):
            assert translation.gettext("Реєстр наборів") in html


def test_500_page_renders_without_the_database(django_assert_num_queries):
    client = _client("uk")
    with django_assert_num_queries(0):
        response = client.get("/test-500/")
    assert response.status_code == 500
    assert "Помилка сервера" in response.content.decode()


def test_api_404_stays_json():
    response = _client("en").get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_favicon_is_a_local_static_file():
    response = _client("uk").get("/static/img/favicon.svg")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"<svg") and b"http://" not in body.replace(b"http://www.w3.org/2000/svg", b"")


@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_form_refused_by_the_csrf_check_gets_the_sites_403_page(language):
    client = Client(enforce_csrf_checks=True)
    if language != "uk":
        client.cookies["django_language"] = language
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    with translation.override(language):
        assert translation.gettext("Доступ заборонено") in html
        assert (
            translation.gettext(
                "Форму не прийнято: сторінка застаріла або у браузері вимкнено файли cookie. "
                "Оновіть сторінку й надішліть форму ще раз."
            )
            in html
        )
    assert "CSRF verification failed" not in html
