"""Pure functions: does an audited resource's name match an existing dataset's title? (no ORM)"""

import re
from difflib import SequenceMatcher

SIMILARITY_THRESHOLD = 0.9
_QUOTES_AND_APOSTROPHES = re.compile("[«»“”„\"'’ʼ`‘]")
_NON_WORD = re.compile(r"[^\w]+")


def normalise_title(title: str) -> str:
    """Casefolded, without quotes/apostrophes and punctuation, single spaces."""
    text = _QUOTES_AND_APOSTROPHES.sub("", (title or "").casefold())
    return " ".join(_NON_WORD.sub(" ", text).split())


def title_similarity(a: str, b: str) -> float:
    na, nb = normalise_title(a), normalise_title(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return SequenceMatcher(None, na, nb).ratio()


def best_match(title: str, candidates, *, key=lambda c: c.title, threshold: float = SIMILARITY_THRESHOLD):
    """The candidate whose title is most similar to ``title`` (ratio ≥ threshold), or None."""
    best, best_score = None, 0.0
    for candidate in candidates:
        score = title_similarity(title, key(candidate))
        if score >= threshold and score > best_score:
            best, best_score = candidate, score
    return best
