import datetime

import pytest
from django.core import mail
from django.utils import timezone

from audit.models import AuditCampaign


@pytest.mark.django_db
def test_coordinator_creates_and_opens_a_campaign_in_the_admin(
    client, coordinator, department, department_head, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    today = timezone.localdate()
    reply = client.post(
        "/admin/audit/auditcampaign/add/",
        {
            "title": "Аудит через адміністрування",
            "methodology": "Текст методики",
            "methodology_version": "2.0",
            "start_date": today.isoformat(),
            "deadline": (today + datetime.timedelta(days=14)).isoformat(),
            "departments": [department.pk],
        },
    )
    assert reply.status_code == 302, reply.content.decode()[:2000]
    campaign = AuditCampaign.objects.get()
    assert campaign.created_by == coordinator and campaign.status == "draft"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/audit/auditcampaign/", {"action": "open_campaigns", "_selected_action": [campaign.pk]})
    campaign.refresh_from_db()
    assert campaign.status == "open" and campaign.responses.count() == 1
    assert [m.to for m in mail.outbox] == [["head@example.org"]]
    page = client.get(f"/admin/audit/auditcampaign/{campaign.pk}/change/").content.decode()
    assert 'name="departments"' not in page  # fixed once opened


@pytest.mark.django_db
def test_department_head_has_no_admin(client, department_head):
    client.force_login(department_head)
    assert client.get("/admin/audit/auditcampaign/").status_code == 302
