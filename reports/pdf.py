"""Rendering of the quarterly report: Django template -> HTML -> WeasyPrint PDF, nothing from the network.

The template prints only the snapshot (``reports.context.build_snapshot``); the charts are drawn
from the snapshot's figures with ``common.charts``, the same code as the public pages.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# WeasyPrint logs every layout step at INFO (some while being imported); keep its warnings only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

from common.charts import BarRow, indicator_chart, progress_bars  # noqa: E402

BASE_URL = "file:///"
# Indicator charts printed (a third of a page each): the report keeps the same length at any size.
INDICATOR_CHART_LIMIT = 12


class RefusedURL(ValueError):
    """WeasyPrint asked for something other than a static file."""


class StaticFilesFetcher(URLFetcher):
    """Serves ``/static/...`` from disk through the staticfiles finders; refuses every other URL."""

    def __init__(self):
        super().__init__(allowed_protocols=("file",))

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if parts.scheme != "file" or parts.netloc or not parts.path.startswith(static_prefix):
            raise RefusedURL(f"Звіт не завантажує зовнішніх ресурсів: {url}")
        relative = unquote(parts.path[len(static_prefix) :])
        if ".." in Path(relative).parts:
            raise RefusedURL(f"Недопустимий шлях: {url}")
        found = finders.find(relative)
        if not found:
            static_root = Path(settings.STATIC_ROOT) / relative
            found = str(static_root) if static_root.is_file() else None
        if not found:
            raise RefusedURL(f"Статичний файл не знайдено: {url}")
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": content_type})


def charts(snapshot: dict) -> dict:
    """SVG charts of the report, drawn from the snapshot's figures."""
    summary = snapshot["summary"]
    statuses = [tuple(pair) for pair in summary["statuses"]]
    rows = [BarRow("План загалом", summary["plan"]["counts"])]
    rows += [BarRow(p["label"], p["counts"]) for p in summary["principles"]]
    return {
        "principles": progress_bars(
            rows,
            statuses=statuses,
            title="Стан виконання завдань плану за принципами Хартії",
            description=f"Станом на {snapshot['title']['as_of']}.",
            width=680,
            label_width=250,
            id_prefix="principles",
        ),
        # Indicators with values reported (snapshots made before issue 18 have no such section).
        "indicators": [
            (
                row,
                indicator_chart(
                    [tuple(point) for point in row["points"]],
                    title=f"Завдання {row['task_number']}: {row['text'][:100]}",
                    unit=row["unit"],
                    id_prefix=f"indicator-{row['id']}",
                ),
            )
            for row in [r for r in snapshot.get("indicators", {}).get("rows", []) if r["reported"]][
                :INDICATOR_CHART_LIMIT
            ]
        ],
        "indicators_more": max(snapshot.get("indicators", {}).get("reported", 0) - INDICATOR_CHART_LIMIT, 0),
    }


def render_html(snapshot: dict) -> str:
    return render_to_string("reports/report.html", {"s": snapshot, "charts": charts(snapshot)})


def render_pdf(snapshot: dict, target: Path) -> Path:
    """Write the report's PDF to ``target``."""
    HTML(string=render_html(snapshot), base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).write_pdf(target)
    return target


def render_to_temporary(snapshot: dict) -> Path:
    """Render into a new temporary file (the caller moves or deletes it); nothing is left on failure."""
    descriptor, name = tempfile.mkstemp(prefix="report-", suffix=".pdf")
    os.close(descriptor)
    path = Path(name)
    try:
        render_pdf(snapshot, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
