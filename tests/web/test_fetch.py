"""The fetcher against a real aiohttp server on 127.0.0.1, and its refusals of unsafe destinations.

Traffic only ever goes to 127.0.0.1: a guard on socket.connect fails any other destination, and the
refusal tests assert that no connection was even attempted.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import ipaddress
import socket
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from hypothesis import given
from hypothesis import strategies as st

from bot import __version__
from bot.web.extract import extract_article
from bot.web.feeds import FeedError, is_teaser, parse_feed
from bot.web.fetch import (
    Fetcher,
    FetchError,
    FetchResult,
    FetchSettings,
    RefusedAddressError,
    SafeResolver,
    next_retry_delay,
)
from bot.web.urls import check_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
ETAG = '"rss2-v1"'
LAST_MODIFIED = "Wed, 14 May 2025 08:00:00 GMT"
CAP = 256 * 1024
HUGE = 2 * 1024 * 1024

FEEDS = {
    "rss2.xml": "application/rss+xml; charset=utf-8",
    "atom.xml": "application/atom+xml",
    "rdf.xml": "application/rdf+xml",
    "teaser.xml": "application/rss+xml",
    "dupes.xml": "application/rss+xml",
    "malformed.xml": "application/rss+xml",
    "latin1.xml": "text/xml",  # no charset: the XML declaration must decide, not RFC 3023's us-ascii
    "win1252.xml": "application/rss+xml; charset=windows-1252",
}


@dataclass
class Server:
    base: str
    port: int
    hits: Counter[str] = field(default_factory=Counter)
    user_agents: list[str] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    release: asyncio.Event = field(default_factory=asyncio.Event)


def _app(server: Server) -> web.Application:
    routes = web.RouteTableDef()

    @web.middleware
    async def count(request: web.Request, handler: Any) -> web.StreamResponse:
        server.hits[request.path] += 1
        server.user_agents.append(request.headers.get("User-Agent", ""))
        return await handler(request)

    @routes.get("/feeds/{name}")
    async def feed(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in FEEDS:
            raise web.HTTPNotFound()
        body = (FIXTURES / name).read_bytes().replace(b"__BASE__", server.base.encode())
        return web.Response(body=body, headers={"Content-Type": FEEDS[name]})

    @routes.get("/html-as-feed")
    async def html_as_feed(request: web.Request) -> web.Response:
        body = (FIXTURES / "pages" / "home.html").read_bytes()
        return web.Response(body=body, headers={"Content-Type": "application/rss+xml"})

    @routes.get("/articles/{name}")
    async def article(request: web.Request) -> web.Response:
        path = FIXTURES / "pages" / request.match_info["name"]
        if not path.is_file():
            raise web.HTTPNotFound()
        return web.Response(body=path.read_bytes(), content_type="text/html", charset="utf-8")

    @routes.get("/conditional")
    async def conditional(request: web.Request) -> web.Response:
        headers = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED, "Content-Type": "application/rss+xml"}
        if request.headers.get("If-None-Match") == ETAG:
            return web.Response(status=304, headers=headers)
        since = request.headers.get("If-Modified-Since")
        fresh = since and parsedate_to_datetime(since) >= parsedate_to_datetime(LAST_MODIFIED)
        if fresh and "If-None-Match" not in request.headers:
            return web.Response(status=304, headers=headers)
        return web.Response(body=(FIXTURES / "rss2.xml").read_bytes(), headers=headers)

    @routes.get("/conditional-bare")
    async def conditional_bare(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == ETAG:
            return web.Response(status=304)  # no validators repeated, as some servers do
        return web.Response(text="changed, and no validators any more")

    @routes.get("/redirect/{n}")
    async def redirect_chain(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        location = f"/redirect/{n - 1}" if n > 0 else "/feeds/rss2.xml"
        return web.Response(status=302, headers={"Location": location})

    @routes.get("/redirect-to")
    async def redirect_to(request: web.Request) -> web.Response:
        status = int(request.query.get("status", "302"))
        return web.Response(status=status, headers={"Location": request.query["target"]})

    @routes.get("/redirect-without-location")
    async def redirect_without_location(request: web.Request) -> web.Response:
        return web.Response(status=301)

    @routes.get("/status/{code}")
    async def status(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="error page")

    @routes.get("/slow")
    async def slow(request: web.Request) -> web.Response:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.release.wait(), timeout=5)
        return web.Response(text="too late")

    @routes.get("/huge")
    async def huge(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * HUGE, content_type="application/octet-stream")

    @routes.get("/huge-chunked")
    async def huge_chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(HUGE // 65536):
                await response.write(b"y" * 65536)
        except (ConnectionResetError, RuntimeError):
            pass  # the client stopped reading at its cap and hung up, as it should
        return response

    @routes.get("/huge-gzip")
    async def huge_gzip(request: web.Request) -> web.Response:
        body = gzip.compress(b"z" * HUGE)
        assert len(body) < CAP  # small on the wire, huge once decompressed
        return web.Response(body=body, headers={"Content-Encoding": "gzip", "Content-Type": "text/xml"})

    @routes.get("/gzip-feed")
    async def gzip_feed(request: web.Request) -> web.Response:
        body = gzip.compress((FIXTURES / "rss2.xml").read_bytes())
        return web.Response(
            body=body, headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
        )

    @routes.get("/gate")
    async def gate(request: web.Request) -> web.Response:
        server.in_flight += 1
        server.max_in_flight = max(server.max_in_flight, server.in_flight)
        await asyncio.sleep(0.05)
        server.in_flight -= 1
        return web.Response(text="ok")

    app = web.Application(middlewares=[count])
    app.add_routes(routes)
    return app


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Record every outgoing connection and refuse any that is not to loopback."""
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


