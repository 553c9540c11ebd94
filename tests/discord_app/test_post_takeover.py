"""A post a crashed process left half sent is finished at the restart, each part once (both engines).

The crash is staged exactly where it hurts: Discord holds a part (or the forum post) the claim never recorded.
The restarted bot must ask Discord, record what it finds, and send only the rest. SIGKILLed processes are in
tests/discord_app/test_post_sigkill.py and tests/test_scale_out.py.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Sequence

import discord

from bot.config import Settings
from bot.discord_app.render import digest_messages
from bot.discord_app.scheduler import PostOutcome, job_id, resume_job_id
from bot.services.digests import week_digest
from bot.services.storage import open_store
from tests.discord_app.conftest import STEP, FakeClock, JobLog, running_bot
from tests.discord_app.test_scheduling import DUE, schedule, titles
from tests.fakes import FakeDiscord
from tests.fakes.payloads import PUBLIC_THREAD, READ_MESSAGE_HISTORY

WEEK = "2026-W11"


def dead_owner() -> str:
    """The lease owner name of a process of this host that no longer runs."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return f"{socket.gethostname()}:{int(gone.stdout)}:1"


def as_sent(fake: FakeDiscord, channel_id: int, part: Sequence[discord.Embed], message_id: int | None = None) -> int:
    """Store a part in the fake as the bot's own message, as Discord would after accepting it."""
    body = {"embeds": [e.to_dict() for e in part]}
    return int(fake.world.store_message(channel_id, body, [], 0, webhook=False, message_id=message_id)["id"])


def expected_titles(parts: Sequence[Sequence[discord.Embed]]) -> list[str | None]:
    return [e.title for part in parts for e in part]


async def due_in(channel: str, fake: FakeDiscord, settings: Settings, clock: FakeClock) -> tuple[int, int]:
    """Schedule the server's weekly post in `channel` and move the clock to when it is due; (guild, channel)."""
    async with running_bot(settings, clock):
        await schedule(fake, channel)
    clock.now = DUE
    return fake.guild.id, fake.channel(channel).id


async def crash_after(settings: Settings, fake: FakeDiscord, channel_id: int) -> list[list[discord.Embed]]:
    """Stage what a process killed mid-post leaves in a text channel: all parts but the last went out, the
    last of those unrecorded (accepted by Discord; the process died before it could record it)."""
    guild = fake.guild.id
    async with await open_store(settings) as store:
        parts = digest_messages(await week_digest(store, settings, WEEK, guild))
        assert len(parts) >= 2, "the seeded week must take several messages"
        owner = dead_owner()
        await store.claim_digest_post(guild, WEEK, channel_id, owner=owner, lease_seconds=600)
        for number, part in enumerate(parts[:-1], 1):
            message_id = as_sent(fake, channel_id, part)
            if number < len(parts) - 1:
                await store.record_digest_part(guild, WEEK, number, message_id=message_id, thread_id=None, owner=owner)
    return parts


async def outcomes(log: JobLog, guild: int) -> set[PostOutcome]:
    """What the start-up's take-over and its weekly catch-up did (one posts, the other finds it posted)."""
    resumed = await log.wait(resume_job_id(guild), timeout=3 * STEP)
    caught_up = await log.wait(job_id(guild), timeout=3 * STEP)
    return {r.outcome for r in resumed + caught_up}


async def test_a_crash_after_discord_took_a_part_is_finished_at_restart_each_part_once(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild, general = await due_in("general", fake_discord, settings, clock)
    parts = await crash_after(settings, fake_discord, general)
    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach):
        assert await outcomes(log, guild) == {PostOutcome.POSTED, PostOutcome.ALREADY_POSTED}
    sent = fake_discord.sent_messages(general)
    assert titles(sent) == expected_titles(parts)  # every part once, in order, nothing missing
    assert len(sent) == len(parts)
    async with await open_store(settings) as store:
        post = await store.digest_post(guild, WEEK)
    assert post is not None and (post.status, post.parts_sent, post.attempts) == ("posted", len(parts), 2)
    assert (post.message_id, post.last_message_id) == (int(sent[0]["id"]), int(sent[-1]["id"]))


async def test_a_crash_after_discord_made_the_forum_post_is_finished_in_that_post(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild, forum = await due_in("digests", fake_discord, settings, clock)
    async with await open_store(settings) as store:
        parts = digest_messages(await week_digest(store, settings, WEEK, guild))
        await store.claim_digest_post(guild, WEEK, forum, owner=dead_owner(), lease_seconds=600)
        # Discord made the forum post (its starter message shares the thread's id); nothing was recorded
        thread = fake_discord.world.add_channel(fake_discord.guild, WEEK, PUBLIC_THREAD, position=0, parent_id=forum)
        as_sent(fake_discord, thread.id, parts[0], message_id=thread.id)
    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach):
        assert await outcomes(log, guild) == {PostOutcome.POSTED, PostOutcome.ALREADY_POSTED}
    threads = [c for c in fake_discord.guild.channels.values() if c.parent_id == forum]
    assert [t.id for t in threads] == [thread.id]  # no second forum post
    assert titles(fake_discord.sent_messages(thread.id)) == expected_titles(parts)
    async with await open_store(settings) as store:
        post = await store.digest_post(guild, WEEK)
    assert post is not None and (post.status, post.parts_sent, post.thread_id) == ("posted", len(parts), thread.id)


async def test_a_post_whose_owner_still_holds_its_lease_waits_then_is_taken_over_when_it_runs_out(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild, general = await due_in("general", fake_discord, settings, clock)
    parts = await crash_after(settings, fake_discord, general)
    async with await open_store(settings) as store:  # owned by a process on another host, which then stalls
        post = await store.digest_post(guild, WEEK)
        assert post is not None and post.lease_owner is not None
        await store.conn.execute("UPDATE digest_posts SET lease_owner = ?", ("elsewhere:1:1",))
        assert await store.renew_digest_post(guild, WEEK, "elsewhere:1:1", 2)
    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach):
        [first] = await log.wait(resume_job_id(guild), timeout=STEP)
        assert first.outcome is PostOutcome.BUSY
        assert len(fake_discord.sent_messages(general)) == len(parts) - 1  # nothing sent while it may still post
        results = await log.wait(resume_job_id(guild), count=2, timeout=3 * STEP)
        assert results[-1].outcome is PostOutcome.POSTED
    assert titles(fake_discord.sent_messages(general)) == expected_titles(parts)


async def test_without_read_message_history_an_interrupted_post_waits_for_a_person(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild, general = await due_in("general", fake_discord, settings, clock)
    parts = await crash_after(settings, fake_discord, general)
    for role in fake_discord.guild.roles:
        role["permissions"] = str(int(role["permissions"]) & ~READ_MESSAGE_HISTORY)
    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach):
        results = await log.wait(resume_job_id(guild), timeout=3 * STEP)
    assert results[0].outcome is PostOutcome.BLOCKED and "Read Message History" in (results[0].reason or "")
    assert len(fake_discord.sent_messages(general)) == len(parts) - 1  # nothing repeated, nothing guessed
