"""Finding 8 (CSP): the policy header is on every response; exceptions are limited to their routes."""

import pytest

from tests.security.helpers import plan_with_evidence


def _directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/plan/tasks/", "/registry/", "/accounts/login/", "/api/v1/plans/", "/nope/"])
def test_pages_and_api_carry_the_strict_policy(client, url):
    response = client.get(url)
    directives = _directives(response["Content-Security-Policy"])
    assert directives["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in response["Content-Security-Policy"]
    if not url.startswith("/api/"):
        assert directives["style-src"] == "style-src 'self'"
    assert directives["object-src"] == "object-src 'none'"
    assert directives["frame-ancestors"] == "frame-ancestors 'none'"


@pytest.mark.django_db
def test_swagger_runs_under_the_site_policy_and_its_script_is_a_file(client):
    page = client.get("/api/v1/docs/")
    assert _directives(page["Content-Security-Policy"])["style-src"] == "style-src 'self'"
    html = page.content.decode()
    assert "<script>" not in html and "<style>" not in html and "?script=" in html
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


@pytest.mark.django_db
def test_redoc_alone_allows_inline_styles_and_a_worker(client):
    policy = _directives(client.get("/api/v1/redoc/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["style-src"] and "blob:" in policy["worker-src"]
    assert policy["script-src"] == "script-src 'self'"


@pytest.mark.django_db
def test_downloads_keep_their_sandbox_policy(client):
    _plan, _task, _update, evidence = plan_with_evidence()
    assert client.get(evidence.file.url)["Content-Security-Policy"].startswith("sandbox")


def test_templates_have_no_inline_script_or_style():
    """The pages' own templates: no <script> body, no <style>, no style= or on*= attributes."""
    import re
    from pathlib import Path

    from django.conf import settings

    # E-mails and the PDF report are not served to browsers as pages.
    skip = ("reminders/email", "reports/report.html", "/email/")
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)
    offenders = [
        str(path)
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if not any(part in str(path) for part in skip) and inline.search(path.read_text())
    ]
    assert offenders == []