@pytest.fixture
async def server(connects: list[Any]) -> AsyncIterator[Server]:
    """Serve the fixtures from a real HTTP server on a random port of 127.0.0.1."""
    probe = Server(base="", port=0)
    runner = web.AppRunner(_app(probe), shutdown_timeout=0.5, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    probe.port = port
    probe.base = f"http://127.0.0.1:{port}"
    try:
        yield probe
    finally:
        probe.release.set()
        await runner.cleanup()


def local_settings(**overrides: Any) -> FetchSettings:
    """Settings for tests against the local server: short timeouts, private addresses allowed."""
    values: dict[str, Any] = {
        "connect_timeout": 1.0,
        "total_timeout": 3.0,
        "max_bytes": CAP,
        "allow_private": True,
    }
    values.update(overrides)
    return FetchSettings(**values)


async def fetch(url: str, settings: FetchSettings | None = None, **kwargs: Any) -> FetchResult:
    async with Fetcher(settings or local_settings()) as fetcher:
        return await fetcher.fetch(url, **kwargs)


async def test_fetches_feed_with_user_agent_and_headers(server: Server) -> None:
    result = await fetch(f"{server.base}/feeds/rss2.xml")
    assert result.status == 200 and not result.not_modified
    assert result.url == f"{server.base}/feeds/rss2.xml"
    assert result.content_type == "application/rss+xml; charset=utf-8"
    assert result.body == (FIXTURES / "rss2.xml").read_bytes()
    assert server.user_agents == [f"digestbot/{__version__} (+self-hosted news digest bot)"]


@pytest.mark.parametrize(
    ("name", "title", "count"),
    [
        ("rss2.xml", "Care Weekly – News", 3),
        ("atom.xml", "Health Policy Notes", 2),
        ("rdf.xml", "Public Health Journal (RDF)", 2),
        ("dupes.xml", "Duplicates Gazette", 3),
        ("latin1.xml", "Café Société News", 1),
        ("win1252.xml", "“Smart” Quotes Weekly", 1),
    ],
)
async def test_served_feeds_parse(server: Server, name: str, title: str, count: int) -> None:
    result = await fetch(f"{server.base}/feeds/{name}")
    feed = parse_feed(result.body, result.url, content_type=result.content_type)
    assert feed.title == title
    assert len(feed.items) == count


async def test_served_malformed_and_html_feeds_are_feed_errors(server: Server) -> None:
    malformed = await fetch(f"{server.base}/feeds/malformed.xml")
    with pytest.raises(FeedError, match="malformed feed"):
        parse_feed(malformed.body, malformed.url, content_type=malformed.content_type)
    page = await fetch(f"{server.base}/html-as-feed")
    with pytest.raises(FeedError, match="not a feed: looks like an HTML page"):
        parse_feed(page.body, page.url, content_type=page.content_type)


async def test_teaser_feed_leads_to_full_articles(server: Server) -> None:
    async with Fetcher(local_settings()) as fetcher:
        result = await fetcher.fetch(f"{server.base}/feeds/teaser.xml")
        feed = parse_feed(result.body, result.url, content_type=result.content_type)
        assert [is_teaser(i) for i in feed.items] == [True, True]
        pages = []
        for entry in feed.items:
            assert entry.url is not None
            page = await fetcher.fetch(entry.url)
            pages.append(await asyncio.to_thread(extract_article, page.body, page.url))
    assert [p.title for p in pages] == [i.title for i in feed.items]
    assert pages[0].text.startswith("Care home operators in the north of England have warned")
    assert "We cannot keep absorbing these costs" in pages[0].text
    assert "more than 13,000 beds" in pages[1].text
    assert all(
        len(p.text.split()) > len(i.summary_text.split()) * 3 for p, i in zip(pages, feed.items, strict=True)
    )


async def test_conditional_get_with_etag(server: Server) -> None:
    async with Fetcher(local_settings()) as fetcher:
        first = await fetcher.fetch(f"{server.base}/conditional")
        assert first.status == 200 and first.etag == ETAG and first.last_modified == LAST_MODIFIED
        second = await fetcher.fetch(f"{server.base}/conditional", etag=first.etag)
    assert second.not_modified and second.status == 304 and second.body == b""
    assert second.etag == ETAG and second.last_modified == LAST_MODIFIED


async def test_conditional_get_with_last_modified(server: Server) -> None:
    result = await fetch(f"{server.base}/conditional", last_modified=LAST_MODIFIED)
    assert result.not_modified and result.last_modified == LAST_MODIFIED


async def test_stale_etag_gets_the_body(server: Server) -> None:
    result = await fetch(f"{server.base}/conditional", etag='"old"')
    assert not result.not_modified and result.status == 200
    assert result.body == (FIXTURES / "rss2.xml").read_bytes()


async def test_validators_kept_on_bare_304_but_not_carried_into_a_new_200(server: Server) -> None:
    not_modified = await fetch(f"{server.base}/conditional-bare", etag=ETAG, last_modified=LAST_MODIFIED)
    assert (
        not_modified.not_modified
        and not_modified.etag == ETAG
        and not_modified.last_modified == LAST_MODIFIED
    )
    changed = await fetch(f"{server.base}/conditional-bare", etag='"old"', last_modified=LAST_MODIFIED)
    assert not changed.not_modified and changed.etag is None and changed.last_modified is None


async def test_five_redirects_are_followed(server: Server) -> None:
    result = await fetch(f"{server.base}/redirect/4")
    assert result.url == f"{server.base}/feeds/rss2.xml"
    assert result.body == (FIXTURES / "rss2.xml").read_bytes()
    assert sum(server.hits[f"/redirect/{n}"] for n in range(5)) == 5


async def test_six_redirects_are_refused(server: Server) -> None:
    with pytest.raises(FetchError, match=r"^too many redirects"):
        await fetch(f"{server.base}/redirect/5")
    assert server.hits["/feeds/rss2.xml"] == 0


@pytest.mark.parametrize("status", [301, 303, 307, 308])
async def test_relative_redirect_statuses(server: Server, status: int) -> None:
    result = await fetch(f"{server.base}/redirect-to?status={status}&target=/feeds/atom.xml")
    assert result.url == f"{server.base}/feeds/atom.xml" and result.status == 200


async def test_redirect_without_location(server: Server) -> None:
    with pytest.raises(FetchError, match="HTTP 301 redirect without a Location"):
        await fetch(f"{server.base}/redirect-without-location")


@pytest.mark.parametrize(("code", "reason"), [(500, "HTTP 500"), (404, "HTTP 404"), (410, "HTTP 410")])
async def test_http_errors(server: Server, code: int, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch(f"{server.base}/status/{code}")
    assert str(caught.value) == reason and caught.value.status == code


async def test_slow_server_times_out(server: Server) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(FetchError, match=r"^timed out after 0.3 s$"):
        await fetch(f"{server.base}/slow", local_settings(total_timeout=0.3))
    assert loop.time() - started < 2


async def test_connection_refused(connects: list[Any]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"^connection refused$"):
        await fetch(f"http://127.0.0.1:{port}/feed")


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked", "/huge-gzip"])
async def test_size_cap(server: Server, path: str) -> None:
    with pytest.raises(FetchError, match=rf"^response larger than {CAP} bytes$"):
        await fetch(f"{server.base}{path}")


async def test_gzip_is_decompressed(server: Server) -> None:
    result = await fetch(f"{server.base}/gzip-feed")
    assert result.body == (FIXTURES / "rss2.xml").read_bytes()


async def test_concurrency_limit(server: Server) -> None:
    async with Fetcher(local_settings(concurrency=2)) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(f"{server.base}/gate") for _ in range(6)))
    assert [r.body for r in results] == [b"ok"] * 6
    assert server.max_in_flight == 2


