import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from registry.choices import DatasetStatus, Frequency, ScheduleMode
from registry.models import DatasetUpdate, RequiredDataset
from registry.services import (
    dataset_create,
    dataset_mark_updated,
    dataset_update,
    required_datasets_import,
)

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db


def test_create_computes_slug_identifier_due_date_and_quality(coordinator, department):
    dataset = dataset_create(by=coordinator, title="Бюджет міста на 2024 рік", department=department)
    assert dataset.slug == "biudzhet-mista-na-2024-rik"
    assert dataset.identifier == dataset.slug
    # Never updated, not published: counted from creation; yearly rolling by default.
    today = timezone.localdate()
    assert dataset.next_due_date.year == today.year + 1
    assert 0 < dataset.quality_score < 100


def test_create_makes_slugs_unique(coordinator, department):
    a = dataset_create(by=coordinator, title="Бюджет", department=department)
    b = dataset_create(by=coordinator, title="Бюджет", department=department)
    assert (a.slug, b.slug) == ("biudzhet", "biudzhet-2")


def test_create_never_updated_counts_from_first_publication(coordinator, department):
    dataset = dataset_create(
        by=coordinator, title="Набір", department=department, frequency=Frequency.MONTHLY,
        first_published=dt.date(2024, 1, 31),
    )  # fmt: skip
    assert dataset.next_due_date == dt.date(2024, 2, 29)


def test_create_with_tasks_and_system_caller(department):
    from plan.models import Task

    assert Task.objects.count() == 0  # no plan needed: an empty list is accepted
    dataset = dataset_create(by=None, title="Набір", department=department, tasks=[])
    assert dataset.pk and list(dataset.tasks.all()) == []


def test_department_head_creates_only_for_own_department(department_head, department, other_department):
    assert dataset_create(by=department_head, title="Свій", department=department).pk
    with pytest.raises(PermissionDenied):
        dataset_create(by=department_head, title="Чужий", department=other_department)


def test_council_member_cannot_create(council_member, department):
    with pytest.raises(PermissionDenied):
        dataset_create(by=council_member, title="Набір", department=department)


def test_create_validates(coordinator, department):
    with pytest.raises(ValidationError) as exc:
        dataset_create(by=coordinator, title="Набір", department=department, frequency="fortnightly")
    assert "frequency" in exc.value.message_dict
    with pytest.raises(ValidationError):
        dataset_create(by=coordinator, title="Набір", department=department, no_such_field=1)
    with pytest.raises(ValidationError):
        dataset_create(by=coordinator, title="Без підрозділу")


def test_update_recomputes_due_date_when_schedule_changes(coordinator):
    dataset = DatasetFactory(last_updated_at=timezone.make_aware(dt.datetime(2024, 1, 15, 12)))
    assert dataset.next_due_date == dt.date(2024, 2, 15)
    dataset_update(dataset=dataset, by=coordinator, frequency=Frequency.QUARTERLY, schedule_mode=ScheduleMode.CALENDAR)
    dataset.refresh_from_db()
    assert dataset.next_due_date == dt.date(2024, 4, 10)
    dataset_update(dataset=dataset, by=coordinator, grace_days=5)
    assert dataset.next_due_date == dt.date(2024, 4, 15)
    dataset_update(dataset=dataset, by=coordinator, frequency=Frequency.ON_CHANGE)
    assert dataset.next_due_date is None


def test_update_recomputes_quality(coordinator):
    dataset = DatasetFactory(keywords="")
    before = dataset.quality_score
    dataset_update(dataset=dataset, by=coordinator, keywords="транспорт")
    dataset.refresh_from_db()
    assert dataset.quality_score == before + 10


def test_department_head_cannot_move_dataset_to_another_department(department_head, department, other_department):
    dataset = DatasetFactory(department=department)
    with pytest.raises(PermissionDenied):
        dataset_update(dataset=dataset, by=department_head, department=other_department)
    other = DatasetFactory(department=other_department)
    with pytest.raises(PermissionDenied):
        dataset_update(dataset=other, by=department_head, title="Змінено")


def test_mark_updated_logs_and_moves_due_date(department_head, department):
    dataset = DatasetFactory(department=department, last_updated_at=timezone.now() - dt.timedelta(days=60))
    entry = dataset_mark_updated(dataset=dataset, by=department_head, note="Нові дані", link="https://x.example/a.csv")
    dataset.refresh_from_db()
    assert DatasetUpdate.objects.get() == entry
    assert entry.by == department_head and entry.note == "Нові дані"
    assert dataset.last_updated_at == entry.updated_at
    today = timezone.localdate()
    assert dataset.next_due_date > today


def test_mark_updated_with_an_older_date_keeps_the_latest(coordinator):
    latest = timezone.now() - dt.timedelta(days=1)
    dataset = DatasetFactory(last_updated_at=latest)
    due = dataset.next_due_date
    dataset_mark_updated(dataset=dataset, by=coordinator, when=latest - dt.timedelta(days=40))
    dataset.refresh_from_db()
    assert dataset.last_updated_at == latest
    assert dataset.next_due_date == due
    assert dataset.updates.count() == 1


