"""Poll live sources and ingest what they bring (feed items, article pages, folders) like article files.

Each article is saved in its own transaction, and a feed's ETag/Last-Modified are stored only after all its
items are saved: a crash loses at most the article in flight, and the next poll reads the whole feed again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.core.files import text_hash
from bot.core.models import Metadata, ProcessedArticle
from bot.core.records import LiveArticle, SaveOutcome, SourceRecord
from bot.errors import InputError
from bot.services.ingest import NO_TEXT, IngestReport, ingest_files, process_text, repeated_lines, save_processed
from bot.services.sources import CONCURRENCY, check_web_url, display_name, open_fetcher
from bot.store.queries import Store
from bot.web.extract import ExtractedPage, ExtractError, extract_article
from bot.web.feeds import Feed, FeedError, FeedItem, is_teaser, looks_like_html, parse_feed
from bot.web.fetch import Fetcher, FetchError, FetchResult, next_retry_delay
from bot.web.urls import normalise_url, url_key

log = logging.getLogger(__name__)

ITEM_BATCH = 25  # feed items whose pages are fetched together before they are processed and saved
BACKOFF_CAP = 24 * 3600.0  # a failing source is still tried at least daily until it is disabled
PARTIAL = "partial:"  # raw-hash prefix of an item stored with the feed's teaser because its page failed

# Sources being polled now, per store: a second poll started meanwhile leaves them alone.
_in_flight: WeakKeyDictionary[Store, set[int]] = WeakKeyDictionary()
# Finding an item's stored copy and saving it must not interleave with another feed saving the same URL.
_save_locks: WeakKeyDictionary[Store, asyncio.Lock] = WeakKeyDictionary()


class PollStatus(Enum):
    """How polling one source went."""

    OK = "ok"
    NOT_MODIFIED = "not modified"
    FAILED = "failed"
    DISABLED = "disabled"
    WAITING = "waiting"
    BUSY = "busy"


@dataclass(slots=True)
class SourcePoll:
    """What polling one source did; `detail` is the error, or why it was skipped."""

    source: SourceRecord
    status: PollStatus
    detail: str | None = None
    report: IngestReport = field(default_factory=IngestReport)


@dataclass(slots=True)
class PollReport:
    """What one poll of the sources did, source by source."""

    polls: list[SourcePoll] = field(default_factory=list)

    @property
    def ingest(self) -> IngestReport:
        """Add up the article counts of every source."""
        total = IngestReport()
        for poll in self.polls:
            r = poll.report
            total.new += r.new
            total.updated += r.updated
            total.unchanged += r.unchanged
            total.duplicate += r.duplicate
            total.skipped.extend(r.skipped)
            total.notes.extend(r.notes)
        return total

    @property
    def failed(self) -> list[SourcePoll]:
        return [p for p in self.polls if p.status in (PollStatus.FAILED, PollStatus.DISABLED)]

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for poll in self.polls:
            counts[poll.status.value] = counts.get(poll.status.value, 0) + 1
        states = ", ".join(f"{n} {status}" for status, n in counts.items()) or "none"
        return f"{self.ingest.summary()}; sources: {states}"


@dataclass(frozen=True, slots=True)
class PageIngest:
    """The outcome of ingesting one article URL."""

    url: str
    outcome: SaveOutcome
    article_id: int | None
    title: str | None


@dataclass(frozen=True, slots=True)
class _Text:
    """The raw text an item is processed from, the page it came from, and whether the page failed."""

    raw: str
    page: ExtractedPage | None = None
    partial: bool = False
    note: str | None = None
    fallback: str | None = None  # the feed's own text, for when the page's text turns out to be no article


def _save_lock(store: Store) -> asyncio.Lock:
    lock = _save_locks.get(store)
    if lock is None:
        lock = _save_locks[store] = asyncio.Lock()
    return lock


def _compose(title: str | None, text: str) -> str:
    """Put the headline above the text, as in an article file, so the pipeline reads it the same way."""
    return f"{title}\n\n{text}" if title else text


def merge_metadata(
    found: Metadata, item: FeedItem | None, page: ExtractedPage | None, feed_title: str | None
) -> Metadata:
    """Prefer the structured metadata of the feed, then the page, over what the text pipeline guessed.

    The publisher is the page's site name when it has one; the feed's title is only a last resort because
    it often names a section ("Care Weekly – News").
    """
    item_date = item.published.date() if item and item.published else None
    page_date = page.published if page else None
    return Metadata(
        title=(item.title if item else None) or (page.title if page else None) or found.title,
        published=item_date or page_date or found.published,
        author=(item.author if item else None) or (page.author if page else None) or found.author,
        publisher=(page.site_name if page else None) or found.publisher or feed_title,
    )


def _item_keys(item: FeedItem) -> tuple[str | None, str]:
    """Return the item's URL key (None without a URL) and its source key."""
    if item.url:
        key = url_key(item.url)
        return key, key
    return None, f"guid:{item.guid}"


