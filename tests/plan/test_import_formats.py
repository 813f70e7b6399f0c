"""Plans as councils really have them (issue 19): a DOCX annex, an XLSX with a title row, a semicolon
Windows-1251 CSV — the same tasks, periods and departments from each; executor lists; hostile files."""

import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import Department
from plan.executors import parse_executors
from plan.models import ActionPlan, Task
from plan.services import plan_import
from tests.tables import csv_file, docx_file, xlsx_bomb, xlsx_file

pytestmark = pytest.mark.django_db

PR = "Відділ зв’язків з громадськістю та засобами масової інформації"
ECONOMY = "Управління економіки, промисловості та праці"
STRATEGY = "Управління стратегічного розвитку"
GROUPS = "керівники комунальних підприємств, установ та організацій"

# (principle, section, task, indicators, deadline, executors)
TASKS = [
    (
        1,
        "Нормативне забезпечення",
        "Оприлюднювати набори даних",
        "Опубліковано 10 наборів",
        "І-ІІ квартал 2019 року",
        PR,
    ),
    (
        1,
        "Нормативне забезпечення",
        "Оновити стратегію",
        "",
        "ІІІ-IV квартал 2019 року, ІІІ-IV квартал 2020 року",
        f"{PR}/ {STRATEGY}",
    ),
    (1, "Фінансове забезпечення", "Залучати кошти", "Реалізація щонайменше одного проекту", "2020 рік", ECONOMY),
    (2, "Аудит та реєстри даних", "Провести аудит даних", "", "постійно", f"{PR}, {GROUPS}"),
]
EXPECTED = [
    ("Оприлюднювати набори даних", 1, "Нормативне забезпечення", [("2019Q1", "2019Q2")], [PR], ""),
    (
        "Оновити стратегію",
        1,
        "Нормативне забезпечення",
        [("2019Q3", "2019Q4"), ("2020Q3", "2020Q4")],
        [PR, STRATEGY],
        "",
    ),
    ("Залучати кошти", 1, "Фінансове забезпечення", [("2020Q1", "2020Q4")], [ECONOMY], ""),
    ("Провести аудит даних", 2, "Аудит та реєстри даних", [("2019Q1", "2020Q4")], [PR], GROUPS),
]
PRINCIPLES = {1: "Принцип 1. Відкритість за замовчуванням", 2: "ІІ. Оперативність та вичерпність"}


def docx_plan() -> bytes:
    """Headings merged across the table (principle, section), synonym headers, "№ з/п", a column-number row."""
    rows = [["№ з/п", "Найменування заходу", "Очікуваний результат", "Строк виконання", "Відповідальні виконавці"]]
    rows.append(["1", "2", "3", "4", "5"])
    merged, principle, section = [], None, None
    for number, (p, s, title, indicators, deadline, executors) in enumerate(TASKS, start=1):
        if p != principle:
            merged.append(len(rows))
            rows.append([PRINCIPLES[p], "", "", "", ""])
            principle = p
        if s != section:
            merged.append(len(rows))
            rows.append([s, "", "", "", ""])
            section = s
        rows.append([f"{number}.", title, indicators, deadline, executors.replace("/ ", "\n")])
    return docx_file(rows, merged_rows=merged)


def xlsx_plan() -> bytes:
    """A title row merged above the header, principle cells merged down the column, other header names."""
    rows = [["План заходів з реалізації принципів Хартії відкритих даних", "", "", "", "", ""]]
    rows.append(["Принцип", "Напрям", "Захід", "Показники", "Термін", "Відповідальні"])
    merges, start = ["A1:F1"], None
    for index, (p, s, title, indicators, deadline, executors) in enumerate(TASKS):
        first = index == 0 or TASKS[index - 1][0] != p
        rows.append([PRINCIPLES[p] if first else "", s, title, indicators, deadline, executors])
        if first:
            start = len(rows)
        last = index == len(TASKS) - 1 or TASKS[index + 1][0] != p
        if last and len(rows) > start:
            merges.append(f"A{start}:A{len(rows)}")
    return xlsx_file(rows, merges=merges)


