"""The PostgreSQL connection the table modules work through, in place of StoreBase's aiosqlite one."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, Self

import asyncpg

from bot.errors import StoreError
from bot.store.base import StoreBase
from bot.store.postgres.connection import PgConnection
from bot.store.postgres.database import connect

# pg_advisory_xact_lock key held by every write transaction: writes take turns across all processes, as
# SQLite's BEGIN IMMEDIATE makes them, so the read-then-write steps of the table modules (claiming a post,
# recording a digest, linking an article) keep their meaning. Reads run in parallel on pooled connections.
WRITE_LOCK = 0x6469_6765_7377

# The server gone or shutting down, or refusing writes or this user: the one-line StoreError that SQLite's
# damaged, read-only or busy file gives (store/database.py), so pollers and commands say what to fix.
UNUSABLE = (
    OSError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.InsufficientPrivilegeError,
    asyncpg.exceptions.ReadOnlySQLTransactionError,
    asyncpg.exceptions.InsufficientResourcesError,
)


def _unusable(exc: BaseException) -> StoreError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return StoreError(f"the PostgreSQL database cannot be used now: {reason}")


class PgStoreBase(StoreBase):
    """A pool of asyncpg connections; every write inside a transaction that holds the write lock."""

    conn: PgConnection  # type: ignore[assignment]

    def __init__(self, conn: PgConnection) -> None:  # type: ignore[override]
        self.conn = conn
        self._own_writes = 0

    @classmethod
    async def open(cls, url: str) -> Self:  # type: ignore[override]
        return cls(PgConnection(await connect(url)))

    async def close(self) -> None:
        await self.conn.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """Run the block as one write transaction: all of it lands, or none."""
        try:
            async with self.conn.transaction() as conn:
                await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
                yield
        except UNUSABLE as exc:
            raise _unusable(exc) from exc
        finally:
            # rolled back too: a reader inside the block may have seen its rows (see _change_key)
            self._own_writes += 1

    @asynccontextmanager
    async def single_statement(self) -> AsyncIterator[None]:
        """One statement is atomic by itself: no transaction, no write lock (poll leases, many at once)."""
        yield

    async def _one(self, sql: str, params: Sequence[object] = ()) -> Any:
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    async def _all(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        try:
            return await self.conn.execute_fetchall(sql, params)
        except UNUSABLE as exc:
            raise _unusable(exc) from exc

    async def _change_key(self) -> tuple[int, int]:
        """A key that changes whenever a speaker is added, renamed or removed, by any process (a trigger counts
        them), or this store ends a write transaction (whose uncommitted rows a reader inside it saw)."""
        row = await self._one("SELECT version FROM speaker_changes")
        return (int(row["version"]) if row else 0), self._own_writes
