"""English for the strings added by issue 15 (security, branch sec-web)."""

EN = {
    "Запит містить недопустимий символ (NUL).": "The request contains a character that is not allowed (NUL).",
    "Параметр «%(name)s»: число завелике.": "Parameter “%(name)s”: the number is too large.",
    "JSON вкладений надто глибоко: найбільше %(limit)d рівнів.": "The JSON is nested too deeply: at most %(limit)d levels.",
    "Забагато запитів на відновлення пароля. Спробуйте через годину.": "Too many password reset requests. Please try again in an hour.",
}
