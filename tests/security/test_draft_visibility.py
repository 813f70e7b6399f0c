"""Finding 2: a draft plan and everything under it is visible to staff only: API, pages, feed, evidence."""

import pytest

from plan import selectors
from plan.choices import PlanStatus
from tests.security.helpers import plan_with_evidence


@pytest.fixture
def draft(db, department):
    return plan_with_evidence(status=PlanStatus.DRAFT, department=department)


def _draft_urls(draft):
    plan, task, _update, evidence = draft
    return [
        f"/api/v1/plans/{plan.pk}/",
        f"/api/v1/tasks/{task.pk}/",
        f"/api/v1/tasks/{task.pk}/progress/",
        f"/api/v1/principles/{task.section.principle_id}/",
        f"/api/v1/sections/{task.section_id}/",
        f"/plan/tasks/{task.pk}/",
        evidence.file.url,
    ]


@pytest.mark.django_db
def test_anonymous_gets_404_for_every_object_of_a_draft_plan(client, draft):
    for url in _draft_urls(draft):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_anonymous_lists_and_filters_never_show_the_draft(client, draft, settings, coordinator):
    plan, task, _update, evidence = draft
    # A coordinator looks at the draft first: nothing they see may be cached for the public.
    staff = type(client)()
    staff.force_login(coordinator)
    for url in (f"/plan/tasks/?plan={plan.pk}", f"/?plan={plan.pk}", f"/plan/tasks/{task.pk}/", "/feeds/progress/"):
        assert staff.get(url).status_code == 200, url
    assert plan.pk not in [p["id"] for p in client.get("/api/v1/plans/").json()["results"]]
    assert task.pk not in [t["id"] for t in client.get("/api/v1/tasks/").json()["results"]]
    # As for an id that does not exist: an empty list (common/filters.py).
    assert client.get(f"/api/v1/tasks/?plan={plan.pk}").json()["count"] == 0
    assert client.get(f"/api/v1/principles/?plan={plan.pk}").json()["count"] == 0
    assert client.get(f"/api/v1/sections/?plan={plan.pk}").json()["count"] == 0
    for url in (
        "/feeds/progress/",
        f"/?plan={plan.pk}",
        f"/plan/tasks/?plan={plan.pk}",
        f"/plan/tasks/export.csv?plan={plan.pk}",
        f"/plan/timeline/?plan={plan.pk}",
    ):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert task.title.encode() not in body, url
        assert "Звіт про виконання.".encode() not in body, url
        assert evidence.file.name.encode() not in body, url


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "department_head", "council_member"])
def test_staff_see_the_draft(client, draft, role, request):
    client.force_login(request.getfixturevalue(role))
    for url in _draft_urls(draft):
        assert client.get(url).status_code == 200, url
    plan, task, _update, evidence = draft
    # On the pages a draft is shown when chosen; the default stays the public's plan.
    assert task.title in client.get(f"/plan/tasks/?plan={plan.pk}").content.decode()
    assert "Звіт про виконання." in client.get(f"/?plan={plan.pk}").content.decode()
    assert client.get(f"/api/v1/tasks/?plan={plan.pk}").json()["count"] == 1
    progress = client.get(f"/api/v1/tasks/{task.pk}/progress/").json()["results"]
    assert progress[0]["files"][0]["file"].endswith(evidence.file.url)


@pytest.mark.django_db
def test_one_rule_for_adopted_plans_too(client, department):
    plan, task, _update, evidence = plan_with_evidence(department=department)
    assert client.get(f"/api/v1/tasks/{task.pk}/").status_code == 200
    assert client.get(evidence.file.url).status_code == 200
    assert list(selectors.plans_visible_to(None)) == [plan]


@pytest.mark.django_db
def test_report_action_narrows_to_the_heads_department(draft, department_head, other_head, coordinator):
    _plan, task, _update, _evidence = draft
    assert list(selectors.tasks_for(department_head, "report")) == [task]
    assert list(selectors.tasks_for(other_head, "report")) == []
    assert list(selectors.tasks_for(coordinator, "report")) == [task]
    assert list(selectors.tasks_for(None, "report")) == []


@pytest.mark.django_db
def test_public_quarterly_report_never_takes_a_draft_plan(draft):
    from common.quarters import Quarter
    from reports.context import plan_for

    plan, _task, _update, _evidence = draft  # covers 2019Q1-2020Q4
    assert plan_for(Quarter.parse("2019Q4")) is None
    plan.status = PlanStatus.ADOPTED
    plan.save()
    assert plan_for(Quarter.parse("2019Q4")) == plan


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["pending", "returned"])
def test_evidence_of_an_update_not_yet_accepted_is_not_public(client, coordinator, state):
    """An update awaiting review (or returned) is hidden on the task page; so is its evidence file."""
    from plan.models import ProgressUpdate
    from tests.security.helpers import plan_with_evidence

    _plan, _task, update, evidence = plan_with_evidence()
    url = evidence.file.url
    assert client.get(url).status_code == 200  # accepted: public, as a download
    ProgressUpdate.objects.filter(pk=update.pk).update(review_state=state)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)  # the reviewer still opens it
    assert client.get(url).status_code == 200
