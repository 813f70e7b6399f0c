"""Every <time datetime> on the request and task pages is a valid HTML date or global date-time:
no microseconds, no "2019Q1"."""

import datetime as dt
import re

import pytest

from feedback import services
from feedback.choices import FeedbackStatus
from plan.models import TaskPeriod
from tests.feedback.factories import published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

TIME = re.compile(r"<time\b([^>]*)>")
DATETIME_ATTR = re.compile(r'\bdatetime="([^"]*)"')
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
GLOBAL_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})")


def _time_values(html: str) -> list[str]:
    values = []
    for attributes in TIME.findall(html):
        match = DATETIME_ATTR.search(attributes)
        assert match, f"<time{attributes}> without datetime"
        values.append(match.group(1))
    return values


def _assert_valid(values: list[str]):
    assert values
    for value in values:
        if DATE.fullmatch(value):
            dt.date.fromisoformat(value)
        elif GLOBAL_DATETIME.fullmatch(value):
            dt.datetime.strptime(value[:16], "%Y-%m-%dT%H:%M")
        else:
            pytest.fail(f"invalid <time datetime={value!r}>")


def test_request_list_and_request_page(client, coordinator):
    item = published(coordinator, title="Бюджет міста по місяцях")
    services.feedback_moderate(
        item=item, by=coordinator, status=FeedbackStatus.ANSWERED, public_answer="Оприлюднимо в травні."
    )
    for url in ("/requests/", f"/requests/{item.pk}/"):
        html = client.get(url).content.decode()
        values = _time_values(html)
        _assert_valid(values)
        assert not any(re.search(r"\.\d{4,}", v) for v in values)


def test_task_pages(client, build):
    builder = build(3)
    assert TaskPeriod.objects.filter(task__in=builder.tasks).exists()
    for task in builder.tasks:
        html = client.get(f"/plan/tasks/{task.pk}/").content.decode()
        values = _time_values(html)
        _assert_valid(values)
        assert not any("Q" in v for v in values)
    _assert_valid(_time_values(client.get("/plan/tasks/").content.decode()))