def _item_hash(item: FeedItem) -> str:
    """Hash what the feed says about an item, so an unchanged item costs no page fetch and no processing."""
    published = item.published.isoformat() if item.published else ""
    parts = (item.title, item.url, published, item.author, item.summary_text, item.content_text)
    return text_hash("\n".join(part or "" for part in parts))


def _is_newer(item: FeedItem, existing: LiveArticle) -> bool:
    """Tell whether an item is dated after the stored copy another feed brought."""
    if item.published is None:
        return False
    return existing.published is None or item.published.date() > existing.published


def _settled(
    item: FeedItem, existing: LiveArticle | None, source: SourceRecord, raw_hash: str
) -> SaveOutcome | None:
    """Return how an item is already accounted for by its stored copy, or None when it must be (re)saved."""
    if existing is None:
        return None
    if existing.source_id != source.id:
        # the same article via another feed: a duplicate, unless this copy is newer than what we hold
        return None if _is_newer(item, existing) else SaveOutcome.DUPLICATE
    return SaveOutcome.UNCHANGED if existing.raw_hash == raw_hash else None


async def _settle(
    store: Store, source: SourceRecord, item: FeedItem, raw_hash: str
) -> tuple[SaveOutcome | None, LiveArticle | None]:
    """Find an item's stored copy and, when the item needs no saving, link the source to it.

    Return how the item is accounted for (None: it must be processed and saved) and the copy found. The
    link keeps the article visible to the source's server as long as the source carries it; the source's
    own link is rewritten only when the feed gave the item a new GUID. Call it under the save lock.
    """
    key, source_key = _item_keys(item)
    existing = await store.find_live_article(source.id, source.guild_id, key, item.guid)
    settled = _settled(item, existing, source, raw_hash)
    if existing is None or settled is None:
        return None, existing
    if existing.source_id != source.id:
        await store.link_article(existing.id, source.id, source_key, raw_hash, item.guid)
    elif existing.guid != item.guid:
        await store.link_article(existing.id, source.id, existing.source_key, existing.raw_hash, item.guid)
    return settled, existing


def _save_target(existing: LiveArticle | None, source_id: int, source_key: str) -> tuple[str, int | None]:
    """Return the key to save an item under and the other source's article it replaces, if any.

    An item found under its own link (by GUID, perhaps at a new URL) keeps that link's key.
    """
    if existing is None:
        return source_key, None
    if existing.source_id == source_id:
        return existing.source_key, None
    return source_key, existing.id


async def _item_text(fetcher: Fetcher, item: FeedItem) -> _Text:
    """Return the text to process: the feed's own, or the article page's when the feed has only a teaser."""
    feed_text = item.content_text or item.summary_text
    if item.url is None or not is_teaser(item):
        return _Text(_compose(item.title, feed_text))
    try:
        result = await fetcher.fetch(item.url)
        page = await asyncio.to_thread(extract_article, result.body, result.url)
    except (FetchError, ExtractError) as exc:
        return _Text(_compose(item.title, feed_text), partial=True, note=f"article page unusable: {exc}")
    if len(page.text.split()) <= len(feed_text.split()):
        return _Text(_compose(item.title, feed_text))
    fallback = _compose(item.title, feed_text) if feed_text else None
    return _Text(_compose(item.title or page.title, page.text), page=page, fallback=fallback)


async def _save_item(
    store: Store,
    settings: Settings,
    source: SourceRecord,
    feed: Feed,
    item: FeedItem,
    text: _Text,
    repeated: frozenset[str],
    report: IngestReport,
) -> bool:
    """Process one item and save it over its stored copy, if any, in one transaction.

    Return False when the item's article page failed, so the feed must be read again next poll.
    """
    label = item.url or item.guid
    article = await process_text(settings, text.raw, repeated)
    if not article.body.strip() and text.fallback:
        text = _Text(text.fallback, partial=True, note="article page has no article text")
        article = await process_text(settings, text.raw, repeated)
    if text.note:
        report.notes.append((label, text.note))
    if not article.body.strip():
        report.skipped.append((label, NO_TEXT))
        return not text.partial
    article = dataclasses.replace(article, meta=merge_metadata(article.meta, item, text.page, feed.title))
    raw_hash = (PARTIAL if text.partial else "") + _item_hash(item)
    async with _save_lock(store):
        settled, existing = await _settle(store, source, item, raw_hash)
        if settled is not None:
            report.count(settled)
            return not text.partial
        save_key, replace = _save_target(existing, source.id, _item_keys(item)[1])
        outcome, _ = await save_processed(
            store, source.id, save_key, item.url, raw_hash, text.raw, article, guid=item.guid, replace=replace
        )
    report.count(outcome)
    log.debug("%s: %s", label, outcome.value)
    return not text.partial


