from audit.matching import best_match, normalise_title, title_similarity
from registry.slugs import transliterate


class Item:
    def __init__(self, title):
        self.title = title


def test_normalise_title_ignores_case_quotes_and_punctuation():
    assert normalise_title("  Реєстр «Об’єктів»,  НЕРУХОМОСТІ. ") == "реєстр обєктів нерухомості"
    assert normalise_title("") == ""


def test_similar_titles_match_and_different_ones_do_not():
    assert title_similarity("Реєстр рішень виконкому", "реєстр рішень виконкому.") == 1.0
    assert title_similarity("Реєстр рішень виконавчого комітету", "Реєстр рішень виконавчого комітет") >= 0.9
    assert title_similarity("Реєстр рішень виконавчого комітету", "Перелік зупинок громадського транспорту") < 0.9


def test_best_match_picks_the_most_similar_above_threshold():
    candidates = [Item("Перелік шкіл"), Item("Реєстр рішень виконавчого комітету"), Item("Реєстр рішень")]
    assert best_match("РЕЄСТР рішень виконавчого комітету!", candidates).title == "Реєстр рішень виконавчого комітету"
    assert best_match("Бюджет міста", candidates) is None
    assert best_match("", candidates) is None


def test_transliteration_follows_the_official_table():
    assert transliterate("Згорани") == "Zghorany"
    assert transliterate("Юрій Їжакевич") == "Yurii Yizhakevych"
    assert transliterate("Знам’янка") == "Znamianka"
    assert transliterate("Реєстр ABC-1") == "Reiestr ABC-1"
