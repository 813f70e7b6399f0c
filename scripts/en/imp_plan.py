"""English for the shared table reader (common/spreadsheets.py) and the plan importer (issue 19)."""

EN = {
    "Файл порожній.": "The file is empty.",
    "Файл DOCX пошкоджений або має інший формат.": "The DOCX file is damaged or in another format.",
    "У документі DOCX немає таблиці.": "The DOCX document has no table.",
    "Файл завеликий: найбільше %(size)s.": "The file is too large: at most %(size)s.",
    "Забагато рядків: %(count)s; найбільше %(max)s.": "Too many rows: %(count)s; at most %(max)s.",
    "Файл CSV має бути в кодуванні UTF-8 або Windows-1251.": "A CSV file must be encoded in UTF-8 or Windows-1251.",
    "Файл %(kind)s після розпакування завеликий (%(size)s; найбільше %(max)s).": "The %(kind)s file is too large once unpacked (%(size)s; at most %(max)s).",
    "Файл XLSX пошкоджений або має інший формат.": "The XLSX file is damaged or in another format.",
    "У файлі XLSX немає аркушів.": "The XLSX file has no worksheets.",
    "Невідоме поле у відповідності колонок: %(fields)s. Можливі: %(known)s.": "Unknown field in the column mapping: %(fields)s. Possible: %(known)s.",
    "Не знайдено рядок заголовків у перших %(scan)s рядках: бракує колонок %(missing)s.": "No header row found in the first %(scan)s rows: missing columns %(missing)s.",
    "Рядок %(row)s (заголовки): бракує колонок %(missing)s. Вкажіть відповідність, наприклад «%(example)s=%(field)s».": "Row %(row)s (headers): missing columns %(missing)s. Give a mapping, for example «%(example)s=%(field)s».",
    "Підтримуються файли CSV, XLSX і DOCX.": "CSV, XLSX and DOCX files are supported.",
    "Файл %(kind)s пошкоджений або має інший формат.": "The %(kind)s file is damaged or in another format.",
    "Файл пошкоджений: не вдалося розпакувати «%(name)s».": "The file is damaged: «%(name)s» could not be unpacked.",
    "Відповідність колонок «%(pair)s»: очікується «Заголовок=поле».": "Column mapping «%(pair)s»: expected «Header=field».",
    "Рядок %(row)s, колонка %(col)s: клітинка містить нульовий байт (NUL); файл пошкоджений.": "Row %(row)s, column %(col)s: the cell contains a NUL byte; the file is damaged.",
    "Рядок %(row)s, колонка %(col)s: клітинка задовга (%(length)s символів; найбільше %(max)s).": "Row %(row)s, column %(col)s: the cell is too long (%(length)s characters; at most %(max)s).",
    "Рядок %(row)s: клітинка задовга або має незакриті лапки (найбільше %(max)s символів).": "Row %(row)s: a cell is too long or has unclosed quotes (at most %(max)s characters).",
    "Забагато рядків: понад %(max)s.": "Too many rows: over %(max)s.",
}
