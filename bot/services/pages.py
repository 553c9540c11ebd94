"""Ingest one article page by URL (`digestbot ingest URL`, `/summary url:`), stored like an article file."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.config import Settings
from bot.core.files import text_hash
from bot.core.normalise import normalise_field
from bot.core.records import SaveOutcome
from bot.errors import InputError
from bot.services.feed_items import compose, merge_metadata, save_lock, save_target
from bot.services.ingest import FAULT, NO_TEXT, process_text, repeated_lines, save_processed
from bot.services.sources import check_web_url, open_fetcher
from bot.store import Store
from bot.web.extract import ExtractedPage, ExtractError, extract_article
from bot.web.feeds import FeedError, looks_like_html, parse_feed
from bot.web.fetch import Fetcher, FetchError, FetchResult
from bot.web.urls import normalise_url, url_key

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class PageIngest:
    """The outcome of ingesting one article URL."""

    url: str
    outcome: SaveOutcome
    article_id: int | None
    title: str | None


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
    name = normalise_field(page.site_name) or parts.hostname or parts.netloc
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
    raw = compose(page.title, page.text)
    processed = await process_text(settings, raw, await repeated_lines(store, [raw]))
    if processed is None:
        raise InputError(f"{checked}: {FAULT}")
    article = dataclasses.replace(processed, meta=merge_metadata(processed.meta, None, page, None))
    if not article.body.strip():
        raise InputError(f"no article at {checked}: {NO_TEXT}")
    source_id = await _page_source(store, final, page, guild_id)
    key, raw_hash = url_key(final), text_hash(raw)
    async with save_lock(store):
        existing = await store.find_live_article(source_id, guild_id, key, None)
        save_key, replace = save_target(existing, source_id, key)
        outcome, article_id = await save_processed(
            store, source_id, save_key, final, raw_hash, raw, article, replace=replace
        )
    log.info("%s: %s", final, outcome.value)
    return PageIngest(final, outcome, article_id, article.meta.title)
