"""Weekly digests as spans of the stream of article links: table digests (one row per server and week)."""

from __future__ import annotations

from bot.core.records import DigestRecord
from bot.store.articles import ArticlesMixin
from bot.store.sql import utc_now

_DIGEST_COLUMNS = "guild_id, week, first_link, last_link, created_at"


class DigestsMixin(ArticlesMixin):
    """Recording and reading which article links each week's digest covers (up to ArticlesMixin.last_link)."""

    async def get_digest(self, guild_id: int, week: str) -> DigestRecord | None:
        row = await self._one(
            f"SELECT {_DIGEST_COLUMNS} FROM digests WHERE guild_id = ? AND week = ?", (guild_id, week)
        )
        return DigestRecord(*row) if row else None

    async def digests(self, guild_id: int) -> list[DigestRecord]:
        rows = await self._all(
            f"SELECT {_DIGEST_COLUMNS} FROM digests WHERE guild_id = ? ORDER BY week DESC", (guild_id,)
        )
        return [DigestRecord(*r) for r in rows]

    async def forget_digests(self, guild_id: int, *, week: str | None = None, since: str | None = None) -> int:
        """Delete the record of one week (or of every week recorded at or after `since`), so it is built anew."""
        where, params = "guild_id = ?", [guild_id]
        if week is not None:
            where, params = where + " AND week = ?", [*params, week]
        if since is not None:
            where, params = where + " AND created_at >= ?", [*params, since]
        async with self.transaction():
            cursor = await self.conn.execute(f"DELETE FROM digests WHERE {where}", params)
        return cursor.rowcount

    async def create_digest(self, guild_id: int, week: str, record: bool = True) -> DigestRecord:
        """Record the digest of `week`: the article links after the previous week's digest, up to now.

        If the week already has a digest its record is returned unchanged, so a rebuild covers the same
        articles and gives the same file. With `record` False a new week is only previewed, not stored.
        """
        async with self.transaction():
            existing = await self.get_digest(guild_id, week)
            if existing is not None:
                return existing
            prev = await self._one(
                "SELECT coalesce(max(last_link), 0) AS n FROM digests WHERE guild_id = ? AND week < ?",
                (guild_id, week),
            )
            later = await self._one(
                "SELECT min(first_link) AS n FROM digests WHERE guild_id = ? AND week > ?",
                (guild_id, week),
            )
            first = int(prev["n"]) if prev else 0
            last = await self.last_link()
            if later and later["n"] is not None:  # never take links a later week already covers
                last = min(last, int(later["n"]))
            last = max(first, last)
            digest = DigestRecord(guild_id, week, first, last, utc_now())
            if record:
                await self.conn.execute(
                    f"INSERT INTO digests ({_DIGEST_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                    (digest.guild_id, digest.week, digest.first_link, digest.last_link, digest.created_at),
                )
        return digest
