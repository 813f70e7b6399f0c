"""The public registry as a spreadsheet for people: headers in the page's language, dates and
numbers as cell values, no personal data (no responsible person or e-mail)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.tabular import escape_formula
from common.xlsx import build_xlsx

# (header, value of one dataset): the columns a resident reads in the registry page and more.
COLUMNS = [
    (gettext_lazy("Ідентифікатор"), lambda d: d.identifier),
    (gettext_lazy("Назва"), lambda d: d.title),
    (gettext_lazy("Розпорядник"), lambda d: d.department.name),
    (gettext_lazy("Стан"), lambda d: _(str(d.get_status_display()))),
    (gettext_lazy("Тема"), lambda d: _(str(d.get_theme_display())) if d.theme else ""),
    (gettext_lazy("Періодичність оновлення"), lambda d: _(str(d.get_frequency_display()))),
    (gettext_lazy("Формати"), lambda d: ", ".join(d.format_list)),
    (gettext_lazy("Ліцензія"), lambda d: d.license),
    (gettext_lazy("Дата першого оприлюднення"), lambda d: d.first_published),
    (gettext_lazy("Останнє оновлення"), lambda d: d.last_updated_at),
    (gettext_lazy("Наступний термін оновлення"), lambda d: d.next_due_date),
    (gettext_lazy("Оцінка якості"), lambda d: d.quality_score),
    (gettext_lazy("Посилання на міському порталі"), lambda d: d.portal_url),
    (gettext_lazy("Посилання на data.gov.ua"), lambda d: d.data_gov_ua_url),
]


def registry_xlsx(datasets) -> bytes:
    rows = ([escape_formula(value(d)) for _header, value in COLUMNS] for d in datasets)
    return build_xlsx([header for header, _value in COLUMNS], rows, title=_("Реєстр наборів"))
