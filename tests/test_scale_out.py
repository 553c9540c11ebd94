"""Past one machine, end to end: two `digestbot poll` and two shard processes on one PostgreSQL, the real
discord.py in each against the fake Discord, and a SIGKILL in the middle of a poll and of a post.

Skipped when PostgreSQL is not installed (see tests/pg_server.py).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store.engine import open_database
from tests.fakes.discord_server import DEFAULT_CHANNELS, FakeDiscord
from tests.fakes.harness import fake_discord_server
from tests.live_server import FeedServer, item_for, rss, running
from tests.pg_server import Cluster

REPO = Path(__file__).resolve().parents[1]
FEEDS, ITEMS = 4, 40
SHARDS = 2
TOKEN = "scale-out-token-never-logged"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _env(url: str, fake: FakeDiscord, folder: Path) -> dict[str, str]:
    return {
        **os.environ, "PYTHONPATH": str(REPO), "DIGESTBOT_DATABASE_URL": url, "DISCORD_TOKEN": TOKEN,
        "DIGESTBOT_SEEDS": str(folder / "no-seeds"), "DIGESTBOT_DIGESTS_DIR": str(folder / "digests"),
        "DIGESTBOT_ALLOW_PRIVATE_URLS": "1", "DIGESTBOT_POLL_MINUTES": "1", "DIGESTBOT_LOG_LEVEL": "INFO",
        "FAKE_DISCORD_API": fake.api_base, "FAKE_DISCORD_GATEWAY": fake.gateway_url,
    }


async def _start(env: dict[str, str], folder: Path, name: str, *argv: str) -> asyncio.subprocess.Process:
    log = (folder / f"{name}.log").open("wb")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fakes.run_cli", *argv, cwd=folder, env=env, stdout=log, stderr=log,
    )


async def _until(check: Callable[[], object], timeout: float, what: str) -> None:
    try:
        async with asyncio.timeout(timeout):
            while not await check():  # type: ignore[misc]
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"not within {timeout}s: {what}") from None


async def _kill(process: asyncio.subprocess.Process) -> None:
    process.send_signal(signal.SIGKILL)
    assert await process.wait() == -signal.SIGKILL


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()


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
        env = _env(url, fake, tmp_path)
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
            pollers = {p.pid: p for p in [await _start(env, tmp_path, f"poll-{n}", "poll") for n in range(2)]}
            await _until(lambda: _more_than(stored, 5), 120, "polling started")
            holders = await store._all("SELECT DISTINCT lease_owner FROM sources WHERE lease_owner IS NOT NULL")
            holder = int(str(holders[0]["lease_owner"]).split(":")[1])
            await _kill(pollers.pop(holder))
            killed_at = await stored()
            assert killed_at < FEEDS * ITEMS, "the poll finished before it could be killed"
            await _until(lambda: _at_least(stored, FEEDS * ITEMS), 150, "every item stored")
            for poller in pollers.values():
                await _stop(poller)
            rows = await store._all("SELECT source_key, count(*) AS n FROM article_sources GROUP BY source_key")
            assert len(rows) == FEEDS * ITEMS and all(r["n"] == 1 for r in rows)
            assert await store.count_articles() == FEEDS * ITEMS

            # Shard 1's process is killed while posting (seen claimed in the database; a 429 may hold it back).
            victim = next(g for g in guild_ids if _shard_of(g) == 1)
            victim_channel = fake.channel("digests", guild_id=victim).id
            fake.rate_limit_next("POST", f"/channels/{victim_channel}/messages", retry_after=30)
            shard_args = ["run", "--shard-count", str(SHARDS), "--no-poll", "--shards"]
            doomed = await _start(env, tmp_path, "shard-1-killed", *shard_args, "1")

            async def in_flight() -> bool:
                post = await store.latest_digest_post(victim)
                return post is not None and post.status == "posting"

            await _until(in_flight, 60, "shard 1 posting")
            await _kill(doomed)  # at once: its six messages take longer than this to go out

            # Then both shards run, and a second process holding shard 0 races the first for its servers.
            shards = [await _start(env, tmp_path, f"shard-{n}", *shard_args, str(n)) for n in range(SHARDS)]
            shards.append(await _start(env, tmp_path, "shard-0-again", *shard_args, "0"))

            async def all_settled() -> bool:
                latest = [await store.latest_digest_post(g) for g in guild_ids]
                return all(p is not None and p.status in ("posted", "blocked") for p in latest)

            await _until(all_settled, 120, "every server posted")
            for process in shards:
                await _stop(process)
            posts = {g: await store.latest_digest_post(g) for g in guild_ids}
        for guild_id, post in posts.items():
            assert post is not None
            sent = sum(len(fake.sent_messages(c)) for c in fake.world.guilds[guild_id].channels)
            if post.status == "blocked":
                # in flight in the killed process (the victim at least): never resumed, since the part in
                # flight may have gone out, so no part went twice (that one part may lack its record)
                assert _shard_of(guild_id) == 1 and post.parts_sent <= sent <= post.parts_sent + 1, (sent, post)
            else:  # posted once: every message the bot sent in the server is one part of that one post
                assert post.status == "posted" and post.parts_sent >= 1 and post.attempts == 1, post
                assert sent == post.parts_sent, (guild_id, sent, post)
        assert posts[victim].status == "blocked"  # type: ignore[union-attr]
        assert all(posts[g].status == "posted" for g in guild_ids if _shard_of(g) == 0)  # type: ignore[union-attr]


async def _more_than(count: Callable[[], object], n: int) -> bool:
    return await count() > n  # type: ignore[misc,operator]


async def _at_least(count: Callable[[], object], n: int) -> bool:
    return await count() >= n  # type: ignore[misc,operator]