# --- safety with default settings: refusals happen before any connection --------------------------


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("http://127.0.0.1:{port}/feeds/rss2.xml", "refused: loopback address 127.0.0.1"),
        ("http://[::1]:{port}/feeds/rss2.xml", "refused: loopback address ::1"),
        ("http://10.0.0.1/feed", "refused: private address 10.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "refused: link-local address 169.254.169.254"),
        ("http://[::ffff:127.0.0.1]:{port}/feeds/rss2.xml", "refused: loopback address 127.0.0.1"),
        ("http://2130706433:{port}/feeds/rss2.xml", "refused: loopback address 127.0.0.1"),
        ("http://１２７.0.0.1:{port}/feeds/rss2.xml", "refused: loopback address 127.0.0.1"),
        ("file:///etc/passwd", "refused: scheme file: is not allowed"),
        ("ftp://127.0.0.1/feed", "refused: scheme ftp: is not allowed"),
    ],
)
async def test_default_settings_refuse_unsafe_urls(
    server: Server, connects: list[Any], template: str, reason: str
) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch(template.format(port=server.port), FetchSettings(connect_timeout=1, total_timeout=3))
    assert str(caught.value).startswith(reason)
    assert connects == [] and sum(server.hits.values()) == 0


async def test_hostname_resolving_to_loopback_is_refused_at_connect_time(
    server: Server, connects: list[Any]
) -> None:
    url = f"http://localhost:{server.port}/feeds/rss2.xml"
    check_url(url, allow_private=False)  # the name itself passes: only the resolved address is refused
    refused = r"^refused: loopback address (127\.0\.0\.1|::1) \(DIGESTBOT_ALLOW_PRIVATE_URLS=1"
    with pytest.raises(FetchError, match=refused):
        await fetch(url, FetchSettings(connect_timeout=1, total_timeout=3))
    assert connects == [] and sum(server.hits.values()) == 0


