"""The workspace with the reports app: the archive for council members, "generate now" for coordinators."""

import pytest
from django.utils import timezone

from common.quarters import Quarter
from reports.models import QuarterlyReport

pytestmark = pytest.mark.django_db


def _report(quarter: Quarter, version=1):
    return QuarterlyReport.objects.create(
        year=quarter.year,
        quarter=quarter.number,
        version=version,
        pdf=f"reports/{quarter.year}/zvit-{quarter.year}-q{quarter.number}-v{version}.pdf",
        checksum="0" * 64,
    )


def test_council_member_sees_the_reports_archive_newest_first(client, council_member):
    older = _report(Quarter(2019, 3))
    newer = _report(Quarter(2019, 4))
    client.force_login(council_member)
    html = client.get("/workspace/").content.decode()
    archive = html[html.index('id="reports"') :]
    assert archive.index(f'href="/reports/{newer.pk}/download/"') < archive.index(
        f'href="/reports/{older.pk}/download/"'
    )
    assert "IV квартал 2019 року, версія 1" in archive
    assert 'href="/reports/"' in archive


def test_generate_now_targets_the_quarter_just_ended_until_its_report_exists(client, coordinator):
    current = Quarter.containing(timezone.localdate())
    client.force_login(coordinator)

    def report_block():
        html = client.get("/workspace/").content.decode()
        return html[html.index('id="report"') : html.index('id="departments"')]

    block = report_block()
    previous = current.previous()
    assert 'action="/reports/generate/"' in block
    assert f'name="year" value="{previous.year}"' in block and f'name="quarter" value="{previous.number}"' in block
    _report(previous)
    block = report_block()
    assert current.label() in block
    assert f'name="year" value="{current.year}"' in block and f'name="quarter" value="{current.number}"' in block


def test_generate_now_from_the_workspace_comes_back_to_it(client, coordinator, django_capture_on_commit_callbacks):
    quarter = Quarter.containing(timezone.localdate()).previous()
    client.force_login(coordinator)
    response = client.post(
        "/reports/generate/", {"year": quarter.year, "quarter": quarter.number, "next": "/workspace/#report"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/workspace/#report"
