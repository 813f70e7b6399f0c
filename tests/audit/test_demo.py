import io

import pytest

from accounts import demo as accounts_demo
from audit import demo
from audit.choices import CampaignStatus, ResponseStatus
from audit.models import AuditCampaign, InformationResource


@pytest.mark.django_db
def test_demo_campaign_is_open_with_one_submitted_response_and_safe_to_run_twice(django_capture_on_commit_callbacks):
    out = io.StringIO()
    accounts_demo.load(out)
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(out)
        demo.load(out)
    campaign = AuditCampaign.objects.get()
    assert campaign.status == CampaignStatus.OPEN
    assert campaign.responses.count() == len(accounts_demo.DEMO_DEPARTMENTS)
    assert list(
        campaign.responses.filter(status=ResponseStatus.SUBMITTED).values_list("department__head__username", flat=True)
    ) == ["head"]
    assert InformationResource.objects.count() == len(demo.DEMO_RESOURCES)
