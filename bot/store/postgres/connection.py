"""An asyncpg pool behind the small part of aiosqlite's surface the table modules use.

The table modules write their SQL once, with `?` marks; here each statement gets PostgreSQL's `$n` marks
and runs on the connection of the transaction in progress in this task, or on any pooled connection.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager, suppress
from contextvars import ContextVar
from typing import Any, Self, TypeVar

import asyncpg

# tables whose rows are numbered by the database: an INSERT into one reports the new id, like lastrowid
_ID_TABLES = ("sources", "articles", "article_sources", "speakers", "quotes", "digests")
_INSERT_INTO = re.compile(r"^\s*INSERT INTO (\w+)", re.IGNORECASE)
_MARK = re.compile(r"\?")
# A pooled connection the server ended while it sat idle: the statement on it fails without having run, as the
# end is being read ("cannot switch to state …") or with the server's notice ("terminating connection due to
# administrator command"); a backend ended mid-statement rolls the statement back.
_ENDED = (
    asyncpg.exceptions.InternalClientError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
)
T = TypeVar("T")


def pg_sql(sql: str) -> str:
    """Number the `?` marks as $1, $2, ... (our SQL never holds a `?` inside a quoted literal)."""
    count = 0

    def number(_: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"${count}"

    return _MARK.sub(number, sql)


def _wants_id(sql: str) -> bool:
    match = _INSERT_INTO.match(sql)
    return bool(match and match.group(1).lower() in _ID_TABLES and "RETURNING" not in sql.upper())


class Cursor:
    """What an executed statement leaves: its rows, the count of rows it changed, the id it inserted."""

    def __init__(self, rows: list[asyncpg.Record], rowcount: int, lastrowid: int | None) -> None:
        self._rows = rows
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    async def fetchone(self) -> asyncpg.Record | None:
        return self._rows[0] if self._rows else None

    async def fetchall(self) -> list[asyncpg.Record]:
        return list(self._rows)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class _Pending:
    """`await conn.execute(...)` and `async with conn.execute(...) as cursor`, as aiosqlite allows both."""

    def __init__(self, conn: PgConnection, sql: str, params: Sequence[object]) -> None:
        self._run = conn._execute(sql, params)

    def __await__(self) -> Any:
        return self._run.__await__()

    async def __aenter__(self) -> Cursor:
        return await self._run

    async def __aexit__(self, *exc: object) -> None:
        return None


def _count(status: str) -> int:
    """The row count in a command status such as "UPDATE 3" or "INSERT 0 1"."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


class PgConnection:
    """A pool of connections; statements inside `transaction()` all run on that transaction's connection."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self._current: ContextVar[asyncpg.Connection | None] = ContextVar(f"pg_tx_{id(self)}", default=None)

    async def _run(self, work: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
        """Run on the transaction's connection, or on a pooled one; a pooled connection the server has just ended
        (a restart, an administrator) but the pool handed out before noticing is dropped, and the statement runs
        once more on a new one: it never started on the dead one."""
        current = self._current.get()
        if current is not None:
            return await work(current)
        async with self.pool.acquire() as conn:
            try:
                return await work(conn)
            except _ENDED:
                with suppress(asyncpg.exceptions.InterfaceError):  # already taken back by the pool
                    conn.terminate()
        async with self.pool.acquire() as conn:
            return await work(conn)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """One transaction on one pooled connection; the statements of this task inside it run there."""
        current = self._current.get()
        if current is not None:  # nested: part of the enclosing transaction
            yield current
            return
        async with self.pool.acquire() as conn, conn.transaction():
            token = self._current.set(conn)
            try:
                yield conn
            finally:
                self._current.reset(token)

    def execute(self, sql: str, params: Sequence[object] = ()) -> _Pending:
        return _Pending(self, sql, params)

    async def _execute(self, sql: str, params: Sequence[object]) -> Cursor:
        text = pg_sql(sql)

        async def work(conn: asyncpg.Connection) -> Cursor:
            if _wants_id(text):
                row = await conn.fetchrow(text + " RETURNING id", *params)
                return Cursor([], 1 if row else 0, int(row["id"]) if row else None)
            if text.lstrip().upper().startswith(("SELECT", "WITH")):
                rows = await conn.fetch(text, *params)
                return Cursor(rows, len(rows), None)
            return Cursor([], _count(await conn.execute(text, *params)), None)

        return await self._run(work)

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        batch = [tuple(row) for row in rows]
        if batch:
            await self._run(lambda conn: conn.executemany(pg_sql(sql), batch))

    async def execute_fetchall(self, sql: str, params: Sequence[object] = ()) -> list[asyncpg.Record]:
        return list(await self._run(lambda conn: conn.fetch(pg_sql(sql), *params)))

    async def close(self) -> None:
        await self.pool.close()
