"""Copy an SQLite database into an empty PostgreSQL one (`digestbot migrate-to URL`), counts checked.

Both sides are migrated to the newest schema first, so the tables and columns match; rows go over with
PostgreSQL's COPY in one transaction, ids kept, and the id sequences are moved past the copied ids. If any
table's count differs afterwards the transaction is rolled back and nothing is left half-copied.
"""

from __future__ import annotations

from pathlib import Path

from bot.errors import DigestBotError
from bot.store import Store
from bot.store.postgres import PostgresStore

# parents before children, as the foreign keys need
TABLES = (
    "sources", "articles", "article_sources", "sentences", "speakers", "quotes", "line_counts", "digests",
    "guild_settings", "guild_filters", "digest_posts", "guild_alerts",
)
_ID_TABLES = ("sources", "articles", "article_sources", "speakers", "quotes", "digests")
BATCH = 5000
FILL_SECONDS = 3600  # building the search tables: minutes at 100,000 articles, past the look-ups' 120 s


async def _columns(target: PostgresStore, table: str) -> list[str]:
    """The columns PostgreSQL lets us write (its generated search columns are computed, not copied)."""
    rows = await target._all(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position",
        (table,),
    )
    return [str(r["column_name"]) for r in rows]


async def copy_into(source: Store, target: PostgresStore) -> dict[str, int]:
    """Copy every row of `source` into the empty `target`; return the row count of each table."""
    if await target.count_articles() or await target.list_sources():
        raise DigestBotError("the PostgreSQL database already holds data; migrate-to needs an empty one")
    counts: dict[str, int] = {}
    async with target.conn.transaction() as conn:
        # the search tables are built whole at the end, far faster than by their triggers row by row (0006)
        await conn.execute("ALTER TABLE articles DISABLE TRIGGER USER; ALTER TABLE quotes DISABLE TRIGGER USER")
        for table in TABLES:
            columns = await _columns(target, table)
            names = ", ".join(columns)
            cursor = await source.conn.execute(f"SELECT {names} FROM {table}")
            try:
                while batch := await cursor.fetchmany(BATCH):
                    await conn.copy_records_to_table(table, records=[tuple(r) for r in batch], columns=columns)
            finally:
                await cursor.close()
            have = int(await conn.fetchval(f"SELECT count(*) FROM {table}"))
            want = int((await source._one(f"SELECT count(*) FROM {table}"))[0])
            if have != want:
                raise DigestBotError(f"copying {table}: {want} rows in SQLite but {have} in PostgreSQL; nothing kept")
            counts[table] = have
        await conn.execute("SELECT fill_terms()", timeout=FILL_SECONDS)
        await conn.execute("ALTER TABLE articles ENABLE TRIGGER USER; ALTER TABLE quotes ENABLE TRIGGER USER")
        for table in _ID_TABLES:
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false)"
                f" FROM {table}"
            )
    return counts


async def migrate_to(sqlite_path: Path, url: str) -> dict[str, int]:
    """Copy the SQLite database at `sqlite_path` into the PostgreSQL database at `url`."""
    if not sqlite_path.is_file():
        raise DigestBotError(f"no SQLite database at {sqlite_path}")
    async with await Store.open(sqlite_path) as source, await PostgresStore.open(url) as target:
        return await copy_into(source, target)
