"""The API: same permissions as the pages."""

import pytest
from rest_framework.test import APIClient

from audit import services
from audit.models import InformationResource
from registry.models import Dataset

from .conftest import resource_fields

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anonymous_sees_only_published_campaigns_and_their_summary(submitted, campaign, coordinator, draft_campaign):
    anonymous = api()
    assert anonymous.get("/api/v1/audit-campaigns/").json()["results"] == []
    assert anonymous.get(f"/api/v1/audit-campaigns/{campaign.pk}/summary/").status_code == 404
    assert anonymous.get("/api/v1/audit-responses/").status_code in (401, 403)
    assert anonymous.get("/api/v1/audit-resources/").status_code in (401, 403)
    services.campaign_close(campaign=campaign, by=coordinator)
    listed = anonymous.get("/api/v1/audit-campaigns/").json()["results"]
    assert [c["id"] for c in listed] == [campaign.pk]
    reply = anonymous.get(f"/api/v1/audit-campaigns/{campaign.pk}/summary/")
    body = reply.content.decode()
    assert reply.status_code == 200
    data = reply.json()
    assert data["departments"] == [
        {"department": submitted.department.name, "resources": 2, "publishable": 1, "with_personal_data": 1}
    ]
    assert [r["name"] for r in data["resources"]] == ["Реєстр рішень виконавчого комітету"]
    assert "Олена Приватна" not in body and "@example.org" not in body and "responsible" not in body
    assert anonymous.post(f"/api/v1/audit-campaigns/{campaign.pk}/open/").status_code in (401, 403)


def test_council_member_reads_no_questionnaires(council_member, submitted):
    assert api(council_member).get("/api/v1/audit-responses/").status_code == 403


def test_department_head_lists_only_own_department(department_head, other_head, submitted, other_response):
    data = api(department_head).get("/api/v1/audit-responses/").json()["results"]
    assert [r["id"] for r in data] == [submitted.pk]
    assert data[0]["resources_count"] == 2
    resources = api(department_head).get("/api/v1/audit-resources/").json()["results"]
    assert len(resources) == 2 and resources[0]["responsible_person"] == "Олена Приватна"
    assert api(other_head).get("/api/v1/audit-resources/").json()["results"] == []
    campaigns = api(other_head).get("/api/v1/audit-campaigns/").json()["results"]
    assert [c["id"] for c in campaigns] == [submitted.campaign_id]


def test_head_of_another_department_gets_404_on_the_api(other_head, submitted):
    client = api(other_head)
    resource = submitted.resources.first()
    assert client.get(f"/api/v1/audit-responses/{submitted.pk}/").status_code == 404
    assert client.patch(f"/api/v1/audit-responses/{submitted.pk}/", {"notes": "x"}, format="json").status_code == 404
    assert client.post(f"/api/v1/audit-responses/{submitted.pk}/submit/").status_code == 404
    assert client.get(f"/api/v1/audit-resources/{resource.pk}/").status_code == 404
    assert client.patch(f"/api/v1/audit-resources/{resource.pk}/", {"name": "x"}, format="json").status_code == 404
    assert client.delete(f"/api/v1/audit-resources/{resource.pk}/").status_code == 404
    reply = client.post("/api/v1/audit-resources/", {"response": submitted.pk, "name": "Чужий"}, format="json")
    assert reply.status_code == 404
    assert submitted.resources.count() == 2


def test_department_head_writes_while_editable_through_the_api(department_head, response):
    client = api(department_head)
    reply = client.post("/api/v1/audit-resources/", {"response": response.pk, **resource_fields()}, format="json")
    assert reply.status_code == 201, reply.content
    resource_id = reply.json()["id"]
    reply = client.patch(
        f"/api/v1/audit-resources/{resource_id}/", {"can_publish": "no", "restriction_reason": ""}, format="json"
    )
    assert reply.status_code == 400 and "restriction_reason" in reply.json()
    reply = client.patch(f"/api/v1/audit-resources/{resource_id}/", {"formats": "CSV"}, format="json")
    assert reply.status_code == 200 and reply.json()["formats"] == "CSV"
    assert (
        client.patch(f"/api/v1/audit-responses/{response.pk}/", {"notes": "Готово"}, format="json").status_code == 200
    )
    reply = client.post(f"/api/v1/audit-responses/{response.pk}/submit/")
    assert reply.status_code == 200 and reply.json()["status"] == "submitted"
    # Read-only after submit.
    reply = client.patch(f"/api/v1/audit-resources/{resource_id}/", {"formats": "XML"}, format="json")
    assert reply.status_code == 409 and "status" in reply.json()  # the questionnaire's state, not the body
    assert client.delete(f"/api/v1/audit-resources/{resource_id}/").status_code == 409
    # Review actions are not the head's.
    assert client.post(f"/api/v1/audit-resources/{resource_id}/review/", {"decision": "accepted"}).status_code == 403
    assert client.post(f"/api/v1/audit-responses/{response.pk}/promote/").status_code == 403


def test_submit_through_the_api_reports_missing_fields(department_head, response):
    client = api(department_head)
    client.post("/api/v1/audit-resources/", {"response": response.pk, "name": "Лише назва"}, format="json")
    reply = client.post(f"/api/v1/audit-responses/{response.pk}/submit/")
    assert reply.status_code == 409 and "не заповнено" in str(reply.json()["resources"])


def test_coordinator_reviews_returns_and_promotes_through_the_api(coordinator, department_head, submitted):
    client = api(coordinator)
    assert len(client.get("/api/v1/audit-responses/").json()["results"]) == 2
    publishable = submitted.resources.get(can_publish="yes")
    reply = client.post(f"/api/v1/audit-resources/{publishable.pk}/review/", {"decision": "accepted"}, format="json")
    assert reply.status_code == 200 and reply.json()["review_decision"] == "accepted"
    # A coordinator does not fill in questionnaires.
    reply = client.post("/api/v1/audit-resources/", {"response": submitted.pk, "name": "x"}, format="json")
    assert reply.status_code == 403
    first = client.post(f"/api/v1/audit-responses/{submitted.pk}/promote/").json()
    second = client.post(f"/api/v1/audit-responses/{submitted.pk}/promote/").json()
    assert len(first["created"]) == 1 and second["created"] == [] and second["already"] == first["created"]
    assert Dataset.objects.count() == 1
    assert client.post(f"/api/v1/audit-responses/{submitted.pk}/return/", {}, format="json").status_code == 400
    reply = client.post(f"/api/v1/audit-responses/{submitted.pk}/return/", {"comment": "Уточніть"}, format="json")
    assert reply.status_code == 200 and reply.json()["status"] == "returned"
    assert InformationResource.objects.filter(response=submitted).count() == 2


def test_coordinator_opens_and_closes_through_the_api(
    coordinator, draft_campaign, department_head, django_capture_on_commit_callbacks
):
    client = api(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        reply = client.post(f"/api/v1/audit-campaigns/{draft_campaign.pk}/open/")
    assert reply.status_code == 200 and reply.json()["status"] == "open"
    assert client.post(f"/api/v1/audit-campaigns/{draft_campaign.pk}/open/").status_code == 409
    assert api(department_head).post(f"/api/v1/audit-campaigns/{draft_campaign.pk}/close/").status_code == 403
    reply = client.post(f"/api/v1/audit-campaigns/{draft_campaign.pk}/close/")
    assert reply.json()["status"] == "closed" and reply.json()["results_url"] == f"/audit/results/{draft_campaign.pk}/"
