"""Connect to PostgreSQL and apply this engine's numbered migrations (bot/store/postgres/migrations)."""

from __future__ import annotations

import logging
from importlib import resources

import asyncpg

from bot.errors import DigestBotError, StoreError
from bot.store.database import MIGRATION_NAME
from bot.store.sql import safe_url

log = logging.getLogger(__name__)

_MIGRATION_LOCK = 0x6469_6765_7374  # pg_advisory_lock key: processes starting together migrate one at a time
POOL_SIZE = 8


def migrations() -> list[tuple[int, str, str]]:
    """Return (version, name, sql) for every bundled PostgreSQL migration, in order."""
    found = []
    for entry in resources.files("bot.store.postgres.migrations").iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


# A search of many words joins one posting list per word, and the planner's search for the best join order
# grows with the number of orders (8 words: 32 ms to plan, 1.3 ms to run). Past four it keeps the written order
# between groups of four (8 words: 2.5 ms). Queries of four tables or fewer are planned as before.
JOIN_SEARCH = {"join_collapse_limit": "4", "from_collapse_limit": "4"}


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Hand a connection back to the pool as it is: asyncpg's default reset (unlock, close cursors, RESET ALL)
    costs a round trip per statement, and we leave nothing to reset: every transaction ends, every advisory
    lock is transaction-scoped or released, no setting is changed."""


async def connect(url: str) -> asyncpg.Pool:
    """Open a pool on the database at `url`, migrated to the newest schema.

    Migrations run first on a connection of their own, with no time limit: one that rebuilds a table takes
    minutes on a large database (0006: about 3.5 at 98,821 articles), where a look-up gets 120 s."""
    try:
        conn = await asyncpg.connect(url)
    except (OSError, asyncpg.PostgresError, ValueError) as exc:
        raise StoreError(f"cannot open database {safe_url(url)}: {exc}") from exc
    try:
        await migrate(conn)
    except DigestBotError:
        raise
    except Exception as exc:
        raise DigestBotError(f"cannot use database {safe_url(url)}: {exc or type(exc).__name__}") from exc
    finally:
        await conn.close()
    try:
        return await asyncpg.create_pool(
            url, min_size=1, max_size=POOL_SIZE, command_timeout=120, reset=_keep_session,
            server_settings=JOIN_SEARCH,
        )
    except (OSError, asyncpg.PostgresError, ValueError) as exc:
        raise StoreError(f"cannot open database {safe_url(url)}: {exc}") from exc


async def inspect(url: str) -> tuple[int, int]:
    """Schema version and article count of the database at `url`, read without migrating it (doctor)."""
    try:
        conn = await asyncpg.connect(url, timeout=10)
    except (OSError, asyncpg.PostgresError, ValueError, TimeoutError) as exc:
        raise StoreError(f"cannot open database {safe_url(url)}: {exc}") from exc
    try:
        if not await conn.fetchval("SELECT to_regclass('schema_version') IS NOT NULL"):
            return 0, 0
        version = int(await conn.fetchval("SELECT coalesce(max(version), 0) FROM schema_version"))
        return version, int(await conn.fetchval("SELECT count(*) FROM articles")) if version else 0
    finally:
        await conn.close()


async def migrate(conn: asyncpg.Connection) -> int:
    """Apply migrations newer than the recorded version, each in its own transaction, one process at a time."""
    await conn.execute("SELECT pg_advisory_lock($1)", _MIGRATION_LOCK)
    try:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name TEXT NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        current = int(await conn.fetchval("SELECT coalesce(max(version), 0) FROM schema_version"))
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
            async with conn.transaction():
                await conn.execute(sql)
                await conn.execute("INSERT INTO schema_version (version, name) VALUES ($1, $2)", version, name)
            current = version
        return current
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", _MIGRATION_LOCK)
