"""Sign-in protection: lock-out after repeated failures, password reset by e-mail."""

import re

import pytest
from django.core import mail
from django.test import override_settings


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_out(client, coordinator):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "coord", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "coord", "password": "pass-Word-2019"})
    assert response.status_code == 429
    assert "Вхід тимчасово заблоковано" in response.content.decode()


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_success_before_the_limit_resets_the_count(client, coordinator):
    for _ in range(2):
        client.post("/accounts/login/", {"username": "coord", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "coord", "password": "pass-Word-2019"}).status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "coord", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "coord", "password": "pass-Word-2019"}).status_code == 302


@pytest.mark.django_db
def test_wrong_password_shows_a_ukrainian_message(client, coordinator):
    response = client.post("/accounts/login/", {"username": "coord", "password": "wrong"})
    assert response.status_code == 200
    assert "правильні ім" in response.content.decode()  # Django's Ukrainian "введіть правильні ім'я..."


@pytest.mark.django_db
def test_password_reset_by_email(client, coordinator):
    response = client.post("/accounts/password_reset/", {"email": "coord@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Nove-Gaslo-2020x", "new_password2": "Nove-Gaslo-2020x"})
    assert done.status_code == 302
    assert client.login(username="coord", password="Nove-Gaslo-2020x")


@pytest.mark.django_db
def test_password_validators_reject_a_weak_password(client, coordinator):
    client.post("/accounts/password_reset/", {"email": "coord@example.org"})
    link = re.search(r"/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