async def test_hostname_allowed_when_private_allowed(server: Server) -> None:
    result = await fetch(f"http://localhost:{server.port}/feeds/rdf.xml")
    assert result.status == 200 and server.hits["/feeds/rdf.xml"] == 1


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://10.0.0.1/feed", "refused: private address 10.0.0.1"),
        ("http://192.168.1.1:8080/admin", "refused: private address 192.168.1.1"),
        ("http://169.254.169.254/latest/meta-data/", "refused: link-local address 169.254.169.254"),
        ("http://[::ffff:10.0.0.1]/", "refused: private address 10.0.0.1"),
        ("//10.0.0.2/feed", "refused: private address 10.0.0.2"),
        ("file:///etc/passwd", "refused: scheme file: is not allowed"),
    ],
)
async def test_redirect_to_private_address_is_refused_before_connecting(
    server: Server, connects: list[Any], target: str, reason: str
) -> None:
    # Only the test server's own address is opened; the redirect target must still be refused.
    settings = FetchSettings(
        connect_timeout=1, total_timeout=3, allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),)
    )
    with pytest.raises(FetchError) as caught:
        await fetch(f"{server.base}/redirect-to?target={target}", settings)
    assert str(caught.value).startswith(reason)
    assert server.hits["/redirect-to"] == 1
    assert {address[0] for address in connects} == {"127.0.0.1"}


