"""Polling live sources end to end: a real HTTP server on 127.0.0.1, real SQLite files, the real pipeline.

Every connection of this process is checked to go to loopback only.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.core.records import SaveOutcome, SourceRecord
from bot.errors import InputError
from bot.services.pages import ingest_url
from bot.services.poll import PollReport, PollStatus, SourcePoll, poll_sources
from bot.services.sources import CONCURRENCY, add_source, find_source, set_source_enabled
from bot.store import Store
from tests.live_server import FeedServer, article_page, item_for, rss, story

REPO = Path(__file__).resolve().parents[1]
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Local-server settings on the test's database: private addresses allowed, short time-out, small cap, few
    failures allowed."""
    return Settings(
        db_path=tmp_path / "db" / "test.sqlite3",
        database_url=database_url,
        seeds_dir=tmp_path / "no-seeds",
        digests_dir=tmp_path / "digests",
        allow_private_urls=True,
        fetch_timeout=1,
        max_fetch_bytes=100_000,
        max_failures=3,
    )


async def articles(store: Store) -> list[dict[str, Any]]:
    async with store.conn.execute(
        "SELECT a.*, s.name AS source_name FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.id"
    ) as cursor:
        return [dict(row) for row in await cursor.fetchall()]


async def feed_source(store: Store, url: str, name: str) -> SourceRecord:
    """Register a feed without the validation `add_source` does, so broken feeds can be sources too."""
    return await store.register_source("feed", url, name)


def by_name(report: PollReport) -> dict[str, SourcePoll]:
    return {poll.source.name: poll for poll in report.polls}


