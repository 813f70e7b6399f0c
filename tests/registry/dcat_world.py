"""A small registry that uses every field the DCAT-AP catalogue maps (shared by the DCAT tests)."""

import datetime as dt

from registry.choices import DatasetStatus, DataTheme, Frequency
from registry.models import DatasetUpdate

from .factories import DatasetFactory

SITE = "https://od.example.org"


def make_catalog_world():
    """Three published datasets (page links, a file link, a duplicated link) and a hidden one."""
    budget = DatasetFactory(
        slug="budget", identifier="budget-2024", title="Бюджет міста", keywords="бюджет, фінанси",
        formats="CSV, JSON", frequency=Frequency.QUARTERLY, first_published=dt.date(2020, 2, 3),
        theme=DataTheme.ECON, temporal_start=dt.date(2019, 1, 1), temporal_end=dt.date(2024, 12, 31),
        portal_url="https://opendata.example.org/budget", data_gov_ua_url="https://data.gov.ua/dataset/budget",
        responsible_email="secret.person@example.org",
    )  # fmt: skip
    DatasetUpdate.objects.create(
        dataset=budget, updated_at=budget.last_updated_at, link="https://opendata.example.org/files/budget-2024.csv"
    )
    # The same page given as both links: one distribution, not two.
    stops = DatasetFactory(
        slug="stops", identifier="stops", title="Зупинки громадського транспорту", formats="GeoJSON",
        frequency=Frequency.YEARLY, theme=DataTheme.TRAN, temporal_start=dt.date(2023, 1, 1),
        temporal_end=dt.date(2023, 12, 31), license="CC0-1.0",
        portal_url="https://opendata.example.org/stops", data_gov_ua_url="https://opendata.example.org/stops",
    )  # fmt: skip
    schools = DatasetFactory(
        slug="schools", identifier="schools", title="Заклади освіти", formats="XLSX",
        frequency=Frequency.ON_CHANGE, theme=DataTheme.EDUC, temporal_start=dt.date(2021, 9, 1),
        temporal_end=dt.date(2022, 8, 31), data_gov_ua_url="https://data.gov.ua/dataset/schools.xlsx",
    )  # fmt: skip
    hidden = DatasetFactory(slug="draft", identifier="draft", status=DatasetStatus.PLANNED)
    return {"budget": budget, "stops": stops, "schools": schools, "hidden": hidden}
