"""Where articles come from: table sources (folders, feeds and pages, shared or one server's), with their health.

Deleting sources also re-points, in table articles, the primary source of the articles another source still
carries, so that the cascade from a deleted source spares them.
"""

from __future__ import annotations

import aiosqlite

from bot.core.records import SourceRecord
from bot.store.base import StoreBase
from bot.store.sql import MAX_SOURCE_NAME, clip, utc_now

_SOURCE_COLUMNS = (
    "s.id, s.kind, s.location, s.name, s.guild_id, s.enabled, s.poll, s.etag, s.last_modified,"
    " s.last_success, s.last_error, s.failures, s.next_attempt, s.disabled_reason, s.created_at,"
    " (SELECT count(DISTINCT l.article_id) FROM article_sources l WHERE l.source_id = s.id) AS articles"
)


def _source(row: aiosqlite.Row) -> SourceRecord:
    values = dict(row)
    values["enabled"] = bool(values["enabled"])
    values["poll"] = bool(values["poll"])
    return SourceRecord(**values)


class SourcesMixin(StoreBase):
    """Creating, listing, polling bookkeeping and removing sources."""

    async def ensure_source(self, kind: str, location: str, name: str, guild_id: int = 0) -> int:
        """Return the id of the source at `location`, creating it if new (safe when two processes race)."""
        row = await self._one(
            "SELECT id FROM sources WHERE guild_id = ? AND location = ?", (guild_id, location)
        )
        if row:
            return int(row["id"])
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO sources (kind, location, name, guild_id, created_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, location) DO NOTHING",
                (kind, location, clip(name, MAX_SOURCE_NAME), guild_id, utc_now()),
            )
            row = await self._one(
                "SELECT id FROM sources WHERE guild_id = ? AND location = ?", (guild_id, location)
            )
        return int(row["id"]) if row else 0

    async def list_sources(self, guild_id: int | None = None) -> list[SourceRecord]:
        """Return the sources of one guild (0: shared), or of every guild when `guild_id` is None."""
        if guild_id is None:
            rows = await self._all(f"SELECT {_SOURCE_COLUMNS} FROM sources s ORDER BY s.guild_id, s.id")
        else:
            rows = await self._all(
                f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.guild_id = ? ORDER BY s.id", (guild_id,)
            )
        return [_source(r) for r in rows]

    async def register_source(
        self, kind: str, location: str, name: str, guild_id: int = 0, *, rename: bool = False
    ) -> SourceRecord:
        """Create a polled source, or mark an existing one at this location as polled (renamed if `rename`)."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO sources (kind, location, name, guild_id, poll, created_at)"
                " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (guild_id, location) DO UPDATE SET poll = 1,"
                " name = CASE WHEN ? THEN excluded.name ELSE sources.name END",
                (kind, location, clip(name, MAX_SOURCE_NAME), guild_id, utc_now(), rename),
            )
        rows = await self._all(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.guild_id = ? AND s.location = ?",
            (guild_id, location),
        )
        return _source(rows[0])

    async def get_source(self, source_id: int) -> SourceRecord | None:
        row = await self._one(f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.id = ?", (source_id,))
        return _source(row) if row else None

    async def remove_source(self, source_id: int) -> None:
        """Delete a source and the articles no other source carries."""
        async with self.transaction():
            await self._delete_sources("SELECT CAST(? AS INTEGER)", source_id)

    async def _delete_sources(self, doomed: str, param: int) -> None:
        """Delete the sources `doomed` selects, and the articles no other source carries.

        An article that another source carries too gets that source's link as its primary first, so the
        cascade from its primary source (sentences, quotes and, by trigger, FTS rows) spares it.
        """
        await self.conn.execute(
            "UPDATE articles SET (source_id, source_key) = (SELECT l.source_id, l.source_key"
            f" FROM article_sources l WHERE l.article_id = articles.id AND l.source_id NOT IN ({doomed})"
            f" ORDER BY l.id LIMIT 1) WHERE source_id IN ({doomed}) AND EXISTS (SELECT 1 FROM article_sources l"
            f" WHERE l.article_id = articles.id AND l.source_id NOT IN ({doomed}))",
            (param, param, param),
        )
        await self.conn.execute(f"DELETE FROM sources WHERE id IN ({doomed})", (param,))

    # health --------------------------------------------------------------------------------------

    async def record_source_result(self, source_id: int, error: str | None) -> None:
        """Keep a source's health: last success, or last error and the failure count."""
        async with self.transaction():
            if error is None:
                await self.conn.execute(
                    "UPDATE sources SET last_success = ?, last_error = NULL, failures = 0 WHERE id = ?",
                    (utc_now(), source_id),
                )
            else:
                await self.conn.execute(
                    "UPDATE sources SET last_error = ?, failures = failures + 1 WHERE id = ?",
                    (error, source_id),
                )

    async def set_source_enabled(self, source_id: int, enabled: bool, reason: str | None = None) -> None:
        """Switch polling on (forgetting past failures, so it is tried at once) or off with a reason."""
        async with self.transaction():
            if enabled:
                await self.conn.execute(
                    "UPDATE sources SET enabled = 1, disabled_reason = NULL, failures = 0,"
                    " next_attempt = NULL WHERE id = ?",
                    (source_id,),
                )
            else:
                await self.conn.execute(
                    "UPDATE sources SET enabled = 0, disabled_reason = ? WHERE id = ?", (reason, source_id)
                )

    async def record_source_success(
        self, source_id: int, etag: str | None, last_modified: str | None
    ) -> None:
        """Mark a poll good and keep the validators for the next conditional GET (once items are saved)."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE sources SET last_success = ?, last_error = NULL, failures = 0, next_attempt = NULL,"
                " etag = ?, last_modified = ? WHERE id = ?",
                (utc_now(), etag, last_modified, source_id),
            )

    async def record_source_partial(self, source_id: int, note: str) -> None:
        """Mark a poll good but unfinished (its deadline passed): the note shows in the source's health, the
        validators are dropped so the next poll reads the feed again, and no failure is counted."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE sources SET last_success = ?, last_error = ?, failures = 0, next_attempt = NULL,"
                " etag = NULL, last_modified = NULL WHERE id = ?",
                (utc_now(), note, source_id),
            )

    async def record_source_failure(
        self, source_id: int, error: str, next_attempt: str | None, disabled_reason: str | None = None
    ) -> None:
        """Count a failed poll, schedule the retry and, given a reason, disable the source."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE sources SET last_error = ?, failures = failures + 1, next_attempt = ? WHERE id = ?",
                (error, next_attempt, source_id),
            )
            if disabled_reason is not None:
                await self.conn.execute(
                    "UPDATE sources SET enabled = 0, disabled_reason = ? WHERE id = ?",
                    (disabled_reason, source_id),
                )
