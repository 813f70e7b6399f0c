import csv
import io
import json
from pathlib import Path

import pytest
import tablib
from django.core.management import CommandError, call_command

from accounts.models import Department
from registry.choices import DatasetSource, DatasetStatus, Frequency
from registry.models import Dataset
from registry.resources import DatasetResource, escape_formula, import_file

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
CKAN = Path(__file__).parent / "ckan"

HEADER = "identifier,title,department,frequency,status,formats,responsible_email,last_updated_at\n"
ROWS = (
    "budget,Бюджет міста,Фінансове управління,Щомісяця,published,CSV,fin@example.org,2024-05-01\n"
    'routes,Маршрути транспорту,Управління транспорту,yearly,Оприлюднено,"CSV, GeoJSON",,15.03.2024\n'
)


def run(text_or_bytes, name="registry.csv", dry_run=False, create_departments=True):
    raw = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    return import_file(raw, name, dry_run=dry_run, create_departments=create_departments)


def test_csv_import_creates_datasets_and_departments():
    outcome = run(HEADER + ROWS)
    assert outcome["errors"] == [] and outcome["kind"] == "csv"
    budget = Dataset.objects.get(identifier="budget")
    assert budget.frequency == Frequency.MONTHLY and budget.status == DatasetStatus.PUBLISHED
    assert budget.department.name == "Фінансове управління"
    assert budget.slug == "budget" and budget.responsible_email == "fin@example.org"
    assert str(budget.next_due_date) == "2024-06-01"
    routes = Dataset.objects.get(identifier="routes")
    assert routes.status == DatasetStatus.PUBLISHED and str(routes.next_due_date) == "2025-03-15"
    assert routes.quality_score > 0
    assert Department.objects.count() == 2


def test_reimport_updates_by_identifier_and_matches_departments_loosely():
    run(HEADER + ROWS)
    changed = HEADER + "budget,Бюджет міста (уточнено),  фінансове   УПРАВЛІННЯ ,Щокварталу,published,CSV,,2024-05-01\n"
    outcome = run(changed)
    assert outcome["errors"] == [] and outcome["totals"] == {"update": 1}
    budget = Dataset.objects.get(identifier="budget")
    assert budget.title == "Бюджет міста (уточнено)" and budget.frequency == Frequency.QUARTERLY
    assert Dataset.objects.count() == 2 and Department.objects.count() == 2


def test_windows_1251_csv():
    outcome = run((HEADER + ROWS).encode("cp1251"))
    assert outcome["errors"] == []
    assert Dataset.objects.get(identifier="budget").title == "Бюджет міста"


def test_dry_run_saves_nothing():
    outcome = run(HEADER + ROWS, dry_run=True)
    assert outcome["errors"] == [] and outcome["totals"] == {"new": 2}
    assert Dataset.objects.count() == 0 and Department.objects.count() == 0


def test_errors_are_per_row_in_ukrainian_and_nothing_is_saved():
    bad = HEADER + ROWS + "third,,Відділ,щоночі,published,CSV,,31.02.2024\n"
    outcome = run(bad)
    assert Dataset.objects.count() == 0 and Department.objects.count() == 0
    text = "\n".join(outcome["errors"])
    # Numbered as the spreadsheet numbers rows: the header is row 1, the third data row is row 4.
    assert "Рядок 4, стовпець «frequency»: невідома періодичність «щоночі»" in text
    assert "Рядок 4, стовпець «last_updated_at»: неправильна дата «31.02.2024»" in text


def test_missing_columns_are_reported():
    outcome = run("identifier,title\nx,Назва\n")
    assert "department" in outcome["errors"][0] and "Рядок 1" in outcome["errors"][0]
    assert Dataset.objects.count() == 0


def test_xlsx_import():
    data = tablib.Dataset(headers=["identifier", "title", "department", "frequency"])
    data.append(["xl-1", "Набір з XLSX", "Відділ культури", "Щороку"])
    outcome = run(data.export("xlsx"), "registry.xlsx")
    assert outcome["kind"] == "xlsx" and outcome["errors"] == []
    assert Dataset.objects.get(identifier="xl-1").frequency == Frequency.YEARLY


