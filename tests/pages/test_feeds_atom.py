"""Both feeds are Atom 1.0, in the page's language, dated by the events they report, with titles
cut at a word boundary."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from feedback import services
from feedback.choices import FeedbackStatus
from feedback.models import FeedbackItem, FeedbackStatusChange
from plan.models import ProgressUpdate, Task
from tests.feedback.factories import published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]
ATOM = "{http://www.w3.org/2005/Atom}"
LONG_TITLE = (
    "Забезпечити участь представників міської ради в конференціях, семінарах і навчаннях з питань "
    "відкритих даних, а також у міжнародних заходах партнерів і громадських організацій регіону"
)


def _feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{ATOM}feed"
    return root


def _moment(entry, name):
    return dt.datetime.fromisoformat(entry.find(f"{ATOM}{name}").text)


def _assert_cut_at_a_word(shown: str, original: str):
    assert shown.endswith("…") and len(shown) < len(original)
    kept = shown[:-1]
    assert original.startswith(kept)
    assert original[len(kept)] == " ", f"cut mid-word: {shown!r}"


def test_requests_feed_is_atom_with_a_title_in_the_pages_language(client, coordinator):
    published(coordinator, title="Бюджет міста по місяцях")
    for language in ("uk", "en"):
        client.cookies["django_language"] = language
        feed = _feed(client.get("/requests/feed/"))
        with translation.override(language):
            assert feed.find(f"{ATOM}title").text == translation.gettext("Запити на відкриті дані")
        assert feed.find(f"{ATOM}updated") is not None and feed.find(f"{ATOM}id") is not None
        assert len(feed.findall(f"{ATOM}entry")) == 1


def test_requests_feed_entries_dated_by_their_events(client, coordinator):
    received = timezone.make_aware(dt.datetime(2020, 3, 2, 9, 30))
    answered = timezone.make_aware(dt.datetime(2020, 5, 14, 16, 5))
    old = published(coordinator, title="Давній запит без відповіді")
    answered_item = published(coordinator, title="Запит із відповіддю")
    answered_item = services.feedback_moderate(
        item=answered_item, by=coordinator, status=FeedbackStatus.ANSWERED, public_answer="Оприлюднимо в травні."
    )
    # As if the records were loaded today from older events: the feed must show the events' dates.
    FeedbackItem.objects.filter(pk=old.pk).update(created_at=received - dt.timedelta(days=30))
    FeedbackStatusChange.objects.filter(item=old).update(created_at=received - dt.timedelta(days=29))
    FeedbackItem.objects.filter(pk=answered_item.pk).update(
        created_at=received, answered_at=answered, closed_at=answered if answered_item.closed_at else None
    )
    FeedbackStatusChange.objects.filter(item=answered_item).update(created_at=received)
    entries = _feed(client.get("/requests/feed/")).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text.split(":")[0] for e in entries] == [f"№{answered_item.pk}", f"№{old.pk}"]
    assert _moment(entries[0], "published") == received
    assert _moment(entries[0], "updated") == answered
    assert _moment(entries[1], "published") == _moment(entries[1], "updated") - dt.timedelta(days=1)


def test_requests_feed_titles_cut_at_a_word(client, coordinator):
    item = published(coordinator, title=LONG_TITLE[:180])
    title = _feed(client.get("/requests/feed/")).find(f"{ATOM}entry/{ATOM}title").text
    prefix = f"№{item.pk}: "
    assert title.startswith(prefix)
    _assert_cut_at_a_word(title[len(prefix) :], " ".join(LONG_TITLE[:180].split()))


def test_progress_feed_entries_dated_by_the_updates_own_dates(client, build):
    build(3)
    ProgressUpdate.objects.update(created_at=timezone.now())  # all loaded just now
    entries = _feed(client.get("/feeds/progress/")).findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        update_id = int(entry.find(f"{ATOM}link").get("href").rsplit("#update-", 1)[1])
        update = ProgressUpdate.objects.get(pk=update_id)
        expected = timezone.make_aware(dt.datetime.combine(update.date, dt.time.min))
        assert _moment(entry, "updated") == expected
        assert _moment(entry, "published") == expected


def test_progress_feed_titles_cut_at_a_word(client, build):
    builder = build(1)
    Task.objects.filter(pk=builder.tasks[0].pk).update(title=LONG_TITLE)
    titles = [e.find(f"{ATOM}title").text for e in _feed(client.get("/feeds/progress/")).findall(f"{ATOM}entry")]
    assert titles
    for title in titles:
        position, rest = title.split(". ", 1)
        shown = rest.rsplit(" — ", 1)[0]
        _assert_cut_at_a_word(shown, LONG_TITLE)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("коротка назва", 20, "коротка назва"),
        ("участь в конференціях з даних", 20, "участь в…"),
        ("участь в конференціях", 22, "участь в конференціях"),
        ("участь, в конференціях", 10, "участь, в…"),
        ("участь, в конференціях", 9, "участь…"),
        ("Надзвичайнодовгеслово", 8, "Надзвич…"),
        ("  багато   пробілів  тут ", 16, "багато пробілів…"),
    ],
)
def test_shorten_at_word(text, limit, expected):
    from common.text import shorten_at_word

    assert shorten_at_word(text, limit) == expected
    assert len(shorten_at_word(text, limit)) <= limit


def test_requests_feed_costs_the_same_queries_for_2_or_12_requests(client, coordinator):
    def queries_for(count):
        for n in range(count):
            published(coordinator, title=f"Запит {n}")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/requests/feed/").status_code == 200
        return len(captured)

    few = queries_for(2)
    assert queries_for(10) == few
