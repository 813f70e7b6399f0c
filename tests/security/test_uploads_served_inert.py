"""Finding 1: uploaded files never execute: downloads with nosniff and a sandbox CSP; markup refused at upload."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import override_settings
from django.urls import resolve

from common.downloads import media_serve
from common.uploads import validate_upload
from plan.evidence import evidence_download
from tests.security.helpers import XHTML_WITH_SCRIPT, plan_with_evidence


def _assert_inert(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert not response["Content-Type"].startswith(("text/html", "application/xhtml", "image/svg", "text/xml"))


@pytest.mark.django_db
def test_xhtml_evidence_is_served_as_an_inert_download(client, coordinator):
    _plan, _task, _update, evidence = plan_with_evidence(content=XHTML_WITH_SCRIPT, name="evil.xml")
    client.force_login(coordinator)
    response = client.get(evidence.file.url)
    _assert_inert(response)
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response.streaming_content) == XHTML_WITH_SCRIPT


@pytest.mark.django_db
def test_pdf_evidence_keeps_its_type_but_is_still_a_download(client):
    _plan, _task, _update, evidence = plan_with_evidence()
    response = client.get(evidence.file.url)
    _assert_inert(response)
    assert response["Content-Type"] == "application/pdf"


def test_media_urls_go_through_the_safe_views():
    assert resolve("/media/evidence/2026/01/a.xml").func is evidence_download


def test_development_media_urls_go_through_the_safe_views_too(settings):
    import importlib

    from django.urls import Resolver404

    import ternopil_od.urls as project_urls

    with pytest.raises(Resolver404):  # production: nothing else under /media/
        resolve("/media/reports/2019/q4.pdf")
    settings.DEBUG = True
    try:
        debug_urls = importlib.reload(project_urls)
        assert resolve("/media/evidence/2026/01/a.xml", urlconf=debug_urls).func is evidence_download
        assert resolve("/media/reports/2019/q4.pdf", urlconf=debug_urls).func is media_serve
    finally:
        settings.DEBUG = False
        importlib.reload(project_urls)


@pytest.mark.django_db
def test_development_media_route_serves_downloads_too(rf, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "x.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>")
    _assert_inert(media_serve(rf.get("/media/x.svg"), "x.svg"))
    for bad in ("../etc/passwd", "/etc/passwd"):
        with pytest.raises(Http404):
            media_serve(rf.get("/media/"), bad)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.xml", XHTML_WITH_SCRIPT),
        ("image.xml", b"<svg xmlns='http://www.w3.org/2000/svg'><circle/></svg>"),
        ("style.xml", b"<?xml version='1.0'?><?xml-stylesheet type='text/xsl' href='x.xsl'?><a/>"),
        ("notes.txt", b"hello <SCRIPT>alert(1)</SCRIPT>"),
        ("table.csv", b"a,b\n<html><body onload=alert(1)>,2\n"),
        ("data.json", b'{"a": "<iframe src=javascript:alert(1)>"}'),
        (
            "late.xml",
            b"<?xml version='1.0'?><!--" + b"x" * 2_000_000 + b"--><html xmlns='http://www.w3.org/1999/xhtml'/>",
        ),
    ],
)
def test_renderable_markup_is_refused_at_upload(name, content):
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile(name, content))
    assert "веб-сторінку, SVG або скрипт" in str(caught.value)


def test_plain_xml_is_still_accepted():
    validate_upload(SimpleUploadedFile("register.xml", b"<?xml version='1.0'?><datasets><d id='1'/></datasets>"))


@pytest.mark.django_db
@override_settings(CELERY_TASK_ALWAYS_EAGER=True)
def test_api_refuses_an_xhtml_upload(client, coordinator, department):
    _plan, task, _update, _evidence = plan_with_evidence(department=department)
    client.force_login(coordinator)
    response = client.post(
        f"/api/v1/tasks/{task.pk}/progress/",
        {
            "status": "limited",
            "narrative": "Звіт",
            "delay_reason": "Чекали на дані.",
            "files": [SimpleUploadedFile("evil.xml", XHTML_WITH_SCRIPT)],
        },
    )
    assert response.status_code == 400
    assert "веб-сторінку" in str(response.json())


@pytest.mark.django_db
def test_report_pdfs_are_inert_downloads_too(client, department):
    from reports import services
    from tests.plan.factories import make_plan, make_section, make_task

    plan = make_plan(title="План дій міста")
    make_task(make_section(plan, 1), departments=[department], periods=[("2019Q3", "2019Q3")])
    report = services.report_generate(year=2019, quarter=4)
    _assert_inert(client.get(f"/reports/{report.pk}/download/"))


@pytest.mark.django_db
@pytest.mark.django_db
def test_registry_import_of_deeply_nested_json_is_a_row_free_error():
    from registry.importing import registry_import
    from registry.models import Dataset

    report = registry_import(data=b"[" * 100_000, filename="datasets.json", dry_run=False)
    assert len(report.errors) == 1 and "надто глибока вкладеність" in report.errors[0]
    assert not Dataset.objects.exists()