def test_mark_updated_refuses_future_dates_and_bad_links(coordinator):
    dataset = DatasetFactory()
    with pytest.raises(ValidationError):
        dataset_mark_updated(dataset=dataset, by=coordinator, when=timezone.now() + dt.timedelta(days=2))
    with pytest.raises(ValidationError):
        dataset_mark_updated(dataset=dataset, by=coordinator, link="not a link")
    assert dataset.updates.count() == 0


def test_mark_updated_permissions(department_head, other_head, coordinator, council_member, department):
    dataset = DatasetFactory(department=department)
    for user in (other_head, council_member):
        with pytest.raises(PermissionDenied):
            dataset_mark_updated(dataset=dataset, by=user)
    dataset_mark_updated(dataset=dataset, by=coordinator)
    dataset_mark_updated(dataset=dataset, by=department_head)
    assert dataset.updates.count() == 2


def test_mark_updated_sets_first_publication_of_published_dataset(coordinator):
    dataset = DatasetFactory(first_published=None, last_updated_at=None, status=DatasetStatus.PUBLISHED)
    dataset_mark_updated(dataset=dataset, by=coordinator)
    assert dataset.first_published == timezone.localdate()


CSV_835 = (
    "applies_to,dataset_title\nall_holders,Перший  набір\nlocal_self_government,Другий набір\nall_holders,Третій\n"
)


def test_required_import_creates_and_reimport_updates(settings):
    summary = required_datasets_import(source=io.StringIO(CSV_835))
    assert (summary["created"], summary["total"]) == (3, 3)
    assert RequiredDataset.objects.get(title="Перший набір").position == 1
    assert RequiredDataset.objects.get(title="Третій").position == 2
    # Amended list: one entry dropped, one added, order changed.
    amended = "applies_to,dataset_title\nall_holders,третій\nall_holders,Новий\nlocal_self_government,Другий набір\n"
    summary = required_datasets_import(source=io.StringIO(amended))
    assert summary["created"] == 1
    assert [e.title for e in summary["no_longer_listed"]] == ["Перший набір"]
    assert RequiredDataset.objects.get(title="третій").position == 1
    assert RequiredDataset.objects.count() == 4


def test_required_import_of_the_reference_file():
    from django.conf import settings

    path = settings.BASE_DIR / "data" / "resolution-835-datasets-local.csv"
    summary = required_datasets_import(source=path)
    assert summary["total"] == 73
    assert RequiredDataset.objects.filter(applies_to="all_holders").count() == 16
    assert RequiredDataset.objects.filter(applies_to="local_self_government").count() == 57
    assert required_datasets_import(source=path)["created"] == 0


def test_required_import_rejects_bad_rows_and_non_coordinators(department_head):
    with pytest.raises(ValidationError):
        required_datasets_import(source=io.StringIO("applies_to,dataset_title\nnobody,Назва\n"))
    with pytest.raises(ValidationError):
        required_datasets_import(source=io.StringIO("title\nНазва\n"))
    assert RequiredDataset.objects.count() == 0
    with pytest.raises(PermissionDenied):
        required_datasets_import(source=io.StringIO(CSV_835), by=department_head)


def test_decode_text_detects_windows_1251():
    from common.spreadsheets import decode_text  # the one decoder registry files use

    text = "назва,підрозділ\nБюджет,Фінуправління\n"
    assert decode_text(text.encode("cp1251")) == text
    assert decode_text(text.encode("utf-8-sig")) == text
    assert decode_text(text.encode("utf-8")) == text


def test_import_required_datasets_command(tmp_path):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("import_required_datasets", stdout=out)
    assert "Наборів у переліку: 73 " in out.getvalue()
    amended = tmp_path / "835.csv"
    amended.write_text("applies_to,dataset_title\nall_holders,Новий набір\n", encoding="cp1251")
    call_command("import_required_datasets", str(amended), stdout=out)
    assert "Більше немає у переліку" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text("applies_to,dataset_title\nnobody,Х\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_required_datasets", str(bad), stdout=out, stderr=io.StringIO())


def test_refresh_quality_lowers_scores_of_datasets_that_became_overdue():
    from registry.services import datasets_refresh_quality
    from registry.tasks import refresh_quality

    dataset = DatasetFactory(last_updated_at=timezone.now() - dt.timedelta(days=3))
    fresh_score = dataset.quality_score
    later = dataset.next_due_date + dt.timedelta(days=1)
    assert datasets_refresh_quality(today=later) == 1
    dataset.refresh_from_db()
    assert dataset.quality_score == fresh_score - 15
    assert datasets_refresh_quality(today=later) == 0
    assert refresh_quality.delay().get() == 0  # today: not overdue yet, nothing to change
