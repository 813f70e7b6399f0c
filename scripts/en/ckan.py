"""English for the CKAN action API's error messages (registry/ckan/)."""

EN = {
    "Дозволено лише GET і POST.": "Only GET and POST are allowed.",
    "Діапазон має вигляд [від TO до].": "A range is written [from TO to].",
    "Діапазон можливий лише для metadata_modified і metadata_created.": (
        "Ranges are possible for metadata_modified and metadata_created only."
    ),
    "Дія невідома: %(name)s": "Action name not known: %(name)s",
    "Набір даних не знайдено.": "Dataset not found.",
    "Невідоме поле пошуку: «%(field)s».": "Unknown search field: “%(field)s”.",
    "Недопустимий символ у значенні.": "The value contains a character that is not allowed.",
    "Незакрита дужка «%(bracket)s» в запиті пошуку.": "Unclosed bracket “%(bracket)s” in the search query.",
    "Незакрита дужка «(» в запиті пошуку.": "Unclosed bracket “(” in the search query.",
    "Незакриті лапки в запиті пошуку.": "Unclosed quotes in the search query.",
    "Неповний запит пошуку.": "Incomplete search query.",
    "Неправильна дата в запиті пошуку: «%(value)s».": "Invalid date in the search query: “%(value)s”.",
    "Неправильне сортування: «%(sort)s».": "Invalid sort: “%(sort)s”.",
    "Неправильний запит пошуку біля «%(near)s».": "Invalid search query near “%(near)s”.",
    "Обов’язкове поле.": "Missing value.",
    "Організацію не знайдено.": "Organization not found.",
    "Очікується true або false.": "Expected true or false.",
    "Очікується рядок.": "Expected a string.",
    "Очікується список рядків.": "Expected a list of strings.",
    "Очікується ціле число.": "Expected an integer.",
    "Порожнє значення поля в запиті пошуку.": "Empty field value in the search query.",
    "Ресурс не знайдено.": "Resource not found.",
    "Реєстр відкритих даних": "Open data registry",
    "Сортування за полем «%(field)s» неможливе.": "Cannot sort by “%(field)s”.",
    "Тіло запиту має бути об’єктом JSON.": "The request body must be a JSON object.",
    "Тіло запиту не є правильним JSON.": "The request body is not valid JSON.",
    "Фасет за полем «%(field)s» неможливий.": "Cannot facet by “%(field)s”.",
    "Число має бути від %(min)s до %(max)s.": "The number must be from %(min)s to %(max)s.",
}