async def test_rss_atom_rdf_and_legacy_encodings_are_ingested_with_feed_metadata(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    for name in ("rss2.xml", "atom.xml", "rdf.xml", "latin1.xml", "win1252.xml"):
        content_type = "text/xml" if name == "latin1.xml" else "application/rss+xml"
        await add_source(store, settings, server.fixture(f"/{name}", name, content_type))
    report = await poll_sources(store, settings, now=T0)
    assert {p.status for p in report.polls} == {PollStatus.OK}
    stored = {a["title"]: a for a in await articles(store)}
    councils = stored["Councils warn of £2bn gap in adult social care budgets"]
    assert councils["author"] == "Priya Shah" and councils["published"] == "2025-05-14"
    assert councils["url"] == f"{server.base}/careweekly.example/news/councils-warn-gap/?id=42"  # utm_* dropped
    assert "survey of directors" in councils["body"] and "alert(" not in councils["body"]
    icb = stored["Integrated care boards merge in the South West"]
    assert icb["author"] == "Dr Hannah Lee" and icb["published"] == "2025-05-15"
    assert stored["Vaccination uptake among under-fives falls again"]["source_name"] == "Public Health Journal (RDF)"
    assert "Naïve costings: £5m for the café" in stored
    assert "Minister’s €10m pledge – what it means" in stored
    assert len(stored) == 3 + 2 + 2 + 1 + 1
    # Teaser items whose pages are missing keep the feed's text, and the feed is read in full next time.
    assert any(note.startswith("article page unusable: HTTP 404") for _, note in report.ingest.notes)
    assert all(s.etag is None for s in await store.list_sources())


async def test_teaser_feed_fetches_article_pages_once(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    feed = server.fixture("/teaser.xml", "teaser.xml")
    for page in ("care-homes.html", "discharge.html"):
        server.fixture(f"/articles/{page}", f"pages/{page}", "text/html; charset=utf-8")
    await add_source(store, settings, feed)
    first = await poll_sources(store, settings, now=T0)
    assert first.ingest.new == 2 and not first.ingest.notes
    stored = {a["title"]: a for a in await articles(store)}
    care = stored["Care homes warn of closures as costs rise"]
    assert "We cannot keep absorbing these costs" in care["body"]  # from the page, not the teaser
    assert care["publisher"] == "Teaser Times" and care["author"] == "Priya Shah"
    assert care["published"] == "2025-05-14"  # the feed's date
    assert "more than 13,000 beds" in stored["Hospital discharge delays hit record"]["body"]
    assert server.hits["/articles/care-homes.html"] == 1
    second = await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    assert second.ingest.unchanged == 2 and second.ingest.new == 0
    assert server.hits["/articles/care-homes.html"] == 1  # unchanged items cost no page fetch


async def test_conditional_get_304_keeps_everything(server: FeedServer, store: Store, settings: Settings) -> None:
    url = server.set("/feed", rss([item_for(server.base, n) for n in range(3)]), etag='"v1"')
    source = await add_source(store, settings, url)
    first = await poll_sources(store, settings, now=T0)
    assert by_name(first)[source.name].status is PollStatus.OK and first.ingest.new == 3
    refreshed = await store.get_source(source.id)
    assert refreshed is not None and refreshed.etag == '"v1"'
    second = await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    assert by_name(second)[source.name].status is PollStatus.NOT_MODIFIED
    assert second.ingest.new + second.ingest.unchanged == 0 and len(await articles(store)) == 3
    assert server.hits["/feed"] == 3  # add, first poll, conditional second poll


async def test_redirects_followed_up_to_five(server: FeedServer, store: Store, settings: Settings) -> None:
    server.set("/real-feed", rss([item_for(server.base, 1)]))
    for hop in range(6):
        server.redirect(f"/hop{hop}", f"/hop{hop - 1}" if hop else "/real-feed", status=301 if hop % 2 else 302)
    near = await feed_source(store, server.url("/hop4"), "five hops")
    far = await feed_source(store, server.url("/hop5"), "six hops")
    report = by_name(await poll_sources(store, settings, now=T0))
    assert report[near.name].status is PollStatus.OK and report[near.name].report.new == 1
    assert report[far.name].status is PollStatus.FAILED
    assert report[far.name].detail == "too many redirects (more than 5)"


async def test_each_broken_source_gets_a_clear_reason_and_the_others_are_ingested(
    server: FeedServer, store: Store, settings: Settings, tmp_path: Path
) -> None:
    server.set("/good", rss([item_for(server.base, n) for n in range(2)]), etag='"g"')
    server.set("/error", b"", status=500)
    server.set("/slow", rss([item_for(server.base, 9)]), delay=3)
    server.set("/huge", b"<rss>" + b" " * 200_000 + b"</rss>")
    server.fixture("/malformed", "malformed.xml")
    server.fixture("/html", "pages/home.html", "application/rss+xml")
    server.set("/binary", bytes(range(256)) * 4, "application/octet-stream")
    expected = {
        "error": "HTTP 500",
        "slow": "timed out after 1 s",
        "huge": "response larger than 100000 bytes",
        "malformed": "malformed feed: ",
        "html": "not a feed: looks like an HTML page",
        "binary": "",
    }
    for name in ["good", *expected]:
        await feed_source(store, server.url(f"/{name}"), name)
    loop = asyncio.get_running_loop()
    started = loop.time()
    report = by_name(await poll_sources(store, settings, now=T0))
    assert loop.time() - started < 3  # the slow source did not hold up the poll beyond its time-out
    assert report["good"].status is PollStatus.OK and report["good"].report.new == 2
    for name, reason in expected.items():
        assert report[name].status is PollStatus.FAILED, name
        assert report[name].detail and report[name].detail.startswith(reason), (name, report[name].detail)
        assert "\n" not in report[name].detail
    health = {s.name: s for s in await store.list_sources()}
    assert health["good"].etag == '"g"' and health["good"].last_error is None and health["good"].last_success
    for name, reason in expected.items():
        assert health[name].failures == 1 and health[name].last_error.startswith(reason)  # type: ignore[union-attr]
        assert health[name].next_attempt == (T0 + timedelta(minutes=30)).isoformat(timespec="seconds")
    # `digestbot sources list` shows the reasons.
    env = {**os.environ, "DIGESTBOT_DATABASE_URL": str(settings.database_url), "PYTHONPATH": str(REPO)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "sources", "list", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    listing = out.decode()
    assert "last error: HTTP 500 (1 failure(s) in a row" in listing
    assert "last error: timed out after 1 s" in listing
    assert "last error: not a feed: looks like an HTML page" in listing


async def test_back_off_then_disabled_after_max_failures(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    server.set("/flaky", b"", status=503)
    source = await feed_source(store, server.url("/flaky"), "flaky")
    assert by_name(await poll_sources(store, settings, now=T0))["flaky"].status is PollStatus.FAILED
    waiting = by_name(await poll_sources(store, settings, now=T0 + timedelta(minutes=10)))["flaky"]
    assert waiting.status is PollStatus.WAITING and server.hits["/flaky"] == 1  # backing off: not fetched
    second = by_name(await poll_sources(store, settings, now=T0 + timedelta(minutes=30)))["flaky"]
    assert second.status is PollStatus.FAILED and server.hits["/flaky"] == 2
    record = await store.get_source(source.id)
    assert record is not None  # the delay doubles: 30 min, then 60 min
    assert record.next_attempt == (T0 + timedelta(minutes=90)).isoformat(timespec="seconds")
    third = by_name(await poll_sources(store, settings, now=T0 + timedelta(minutes=90)))["flaky"]
    assert third.status is PollStatus.DISABLED
    assert third.detail == "disabled after 3 failures in a row; last: HTTP 503"
    record = await store.get_source(source.id)
    assert record is not None and not record.enabled and record.disabled_reason == third.detail
    later = await poll_sources(store, settings, now=T0 + timedelta(days=30))
    assert "flaky" not in by_name(later) and server.hits["/flaky"] == 3
    # Enabling forgets the failures, so it is polled at once.
    server.set("/flaky", rss([item_for(server.base, 4)]))
    await set_source_enabled(store, "flaky", True)
    again = by_name(await poll_sources(store, settings, now=T0 + timedelta(days=30)))["flaky"]
    assert again.status is PollStatus.OK and again.report.new == 1


async def test_same_article_via_two_feeds_and_url_variants_is_stored_once(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    host = server.base.removeprefix("http://")
    variants = [
        f"http://{host}/articles/7",
        f"https://{host}/articles/7/",
        f"http://{host}/articles/7?utm_source=rss&utm_medium=feed",
        f"HTTP://{host.upper()}/articles/7/#comments",
    ]
    items_a = [dataclasses.replace(item_for(server.base, 7, link=variants[0]), guid="a-7")]
    items_b = [
        dataclasses.replace(item_for(server.base, 7, variant=1, link=link), guid=f"b-7-{i}")
        for i, link in enumerate(variants[1:])
    ]
    await feed_source(store, server.set("/a", rss(items_a)), "A")
    await poll_sources(store, settings, now=T0)
    await feed_source(store, server.set("/b", rss(items_b)), "B")
    await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    stored = await articles(store)
    assert len(stored) == 1 and stored[0]["source_name"] == "A"
    assert stored[0]["source_key"] == f"{host}/articles/7"


async def test_same_text_under_two_urls_is_stored_once(server: FeedServer, store: Store, settings: Settings) -> None:
    await feed_source(store, server.set("/a", rss([item_for(server.base, 3)])), "A")
    await feed_source(store, server.set("/b", rss([item_for(server.base, 3, link=f"{server.base}/mirror/3")])), "B")
    report = await poll_sources(store, settings, now=T0)
    assert report.ingest.new == 1 and report.ingest.duplicate == 1
    assert len(await articles(store)) == 1


async def test_updated_item_keeps_one_article_with_the_newer_text(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    await feed_source(store, server.set("/feed", rss([item_for(server.base, 2)])), "feed")
    await poll_sources(store, settings, now=T0)
    server.set("/feed", rss([item_for(server.base, 2, variant=1)]))
    report = await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    assert report.ingest.updated == 1
    stored = await articles(store)
    assert len(stored) == 1 and "version 1 of the report" in stored[0]["body"]


async def test_republished_item_with_same_guid_at_a_new_url_keeps_one_article(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    await feed_source(store, server.set("/feed", rss([item_for(server.base, 5)])), "feed")
    await poll_sources(store, settings, now=T0)
    moved = item_for(server.base, 5, variant=2, link=f"{server.base}/articles/5-updated")
    server.set("/feed", rss([moved]))
    report = await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    assert report.ingest.updated == 1
    stored = await articles(store)
    assert len(stored) == 1
    assert stored[0]["url"] == f"{server.base}/articles/5-updated" and "version 2" in stored[0]["body"]


async def test_other_feed_with_an_older_copy_does_not_replace_the_newer(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    newer = item_for(server.base, 8, variant=1, published=datetime(2025, 6, 2, tzinfo=UTC))
    older = dataclasses.replace(item_for(server.base, 8, published=datetime(2025, 6, 1, tzinfo=UTC)), guid="x")
    await feed_source(store, server.set("/new", rss([newer])), "new")
    await poll_sources(store, settings, now=T0)
    await feed_source(store, server.set("/old", rss([older])), "old")
    report = await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    assert report.ingest.duplicate == 1
    stored = await articles(store)
    assert len(stored) == 1 and "version 1" in stored[0]["body"]
    # ... but a newer copy from another feed does replace it.
    server.set("/old", rss([dataclasses.replace(item_for(server.base, 8, variant=3), guid="x",
                                                published=datetime(2025, 6, 3, tzinfo=UTC))]))
    report = await poll_sources(store, settings, now=T0 + timedelta(hours=2))
    stored = await articles(store)
    assert report.ingest.updated == 1 and len(stored) == 1 and "version 3" in stored[0]["body"]


async def test_duplicate_guids_and_tracking_variants_in_one_feed(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    await add_source(store, settings, server.fixture("/dupes.xml", "dupes.xml"))
    await poll_sources(store, settings, now=T0)
    stored = await articles(store)
    assert sorted(a["title"] for a in stored) == ["First copy", "No guid one", "Story B"]
    keys = [a["source_key"] for a in stored]
    assert len(set(keys)) == 3 and not any("utm_" in key for key in keys)


async def test_add_discovers_the_feed_of_a_web_page(server: FeedServer, store: Store, settings: Settings) -> None:
    server.fixture("/home", "pages/home.html", "text/html")  # <base href> leads to /teaser.example/news/
    feed = server.fixture("/teaser.example/news/feed.rss", "teaser.xml")
    source = await add_source(store, settings, server.url("/home"), name="Teaser home")
    assert source.kind == "feed" and source.location == feed and source.name == "Teaser home"
    assert (await find_source(store, feed + "?utm_source=x")).id == source.id
    with pytest.raises(InputError, match=r"^already a source: \[1\] Teaser home"):
        await add_source(store, settings, feed.replace("http://", "https://"))
    with pytest.raises(InputError, match="a web page that advertises no RSS or Atom feed"):
        await add_source(store, settings, server.fixture("/plain", "pages/discharge.html", "text/html"))


async def test_ingest_one_article_url(server: FeedServer, store: Store, settings: Settings) -> None:
    url = server.set("/story/11", article_page(11), "text/html; charset=utf-8")
    page = await ingest_url(store, settings, url + "?utm_campaign=x")
    assert page.outcome is SaveOutcome.NEW and page.title == story(11)[0]
    stored = (await articles(store))[0]
    assert stored["publisher"] == "Test Courier" and stored["author"] == "Sam Writer"
    assert stored["published"] == "2025-06-02" and stored["url"] == url
    again = await ingest_url(store, settings, url)
    assert again.outcome is SaveOutcome.UNCHANGED and again.article_id == page.article_id
    # A feed later carrying the same URL finds the article instead of storing it again.
    await feed_source(store, server.set("/feed", rss([item_for(server.base, 11, link=url)])), "feed")
    report = await poll_sources(store, settings, now=T0)
    assert report.ingest.new == 0 and len(await articles(store)) == 1


async def links(store: Store) -> list[tuple[int, str, str | None]]:
    """Every (article id, source name, GUID) link, in the order they were made."""
    async with store.conn.execute(
        "SELECT l.article_id, s.name, l.guid FROM article_sources l JOIN sources s ON s.id = l.source_id"
        " ORDER BY l.id"
    ) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]  # type: ignore[misc]


async def test_a_shared_feed_makes_a_guild_only_article_visible_to_all(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    await store.register_source("feed", server.set("/guild", rss([item_for(server.base, 6)])), "guild feed", 42)
    await poll_sources(store, settings, guild_id=42, now=T0)
    assert (await store.count_articles(42), await store.count_articles(7)) == (1, 0)
    other_url = f"{server.base}/elsewhere/6"
    await feed_source(store, server.set("/shared", rss([item_for(server.base, 6, link=other_url)])), "shared")
    report = await poll_sources(store, settings, guild_id=0, now=T0)
    assert (report.ingest.new, report.ingest.duplicate) == (0, 1)
    assert len(await articles(store)) == 1 and await store.count_articles(7) == 1
    assert await links(store) == [(1, "guild feed", "item-6"), (1, "shared", "item-6")]
    await store.forget_guild(42)  # the shared feed still carries it
    assert await store.count_articles(7) == 1 and await links(store) == [(1, "shared", "item-6")]


async def test_two_servers_private_feeds_with_the_same_article_both_see_it(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    home, away, stranger = 101, 202, 303
    item = item_for(server.base, 9)
    await store.register_source("feed", server.set("/home", rss([item])), "home feed", home)
    await store.register_source("feed", server.set("/away", rss([item])), "away feed", away)
    first = await poll_sources(store, settings, guild_id=home, now=T0)
    second = await poll_sources(store, settings, guild_id=away, now=T0)
    assert (first.ingest.new, second.ingest.new, second.ingest.duplicate) == (1, 0, 1)
    [article] = await articles(store)
    words = story(9)[0].split(" (")[0]
    for guild in (home, away):
        assert await store.count_articles(guild) == 1
        assert await store.search_article_ids(words, guild_id=guild) == [article["id"]]
    assert await store.count_articles(stranger) == 0 and await store.search_article_ids(words, guild_id=stranger) == []
    # Polling both again stores nothing and adds no link: each feed's item is unchanged.
    again = await poll_sources(store, settings, now=T0 + timedelta(hours=1))
    assert (again.ingest.new, again.ingest.duplicate, again.ingest.unchanged) == (0, 0, 2)
    assert await links(store) == [(article["id"], "home feed", "item-9"), (article["id"], "away feed", "item-9")]
    # An update of the story is saved once, by whichever feed brings it first.
    server.set("/home", rss([item_for(server.base, 9, variant=1)]))
    server.set("/away", rss([item_for(server.base, 9, variant=1)]))
    updated = await poll_sources(store, settings, guild_id=home, now=T0 + timedelta(hours=2))
    assert updated.ingest.updated == 1
    [stored] = await articles(store)
    assert "version 1 of the report" in stored["body"] and await store.count_articles(away) == 1


async def test_sources_polled_in_parallel_up_to_the_limit_and_never_twice_at_once(
    server: FeedServer, store: Store, settings: Settings
) -> None:
    for n in range(8):
        await feed_source(store, server.set(f"/slow/{n}", rss([item_for(server.base, n)]), delay=0.2), f"s{n}")
    loop = asyncio.get_running_loop()
    started = loop.time()
    first, second = await asyncio.gather(
        poll_sources(store, settings, now=T0), poll_sources(store, settings, now=T0)
    )
    assert loop.time() - started < 1.5  # 8 sources of 0.2 s, 4 at a time, not one after another
    assert server.max_in_flight == CONCURRENCY
    statuses = [p.status for p in first.polls] + [p.status for p in second.polls]
    assert statuses.count(PollStatus.OK) == 8 and statuses.count(PollStatus.BUSY) == 8
    assert all(server.hits[f"/slow/{n}"] == 1 for n in range(8))
    assert len(await articles(store)) == 8