def csv_plan() -> bytes:
    """Semicolon, Windows-1251, principles by the Charter's names only, section filled down."""
    rows = [["Принцип хартії", "Розділ", "Завдання", "Індикатор", "Строк", "Виконавці"]]
    names = {1: "Відкритість за замовчуванням", 2: "Оперативність та вичерпність"}
    previous = None
    for p, s, title, indicators, deadline, executors in TASKS:
        rows.append([names[p] if p != previous else "", s, title, indicators, deadline, executors.replace("/", ";")])
        previous = p
    return csv_file(rows, delimiter=";", encoding="cp1251")


def imported(data, filename, **kwargs):
    kwargs.setdefault("create_departments", True)
    report = plan_import(data=data, filename=filename, title="План", start="2019Q1", end="2020Q4", **kwargs)
    return report, [
        (
            t.title,
            t.section.principle.number,
            t.section.title,
            [(str(p.start), str(p.end)) for p in t.periods.all()],
            [link.department.name for link in t.task_departments.order_by("-is_lead", "position")],
            t.participants,
        )
        for t in Task.objects.filter(plan=report.plan).order_by("position").select_related("section__principle")
    ]


@pytest.mark.parametrize(
    ("build", "filename"), [(docx_plan, "plan.docx"), (xlsx_plan, "plan.xlsx"), (csv_plan, "plan.csv")]
)
def test_each_format_imports_the_same_plan(build, filename):
    report, tasks = imported(build(), filename)
    assert tasks == EXPECTED
    assert report.principles == 2 and report.sections == 3
    assert sorted(Department.objects.values_list("name", flat=True)) == sorted([PR, ECONOMY, STRATEGY])
    assert Task.objects.get(title="Залучати кошти").indicators.get().target_value == 1


def test_docx_preview_says_which_header_became_which_field():
    report = plan_import(data=docx_plan(), filename="plan.docx", title="П", start="2019Q1", end="2020Q4", dry_run=True)
    assert report.header_row == 1
    assert report.columns == [
        ("Найменування заходу", "Завдання"),
        ("Очікуваний результат", "Показники виконання"),
        ("Строк виконання", "Термін реалізації"),
        ("Відповідальні виконавці", "Виконавчі органи"),
    ]
    assert report.new_departments == [PR, STRATEGY, ECONOMY]
    assert not ActionPlan.objects.exists() and not Department.objects.exists()


@pytest.mark.parametrize(
    ("cell", "departments", "participants"),
    [
        (f"{PR}, {GROUPS}", [PR], [GROUPS]),
        (
            f"{PR}, структурні підрозділи,  комунальні підприємства, установи та організації",
            [PR],
            ["структурні підрозділи, комунальні підприємства, установи та організації"],
        ),
        (f"Структурні підрозділи міської ради/ {PR}", [PR], ["Структурні підрозділи міської ради"]),
        (ECONOMY, [ECONOMY], []),
        (
            "Управління цифрової трансформації та комунікації зі ЗМІ",
            ["Управління цифрової трансформації та комунікації зі ЗМІ"],
            [],
        ),
        ("Відділ кадрів та управління освіти і науки", ["Відділ кадрів", "Управління освіти і науки"], []),
        (
            "Сектор А, управління Б; центр В\nслужба Г / Департамент Д",
            ["Сектор А", "Управління Б", "Центр В", "Служба Г", "Департамент Д"],
            [],
        ),
        ("Управління освіти та науки/ Управління стратегічного розвитку", ["Управління освіти та науки", STRATEGY], []),
        ("Відділ А; відділ а", ["Відділ А"], []),
        ("Відділ А та/або відділ Б", ["Відділ А та/або відділ Б"], []),
        ("комунальні підприємства", [], ["комунальні підприємства"]),
    ],
)
def test_executor_lists(cell, departments, participants):
    parsed = parse_executors(cell)
    assert (parsed.departments, parsed.participants) == (departments, participants)