async def _ingest_feed(
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    source: SourceRecord,
    feed: Feed,
    report: IngestReport,
    progress: Callable[[int], None] | None,
) -> bool:
    """Ingest a feed's items, batch by batch; return False when some page failed and should be retried."""
    complete = True
    for start in range(0, len(feed.items), ITEM_BATCH):
        todo: list[FeedItem] = []
        for item in feed.items[start:start + ITEM_BATCH]:
            async with _save_lock(store):
                settled, _ = await _settle(store, source, item, _item_hash(item))
            if settled is None:
                todo.append(item)
                continue
            report.count(settled)
            if progress:
                progress(1)
        texts = await asyncio.gather(*(_item_text(fetcher, item) for item in todo))
        repeated = await repeated_lines(store, [t.raw for t in texts])
        for item, text in zip(todo, texts, strict=True):
            saved = await _save_item(store, settings, source, feed, item, text, repeated, report)
            complete = complete and saved
            if progress:
                progress(1)
    return complete


async def _fail(
    store: Store, settings: Settings, source: SourceRecord, now: datetime, reason: str
) -> SourcePoll:
    """Record a failed poll: back off exponentially, and disable the source after too many failures."""
    failures = source.failures + 1
    delay = next_retry_delay(failures, settings.poll_minutes * 60.0, BACKOFF_CAP)
    next_attempt = (now + timedelta(seconds=delay)).isoformat(timespec="seconds")
    disabled = None
    if failures >= settings.max_failures:
        disabled = f"disabled after {failures} failures in a row; last: {reason}"
    await store.record_source_failure(source.id, reason, next_attempt, disabled)
    log.warning("source %s (%s) failed: %s", source.id, source.location, disabled or reason)
    return SourcePoll(source, PollStatus.DISABLED if disabled else PollStatus.FAILED, disabled or reason)


async def _poll_folder(
    store: Store, settings: Settings, source: SourceRecord, now: datetime,
    progress: Callable[[int], None] | None,
) -> SourcePoll:
    folder = Path(source.location)
    if not folder.is_dir():
        return await _fail(store, settings, source, now, f"folder not found: {folder}")
    report = await ingest_files(store, settings, [folder], progress)
    await store.record_source_success(source.id, None, None)
    return SourcePoll(source, PollStatus.OK, report=report)


async def _poll_feed(
    store: Store, settings: Settings, fetcher: Fetcher, source: SourceRecord, now: datetime,
    progress: Callable[[int], None] | None,
) -> SourcePoll:
    try:
        result = await fetcher.fetch(source.location, source.etag, source.last_modified)
    except FetchError as exc:
        return await _fail(store, settings, source, now, exc.reason)
    if result.not_modified:
        await store.record_source_success(source.id, result.etag, result.last_modified)
        return SourcePoll(source, PollStatus.NOT_MODIFIED)
    try:
        feed = await asyncio.to_thread(parse_feed, result.body, result.url, result.content_type)
    except FeedError as exc:
        return await _fail(store, settings, source, now, str(exc))
    report = IngestReport()
    complete = await _ingest_feed(store, settings, fetcher, source, feed, report, progress)
    # Validators only now that every item is saved; without them the next poll reads the feed again.
    if complete:
        await store.record_source_success(source.id, result.etag, result.last_modified)
        return SourcePoll(source, PollStatus.OK, report=report)
    await store.record_source_success(source.id, None, None)
    return SourcePoll(source, PollStatus.OK, "some article pages failed; retried next poll", report)


async def _poll_guarded(
    store: Store, settings: Settings, fetcher: Fetcher, source: SourceRecord, now: datetime,
    limit: asyncio.Semaphore, progress: Callable[[int], None] | None,
) -> SourcePoll:
    """Poll one source unless it is backing off or already being polled; no error escapes to other sources."""
    if source.next_attempt and datetime.fromisoformat(source.next_attempt) > now:
        return SourcePoll(source, PollStatus.WAITING, f"backing off until {source.next_attempt}")
    busy = _in_flight.setdefault(store, set())
    if source.id in busy:
        return SourcePoll(source, PollStatus.BUSY, "already being polled")
    busy.add(source.id)
    try:
        async with limit:
            if source.kind == "folder":
                return await _poll_folder(store, settings, source, now, progress)
            return await _poll_feed(store, settings, fetcher, source, now, progress)
    except Exception as exc:  # a bug or a store error must not stop the other sources
        log.exception("polling source %s (%s) failed", source.id, source.location)
        reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
        try:
            return await _fail(store, settings, source, now, reason)
        except Exception:
            log.exception("could not record the failure of source %s", source.id)
            return SourcePoll(source, PollStatus.FAILED, reason)
    finally:
        busy.discard(source.id)


