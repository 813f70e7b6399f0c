"""CSV / XLSX exports of the audit. No personal data: no responsible persons, no e-mails."""

import csv
import io

from django.http import Http404, HttpResponse

from common.tabular import escape_formula
from common.xlsx import build_xlsx

CAMPAIGN_COLUMNS = [
    ("department", "Підрозділ"),
    ("status", "Стан анкети"),
    ("name", "Назва ресурсу"),
    ("description", "Опис"),
    ("legal_basis", "Правові підстави збору"),
    ("form", "Форма"),
    ("formats", "Формати"),
    ("personal_data", "Персональні дані"),
    ("access_category", "Категорія доступу"),
    ("frequency", "Періодичність оновлення"),
    ("approximate_size", "Приблизний обсяг"),
    ("system_name", "Система"),
    ("system_url", "Адреса системи"),
    ("can_publish", "Можна оприлюднити"),
    ("restriction_reason", "Підстава обмеження"),
    ("public_interest", "Суспільний інтерес"),
    ("published_url", "Посилання на оприлюднене"),
    ("review_decision", "Рішення координатора"),
    ("review_comment", "Коментар координатора"),
    ("dataset", "Набір у реєстрі"),
]

PUBLIC_COLUMNS = [
    ("department", "Підрозділ"),
    ("name", "Назва ресурсу"),
    ("description", "Опис"),
    ("form", "Форма"),
    ("formats", "Формати"),
    ("frequency", "Періодичність оновлення"),
    ("can_publish", "Можна оприлюднити"),
    ("public_interest", "Суспільний інтерес"),
    ("published_url", "Посилання на оприлюднене"),
    ("dataset", "Набір у реєстрі"),
]


def _value(resource, name):
    if name == "department":
        return resource.response.department.name
    if name == "status":
        return resource.response.get_status_display()
    if name == "dataset":
        return resource.dataset.identifier if resource.dataset_id else ""
    display = getattr(resource, f"get_{name}_display", None)
    if display is not None and getattr(resource, name):
        return display()
    value = getattr(resource, name)
    return "" if value is None else value


def _rows(resources, columns):
    yield [label for _, label in columns]
    for resource in resources:
        yield [_value(resource, name) for name, _ in columns]


def campaign_rows(resources):
    return _rows(resources, CAMPAIGN_COLUMNS)


def public_rows(resources):
    return _rows(resources, PUBLIC_COLUMNS)


def response_for(fmt: str, rows, *, filename: str, sheet_title: str = "Дані") -> HttpResponse:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow([escape_formula(v) for v in row])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        rows = iter(rows)
        header = next(rows)  # the first row is the header: frozen, filtered, widths fitted
        content = build_xlsx(header, ([escape_formula(v) for v in row] for row in rows), title=sheet_title)
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404("Невідомий формат.")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
