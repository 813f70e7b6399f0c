"""Pages and API lists cost a fixed number of queries whatever the number of departments and resources."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import roles
from accounts.models import Department
from accounts.services import user_create_with_role
from audit import services
from audit.models import AuditResponse

from .conftest import resource_fields

pytestmark = pytest.mark.django_db


def _campaign(coordinator, n_departments, n_resources, django_capture_on_commit_callbacks):
    departments, heads = [], []
    for i in range(n_departments):
        department = Department.objects.create(name=f"Підрозділ {n_departments}-{i}", email=f"d{i}@example.org")
        head = user_create_with_role(
            username=f"h{n_departments}-{i}", password="x-Pass-2019", role=roles.DEPARTMENT_HEAD, department=department
        )
        department.head = head
        department.save()
        departments.append(department)
        heads.append(head)
    today = timezone.localdate()
    campaign = services.campaign_create(
        by=coordinator,
        title=f"Кампанія {n_departments}",
        start_date=today,
        deadline=today + datetime.timedelta(days=10),
        departments=departments,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_open(campaign=campaign, by=coordinator)
    for department, head in zip(departments, heads, strict=True):
        response = AuditResponse.objects.get(campaign=campaign, department=department)
        for j in range(n_resources):
            services.resource_add(response=response, by=head, **resource_fields(name=f"Ресурс {j}"))
        services.response_submit(response=response, by=head)
    services.campaign_close(campaign=campaign, by=coordinator)
    return campaign


def _count(callable_):
    with CaptureQueriesContext(connection) as ctx:
        reply = callable_()
    assert reply.status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_data(client, coordinator, django_capture_on_commit_callbacks):
    small = _campaign(coordinator, 2, 1, django_capture_on_commit_callbacks)
    large = _campaign(coordinator, 6, 4, django_capture_on_commit_callbacks)
    client.force_login(coordinator)
    api = APIClient()
    api.force_authenticate(coordinator)
    pages = [
        lambda c: client.get(f"/audit/campaigns/{c.pk}/"),
        lambda c: client.get(f"/audit/results/{c.pk}/"),
        lambda c: client.get(f"/audit/results/{c.pk}/resources.csv"),
        lambda c: client.get(f"/audit/campaigns/{c.pk}/export.csv"),
        lambda c: client.get(f"/audit/responses/{c.responses.first().pk}/review/"),
        lambda c: client.get(f"/audit/responses/{c.responses.first().pk}/"),
        lambda c: api.get(f"/api/v1/audit-resources/?campaign={c.pk}"),
        lambda c: api.get(f"/api/v1/audit-responses/?campaign={c.pk}"),
        lambda c: api.get(f"/api/v1/audit-campaigns/{c.pk}/summary/"),
    ]
    for page in pages:
        assert _count(lambda p=page: p(small)) == _count(lambda p=page: p(large))


def test_department_head_pages_cost_the_same_with_more_resources(client, department_head, response):
    client.force_login(department_head)
    services.resource_add(response=response, by=department_head, **resource_fields())
    counts = [_count(lambda: client.get("/audit/")), _count(lambda: client.get(f"/audit/responses/{response.pk}/"))]
    for i in range(5):
        services.resource_add(response=response, by=department_head, **resource_fields(name=f"Ресурс {i}"))
    assert counts == [
        _count(lambda: client.get("/audit/")),
        _count(lambda: client.get(f"/audit/responses/{response.pk}/")),
    ]
