"""The questionnaire, review, dashboard and public results pages."""

import csv
import io

import pytest
from django.core import mail
from openpyxl import load_workbook

from audit import services
from audit.choices import ResponseStatus
from audit.models import AuditCampaign, InformationResource
from registry.models import Dataset

from .conftest import resource_fields

pytestmark = pytest.mark.django_db


def _form_data(**overrides):
    return {k: ("" if v is None else v) for k, v in resource_fields(**overrides).items()}


def test_department_head_sees_own_responses_with_deadlines(client, department_head, response, other_response):
    client.force_login(department_head)
    html = client.get("/audit/").content.decode()
    assert f"/audit/responses/{response.pk}/" in html
    assert f"/audit/responses/{other_response.pk}/" not in html
    assert response.campaign.deadline.strftime("%d.%m.%Y") in html


def test_anonymous_is_sent_to_login(client, response):
    for url in ("/audit/", f"/audit/responses/{response.pk}/", f"/audit/campaigns/{response.campaign_id}/"):
        reply = client.get(url)
        assert reply.status_code == 302 and reply["Location"].startswith("/accounts/login/")


def test_questionnaire_add_resource_errors_next_to_fields_and_typed_values_kept(client, department_head, response):
    client.force_login(department_head)
    url = f"/audit/responses/{response.pk}/resources/add/"
    page = client.get(url).content.decode()
    assert '<label for="id_name">' in page and '<label for="id_can_publish">' in page
    reply = client.post(url, _form_data(can_publish="no", restriction_reason="", system_url="не адреса"))
    html = reply.content.decode()
    assert reply.status_code == 400
    assert 'id="id_restriction_reason-errors"' in html and "правову підставу" in html
    assert 'id="id_system_url-errors"' in html
    assert 'value="Реєстр рішень виконавчого комітету"' in html  # what was typed is kept
    assert not InformationResource.objects.exists()
    reply = client.post(url, _form_data())
    assert reply.status_code == 302
    resource = InformationResource.objects.get()
    assert resource.response == response and resource.responsible_email == "olena.private@example.org"


def test_save_draft_submit_read_only_then_returned_with_comment_shown(client, department_head, coordinator, response):
    client.force_login(department_head)
    detail = f"/audit/responses/{response.pk}/"
    # Submitting an empty questionnaire shows why.
    reply = client.post(detail, {"action": "submit"})
    assert reply.status_code == 400 and "Додайте хоча б один інформаційний ресурс" in reply.content.decode()
    client.post(f"{detail}resources/add/", {"name": "Чернетка ресурсу"})
    assert client.post(detail, {"action": "save", "notes": "Ще уточнюємо"}).status_code == 302
    response.refresh_from_db()
    assert response.notes == "Ще уточнюємо" and response.status == ResponseStatus.IN_PROGRESS
    reply = client.post(detail, {"action": "submit"})
    assert reply.status_code == 400 and "не заповнено" in reply.content.decode()
    resource = response.resources.get()
    client.post(f"{detail}resources/{resource.pk}/", _form_data(name="Чернетка ресурсу"))
    assert client.post(detail, {"action": "submit"}).status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    # Read-only: no forms, and writing is refused.
    html = client.get(detail).content.decode()
    assert "Подати анкету" not in html and "Анкету подано" in html
    assert client.get(f"{detail}resources/add/").status_code == 403
    assert client.post(f"{detail}resources/{resource.pk}/", _form_data(name="Змінено")).status_code == 403
    # The coordinator returns it; the head sees the comment and can edit again.
    client.force_login(coordinator)
    reply = client.post(f"{detail}review/", {"action": "return", "comment": "Додайте формати відкритих даних."})
    assert reply.status_code == 302
    client.force_login(department_head)
    html = client.get(detail).content.decode()
    assert "Додайте формати відкритих даних." in html and "Подати анкету" in html
    assert client.get(f"{detail}resources/add/").status_code == 200


def test_delete_a_draft_resource(client, department_head, response):
    resource = services.resource_add(response=response, by=department_head, name="Зайвий")
    client.force_login(department_head)
    url = f"/audit/responses/{response.pk}/resources/{resource.pk}/delete/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not InformationResource.objects.exists()


