"""Hostile and unlucky input to the services: a slow feed against its deadline, a source removed mid-ingest,
over-long fields and over-long queries. A real HTTP server on 127.0.0.1, real SQLite files, the real pipeline.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import InputError, NotFoundError
from bot.services.ingest import cap_text, ingest_files
from bot.services.lookups import MAX_QUERY_CHARS, find_article, find_quotes, search_articles
from bot.services.poll import PollStatus, poll_sources
from bot.services.sources import add_source, source_health
from bot.store import Store
from bot.store.sql import MAX_AUTHOR, MAX_PUBLISHER, MAX_SOURCE_NAME, MAX_TITLE
from tests.live_server import FeedServer, article_page, item_for, rss, story

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        db_path=tmp_path / "db" / "test.sqlite3", seeds_dir=tmp_path / "no-seeds", allow_private_urls=True,
        fetch_timeout=5, max_fetch_bytes=200_000,
    )


async def test_a_slow_feed_stops_at_its_deadline_and_the_rest_waits_for_the_next_poll(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    items = [item_for(server.base, n, full=False) for n in range(12)]
    url = server.set("/slow.xml", rss(items, "Slow Courier"))
    for n in range(12):
        server.set(f"/articles/{n}", article_page(n), "text/html; charset=utf-8", delay=1.0)
    await add_source(store, settings, url)
    started = time.monotonic()
    first = (await poll_sources(store, dataclasses.replace(settings, source_deadline=2), now=T0)).polls[0]
    assert time.monotonic() - started < 6  # without the deadline: 3 rounds of 4 slow pages, then processing
    assert first.status is PollStatus.OK and first.detail and "deadline of 2 s reached" in first.detail
    saved = first.report.new
    assert 1 <= saved < 12
    (source,) = await store.list_sources()
    assert "item(s) wait for the next poll" in source_health(source).text
    assert source.etag is None and source.failures == 0
    for n in range(12):
        server.routes[f"/articles/{n}"].delay = 0
    second = (await poll_sources(store, settings, now=T0 + timedelta(hours=1))).polls[0]
    assert second.detail is None
    assert second.report.new == 12 - saved and second.report.unchanged == saved
    assert await store.count_articles() == 12
    (source,) = await store.list_sources()
    assert source_health(source).text.startswith("ok") and "deadline" not in source_health(source).text


async def test_removing_a_folder_source_during_its_ingest_skips_the_rest_with_a_reason(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(6):
        title, paragraphs = story(n)
        (folder / f"{n}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    removal: list[asyncio.Task[None]] = []

    async def remove() -> None:
        (source,) = await store.list_sources()
        await store.remove_source(source.id)

    def progress(_: int) -> None:
        if not removal:
            removal.append(asyncio.get_running_loop().create_task(remove()))

    report = await ingest_files(store, settings, [folder], progress)
    await removal[0]
    assert report.new >= 1
    assert report.new + len(report.skipped) == 6
    assert all("was removed during the ingest" in why for _, why in report.skipped)
    assert await store.count_articles() == 0  # removing the source removed what it brought


async def test_removing_a_feed_during_its_poll_ends_the_poll_cleanly(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    url = server.set("/feed.xml", rss([item_for(server.base, n) for n in range(8)]))
    source = await add_source(store, settings, url)
    removal: list[asyncio.Task[None]] = []

    def progress(_: int) -> None:
        if not removal:
            removal.append(asyncio.get_running_loop().create_task(store.remove_source(source.id)))

    report = await poll_sources(store, settings, now=T0, progress=progress)
    await removal[0]
    (poll,) = report.polls
    assert poll.status is PollStatus.OK
    assert any("was removed during the ingest" in why for _, why in poll.report.notes)
    assert await store.list_sources() == []


async def test_stored_fields_are_capped_whatever_the_feed_says(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    item = item_for(server.base, 1)
    item.title = "Care homes " * 300
    item.author = "Reporter " * 400
    url = server.set("/long.xml", rss([item], title="Courier " * 400))
    await add_source(store, settings, url, name="N" * 2999)
    await poll_sources(store, settings, now=T0)
    (article,) = await store.get_articles([1])
    assert article.title and len(article.title) == MAX_TITLE and article.title.endswith("…")
    assert article.author and len(article.author) <= MAX_AUTHOR and article.author.endswith("…")
    assert article.publisher and len(article.publisher) <= MAX_PUBLISHER
    (source,) = await store.list_sources()
    assert len(source.name) == MAX_SOURCE_NAME


async def test_long_queries_are_answered_fast_and_over_long_ones_refused_at_once(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(20):
        title, paragraphs = story(n)
        (folder / f"{n}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    await ingest_files(store, settings, [folder])
    words = " ".join(" ".join(story(n)[1]) for n in range(20)).split()
    query = " ".join(words)[:MAX_QUERY_CHARS]
    started = time.monotonic()
    await search_articles(store, query)
    await find_quotes(store, about=query)
    with pytest.raises(Exception, match="no article matches"):
        await find_article(store, query)
    assert time.monotonic() - started < 1.0
    assert [a.id for a in await search_articles(store, "story number " * 400 + "version")]  # repeats are one
    huge = "care " * 20_000
    started = time.monotonic()
    for call in (search_articles(store, huge), find_article(store, huge), find_quotes(store, about=huge),
                 find_quotes(store, speaker=huge[:5000])):
        with pytest.raises(InputError, match="characters long; at most"):
            await call
    assert time.monotonic() - started < 0.2


async def test_numbers_over_64_bits_and_arguments_that_were_not_utf8_are_answered_in_words(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    title, paragraphs = story(1)
    (folder / "one.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    await ingest_files(store, settings, [folder])
    for reference in ("18446744073709551616", "²", "\udcff"):  # 2**64; a digit int() refuses; a byte from argv
        with pytest.raises(NotFoundError, match="no article matches"):
            await find_article(store, reference)
    assert len(await search_articles(store, "story", limit=2**64)) == 1
    assert await find_quotes(store, about="\udcff care", limit=2**64, offset=2**64) == []
    source = await add_source(store, settings, str(folder), name="Cuttings \udcff")
    assert source.name == "Cuttings \\xff"
    (tmp_path / "more").mkdir()
    named = await add_source(store, settings, str(tmp_path / "more"), name="Care\x1b[2J News\x85\tWeekly\x07\n")
    assert named.name == "Care News Weekly"  # a name cannot drive the terminal it is listed in


def test_feed_and_page_texts_are_cut_like_files_at_a_paragraph_break() -> None:
    text = "Headline\n\n" + "\n\n".join(f"Paragraph {n} " + "word " * 50 for n in range(100))
    cut = cap_text(text, 5_000)
    assert len(cut) <= 5_000 and text.startswith(cut) and text[len(cut):].startswith("\n\n")
    assert cap_text("short", 5_000) == "short"
    assert cap_text("x" * 10_000, 5_000) == "x" * 5_000  # no paragraph break: cut at the limit