async def register_seeds(store: Store, settings: Settings) -> SourceRecord | None:
    """Make the seeds folder a shared folder source, so `digestbot ingest` needs no configuration."""
    folder = settings.seeds_dir
    if not folder.is_dir():
        return None
    resolved = folder.resolve()
    return await store.register_source("folder", str(resolved), resolved.name, 0)


async def poll_sources(
    store: Store,
    settings: Settings,
    guild_id: int | None = None,
    *,
    fetcher: Fetcher | None = None,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> PollReport:
    """Poll the enabled sources of a guild (None: all guilds) once, in parallel up to the concurrency limit.

    A source whose back-off has not expired by `now` is skipped, as is one another poll is busy with.
    """
    if guild_id is None or guild_id == 0:
        await register_seeds(store, settings)
    started = now or datetime.now(UTC)
    sources = [s for s in await store.list_sources(guild_id) if s.poll and s.enabled]
    limit = asyncio.Semaphore(CONCURRENCY)
    async with open_fetcher(settings, fetcher) as client:
        polls = await asyncio.gather(
            *(_poll_guarded(store, settings, client, s, started, limit, progress) for s in sources)
        )
    return PollReport(list(polls))


def _is_feed(result: FetchResult) -> bool:
    if looks_like_html(result.body):
        return False
    try:
        parse_feed(result.body, result.url, result.content_type)
    except FeedError:
        return False
    return True


async def _page_source(store: Store, url: str, page: ExtractedPage, guild_id: int) -> int:
    """Return the source of pages ingested by hand from this site (created on first use, never polled)."""
    parts = urlsplit(url)
    name = display_name(page.site_name or "") or parts.hostname or parts.netloc
    return await store.ensure_source("page", f"{parts.scheme}://{parts.netloc}/", name, guild_id)


async def ingest_url(
    store: Store, settings: Settings, url: str, guild_id: int = 0, *, fetcher: Fetcher | None = None
) -> PageIngest:
    """Fetch one article page, extract its text and metadata, and store it like an article file."""
    async with open_fetcher(settings, fetcher) as client:
        checked = check_web_url(url, client.settings)
        try:
            result = await client.fetch(checked)
        except FetchError as exc:
            raise InputError(f"cannot fetch {checked}: {exc}") from None
    try:
        page = await asyncio.to_thread(extract_article, result.body, result.url)
    except ExtractError as exc:
        is_feed = await asyncio.to_thread(_is_feed, result)
        hint = "; it is a feed: add it with `digestbot sources add`" if is_feed else ""
        raise InputError(f"no article at {checked}: {exc}{hint}") from None
    final = normalise_url(result.url)
    raw = _compose(page.title, page.text)
    article: ProcessedArticle = await process_text(settings, raw, await repeated_lines(store, [raw]))
    article = dataclasses.replace(article, meta=merge_metadata(article.meta, None, page, None))
    if not article.body.strip():
        raise InputError(f"no article at {checked}: {NO_TEXT}")
    source_id = await _page_source(store, final, page, guild_id)
    key, raw_hash = url_key(final), text_hash(raw)
    async with _save_lock(store):
        existing = await store.find_live_article(source_id, guild_id, key, None)
        save_key, replace = _save_target(existing, source_id, key)
        outcome, article_id = await save_processed(
            store, source_id, save_key, final, raw_hash, raw, article, replace=replace
        )
    log.info("%s: %s", final, outcome.value)
    return PageIngest(final, outcome, article_id, article.meta.title)


JOB_ID = "ingest"


def add_ingest_job(
    scheduler: AsyncIOScheduler, run: Callable[[], Awaitable[object]], minutes: int
) -> None:
    """Poll every `minutes`, starting now; runs never overlap, missed runs collapse into one.

    Every exception of a run is logged and swallowed, so one bad poll never stops the schedule.
    """
    if minutes < 1:
        raise ValueError(f"poll interval must be at least 1 minute, got {minutes}")

    async def ingest_job() -> None:
        try:
            result = await run()
            summary = getattr(result, "summary", None)  # a PollReport says what it did in one line
            log.info("scheduled ingest: %s", summary() if callable(summary) else result)
        except Exception:
            log.exception("scheduled ingest failed; trying again in %d minutes", minutes)

    scheduler.add_job(
        ingest_job,
        IntervalTrigger(minutes=minutes),
        id=JOB_ID,
        name="poll live sources",
        max_instances=1,
        coalesce=True,
        replace_existing=True,
        next_run_time=datetime.now(UTC),
        misfire_grace_time=minutes * 60,
    )
