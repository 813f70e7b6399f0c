"""Daily digests to steward departments and the weekly escalation, with a frozen clock."""

import datetime as dt

import pytest
from django.core import mail

from registry.choices import DatasetStatus
from reminders.choices import ItemKind, MessageKind, State
from reminders.models import ReminderLog, ReminderLogItem

from .conftest import MONDAY, WEDNESDAY
from .factories import make_dataset

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def bodies(message):
    html = message.alternatives[0][0]
    return message.body, html


def test_daily_digest_lists_due_soon_due_today_and_overdue(run, outbox, department, settings):
    settings.SITE_URL = "https://opendata.example.org"
    settings.COUNCIL_NAME = "Некотра міська рада"
    overdue = make_dataset(department, WEDNESDAY - 3 * DAY, title="Бюджет міста")
    today = make_dataset(department, WEDNESDAY, title="Перелік шкіл")
    soon = make_dataset(department, WEDNESDAY + 7 * DAY, title="Зупинки транспорту")
    make_dataset(department, WEDNESDAY + 8 * DAY, title="Далеко в майбутньому")
    make_dataset(department, WEDNESDAY - 3 * DAY, status=DatasetStatus.PLANNED, title="Ще не оприлюднено")
    make_dataset(department, None, title="Без терміну")

    result = run(WEDNESDAY)

    assert result.recorded == 1
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["pr@example.org"]
    assert message.subject.startswith("Некотра міська рада: ")
    text, html = bodies(message)
    for body in (text, html):
        assert "Бюджет міста" in body and "Перелік шкіл" in body and "Зупинки транспорту" in body
        assert "Далеко в майбутньому" not in body
        assert "Ще не оприлюднено" not in body and "Без терміну" not in body
        assert f"https://opendata.example.org/registry/{overdue.slug}/mark-updated/" in body
        assert f"https://opendata.example.org/registry/{today.slug}/" in body
        assert f"https://opendata.example.org/registry/{soon.slug}/mark-updated/" in body
        assert "07.06.2026" in body  # the overdue dataset's due date
    assert "днів прострочення: 3" in text
    assert text.index("ПРОСТРОЧЕНО") < text.index("ТЕРМІН СЬОГОДНІ") < text.index("ТЕРМІН ПРОТЯГОМ 7")
    assert "&" not in text.replace("&amp;", "")  # plain text is not HTML-escaped
    kinds = dict(ReminderLogItem.objects.values_list("object_id", "kind"))
    assert kinds == {overdue.pk: ItemKind.OVERDUE, today.pk: ItemKind.DUE_TODAY, soon.pk: ItemKind.DUE_SOON}
    log = ReminderLog.objects.get()
    assert (log.state, log.attempts, log.kind) == (State.SENT, 1, MessageKind.DATASET_DIGEST)
    assert log.sent_at is not None


def test_due_soon_threshold_is_a_setting(run, outbox, department, settings):
    settings.REMINDER_DUE_SOON_DAYS = 10
    make_dataset(department, WEDNESDAY + 10 * DAY, title="За десять днів")
    make_dataset(department, WEDNESDAY + 11 * DAY, title="За одинадцять днів")
    run(WEDNESDAY)
    assert len(outbox) == 1
    assert "За десять днів" in outbox[0].body and "За одинадцять днів" not in outbox[0].body


def test_one_digest_per_department(run, outbox, department, other_department):
    make_dataset(department, WEDNESDAY - DAY, title="Перший")
    make_dataset(department, WEDNESDAY - 2 * DAY, title="Другий")
    make_dataset(other_department, WEDNESDAY, title="Третій")
    run(WEDNESDAY)
    by_recipient = {m.to[0]: m.body for m in outbox}
    assert set(by_recipient) == {"pr@example.org", "strategy@example.org"}
    assert "Перший" in by_recipient["pr@example.org"] and "Другий" in by_recipient["pr@example.org"]
    assert "Третій" not in by_recipient["pr@example.org"]


def test_department_without_address_falls_back_to_head_or_is_skipped(
    run, outbox, department, department_head, other_department
):
    department.email = ""
    department.save()
    other_department.email = ""
    other_department.save()
    make_dataset(department, WEDNESDAY - DAY)
    make_dataset(other_department, WEDNESDAY - DAY)
    run(WEDNESDAY)
    assert [m.to for m in outbox] == [["head@example.org"]]


def test_coordinator_changes_department_address(run, outbox, department):
    make_dataset(department, WEDNESDAY - DAY)
    run(WEDNESDAY)
    department.email = "new-contact@example.org"
    department.save()
    run(WEDNESDAY + DAY)
    assert [m.to for m in outbox] == [["pr@example.org"], ["new-contact@example.org"]]


def test_running_twice_sends_nothing_twice(run, outbox, department):
    make_dataset(department, WEDNESDAY - DAY)
    make_dataset(department, WEDNESDAY + 2 * DAY)
    first = run(WEDNESDAY)
    second = run(WEDNESDAY)
    assert (first.recorded, second.recorded, second.enqueued) == (1, 0, 0)
    assert len(outbox) == 1
    assert ReminderLog.objects.count() == 1


