"""Department names as written in council documents, and matching them to records.

``department_match_key`` is the one normalisation (case, apostrophes, spaces). A department is found
by that key on its name or on one of its aliases (``DepartmentAlias``: old names kept on renaming,
common short forms). ``department_match(name)`` looks one name up; ``DepartmentMatcher`` loads every
department and alias in two queries for an import that matches many names.
"""

from __future__ import annotations

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


def department_match(name: str):
    """The department called ``name`` (by its name or an alias, normalised), or None. Two queries at most."""
    from .models import Department

    key = department_match_key(name)
    if not key:
        return None
    return Department.objects.filter(match_key=key).first() or Department.objects.filter(aliases__match_key=key).first()


class DepartmentMatcher:
    """Every department and alias loaded once; ``match(name)`` without further queries.

    ``remember(department)`` adds a department created during the same import, so later rows find it.
    """

    def __init__(self):
        from .models import Department, DepartmentAlias

        self._by_key = {d.match_key: d for d in Department.objects.all()}
        for alias in DepartmentAlias.objects.select_related("department"):
            self._by_key.setdefault(alias.match_key, alias.department)

    def match(self, name: str):
        return self._by_key.get(department_match_key(name))

    def knows(self, name: str) -> bool:
        return department_match_key(name) in self._by_key

    def remember(self, department, name: str | None = None) -> None:
        self._by_key[department_match_key(department.name)] = department
        if name:
            self._by_key[department_match_key(name)] = department
