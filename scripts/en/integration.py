"""English for strings added while merging the round-two branches."""

EN = {
    "Файл не є правильним JSON: надто глибока вкладеність.": "The file is not valid JSON: nested too deeply.",
    "Принцип": "Principle",
}
