"""English for the API (errors, schema texts) and the API token page."""

EN = {
    # common/api/exceptions.py
    "Забагато запитів.": "Too many requests.",
    "Повторіть запит через %(wait)d с.": "Try again in %(wait)d s.",
    # registry/api/serializers.py (found by schemathesis: a dataset update dated year 384)
    "Дата оновлення не може бути раніше 2000 року.": "The update date cannot be earlier than 2000.",
    # accounts/views.py, templates/accounts/api_token.html
    "Токен API": "API token",
    "Токен відкликано: запити з ним більше не прийматимуться.": "Token revoked: requests using it will be refused from now on.",
    'Токен дає змогу скриптам працювати з <a href="/api/v1/docs/">відкритим API</a> від вашого імені та з вашими правами. Передавайте його в заголовку <code>Authorization: Token &lt;ключ&gt;</code>. Читати відкриті дані можна без токена.': 'A token lets scripts use the <a href="/api/v1/docs/">open API</a> on your behalf and with your rights. Send it in the <code>Authorization: Token &lt;key&gt;</code> header. Reading open data needs no token.',
    "Ваш новий токен": "Your new token",
    "Ключ": "Key",
    "Скопіюйте його зараз: ми показуємо ключ лише один раз.": "Copy it now: the key is shown only once.",
    "Якщо ви його втратите, створіть новий (старий при цьому перестане діяти).": "If you lose it, create a new one (the old one then stops working).",
    "Токен створено": "Token created",
    "Замінити токен новим": "Replace the token with a new one",
    "Відкликати токен": "Revoke the token",
    "У вас немає токена.": "You have no token.",
    "Створити токен": "Create a token",
}