def test_head_of_another_department_gets_404_on_every_page(client, other_head, submitted):
    client.force_login(other_head)
    resource = submitted.resources.first()
    base = f"/audit/responses/{submitted.pk}/"
    for url in (
        base,
        f"{base}resources/add/",
        f"{base}resources/{resource.pk}/",
        f"{base}resources/{resource.pk}/delete/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, _form_data()).status_code == 404, url
    assert client.post(base, {"action": "submit"}).status_code == 404
    assert submitted.resources.count() == 2


def test_department_head_cannot_reach_coordinator_pages(client, department_head, submitted):
    client.force_login(department_head)
    assert client.get(f"/audit/responses/{submitted.pk}/review/").status_code == 403
    assert client.get(f"/audit/campaigns/{submitted.campaign_id}/").status_code == 403
    assert client.post(f"/audit/campaigns/{submitted.campaign_id}/close/").status_code == 403
    assert client.get(f"/audit/campaigns/{submitted.campaign_id}/export.csv").status_code == 403


def test_coordinator_reviews_and_promotes_from_the_review_page(client, coordinator, submitted):
    client.force_login(coordinator)
    url = f"/audit/responses/{submitted.pk}/review/"
    page = client.get(url).content.decode()
    assert "olena.private@example.org" in page  # the coordinator sees the contact person
    publishable, closed = submitted.resources.order_by("id")
    reply = client.post(url, {"action": "review", "resource": closed.pk, f"r{closed.pk}-decision": "rejected"})
    assert reply.status_code == 400 and "Поясніть, чому ресурс відхилено" in reply.content.decode()
    client.post(
        url,
        {
            "action": "review",
            "resource": closed.pk,
            f"r{closed.pk}-decision": "rejected",
            f"r{closed.pk}-comment": "Персональні дані",
        },
    )
    client.post(url, {"action": "review", "resource": publishable.pk, f"r{publishable.pk}-decision": "accepted"})
    submitted.refresh_from_db()
    assert submitted.status == ResponseStatus.REVIEWED
    client.post(url, {"action": "promote"})
    client.post(url, {"action": "promote"})
    assert Dataset.objects.count() == 1
    assert "уже були в реєстрі — 1" in client.get(url).content.decode()


def test_dashboard_counts_and_open_button(
    client, coordinator, draft_campaign, department_head, other_head, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    url = f"/audit/campaigns/{draft_campaign.pk}/"
    assert "Відкрити кампанію" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{url}open/")
    draft_campaign.refresh_from_db()
    assert draft_campaign.status == "open" and len(mail.outbox) == 2
    response = draft_campaign.responses.get(department=department_head.department)
    services.resource_add(response=response, by=department_head, **resource_fields())
    services.resource_add(
        response=response,
        by=department_head,
        **resource_fields(name="Звернення", personal_data="yes", can_publish="no", restriction_reason="ЗУ"),
    )
    services.resource_add(
        response=response, by=department_head, **resource_fields(name="Третій", personal_data="partly")
    )
    services.response_submit(response=response, by=department_head)
    html = client.get(url).content.decode()
    assert "1 / 2" in html  # submitted of departments
    assert "67%" in html  # 2 of 3 publishable; 2 of 3 with personal data
    assert "Не розпочато" in html and "Подано" in html


def test_export_csv_and_xlsx_escape_formulas_and_leave_out_personal_data(
    client, coordinator, response, department_head
):
    services.resource_add(
        response=response, by=department_head, **resource_fields(name='=HYPERLINK("http://evil")', formats="@SUM(A1)")
    )
    client.force_login(coordinator)
    url = f"/audit/campaigns/{response.campaign_id}/export"
    reply = client.get(f"{url}.csv")
    text = reply.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Підрозділ" and rows[1][2] == '\'=HYPERLINK("http://evil")' and "'@SUM(A1)" in rows[1]
    assert "olena.private" not in text and "Олена Приватна" not in text
    reply = client.get(f"{url}.xlsx")
    sheet = load_workbook(io.BytesIO(reply.content)).active
    values = [c.value for c in sheet[2]]
    assert '\'=HYPERLINK("http://evil")' in values and "Олена Приватна" not in values
    assert client.get(f"{url}.pdf").status_code == 404


def test_public_results_only_for_closed_or_published_campaigns(client, coordinator, submitted, campaign):
    url = f"/audit/results/{campaign.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"{url}resources.csv").status_code == 404
    services.campaign_publish_results(campaign=campaign, by=coordinator)
    assert client.get(url).status_code == 200
    services.campaign_publish_results(campaign=campaign, by=coordinator, published=False)
    services.campaign_close(campaign=campaign, by=coordinator)
    reply = client.get(url)
    html = reply.content.decode()
    assert reply.status_code == 200 and "Результати інформаційного аудиту" in html
    assert "Реєстр рішень виконавчого комітету" in html  # publishable
    assert "Журнал обліку звернень громадян" not in html  # not publishable
    assert "DOCX, PDF" in html and "Щомісяця" in html
    for secret in ("Олена Приватна", "olena.private@example.org", "head@example.org", "@example.org"):
        assert secret not in html
    text = client.get(f"{url}resources.csv").content.decode("utf-8-sig")
    assert "Реєстр рішень виконавчого комітету" in text and "Журнал обліку" not in text
    assert "Олена Приватна" not in text and "@" not in text


def test_rejected_resources_are_not_in_the_public_list(client, coordinator, submitted, campaign):
    publishable = submitted.resources.get(can_publish="yes")
    services.resource_review(resource=publishable, by=coordinator, decision="rejected", comment="Дублює інший набір")
    services.campaign_close(campaign=campaign, by=coordinator)
    assert "Реєстр рішень виконавчого комітету" not in client.get(f"/audit/results/{campaign.pk}/").content.decode()


def test_draft_campaign_is_invisible_to_heads(client, department_head, draft_campaign):
    client.force_login(department_head)
    assert AuditCampaign.objects.count() == 1
    assert "Для вашого підрозділу анкет немає" in client.get("/audit/").content.decode()


def test_results_index_lists_only_published_campaigns(client, coordinator, campaign, department):
    other = services.campaign_create(
        by=coordinator,
        title="Ще не завершений аудит",
        start_date=campaign.start_date,
        deadline=campaign.deadline,
        departments=[department],
    )
    assert campaign.title not in client.get("/audit/results/").content.decode()
    services.campaign_close(campaign=campaign, by=coordinator)
    html = client.get("/audit/results/").content.decode()
    assert f"/audit/results/{campaign.pk}/" in html and f"/audit/results/{other.pk}/" not in html


def test_overdue_questionnaire_is_marked_in_words(client, department_head, response, time_machine):
    import datetime

    time_machine.move_to(
        datetime.datetime.combine(response.campaign.deadline + datetime.timedelta(days=1), datetime.time(12))
    )
    client.force_login(department_head)
    html = client.get("/audit/").content.decode()
    assert 'class="overdue"' in html and "термін минув" in html
