"""Issue 18: plan lifecycle (draft -> active -> finished), the final report, no proposals after the end."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plan.choices import PlanStatus
from plan.models import Indicator
from plan.services import plan_set_status, task_add_progress
from reports import services
from tests.plan.factories import make_plan, make_section, make_task
from tests.reports.helpers import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(coordinator, department):
    plan = make_plan()
    section = make_section(plan)
    task = make_task(section, departments=[department], periods=[("2019Q1", "2020Q4")], due_date=dt.date(2030, 1, 1))
    indicator = Indicator.objects.create(task=task, text="Оприлюднено наборів", target_value=10, unit="наборів")
    for period, text, actual in (("2019Q2", "Почали у 2019 році.", 3), ("2020Q3", "Завершуємо у 2020 році.", 8)):
        task_add_progress(
            task=task,
            author=coordinator,
            status="limited",
            narrative=text,
            period=period,
            indicator_values=[{"indicator": indicator.pk, "actual": actual}],
        )
    return plan


def test_final_report_covers_the_whole_period_once(plan, coordinator, department_head, media):
    with pytest.raises(ValidationError):
        services.final_report_generate(plan=plan, by=coordinator)  # still active
    with pytest.raises(PermissionDenied):
        plan_set_status(plan=plan, status=PlanStatus.FINISHED, by=department_head)
    plan_set_status(plan=plan, status=PlanStatus.FINISHED, by=coordinator)
    report = services.final_report_generate(plan=plan, by=coordinator)
    assert report.snapshot["final"] is True and (report.year, report.quarter) == (2020, 4)
    # Issue 21: the PDF prints each task's latest update; every update of the plan is in the CSV.
    assert [r["text"] for r in report.snapshot["updates"]["rows"]] == ["Завершуємо у 2020 році."]
    assert report.snapshot["updates"]["total"] == 2
    text = pdf_text(report.pdf.path)
    assert "Підсумковий звіт про виконання плану дій за весь період" in text
    assert "Завершуємо у 2020 році." in text
    updates_csv = report.attachments.get(kind="updates").file.read().decode("utf-8-sig")
    assert "Почали у 2019 році." in updates_csv and "Завершуємо у 2020 році." in updates_csv
    # The indicator: target and actual per reporting period, as a chart in the PDF too.
    [row] = report.snapshot["indicators"]["rows"]
    assert row["points"] == [["2019Q2", 3.0, 10.0], ["2020Q3", 8.0, 10.0]]
    assert "Вимірювані показники: ціль і факт за звітними періодами" in text
    assert services.final_report_generate(plan=plan, by=coordinator).pk == report.pk
    with pytest.raises(ValidationError):
        plan_set_status(plan=plan, status=PlanStatus.DRAFT, by=coordinator)


def test_workspace_proposes_no_report_after_the_plan_ended(plan, client, coordinator):
    from workspace.selectors import next_quarterly_report

    assert str(next_quarterly_report(today=dt.date(2026, 12, 1)).quarter) == "2020Q4"
    assert str(next_quarterly_report(today=dt.date(2020, 8, 1)).quarter) == "2020Q2"


def test_finish_plan_command(plan, media):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("finish_plan", plan.pk, stdout=out)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.FINISHED
    assert "Підсумковий звіт" in out.getvalue()
    call_command("finish_plan", plan.pk, stdout=io.StringIO())  # again: the same report, no error
    from reports.models import QuarterlyReport

    assert QuarterlyReport.objects.filter(run_key=f"final:{plan.pk}").count() == 1


# -- the same lifecycle from the workspace (coordinators' screen, no admin) -------------------------


def test_coordinator_finishes_a_plan_after_confirming_and_asks_for_its_final_report(
    plan, client, coordinator, media, django_capture_on_commit_callbacks
):
    from reports.models import QuarterlyReport

    client.force_login(coordinator)
    index = client.get("/workspace/").content.decode()
    assert "/workspace/plans/" in index  # reachable from the workspace
    listing = client.get("/workspace/plans/").content.decode()
    assert plan.title in listing and f"/workspace/plans/{plan.pk}/finish/" in listing

    unconfirmed = client.post(f"/workspace/plans/{plan.pk}/finish/", {})
    assert unconfirmed.status_code == 200 and "Підтвердьте завершення плану." in unconfirmed.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ADOPTED  # nothing changed without the confirmation

    assert client.post(f"/workspace/plans/{plan.pk}/finish/", {"confirm": "on"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.FINISHED

    for _ in range(2):  # asked twice (a double click): one final report
        with django_capture_on_commit_callbacks(execute=True):  # the outbox hands it to the (eager) worker
            assert client.post(f"/workspace/plans/{plan.pk}/final-report/").status_code == 302
    report = QuarterlyReport.objects.get(run_key=f"final:{plan.pk}")
    assert f"/reports/{report.pk}/download/" in client.get("/workspace/plans/").content.decode()

    assert client.post(f"/workspace/plans/{plan.pk}/adopt/").status_code == 302  # reopened by mistake
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ADOPTED


def test_a_final_report_is_refused_for_a_plan_that_has_not_ended(plan, client, coordinator, media):
    from reports.models import QuarterlyReport

    client.force_login(coordinator)
    response = client.post(f"/workspace/plans/{plan.pk}/final-report/", follow=True)
    assert "Підсумковий звіт складають для завершеного плану." in response.content.decode()
    assert not QuarterlyReport.objects.exists()


@pytest.mark.parametrize("who", ["department_head", "council_member", None])
def test_only_coordinators_change_a_plans_state(plan, client, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    for method, url in (
        ("get", "/workspace/plans/"),
        ("get", f"/workspace/plans/{plan.pk}/finish/"),
        ("post", f"/workspace/plans/{plan.pk}/finish/"),
        ("post", f"/workspace/plans/{plan.pk}/adopt/"),
        ("post", f"/workspace/plans/{plan.pk}/final-report/"),
    ):
        response = getattr(client, method)(url, {"confirm": "on"} if method == "post" else None)
        assert response.status_code == (403 if who else 302), (who, url)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ADOPTED
