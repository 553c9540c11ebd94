"""Open the SQLite database with the settings we rely on, and apply numbered migrations."""

from __future__ import annotations

import logging
import re
import sqlite3
from importlib import resources
from pathlib import Path

import aiosqlite

from bot.errors import DigestBotError

log = logging.getLogger(__name__)

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
MIN_SQLITE = (3, 35, 0)  # ALTER TABLE ... DROP COLUMN, used by migration 0004


def require_sqlite(version: tuple[int, int, int] = sqlite3.sqlite_version_info) -> None:
    """Refuse, in one clear line, an SQLite library too old for our migrations (before it half-applies one)."""
    if version < MIN_SQLITE:
        need, have = ".".join(map(str, MIN_SQLITE)), ".".join(map(str, version))
        raise DigestBotError(f"digestbot needs SQLite {need} or newer; this Python has SQLite {have}")


def migrations() -> list[tuple[int, str, str]]:
    """Return (version, name, sql) for every bundled migration, in order."""
    found = []
    for entry in resources.files("bot.store.migrations").iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


async def connect(path: Path) -> aiosqlite.Connection:
    """Open (creating if needed) the database at `path`, migrated to the newest schema."""
    require_sqlite()
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = await aiosqlite.connect(path, isolation_level=None)
    except Exception as exc:  # sqlite3 raises several types for a bad path
        raise DigestBotError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = aiosqlite.Row
    try:
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute("PRAGMA synchronous=NORMAL")
        await conn.execute("PRAGMA busy_timeout=5000")
        await migrate(conn)
    except Exception as exc:
        await conn.close()
        if isinstance(exc, DigestBotError):
            raise
        raise DigestBotError(f"cannot use database {path}: {exc}") from exc
    return conn


async def migrate(conn: aiosqlite.Connection) -> int:
    """Apply migrations newer than PRAGMA user_version, each in its own transaction."""
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    current = row[0] if row else 0
    known = migrations()
    newest = known[-1][0] if known else 0
    if current > newest:
        raise DigestBotError(
            f"database schema version {current} is newer than this digestbot knows ({newest}); upgrade digestbot"
        )
    for version, name, sql in known:
        if version <= current:
            continue
        log.info("applying migration %s", name)
        # executescript commits first; wrap the script so it applies whole or not at all
        try:
            await conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        except Exception:
            if conn.in_transaction:
                await conn.rollback()
            raise
        current = version
    return current
