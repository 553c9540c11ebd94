"""Running past one machine: copying the SQLite database into PostgreSQL, and which process owns what."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.errors import ConfigError, DigestBotError
from bot.services.poll import poll_sources
from bot.services.samples import samples_for_bot
from bot.services.storage import open_store
from bot.store.engine import is_postgres, sqlite_path

log = logging.getLogger(__name__)


async def migrate_to(settings_db: Path | str, url: str) -> dict[str, int]:
    """Copy the configured SQLite database into the PostgreSQL database at `url`; row counts per table."""
    if not is_postgres(url):
        raise ConfigError(f"migrate-to needs a postgresql:// URL, got {url.split('://')[0]}://…")
    if is_postgres(settings_db):
        raise ConfigError("the configured database is already PostgreSQL; set DIGESTBOT_DB to the SQLite file")
    from bot.store.postgres.copy import migrate_to as copy  # asyncpg only for those who chose PostgreSQL

    return await copy(sqlite_path(settings_db), url)


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """The shards one `digestbot run` process connects (discord.py's shard_ids of shard_count)."""

    ids: tuple[int, ...]
    count: int

    def owns(self, guild_id: int) -> bool:
        """Whether a server's events come to this process: Discord's rule, (guild_id >> 22) % shard_count."""
        return (guild_id >> 22) % self.count in self.ids


def parse_shards(text: str, count: int) -> ShardPlan:
    """Read `0-3`, `5` or `0,2,4-6` as shard ids of `count` shards; ConfigError says what is wrong."""
    ids: set[int] = set()
    for part in text.split(","):
        low, dash, high = part.strip().partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            raise ConfigError(f"--shards takes ids and ranges such as 0-3 or 0,2,5, got {text!r}")
        ids.update(range(int(low), int(high or low) + 1))
    if not ids or max(ids) >= count:
        raise ConfigError(f"--shards {text} names shards outside 0-{count - 1} (--shard-count {count})")
    return ShardPlan(tuple(sorted(ids)), count)


async def run_poller(settings: Settings, stop: asyncio.Event) -> int:
    """Poll every source every DIGESTBOT_POLL_MINUTES until `stop` is set; return the number of polls run.

    No Discord connection: the poll role of a scaled-out deployment. Leases in the database keep two
    pollers off one source at once; the bot processes then run with `--no-poll`.
    """
    runs = 0
    async with await open_store(settings) as store:
        await samples_for_bot(store, settings)  # as the bot does at its start: no server's digest gets the demo
        while not stop.is_set():
            try:
                report = await poll_sources(store, settings)
                log.info("poll: %s", report.summary())
            except DigestBotError as exc:  # the database went away, say: try again next interval
                log.error("poll failed: %s", exc)
            runs += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), settings.poll_minutes * 60)
    return runs
