"""The connection every table module works through; this module owns no table.

Opening and closing, write transactions, fetching rows, and a key that changes whenever anything is committed.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Self

import aiosqlite

from bot.store.database import connect, database_error


class StoreBase:
    """One aiosqlite connection, every write inside a transaction."""

    def __init__(self, conn: aiosqlite.Connection, path: Path | str = ":memory:") -> None:
        self.conn = conn
        self.path = path  # named in the one-line message of a database error
        # One connection serves every task: concurrent writers (parallel feed polls, the bot) take turns.
        self._write_lock = asyncio.Lock()
        # Write transactions this connection has ended: PRAGMA data_version counts only other connections' commits.
        self._own_writes = 0

    @classmethod
    async def open(cls, path: Path) -> Self:
        return cls(await connect(path), path)

    async def close(self) -> None:
        await self.conn.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """Run the block as one write transaction: all of it lands, or none."""
        async with self._write_lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                self._raise_known(exc)
                raise
            try:
                yield
                await self.conn.commit()
            except BaseException as exc:
                if self.conn.in_transaction:
                    await self.conn.rollback()
                if isinstance(exc, sqlite3.Error):
                    self._raise_known(exc)
                raise
            finally:
                # rolled back too: a reader between the block's statements may have seen its rows
                self._own_writes += 1

    def _raise_known(self, exc: sqlite3.Error) -> None:
        """Raise the one-line error for a database that is damaged, read-only or busy; other errors are bugs."""
        failure = database_error(self.path, exc)
        if failure is not None:
            raise failure from exc

    @asynccontextmanager
    async def single_statement(self) -> AsyncIterator[None]:
        """For a write of one statement that reads nothing first. SQLite: a transaction like any other (its
        one connection is shared by every task); PostgreSQL lets such a statement skip the write lock."""
        async with self.transaction():
            yield

    async def _one(self, sql: str, params: Sequence[object] = ()) -> aiosqlite.Row | None:
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    async def _all(self, sql: str, params: Sequence[object] = ()) -> list[aiosqlite.Row]:
        # one trip to the database thread instead of three (execute, fetch, close)
        try:
            return list(await self.conn.execute_fetchall(sql, params))
        except sqlite3.Error as exc:
            self._raise_known(exc)
            raise

    async def _change_key(self) -> tuple[int, int]:
        """Return a key that differs after any commit to the database, by this connection or another.

        PRAGMA data_version changes when another connection (say a `digestbot ingest` run from cron)
        commits; this connection's own writes are counted by `transaction`. One cheap round trip.
        """
        row = await self._one("PRAGMA data_version")
        return (int(row[0]) if row else 0), self._own_writes
