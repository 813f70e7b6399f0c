"""The benchmark database: created when missing, and never one that someone else uses.

The run empties the data tables, so the database name (PostgreSQL) or file name (SQLite)
must contain "bench" and must not be a test database (``test_...``).
"""

from __future__ import annotations

from pathlib import Path


class WrongDatabase(RuntimeError):
    pass


def database_label() -> str:
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"SQLite {Path(str(name)).name}"
    host = connection.settings_dict.get("HOST") or "localhost"
    return f"{connection.vendor} {name} on {host}"


def check_name(name: str) -> None:
    base = Path(str(name)).name
    if base.startswith("test_") or "bench" not in base:
        raise WrongDatabase(
            f"Refusing to use the database «{name}»: the benchmark empties it. Use one of its own, e.g. "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_od (created if missing), or unset "
            "DATABASE_URL for var/bench.sqlite3."
        )


def ensure_database() -> None:
    """Check the name; create the PostgreSQL database when it does not exist yet."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    check_name(name)
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
