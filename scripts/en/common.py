"""English for the shared chart texts (common/charts.py)."""

EN = {
    "немає даних": "no data",
    "усього": "total",
    "з": "of",
    "поточний квартал": "current quarter",
    "поза межами графіка": "outside the chart",
    "сьогодні": "today",
    "Квартали": "Quarters",
    "Завдань": "Tasks",
}
