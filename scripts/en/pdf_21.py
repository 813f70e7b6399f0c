"""English for the strings added by branch pdf-21 (quarterly report attachments)."""

EN = {
    "Завдання з терміном виконання у кварталі": "Tasks due in the quarter",
    "Прострочені завдання": "Overdue tasks",
    "Оновлення щодо виконання": "Progress updates",
    "Перелік завдань плану": "The plan's tasks",
    "%(title)s (CSV)": "%(title)s (CSV)",
}
