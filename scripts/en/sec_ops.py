"""English for the strings added by the sec-ops branch (issue 15)."""

EN = {
    "Каталог формується, спробуйте за кілька секунд.": "The catalogue is being built; please try again in a few seconds.",
}
