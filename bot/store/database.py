"""Open the SQLite database with the settings we rely on, and apply numbered migrations."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from importlib import resources
from pathlib import Path

import aiosqlite

from bot.errors import DigestBotError, StoreError
from bot.store.backup import backup_before_migration

log = logging.getLogger(__name__)

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
MIN_SQLITE = (3, 35, 0)  # ALTER TABLE ... DROP COLUMN, used by migration 0004
BUSY_TIMEOUT_MS = 5000  # how long a command waits for another process's write before saying the database is busy


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
        await asyncio.to_thread(probe, path)
    try:
        conn = await aiosqlite.connect(path, isolation_level=None)
    except Exception as exc:  # sqlite3 raises several types for a bad path
        raise DigestBotError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = aiosqlite.Row
    try:
        # the busy wait first: processes opening one new database take turns at the migrations
        await conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        await use_wal(conn)
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute("PRAGMA synchronous=NORMAL")
        await migrate(conn)
    except Exception as exc:
        await conn.close()
        if isinstance(exc, DigestBotError):
            raise
        failure = database_error(path, exc) if isinstance(exc, sqlite3.Error) else None
        raise failure or DigestBotError(f"cannot use database {path}: {exc}") from exc
    return conn


async def use_wal(conn: aiosqlite.Connection) -> None:
    """Switch to WAL, retrying while another process still writes the new file.

    SQLite answers the switch "database is locked" at once, without its busy wait, when another opener holds
    a rollback-journal write on the file (as it does while switching it to WAL): retry as long as busy_timeout
    would wait.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or loop.time() >= deadline:
                raise
            await asyncio.sleep(0.02)


def probe(path: Path) -> None:
    """Open the file with plain sqlite3 first, so a bad path or a damaged file fails in one clear line.

    aiosqlite starts a thread per connection; when its connect fails that thread outlives the event loop
    and prints "Event loop is closed" tracebacks after our message.
    """
    if path.is_dir():
        raise DigestBotError(f"database {path} is a folder: DIGESTBOT_DB must name a file (it is created)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DigestBotError(f"cannot create the folder of database {path}: {exc.strerror or exc}") from exc
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise database_error(path, exc) or DigestBotError(f"cannot open database {path}: {exc}") from exc


def database_error(path: Path | str, exc: sqlite3.Error) -> StoreError | None:
    """Turn an SQLite error that is the database's fault (damaged, read-only, busy, disk full) into one line
    that says what is wrong and what to do; None for any other, which is a bug to report as such."""
    text = str(exc)
    lower = text.lower()
    if "readonly" in lower or "read-only" in lower:
        why = "is read-only: digestbot must be able to write it and its folder (for the -wal and -shm files)"
    elif "locked" in lower or "busy" in lower:
        why = "is busy: another program kept it locked for too long; try again in a moment"
    elif "full" in lower:
        why = f"cannot grow: the disk is full ({text})"
    elif "unable to open" in lower or "cannot open" in lower:
        why = "cannot be opened: check that its folder exists and that you may read and write there"
    elif any(word in lower for word in ("malformed", "not a database", "corrupt", "disk i/o")):
        backups = Path(path).parent / "backups"
        why = (f"is damaged ({text}): check it with `sqlite3 {path} 'PRAGMA quick_check'`, then"
               f" `digestbot restore` a backup (copies are kept in {backups}) or move it aside to start anew")
    else:
        return None
    return StoreError(f"database {path} {why}")


async def migrate(conn: aiosqlite.Connection) -> int:
    """Apply the migrations newer than PRAGMA user_version, all in one write transaction.

    The version is read again once the write lock is held, so when several processes open a new database
    at once one of them migrates and the others find it done.
    """
    current = await _user_version(conn)
    known = migrations()
    newest = known[-1][0] if known else 0
    if current > newest:
        raise DigestBotError(
            f"database schema version {current} is newer than this digestbot knows ({newest}); upgrade digestbot"
        )
    if current == newest:
        return current
    if current > 0:  # an existing database: keep a copy from before the upgrade (store/backup.py)
        await backup_before_migration(conn, current)
    await conn.execute("BEGIN IMMEDIATE")
    try:
        current = await _user_version(conn)
        for version, name, sql in known:
            if version <= current:
                continue
            log.info("applying migration %s", name)
            for statement in statements(sql):
                await conn.execute(statement)
            await conn.execute(f"PRAGMA user_version = {version}")
            current = version
        await conn.commit()
    except BaseException:
        if conn.in_transaction:
            await conn.rollback()
        raise
    return current


async def _user_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


def statements(script: str) -> list[str]:
    """Split an SQL script into its statements (a trigger's body stays whole), comments and blanks dropped.

    executescript would commit the write transaction that keeps two processes from migrating at once.
    """
    found: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            body = "\n".join(line for line in pending.splitlines() if not line.strip().startswith("--"))
            if body.strip(" \t\n;"):
                found.append(body.strip())
            pending = ""
    return found
