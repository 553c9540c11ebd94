"""Schedule edge cases with the real discord.py client against the fake Discord.

A grace of 0 hours still posts (the job starts a few ms after its time); a schedule set after this week's
time has passed is not posted at the next restart (the reply promised next week); a week skipped as too
late, and a shutdown, are logged; the bot waits for Discord when the network is not up yet.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import timedelta

import discord.http
import pytest

from bot.config import Settings
from bot.discord_app import client as client_module
from bot.discord_app.client import DigestBot, run_bot
from bot.discord_app.scheduler import PostOutcome, PostResult, job_id
from tests.discord_app.conftest import MONDAY_9, STEP, FakeClock, JobLog, running_bot, with_settings
from tests.discord_app.test_scheduling import schedule, titles, trigger
from tests.fakes import FakeDiscord
from tests.fakes.harness import fake_discord_server


async def restart_and_check(settings: Settings, clock: FakeClock, guild: int) -> PostResult:
    """Start the bot again and return what its start-up check of the server's job did."""
    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach):
        [result] = await log.wait(job_id(guild))
    return result


async def test_a_grace_of_zero_hours_still_posts_on_time(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    settings = with_settings(settings, digest_grace_hours=0)
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    jobs = JobLog()
    async with running_bot(settings, clock, prepare=jobs.attach) as bot:
        await schedule(fake_discord, "general")
        clock.now = MONDAY_9 + timedelta(milliseconds=7)  # the job starts a few ms after 09:00
        trigger(bot, job_id(guild))
        [posted] = await jobs.wait(job_id(guild))
        assert (posted.outcome, posted.week) == (PostOutcome.POSTED, "2026-W11")
        assert titles(fake_discord.sent_messages(general))[0] == "News digest, week 2026-W11"
    # with no grace, coming back an hour late does not post, and the log says so
    clock.now = MONDAY_9 + timedelta(days=7, hours=1)
    caplog.set_level(logging.WARNING, logger="bot.discord_app.scheduler")
    assert (await restart_and_check(settings, clock, guild)).outcome is PostOutcome.NOT_DUE
    [skipped] = [m for m in caplog.messages if "2026-W12 digest" in m]
    assert "more than DIGESTBOT_DIGEST_GRACE_HOURS=0 ago: skipped" in skipped and "/schedule post" in skipped


async def test_a_schedule_set_after_this_weeks_time_waits_for_next_week_even_across_a_restart(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    clock.now = MONDAY_9 + timedelta(hours=1)  # Monday 10:00; the schedule says Mondays 09:00
    async with running_bot(settings, clock):
        await schedule(fake_discord, "general")
    result = await restart_and_check(settings, clock, guild)
    assert (result.outcome, result.week) == (PostOutcome.NOT_DUE, "2026-W11")
    assert fake_discord.sent_messages(general) == []
    clock.now = MONDAY_9 + timedelta(days=7, seconds=20)  # the week promised
    result = await restart_and_check(settings, clock, guild)
    assert (result.outcome, result.week) == (PostOutcome.POSTED, "2026-W12")


async def test_a_schedule_set_before_its_time_is_still_caught_up_after_downtime(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    guild = fake_discord.guild.id
    clock.now = MONDAY_9 - timedelta(hours=1)  # set at 08:00, the bot then down over 09:00
    async with running_bot(settings, clock):
        await schedule(fake_discord, "general")
    clock.now = MONDAY_9 + timedelta(hours=3)
    result = await restart_and_check(settings, clock, guild)
    assert (result.outcome, result.week) == (PostOutcome.POSTED, "2026-W11")


async def test_shutdown_is_logged(settings: Settings, clock: FakeClock, fake_discord: FakeDiscord,
                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.discord_app")
    async with running_bot(settings, clock):
        pass
    assert "shutting down" in caplog.messages and "stopped" in caplog.messages
    assert any(m.startswith("scheduler stopped") for m in caplog.messages)


async def test_the_bot_keeps_trying_until_discord_can_be_reached(
    settings: Settings, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(client_module, "RETRY_FIRST", 0.1)
    caplog.set_level(logging.WARNING, logger="bot.discord_app.client")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the block ends: as with no network
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    bot = DigestBot(settings, clock=clock, guild_ready_timeout=0.01)
    ready = asyncio.Event()

    async def on_ready() -> None:
        ready.set()

    bot.add_listener(on_ready, "on_ready")
    runner = asyncio.create_task(run_bot(settings, bot))
    async with asyncio.timeout(STEP):
        while sum("cannot reach Discord" in m for m in caplog.messages) < 2:  # a second try, after a wait
            await asyncio.sleep(0.05)
    assert not runner.done()  # waiting, not exited
    async with fake_discord_server():  # the network comes up
        await asyncio.wait_for(ready.wait(), STEP * 2)
        await asyncio.wait_for(bot.close(), STEP)
        await asyncio.wait_for(runner, STEP)
    assert bot.is_ready() is False  # closed again, after it had been ready


async def test_sigterm_while_waiting_for_the_network_stops_at_once(
    settings: Settings, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "RETRY_FIRST", 60.0)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    bot = DigestBot(settings, clock=clock)
    runner = asyncio.create_task(run_bot(settings, bot))
    await asyncio.sleep(0.5)
    await bot.close()
    await asyncio.wait_for(runner, STEP)  # not a minute later
