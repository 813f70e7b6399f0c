"""English for issue 22's slice: error pages, export headers, feed titles."""

EN = {
    # Error pages (templates/403.html, 404.html, 500.html)
    "На головну сторінку": "Go to the home page",
    "Сторінку не знайдено": "Page not found",
    "Такої сторінки немає: можливо, адресу введено з помилкою або сторінку перенесено. Скористайтеся меню вгорі.": (
        "There is no such page: the address may be mistyped or the page has moved. Use the menu above."
    ),
    "Доступ заборонено": "Access denied",
    "У вас немає прав переглядати цю сторінку. Якщо вони мають бути, увійдіть під своїм обліковим записом або зверніться до координатора.": (
        "You do not have permission to view this page. If you should, sign in with your account or contact the coordinator."
    ),
    "Помилка сервера": "Server error",
    "Сталася помилка на сервері, і сторінку не вдалося показати. Спробуйте ще раз за кілька хвилин; ми вже знаємо про неї.": (
        "The server ran into an error and could not show the page. Please try again in a few minutes; we already know about it."
    ),
    # Task XLSX headers (plan/exports.py)
    "Ідентифікатор": "Identifier",
    "Ідентифікатор плану": "Plan identifier",
    "План": "Plan",
    "№ принципу": "Principle no.",
    "Принцип": "Principle",
    "Розділ": "Section",
    "№ завдання": "Task no.",
    "Завдання": "Task",
    "Опис": "Description",
    "Показники виконання": "Performance indicators",
    "Строк у плані": "Deadline in the plan",
    "Періоди виконання": "Implementation periods",
    "Постійне": "Ongoing",
    "Кінцевий термін": "Due date",
    "Код стану": "Status code",
    "Стан виконання": "Status",
    "Відсоток виконання": "Percent complete",
    "Прострочене": "Overdue",
    "Останнє оновлення": "Last update",
    "Головний виконавець": "Lead department",
    "Виконавці": "Departments",
    "Посилання": "Link",
    "так": "yes",
    "ні": "no",
    # Registry XLSX (registry/exports.py, templates/registry/dataset_list.html)
    "Назва": "Title",
    "Розпорядник": "Data steward",
    "Стан": "Status",
    "Тема": "Theme",
    "Періодичність оновлення": "Update frequency",
    "Формати": "Formats",
    "Ліцензія": "Licence",
    "Дата першого оприлюднення": "First published",
    "Наступний термін оновлення": "Next update due",
    "Оцінка якості": "Quality score",
    "Посилання на міському порталі": "Link on the city portal",
    "Посилання на data.gov.ua": "Link on data.gov.ua",
    "Реєстр наборів": "Dataset registry",
    "Завантажити XLSX": "Download XLSX",
    # Requests feed (feedback/views.py)
    "Запити на відкриті дані": "Open data requests",
    "Нові опубліковані звернення щодо відкритих даних": "New published requests about open data",
    "Форму не прийнято: сторінка застаріла або у браузері вимкнено файли cookie. Оновіть сторінку й надішліть форму ще раз.": (
        "The form was not accepted: the page is out of date or cookies are off in your browser. "
        "Reload the page and send the form again."
    ),
}
