"""Weeks a server's schedule does not owe: their time had passed when the schedule was set.

`/schedule set` promises the first post for the next occurrence; without this note a restart's catch-up
would post the week whose time had just passed. The note is kept with the server's told alerts (one key
per server and week), so it is deleted with the server's other data.
"""

from __future__ import annotations

from bot.store import Store

NOT_OWED = "not-owed:"


async def mark_not_owed(store: Store, guild_id: int, week: str) -> None:
    """Record that `week` is not owed by the schedule just set (its moment had already passed)."""
    await store.claim_alert(guild_id, NOT_OWED + week)


async def is_owed(store: Store, guild_id: int, week: str) -> bool:
    """Whether the scheduled job should post `week` (a post by hand ignores this)."""
    return NOT_OWED + week not in await store.alert_keys(guild_id)
