"""Latin slugs from Ukrainian titles: Cabinet of Ministers Resolution No. 55 of 27.01.2010."""

from django.utils.text import slugify

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "’": "", "'": "", "ʼ": "",
    # Letters of other Cyrillic alphabets that turn up in imported titles.
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}  # fmt: skip
# At the beginning of a word these letters are written differently.
_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = ("’", "'", "ʼ")


def transliterate(text: str) -> str:
    out = []
    previous_is_letter = False
    for ch in text or "":
        lower = ch.lower()
        if lower in _TABLE:
            latin = _WORD_START[lower] if not previous_is_letter and lower in _WORD_START else _TABLE[lower]
            if lower == "г" and out and out[-1].lower().endswith("z"):
                latin = "gh"  # «зг» → «zgh»
            out.append(latin.capitalize() if ch != lower else latin)
            previous_is_letter = lower not in _APOSTROPHES or previous_is_letter
        else:
            out.append(ch)
            previous_is_letter = ch.isalpha()
    return "".join(out)


def latin_slug(text: str, max_length: int = 100) -> str:
    return slugify(transliterate(text))[:max_length].strip("-")
