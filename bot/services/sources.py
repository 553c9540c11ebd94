"""Manage live sources: add feeds (discovering them from web pages) and folders, find, switch and remove them.

Used by both adapters; guild 0 holds the shared sources the operator adds with the command line. Only the
operator may add folders: a Discord member must never make the bot read the server's disk.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import Settings
from bot.core.files import printable
from bot.core.normalise import normalise_field
from bot.core.records import SourceRecord
from bot.errors import InputError, NotFoundError
from bot.store import Store
from bot.web.feeds import Feed, FeedError, discover_feed_links, looks_like_html, parse_feed
from bot.web.fetch import Fetcher, FetchError, FetchSettings
from bot.web.urls import URLError, check_url, normalise_url, url_key

log = logging.getLogger(__name__)

CONCURRENCY = 4  # sources polled, and HTTP requests made, at the same time
MAX_DISCOVERED = 3  # feed links of a page tried before giving up
DISABLED_BY_HAND = "disabled by hand"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def fetch_settings(settings: Settings) -> FetchSettings:
    """Derive the fetcher's limits from the operator's settings."""
    return FetchSettings(
        connect_timeout=float(min(10, settings.fetch_timeout)),
        total_timeout=float(settings.fetch_timeout),
        max_bytes=settings.max_fetch_bytes,
        concurrency=CONCURRENCY,
        allow_private=settings.allow_private_urls,
    )


@asynccontextmanager
async def open_fetcher(settings: Settings, fetcher: Fetcher | None = None) -> AsyncIterator[Fetcher]:
    """Use the caller's fetcher (left open) or a new one closed on exit."""
    if fetcher is not None:
        yield fetcher
        return
    async with Fetcher(fetch_settings(settings)) as own:
        yield own


def is_url(target: str) -> bool:
    """Tell a URL (any scheme, so that file: and ftp: are refused rather than read as paths) from a path."""
    return bool(_SCHEME.match(target.strip())) and not Path(target).exists()


def check_web_url(url: str, limits: FetchSettings) -> str:
    """Refuse a URL the bot must not fetch and return its normalised form; InputError says why."""
    try:
        check_url(url, limits.allow_private, allowed_networks=limits.allowed_networks)
        return normalise_url(url)
    except URLError as exc:
        raise InputError(f"refused {url.strip()[:200]}: {exc}") from None


async def _read_feed(fetcher: Fetcher, url: str) -> tuple[str, Feed | None, bytes]:
    """Fetch a URL and parse it as a feed; return the final URL, the feed (None for a page) and the body."""
    result = await fetcher.fetch(url)
    if looks_like_html(result.body):
        return result.url, None, result.body
    feed = await asyncio.to_thread(parse_feed, result.body, result.url, result.content_type)
    return result.url, feed, result.body


async def find_feed(fetcher: Fetcher, url: str) -> tuple[str, Feed]:
    """Return the feed at `url`, or the first working feed a web page at `url` advertises."""
    try:
        final, feed, body = await _read_feed(fetcher, url)
    except (FetchError, FeedError) as exc:
        raise InputError(f"cannot add {url}: {exc}") from None
    if feed is not None:
        return url, feed
    links = discover_feed_links(body, final)[:MAX_DISCOVERED]
    if not links:
        raise InputError(f"cannot add {url}: it is a web page that advertises no RSS or Atom feed")
    problems = []
    for link in links:
        try:
            _, found, _ = await _read_feed(fetcher, link)
        except (FetchError, FeedError) as exc:
            problems.append(f"{link}: {exc}")
            continue
        if found is not None:
            log.info("discovered feed %s on %s", link, url)
            return link, found
        problems.append(f"{link}: not a feed")
    raise InputError(f"cannot add {url}: no working feed on the page ({problems[0]})")


def _same_place(source: SourceRecord, kind: str, location: str) -> bool:
    """Tell whether a source already covers this location (URL variants of one feed count as the same)."""
    if source.kind != kind:
        return False
    if kind != "feed":
        return source.location == location
    try:
        return url_key(source.location) == url_key(location)
    except URLError:
        return source.location == location


