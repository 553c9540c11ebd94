"""PostgreSQL storage: the same `Store` interface over asyncpg, for operators who outgrow one SQLite file.

Every table module's SQL runs unchanged through connection.py (which numbers the `?` marks); only what
SQLite does with its own features is written again here:

- connection.py: a pool behind aiosqlite's execute/executemany/execute_fetchall, one connection per transaction
- database.py: connecting, and this engine's numbered migrations (bot/store/postgres/migrations)
- base.py: transactions (writes take turns under an advisory lock), the speaker-cache key
- search.py: full-text look-ups over per-word posting tables (migration 0006) instead of FTS5
- copy.py: copying a SQLite database into an empty PostgreSQL one, counts checked
"""

from __future__ import annotations

from bot.store import Store
from bot.store.postgres.base import PgStoreBase
from bot.store.postgres.search import PgSearchMixin

__all__ = ["PostgresStore"]


class PostgresStore(PgSearchMixin, Store, PgStoreBase):
    """The database on a PostgreSQL server: the interface of `Store`, many processes at once."""