def test_a_known_department_with_ta_before_a_unit_word_stays_whole():
    name = "Відділ молоді та управління спорту"  # an odd but real name: a unit word after "та"
    assert parse_executors(f"{name}, {GROUPS}").departments == ["Відділ молоді", "Управління спорту"]
    known = {name.lower()}
    parsed = parse_executors(f"{name}, {GROUPS}", known=lambda n: n.lower() in known)
    assert (parsed.departments, parsed.participants) == ([name], [GROUPS])


def test_known_departments_and_aliases_are_matched_not_created(coordinator):
    from accounts.services import department_add_alias

    pr = Department.objects.create(name=PR)
    department_add_alias(department=pr, name="Відділ зв’язків з громадськістю")
    rows = [
        ["Принцип", "Завдання", "Строк", "Виконавці"],
        ["1", "Завдання", "2019 рік", "відділ зв'язків з громадськістю"],
    ]
    report = plan_import(data=csv_file(rows), filename="p.csv", title="П", start="2019Q1", end="2020Q4", by=coordinator)
    assert list(report.plan.tasks.get().departments.all()) == [pr]
    assert report.new_departments == [] and Department.objects.count() == 1


def test_new_departments_need_confirmation_on_the_command_line(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_plan())
    args = ("import_plan", str(path), "--title", "План", "--start", "2019Q1", "--end", "2020Q4")
    err = io.StringIO()
    with pytest.raises(CommandError, match="нічого не записано"):
        call_command(*args, stderr=err)
    assert "Нових підрозділів немає в довіднику" in err.getvalue() and f"«{STRATEGY}»" in err.getvalue()
    assert not ActionPlan.objects.exists() and not Department.objects.exists()
    out = io.StringIO()
    call_command(*args, "--create-departments", stdout=out)
    assert "«Строк виконання» → Термін реалізації" in out.getvalue()
    assert Task.objects.count() == 4 and Department.objects.count() == 3


def test_column_mapping_for_unrecognised_headers(tmp_path):
    rows = [["Захід", "Коли", "Хто робить"], ["Перше", "2019 рік", "Відділ А"]]
    with pytest.raises(ValidationError) as error:
        imported(csv_file(rows), "p.csv")
    assert error.value.messages[0].startswith("Рядок 1: бракує колонок «Термін реалізації», «Виконавчі органи».")
    assert "«Коли»" in error.value.messages[0]
    path = tmp_path / "p.csv"
    path.write_bytes(csv_file([rows[0], ["Принцип 1"], *rows[1:]]))
    out = io.StringIO()
    call_command(
        "import_plan",
        str(path),
        *("--title", "П", "--start", "2019Q1", "--end", "2020Q4", "--create-departments"),
        *("--column", "Коли=deadline", "--column", "Хто робить=виконавці"),
        stdout=out,
    )
    assert "«Хто робить» → Виконавчі органи" in out.getvalue()
    task = Task.objects.get()
    assert task.title == "Перше" and task.section.principle.number == 1 and task.departments.get().name == "Відділ А"


HOSTILE = [
    (
        b"\xef\xbb\xbf" + "Завдання,Строк,Виконавці\r\nА,2019 рік,Відділ\x00\r\n".encode(),
        "p.csv",
        "Рядок 2, колонка C: клітинка містить нульовий байт",
    ),
    (
        "Завдання,Строк,Виконавці\r\nА,2019 рік,".encode() + b"x" * 140_000 + b"\r\n",
        "p.csv",
        "Рядок 2: клітинка задовга",
    ),
    (
        "Завдання,Строк,Виконавці\r\nА,2019 рік,".encode() + b"x" * 12_000 + b"\r\n",
        "p.csv",
        "Рядок 2: клітинка задовга",
    ),
    (b"<html><script>alert(1)</script></html>", "p.html", "Підтримуються файли CSV, XLSX і DOCX"),
    (b"", "p.csv", "Файл порожній"),
    (b"\r\n\r\n", "p.csv", "Файл порожній"),
    (b"PK\x03\x04not really", "p.docx", "Файл DOCX пошкоджений"),
]