def test_each_stage_is_reminded_once_per_due_date(run, outbox, department):
    """A dataset due on the 12th: 'due soon' on the 10th, nothing on the 11th, 'due today' on the
    12th, 'overdue' on the 13th, nothing after; once updated (new due date), the cycle starts again."""
    dataset = make_dataset(department, WEDNESDAY + 2 * DAY)
    for offset in range(6):
        run(WEDNESDAY + offset * DAY)
    stages = list(ReminderLogItem.objects.order_by("log__reference_date").values_list("log__reference_date", "kind"))
    assert stages == [
        (WEDNESDAY, ItemKind.DUE_SOON),
        (WEDNESDAY + 2 * DAY, ItemKind.DUE_TODAY),
        (WEDNESDAY + 3 * DAY, ItemKind.OVERDUE),
    ]
    assert len(outbox) == 3
    dataset.next_due_date = WEDNESDAY + 40 * DAY
    dataset.save()
    run(WEDNESDAY + 33 * DAY)
    assert len(outbox) == 4 and "ТЕРМІН ПРОТЯГОМ" in outbox[-1].body


def test_missed_days_are_caught_up(run, outbox, department):
    """The job did not run on the due date: the next run reports the dataset as overdue."""
    make_dataset(department, WEDNESDAY)
    run(WEDNESDAY + 5 * DAY)
    assert ReminderLogItem.objects.get().kind == ItemKind.OVERDUE
    assert "днів прострочення: 5" in outbox[0].body


def test_escalation_to_coordinators_grouped_by_department(
    run, outbox, department, other_department, coordinator, department_head, settings
):
    settings.REMINDER_ESCALATION_DAYS = 14
    settings.REMINDER_HEAD_ESCALATION_DAYS = 30
    from accounts import roles
    from accounts.services import user_create_with_role

    password = "x-Pass-2019!"
    user_create_with_role(username="coord2", password=password, role=roles.COORDINATOR, email="Coord2@Example.org")
    inactive = user_create_with_role(username="c3", password=password, role=roles.COORDINATOR, email="c3@e.org")
    inactive.is_active = False
    inactive.save()
    make_dataset(department, MONDAY - 15 * DAY, title="Прострочено 15 днів")
    make_dataset(department, MONDAY - 14 * DAY, title="Прострочено 14 днів")
    make_dataset(other_department, MONDAY - 31 * DAY, title="Прострочено 31 день")

    result = run(MONDAY, daily=False)

    assert result.recorded == 2
    assert sorted(m.to[0] for m in outbox) == ["coord2@example.org", "coord@example.org"]
    for message in outbox:
        text, html = bodies(message)
        assert "Прострочено 15 днів" in text and "Прострочено 31 день" in text
        assert "Прострочено 14 днів" not in text
        assert "Відділ зв’язків з громадськістю (1):" in text and "Управління стратегічного розвитку (1):" in text
        assert "<h2>Відділ зв’язків з громадськістю (1)</h2>" in html
    # The department head of `department` gets nothing: its dataset is 15 days overdue, not 30.
    assert all(m.to != ["head@example.org"] for m in outbox)


def test_escalation_to_department_head_after_k_days(run, outbox, department, coordinator, department_head):
    make_dataset(department, MONDAY - 31 * DAY, title="Дуже прострочений")
    make_dataset(department, MONDAY - 30 * DAY, title="Рівно тридцять")
    run(MONDAY, daily=False)
    by_recipient = {m.to[0]: m for m in outbox}
    assert set(by_recipient) == {"coord@example.org", "head@example.org"}
    head = by_recipient["head@example.org"]
    assert "Дуже прострочений" in head.body and "Рівно тридцять" not in head.body
    assert "Рівно тридцять" in by_recipient["coord@example.org"].body
    assert ReminderLog.objects.get(recipient="head@example.org").kind == MessageKind.HEAD_ESCALATION


def test_escalation_thresholds_are_settings(run, outbox, department, coordinator, department_head, settings):
    settings.REMINDER_ESCALATION_DAYS = 20
    settings.REMINDER_HEAD_ESCALATION_DAYS = 25
    make_dataset(department, MONDAY - 18 * DAY, title="Вісімнадцять")
    make_dataset(department, MONDAY - 22 * DAY, title="Двадцять два")
    make_dataset(department, MONDAY - 26 * DAY, title="Двадцять шість")
    run(MONDAY, daily=False)
    by_recipient = {m.to[0]: m.body for m in outbox}
    assert "Вісімнадцять" not in by_recipient["coord@example.org"]
    assert "Двадцять два" in by_recipient["coord@example.org"]
    assert "Двадцять шість" in by_recipient["head@example.org"]
    assert "Двадцять два" not in by_recipient["head@example.org"]


def test_escalation_runs_on_its_weekday_only_and_once_per_due_date(run, outbox, department, coordinator):
    make_dataset(department, MONDAY - 20 * DAY, title="Давно прострочений")
    run(MONDAY + 2 * DAY, daily=False, escalation=None)  # Wednesday: no escalation
    assert outbox == []
    run(MONDAY, daily=False)
    run(MONDAY + 7 * DAY, daily=False)
    assert [m.to for m in outbox] == [["coord@example.org"]]


def test_default_run_includes_escalation_on_monday(run, outbox, department, coordinator):
    make_dataset(department, MONDAY - 20 * DAY)
    run(MONDAY)
    assert sorted(m.to[0] for m in outbox) == ["coord@example.org", "pr@example.org"]
    assert mail.outbox is outbox
