"""Poll leases on table sources (columns lease_owner, lease_until): one poller fetches a source at a time.

Several `digestbot poll` processes may share one database. A poller takes a source's lease before fetching
it and gives it back after; a poller that dies holding one loses it when `lease_until` passes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.store.base import StoreBase
from bot.store.sql import utc_now

# A lease (columns lease_owner, lease_until) that has run out, was never taken, or whose holder is known dead:
# parameters (now, void_owner). Poll leases (here) and post claims (bot/store/posts.py) share it.
LEASE_LAPSED = "(lease_until IS NULL OR lease_until <= ? OR lease_owner = ?)"


def lease_end(seconds: float) -> str:
    """The lease_until of a lease taken or renewed now for `seconds` (ISO UTC, compared as text)."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat(timespec="seconds")


class LeasesMixin(StoreBase):
    """Taking and giving back the right to poll a source."""

    async def take_poll_lease(
        self, source_id: int, owner: str, seconds: float, *, void_owner: str | None = None
    ) -> bool:
        """Take the source's lease for `seconds` (or renew our own); False while another poller holds it.

        `void_owner` names a holder known to be dead (its process is gone): its lease is taken over at once.
        """
        async with self.single_statement():
            cursor = await self.conn.execute(
                "UPDATE sources SET lease_owner = ?, lease_until = ?"
                f" WHERE id = ? AND ({LEASE_LAPSED} OR lease_owner = ?)",
                (owner, lease_end(seconds), source_id, utc_now(), void_owner, owner),
            )
        return cursor.rowcount == 1

    async def poll_lease_owner(self, source_id: int) -> str | None:
        """Who holds the source's lease now (None when nobody does)."""
        row = await self._one(
            "SELECT lease_owner FROM sources WHERE id = ? AND lease_until > ?", (source_id, utc_now())
        )
        return str(row["lease_owner"]) if row and row["lease_owner"] else None

    async def release_poll_lease(self, source_id: int, owner: str) -> None:
        """Give the lease back (only if it is still ours), so the next poll need not wait for it to run out."""
        async with self.single_statement():
            await self.conn.execute(
                "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                (source_id, owner),
            )