@pytest.mark.parametrize(("data", "filename", "message"), HOSTILE)
def test_hostile_files_refused_with_their_message_and_nothing_written(data, filename, message):
    with pytest.raises(ValidationError) as error:
        imported(data, filename)
    assert message in error.value.messages[0]
    assert not ActionPlan.objects.exists() and not Task.objects.exists() and not Department.objects.exists()


def test_zip_bomb_refused_in_under_two_seconds():
    bomb = xlsx_bomb()
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="після розпакування завеликий"):
        imported(bomb, "bomb.xlsx")
    assert time.perf_counter() - started < 2
    assert not ActionPlan.objects.exists()


def test_duplicate_rows_are_a_row_error_not_three_tasks():
    rows = [["Принцип хартії", "Розділ", "Завдання", "Термін реалізації", "Виконавчі органи"]]
    rows += [["І. Відкритість", "Розділ", "Завдання", "2019 рік", "Відділ А"]]
    rows += [
        ["", "", "Завдання ", "2019 рік", "Відділ А"],
        ["ІІ. Оперативність", "Інший", "завдання", "2020 рік", "Відділ А"],
    ]
    with pytest.raises(ValidationError) as error:
        imported(csv_file(rows), "p.csv")
    assert error.value.messages == [
        "Рядок 3, колонка «Завдання»: завдання повторює рядок 2.",
        "Рядок 4, колонка «Завдання»: завдання повторює рядок 2.",
    ]
    assert not Task.objects.exists()


def test_only_participants_is_an_error():
    rows = [["Принцип", "Завдання", "Строк", "Виконавці"], ["1", "А", "2019 рік", "Структурні підрозділи міської ради"]]
    with pytest.raises(ValidationError, match="це учасники, а не підрозділ"):
        imported(csv_file(rows), "p.csv")


def test_import_queries_do_not_grow_with_the_rows(coordinator):
    from django.test.utils import CaptureQueriesContext

    Department.objects.create(name=PR)

    def queries_for(count, title):
        rows = [["Принцип", "Завдання", "Строк", "Виконавці", "Показники"]]
        rows += [
            ["1", f"Завдання {i}", "2019 рік", f"{PR}, {GROUPS}", "Реалізація щонайменше одного проекту"]
            for i in range(count)
        ]
        with CaptureQueriesContext(connection) as queries:
            report = plan_import(
                data=csv_file(rows), filename="p.csv", title=title, start="2019Q1", end="2020Q4", by=coordinator
            )
        assert report.tasks == count and report.indicators == count
        return len(queries)

    queries_for(2, "Перший")  # the user's roles are read once and kept on the user object
    small, big = queries_for(5, "Малий"), queries_for(60, "Великий")
    # SQLite splits one bulk INSERT at its parameter limit (one more statement per ~1,000 values).
    assert big - small <= (1 if connection.vendor == "sqlite" else 0) and big <= 20
    task = Task.objects.filter(plan__title="Великий").last()
    assert task.history.get().history_user == coordinator and task.participants == GROUPS
    assert task.task_departments.get().is_lead and task.periods.count() == 1


def test_a_hostile_executors_cell_is_parsed_in_bounded_time():
    cell = ", ".join(f"відділ {i}" if i % 2 else f"назва {i}" for i in range(1500))[:10_000]
    started = time.perf_counter()
    parsed = parse_executors(cell, known=lambda name: False)
    assert time.perf_counter() - started < 1
    assert len(parsed.departments) > 400 and parsed.departments[1] == "Відділ 1, назва 2"


def test_a_file_full_of_errors_reports_the_first_two_hundred():
    rows = [["Принцип", "Завдання", "Строк", "Виконавці"]] + [["1", f"З {i}", "колись", "Відділ"] for i in range(300)]
    with pytest.raises(ValidationError) as error:
        imported(csv_file(rows), "p.csv")
    assert len(error.value.messages) == 201 and error.value.messages[-1] == "…і ще помилок: 100."
