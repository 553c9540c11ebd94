"""Arbitrary bytes served as a feed or as an article page, through the whole ingest path: never a crash.

A bad feed is a failed source with a one-line reason; a bad page keeps the feed's text or is one clear error.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import Settings
from bot.errors import InputError
from bot.services.pages import ingest_url
from bot.services.poll import PollReport, PollStatus, poll_sources
from bot.store import Store
from tests.live_server import FeedServer, loopback_only, running_in_thread

_FEEDISH = st.lists(
    st.sampled_from(
        [
            '<?xml version="1.0"?>',
            '<?xml version="1.0" encoding="windows-1252"?>',
            '<rss version="2.0">',
            "</rss>",
            "<channel>",
            "</channel>",
            "<item>",
            "</item>",
            "<title>",
            "</title>",
            "<description>",
            "</description>",
            "<guid>",
            "</guid>",
            "<link>__BASE__/page</link>",
            "<link>",
            "</link>",
            "<pubDate>Wed, 14 May 2025 08:00:00 +0100</pubDate>",
            '<feed xmlns="http://www.w3.org/2005/Atom">',
            "<entry>",
            "</entry>",
            "<content:encoded><![CDATA[<p>Long enough text. Said the chair.</p>]]></content:encoded>",
            "&lt;p&gt;",
            "&amp;",
            "&nbsp;",
            "“quoted words,” said Jo Bloggs.",
            "Read more",
            "[…]",
            "text",
            "\x00",
            "\xe9",
            "<html><body>",
        ]
    ),
    max_size=40,
).map(lambda parts: "".join(parts).encode("utf-8"))

_PAGEISH = st.lists(
    st.sampled_from(
        [
            "<!doctype html>",
            "<html>",
            "<head><title>T</title><meta property='og:site_name' content='S'></head>",
            "<body>",
            "<article>",
            "<p>",
            "</p>",
            "Care homes face rising costs this winter, providers said on Monday. ",
            "“We cannot go on,” said Ann Example, chief executive. ",
            "<script>alert(1)</script>",
            "<nav>Home | News</nav>",
            "\x00",
            "\xff",
            "</body></html>",
        ]
    ),
    max_size=60,
).map(lambda parts: "".join(parts).encode("utf-8"))

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with pytest.MonkeyPatch.context() as monkeypatch, loopback_only(monkeypatch), running_in_thread(
        FeedServer()
    ) as srv:
        yield srv


def _settings(folder: Path) -> Settings:
    return Settings(
        db_path=folder / "db.sqlite3", seeds_dir=folder / "none", allow_private_urls=True, fetch_timeout=5
    )


def _poll(server: FeedServer) -> tuple[PollReport, list[str]]:
    """Poll one feed source in a fresh database; return the report and the stored bodies."""
    with tempfile.TemporaryDirectory() as folder:
        config = _settings(Path(folder))

        async def run() -> tuple[PollReport, list[str]]:
            async with await Store.open(config.db_path) as store:
                await store.register_source("feed", server.url("/feed"), "feed")
                report = await poll_sources(store, config)
                async with store.conn.execute("SELECT body FROM articles") as cursor:
                    return report, [row[0] for row in await cursor.fetchall()]

        return asyncio.run(run())


def _check(report: PollReport) -> None:
    (poll,) = report.polls
    assert poll.status in (PollStatus.OK, PollStatus.FAILED)
    if poll.status is PollStatus.FAILED:
        assert poll.detail and "\n" not in poll.detail and not poll.detail.startswith("internal error")


@SETTINGS
@given(body=st.one_of(st.binary(max_size=4096), _FEEDISH))
def test_any_bytes_as_a_feed(server: FeedServer, body: bytes) -> None:
    server.set("/feed", body)
    server.set("/page", b"<html><body><p>nothing here</p></body></html>", "text/html")
    report, bodies = _poll(server)
    _check(report)
    assert all(text.strip() for text in bodies)


@SETTINGS
@given(page=st.one_of(st.binary(max_size=4096), _PAGEISH))
def test_any_bytes_as_the_article_page_of_a_teaser(server: FeedServer, page: bytes) -> None:
    server.set(
        "/feed",
        '<rss version="2.0"><channel><title>T</title><item><title>Care homes warn</title>'
        "<link>__BASE__/page</link><description>Care homes warn of closures […]</description>"
        "</item></channel></rss>",
    )
    server.set("/page", page, "text/html")
    report, bodies = _poll(server)
    _check(report)
    assert report.polls[0].status is PollStatus.OK and len(bodies) == 1  # the teaser at least is kept


@SETTINGS
@given(page=st.one_of(st.binary(max_size=4096), _PAGEISH))
def test_any_bytes_as_an_article_url(server: FeedServer, page: bytes) -> None:
    server.set("/page", page, "text/html")
    with tempfile.TemporaryDirectory() as folder:
        config = _settings(Path(folder))

        async def run() -> None:
            async with await Store.open(config.db_path) as store:
                try:
                    result = await ingest_url(store, config, server.url("/page"))
                except InputError as exc:
                    assert "\n" not in str(exc)
                    return
                assert result.article_id is not None

        asyncio.run(run())
