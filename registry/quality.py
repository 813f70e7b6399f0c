"""Quality score of a dataset's record: 0-100 and the list of what is missing. Pure, no ORM.

Works on any object with the Dataset's attributes (a model instance or a simple namespace).
Weights (sum 100):

====================================================  ======
description present and at least MIN_DESCRIPTION chars   20
keywords (at least one)                                   10
open licence                                              15
machine-readable open format (not PDF/DOC alone)          20
up to date (the next due date has not passed)             15
link on the city portal                                    5
link on data.gov.ua                                        5
responsible person and their e-mail set                   10
====================================================  ======
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .choices import Frequency
from .schedule import is_overdue

MIN_DESCRIPTION = 100

# Machine-readable formats with an open specification.
OPEN_FORMATS = frozenset(
    {"CSV", "TSV", "JSON", "GEOJSON", "JSON-LD", "JSONLD", "XML", "XLSX", "ODS", "RDF", "TTL", "TURTLE", "N3",
     "NT", "KML", "GML", "GPX", "SHP", "GPKG", "API", "SPARQL", "YAML", "TXT"}
)  # fmt: skip
OPEN_LICENSE_RE = re.compile(
    r"^(cc[-_ ]?by|cc0|cc[-_ ]?zero|odc[-_ ]|odbl|pddl|ogl|other[-_ ]open|public[-_ ]domain|"
    r"https?://creativecommons\.org/(licenses/by|publicdomain)|https?://opendatacommons\.org/)",
    re.IGNORECASE,
)

WEIGHTS = {
    "description": 20,
    "keywords": 10,
    "license": 15,
    "format": 20,
    "up_to_date": 15,
    "portal_url": 5,
    "data_gov_ua_url": 5,
    "responsible": 10,
}
LABELS = {
    "description": f"Опис відсутній або коротший за {MIN_DESCRIPTION} символів",
    "keywords": "Не зазначено ключових слів",
    "license": "Не зазначено відкритої ліцензії",
    "format": "Немає машиночитного відкритого формату (CSV, JSON, XML, XLSX, ODS, RDF…)",
    "up_to_date": "Набір не оновлено вчасно",
    "portal_url": "Немає посилання на міському порталі",
    "data_gov_ua_url": "Немає посилання на data.gov.ua",
    "responsible": "Не зазначено відповідальну особу та її e-mail",
}


@dataclass(frozen=True)
class Quality:
    score: int
    missing: list[str] = field(default_factory=list)
    missing_keys: list[str] = field(default_factory=list)


def is_open_license(license_id: str) -> bool:
    return bool(OPEN_LICENSE_RE.match((license_id or "").strip()))


def split_formats(formats: str) -> list[str]:
    return [f.strip().lstrip(".").upper() for f in re.split(r"[,;/\s]+", formats or "") if f.strip()]


def has_open_format(formats: str) -> bool:
    return any(f in OPEN_FORMATS for f in split_formats(formats))


def is_up_to_date(dataset, today: dt.date) -> bool:
    if dataset.frequency in (Frequency.ON_CHANGE, Frequency.NO_LONGER_UPDATED):
        # No schedule: up to date once it has been published or updated at least once.
        return bool(dataset.last_updated_at or dataset.first_published)
    if dataset.next_due_date is None:
        return False
    return not is_overdue(dataset.next_due_date, today)


def dataset_quality(dataset, *, today: dt.date) -> Quality:
    checks = {
        "description": len((dataset.description or "").strip()) >= MIN_DESCRIPTION,
        "keywords": any(k.strip() for k in (dataset.keywords or "").split(",")),
        "license": is_open_license(dataset.license),
        "format": has_open_format(dataset.formats),
        "up_to_date": is_up_to_date(dataset, today),
        "portal_url": bool(dataset.portal_url),
        "data_gov_ua_url": bool(dataset.data_gov_ua_url),
        "responsible": bool((dataset.responsible_person or "").strip() and (dataset.responsible_email or "").strip()),
    }
    missing_keys = [key for key, ok in checks.items() if not ok]
    score = sum(WEIGHTS[key] for key, ok in checks.items() if ok)
    return Quality(score=score, missing=[LABELS[key] for key in missing_keys], missing_keys=missing_keys)
