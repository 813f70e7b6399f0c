"""API tokens: the /accounts/api-token/ page, the admin, and what a token may do."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts import tokens

PAGE = "/accounts/api-token/"
# The task is past its due date: a report needs a reason for delay (issue 18).
PROGRESS = {"status": "limited", "narrative": "Оприлюднено перший набір даних.", "delay_reason": "Затримка."}


def _token_client(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_page_url_name():
    assert reverse("accounts:api-token") == PAGE


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("fixture", ["council_member"])
def test_council_members_have_no_tokens(client, request, fixture):
    user = request.getfixturevalue(fixture)
    client.force_login(user)
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"action": "create"}).status_code == 403
    assert not Token.objects.filter(user=user).exists()
    with pytest.raises(Exception, match="лише координатори"):
        tokens.api_token_rotate(user=user)


@pytest.mark.parametrize("fixture", ["coordinator", "department_head"])
def test_create_shows_the_key_once_then_rotate_and_revoke(client, request, fixture):
    user = request.getfixturevalue(fixture)
    client.force_login(user)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "У вас немає токена." in page.content.decode()

    created = client.post(PAGE, {"action": "create"})
    assert created.status_code == 200
    key = Token.objects.get(user=user).key
    assert key in created.content.decode()
    assert "no-store" in created["Cache-Control"]

    again = client.get(PAGE)
    assert key not in again.content.decode(), "the key is shown only in the response that created it"
    assert "Токен створено" in again.content.decode()

    rotated = client.post(PAGE, {"action": "create"})
    new_key = Token.objects.get(user=user).key
    assert new_key != key and new_key in rotated.content.decode()
    assert _token_client(key).get("/api/v1/plans/").status_code == 401
    assert _token_client(new_key).get("/api/v1/plans/").status_code == 200

    revoked = client.post(PAGE, {"action": "revoke"})
    assert revoked.status_code == 302
    assert not Token.objects.filter(user=user).exists()
    assert _token_client(new_key).get("/api/v1/plans/").status_code == 401


def test_page_needs_csrf(coordinator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(PAGE, {"action": "create"}).status_code == 403
    assert not Token.objects.filter(user=coordinator).exists()


def test_token_writes_within_the_role(api_world, department_head, other_head, coordinator):
    task = api_world["task"]
    url = f"/api/v1/tasks/{task.pk}/progress/"
    own = tokens.api_token_rotate(user=department_head)
    other = tokens.api_token_rotate(user=other_head)
    coord = tokens.api_token_rotate(user=coordinator)

    response = _token_client(own.key).post(url, PROGRESS, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "limited"
    assert task.updates.get().author == department_head

    refused = _token_client(other.key).post(url, PROGRESS, format="json")
    assert refused.status_code == 403
    assert refused.json()["detail"]

    dataset_url = f"/api/v1/datasets/{api_world['dataset'].pk}/updates/"
    assert _token_client(coord.key).post(dataset_url, {"note": "Оновлено"}, format="json").status_code == 201
    # Token requests carry no CSRF token and need none (scripts have no cookies).
    assert (
        APIClient(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Token {own.key}")
        .post(dataset_url, {"note": "Оновлено знову"}, format="json")
        .status_code
        == 201
    )


def test_revoked_token_gets_401(api_world, department_head):
    key = tokens.api_token_rotate(user=department_head).key
    tokens.api_token_revoke(user=department_head)
    url = f"/api/v1/tasks/{api_world['task'].pk}/progress/"
    response = _token_client(key).post(url, PROGRESS, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["detail"]
    assert not api_world["task"].updates.exists()
    # Even a public read is refused with a bad token: the client should know its token is dead.
    assert _token_client(key).get("/api/v1/plans/").status_code == 401


def test_anonymous_write_is_401_with_challenge(api, api_world):
    response = api.post(f"/api/v1/tasks/{api_world['task'].pk}/progress/", PROGRESS, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_session_writes_still_need_csrf(api_world, department_head):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(department_head)
    response = client.post(f"/api/v1/tasks/{api_world['task'].pk}/progress/", PROGRESS, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_coordinator_manages_tokens_in_the_admin(client, coordinator, department_head):
    client.force_login(coordinator)
    changelist = reverse("admin:authtoken_tokenproxy_changelist")
    assert client.get(changelist).status_code == 200
    add = reverse("admin:authtoken_tokenproxy_add")
    assert client.get(add).status_code == 200
    response = client.post(add, {"user": coordinator.pk})
    assert response.status_code == 302, response.content[:500]
    token = Token.objects.get(user=coordinator)
    delete = reverse("admin:authtoken_tokenproxy_delete", args=[token.user_id])  # TokenProxy is keyed by user
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Token.objects.filter(user=coordinator).exists()


def test_department_heads_have_no_admin(client, department_head):
    client.force_login(department_head)
    response = client.get(reverse("admin:authtoken_tokenproxy_changelist"))
    assert response.status_code == 302  # to the admin's sign-in: heads use /accounts/api-token/
