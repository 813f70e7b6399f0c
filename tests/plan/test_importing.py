"""Plan tables: reading, validation with row-level messages, all-or-nothing writes, the command."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from accounts.models import Department
from plan.importing import COLUMNS, parse_principle, read_table, split_departments
from plan.models import ActionPlan, Principle, Section, Task, TaskDepartment
from plan.services import plan_import


def csv_bytes(rows, encoding="utf-8"):
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


ROWS = [
    [
        "І. Відкритість за замовчуванням",
        "Нормативне забезпечення",
        "Завдання А",
        "Зміст А",
        "Реалізація щонайменше одного проекту",
        "І-ІІ квартал 2019 року",
        "Управління економіки, промисловості та праці / Управління стратегічного розвитку",
    ],
    [
        "",
        "",
        "Завдання Б",
        "",
        "Показник Б",
        "ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року",
        "управління  економіки, промисловості та праці",
    ],
    ["", "Фінансове забезпечення", "Завдання В", "Зміст В", "", "постійно", "Відділ зв'язків з громадськістю; УСР"],
    [
        "ІІ. Оперативність та вичерпність",
        "Контроль якості",
        "Завдання Г",
        "",
        "",
        "2020 рік",
        "Відділ зв’язків з громадськістю",
    ],
]


def run(data, filename="plan.csv", **kwargs):
    # New departments are created only when confirmed (issue 19); these tests confirm them.
    kwargs.setdefault("create_departments", True)
    return plan_import(data=data, filename=filename, title="План", start="2019Q1", end="2020Q4", **kwargs)


def test_split_departments_never_on_commas():
    assert split_departments("Управління економіки, промисловості та праці") == [
        "Управління економіки, промисловості та праці"
    ]
    assert split_departments("А/ Б ; В;;/") == ["А", "Б", "В"]
    assert split_departments("А / а") == ["А"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("І. Відкритість за замовчуванням", (1, "Відкритість за замовчуванням")),
        ("IV. Порівнюваність", (4, "Порівнюваність")),
        ("VI) Інклюзивний розвиток", (6, "Інклюзивний розвиток")),
        ("Відкритість", None),
        ("VII. Зайвий", None),
    ],
)
def test_parse_principle(cell, expected):
    assert parse_principle(cell) == expected


@pytest.mark.django_db
def test_import_fills_down_and_matches_departments():
    existing = Department.objects.create(name="Управління економіки, промисловості та праці")
    report = run(csv_bytes(ROWS))
    assert (report.principles, report.sections, report.tasks, report.indicators) == (2, 3, 4, 1)
    plan = report.plan
    assert [p.number for p in Principle.objects.filter(plan=plan)] == [1, 2]
    assert list(Section.objects.filter(principle__plan=plan).values_list("title", flat=True)) == [
        "Нормативне забезпечення",
        "Фінансове забезпечення",
        "Контроль якості",
    ]
    a, b, c, d = Task.objects.filter(plan=plan).order_by("position")
    assert a.section.title == "Нормативне забезпечення" and b.section == a.section
    assert c.section.title == "Фінансове забезпечення" and c.section.principle.number == 1
    assert d.section.principle.number == 2
    # lead first; names matched ignoring case, spaces and apostrophes
    links = list(TaskDepartment.objects.filter(task=a).order_by("position"))
    assert [(link.department, link.is_lead) for link in links][0] == (existing, True)
    assert links[1].department.name == "Управління стратегічного розвитку" and not links[1].is_lead
    assert list(b.departments.all()) == [existing]
    assert c.departments.count() == 2
    assert Department.objects.filter(name="Відділ зв’язків з громадськістю").count() == 1
    assert [(str(p.start), str(p.end)) for p in b.periods.all()] == [("2019Q3", "2019Q4"), ("2020Q3", "2020Q4")]
    assert str(b.due_date) == "2020-12-31"
    assert c.recurring and [(str(p.start), str(p.end)) for p in c.periods.all()] == [("2019Q1", "2020Q4")]
    (indicator,) = a.indicators.all()
    assert indicator.target_value == 1 and indicator.unit == "проекту"
    assert a.history.first().history_change_reason == "Імпорт плану"


@pytest.mark.django_db
def test_malformed_table_is_rejected_with_row_messages_and_creates_nothing():
    rows = [
        ["Відкритість без номера", "Розділ", "Завдання", "", "", "І квартал 2019", "Відділ"],
        ["І. Відкритість", "", "", "", "", "коли-небудь", ""],
        ["", "Розділ", "Завдання 3", "", "", "V квартал 2019", "Відділ"],
        ["", "Розділ", "Завдання 4", "", "", "І квартал 2019", "Відділ"],  # a good row: still not written
        ["", "Розділ", "Завдання 5", "", "", "ІІ квартал 2021", "Відділ"],
    ]
    with pytest.raises(ValidationError) as error:
        run(csv_bytes(rows))
    messages = error.value.messages
    assert "Рядок 2, колонка «Принцип хартії»: очікується номер" in messages[0]
    assert "Рядок 3, колонка «Розділ»: не вказано розділ" in messages[1]
    assert messages[2] == "Рядок 3, колонка «Завдання»: не вказано завдання."
    assert messages[3].startswith("Рядок 3, колонка «Термін реалізації»: Не вдалося розпізнати термін «коли-небудь»")
    assert messages[4] == "Рядок 3, колонка «Виконавчі органи»: не вказано виконавчий орган."
    assert messages[5].startswith("Рядок 4, колонка «Термін реалізації»") and "«V»" in messages[5]
    assert messages[6] == (
        "Рядок 6, колонка «Термін реалізації»: «ІІ квартал 2021»: термін 2021Q2–2021Q2 виходить за межі плану "
        "(2019Q1–2020Q4)."
    )
    assert len(messages) == 7
    assert not ActionPlan.objects.exists() and not Task.objects.exists() and not Department.objects.exists()


@pytest.mark.django_db
def test_missing_columns_are_reported():
    data = "Принцип хартії,Розділ,Завдання\nІ. А,Б,В\n".encode()
    with pytest.raises(ValidationError) as error:
        run(data)
    assert error.value.messages == ["Рядок 1: бракує колонок «Термін реалізації», «Виконавчі органи»."]


@pytest.mark.django_db
def test_windows_1251_csv_and_semicolons():
    text = ";".join(COLUMNS) + "\nІ. Відкритість;Розділ;Завдання;;;ІІ квартал 2019;Відділ зв’язків\n"
    text = text.replace("’", "'")
    report = run(text.encode("cp1251"))
    assert report.tasks == 1
    assert Task.objects.get().title == "Завдання"
    assert Department.objects.get().name == "Відділ зв’язків"


@pytest.mark.django_db
def test_xlsx_with_merged_style_blanks():
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS[:-1] + ["Виконавчі органи, відповідальні за реалізацію"])
    for row in ROWS:
        sheet.append([cell or None for cell in row])
    out = io.BytesIO()
    book.save(out)
    report = run(out.getvalue(), filename="plan.xlsx")
    assert (report.principles, report.sections, report.tasks) == (2, 3, 4)
    assert read_table(out.getvalue(), "plan.xlsx")[1][2] == "Завдання А"


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_reports_everything():
    report = run(csv_bytes(ROWS), dry_run=True)
    assert report.dry_run and report.plan is None
    assert (report.principles, report.sections, report.tasks) == (2, 3, 4)
    assert len(report.new_departments) == 4
    assert not ActionPlan.objects.exists() and not Department.objects.exists()


@pytest.mark.django_db
def test_same_plan_twice_is_refused():
    run(csv_bytes(ROWS))
    with pytest.raises(ValidationError):
        run(csv_bytes(ROWS))
    assert ActionPlan.objects.count() == 1


@pytest.mark.django_db
def test_only_coordinators_import(department_head, coordinator):
    with pytest.raises(PermissionDenied):
        run(csv_bytes(ROWS), by=department_head)
    assert run(csv_bytes(ROWS), by=coordinator).tasks == 4


@pytest.mark.django_db
def test_unsupported_file():
    with pytest.raises(ValidationError) as error:
        run(b"%PDF", filename="plan.pdf")
    assert "CSV, XLSX і DOCX" in error.value.messages[0]


@pytest.mark.django_db
def test_import_plan_command(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(csv_bytes(ROWS))
    out = io.StringIO()
    call_command(
        "import_plan", str(path), "--title", "План", "--start", "2019Q1", "--end", "2020Q4", "--dry-run", stdout=out
    )
    assert "нічого не записано" in out.getvalue() and not ActionPlan.objects.exists()
    call_command(
        "import_plan",
        str(path),
        *("--title", "План", "--start", "2019Q1", "--end", "2020Q4", "--create-departments"),
        stdout=out,
    )
    assert ActionPlan.objects.get().tasks.count() == 4


@pytest.mark.django_db
def test_import_plan_command_reports_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([["І. А", "Б", "В", "", "", "невідомо", "Відділ"]]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="нічого не записано"):
        call_command("import_plan", str(path), "--title", "П", "--start", "2019Q1", "--end", "2020Q4", stderr=err)
    assert "Рядок 2, колонка «Термін реалізації»" in err.getvalue()
