"""English for issue 21 (part): the feedback form's dataset picker."""

EN = {
    "Почніть вводити назву набору й оберіть його з підказок або введіть slug набору.": (
        "Start typing the dataset's title and pick it from the suggestions, or type the dataset's slug."
    ),
    "Набір даних не знайдено: введіть назву або slug набору з реєстру.": (
        "Dataset not found: type the title or slug of a dataset in the registry."
    ),
    "Кілька наборів мають назву «%(title)s»: оберіть один зі списку підказок або введіть його slug.": (
        "Several datasets are called “%(title)s”: pick one from the suggestions or type its slug."
    ),
    "Набір даних «%(value)s» не знайдено: введіть назву або slug набору з реєстру.": (
        "Dataset “%(value)s” not found: type the title or slug of a dataset in the registry."
    ),
}
