"""A server's own settings: digest filters, weekly schedule, alerts channel, status figures, forgetting it.

Guild 0 stands for the operator's shared sources: it has no settings of its own and cannot be forgotten.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.core.filters import MAX_FILTERS, Filters, normalise_phrase
from bot.core.records import GuildSettings, SourceRecord
from bot.errors import InputError, NotFoundError
from bot.services.sources import visible_sources
from bot.store import Store

log = logging.getLogger(__name__)

FILTER_KINDS = ("include", "exclude")


# -- settings ----------------------------------------------------------------------------------------


async def guild_settings(store: Store, guild_id: int) -> GuildSettings | None:
    """A server's schedule and alerts channel; None until it set either."""
    return await store.guild_settings(guild_id)


async def set_schedule(
    store: Store, guild_id: int, channel_id: int, weekday: int, time_of_day: str, timezone: str
) -> None:
    """Post the digest weekly in `channel_id` on `weekday` (Monday = 0) at `time_of_day` (HH:MM) in `timezone`.

    The caller has checked the time and zone; saving a schedule also resumes a paused one.
    """
    if not 0 <= weekday <= 6:
        raise InputError("weekday must be 0 (Monday) to 6 (Sunday)")
    await store.set_schedule(guild_id, channel_id, weekday, time_of_day, timezone)


async def pause_schedule(store: Store, guild_id: int, paused: bool) -> None:
    """Pause or resume a server's weekly digest; InputError when it has no schedule to pause."""
    if not await store.set_paused(guild_id, paused):
        raise InputError("there is no schedule yet: set one with /schedule set")


async def set_alerts_channel(store: Store, guild_id: int, channel_id: int | None) -> None:
    """Send the server's alerts to `channel_id`, or with None switch them off."""
    await store.set_alerts_channel(guild_id, channel_id)


# -- filters -----------------------------------------------------------------------------------------


async def guild_filters(store: Store, guild_id: int) -> Filters:
    """The phrases a server's digest keeps and leaves out."""
    return Filters.from_rows(await store.guild_filters(guild_id))


async def add_filter(store: Store, guild_id: int, kind: str, phrase: str) -> Filters:
    """Include or exclude a phrase (switching an existing one's kind); at most MAX_FILTERS per server."""
    if kind not in FILTER_KINDS:
        raise ValueError(f"a filter is 'include' or 'exclude', not {kind!r}")
    cleaned = normalise_phrase(phrase)
    current = await store.guild_filters(guild_id)
    if len(current) >= MAX_FILTERS and cleaned not in {p for _, p in current}:
        raise InputError(f"a server can have at most {MAX_FILTERS} filters; remove one first")
    await store.set_guild_filter(guild_id, kind, cleaned)
    return await guild_filters(store, guild_id)


async def remove_filter(store: Store, guild_id: int, phrase: str) -> Filters:
    """Remove a filter however it is spelt; NotFoundError when the server has no such filter."""
    if not await store.remove_guild_filter(guild_id, normalise_phrase(phrase)):
        raise NotFoundError(f"there is no filter {phrase.strip()[:100]!r}")
    return await guild_filters(store, guild_id)


async def matching_filters(store: Store, guild_id: int, typed: str) -> list[tuple[str, str]]:
    """(kind, phrase) of the server's filters whose phrase contains what the user is typing."""
    needle = typed.casefold()
    return [(kind, phrase) for kind, phrase in await store.guild_filters(guild_id) if needle in phrase]


# -- status ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuildStatus:
    """What the bot holds for a server: articles it sees, when one was last added, its sources' health."""

    articles: int
    last_ingest: datetime | None
    sources: list[SourceRecord]  # shared ones first, then its own
    failing: list[SourceRecord]  # of those, the ones whose last fetch failed


def _failing(sources: Sequence[SourceRecord]) -> list[SourceRecord]:
    return [s for s in sources if s.failures > 0]


async def failing_sources(store: Store, guild_id: int) -> list[SourceRecord]:
    """The sources a server sees (shared or its own) whose last fetch failed, disabled ones included."""
    return _failing(await visible_sources(store, guild_id))


async def guild_status(store: Store, guild_id: int) -> GuildStatus:
    """Count the articles a server sees, find its last ingest, and list its sources with the failing ones."""
    last = await store.last_ingest(guild_id)
    sources = await visible_sources(store, guild_id)
    return GuildStatus(
        articles=await store.count_articles(guild_id),
        last_ingest=datetime.fromisoformat(last) if last else None,
        sources=sources,
        failing=_failing(sources),
    )


# -- forgetting --------------------------------------------------------------------------------------


async def guild_is_known(store: Store, guild_id: int) -> bool:
    """Whether a server left anything here: settings, its own sources or digests."""
    return bool(
        await store.guild_settings(guild_id) or await store.list_sources(guild_id) or await store.digests(guild_id)
    )


async def forget_guild(store: Store, guild_id: int) -> None:
    """Delete everything a server added: settings, filters, posts, alerts, digests, its sources and articles."""
    if guild_id <= 0:
        raise InputError("server 0 holds the shared sources; it cannot be forgotten")
    await store.forget_guild(guild_id)
    log.info("forgot server %s", guild_id)
