"""The sample articles in `seeds/` as the demo they are: a source only until the operator adds a real one.

The command line uses them while no other shared source exists, so the first `digestbot digest` shows
something. Once a real source is added, the bot runs, or the operator removes them, they are retired: their
articles and the digests they went into are deleted, and a switched-off row keeps them out from then on.

The samples folder is known by its marker file. DIGESTBOT_SEEDS pointing at a folder of the operator's own
(as older versions suggested) is an ordinary shared source, polled by both adapters and never retired.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.config import Settings
from bot.core.records import SourceRecord
from bot.store import Store

log = logging.getLogger(__name__)

MARKER = ".digestbot-samples"  # in seeds/: these are the fictional samples, not the operator's articles
SAMPLES_OFF = "the sample articles are off; `digestbot sources enable` brings them back while no other source exists"


def samples_location(settings: Settings) -> str:
    """Where the sample folder is, as a source's location."""
    return str(Path(settings.seeds_dir).resolve())


def is_samples_folder(settings: Settings) -> bool:
    """Whether DIGESTBOT_SEEDS is the shipped samples folder (rather than a folder of the operator's own)."""
    return (Path(settings.seeds_dir) / MARKER).is_file()


async def samples_source(store: Store, settings: Settings) -> SourceRecord | None:
    """The shared source row of the sample folder, on or off; None when it was never used."""
    location = samples_location(settings)
    return next((s for s in await store.list_sources(0) if s.location == location), None)


async def use_samples(store: Store, settings: Settings) -> SourceRecord | None:
    """Make the samples a polled source while no other shared source exists; retire them once one does."""
    location = samples_location(settings)
    shared = await store.list_sources(0)
    samples = next((s for s in shared if s.location == location), None)
    if not is_samples_folder(settings):
        return await _own_seeds_folder(store, settings, samples)
    if any(s.location != location for s in shared):
        if samples is not None and (samples.enabled or samples.articles):
            await retire_samples(store, samples)
        return None
    if samples is not None and not samples.enabled:
        return None  # removed or switched off by the operator: that sticks
    folder = Path(settings.seeds_dir)
    if not folder.is_dir():
        return None
    return await store.register_source("folder", location, folder.resolve().name, 0)


async def _own_seeds_folder(store: Store, settings: Settings, known: SourceRecord | None) -> SourceRecord | None:
    """DIGESTBOT_SEEDS naming the operator's own folder: an ordinary source (unless they switched it off)."""
    folder = Path(settings.seeds_dir)
    if (known is not None and not known.enabled) or not folder.is_dir():
        return None
    return await store.register_source("folder", samples_location(settings), folder.resolve().name, 0)


async def retire_samples(store: Store, source: SourceRecord) -> None:
    """Delete the sample articles and the digests they went into, and keep a switched-off row for them."""
    await store.remove_source(source.id)
    await store.forget_digests(0, since=source.created_at)
    kept = await store.ensure_source("folder", source.location, source.name, 0)
    await store.set_source_enabled(kept, False, SAMPLES_OFF)
    log.info("retired the sample articles (%s): %d articles deleted", source.location, source.articles)


async def samples_for_bot(store: Store, settings: Settings) -> None:
    """At the bot's start: retire the samples, so no server sees them; an own seeds folder is a source."""
    samples = await samples_source(store, settings)
    if not is_samples_folder(settings):
        await _own_seeds_folder(store, settings, samples)
    elif samples is not None and (samples.enabled or samples.articles):
        await retire_samples(store, samples)


async def after_removal(store: Store, settings: Settings, removed: SourceRecord) -> None:
    """After `sources remove` of the samples, keep a switched-off row so the next ingest does not bring them back."""
    if removed.guild_id != 0 or removed.location != samples_location(settings):
        return
    if is_samples_folder(settings):
        await retire_samples(store, removed)
    else:  # the operator's own folder: its articles went with it; keep it from coming back
        kept = await store.ensure_source("folder", removed.location, removed.name, 0)
        await store.set_source_enabled(kept, False, "removed; `digestbot sources enable` polls it again")


async def forget_week(store: Store, week: str) -> bool:
    """Forget which articles the operator's digest of `week` holds, so the next build takes them anew."""
    return bool(await store.forget_digests(0, week=week))