def test_json_rows_import():
    rows = [{"identifier": "j-1", "title": "Набір з JSON", "department": "Відділ культури", "frequency": "weekly"}]
    outcome = run(json.dumps(rows, ensure_ascii=False), "registry.json")
    assert outcome["kind"] == "json" and outcome["errors"] == []
    assert Dataset.objects.get(identifier="j-1").frequency == Frequency.WEEKLY


@pytest.mark.parametrize("name", ["package_search.json", "package_show.json"])
def test_ckan_import(name):
    outcome = run((CKAN / name).read_bytes(), name)
    assert outcome["kind"] == "ckan" and outcome["errors"] == []
    budget = Dataset.objects.get(identifier="ternopil-budget-2024")
    assert budget.slug == "ternopil-budget-2024"
    assert budget.title == "Бюджет міста Тернополя на 2024 рік"
    assert budget.description.startswith("Показники міського бюджету")
    assert budget.frequency == Frequency.MONTHLY
    assert budget.department.name == "Фінансове управління Тернопільської міської ради"
    assert budget.responsible_person == "Петренко Іван Іванович"
    assert budget.responsible_email == "petrenko@example.org"
    assert budget.keyword_list == ["бюджет", "фінанси"]
    assert budget.format_list == ["CSV", "XLSX"]
    assert budget.purpose == "Бюджетний кодекс України, ст. 28"
    assert budget.license == "cc-by" and budget.status == DatasetStatus.PUBLISHED
    assert budget.source == DatasetSource.IMPORT
    assert str(budget.first_published) == "2019-03-12"
    assert budget.last_updated_at.date().isoformat() == "2024-04-05"
    assert str(budget.next_due_date) == "2024-05-05"
    if name == "package_search.json":
        routes = Dataset.objects.get(identifier="ternopil-transport-routes")
        assert routes.frequency == Frequency.YEARLY  # "once a year"
        assert routes.keyword_list == ["транспорт"]  # from tags when there is no tag_string
        assert routes.format_list == ["GEOJSON"]


def test_unknown_json_is_refused():
    outcome = run('{"hello": "world"}', "x.json")
    assert outcome["errors"] and Dataset.objects.count() == 0


def test_command_dry_run_and_import(tmp_path):
    path = tmp_path / "registry.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    out = io.StringIO()
    call_command("import_registry", str(path), "--dry-run", stdout=out)
    assert "Нічого не збережено" in out.getvalue() and Dataset.objects.count() == 0
    call_command("import_registry", str(path), "--create-departments", stdout=out)
    assert Dataset.objects.count() == 2


def test_command_reports_row_errors_and_fails(tmp_path):
    path = tmp_path / "registry.csv"
    path.write_text(HEADER + "x,Назва,,Щомісяця,published,CSV,,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Імпорт скасовано"):
        call_command("import_registry", str(path), stdout=io.StringIO(), stderr=err)
    assert "Рядок 2, стовпець «department»: не зазначено розпорядника" in err.getvalue()


def test_command_detects_ckan(tmp_path):
    out = io.StringIO()
    call_command("import_registry", str(CKAN / "package_search.json"), "--create-departments", stdout=out)
    assert "CKAN JSON" in out.getvalue() and Dataset.objects.count() == 2


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\t=1"])
def test_escape_formula(value):
    assert escape_formula(value) == "'" + value
    assert escape_formula("Бюджет") == "Бюджет" and escape_formula(5) == 5


def test_export_escapes_formulas_and_never_has_emails():
    DatasetFactory(title='=HYPERLINK("http://evil")', responsible_email="secret@example.org")
    exported = DatasetResource().export(Dataset.objects.all())
    assert "responsible_email" not in exported.headers
    assert "secret@example.org" not in exported.csv
    rows = list(csv.DictReader(io.StringIO(exported.csv)))
    assert rows[0]["title"].startswith("'=")
    assert "responsible_person" in exported.headers
    public = DatasetResource(public=True).export(Dataset.objects.all())
    assert "responsible_person" not in public.headers and "Іван Петренко" not in public.csv


def test_export_reimports_unchanged():
    DatasetFactory(identifier="round-trip", title="Набір для перевірки", frequency=Frequency.QUARTERLY)
    exported = DatasetResource().export(Dataset.objects.all())
    outcome = run(exported.csv)
    assert outcome["errors"] == []
    assert Dataset.objects.get().frequency == Frequency.QUARTERLY
