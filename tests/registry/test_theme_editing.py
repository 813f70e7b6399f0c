"""The EU data theme and the period the data cover: set through the import and the admin form,
shown on the dataset page (issue 20, DCAT-AP dcat:theme / dct:temporal)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from registry.choices import DataTheme
from registry.models import Dataset
from registry.resources import import_file

from .factories import DatasetFactory

pytestmark = pytest.mark.django_db
HEADER = "identifier,title,department,theme,temporal_start,temporal_end\n"


def test_import_sets_theme_by_code_or_ukrainian_label_and_the_period():
    rows = (
        "budget,Бюджет міста,Фінансове управління,ECON,01.01.2024,31.12.2024\n"
        "routes,Маршрути,Управління транспорту,Транспорт,,\n"
        "plain,Без теми,Управління транспорту,,,\n"
    )
    outcome = import_file((HEADER + rows).encode(), "registry.csv", dry_run=False, create_departments=True)
    assert outcome["errors"] == []
    budget = Dataset.objects.get(identifier="budget")
    assert budget.theme == DataTheme.ECON
    assert (budget.temporal_start, budget.temporal_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert Dataset.objects.get(identifier="routes").theme == DataTheme.TRAN
    assert Dataset.objects.get(identifier="plain").theme == ""


def test_import_refuses_an_unknown_theme_and_a_reversed_period():
    rows = "a,Набір А,Відділ,SPACE,,\nb,Набір Б,Відділ,ECON,2024-12-31,2024-01-01\n"
    outcome = import_file((HEADER + rows).encode(), "registry.csv", dry_run=False, create_departments=True)
    text = "\n".join(outcome["errors"])
    assert "Рядок 2, стовпець «theme»: невідоме значення «SPACE»" in text
    assert "Кінець періоду не може бути раніше його початку." in text
    assert not Dataset.objects.exists()


def test_reversed_period_is_a_validation_error():
    dataset = DatasetFactory.build(temporal_start=dt.date(2024, 2, 1), temporal_end=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        dataset.clean()
    assert "temporal_end" in error.value.message_dict


def test_admin_form_edits_the_theme(client, coordinator):
    dataset = DatasetFactory()
    client.force_login(coordinator)
    page = client.get(f"/admin/registry/dataset/{dataset.pk}/change/").content.decode()
    assert 'name="theme"' in page and 'value="ENVI"' in page
    assert 'name="temporal_start"' in page


def test_dataset_page_shows_theme_and_period(client):
    dataset = DatasetFactory(
        theme=DataTheme.ENVI, temporal_start=dt.date(2023, 1, 1), temporal_end=dt.date(2023, 12, 31)
    )
    page = client.get(f"/registry/{dataset.slug}/").content.decode()
    assert "Довкілля" in page
    assert "01.01.2023 – 31.12.2023" in page
