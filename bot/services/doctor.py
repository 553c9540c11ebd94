"""`digestbot doctor`, the local half: settings, paths, the database and the sources, one check per line.

Nothing here changes anything: the database is read without being created or migrated. The Discord half
(token, servers, channels, permissions) is in discord_app/doctor.py.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, fields
from pathlib import Path

from bot.config import SETTINGS, Settings, unknown_names
from bot.core.records import GuildSettings
from bot.errors import DigestBotError
from bot.services import posts
from bot.services.backup import bot_running, database_facts, database_file, uses_postgres
from bot.services.samples import samples_location
from bot.services.sources import source_health
from bot.services.storage import Store, open_store
from bot.store.database import migrations
from bot.store.engine import safe_target


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report: what was checked, whether it is fine, and what to do when it is not."""

    ok: bool
    text: str
    fix: str = ""

    def line(self) -> str:
        return f"✓ {self.text}" if self.ok else f"✗ {self.text}" + (f": {self.fix}" if self.fix else "")


def setting_checks(settings: Settings, names: object) -> list[Check]:
    """The settings were read (else doctor never got here), and no DIGESTBOT_* name is misspelt."""
    changed = sum(1 for f in fields(Settings) if getattr(settings, f.name) != f.default)
    found = [Check(True, f"settings: {len(SETTINGS)} known, {changed} changed from the defaults")]
    found += [Check(False, warning.split(":")[0], warning.partition(": ")[2] or "remove it")
              for warning in unknown_names(names)]
    return found


def _writable_folder(path: Path, what: str, setting: str) -> Check:
    """A folder the bot writes into: it exists and may be written, or it can be created."""
    existing = next((p for p in (path, *path.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        return Check(False, f"{what} {path}: {existing} is not a folder", f"fix {setting}")
    if not os.access(existing, os.W_OK | os.X_OK):
        return Check(False, f"{what} {path}: {existing} is not writable by this user", f"fix its owner or {setting}")
    state = "exists" if path.is_dir() else "will be created"
    return Check(True, f"{what} {path} ({state}, writable)")


def path_checks(settings: Settings) -> list[Check]:
    found = [] if uses_postgres(settings) else [
        _writable_folder(database_file(settings).parent, "database folder", "DIGESTBOT_DB"),
    ]
    found.append(_writable_folder(settings.digests_dir, "digests folder", "DIGESTBOT_DIGESTS_DIR"))
    if settings.log_file is not None:
        found.append(_writable_folder(settings.log_file.parent, "log file folder", "DIGESTBOT_LOG_FILE"))
    return found


def database_check(settings: Settings) -> tuple[Check, bool]:
    """The SQLite database's schema version, quick_check and size; True when it can be opened as it is."""
    path = database_file(settings)
    if not path.exists():
        return Check(True, f"database {path}: not created yet (the first command creates it)"), False
    try:
        facts = database_facts(path)
    except DigestBotError as exc:
        return Check(False, f"database: {exc}", "restore a backup (`digestbot restore FILE`) or move it aside"), False
    newest = migrations()[-1][0]
    size = f"{facts.size / 1_000_000:.1f} MB"
    counts = f"{facts.articles} articles, {facts.quotes} quotes"
    if facts.integrity != "ok":
        return Check(False, f"database {path}: quick_check found {facts.integrity}",
                     "restore a backup with `digestbot restore FILE`"), False
    if facts.version != newest:
        fix = "the next command upgrades it (a copy is kept in data/backups)" if facts.version < newest else \
            "it was written by a newer digestbot: upgrade digestbot"
        return Check(False, f"database {path}: schema v{facts.version}, this digestbot uses v{newest}", fix), False
    return Check(True, f"database {path}: schema v{facts.version}, quick_check ok, {size}, {counts}"), True


async def postgres_check(settings: Settings) -> tuple[Check, bool]:
    """The PostgreSQL server is reachable and its schema is this digestbot's; True when it can be used as it is."""
    from bot.store.postgres.database import inspect  # asyncpg only for PostgreSQL
    from bot.store.postgres.database import migrations as pg_migrations

    url = settings.database_url or ""
    try:
        version, articles = await inspect(url)
    except DigestBotError as exc:
        return Check(False, f"database (PostgreSQL): {exc}", "check DIGESTBOT_DATABASE_URL and the server"), False
    newest = pg_migrations()[-1][0]
    label = f"database PostgreSQL {safe_target(url)}"
    if version != newest:
        fix = "the next command creates or upgrades it" if version < newest else "upgrade digestbot"
        return Check(version < newest, f"{label}: schema v{version}, this digestbot uses v{newest}", fix), False
    return Check(True, f"{label}: reachable, schema v{version}, {articles} articles"), True


async def source_checks(store: Store, settings: Settings) -> list[Check]:
    """Each source's health; the samples count as a demo, not as a source."""
    samples = samples_location(settings)
    found = []
    for source in await store.list_sources(None):
        if source.location == samples:
            continue
        health = source_health(source)
        label = f"source [{source.id}] {source.name}"
        if health.state in ("ok", "new"):
            found.append(Check(True, f"{label}: {health.text}"))
        else:
            fix = f"fix the cause, then `digestbot sources enable {source.id}`"
            found.append(Check(False, f"{label}: {health.text}", fix))
    if not found:
        found.append(Check(False, "no sources: only the sample articles would be used",
                           "add yours with `digestbot sources add URL|FOLDER`"))
    return found


async def local_checks(settings: Settings, names: object) -> tuple[list[Check], list[GuildSettings]]:
    """Every check that needs no network, and the servers' schedules the Discord half should look at."""
    found = setting_checks(settings, names) + path_checks(settings)
    if uses_postgres(settings):
        db, usable = await postgres_check(settings)
    else:
        db, usable = await asyncio.to_thread(database_check, settings)
    found.append(db)
    found.append(Check(True, "the bot is running" if bot_running(settings) else "the bot is not running now"))
    schedules: list[GuildSettings] = []
    if not uses_postgres(settings) and not database_file(settings).exists():
        found.append(Check(True, "sources: none yet, so the command line uses the sample articles"
                                 " (add yours with `digestbot sources add URL|FOLDER`)"))
    if usable:
        async with await open_store(settings) as store:
            found += await source_checks(store, settings)
            schedules = await posts.active_schedules(store)
    return found, schedules
