import pytest


@pytest.mark.django_db
def test_home_page_is_ukrainian_first_with_landmarks(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="uk">' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "Перейти до змісту" in html


@pytest.mark.django_db
def test_language_switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_login_page_and_sign_in(client, coordinator):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post("/accounts/login/", {"username": "coord", "password": "pass-Word-2019"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_api_schema_and_docs_are_served_without_cdn(client):
    assert client.get("/api/v1/schema/").status_code == 200
    docs = client.get("/api/v1/docs/").content.decode()
    assert "cdn." not in docs and "unpkg" not in docs and "jsdelivr" not in docs


@pytest.mark.django_db
def test_pages_stay_ukrainian_for_an_english_browser_until_the_switch_is_used(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="uk">' in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="uk").content.decode()


@pytest.mark.django_db
def test_api_answers_in_the_language_the_client_asks_for(client):
    response = client.get("/api/v1/tasks/?status=nonsense", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.headers["Content-Language"] == "en"


@pytest.mark.django_db
def test_evidence_files_are_served_with_debug_off(client, settings, tmp_path):
    from tests.security.helpers import plan_with_evidence

    # Only files of a progress update are served (as downloads; tests/security/test_uploads_served_inert.py).
    _plan, _task, _update, evidence = plan_with_evidence(content="протокол навчання".encode(), name="protocol.txt")
    response = client.get(evidence.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == "протокол навчання"
    assert client.get("/media/evidence/../../ternopil_od/settings.py").status_code in (400, 404)
