import datetime as dt

import pytest
from django.utils import timezone

from plan.choices import TaskStatus
from tests.plan.factories import make_plan, make_section, make_task
from tests.registry.factories import DatasetFactory


@pytest.fixture
def plan(db):
    return make_plan(title="План дій з відкритих даних", start="2019Q1", end="2030Q4")


@pytest.fixture
def section(plan):
    return make_section(plan, number=1, title="Доступність")


@pytest.fixture
def own_task(section, department):
    """A task of the head's department, overdue (due in the past, not completed)."""
    return make_task(
        section,
        departments=[department],
        position=1,
        title="Оприлюднити перелік наборів даних ВЗГ",
        due_date=dt.date(2019, 12, 31),
    )


@pytest.fixture
def other_task(section, other_department):
    return make_task(
        section,
        departments=[other_department],
        position=2,
        title="Стратегія розвитку відкритих даних",
        due_date=dt.date(2019, 6, 30),
        status=TaskStatus.LIMITED,
    )


@pytest.fixture
def own_dataset(department):
    return DatasetFactory(department=department, title="Контакти пресслужби", slug="press-contacts")


@pytest.fixture
def overdue_dataset(other_department):
    return DatasetFactory(
        department=other_department,
        title="Бюджет міста",
        slug="city-budget",
        last_updated_at=timezone.now() - dt.timedelta(days=200),
    )


@pytest.fixture
def audit_campaign(coordinator, department, other_department, department_head, other_head):
    from audit import services

    today = timezone.localdate()
    campaign = services.campaign_create(
        by=coordinator,
        title="Інформаційний аудит 2026",
        methodology="Перелічіть ресурси.",
        methodology_version="1.0",
        start_date=today,
        deadline=today + dt.timedelta(days=20),
        departments=[department, other_department],
    )
    services.campaign_open(campaign=campaign, by=coordinator)
    campaign.refresh_from_db()
    return campaign


@pytest.fixture
def own_response(audit_campaign, department):
    from audit.models import AuditResponse

    return AuditResponse.objects.get(campaign=audit_campaign, department=department)


@pytest.fixture
def other_response(audit_campaign, other_department):
    from audit.models import AuditResponse

    return AuditResponse.objects.get(campaign=audit_campaign, department=other_department)


def complete_resource(**overrides):
    fields = {
        "name": "Реєстр рішень виконавчого комітету",
        "description": "Рішення виконкому: номер, дата, назва, текст.",
        "legal_basis": "Закон України «Про місцеве самоврядування в Україні», ст. 59.",
        "form": "database",
        "formats": "DOCX, PDF",
        "personal_data": "no",
        "access_category": "public",
        "frequency": "monthly",
        "can_publish": "yes",
        "public_interest": 4,
    }
    fields.update(overrides)
    return fields
