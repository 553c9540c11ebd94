"""Weekly posts through the real scheduler: on time by the bot's clock, once per week, through faults."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.discord_app.client import DigestBot
from bot.discord_app.scheduler import PostOutcome, PostResult, job_id, retry_job_id
from bot.services.poll import JOB_ID as INGEST_JOB
from bot.services.storage import open_store
from tests.discord_app.conftest import (
    ADMIN,
    MONDAY_9,
    STEP,
    STORIES,
    FakeClock,
    JobLog,
    answer,
    digest_parts,
    running_bot,
    text_of,
)
from tests.fakes import FakeDiscord
from tests.fakes.payloads import EPHEMERAL

DUE = MONDAY_9 + timedelta(seconds=30)  # Monday 9 March 2026 09:00:30 in London = ISO week 2026-W11


async def schedule(fake: FakeDiscord, channel: str, *, weekday: int = 0, at: str = "09:00") -> None:
    """Run /schedule set as an admin: the only way a server sets its schedule."""
    target = fake.channel(channel).id
    pushed = await fake.push_command(
        "schedule set", {"channel": target, "weekday": weekday, "time": at}, permissions=ADMIN
    )
    callback = await fake.wait_for_interaction_response(pushed.id)
    assert callback.data["content"].startswith("The digest will be posted in"), callback.data


async def admin(fake: FakeDiscord, name: str, **options: str | int) -> str:
    pushed = await fake.push_command(name, options, permissions=ADMIN)
    [message] = await answer(fake, pushed)
    assert message["flags"] & EPHEMERAL
    return text_of(message)


def trigger(bot: DigestBot, job: str) -> None:
    """Make APScheduler run a job now, as its trigger would at the scheduled moment."""
    bot.digests.scheduler.modify_job(job, next_run_time=datetime.now(UTC))


def titles(messages: list[dict]) -> list[str]:
    return [e["title"] for m in messages for e in m["embeds"]]


def numbers(messages: list[dict]) -> list[int]:
    """The story numbers of a digest's story embeds, in the order they were posted."""
    return [int(title.split(".", 1)[0]) for title in titles(messages) if not title.startswith("News digest")]


