"""A small world for the API tests: one object of every kind, owned by `department`."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.feedback.factories import published
from tests.plan.factories import make_plan, make_section, make_task
from tests.registry.factories import DatasetFactory, RequiredDatasetFactory

ROLES = ("anonymous", "head_own", "head_other", "coordinator", "council")


def audit_resource_fields(**overrides):
    """Every field an information resource needs for its questionnaire to be submitted."""
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
        "system_name": "СЕД",
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


def _audit_world(department, coordinator, head):
    """Three campaigns of `department`, each in the state its routes need.

    A: open, results published, a draft questionnaire with one complete resource (detail,
    edit, submit, resource CRUD, close, summary); B: open, questionnaire submitted (return,
    promote, review); C: a draft campaign (open).
    """
    from audit import services
    from audit.models import AuditResponse

    today = timezone.localdate()

    def campaign(title, open_it=True):
        made = services.campaign_create(
            by=coordinator,
            title=title,
            methodology="Методика: перелічіть ресурси.",
            methodology_version="1.0",
            start_date=today,
            deadline=today + datetime.timedelta(days=30),
            departments=[department],
        )
        if open_it:
            services.campaign_open(campaign=made, by=coordinator)
            made.refresh_from_db()
        return made

    a = campaign("Аудит А")
    services.campaign_publish_results(campaign=a, by=coordinator)
    response_a = AuditResponse.objects.get(campaign=a, department=department)
    resource_a = services.resource_add(response=response_a, by=head, **audit_resource_fields())

    b = campaign("Аудит Б")
    response_b = AuditResponse.objects.get(campaign=b, department=department)
    resource_b = services.resource_add(response=response_b, by=head, **audit_resource_fields())
    services.response_submit(response=response_b, by=head)

    c = campaign("Аудит В", open_it=False)
    return {
        "audit-campaign": a,
        "audit-response": response_a,
        "audit-resource": resource_a,
        # route-specific objects (state matters)
        "audit-campaign-open": c,
        "audit-response-return-": response_b,
        "audit-response-promote": response_b,
        "audit-resource-review": resource_b,
    }


@pytest.fixture
def api_world(department, other_department, coordinator, department_head):
    """Objects behind every object-level route, keyed by router basename (or by route name where
    the route needs an object in a particular state)."""
    plan = make_plan()
    section = make_section(plan)
    task = make_task(section, departments=[department])
    required = RequiredDatasetFactory()
    dataset = DatasetFactory(department=department, required_by_835=required)
    item = published(coordinator, dataset=dataset)
    return {
        "plan": plan,
        "principle": section.principle,
        "section": section,
        "department": department,
        "task": task,
        "dataset": dataset,
        "required-dataset": required,
        "request": item,
        "report": _report(coordinator),
        **_audit_world(department, coordinator, department_head),
    }


def pending_update(task, author):
    """A progress update awaiting review (as a co-responsible department's report would be)."""
    from plan.choices import ReviewState, TaskStatus
    from plan.models import ProgressUpdate

    return ProgressUpdate.objects.create(
        task=task,
        author=author,
        date=datetime.date(2020, 1, 5),
        period_index=2019 * 4 + 3,
        status=TaskStatus.SUBSTANTIAL,
        narrative="Звіт співвиконавця за IV квартал 2019 року.",
        review_state=ReviewState.PENDING,
    )


def _report(coordinator):
    """A stored quarterly report (its PDF is not needed by the API, which only links to it)."""
    from reports.models import QuarterlyReport

    return QuarterlyReport.objects.create(
        year=2020,
        quarter=1,
        pdf="reports/2020-Q1-v1.pdf",
        size=1024,
        checksum="0" * 64,
        snapshot={"summary": {"plan": {"completion_percent": 40, "completed": 2, "overdue": 1}}},
        generated_by=coordinator,
    )


@pytest.fixture
def role_users(department_head, other_head, coordinator, council_member):
    return {
        "anonymous": None,
        "head_own": department_head,
        "head_other": other_head,
        "coordinator": coordinator,
        "council": council_member,
    }


@pytest.fixture
def api():
    return APIClient()
