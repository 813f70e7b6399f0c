"""Issue 21: the quarterly report a council reads has the same bounded shape at any size.

A plan at about a council's size (60 tasks, 300 updates, 300 datasets) and the same plan grown
tenfold and more (600 tasks, 3,000 updates, 5,000 datasets), both made with bulk_create: the PDF has
the same number of pages and each list the same number of rows; the rest is counted ("і ще N") and
every row is in the CSV attachments the PDF links to.
"""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from plan.models import ProgressUpdate, Task, TaskDepartment
from registry.choices import DatasetStatus, Frequency
from registry.models import Dataset
from reports import services
from reports.context import LIST_LIMIT, TEXT_LIMIT
from reports.models import QuarterlyReport
from tests.plan.factories import make_plan, make_section

from .helpers import pdf_text

pytestmark = pytest.mark.django_db
NARRATIVE = "Проведено роботу з підготовки та оприлюднення наборів відкритих даних розпорядника. " * 8


def grow(plan, section, department, *, tasks: tuple[int, int], updates_per_task: int, datasets: tuple[int, int]):
    """Tasks numbered tasks[0]..tasks[1]-1, all due and overdue in 2019Q4, each with updates; datasets likewise."""
    objects = Task.objects.bulk_create(
        Task(
            plan=plan,
            section=section,
            position=i,
            title=f"Завдання {i:04d}: оприлюднити набори даних розпорядника",
            deadline_text="IV квартал 2019 року",
            due_date=dt.date(2019, 10, 1) + dt.timedelta(days=i % 60),
        )
        for i in range(*tasks)
    )
    TaskDepartment.objects.bulk_create(TaskDepartment(task=t, department=department, is_lead=True) for t in objects)
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            task=task,
            date=dt.date(2019, 10, 1) + dt.timedelta(days=k * 10 + task.position % 7),
            status="limited",
            period_index=plan.start.index + 3,  # 2019Q4
            narrative=f"Оновлення {task.position}/{k}. {NARRATIVE}",
        )
        for task in objects
        for k in range(updates_per_task)
    )
    published = timezone.make_aware(dt.datetime(2019, 11, 1))
    Dataset.objects.bulk_create(
        Dataset(
            identifier=f"bounded-{i}",
            slug=f"bounded-{i}",
            title=f"Набір даних {i:05d}",
            department=department,
            status=DatasetStatus.PUBLISHED,
            frequency=Frequency.MONTHLY,
            first_published=dt.date(2019, 11, 1),
            last_updated_at=published,
        )
        for i in range(*datasets)
    )


def _csv_rows(attachment) -> list[list[str]]:
    with attachment.file.open("rb") as handle:
        text = handle.read().decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the Cyrillic right
    return list(csv.reader(io.StringIO(text[1:])))[1:]


def _shape(report: QuarterlyReport) -> dict:
    s = report.snapshot
    return {
        "pages": len(PdfReader(report.pdf.path).pages),
        "due": len(s["tasks_due"]["rows"]),
        "overdue": len(s["overdue"]["rows"]),
        "updates": len(s["updates"]["rows"]),
        "appendix": len(s["appendix"]["rows"]),
        "new_datasets": len(s["registry"]["new"]),
    }


def _links(path) -> set[str]:
    uris = set()
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    return uris


def test_the_report_is_bounded_and_the_csv_attachments_hold_every_row(client, department, media):
    plan = make_plan()
    section = make_section(plan)
    grow(plan, section, department, tasks=(1, 61), updates_per_task=5, datasets=(0, 300))
    small = services.report_generate(year=2019, quarter=4)
    grow(plan, section, department, tasks=(61, 601), updates_per_task=5, datasets=(300, 5000))
    large = services.report_generate(year=2019, quarter=4)

    assert _shape(small) == _shape(large)
    assert _shape(large)["updates"] == _shape(large)["due"] == LIST_LIMIT
    s = large.snapshot
    assert (s["tasks_due"]["total"], s["tasks_due"]["more"]) == (600, 600 - LIST_LIMIT)
    assert (s["overdue"]["total"], s["appendix"]["more"]) == (600, 600 - LIST_LIMIT)
    assert (s["updates"]["total"], s["updates"]["tasks"], s["updates"]["more"]) == (3000, 600, 600 - LIST_LIMIT)
    assert all(len(row["text"]) <= TEXT_LIMIT + 1 and row["text"].endswith("…") for row in s["updates"]["rows"])
    assert s["registry"]["new_total"] == 5000

    text = pdf_text(large.pdf.path)
    assert f"і ще {600 - LIST_LIMIT} завдань" in text
    assert f"і ще {600 - LIST_LIMIT} завдань з оновленнями" in text

    # Every row in the CSVs, whole texts included; the PDF links to each of them.
    files = {a.kind: a for a in large.attachments.all()}
    assert set(files) == {"tasks_due", "overdue", "updates", "tasks"}
    assert (
        len(_csv_rows(files["tasks"])) == len(_csv_rows(files["tasks_due"])) == len(_csv_rows(files["overdue"])) == 600
    )
    updates = _csv_rows(files["updates"])
    assert len(updates) == 3000
    assert {row[2] for row in updates} == {str(i) for i in range(1, 601)}
    assert all(row[7].rstrip().endswith(NARRATIVE.strip()) for row in updates)  # whole texts
    links = _links(large.pdf.path)
    for attachment in files.values():
        url = reverse("reports:attachment", args=[attachment.key])
        assert any(link.endswith(url) for link in links), url

    # The archive page links them too, and they download as every stored file does.
    page = client.get(reverse("reports:archive")).content.decode()
    response = client.get(reverse("reports:attachment", args=[files["overdue"].key]))
    assert reverse("reports:attachment", args=[files["overdue"].key]) in page
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.startswith("№,Принцип,Завдання")


def test_indicator_charts_are_bounded_too():
    from reports import pdf

    rows = [
        {
            "id": i,
            "task_number": i,
            "text": f"Показник {i}",
            "unit": "",
            "points": [["2019Q4", 1.0, 2.0]],
            "reported": True,
        }
        for i in range(pdf.INDICATOR_CHART_LIMIT + 8)
    ]
    snapshot = {
        "title": {"as_of": "31.12.2019"},
        "summary": {"statuses": [["completed", "Виконано"]], "plan": {"counts": {"completed": 1}}, "principles": []},
        "indicators": {"rows": rows, "reported": len(rows)},
    }
    charts = pdf.charts(snapshot)
    assert len(charts["indicators"]) == pdf.INDICATOR_CHART_LIMIT
    assert charts["indicators_more"] == 8


@pytest.mark.parametrize(
    ("number", "word"),
    [
        (1, "рядок"),
        (2, "рядки"),
        (5, "рядків"),
        (11, "рядків"),
        (12, "рядків"),
        (21, "рядок"),
        (22, "рядки"),
        (152, "рядки"),
    ],
)
def test_counts_agree_with_nouns_in_the_report(number, word):
    from reports.templatetags.report_words import uk_plural

    assert uk_plural(number, "рядок,рядки,рядків") == word
