"""Issue 25: a council's register in the Resolution 835 passport columns, from CSV and XLSX alike."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Department
from accounts.services import department_add_alias
from registry.choices import DatasetSource, DatasetStatus, Frequency
from registry.importing import registry_import
from registry.models import Dataset
from registry.services import dataset_create
from tests.tables import csv_file, xlsx_file

pytestmark = pytest.mark.django_db

TITLE = "Реєстр наборів даних, що підлягають оприлюдненню, Тернопільської міської ради"
HEADER = [
    "№ з/п",
    "Ідентифікатор набору даних",
    "Назва набору даних",
    "Стислий опис змісту набору даних",
    "Назва розпорядника інформації",
    "Відповідальна особа",
    "Формат (формати)",
    "Періодичність актуалізації",
    "Дата і час внесення останніх змін",
    "Ключові слова",
    "Гіперпосилання на набір даних",
    "Підстава та призначення збору інформації",
]
FINANCE = "Фінансове управління"
ECONOMY = "Управління економіки, промисловості та праці"
ROWS = [
    ["1", "tr-budget", "Бюджет міста", "Показники бюджету", FINANCE, "Петренко Іван, petrenko@example.org",
     "CSV; XLSX", "Щороку", "29.02.2024 10:00", "бюджет, фінанси", "https://data.gov.ua/dataset/tr-budget",
     "Бюджетний кодекс України"],
    ["2", "tr-rental", "Об’єкти оренди", "Перелік об’єктів", ECONOMY, "Коваль Олена Петрівна, koval@example.org",
     "XLSX/CSV", "кожного місяця", "31.01.2024 09:15", "оренда", "https://opendata.example.org/rental",
     "Закон про оренду"],
    ["3", "tr-acts", "Регуляторні акти", "Акти", FINANCE, "Шевчук Тарас", "JSON, XML", "Щокварталу",
     "2020-10-05T10:00", "акти", "", "Закон про регуляторну політику"],
    ["4", "tr-elections", "Виборчі дільниці", "Дільниці", ECONOMY, "", "CSV", "Відразу після внесення змін",
     "05.10.2020", "", "", ""],
]  # fmt: skip


def departments():
    Department.objects.create(name=FINANCE)
    Department.objects.create(name=ECONOMY)


def register_csv(rows=ROWS):
    return csv_file([[TITLE], [], HEADER, *rows], delimiter=";", encoding="cp1251")


def register_xlsx(rows=ROWS):
    data = [[TITLE] + [""] * (len(HEADER) - 1), HEADER]
    for row in rows:
        row = list(row)
        if row[8] == "29.02.2024 10:00":  # Excel keeps dates as dates
            row[8] = dt.datetime(2024, 2, 29, 10, 0)
        data.append(row)
    return xlsx_file(data, merges=["A1:L1"])


def snapshot():
    return {
        d.identifier: (
            d.title, d.description, d.department.name, d.responsible_person, d.responsible_email, d.formats,
            d.frequency, d.last_updated_at, d.next_due_date, d.keywords, d.portal_url, d.data_gov_ua_url, d.purpose,
            d.status, d.quality_score,
        )
        for d in Dataset.objects.select_related("department")
    }  # fmt: skip


def run(data, name, **kwargs):
    return registry_import(data=data, filename=name, dry_run=kwargs.pop("dry_run", False), **kwargs)


def test_cp1251_semicolon_csv_and_xlsx_with_title_row_import_the_same_datasets():
    departments()
    report = run(register_csv(), "реєстр.csv")
    assert report.errors == [] and report.written and report.totals == {"new": 4}
    assert ("Відповідальна особа", "responsible") in report.columns
    from_csv = snapshot()
    Dataset.objects.all().delete()
    report = run(register_xlsx(), "реєстр.xlsx")
    assert report.errors == [] and report.kind == "xlsx"
    assert snapshot() == from_csv

    budget = Dataset.objects.get(identifier="tr-budget")
    assert budget.frequency == Frequency.YEARLY
    assert budget.last_updated_at == dt.datetime(2024, 2, 29, 8, 0, tzinfo=dt.UTC)  # 10:00 in Kyiv (UTC+2)
    assert budget.next_due_date == dt.date(2025, 2, 28)  # 29 February + 1 year
    assert budget.formats == "CSV, XLSX" and budget.keywords == "бюджет, фінанси"
    assert budget.data_gov_ua_url == "https://data.gov.ua/dataset/tr-budget" and budget.portal_url == ""
    assert budget.status == DatasetStatus.PUBLISHED and budget.source == DatasetSource.IMPORT
    rental = Dataset.objects.get(identifier="tr-rental")
    assert rental.frequency == Frequency.MONTHLY
    assert rental.next_due_date == dt.date(2024, 2, 29)  # 31 January + 1 month, leap year
    assert rental.portal_url == "https://opendata.example.org/rental" and rental.data_gov_ua_url == ""
    assert rental.department.name == ECONOMY  # a name with a comma and "та", kept whole
    acts = Dataset.objects.get(identifier="tr-acts")
    assert acts.frequency == Frequency.QUARTERLY and acts.next_due_date == dt.date(2021, 1, 5)
    assert acts.status == DatasetStatus.PLANNED  # no link yet
    elections = Dataset.objects.get(identifier="tr-elections")
    assert elections.frequency == Frequency.ON_CHANGE and elections.next_due_date is None


def test_due_dates_exactly_as_for_datasets_entered_by_hand():
    departments()
    run(register_csv(), "r.csv")
    for imported in Dataset.objects.select_related("department"):
        by_hand = dataset_create(
            by=None,
            identifier="hand-" + imported.identifier,
            title=imported.title,
            department=imported.department,
            frequency=imported.frequency,
            last_updated_at=imported.last_updated_at,
        )
        assert by_hand.next_due_date == imported.next_due_date, imported.identifier


def test_responsible_cell_is_split_and_kept_private():
    departments()
    run(register_csv(), "r.csv")
    rental = Dataset.objects.get(identifier="tr-rental")
    assert rental.responsible_person == "Коваль Олена Петрівна"
    assert rental.responsible_email == "koval@example.org"
    acts = Dataset.objects.get(identifier="tr-acts")
    assert (acts.responsible_person, acts.responsible_email) == ("Шевчук Тарас", "")


@pytest.mark.parametrize("builder,name", [(register_csv, "r.csv"), (register_xlsx, "r.xlsx")])
def test_unknown_frequency_refused_with_its_spreadsheet_row_number(builder, name):
    departments()
    rows = [list(r) for r in ROWS]
    rows[1][7] = "щоночі"
    report = run(builder(rows), name)
    # CSV: title, blank, header, then data from row 4; XLSX: title, header, data from row 3.
    number = 5 if name.endswith(".csv") else 4
    assert report.errors == [f"Рядок {number}, стовпець «Періодичність актуалізації»: невідома періодичність «щоночі»"]
    assert not report.written and Dataset.objects.count() == 0


def test_new_departments_are_listed_and_created_only_on_confirmation():
    Department.objects.create(name=FINANCE)
    report = run(register_csv(), "r.csv", dry_run=True)
    assert report.errors == [] and report.new_departments == [ECONOMY]
    report = run(register_csv(), "r.csv")
    assert "нові підрозділи" in report.errors[0] and ECONOMY in report.errors[0]
    assert Dataset.objects.count() == 0 and Department.objects.count() == 1
    report = run(register_csv(), "r.csv", create_departments=True)
    assert report.written and Department.objects.filter(name=ECONOMY).count() == 1


def test_departments_matched_by_alias_as_the_plan_importer_does():
    departments()
    department_add_alias(department=Department.objects.get(name=FINANCE), name="Фінуправління")
    rows = [list(r) for r in ROWS]
    rows[0][4] = "ФІНУПРАВЛІННЯ"
    report = run(register_csv(rows), "r.csv")
    assert report.errors == [] and report.new_departments == []
    assert Dataset.objects.get(identifier="tr-budget").department.name == FINANCE


def test_dry_run_writes_nothing_and_reimport_changes_nothing():
    departments()
    report = run(register_csv(), "r.csv", dry_run=True)
    assert report.totals == {"new": 4} and Dataset.objects.count() == 0
    run(register_csv(), "r.csv")
    before = snapshot()
    report = run(register_xlsx(), "r.xlsx")
    assert report.totals == {"skip": 4} and snapshot() == before


def test_unrecognised_column_can_be_mapped():
    departments()
    header = list(HEADER)
    header[7] = "Як часто оновлюється"
    data = csv_file([header, *ROWS], delimiter=";")
    report = run(data, "r.csv")
    assert "Як часто оновлюється" in report.unrecognised
    assert Dataset.objects.get(identifier="tr-rental").frequency == Frequency.YEARLY  # column not read
    Dataset.objects.all().delete()
    report = run(data, "r.csv", column_map={"Як часто оновлюється": "frequency"})
    assert report.errors == [] and Dataset.objects.get(identifier="tr-rental").frequency == Frequency.MONTHLY


def test_command_lists_new_departments_and_creates_them_with_the_flag(tmp_path):
    path = tmp_path / "реєстр.csv"
    path.write_bytes(register_csv())
    out, err = io.StringIO(), io.StringIO()
    call_command("import_registry", str(path), "--dry-run", stdout=out)
    assert f"Новий підрозділ: {FINANCE}" in out.getvalue() and Department.objects.count() == 0
    with pytest.raises(CommandError):
        call_command("import_registry", str(path), stdout=out, stderr=err)
    assert "--create-departments" in err.getvalue() and Dataset.objects.count() == 0
    call_command("import_registry", str(path), "--create-departments", stdout=out)
    assert Dataset.objects.count() == 4 and Department.objects.count() == 2


def test_separate_email_column_and_future_dates():
    departments()
    header = [*HEADER, "Адреса електронної пошти відповідальної особи"]
    rows = [[*row, f"{row[1]}@example.org"] for row in ROWS]
    rows[2][8] = "01.01.2999 10:00"
    report = run(csv_file([header, *rows], delimiter=";"), "r.csv")
    assert report.errors == [
        "Рядок 4, стовпець «Дата і час внесення останніх змін»: дата «01.01.2999 10:00» ще не настала"
    ]
    rows[2][8] = "01.01.2020 10:00"
    report = run(csv_file([header, *rows], delimiter=";"), "r.csv")
    assert report.errors == []
    acts = Dataset.objects.get(identifier="tr-acts")  # "Шевчук Тарас" without an address in the cell
    assert (acts.responsible_person, acts.responsible_email) == ("Шевчук Тарас", "tr-acts@example.org")
    assert Dataset.objects.get(identifier="tr-budget").responsible_email == "petrenko@example.org"