async def test_redirect_to_metadata_refused_even_with_allow_private(
    server: Server, connects: list[Any]
) -> None:
    with pytest.raises(FetchError, match=r"refused: link-local address 169\.254\.169\.254"):
        await fetch(f"{server.base}/redirect-to?target=http://169.254.169.254/latest/meta-data/")
    assert {address[0] for address in connects} == {"127.0.0.1"}


# --- the resolver on its own: every lookup is filtered ---------------------------------------------


class ScriptedDNS(AbstractResolver):
    """A DNS stand-in that answers each lookup with the next scripted list of addresses."""

    def __init__(self, answers: list[list[str]]) -> None:
        self.answers = answers

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            ResolveResult(hostname=host, host=ip, port=port, family=family, proto=0, flags=0)
            for ip in self.answers.pop(0)
        ]

    async def close(self) -> None:
        return None


async def test_resolver_drops_forbidden_addresses_and_rechecks_every_lookup() -> None:
    dns = ScriptedDNS([["93.184.216.34", "127.0.0.1", "10.1.2.3"], ["127.0.0.1"], ["169.254.169.254"]])
    resolver = SafeResolver(dns, allow_private=False)
    first = await resolver.resolve("rebind.example", 80)
    assert [r["host"] for r in first] == ["93.184.216.34"]
    with pytest.raises(RefusedAddressError, match=r"loopback address 127\.0\.0\.1"):
        await resolver.resolve("rebind.example", 80)  # DNS rebinding: second answer is loopback
    with pytest.raises(RefusedAddressError, match=r"link-local address 169\.254\.169\.254"):
        await resolver.resolve("rebind.example", 80)


async def test_resolver_resolves_localhost_for_real() -> None:
    refusing = SafeResolver(DefaultResolver(), allow_private=False)
    with pytest.raises(RefusedAddressError, match="loopback address"):
        await refusing.resolve("localhost", 80)
    allowing = SafeResolver(DefaultResolver(), allow_private=True)
    assert {r["host"] for r in await allowing.resolve("localhost", 80)} <= {"127.0.0.1", "::1"}


# --- back-off ----------------------------------------------------------------------------------------


def test_next_retry_delay_doubles_up_to_cap() -> None:
    assert [next_retry_delay(n, base=60, cap=3600) for n in range(9)] == [
        0.0,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]


@given(failures=st.integers(min_value=-5, max_value=100_000), base=st.floats(0.1, 1e4), cap=st.floats(1, 1e6))
def test_next_retry_delay_is_bounded_and_monotonic(failures: int, base: float, cap: float) -> None:
    delay = next_retry_delay(failures, base, cap)
    assert 0 <= delay <= cap
    assert next_retry_delay(failures + 1, base, cap) >= delay
