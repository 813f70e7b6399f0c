"""Rendering: the demo plan's 2019Q4 report read back, fonts, the URL fetcher."""

import pytest
from pypdf import PdfReader

from plan.models import Task
from reports import pdf, services

from .helpers import pdf_fonts, pdf_text


def test_fetcher_serves_static_files_from_disk():
    response = pdf.StaticFilesFetcher().fetch("file:///static/css/reports-pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/style.css",
        "https://example.org/static/css/reports-pdf.css",
        "ftp://example.org/a.css",
        "file:///etc/passwd",
        "file:///static/../ternopil_od/settings.py",
        "file://remote-host/static/css/reports-pdf.css",
        "file:///static/css/no-such-file.css",
        "data:text/css,body{}",
    ],
)
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(pdf.RefusedURL):
        pdf.StaticFilesFetcher().fetch(url)


def test_an_external_image_is_not_fetched(monkeypatch, tmp_path):
    """A report whose HTML points outside still renders, without any network access."""
    calls = []
    original = pdf.StaticFilesFetcher.fetch

    def spy(self, url, headers=None):
        calls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(pdf.StaticFilesFetcher, "fetch", spy)
    monkeypatch.setattr(
        pdf, "render_html", lambda snapshot: '<p>x</p><img src="https://example.org/x.png"><img src="/static/no.png">'
    )
    pdf.render_pdf({}, tmp_path / "x.pdf")
    assert "https://example.org/x.png" in calls
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


@pytest.fixture
def demo_report(demo, media):
    return services.report_generate(year=2019, quarter=4)


def test_demo_report_2019q4_reads_back(demo, demo_report):
    report = demo_report
    text = pdf_text(report.pdf.path)
    # Title page: council, the Ukrainian title with the quarter, the plan.
    assert "ТЕРНОПІЛЬСЬКА МІСЬКА РАДА" in text
    assert "Звіт про виконання плану дій за IV квартал 2019 року" in text
    assert "Показники станом на 31.12.2019" in text
    # Per-principle figures as printed in the summary table: label, tasks, completed, completion.
    principles = report.snapshot["summary"]["principles"]
    assert len(principles) == 6
    first = principles[0]
    assert first["label"].startswith("1. Відкритість за замовчуванням")
    # Issue 18 (intentional change): the Ternopil plan carries no invented progress, so nothing is
    # completed and no update is listed (the demo progress is on the separate "ДЕМО" plan).
    assert (first["total"], first["completed"]) == (7, 0)
    assert first["completion_percent"] == 0
    assert f"{first['label']} {first['total']} {first['completed']} 0" in text
    plan_row = report.snapshot["summary"]["plan"]
    assert plan_row["completed"] == 0
    assert f"План загалом {plan_row['total']} 0 0" in text
    # An overdue task, by title, with its department.
    overdue = report.snapshot["overdue"]["rows"]
    assert overdue
    task = Task.objects.get(pk=overdue[0]["id"])
    assert task.due_date.isoformat() <= "2019-12-31"
    assert task.status != "completed" or task.updates.filter(date__gt="2019-12-31").exists()
    cells = pdf_text(report.pdf.path, layout=False)
    overdue_part = cells[
        cells.index("3. Прострочені завдання Завдань") : cells.index(
            "У кварталі оновлень щодо виконання завдань не надходило."
        )
    ]
    assert " ".join(task.title.split()) in overdue_part
    assert overdue[0]["departments"] and overdue[0]["departments"].split(",")[0] in overdue_part
    assert "Прострочені завдання" in text
    assert "У кварталі оновлень щодо виконання завдань не надходило." in text


def test_demo_report_layout(demo_report):
    path = demo_report.pdf.path
    reader = PdfReader(path)
    assert len(reader.pages) >= 8
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
    text = pdf_text(path)
    assert f"Сторінка 2 з {len(reader.pages)}" in text
    # The table of contents carries page numbers (target-counter).
    assert "1. Загальний стан виконання плану ....." in text
    fonts = pdf_fonts(path)
    assert fonts and all("DejaVu" in row[0] for row in fonts)
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts)  # embedded, subset, unicode
    assert demo_report.snapshot["summary"]["principles"][0]["label"] in text


def test_long_tables_repeat_their_header(db, media, department):
    """The appendix of a large plan spans pages, and its header row is printed on each."""
    from plan.models import ActionPlan, Principle, Section, Task, TaskDepartment

    plan = ActionPlan.objects.create(title="Великий план", start_quarter="2019Q1", end_quarter="2019Q4")
    section = Section.objects.create(principle=Principle.objects.create(plan=plan, number=1, title="П"), title="Р")
    tasks = Task.objects.bulk_create(
        Task(plan=plan, section=section, position=i, title=f"Завдання номер {i}", deadline_text="2019", due_date=None)
        for i in range(1, 121)
    )
    TaskDepartment.objects.bulk_create(TaskDepartment(task=t, department=department, is_lead=True) for t in tasks)
    report = services.report_generate(year=2019, quarter=4)
    reader = PdfReader(report.pdf.path)
    appendix_pages = [p.extract_text() for p in reader.pages if "Завдання номер" in p.extract_text()]
    assert len(appendix_pages) >= 2
    assert all("Термін реалізації" in page for page in appendix_pages)
