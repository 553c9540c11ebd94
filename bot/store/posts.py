"""Posting each week's digest exactly once per server: table digest_posts (claims, parts sent, outcome).

A claim 'posting' is leased to one process (lease_owner, lease_until; the lease logic of bot/store/leases.py):
only that process records parts or ends it, and another process takes it over only once the lease has run
out or its owner is known dead, never while the owner is still posting.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.records import DigestPost
from bot.store.base import StoreBase
from bot.store.leases import LEASE_LAPSED, lease_end
from bot.store.sql import placeholders, utc_now

_POST_COLUMNS = (
    "guild_id, week, channel_id, status, parts_sent, thread_id, message_id, attempts, error, updated_at,"
    " lease_owner, lease_until, last_message_id, claimed_at"
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
        self, guild_id: int, week: str, channel_id: int, *, owner: str = "", lease_seconds: float = 60.0,
        void_owner: str | None = None, force: bool = False,
    ) -> DigestPost | None:
        """Take the one right to post `week` in a server for `owner`, atomically; None when it must not post.

        A posted week is never claimed again, nor one in flight while its owner's lease runs (`void_owner`
        names an owner known to be dead: its claim is taken over at once). A failed or interrupted one is,
        resuming after the parts recorded (from the start if the channel changed). A blocked one only with
        `force`: a person asked for it after fixing the cause.
        """
        now, until = utc_now(), lease_end(lease_seconds)
        async with self.transaction():
            row = await self._one(
                f"SELECT status, channel_id, {LEASE_LAPSED} AS lapsed FROM digest_posts"
                " WHERE guild_id = ? AND week = ?",
                (now, void_owner, guild_id, week),
            )
            if row is None:
                await self.conn.execute(
                    "INSERT INTO digest_posts (guild_id, week, channel_id, status, attempts, updated_at,"
                    " lease_owner, lease_until, claimed_at) VALUES (?, ?, ?, 'posting', 1, ?, ?, ?, ?)",
                    (guild_id, week, channel_id, now, owner, until, now),
                )
            else:
                status = row["status"]
                if status == "posted" or (status == "posting" and not row["lapsed"]):
                    return None
                if status == "blocked" and not force:
                    return None
                moved = int(row["channel_id"]) != channel_id
                await self._reclaim(guild_id, week, channel_id, moved, owner, now, until)
        return await self.digest_post(guild_id, week)

    async def _reclaim(
        self, guild_id: int, week: str, channel_id: int, moved: bool, owner: str, now: str, until: str
    ) -> None:
        """Claim an existing row again for `owner`; a post moved to another channel starts over there."""
        await self.conn.execute(
            "UPDATE digest_posts SET status = 'posting', attempts = attempts + 1, error = NULL,"
            " channel_id = ?, updated_at = ?, lease_owner = ?, lease_until = ?,"
            " claimed_at = CASE WHEN ? THEN ? ELSE claimed_at END,"
            " parts_sent = CASE WHEN ? THEN 0 ELSE parts_sent END,"
            " thread_id = CASE WHEN ? THEN NULL ELSE thread_id END,"
            " message_id = CASE WHEN ? THEN NULL ELSE message_id END,"
            " last_message_id = CASE WHEN ? THEN NULL ELSE last_message_id END"
            " WHERE guild_id = ? AND week = ?",
            (channel_id, now, owner, until, moved, now, moved, moved, moved, moved, guild_id, week),
        )

    async def record_digest_part(
        self, guild_id: int, week: str, parts_sent: int, *, message_id: int | None, thread_id: int | None,
        owner: str = "", lease_seconds: float = 60.0,
    ) -> bool:
        """Note that a part went out (and renew the lease), so a retry resumes after it; the first message
        and thread are kept. False when `owner` no longer holds the claim: it must stop posting."""
        async with self.single_statement():
            cursor = await self.conn.execute(
                "UPDATE digest_posts SET parts_sent = ?, message_id = coalesce(message_id, ?),"
                " last_message_id = coalesce(?, last_message_id), thread_id = coalesce(thread_id, ?),"
                " lease_until = ?, updated_at = ?"
                " WHERE guild_id = ? AND week = ? AND status = 'posting' AND lease_owner = ?",
                (parts_sent, message_id, message_id, thread_id, lease_end(lease_seconds), utc_now(),
                 guild_id, week, owner),
            )
        return cursor.rowcount == 1

    async def renew_digest_post(self, guild_id: int, week: str, owner: str, lease_seconds: float) -> bool:
        """Keep `owner`'s claim for another `lease_seconds` while a part takes long; False when it lost it."""
        async with self.single_statement():
            cursor = await self.conn.execute(
                "UPDATE digest_posts SET lease_until = ?"
                " WHERE guild_id = ? AND week = ? AND status = 'posting' AND lease_owner = ?",
                (lease_end(lease_seconds), guild_id, week, owner),
            )
        return cursor.rowcount == 1

    async def end_digest_post(
        self, guild_id: int, week: str, status: str, error: str | None = None, *, owner: str = ""
    ) -> bool:
        """Close `owner`'s claim as 'posted', 'failed' (to be retried) or 'blocked' (waiting for a person);
        False when the claim is no longer its own (another process took it over)."""
        if status not in ("posted", "failed", "blocked"):
            raise ValueError(f"a post cannot end as {status!r}")
        async with self.single_statement():
            cursor = await self.conn.execute(
                "UPDATE digest_posts SET status = ?, error = ?, updated_at = ?, lease_owner = NULL,"
                " lease_until = NULL WHERE guild_id = ? AND week = ? AND status = 'posting' AND lease_owner = ?",
                (status, error, utc_now(), guild_id, week, owner),
            )
        return cursor.rowcount == 1

    async def digest_posts_in_flight(
        self, shard_ids: Sequence[int] | None = None, shard_count: int = 1
    ) -> list[DigestPost]:
        """The claims still 'posting': at start-up, those a stopped process left, to be taken over.

        With `shard_ids`, only servers of those shards (Discord's rule: (guild_id >> 22) % shard_count).
        """
        where, params = "status = 'posting'", []
        if shard_ids is not None:
            where += f" AND ((guild_id >> 22) % ?) IN ({placeholders(len(shard_ids))})"
            params = [shard_count, *shard_ids]
        rows = await self._all(f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE {where}", params)
        return [DigestPost(**dict(r)) for r in rows]
