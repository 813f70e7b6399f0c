"""English for strings added while merging the round-two branches."""

EN = {
    "Файл не є правильним JSON: надто глибока вкладеність.": "The file is not valid JSON: nested too deeply.",
    "Принцип": "Principle",
    "Неправильний запит": "Bad request",
    "Поверніться на попередню сторінку, приберіть недопустимі символи з полів форми або адреси й надішліть ще раз.": "Go back, remove the characters that are not allowed from the form fields or the address, and send it again.",
}
