"""The scheduler on its own: a small stand-in host (no bot, no Discord) over a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import discord
import pytest

from bot.config import Settings
from bot.discord_app.posting import DeliveryError, PartSent
from bot.discord_app.scheduler import DigestScheduler, PostOutcome, SchedulerHost
from bot.services.guilds import set_alerts_channel, set_schedule
from bot.services.storage import Store, open_store

GUILD, CHANNEL, ALERTS = 10, 20, 30
DUE = datetime(2026, 3, 9, 9, 0, 30, tzinfo=UTC)  # 30 s after Monday 09:00 UTC, ISO week 2026-W11


class Host:
    """Just what `SchedulerHost` asks for; posts and alerts are noted instead of sent."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.now = DUE
        self.clock = lambda: self.now
        self.members = {GUILD}
        self.posted: list[tuple[int, str, int]] = []  # (channel, title, messages sent)
        self.alerts: list[tuple[int, str]] = []
        self.failure: DeliveryError | None = None

    def is_member(self, guild_id: int) -> bool:
        return guild_id in self.members

    async def wait_until_ready(self) -> None:
        return None

    async def deliver_digest(
        self, channel_id: int, title: str, messages: Sequence[Sequence[discord.Embed]], *,
        parts_sent: int, thread_id: int | None, check_after: int | None, on_part: PartSent,
    ) -> None:
        if self.failure is not None:
            raise self.failure
        for index in range(parts_sent, len(messages)):
            await on_part(index + 1, 1000 + index, thread_id)
        self.posted.append((channel_id, title, len(messages) - parts_sent))

    async def send_alert(self, channel_id: int, text: str) -> bool:
        self.alerts.append((channel_id, text))
        return True


@pytest.fixture
async def host(tmp_path: Path) -> AsyncIterator[Host]:
    settings = Settings(db_path=tmp_path / "db.sqlite3", seeds_dir=tmp_path / "no-seeds")
    store = await open_store(settings)
    try:
        yield Host(store, settings)
    finally:
        await store.close()


def scheduler_of(host: SchedulerHost) -> DigestScheduler:
    return DigestScheduler(host)  # typed through the Protocol: the stand-in must satisfy it


async def test_the_due_week_is_posted_once_and_only_for_a_member(host: Host) -> None:
    digests = scheduler_of(host)
    assert (await digests.run_guild(GUILD)).outcome is PostOutcome.NO_SCHEDULE
    await set_schedule(host.store, GUILD, CHANNEL, 0, "09:00", "UTC")

    posted = await digests.run_guild(GUILD)
    assert (posted.outcome, posted.week) == (PostOutcome.POSTED, "2026-W11")
    assert posted.post is not None and (posted.post.status, posted.post.parts_sent) == ("posted", 1)
    assert host.posted == [(CHANNEL, "News digest, week 2026-W11", 1)]
    assert (await digests.run_guild(GUILD)).outcome is PostOutcome.ALREADY_POSTED
    assert len(host.posted) == 1

    host.members.clear()
    host.now = DUE.replace(day=16)
    assert (await digests.run_guild(GUILD)).outcome is PostOutcome.NOT_A_MEMBER


async def test_a_refused_post_is_blocked_and_told_once(host: Host) -> None:
    digests = scheduler_of(host)
    await set_schedule(host.store, GUILD, CHANNEL, 0, "09:00", "UTC")
    await set_alerts_channel(host.store, GUILD, ALERTS)
    host.failure = DeliveryError("I am not allowed to post there (Missing Access)", retry=False)

    blocked = await digests.run_guild(GUILD)
    assert (blocked.outcome, blocked.reason) == (PostOutcome.BLOCKED, "I am not allowed to post there (Missing Access)")
    assert (await digests.run_guild(GUILD)).outcome is PostOutcome.BLOCKED
    assert host.alerts == [(
        ALERTS,
        f"⚠️ Could not post the 2026-W11 digest in <#{CHANNEL}>: I am not allowed to post there (Missing Access). "
        "Fix the cause, then run `/schedule post`.",
    )]

    host.failure = None
    assert (await digests.post_now(GUILD)).outcome is PostOutcome.POSTED  # a person took the week back


async def test_a_failing_shared_source_is_told_once(host: Host) -> None:
    digests = scheduler_of(host)
    await set_alerts_channel(host.store, GUILD, ALERTS)
    source = await host.store.register_source("feed", "https://news.example/feed", "News", 0)
    await host.store.record_source_failure(source.id, "HTTP 503", None)
    await digests.check_source_alerts()
    await digests.check_source_alerts()
    assert host.alerts == [(ALERTS, "⚠️ Source **News** (https://news.example/feed) has failed 1 time(s): HTTP 503")]
