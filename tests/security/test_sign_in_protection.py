"""Finding 6: sign-in protection cannot be turned against a user; reset and bad tokens are limited;
coordinators cannot grant rights they do not hold."""

import pytest
from django.core import mail
from django.test import override_settings
from rest_framework.authtoken.models import Token

from accounts.models import User

GOOD = "pass-Word-2019"


def _login(client, ip, username="coord", password=GOOD):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_wrong_passwords_from_one_address_do_not_lock_the_user_out_elsewhere(client, coordinator, department_head):
    for _ in range(6):
        _login(client, "203.0.113.66", password="wrong")
    assert _login(client, "203.0.113.66").status_code == 429  # the attacker's address is locked for "coord"
    client.logout()
    assert _login(client, "198.51.100.10").status_code == 302  # the coordinator, from the office, signs in
    client.logout()
    # The attacker's address is not locked for other accounts either (the lock is username + address).
    assert _login(client, "203.0.113.66", username="head").status_code == 302


@pytest.mark.django_db
@override_settings(PASSWORD_RESET_PER_IP=5, PASSWORD_RESET_PER_EMAIL=3)
def test_password_reset_is_limited_per_e_mail_address(client, coordinator):
    statuses = [
        client.post("/accounts/password_reset/", {"email": "coord@example.org"}, REMOTE_ADDR=f"10.0.0.{n}").status_code
        for n in range(10)
    ]
    assert statuses == [302] * 3 + [429] * 7
    assert len(mail.outbox) == 3
    response = client.post("/accounts/password_reset/", {"email": "coord@example.org"}, REMOTE_ADDR="10.0.1.1")
    assert "Забагато запитів на відновлення пароля" in response.content.decode()


@pytest.mark.django_db
@override_settings(PASSWORD_RESET_PER_IP=5, PASSWORD_RESET_PER_EMAIL=3)
def test_password_reset_is_limited_per_client_address(client, coordinator):
    statuses = [
        client.post("/accounts/password_reset/", {"email": f"x{n}@example.org"}, REMOTE_ADDR="10.9.9.9").status_code
        for n in range(8)
    ]
    assert statuses == [302] * 5 + [429] * 3
    # Unknown and known addresses get the same answer: the limit reveals nothing about accounts.
    assert (
        client.post("/accounts/password_reset/", {"email": "coord@example.org"}, REMOTE_ADDR="10.9.9.9").status_code
        == 429
    )
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(API_BAD_TOKENS_PER_WINDOW=5)
def test_requests_with_wrong_tokens_are_throttled(client, coordinator):
    token = Token.objects.create(user=coordinator)
    for n in range(5):
        response = client.get("/api/v1/tasks/", HTTP_AUTHORIZATION=f"Token wrong{n:036d}", REMOTE_ADDR="192.0.2.1")
        assert response.status_code == 401
    response = client.get("/api/v1/tasks/", HTTP_AUTHORIZATION=f"Token wrong{9:036d}", REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429
    assert "Забагато запитів" in response.json()["detail"]
    assert "Retry-After" in response
    # Even the right token is refused from that address for now (no oracle for guessed tokens) ...
    right = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    assert client.get("/api/v1/tasks/", REMOTE_ADDR="192.0.2.1", **right).status_code == 429
    # ... but its owner elsewhere is unaffected, and anonymous reading from that address still works.
    assert client.get("/api/v1/tasks/", REMOTE_ADDR="192.0.2.2", **right).status_code == 200
    assert client.get("/api/v1/tasks/", REMOTE_ADDR="192.0.2.1").status_code == 200


def _change_form(user):
    return {
        "username": user.username,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "initial-date_joined_0": "2026-01-01",
        "initial-date_joined_1": "10:00:00",
    }


@pytest.mark.django_db
def test_coordinator_cannot_grant_superuser_in_the_admin(client, coordinator, department_head):
    client.force_login(coordinator)
    for target in (department_head, coordinator):  # nor to themselves
        response = client.post(f"/admin/accounts/user/{target.pk}/change/", _change_form(target))
        assert response.status_code in (200, 302)
        target.refresh_from_db()
        assert not target.is_superuser
    page = client.get(f"/admin/accounts/user/{department_head.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page


@pytest.mark.django_db
def test_coordinator_cannot_change_or_delete_a_superuser(client, coordinator):
    root = User.objects.create_superuser("root", "root@example.org", "Root-pass-2019")
    client.force_login(coordinator)
    assert client.post(f"/admin/accounts/user/{root.pk}/password/", {}).status_code == 403
    assert client.post(f"/admin/accounts/user/{root.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(f"/admin/accounts/user/{root.pk}/change/", {**_change_form(root), "email": "x@evil.test"})
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.email == "root@example.org"


@pytest.mark.django_db
def test_superuser_still_can_grant_superuser(client, department_head):
    root = User.objects.create_superuser("root", "root@example.org", "Root-pass-2019")
    client.force_login(root)
    response = client.post(f"/admin/accounts/user/{department_head.pk}/change/", _change_form(department_head))
    assert response.status_code == 302, response.content.decode()[:2000]
    department_head.refresh_from_db()
    assert department_head.is_superuser


@pytest.mark.django_db
def test_coordinator_cannot_hand_out_a_group_with_rights_they_lack(client, coordinator, department_head):
    from django.contrib.auth.models import Group, Permission

    admins = Group.objects.create(name="user-admins")
    admins.permissions.add(Permission.objects.get(codename="change_group"))  # coordinators lack it
    client.force_login(coordinator)
    page = client.get(f"/admin/accounts/user/{department_head.pk}/change/").content.decode()
    assert "user-admins" not in page and "coordinator" in page  # their own role is still offered
    form = {**_change_form(department_head), "groups": [admins.pk]}
    form.pop("is_superuser")
    response = client.post(f"/admin/accounts/user/{department_head.pk}/change/", form)
    assert response.status_code == 200  # the form is shown again with an error
    assert not department_head.groups.filter(pk=admins.pk).exists()
