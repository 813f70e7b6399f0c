"""English for the workspace's plan lifecycle page (issue 18)."""

EN = {
    "Плани дій: стан": "Action plans: status",
    "Проєкт бачать лише працівники ради. Чинний план має квартальні раунди звітування. Завершений план отримує підсумковий звіт за весь період, і раунди для нього припиняються.": "Only council staff see a draft. An active plan has quarterly reporting rounds. A finished plan gets a final report covering its whole period, and its rounds stop.",
    "Усі плани": "All plans",
    "План": "Plan",
    "Період": "Period",
    "Стан": "Status",
    "Дії": "Actions",
    "Відновити як чинний": "Reopen as active",
    "Зробити чинним": "Make active",
    "Завершити план": "Finish the plan",
    "Підсумковий звіт (PDF)": "Final report (PDF)",
    "Скласти підсумковий звіт": "Build the final report",
    "Після завершення план більше не отримує квартальних раундів звітування й нагадувань, а робочий кабінет не пропонує звітів за квартали після його закінчення. Завершення можна скасувати, відновивши план як чинний.": "Once finished, the plan gets no more quarterly reporting rounds or reminders, and the workspace proposes no reports for quarters after its end. Finishing can be undone by reopening the plan as active.",
    "План «%(title)s» тепер чинний.": "The plan “%(title)s” is now active.",
    "План «%(title)s» завершено; квартальні раунди припинено.": "The plan “%(title)s” is finished; its quarterly rounds have stopped.",
    "Підсумковий звіт складають для завершеного плану.": "A final report is built for a finished plan.",
    "Підсумковий звіт формується; він з’явиться в архіві звітів за кілька хвилин.": "The final report is being built; it will appear in the report archive in a few minutes.",
    "Робочий кабінет": "Workspace",
}
