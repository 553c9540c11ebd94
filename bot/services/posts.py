"""Exactly-once weekly posts and once-only alerts, as the database keeps them.

A post of (server, week) is claimed before anything is sent, each part sent is noted so a retry resumes
after it, and the claim ends as posted, failed (claimable again) or blocked (until a person asks again).
An alert is noted by its key (`digest:<week>`, `source:<id>`) once Discord accepted it, so a server hears
of each cause once, and an alert Discord refused is tried again at the next check rather than lost.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.core.records import DigestPost, GuildSettings, SourceRecord
from bot.services.guilds import failing_sources
from bot.store import Store

if TYPE_CHECKING:
    from bot.services.scaling import ShardPlan

SOURCE_ALERT = "source:"


# -- which servers -----------------------------------------------------------------------------------


async def active_schedules(store: Store) -> list[GuildSettings]:
    """Every server with a complete weekly schedule that is not paused: the jobs the scheduler runs."""
    return [g for g in await store.scheduled_guilds() if not g.paused]


async def alerting_guilds(store: Store) -> list[GuildSettings]:
    """Every server with an alerts channel."""
    return await store.alerting_guilds()


# -- digest posts ------------------------------------------------------------------------------------


async def claim_post(
    store: Store, guild_id: int, week: str, channel_id: int, *, force: bool = False
) -> DigestPost | None:
    """Take the one right to post `week` in a server; None when it is posted, in flight, or blocked.

    `force` (a person asked) also takes back a blocked week.
    """
    return await store.claim_digest_post(guild_id, week, channel_id, force=force)


async def part_sent(
    store: Store, guild_id: int, week: str, parts: int, *, message_id: int | None, thread_id: int | None
) -> None:
    """Note that `parts` messages of the post went out; the first message and forum thread are kept."""
    await store.record_digest_part(guild_id, week, parts, message_id=message_id, thread_id=thread_id)


async def finish_post(store: Store, guild_id: int, week: str) -> DigestPost | None:
    """End a claim as posted; return the post as it now stands."""
    await store.end_digest_post(guild_id, week, "posted")
    return await store.digest_post(guild_id, week)


async def fail_post(store: Store, guild_id: int, week: str, reason: str, *, retry: bool) -> DigestPost | None:
    """End a claim that failed: 'failed' when trying again may work, else 'blocked' until a person acts."""
    await store.end_digest_post(guild_id, week, "failed" if retry else "blocked", reason)
    return await store.digest_post(guild_id, week)


async def digest_post(store: Store, guild_id: int, week: str) -> DigestPost | None:
    """Where a server's post of `week` stands, or None before it was ever claimed."""
    return await store.digest_post(guild_id, week)


async def latest_post(store: Store, guild_id: int) -> DigestPost | None:
    """The server's post of the latest week it claimed."""
    return await store.latest_digest_post(guild_id)


async def block_interrupted_posts(store: Store, shards: ShardPlan | None = None) -> list[DigestPost]:
    """Block the posts a stopped process left in flight (resuming could repeat a part); return them.

    With `shards`, only the posts of those shards' servers: the others belong to processes still running.
    """
    if shards is None:
        return await store.block_interrupted_posts()
    return await store.block_interrupted_posts(shards.ids, shards.count)


# -- alerts ------------------------------------------------------------------------------------------


def digest_alert(week: str) -> str:
    """The alert key of a week's post."""
    return f"digest:{week}"


def source_alert(source_id: int) -> str:
    """The alert key of a failing source."""
    return f"{SOURCE_ALERT}{source_id}"


async def claim_alert(store: Store, guild_id: int, key: str) -> bool:
    """Note that a server was told about `key`; False when it was told already."""
    return await store.claim_alert(guild_id, key)


async def alert_once(store: Store, guild_id: int, key: str, send: Callable[[], Awaitable[bool]]) -> bool:
    """Tell a server about `key` with `send` unless it was told; noted as told only after `send` succeeded.

    A crash between sending and noting repeats an alert at worst; noting first would lose a refused one.
    """
    if key in await store.alert_keys(guild_id):
        return False
    if not await send():
        return False
    return await store.claim_alert(guild_id, key)


async def source_alerts(store: Store, guild_id: int) -> dict[str, SourceRecord]:
    """The failing sources a server sees, by alert key; alerts of sources that recovered (or went) are cleared."""
    failing = {source_alert(s.id): s for s in await failing_sources(store, guild_id)}
    told = {k for k in await store.alert_keys(guild_id) if k.startswith(SOURCE_ALERT)}
    for key in told - failing.keys():
        await store.clear_alert(guild_id, key)
    return failing
