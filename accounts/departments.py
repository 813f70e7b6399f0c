"""Department names as written in council documents, and matching them to records."""

import re

_APOSTROPHES = re.compile("[’'ʼ`‘]")
_SPACES = re.compile(r"\s+")


def department_match_key(name: str) -> str:
    """The same department whatever the case, apostrophe style and spacing."""
    text = _APOSTROPHES.sub("'", name or "")
    return _SPACES.sub(" ", text).strip().lower()


def normalise_department_name(name: str) -> str:
    """Display form: single spaces, the typographic apostrophe used in Ukrainian."""
    return _SPACES.sub(" ", _APOSTROPHES.sub("’", name or "")).strip()
