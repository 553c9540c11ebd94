"""Past one machine, end to end: two `digestbot poll` and two shard processes on one PostgreSQL, the real
discord.py in each against the fake Discord, and a SIGKILL in the middle of a poll and of a post: the post is
killed while Discord holds parts it has taken but the process never heard of, and is finished exactly once.

Skipped when PostgreSQL is not installed (see tests/pg_server.py).
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.digest import week_of
from bot.discord_app.render import digest_messages
from bot.services.digests import week_digest
from bot.store import Store
from bot.store.engine import open_database
from tests.fakes.discord_server import DEFAULT_CHANNELS, FakeDiscord
from tests.fakes.faults import Hold
from tests.fakes.harness import fake_discord_server
from tests.fakes.payloads import EPHEMERAL
from tests.fakes.processes import child_env, kill, start, stop, until
from tests.live_server import FeedServer, item_for, rss, running
from tests.pg_server import Cluster

FEEDS, ITEMS = 4, 40
SHARDS = 2
TOKEN = "scale-out-token-never-logged"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


async def _reached(held: Hold) -> bool:
    return held.reached.is_set()


def _shard_of(guild_id: int) -> int:
    return (guild_id >> 22) % SHARDS


async def _guilds_on_every_shard(fake: FakeDiscord) -> list[int]:
    """Build servers until each shard has two (ids are time-based, so the shard of a new one varies)."""
    while True:
        ids = list(fake.world.guilds)
        counts = Counter(_shard_of(g) for g in ids)
        if all(counts[s] >= 2 for s in range(SHARDS)):
            return ids
        await fake.add_guild(f"Server {len(ids)}", DEFAULT_CHANNELS)
        await asyncio.sleep(0.003)


async def test_two_pollers_and_two_shards_store_each_item_once_and_post_each_digest_once(
    tmp_path: Path, pg_cluster: Cluster | None
) -> None:
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    url = pg_cluster.new_database()
    async with fake_discord_server(token=TOKEN) as fake, running(FeedServer()) as server:
        env = child_env(url, fake, tmp_path, TOKEN)
        feeds = [server.set(f"/feed-{f}", rss([item_for(server.base, f * ITEMS + n) for n in range(ITEMS)]))
                 for f in range(FEEDS)]
        guild_ids = await _guilds_on_every_shard(fake)
        due = datetime.now(UTC) - timedelta(minutes=10)
        async with await open_database(url) as store:
            for location in feeds:
                await store.register_source("feed", location, location)
            for guild_id in guild_ids:
                channel = fake.channel("digests", guild_id=guild_id).id
                await store.set_schedule(guild_id, channel, due.weekday(), due.strftime("%H:%M"), "UTC")

            async def stored() -> int:
                return await store.count_articles()

            # Two pollers; the one holding the leases is killed mid-poll. The other takes over on its next poll.
            pollers = {p.pid: p for p in [await start(env, tmp_path, f"poll-{n}", "poll") for n in range(2)]}
            await until(lambda: _more_than(stored, 5), 120, "polling started")
            holders = await store._all("SELECT DISTINCT lease_owner FROM sources WHERE lease_owner IS NOT NULL")
            holder = int(str(holders[0]["lease_owner"]).split(":")[1])
            await kill(pollers.pop(holder))
            killed_at = await stored()
            assert killed_at < FEEDS * ITEMS, "the poll finished before it could be killed"
            await until(lambda: _at_least(stored, FEEDS * ITEMS), 150, "every item stored")
            for poller in pollers.values():
                await stop(poller)
            rows = await store._all("SELECT source_key, count(*) AS n FROM article_sources GROUP BY source_key")
            assert len(rows) == FEEDS * ITEMS and all(r["n"] == 1 for r in rows)
            assert await store.count_articles() == FEEDS * ITEMS

            # Shard 1's process is killed while Discord holds two parts it has taken: the forum post of one server
            # (its first part) and the third message of another, posting to a text channel.
            shard_1 = [g for g in guild_ids if _shard_of(g) == 1]
            forum_victim, text_victim = shard_1[:2]
            text_channel = fake.channel("general", guild_id=text_victim).id
            await store.set_schedule(text_victim, text_channel, due.weekday(), due.strftime("%H:%M"), "UTC")
            week = week_of(due)
            expected = await _expected_parts(store, week, guild_ids)
            assert all(len(e) > 3 for e in expected.values()), "each digest must take several messages"
            forum = fake.channel("digests", guild_id=forum_victim).id
            holds = [fake.hold_next("POST", rf"/channels/{forum}/threads"),
                     fake.hold_next("POST", rf"/channels/{text_channel}/messages", skip=2)]
            shard_args = ["run", "--shard-count", str(SHARDS), "--no-poll", "--shards"]
            doomed = await start(env, tmp_path, "shard-1-killed", *shard_args, "1")

            async def both_held() -> bool:
                return all(h.reached.is_set() for h in holds)

            await until(both_held, 60, "both held parts reached Discord")
            await kill(doomed)
            for held in holds:
                held.release()
            cut = {g: await store.digest_post(g, week) for g in (forum_victim, text_victim)}
            assert [(p.status, p.parts_sent) for p in cut.values() if p] == [("posting", 0), ("posting", 2)], cut
            assert len(_threads(fake, forum)) == 1 and len(fake.sent_messages(text_channel)) == 3

            # Then both shards run, and a second process holding shard 0 races the first for its servers. The one
            # that claimed a shard-0 server posting to a text channel is killed while Discord holds its second
            # message: the other, still running, takes the post over.
            survivor_victim = next(g for g in guild_ids if _shard_of(g) == 0)
            survivor_channel = fake.channel("general", guild_id=survivor_victim).id
            await store.set_schedule(survivor_victim, survivor_channel, due.weekday(), due.strftime("%H:%M"), "UTC")
            held = fake.hold_next("POST", rf"/channels/{survivor_channel}/messages", skip=1)
            processes = [await start(env, tmp_path, f"shard-{n}", *shard_args, str(n)) for n in range(SHARDS)]
            processes.append(await start(env, tmp_path, "shard-0-again", *shard_args, "0"))
            await until(lambda: _reached(held), 60, "the held part of a shard-0 server reached Discord")
            claim = await store.digest_post(survivor_victim, week)
            assert claim is not None and claim.lease_owner is not None
            owner = int(claim.lease_owner.split(":")[1])
            killed = next(p for p in processes if p.pid == owner)
            await kill(killed)
            held.release()
            processes.remove(killed)

            async def all_posted() -> bool:
                latest = [await store.digest_post(g, week) for g in guild_ids]
                return all(p is not None and p.status == "posted" for p in latest)

            await until(all_posted, 120, "every server posted")
            for process in processes:
                await stop(process)
            posts = {g: await store.digest_post(g, week) for g in guild_ids}
        for guild_id, post in posts.items():
            # posted once: the bot's messages in the server are that post's parts, each once, in order
            assert post is not None and post.status == "posted" and post.parts_sent == len(expected[guild_id])
            assert _parts(_guild_messages(fake, guild_id)) == expected[guild_id], guild_id
            if guild_id in (forum_victim, text_victim, survivor_victim):
                assert post.attempts == 2, post  # taken over once: by the restarted shard 1, or the survivor
            else:  # claimed by one process, or taken over once from a killed one
                assert post.attempts in (1, 2), post
        assert len(_threads(fake, forum)) == 1  # the held forum post was found, not made again


async def _expected_parts(store: Store, week: str, guild_ids: list[int]) -> dict[int, list[list[str | None]]]:
    """Each server's digest as the renderer splits it into messages: the embed titles of each, in order."""
    settings = Settings(db_path=Path("unused"))
    found = {}
    for guild_id in guild_ids:
        parts = digest_messages(await week_digest(store, settings, week, guild_id, record=False))
        found[guild_id] = [[e.title for e in part] for part in parts]
    return found


def _guild_messages(fake: FakeDiscord, guild_id: int) -> list[dict]:
    """The bot's visible messages in a server, in every channel and thread, oldest first."""
    wanted = str(guild_id)
    return [m for m in fake.world.messages.values() if m["guild_id"] == wanted and not int(m["flags"]) & EPHEMERAL]


def _parts(messages: list[dict]) -> list[list[str | None]]:
    return [[e.get("title") for e in m["embeds"]] for m in messages]


def _threads(fake: FakeDiscord, forum: int) -> list[int]:
    return [c.id for g in fake.world.guilds.values() for c in g.channels.values() if c.parent_id == forum]


async def _more_than(count: Callable[[], Awaitable[int]], n: int) -> bool:
    return await count() > n


async def _at_least(count: Callable[[], Awaitable[int]], n: int) -> bool:
    return await count() >= n
