"""Which engine holds the data: a `postgresql://` URL opens PostgreSQL, anything else an SQLite file.

Kept apart from bot/store/__init__.py so the SQLite-only default never imports asyncpg.
"""

from __future__ import annotations

from pathlib import Path

from bot.store import Store
from bot.store.sql import safe_url

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def sqlite_path(target: str | Path) -> Path:
    """The file an SQLite target names: a path, or `sqlite:///relative` / `sqlite:////absolute`."""
    text = str(target)
    return Path(text[len(SQLITE_SCHEME):]) if text.startswith(SQLITE_SCHEME) else Path(text)


def safe_target(target: str | Path) -> str:
    """The database named for messages and logs: a URL without its password, or the file's path."""
    return safe_url(str(target)) if is_postgres(target) else str(sqlite_path(target))


async def open_database(target: str | Path) -> Store:
    """Open (creating and migrating if needed) the database `target` names, on its engine."""
    if is_postgres(target):
        from bot.store.postgres import PostgresStore  # asyncpg only for those who chose PostgreSQL

        return await PostgresStore.open(str(target))
    return await Store.open(sqlite_path(target))
