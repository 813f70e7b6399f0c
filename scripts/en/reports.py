"""English for the reports pages (archive, "generate now"). The PDF report itself is a Ukrainian council document."""

EN = {
    "Квартальні звіти": "Quarterly reports",
    "Квартальні звіти про виконання плану дій": "Quarterly reports on the action plan",
    "Звіти для міської ради про виконання плану дій з відкритих даних. Кожен звіт містить показники станом на кінець свого кварталу; якщо звіт складено повторно, попередні версії залишаються в архіві.": "Reports to the city council on the open data action plan. Each report holds the figures as of the end of its quarter; when a report is made again, the earlier versions stay in the archive.",
    "Скласти звіт зараз": "Generate a report now",
    "Скласти звіт": "Generate the report",
    "Архів звітів": "Report archive",
    "Рік": "Year",
    "Квартал": "Quarter",
    "Версія": "Version",
    "Складено": "Generated",
    "Розмір": "Size",
    "Файл": "File",
    "Завантажити PDF: %(label)s, версія %(version)s": "Download PDF: %(label)s, version %(version)s",
    "Звітів ще немає.": "There are no reports yet.",
    "Файл звіту не знайдено.": "The report file was not found.",
    "Вкажіть рік і квартал звіту.": "Enter the year and quarter of the report.",
    "Звіт за %(quarter)s формується; нова версія з’явиться в архіві звітів за кілька хвилин.": "The report for %(quarter)s is being generated; the new version will appear in the report archive in a few minutes.",
}