async def add_source(
    store: Store,
    settings: Settings,
    target: str,
    name: str | None = None,
    guild_id: int = 0,
    *,
    fetcher: Fetcher | None = None,
) -> SourceRecord:
    """Add a feed URL (or a page advertising one) or, for guild 0 only, a folder of .txt files."""
    target = target.strip()
    existing = [s for s in await store.list_sources(guild_id) if s.poll]

    def refuse_known(kind: str, location: str) -> None:
        for source in existing:
            if _same_place(source, kind, location):
                raise InputError(f"already a source: [{source.id}] {source.name} ({source.location})")

    if is_url(target):
        async with open_fetcher(settings, fetcher) as client:
            url = check_web_url(target, client.settings)
            refuse_known("feed", url)
            location, feed = await find_feed(client, url)
        kind = "feed"
        default_name = normalise_field(feed.title) or urlsplit(location).hostname or location
    else:
        if guild_id != 0:
            raise InputError("only http(s) feed URLs can be added here; folders are added by the operator")
        path = Path(target).expanduser()
        if not path.is_dir():
            raise InputError(f"not a folder or an http(s) URL: {target}")
        kind, location, default_name = "folder", str(path.resolve()), path.resolve().name
        if printable(location) != location:  # it could be neither stored nor shown
            raise InputError(f"folder name is not UTF-8: {printable(location)}; rename the folder to add it")
    refuse_known(kind, location)
    chosen = normalise_field(printable(name or ""))  # a name given for a folder ingested before replaces the old one
    record = await store.register_source(kind, location, chosen or default_name, guild_id, rename=bool(chosen))
    log.info("added %s source %s (%s)", kind, record.id, location)
    return record


async def list_sources(store: Store, guild_id: int | None = None) -> list[SourceRecord]:
    """Return the sources of a guild (0: shared ones), or all of them for None."""
    return await store.list_sources(guild_id)


async def visible_sources(store: Store, guild_id: int) -> list[SourceRecord]:
    """The sources whose articles a server sees: the operator's shared ones, then its own."""
    shared = await store.list_sources(0)
    return shared if guild_id == 0 else [*shared, *await store.list_sources(guild_id)]


@dataclass(frozen=True, slots=True)
class Health:
    """Whether a source works, as a state adapters can mark ("disabled", "failing", "ok", "new") and words."""

    state: str
    text: str


def source_health(source: SourceRecord) -> Health:
    """Say in one line whether a source works, and if not, why and when it is tried again."""
    if not source.enabled:
        return Health("disabled", f"disabled: {source.disabled_reason or DISABLED_BY_HAND}")
    if source.failures:
        retry = f", next try after {source.next_attempt}" if source.next_attempt else ""
        return Health("failing", f"last error: {source.last_error} ({source.failures} failure(s) in a row{retry})")
    if source.last_success:
        note = f"; {source.last_error}" if source.last_error else ""  # e.g. the deadline cut the last poll
        return Health("ok", f"ok, last fetched {source.last_success[:16].replace('T', ' ')} UTC{note}")
    return Health("new", "not fetched yet")


async def find_source(store: Store, reference: str, guild_id: int | None = None) -> SourceRecord:
    """Resolve a source by id, location (any URL variant) or name; an error when none or several match."""
    ref = reference.strip()
    sources = await store.list_sources(guild_id)
    if ref.isascii() and ref.isdigit():
        matches = [s for s in sources if s.id == int(ref)]
    else:
        matches = [s for s in sources if s.location == ref]
        if not matches and is_url(ref):
            matches = [s for s in sources if _same_place(s, "feed", ref)]
        if not matches:
            matches = [s for s in sources if s.name.casefold() == ref.casefold()]
    if not matches:
        raise NotFoundError(f"no source matches {reference!r}")
    if len(matches) > 1:
        ids = ", ".join(str(s.id) for s in matches)
        raise InputError(f"{reference!r} matches several sources ({ids}); use the id")
    return matches[0]


async def remove_source(store: Store, reference: str, guild_id: int | None = None) -> SourceRecord:
    """Delete a source and the articles no other source carries."""
    source = await find_source(store, reference, guild_id)
    await store.remove_source(source.id)
    log.info("removed source %s (%s)", source.id, source.location)
    return source


async def set_source_enabled(
    store: Store, reference: str, enabled: bool, guild_id: int | None = None
) -> SourceRecord:
    """Enable (clearing failures and back-off, so it is polled next time) or disable a source."""
    source = await find_source(store, reference, guild_id)
    await store.set_source_enabled(source.id, enabled, None if enabled else DISABLED_BY_HAND)
    updated = await store.get_source(source.id)
    if updated is None:
        raise NotFoundError(f"source {source.id} was removed meanwhile")
    return updated
