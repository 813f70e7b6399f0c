"""Finding 1 in a real browser: a signed-in coordinator opens an XHTML evidence file; its script never runs."""

import os

import pytest
from django.conf import settings

from tests.security.helpers import XHTML_WITH_SCRIPT, plan_with_evidence

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="Debian's Chromium is not installed"),
]


@pytest.fixture
def app_serves_media(monkeypatch):
    """Django's live server answers /media/ itself (django.views.static.serve, inline, no headers), which
    is exactly the hole under test: route /media/ through the app's URLs as gunicorn would."""
    from django.test import testcases

    monkeypatch.setattr(testcases._MediaFilesHandler, "_should_handle", lambda self, path: False, raising=False)


def test_xhtml_evidence_script_never_runs_for_a_signed_in_coordinator(
    app_serves_media, page, live_server, transactional_db, coordinator
):
    _plan, _task, _update, evidence = plan_with_evidence(content=XHTML_WITH_SCRIPT, name="evil.xml")
    from django.test import Client

    client = Client()
    client.force_login(coordinator)
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/accounts/api-token/")  # signed in: the page a stolen session would read
    assert "/accounts/login" not in page.url

    url = f"{live_server.url}{evidence.file.url}"
    with page.expect_download() as download_info:
        try:
            page.goto(url)
        except Exception as exc:  # noqa: BLE001 - Chromium aborts a navigation that turns into a download
            assert "Download is starting" in str(exc) or "ERR_ABORTED" in str(exc)
    assert download_info.value.suggested_filename == "evil.xml"
    page.wait_for_timeout(300)
    assert page.title() != "RAN"
    assert not any("script-ran-here" in u for u in requested)

    # Even framed from the site's own page, the sandbox policy keeps the document from running script.
    page.set_content(f'<iframe src="{url}"></iframe>')
    page.wait_for_timeout(500)
    assert not any("script-ran-here" in u for u in requested)
