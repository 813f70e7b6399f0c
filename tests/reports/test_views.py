"""The public archive, downloads, the API, and the coordinator's "generate now"."""

import hashlib

import pytest
from django.urls import reverse

from reports import services
from reports.models import QuarterlyReport
from tests.plan.factories import make_plan, make_section, make_task

PASSWORD = "pass-Word-2019"


@pytest.fixture
def report(db, department):
    plan = make_plan(title="План дій міста")
    make_task(make_section(plan, 1), departments=[department], periods=[("2019Q3", "2019Q3")], title="Завдання")
    return services.report_generate(year=2019, quarter=4)


def test_archive_lists_reports_with_download_links(client, report):
    second = services.report_generate(year=2019, quarter=4)
    response = client.get("/reports/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "IV квартал 2019 року" in html
    assert f'href="/reports/{report.pk}/download/"' in html
    assert f'href="/reports/{second.pk}/download/"' in html
    assert "reports:generate" not in html and 'action="/reports/generate/"' not in html  # public: no form


def test_download_streams_the_stored_pdf(client, report):
    response = client.get(f"/reports/{report.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="zvit-2019-q4-v1.pdf"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == report.checksum
    assert client.get("/reports/999999/download/").status_code == 404


def test_api_lists_reports_with_headline_figures(client, report):
    response = client.get("/api/v1/reports/")
    assert response.status_code == 200
    item = response.json()["results"][0]
    assert item["label"] == "IV квартал 2019 року"
    assert item["download_url"] == f"http://testserver/reports/{report.pk}/download/"
    assert item["headline"]["tasks_overdue"] == {"label": "Прострочено завдань", "value": 1}
    detail = client.get(f"/api/v1/reports/{report.pk}/").json()
    assert detail["checksum"] == report.checksum
    assert client.post("/api/v1/reports/", {}).status_code in (403, 405)


def test_generate_endpoint_anonymous_goes_to_login(client, db):
    response = client.post(reverse("reports:generate"), {"year": 2019, "quarter": 4})
    assert response.status_code == 302 and "/login" in response["Location"]
    assert QuarterlyReport.objects.count() == 0


@pytest.mark.parametrize("who", ["department_head", "council_member"])
def test_generate_endpoint_refuses_other_roles(client, who, request):
    user = request.getfixturevalue(who)
    client.login(username=user.username, password=PASSWORD)
    response = client.post(reverse("reports:generate"), {"year": 2019, "quarter": 4})
    assert response.status_code == 403
    assert client.get(reverse("reports:generate")).status_code in (403, 405)
    assert QuarterlyReport.objects.count() == 0


def test_coordinator_generates_now(client, coordinator, department, django_capture_on_commit_callbacks):
    plan = make_plan()
    make_task(make_section(plan, 1), departments=[department])
    client.login(username=coordinator.username, password=PASSWORD)
    assert 'action="/reports/generate/"' in client.get("/reports/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:generate"), {"year": 2019, "quarter": 4}, HTTP_REFERER="http://testserver/workspace/"
        )
    assert response.status_code == 302 and response["Location"] == "http://testserver/workspace/"
    report = QuarterlyReport.objects.get()
    assert (report.year, report.quarter, report.generated_by) == (2019, 4, coordinator)
    page = client.get("/reports/").content.decode()
    assert "IV квартал 2019 року формується" in page or f"/reports/{report.pk}/download/" in page


def test_generate_endpoint_validates_and_refuses_foreign_redirects(client, coordinator):
    client.login(username=coordinator.username, password=PASSWORD)
    response = client.post(
        reverse("reports:generate"), {"year": 2100, "quarter": 1}, HTTP_REFERER="https://evil.example/"
    )
    assert response.status_code == 302 and response["Location"] == reverse("reports:archive")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("ще не почався" in m for m in messages)
    response = client.post(reverse("reports:generate"), {"year": "x", "quarter": 7}, follow=True)
    assert "Вкажіть рік і квартал звіту" in response.content.decode()
    assert QuarterlyReport.objects.count() == 0
