"""Issue 18: the public site says "демонстраційні дані" while load_demo's data is loaded."""

import io

import pytest
from django.core.management import call_command

from portal.demo import demo_marker_clear

pytestmark = pytest.mark.django_db

NOTICE = "Демонстраційні дані."


def test_notice_while_demo_data_is_loaded(client):
    assert NOTICE not in client.get("/").content.decode()
    call_command("load_demo", stdout=io.StringIO())
    for path in ("/", "/plan/tasks/", "/plan/timeline/"):
        page = client.get(path).content.decode()
        assert NOTICE in page and 'class="demo-notice"' in page, path
    demo_marker_clear()
    assert NOTICE not in client.get("/").content.decode()
