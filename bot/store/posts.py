"""Posting each week's digest exactly once per server: table digest_posts (claims, parts sent, outcome)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.records import DigestPost
from bot.store.base import StoreBase
from bot.store.sql import placeholders, utc_now

_POST_COLUMNS = (
    "guild_id, week, channel_id, status, parts_sent, thread_id, message_id, attempts, error, updated_at"
)


class PostsMixin(StoreBase):
    """Claiming a week's post, recording its parts, and closing the claim."""

    async def digest_post(self, guild_id: int, week: str) -> DigestPost | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE guild_id = ? AND week = ?", (guild_id, week)
        )
        return DigestPost(**dict(row)) if row else None

    async def latest_digest_post(self, guild_id: int) -> DigestPost | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE guild_id = ? ORDER BY week DESC LIMIT 1",
            (guild_id,),
        )
        return DigestPost(**dict(row)) if row else None

    async def claim_digest_post(
        self, guild_id: int, week: str, channel_id: int, *, force: bool = False
    ) -> DigestPost | None:
        """Take the one right to post `week` in a server, atomically; None when someone must not post.

        A posted or in-flight week is never claimed again. A failed one is, resuming after the parts
        already sent (from the start if the channel changed). A blocked one only with `force`: a person
        asked for it after fixing the cause.
        """
        async with self.transaction():
            row = await self._one(
                "SELECT status, channel_id FROM digest_posts WHERE guild_id = ? AND week = ?",
                (guild_id, week),
            )
            if row is None:
                await self.conn.execute(
                    "INSERT INTO digest_posts (guild_id, week, channel_id, status, attempts, updated_at)"
                    " VALUES (?, ?, ?, 'posting', 1, ?)",
                    (guild_id, week, channel_id, utc_now()),
                )
            else:
                if row["status"] in ("posted", "posting") or (row["status"] == "blocked" and not force):
                    return None
                moved = int(row["channel_id"]) != channel_id
                await self.conn.execute(
                    "UPDATE digest_posts SET status = 'posting', attempts = attempts + 1, error = NULL,"
                    " channel_id = ?, updated_at = ?,"
                    " parts_sent = CASE WHEN ? THEN 0 ELSE parts_sent END,"
                    " thread_id = CASE WHEN ? THEN NULL ELSE thread_id END,"
                    " message_id = CASE WHEN ? THEN NULL ELSE message_id END"
                    " WHERE guild_id = ? AND week = ?",
                    (channel_id, utc_now(), moved, moved, moved, guild_id, week),
                )
        return await self.digest_post(guild_id, week)

    async def record_digest_part(
        self, guild_id: int, week: str, parts_sent: int, *, message_id: int | None, thread_id: int | None
    ) -> None:
        """Note that a part went out, so a retry resumes after it; the first message and thread are kept."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE digest_posts SET parts_sent = ?, message_id = coalesce(message_id, ?),"
                " thread_id = coalesce(thread_id, ?), updated_at = ? WHERE guild_id = ? AND week = ?",
                (parts_sent, message_id, thread_id, utc_now(), guild_id, week),
            )

    async def end_digest_post(self, guild_id: int, week: str, status: str, error: str | None = None) -> None:
        """Close a claim as 'posted', 'failed' (to be retried) or 'blocked' (waiting for a person)."""
        if status not in ("posted", "failed", "blocked"):
            raise ValueError(f"a post cannot end as {status!r}")
        async with self.transaction():
            await self.conn.execute(
                "UPDATE digest_posts SET status = ?, error = ?, updated_at = ?"
                " WHERE guild_id = ? AND week = ?",
                (status, error, utc_now(), guild_id, week),
            )

    async def block_interrupted_posts(
        self, shard_ids: Sequence[int] | None = None, shard_count: int = 1
    ) -> list[DigestPost]:
        """Turn claims left 'posting' by a stopped process into 'blocked': resuming could repeat a part.

        With `shard_ids`, only servers of those shards (Discord's rule: (guild_id >> 22) % shard_count).
        """
        where, params = "status = 'posting'", []
        if shard_ids is not None:
            where += f" AND ((guild_id >> 22) % ?) IN ({placeholders(len(shard_ids))})"
            params = [shard_count, *shard_ids]
        async with self.transaction():
            rows = await self._all(f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE {where}", params)
            await self.conn.execute(
                "UPDATE digest_posts SET status = 'blocked', updated_at = ?,"
                f" error = 'interrupted by a restart while posting' WHERE {where}",
                (utc_now(), *params),
            )
        return [DigestPost(**dict(r)) for r in rows]
