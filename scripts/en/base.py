"""English for the base layout and shared pages."""

EN = {
    "Відкриті дані": "Open data",
    "Перейти до змісту": "Skip to content",
    "Мова": "Language",
    "Змінити": "Change",
    "Головне меню": "Main menu",
    "Огляд": "Overview",
    "Вийти": "Sign out",
    "Увійти": "Sign in",
    "Міжнародна хартія відкритих даних": "International Open Data Charter",
    "Відкритий API": "Open API",
    "Відкриті дані громади": "The community's open data",
    "План дій з реалізації принципів Міжнародної хартії відкритих даних та реєстр наборів даних.": "The action plan implementing the International Open Data Charter principles, and the dataset registry.",
    "Вхід": "Sign in",
    "Вхід для працівників ради": "Sign in for council staff",
    "Логін": "Username",
    "Пароль": "Password",
    "Забули пароль?": "Forgot your password?",
    "Вхід тимчасово заблоковано": "Sign-in temporarily locked",
    "Забагато невдалих спроб входу. Спробуйте пізніше або зверніться до координатора.": "Too many failed sign-in attempts. Try again later or contact the coordinator.",
    "Українська": "Ukrainian",
    "English": "English",
}
EN.update(
    {
        "План дій": "Action plan",
        "Графік": "Timeline",
        "Реєстр наборів": "Dataset registry",
        "Запити на дані": "Data requests",
        "Звіти": "Reports",
        "Робочий кабінет": "Workspace",
    }
)
