import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from feedback import services
from feedback.identity import VOTER_COOKIE
from feedback.models import Vote

from .factories import published, submit


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.mark.django_db
def test_vote_once_per_browser_via_form(client, coordinator):
    item = published(coordinator)
    first = client.post(f"/requests/{item.pk}/vote/")
    assert first.status_code == 302
    assert VOTER_COOKIE in first.cookies
    second = client.post(f"/requests/{item.pk}/vote/")
    assert second.status_code == 302
    assert Vote.objects.filter(item=item).count() == 1
    page = client.get(f"/requests/{item.pk}/").content.decode()
    assert "Ви вже проголосували" in page
    assert "Ваш голос за це звернення вже враховано" in page


@pytest.mark.django_db
def test_vote_needs_post(client, coordinator):
    item = published(coordinator)
    assert client.get(f"/requests/{item.pk}/vote/").status_code == 405


@pytest.mark.django_db
def test_vote_on_unpublished_item_is_404(client):
    item = submit()
    assert client.post(f"/requests/{item.pk}/vote/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.feedback_vote(item=item, cookie_id=None, ip="1.2.3.4")


@pytest.mark.django_db
def test_tampered_cookie_is_ignored(client, coordinator):
    item = published(coordinator)
    client.cookies[VOTER_COOKIE] = "forged-value"
    response = client.post(f"/requests/{item.pk}/vote/")
    # A new, validly signed cookie replaces the forged one.
    assert response.cookies[VOTER_COOKIE].value != "forged-value"
    assert Vote.objects.filter(item=item).count() == 1


@pytest.mark.django_db
def test_votes_per_address_are_capped(coordinator, settings):
    settings.FEEDBACK_VOTES_PER_IP = 2
    item = published(coordinator)
    results = [services.feedback_vote(item=item, cookie_id=f"c-{n}", ip="203.0.113.5") for n in range(4)]
    assert [r.counted for r in results] == [True, True, False, False]
    # A different address with a new cookie still counts.
    assert services.feedback_vote(item=item, cookie_id="c-x", ip="203.0.113.6").counted
    assert Vote.objects.filter(item=item).count() == 3


@pytest.mark.django_db
def test_without_cookie_the_address_is_the_voter(coordinator):
    item = published(coordinator)
    assert services.feedback_vote(item=item, cookie_id=None, ip="203.0.113.9").counted
    again = services.feedback_vote(item=item, cookie_id=None, ip="203.0.113.9")
    assert not again.counted and again.votes == 1


@pytest.mark.django_db
def test_no_raw_ip_stored(coordinator):
    item = published(coordinator, ip="203.0.113.77")
    services.feedback_vote(item=item, cookie_id=None, ip="203.0.113.77")
    vote = Vote.objects.get()
    assert "203.0.113.77" not in vote.voter_key + vote.ip_hash + item.ip_hash


@pytest.mark.django_db
def test_list_sorted_by_votes_and_by_age(client, coordinator):
    older = published(coordinator, title="Старий запит, багато голосів")
    newer = published(coordinator, title="Новий запит без голосів")
    for n in range(3):
        services.feedback_vote(item=older, cookie_id=f"v{n}", ip=f"198.51.100.{n}")
    by_votes = [i.pk for i in client.get("/requests/").context["page"].object_list]
    by_age = [i.pk for i in client.get("/requests/?sort=new").context["page"].object_list]
    assert by_votes == [older.pk, newer.pk]
    assert by_age == [newer.pk, older.pk]
