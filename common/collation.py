"""Ukrainian alphabetical order on every database.

PostgreSQL under the C locale and SQLite both sort by code point, which puts Є, І, Ї
before А and Ґ after Я. PostgreSQL ships the ICU collation ``uk-UA-x-icu``; for SQLite we
register a collation named ``uk`` that compares by the Ukrainian alphabet.
Use ``uk_order("name")`` in ``order_by()``.
"""

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.functions import Collate

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RANK = {ch: i for i, ch in enumerate(UKRAINIAN_ALPHABET)}
_APOSTROPHES = "'’ʼ`"


def ukrainian_sort_key(text: str) -> tuple:
    """Key that orders Ukrainian text alphabetically, case-insensitively.

    Letters of the Ukrainian alphabet come first in their order, then other characters by
    code point; apostrophes are ignored as in dictionaries.
    """
    key = []
    for ch in (text or "").lower():
        if ch in _APOSTROPHES:
            continue
        rank = _RANK.get(ch)
        key.append((0, rank) if rank is not None else (1, ord(ch)))
    return tuple(key)


def _sqlite_compare(a: str, b: str) -> int:
    ka, kb = ukrainian_sort_key(a), ukrainian_sort_key(b)
    return (ka > kb) - (ka < kb)


def _on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation("uk", _sqlite_compare)


def register_sqlite_collation():
    connection_created.connect(_on_connection_created, dispatch_uid="common.collation.uk")
    # A connection opened before the app registry was ready gets it too.
    if connection.vendor == "sqlite" and connection.connection is not None:
        _on_connection_created(None, connection)


def uk_order(field: str, descending: bool = False):
    """An order_by() expression that sorts ``field`` in Ukrainian alphabetical order."""
    name = "uk-UA-x-icu" if connection.vendor == "postgresql" else "uk"
    expr = Collate(F(field), name) if connection.vendor in ("postgresql", "sqlite") else F(field)
    return expr.desc() if descending else expr.asc()
