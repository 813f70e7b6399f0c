"""English for issue 22's i18n slice: counted messages (their "one" and "many" msgids)."""

EN = {
    # Registry: Resolution 835 checklist card (templates/registry/checklist.html)
    "обов’язковий набір": "required dataset",
    "обов’язкових наборів": "required datasets",
    # Audit cards (templates/audit/results.html, campaign_dashboard.html)
    "підрозділ подав анкету": "department submitted a questionnaire",
    "підрозділів подали анкети": "departments submitted questionnaires",
    "ресурс виявлено": "resource found",
    "ресурсів виявлено": "resources found",
    # Home: tasks done out of all (templates/portal/home.html)
    "%(done)s з %(total)s завдання": "%(done)s of %(total)s task",
    "%(done)s з %(total)s завдань": "%(done)s of %(total)s tasks",
    # Completion bar figure, "40 % (4 of 10)" (common/charts.py)
    "%(done)s з %(total)s": "%(done)s of %(total)s",
    # Moderation queue legend (templates/feedback/moderation_queue.html)
    "Позначка «без відповіді понад %(days)s дн.» — відкриті звернення без жодної відповіді, старші за %(days)s день.": (
        "“No answer for over %(days)s day” marks open messages without any answer that are older than %(days)s day."
    ),
    "Позначка «без відповіді понад %(days)s дн.» — відкриті звернення без жодної відповіді, старші за %(days)s днів.": (
        "“No answer for over %(days)s days” marks open messages without any answer that are older than %(days)s days."
    ),
    # Feedback kinds and statuses, now translated at the source (feedback/choices.py)
    "Запит на набір даних": "Dataset request",
    "Пропозиція": "Suggestion",
    "Помилка в наборі даних": "Error in a dataset",
    "Питання": "Question",
    "Новий": "New",
    "Опубліковано": "Published",
    "Надано відповідь": "Answered",
    "У роботі": "In progress",
    "Відхилено": "Rejected",
    "Дублікат": "Duplicate",
}
