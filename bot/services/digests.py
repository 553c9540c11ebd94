"""The weekly digest: which articles a week holds for a server, and its Markdown file."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.config import Settings
from bot.core.digest import Digest, build_digest
from bot.core.filters import Filters, apply_filters
from bot.core.markdown import render_markdown
from bot.store import Store


async def week_digest(
    store: Store, settings: Settings, week: str, guild_id: int = 0, *, record: bool = True
) -> Digest:
    """Build (recording it the first time) the digest of `week`: articles since the previous digest.

    A server's digest holds the shared articles and its own sources' ones that pass its filters; with
    `record` False a week not yet recorded is previewed without fixing its contents.
    """
    span = await store.create_digest(guild_id, week, record=record)
    ids = await store.article_ids_between(span.first_link, span.last_link, guild_id)
    filters = Filters.from_rows(await store.guild_filters(guild_id))
    articles = apply_filters(filters, await store.get_articles(ids))
    return await asyncio.to_thread(build_digest, articles, week, settings.summary_sentences)


async def arrived_since(store: Store, week: str, guild_id: int = 0) -> int:
    """Count the articles a server received after `week`'s digest was made: a digest keeps what it first held, so
    someone who adds articles and builds the same week again needs telling where they went."""
    span = await store.get_digest(guild_id, week)
    if span is None:
        return 0
    return len(await store.article_ids_between(span.last_link, await store.last_link(), guild_id))


def write_digest(digest: Digest, folder: Path) -> tuple[Path, str]:
    """Write the digest's Markdown to folder/YYYY-Www.md and return the path and text."""
    text = render_markdown(digest)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest.week}.md"
    path.write_text(text, encoding="utf-8")
    return path, text
