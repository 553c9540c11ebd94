"""Exactly-once weekly posts and once-only alerts, as the database keeps them.

A post of (server, week) is claimed before anything is sent, leased to this process and renewed while it
posts; each part sent is noted so a retry resumes after it, and the claim ends as posted, failed (claimable
again) or blocked (until a person asks again). A claim left 'posting' by a process that died is taken over
once its lease runs out (at once when the owner was a process of this host that no longer runs); whoever
takes it over asks Discord which parts already went out before sending the rest (bot/discord_app/posting.py).
An alert is noted by its key (`digest:<week>`, `source:<id>`) once Discord accepted it, so a server hears
of each cause once, and an alert Discord refused is tried again at the next check rather than lost.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.core.records import DigestPost, GuildSettings, SourceRecord
from bot.services.guilds import failing_sources
from bot.services.leases import dead_on_this_host, lease_owner
from bot.store import Store

if TYPE_CHECKING:
    from bot.services.scaling import ShardPlan

SOURCE_ALERT = "source:"
# How long a claim stays ours without a renewal: long enough to ride out a slow part or a database hiccup
# (the poster renews it every POST_RENEW seconds), short enough that a post whose process died on another
# host resumes within a minute.
POST_LEASE = 60.0
POST_RENEW = POST_LEASE / 4


class ClaimLost(Exception):
    """Our claim on a post ran out and another process took it over: it finishes the post, we stop."""


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

    A claim left in flight by a process that died is taken over (its lease ran out, or its owner is a
    process of this host that no longer runs). `force` (a person asked) also takes back a blocked week.
    """
    owner = lease_owner(store)
    post = await store.claim_digest_post(
        guild_id, week, channel_id, owner=owner, lease_seconds=POST_LEASE, force=force
    )
    if post is not None:
        return post
    held = await store.digest_post(guild_id, week)
    if held is None or held.status != "posting" or not held.lease_owner or not dead_on_this_host(held.lease_owner):
        return None
    return await store.claim_digest_post(
        guild_id, week, channel_id, owner=owner, lease_seconds=POST_LEASE, void_owner=held.lease_owner, force=force
    )


def taken_over(post: DigestPost) -> bool:
    """Whether an earlier attempt may have left a part Discord accepted but the claim never recorded.

    A first attempt has nothing before it; a later one follows a crash or a failure mid-part, which Discord
    may have accepted all the same (a timeout), so it asks Discord before sending anything.
    """
    return post.attempts > 1


async def part_sent(
    store: Store, guild_id: int, week: str, parts: int, *, message_id: int | None, thread_id: int | None
) -> None:
    """Note that `parts` messages of the post went out, renewing our claim; the first message and forum
    thread are kept. ClaimLost when another process took the claim over: we must stop posting."""
    if not await store.record_digest_part(
        guild_id, week, parts, message_id=message_id, thread_id=thread_id, owner=lease_owner(store),
        lease_seconds=POST_LEASE,
    ):
        raise ClaimLost(f"the {week} post of server {guild_id} was taken over by another process")


async def keep_claim(store: Store, guild_id: int, week: str) -> bool:
    """Renew our claim while a post is under way; False when another process took it over."""
    return await store.renew_digest_post(guild_id, week, lease_owner(store), POST_LEASE)


async def finish_post(store: Store, guild_id: int, week: str) -> DigestPost | None:
    """End our claim as posted; return the post as it now stands."""
    await store.end_digest_post(guild_id, week, "posted", owner=lease_owner(store))
    return await store.digest_post(guild_id, week)


async def fail_post(store: Store, guild_id: int, week: str, reason: str, *, retry: bool) -> DigestPost | None:
    """End our claim after a failure: 'failed' when trying again may work, else 'blocked' until a person
    acts. A claim another process took over meanwhile is left to it."""
    await store.end_digest_post(guild_id, week, "failed" if retry else "blocked", reason, owner=lease_owner(store))
    return await store.digest_post(guild_id, week)


async def posts_in_flight(store: Store, shards: ShardPlan | None = None) -> list[DigestPost]:
    """The posts left 'posting' (by a process that stopped, or one still at it); with `shards`, only those
    of their servers: the others belong to other processes."""
    if shards is None:
        return await store.digest_posts_in_flight()
    return await store.digest_posts_in_flight(shards.ids, shards.count)


async def digest_post(store: Store, guild_id: int, week: str) -> DigestPost | None:
    """Where a server's post of `week` stands, or None before it was ever claimed."""
    return await store.digest_post(guild_id, week)


async def latest_post(store: Store, guild_id: int) -> DigestPost | None:
    """The server's post of the latest week it claimed."""
    return await store.latest_digest_post(guild_id)


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
