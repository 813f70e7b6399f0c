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
EN.update(
    {
        "Відновлення пароля": "Password reset",
        "Вкажіть e-mail, записаний у вашому обліковому записі: ми надішлемо посилання для встановлення нового пароля.": "Enter the e-mail address of your account: we will send a link to set a new password.",
        "E-mail": "E-mail",
        "Надіслати посилання": "Send the link",
        "Перевірте пошту": "Check your e-mail",
        "Якщо обліковий запис з цим e-mail існує, ми надіслали на нього посилання для встановлення нового пароля.": "If an account with this e-mail exists, we have sent it a link to set a new password.",
        "Новий пароль": "New password",
        "Повторіть пароль": "Repeat the password",
        "Зберегти пароль": "Save the password",
        "Посилання недійсне або вже використане. Попросіть нове.": "The link is invalid or already used. Ask for a new one.",
        "Пароль змінено": "Password changed",
        "Увійти з новим паролем": "Sign in with the new password",
        "Відновлення пароля: відкриті дані": "Password reset: open data",
        "Ви (або хтось інший) попросили змінити пароль до облікового запису «%(user)s» на сайті відкритих даних.": "You (or someone else) asked to change the password of the account “%(user)s” on the open data site.",
        "Щоб встановити новий пароль, відкрийте посилання:": "To set a new password, open the link:",
        "Якщо ви не просили змінити пароль, просто проігноруйте цей лист.": "If you did not ask to change the password, ignore this e-mail.",
        "Ви вийшли": "You have signed out",
        "Увійти знову": "Sign in again",
    }
)
