"""Copies of the database made with SQLite's online backup API: consistent even while the bot writes."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from bot.errors import DigestBotError

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"  # beside the database, so under data/ (git-ignored) by default


def backup_folder(db_path: Path) -> Path:
    """Where backups of this database go unless the operator names a file."""
    return db_path.parent / BACKUP_FOLDER


def stamped_name(db_path: Path, label: str = "") -> str:
    """A backup file name that sorts by time: digestbot-20261202-113500[-label].sqlite3."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{db_path.stem}-{stamp}{'-' + label if label else ''}.sqlite3"


def copy_database(source: Path, target: Path, *, standalone: bool = True) -> None:
    """Copy `source` into `target` page by page with the backup API (a reader: the bot keeps writing).

    A standalone copy is one file (no -wal beside it); a restore writes over the live database instead,
    through SQLite, so that database's own -wal and -shm files stay consistent.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=5.0)
    try:
        dst = sqlite3.connect(target, timeout=5.0)
        try:
            src.backup(dst)
            if standalone:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    """What `doctor` and `restore` check about a database file."""

    version: int
    integrity: str  # "ok", or the first problem PRAGMA quick_check found
    articles: int
    quotes: int
    size: int


def inspect_database(path: Path) -> DatabaseFacts:
    """Read a database file without changing it; DigestBotError when it is not a digestbot database."""
    if not path.is_file():
        raise DigestBotError(f"{path} does not exist or is not a file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            integrity = str(conn.execute("PRAGMA quick_check").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"articles", "quotes"} <= tables:
                raise DigestBotError(f"{path} is an SQLite file but not a digestbot database")
            articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            quotes = int(conn.execute("SELECT count(*) FROM quotes").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DigestBotError(f"{path} is not a usable SQLite database: {exc}") from None
    return DatabaseFacts(version, integrity, articles, quotes, path.stat().st_size)


async def backup_before_migration(conn: aiosqlite.Connection, version: int) -> Path | None:
    """Copy an existing database before a migration changes it, so an upgrade can be undone."""
    async with conn.execute("PRAGMA database_list") as cursor:
        rows = await cursor.fetchall()
    file = next((str(r[2]) for r in rows if r[1] == "main" and r[2]), "")
    if not file:
        return None  # an in-memory database has nothing to keep
    db_path = Path(file)
    target = backup_folder(db_path) / stamped_name(db_path, f"before-upgrade-from-v{version}")
    target.parent.mkdir(parents=True, exist_ok=True)
    async with aiosqlite.connect(target) as copy:
        await conn.backup(copy)
    log.warning("database schema v%d will be upgraded; a copy from before is at %s", version, target)
    return target
