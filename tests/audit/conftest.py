import datetime

import pytest
from django.utils import timezone

from audit import services
from audit.models import AuditResponse


def resource_fields(**overrides):
    """Every field a resource needs to be submitted."""
    fields = {
        "name": "Реєстр рішень виконавчого комітету",
        "description": "Рішення виконкому: номер, дата, назва, текст.",
        "legal_basis": "Закон України «Про місцеве самоврядування в Україні», ст. 59.",
        "form": "database",
        "formats": "DOCX, PDF",
        "personal_data": "no",
        "access_category": "public",
        "frequency": "monthly",
        "approximate_size": "500 документів на рік",
        "system_name": "СЕД «Мегаполіс»",
        "system_url": "https://sed.example.org/",
        "responsible_person": "Олена Приватна",
        "responsible_email": "olena.private@example.org",
        "can_publish": "yes",
        "restriction_reason": "",
        "public_interest": 4,
        "published_url": "",
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def draft_campaign(coordinator, department, other_department):
    today = timezone.localdate()
    return services.campaign_create(
        by=coordinator,
        title="Інформаційний аудит 2026",
        methodology="Методика: перелічіть ресурси.",
        methodology_version="1.0",
        start_date=today,
        deadline=today + datetime.timedelta(days=30),
        departments=[department, other_department],
    )


@pytest.fixture
def campaign(draft_campaign, coordinator, department_head, other_head, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_open(campaign=draft_campaign, by=coordinator)
    draft_campaign.refresh_from_db()
    return draft_campaign


@pytest.fixture
def response(campaign, department):
    return AuditResponse.objects.get(campaign=campaign, department=department)


@pytest.fixture
def other_response(campaign, other_department):
    return AuditResponse.objects.get(campaign=campaign, department=other_department)


@pytest.fixture
def submitted(response, department_head):
    services.resource_add(response=response, by=department_head, **resource_fields())
    services.resource_add(
        response=response,
        by=department_head,
        **resource_fields(
            name="Журнал обліку звернень громадян",
            personal_data="yes",
            access_category="official_use",
            can_publish="no",
            restriction_reason="Містить персональні дані заявників (Закон «Про захист персональних даних»).",
        ),
    )
    services.response_submit(response=response, by=department_head)
    response.refresh_from_db()
    return response
