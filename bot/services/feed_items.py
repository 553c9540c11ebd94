"""Store a feed's items: fetch the article page behind a teaser, and keep one copy of an article many feeds carry.

Each article is saved in its own transaction; finding an item's stored copy and saving it happen under one lock per
store, so two feeds bringing the same URL never both insert it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from bot.config import Settings
from bot.core.files import text_hash
from bot.core.models import Metadata
from bot.core.normalise import normalise_field
from bot.core.records import LiveArticle, SaveOutcome, SourceRecord
from bot.errors import SourceGoneError
from bot.services.ingest import FAULT, NO_TEXT, IngestReport, process_text, repeated_lines, save_processed
from bot.store import Store
from bot.web.extract import ExtractedPage, ExtractError, extract_article
from bot.web.feeds import Feed, FeedItem, is_teaser
from bot.web.fetch import Fetcher, FetchError
from bot.web.urls import url_key

log = logging.getLogger(__name__)

ITEM_BATCH = 25  # feed items whose pages are fetched together before they are processed and saved


PARTIAL = "partial:"  # raw-hash prefix of an item stored with the feed's teaser because its page failed


# Finding an item's stored copy and saving it must not interleave with another feed saving the same URL.
_save_locks: WeakKeyDictionary[Store, asyncio.Lock] = WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class _Text:
    """The raw text an item is processed from, the page it came from, and whether the page failed."""

    raw: str
    page: ExtractedPage | None = None
    partial: bool = False
    note: str | None = None
    fallback: str | None = None  # the feed's own text, for when the page's text turns out to be no article
    late: bool = False  # the source's deadline passed before its page came: the item waits for the next poll


@dataclass(slots=True)
class FeedResult:
    """How ingesting a feed's items ended: whether a page failed, and how many items the deadline left."""

    complete: bool = True
    waiting: int = 0


def save_lock(store: Store) -> asyncio.Lock:
    lock = _save_locks.get(store)
    if lock is None:
        lock = _save_locks[store] = asyncio.Lock()
    return lock


def compose(title: str | None, text: str) -> str:
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
    # Feed and page fields skip the text pipeline's cleaning, so they get the same normalisation here.
    return Metadata(
        title=normalise_field(item.title if item else None) or normalise_field(page.title if page else None)
        or found.title,
        published=item_date or page_date or found.published,
        author=normalise_field(item.author if item else None) or normalise_field(page.author if page else None)
        or found.author,
        publisher=normalise_field(page.site_name if page else None) or found.publisher
        or normalise_field(feed_title),
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


def save_target(existing: LiveArticle | None, source_id: int, source_key: str) -> tuple[str, int | None]:
    """Return the key to save an item under and the other source's article it replaces, if any.

    An item found under its own link (by GUID, perhaps at a new URL) keeps that link's key.
    """
    if existing is None:
        return source_key, None
    if existing.source_id == source_id:
        return existing.source_key, None
    return source_key, existing.id


async def _item_text(fetcher: Fetcher, item: FeedItem, deadline: float) -> _Text:
    """Return the text to process: the feed's own, or the article page's when the feed has only a teaser.

    A page that does not come before the source's deadline leaves the item for the next poll.
    """
    feed_text = item.content_text or item.summary_text
    if item.url is None or not is_teaser(item):
        return _Text(compose(item.title, feed_text))
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return _Text("", late=True)
    try:
        result = await asyncio.wait_for(fetcher.fetch(item.url), remaining)
        page = await asyncio.to_thread(extract_article, result.body, result.url)
    except TimeoutError:
        return _Text("", late=True)
    except (FetchError, ExtractError) as exc:
        return _Text(compose(item.title, feed_text), partial=True, note=f"article page unusable: {exc}")
    if len(page.text.split()) <= len(feed_text.split()):
        return _Text(compose(item.title, feed_text))
    fallback = compose(item.title, feed_text) if feed_text else None
    return _Text(compose(item.title or page.title, page.text), page=page, fallback=fallback)


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
    if (article is None or not article.body.strip()) and text.fallback:
        text = _Text(text.fallback, partial=True, note="article page has no article text")
        article = await process_text(settings, text.raw, repeated)
    if text.note:
        report.notes.append((label, text.note))
    if article is None or not article.body.strip():
        report.skipped.append((label, FAULT if article is None else NO_TEXT))
        return not text.partial
    article = dataclasses.replace(article, meta=merge_metadata(article.meta, item, text.page, feed.title))
    raw_hash = (PARTIAL if text.partial else "") + _item_hash(item)
    async with save_lock(store):
        settled, existing = await _settle(store, source, item, raw_hash)
        if settled is not None:
            report.count(settled)
            return not text.partial
        save_key, replace = save_target(existing, source.id, _item_keys(item)[1])
        outcome, _ = await save_processed(
            store, source.id, save_key, item.url, raw_hash, text.raw, article, guid=item.guid, replace=replace
        )
    report.count(outcome)
    log.debug("%s: %s", label, outcome.value)
    return not text.partial


async def ingest_feed(
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    source: SourceRecord,
    feed: Feed,
    report: IngestReport,
    progress: Callable[[int], None] | None,
    deadline: float = float("inf"),
) -> FeedResult:
    """Ingest a feed's items, batch by batch, until the `deadline` (time.monotonic()) passes.

    The result says whether some page failed and how many items were left for the next poll; a source
    removed meanwhile ends the ingest with a note.
    """
    result = FeedResult()
    try:
        for start in range(0, len(feed.items), ITEM_BATCH):
            if time.monotonic() >= deadline:
                result.waiting += len(feed.items) - start
                break
            await _ingest_batch(store, settings, fetcher, source, feed, feed.items[start:start + ITEM_BATCH],
                                report, progress, deadline, result)
    except SourceGoneError as exc:
        report.notes.append((source.location, str(exc)))
    return result


async def _ingest_batch(
    store: Store, settings: Settings, fetcher: Fetcher, source: SourceRecord, feed: Feed,
    items: list[FeedItem], report: IngestReport, progress: Callable[[int], None] | None, deadline: float,
    result: FeedResult,
) -> None:
    """Save one batch of items: settle the known ones, fetch the pages of the rest together, save them."""
    todo: list[FeedItem] = []
    for item in items:
        async with save_lock(store):
            settled, _ = await _settle(store, source, item, _item_hash(item))
        if settled is None:
            todo.append(item)
            continue
        report.count(settled)
        if progress:
            progress(1)
    texts = await asyncio.gather(*(_item_text(fetcher, item, deadline) for item in todo))
    repeated = await repeated_lines(store, [t.raw for t in texts if not t.late])
    for item, text in zip(todo, texts, strict=True):
        if text.late:  # a page in hand is still processed: that work is bounded, and the next poll goes on
            result.waiting += 1
            continue
        saved = await _save_item(store, settings, source, feed, item, text, repeated, report)
        result.complete = result.complete and saved
        if progress:
            progress(1)
