"""English for the DCAT-AP catalogue (registry/dcat.py, registry/views.py), the dataset theme
and temporal coverage (registry/models.py, registry/choices.py, the dataset page), and the API
contract fixes of issue 20."""

EN = {
    # registry/dcat.py: catalogue and distribution texts (also emitted as @en literals)
    "Реєстр наборів даних: %(council)s": "Register of datasets: %(council)s",
    "Набори відкритих даних, оприлюднені розпорядником: %(council)s.": "Open datasets published by the data holder: %(council)s.",
    "Набір на міському порталі відкритих даних.": "The dataset on the city's open data portal.",
    "Набір на Єдиному державному веб-порталі відкритих даних (data.gov.ua).": "The dataset on the national open data portal (data.gov.ua).",
    "Дані останнього оновлення набору.": "The data of the dataset's latest update.",
    "%(title)s (%(kind)s)": "%(title)s (%(kind)s)",
    "міський портал": "city portal",
    "data.gov.ua": "data.gov.ua",
    "останнє оновлення": "latest update",
    "Файл у форматі %(format)s.": "A file in %(format)s format.",
    "Формати даних: %(formats)s.": "Data formats: %(formats)s.",
    # registry/views.py
    "Такої сторінки каталогу немає.": "There is no such page of the catalogue.",
    "Каталог доступний як text/html, text/turtle, application/ld+json або application/rdf+xml.": "The catalogue is available as text/html, text/turtle, application/ld+json or application/rdf+xml.",
    # common/api/pagination.py, common/api/schema.py, audit/api/views.py (OpenAPI fixes of issue 20)
    "Кількість на сторінці має бути цілим числом від 1.": "Items per page must be a whole number from 1.",
    "Стан об’єкта не дозволяє цієї дії": "The object's state does not allow this action",
    "Нові заплановані набори": "New planned datasets",
    "Пов’язані з наявними": "Linked to existing datasets",
    "Уже були в реєстрі": "Already in the registry",
    # templates/registry/dataset_detail.html
    "Тема": "Theme",
    "Період, який охоплюють дані": "Period the data covers",
    # registry/models.py, registry/choices.py (field names and EU data themes)
    "тема (EU data theme)": "theme (EU data theme)",
    "дані охоплюють період з": "data cover the period from",
    "дані охоплюють період до": "data cover the period until",
    "Кінець періоду не може бути раніше його початку.": "The end of the period cannot be before its start.",
    "Сільське господарство, рибальство, лісове господарство і продовольство": "Agriculture, fisheries, forestry and food",
    "Економіка та фінанси": "Economy and finance",
    "Освіта, культура і спорт": "Education, culture and sport",
    "Енергетика": "Energy",
    "Довкілля": "Environment",
    "Уряд і державний сектор": "Government and public sector",
    "Здоров’я": "Health",
    "Міжнародні питання": "International issues",
    "Правосуддя, правова система і громадська безпека": "Justice, legal system and public safety",
    "Регіони і міста": "Regions and cities",
    "Населення і суспільство": "Population and society",
    "Наука і технології": "Science and technology",
    "Транспорт": "Transport",
}
