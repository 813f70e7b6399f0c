"""A small world for the API tests: one object of every kind, owned by `department`."""

import pytest
from rest_framework.test import APIClient

from tests.feedback.factories import published
from tests.plan.factories import make_plan, make_section, make_task
from tests.registry.factories import DatasetFactory, RequiredDatasetFactory

ROLES = ("anonymous", "head_own", "head_other", "coordinator", "council")


@pytest.fixture
def api_world(department, other_department, coordinator):
    """Objects behind every object-level route, keyed by the router basename they are served under."""
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
    }


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
