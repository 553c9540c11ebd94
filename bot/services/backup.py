"""Back up and restore the database, and the lock that tells a restore the bot is running.

A backup is taken with SQLite's online backup API, so it is consistent while the bot writes. A restore
replaces the database, so it refuses while `digestbot run` holds the run lock, and checks the file first.
On PostgreSQL (DIGESTBOT_DATABASE_URL) the server's own pg_dump/pg_restore do this, and the bot processes
of one host (shards) share the run lock, which then only tells `health` and `doctor` that a bot runs.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from bot.config import Settings
from bot.errors import DigestBotError, InputError
from bot.store.backup import DatabaseFacts, backup_folder, copy_database, inspect_database, stamped_name
from bot.store.database import migrations
from bot.store.engine import is_postgres, sqlite_path

log = logging.getLogger(__name__)

__all__ = [
    "PG_BACKUP", "BotRunning", "DatabaseFacts", "RunLock", "backup_database", "bot_running", "database_facts",
    "database_file", "restore_database", "run_lock", "uses_postgres",
]


class BotRunning(DigestBotError):
    """Another `digestbot run` holds the run lock of this database."""


PG_BACKUP = (
    "the database is PostgreSQL (DIGESTBOT_DATABASE_URL): back it up with `pg_dump -Fc` and restore it with"
    " `pg_restore`; `digestbot backup` and `restore` copy an SQLite file only"
)


def uses_postgres(settings: Settings) -> bool:
    return is_postgres(settings.database_url or "")


def database_file(settings: Settings) -> Path:
    """The SQLite file in use: DIGESTBOT_DATABASE_URL when it names a path or sqlite:/// URL, else DIGESTBOT_DB."""
    return sqlite_path(settings.database_url) if settings.database_url else settings.db_path


def lock_path(settings: Settings) -> Path:
    """The lock file beside the database that `digestbot run` holds while it runs."""
    path = settings.db_path if uses_postgres(settings) else database_file(settings)
    return path.with_name(path.name + ".run-lock")


class RunLock:
    """An exclusive lock on a file beside the database; the system drops it if the process dies."""

    def __init__(self, settings: Settings, *, shared: bool = False) -> None:
        self.path = lock_path(settings)
        self.shared = shared  # several bot processes (shards on PostgreSQL) may hold it together
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise BotRunning(
                f"a `digestbot run` is using {self.path.name.removesuffix('.run-lock')}: stop the bot first"
                " (systemctl stop digestbot, or docker compose stop)"
            ) from None
        if not self.shared:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def run_lock(settings: Settings) -> RunLock:
    """The lock `digestbot run` holds: its own on an SQLite file, shared by the processes of a host on PostgreSQL."""
    return RunLock(settings, shared=uses_postgres(settings))


def bot_running(settings: Settings) -> bool:
    """Whether a `digestbot run` holds the run lock of this database now."""
    if not lock_path(settings).exists():
        return False
    try:
        with RunLock(settings):
            return False
    except BotRunning:
        return True


def database_facts(path: Path) -> DatabaseFacts:
    """Schema version, quick_check, article and quote counts and size of a database file."""
    return inspect_database(path)


async def backup_database(settings: Settings, target: Path | None = None) -> tuple[Path, DatabaseFacts]:
    """Copy the database (safe while the bot runs) to `target`, or to a stamped file in data/backups."""
    if uses_postgres(settings):
        raise InputError(PG_BACKUP)
    source = database_file(settings)
    if not source.is_file():
        raise InputError(f"there is no database at {source} yet: nothing to back up")
    path = (target.expanduser() if target else backup_folder(source) / stamped_name(source))
    if path.is_dir():
        path = path / stamped_name(source)
    if path.resolve() == source.resolve():
        raise InputError("the backup must go to another file than the database itself")
    if path.exists():
        raise InputError(f"{path} already exists: choose a new file name")
    await asyncio.to_thread(copy_database, source, path)
    facts = await asyncio.to_thread(inspect_database, path)
    log.info("backed up %s to %s", source, path)
    return path, facts


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: the facts of the restored database and where the replaced one was kept."""

    facts: DatabaseFacts
    previous: Path | None


async def restore_database(settings: Settings, backup: Path) -> Restored:
    """Replace the database with a checked backup; refuses while the bot runs and keeps the old one aside."""
    if uses_postgres(settings):
        raise InputError(PG_BACKUP)
    backup, db_path = backup.expanduser(), database_file(settings)
    facts = await asyncio.to_thread(inspect_database, backup)
    newest = migrations()[-1][0]
    if facts.integrity != "ok":
        raise InputError(f"{backup} is damaged ({facts.integrity}): not restored")
    if facts.version > newest:
        raise InputError(f"{backup} comes from a newer digestbot (schema v{facts.version}); upgrade first")
    with RunLock(settings):
        previous = None
        if db_path.is_file():
            previous = backup_folder(db_path) / stamped_name(db_path, "before-restore")
            await asyncio.to_thread(copy_database, db_path, previous)
        await asyncio.to_thread(copy_database, backup, db_path, standalone=False)
    log.info("restored %s from %s", db_path, backup)
    return Restored(facts, previous)

