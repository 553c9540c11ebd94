"""A real HTTP server on 127.0.0.1 whose answers each test sets: feeds, pages, redirects, errors, slowness.

Also builds RSS documents and distinct article texts from the sample articles, for feeds of any size.
"""

from __future__ import annotations

import asyncio
import random
import re
import socket
import threading
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from aiohttp import web

from bot.core.pipeline import process_article

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "feeds"
SEEDS = REPO / "seeds"
_NUMBER = re.compile(r"\d+")
_EXAMPLE_HOST = re.compile(rb"https?://([a-z0-9.-]+\.example)")


@dataclass
class Route:
    """One canned answer: a body with headers, a redirect, an error, or a slow or conditional reply."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0


@dataclass
class FeedServer:
    """Serve `routes` by path and count the requests each path received."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    base: str = ""
    in_flight: int = 0
    max_in_flight: int = 0

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def set(self, path: str, body: bytes | str, content_type: str = "application/rss+xml; charset=utf-8",
            **options: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data.replace(b"__BASE__", self.base.encode()), content_type=content_type,
                                  **options)
        return self.url(path)

    def fixture(self, path: str, name: str, content_type: str = "application/rss+xml") -> str:
        """Serve a file of tests/fixtures/feeds, its links (__BASE__, https://x.example) leading to this server."""
        body = _EXAMPLE_HOST.sub(lambda m: self.base.encode() + b"/" + m[1], (FIXTURES / name).read_bytes())
        return self.set(path, body, content_type)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.hits[request.path_qs] += 1
        route = self.routes.get(request.path_qs) or self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.delay:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                await asyncio.sleep(route.delay)
            finally:
                self.in_flight -= 1
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
            if request.headers.get("If-None-Match") == route.etag:
                return web.Response(status=304, headers=headers)
        if route.status != 200:
            return web.Response(status=route.status, headers=headers, text="error page")
        headers["Content-Type"] = route.content_type
        return web.Response(body=route.body, headers=headers)


@asynccontextmanager
async def running(server: FeedServer) -> AsyncIterator[FeedServer]:
    """Run the server on a free port of 127.0.0.1 in the current event loop."""
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield server
    finally:
        await runner.cleanup()


@contextmanager
def running_in_thread(server: FeedServer) -> Iterator[FeedServer]:
    """Run the server in a thread of its own, for synchronous tests that start event loops of their own."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop: asyncio.Event | None = None

    async def main() -> None:
        nonlocal stop
        stop = asyncio.Event()
        async with running(server):
            ready.set()
            await stop.wait()

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield server
    finally:
        assert stop is not None
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
        loop.close()


@contextmanager
def loopback_only(monkeypatch: Any) -> Iterator[list[Any]]:
    """Fail any connection of this process that is not to loopback, and record those made."""
    seen: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(sock: socket.socket, address: Any) -> None:
        seen.append(address)
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1"):
            raise AssertionError(f"test tried to connect to {address!r}")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield seen


# --- content ------------------------------------------------------------------------------------------


def _seed_paragraphs() -> list[tuple[str, list[str]]]:
    """Return (headline, body paragraphs) of each sample article, as the pipeline reads them."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = process_article(path.read_text(encoding="utf-8"))
        out.append((article.meta.title or path.stem, article.body.split("\n\n")))
    return out


SEED_STORIES = _seed_paragraphs()


def story(n: int, variant: int = 0) -> tuple[str, list[str]]:
    """Return a distinct (title, paragraphs) article number `n`, rewritten from a sample article."""
    title, paragraphs = SEED_STORIES[n % len(SEED_STORIES)]
    rng = random.Random(n * 1000 + variant)
    body = [_NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), p) for p in paragraphs]
    rng.shuffle(body)
    lead = (
        f"Story number {n} was filed as version {variant} of the report on social care funding, after"
        f" {n % 13 + 2} councils and providers in the region answered the survey this month."
    )
    return f"{title} ({n})", [lead, *body]


@dataclass
class Item:
    """One RSS item to serve."""

    title: str
    link: str | None
    guid: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    summary: str | None = None
    published: datetime | None = None
    author: str | None = None


def item_for(base: str, n: int, variant: int = 0, *, link: str | None = None, full: bool = True,
             published: datetime | None = None) -> Item:
    """An item of article `n` whose text is in the feed (`full`) or only a teaser of it."""
    title, paragraphs = story(n, variant)
    return Item(
        title=title,
        link=link or f"{base}/articles/{n}",
        guid=f"item-{n}",
        paragraphs=paragraphs if full else [],
        summary=None if full else paragraphs[1][:120] + " […]",
        published=published or datetime(2025, 5, 1, 9, tzinfo=UTC) + timedelta(days=n % 20),
        author="Jo Reporter",
    )


def rss(items: list[Item], title: str = "Local Test Feed") -> bytes:
    """Render items as an RSS 2.0 document with content:encoded for full texts."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>',
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>test</description>",
    ]
    for item in items:
        parts = [f"<title>{escape(item.title)}</title>"]
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.published:
            parts.append(f"<pubDate>{format_datetime(item.published)}</pubDate>")
        if item.author:
            parts.append(f"<dc:creator>{escape(item.author)}</dc:creator>")
        if item.summary:
            parts.append(f"<description>{escape(item.summary)}</description>")
        if item.paragraphs:
            html = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
            parts.append(f"<content:encoded><![CDATA[{html}]]></content:encoded>")
        out.append("<item>" + "".join(parts) + "</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def article_page(n: int, variant: int = 0, site: str = "Test Courier") -> bytes:
    """An HTML article page for article `n`, with navigation and a footer around the text."""
    title, paragraphs = story(n, variant)
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | {site}</title>"
        f"<meta property='og:title' content='{escape(title)}'>"
        f"<meta property='og:site_name' content='{site}'>"
        "<meta name='author' content='Sam Writer'>"
        "<meta property='article:published_time' content='2025-06-02T08:00:00+01:00'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright Test Courier. All rights reserved.</footer></body></html>"
    ).encode()