async def test_digest_is_posted_once_when_the_clock_reaches_the_schedule(
    fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock, jobs: JobLog, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    await schedule(fake_discord, "general")
    job = job_id(guild)

    trigger(bot, job)  # Sunday: last Monday's 09:00 is six days old, far beyond the grace period
    [early] = await jobs.wait(job)
    assert early.outcome is PostOutcome.NOT_DUE and fake_discord.sent_messages(general) == []

    clock.now = DUE
    trigger(bot, job)
    posted: PostResult = (await jobs.wait(job, 2))[1]
    assert (posted.outcome, posted.week) == (PostOutcome.POSTED, "2026-W11")
    messages = fake_discord.sent_messages(general)
    parts = await digest_parts(bot, "2026-W11", guild)
    assert len(messages) == parts >= 2 and titles(messages)[0] == "News digest, week 2026-W11"
    record = await bot.store.digest_post(guild, "2026-W11")
    assert record is not None and (record.status, record.parts_sent) == ("posted", parts)
    assert record.message_id == int(messages[0]["id"])

    clock.advance(minutes=5)
    trigger(bot, job)
    again: PostResult = (await jobs.wait(job, 3))[2]
    assert again.outcome is PostOutcome.ALREADY_POSTED and len(fake_discord.sent_messages(general)) == parts

    logged = [r.getMessage() for r in caplog.records if r.name.startswith("bot.")]
    assert sum(m.startswith(f"posted the 2026-W11 digest in server {guild}") for m in logged) == 1


async def test_catch_up_after_downtime_posts_once_and_restarts_never_post_again(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    async with running_bot(settings, clock):
        await schedule(fake_discord, "general")
    clock.now = MONDAY_9 + timedelta(hours=6)  # the bot was down at 09:00

    async def start_and_check() -> PostResult:
        log = JobLog()
        async with running_bot(settings, clock, prepare=log.attach):
            [result] = await log.wait(job_id(guild))  # the check every start makes
        return result

    caught_up = await start_and_check()
    assert (caught_up.outcome, caught_up.week) == (PostOutcome.POSTED, "2026-W11")
    posted = fake_discord.sent_messages(general)
    assert titles(posted)[0] == "News digest, week 2026-W11"
    for _ in range(2):
        assert (await start_and_check()).outcome is PostOutcome.ALREADY_POSTED
    assert fake_discord.sent_messages(general) == posted

    clock.now = MONDAY_9 + timedelta(days=7, hours=24, minutes=30)  # down through the whole next grace period
    assert (await start_and_check()).outcome is PostOutcome.NOT_DUE
    assert fake_discord.sent_messages(general) == posted


async def test_forum_gets_one_new_post_per_week(fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock,
                                                jobs: JobLog) -> None:
    forum = fake_discord.channel("digests").id
    await schedule(fake_discord, "digests")
    job = job_id(fake_discord.guild.id)
    for week, count in (("2026-W11", 1), ("2026-W12", 2)):
        clock.now = DUE + timedelta(days=7 * (count - 1))
        trigger(bot, job)
        assert (await jobs.wait(job, count))[-1].outcome is PostOutcome.POSTED
        created = fake_discord.find_requests("POST", rf"/channels/{forum}/threads")
        assert len(created) == count and created[-1].json["name"] == f"News digest, week {week}"
    first_thread = fake_discord.find_requests("POST", rf"/channels/{forum}/threads")[0]
    first = await bot.store.digest_post(fake_discord.guild.id, "2026-W11")
    assert first is not None and first.thread_id is not None and first.parts_sent >= 2
    assert len(fake_discord.sent_messages(first.thread_id)) == first.parts_sent  # the starter, then the rest
    assert first_thread.json["message"]["embeds"][0]["title"] == "News digest, week 2026-W11"
    assert first_thread.json["message"]["allowed_mentions"] == {"parse": []}


async def test_429_and_500_are_retried_and_the_digest_lands_once(
    fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock, jobs: JobLog
) -> None:
    forum = fake_discord.channel("digests").id
    await schedule(fake_discord, "digests")
    fake_discord.rate_limit_next("POST", rf"/channels/{forum}/threads", retry_after=0.2)
    fake_discord.server_error_next("POST", r"/channels/\d+/messages", status=500)
    clock.now = DUE
    started = time.monotonic()
    trigger(bot, job_id(fake_discord.guild.id))
    [result] = await jobs.wait(job_id(fake_discord.guild.id), timeout=STEP)
    assert result.outcome is PostOutcome.POSTED
    assert time.monotonic() - started >= 1.2  # Retry-After 0.2 s, then discord.py's 1 s before retrying a 500
    assert [r.status for r in fake_discord.find_requests("POST", rf"/channels/{forum}/threads")] == [429, 201]
    post = result.post
    assert post is not None and post.thread_id is not None
    statuses = [r.status for r in fake_discord.find_requests("POST", rf"/channels/{post.thread_id}/messages")]
    assert statuses == [500] + [200] * (post.parts_sent - 1)  # the starter message went with the thread
    assert len(fake_discord.sent_messages(post.thread_id)) == post.parts_sent


async def test_503_is_retried_by_the_scheduler_resuming_after_the_part_already_sent(
    fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock, jobs: JobLog
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    forum = fake_discord.channel("digests").id
    await schedule(fake_discord, "digests")
    await admin(fake_discord, "schedule alerts", channel=general)
    fake_discord.server_error_next("POST", r"/channels/\d+/messages", status=503)  # the digest's second part
    clock.now = DUE
    trigger(bot, job_id(guild))
    [failed] = await jobs.wait(job_id(guild))
    assert (failed.outcome, failed.reason) == (PostOutcome.RETRYING, "Discord answered 503 (503: Server Error)")
    [retried] = await jobs.wait(retry_job_id(guild))  # 0.2 s later (digest_retry_seconds)
    assert retried.outcome is PostOutcome.POSTED and retried.post is not None and retried.post.attempts == 2

    assert len(fake_discord.find_requests("POST", rf"/channels/{forum}/threads")) == 1
    thread_messages = fake_discord.sent_messages(int(retried.post.thread_id))  # type: ignore[arg-type]
    assert len(thread_messages) == retried.post.parts_sent
    assert titles(thread_messages)[0] == "News digest, week 2026-W11"
    assert numbers(thread_messages) == list(range(1, STORIES + 1))  # each story once, none repeated
    [alert] = fake_discord.sent_messages(general)
    assert alert["content"] == (
        f"⚠️ Could not post the 2026-W11 digest in <#{forum}>: Discord answered 503 (503: Server Error). "
        "I will try again."
    )


async def test_missing_access_and_a_deleted_channel_are_reported_once_and_the_scheduler_lives_on(
    fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock, jobs: JobLog
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    alerts = fake_discord.channel("announcements").id
    await schedule(fake_discord, "general")
    await admin(fake_discord, "schedule alerts", channel=alerts)
    job = job_id(guild)

    fake_discord.missing_access_next("POST", rf"/channels/{general}/messages")
    clock.now = DUE
    trigger(bot, job)
    [refused] = await jobs.wait(job)
    assert (refused.outcome, refused.reason) == (PostOutcome.BLOCKED, "I am not allowed to post there (Missing Access)")
    assert bot.digests.scheduler.get_job(retry_job_id(guild)) is None  # retrying cannot fix permissions
    trigger(bot, job)
    assert (await jobs.wait(job, 2))[1].outcome is PostOutcome.BLOCKED
    [alert] = fake_discord.sent_messages(alerts)  # told once, not once per run
    assert "Could not post the 2026-W11 digest" in alert["content"] and "/schedule post" in alert["content"]
    status = await fake_discord.push_command("status")
    await fake_discord.wait_for_interaction_response(status.id)
    shown = text_of(fake_discord.interaction_responses(status.id)[0].data)
    assert "2026-W11: not posted, needs attention: I am not allowed to post there (Missing Access)" in shown

    assert "2026-W11: posted in" in await admin(fake_discord, "schedule post")  # fixed; posted by hand
    assert len(fake_discord.sent_messages(general)) == await digest_parts(bot, "2026-W11", guild)
    assert bot.digests.scheduler.running and bot.digests.scheduler.get_job(INGEST_JOB) is not None

    await fake_discord.remove_channel(general)
    clock.advance(days=7)
    trigger(bot, job)
    gone: PostResult = (await jobs.wait(job, 3))[2]
    assert (gone.outcome, gone.week, gone.reason) == (PostOutcome.BLOCKED, "2026-W12", "the channel no longer exists")
    assert len(fake_discord.sent_messages(alerts)) == 2


async def test_paused_schedule_is_not_posted_and_posting_by_hand_counts_for_the_week(
    fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock, jobs: JobLog
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    await schedule(fake_discord, "general")
    await admin(fake_discord, "schedule pause")
    clock.now = DUE
    assert bot.digests.scheduler.get_job(job_id(guild)) is None
    assert (await bot.digests.run_guild(guild)).outcome is PostOutcome.PAUSED  # what a stale job would do
    assert fake_discord.sent_messages(general) == []

    assert "2026-W11: posted in" in await admin(fake_discord, "schedule post")
    assert (await admin(fake_discord, "schedule post")).startswith("Already posted this week. 2026-W11: posted in")
    await admin(fake_discord, "schedule resume")
    trigger(bot, job_id(guild))
    [result] = await jobs.wait(job_id(guild))
    parts = await digest_parts(bot, "2026-W11", guild)
    assert result.outcome is PostOutcome.ALREADY_POSTED and len(fake_discord.sent_messages(general)) == parts


async def test_a_failing_source_is_told_once_and_again_after_it_recovered(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    folder = tmp_path / "shared-articles"
    async with await open_store(settings) as store:
        source = await store.register_source("folder", str(folder), "Shared folder", 0)
        await store.set_alerts_channel(guild, general)

    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach) as bot:
        await log.wait(INGEST_JOB)  # the poll every start makes: the folder is missing
        [alert] = fake_discord.sent_messages(general)
        told = f"⚠️ Source **Shared folder** ({folder}) has failed 1 time(s): folder not found: {folder}"
        assert alert["content"] == told
        trigger(bot, INGEST_JOB)
        await log.wait(INGEST_JOB, 2)
        assert len(fake_discord.sent_messages(general)) == 1

        folder.mkdir()
        await bot.store.set_source_enabled(source.id, True)  # what `digestbot sources enable` does
        trigger(bot, INGEST_JOB)
        await log.wait(INGEST_JOB, 3)
        assert await bot.store.alert_keys(guild) == set()  # recovered: forgotten
        folder.rmdir()
        trigger(bot, INGEST_JOB)
        await log.wait(INGEST_JOB, 4)
        assert len(fake_discord.sent_messages(general)) == 2


async def test_a_server_the_bot_left_keeps_its_data_and_gets_no_post(
    fake_discord: FakeDiscord, bot: DigestBot, clock: FakeClock, jobs: JobLog
) -> None:
    guild = fake_discord.guild.id
    await schedule(fake_discord, "general")
    await fake_discord.remove_guild(guild)
    async with asyncio.timeout(STEP):
        while bot.get_guild(guild) is not None:
            await asyncio.sleep(0.01)
    clock.now = DUE
    trigger(bot, job_id(guild))
    [result] = await jobs.wait(job_id(guild))
    assert result.outcome is PostOutcome.NOT_A_MEMBER
    assert await bot.store.guild_settings(guild) is not None  # kept until an operator forgets the server
    assert not fake_discord.find_requests("POST", r"/channels/.*")
