"""Fetch feeds and pages politely and safely: capped, timed, conditional, never to private hosts."""

from __future__ import annotations

import asyncio
import logging
import socket
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from bot import __version__
from bot.web.urls import IPNetwork, URLError, check_ip, check_url

log = logging.getLogger(__name__)

USER_AGENT = f"digestbot/{__version__} (+self-hosted news digest bot)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_SIZE = 64 * 1024


class FetchError(Exception):
    """A fetch that failed; the message is a one-line reason to show the operator."""

    def __init__(self, reason: str, *, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class RefusedAddressError(OSError):
    """Raised by the resolver so aiohttp aborts before connecting to a forbidden address."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How the fetcher behaves; defaults suit a small bot polling a few dozen sources."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    concurrency: int = 4
    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One completed fetch; `not_modified` means the cached copy is current and `body` is empty."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool


class SafeResolver(AbstractResolver):
    """Resolve host names and drop forbidden addresses, so a connection only ever goes to a checked IP.

    Checking at connect time (not before) is what defeats DNS rebinding: there is no second lookup
    between the check and the connect.
    """

    def __init__(
        self,
        inner: AbstractResolver,
        *,
        allow_private: bool,
        allowed_networks: tuple[IPNetwork, ...] = (),
    ) -> None:
        self._inner = inner
        self._allow_private = allow_private
        self._allowed_networks = allowed_networks

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        safe: list[ResolveResult] = []
        refusals: list[str] = []
        for result in results:
            try:
                check_ip(
                    result["host"], allow_private=self._allow_private, allowed_networks=self._allowed_networks
                )
            except URLError as exc:
                refusals.append(str(exc))
                continue
            safe.append(result)
        if not safe:
            reason = refusals[0] if refusals else "no addresses"
            log.warning("refused to connect to %s: %s", host, reason)
            raise RefusedAddressError(reason)
        return safe

    async def close(self) -> None:
        await self._inner.close()


def next_retry_delay(failures: int, base: float, cap: float) -> float:
    """Return how long to wait before polling a failing source again: doubling from `base`, at most `cap`."""
    if failures <= 0:
        return 0.0
    return min(cap, base * 2.0 ** min(failures - 1, 1000))


def _seconds(value: float) -> str:
    """Format a timeout for a human: 10 s, 0.5 s."""
    return f"{value:g} s"


def _header(response: aiohttp.ClientResponse, name: str) -> str | None:
    """Return a response header, treating an empty value as absent."""
    return response.headers.get(name) or None


class Fetcher:
    """Shared HTTP client for all live sources; use as `async with Fetcher(settings) as f`."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._semaphore = asyncio.Semaphore(self.settings.concurrency)
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Release the connection pool."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _get_session(self) -> aiohttp.ClientSession:
        """Create the session lazily because aiohttp needs a running event loop."""
        if self._session is None:
            s = self.settings
            resolver = SafeResolver(
                DefaultResolver(), allow_private=s.allow_private, allowed_networks=s.allowed_networks
            )
            connector = aiohttp.TCPConnector(resolver=resolver, limit=max(s.concurrency, 1) * 2)
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=s.connect_timeout),
                headers={"User-Agent": s.user_agent, "Accept": ACCEPT},
                cookie_jar=aiohttp.DummyCookieJar(),
                trust_env=False,
            )
        return self._session

    def _check(self, url: str) -> URL:
        """Check a URL exactly as aiohttp will see it (yarl normalises hosts, e.g. full-width digits)."""
        try:
            parsed = URL(url)
            check_url(
                str(parsed), self.settings.allow_private, allowed_networks=self.settings.allowed_networks
            )
        except URLError as exc:
            raise FetchError(f"refused: {exc}") from exc
        except ValueError as exc:
            raise FetchError(f"invalid URL: {exc}") from exc
        return parsed

    async def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET a URL, conditionally if validators are given, checking every redirect hop ourselves."""
        async with self._semaphore:
            try:
                async with asyncio.timeout(self.settings.total_timeout):
                    return await self._fetch(url, etag, last_modified)
            except aiohttp.ClientError as exc:  # before TimeoutError: aiohttp's connect timeout is both
                raise FetchError(self._describe(exc)) from exc
            except TimeoutError as exc:
                raise FetchError(f"timed out after {_seconds(self.settings.total_timeout)}") from exc

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        session = self._get_session()
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            target = self._check(current)
            async with session.get(target, headers=headers, allow_redirects=False) as response:
                if response.status in REDIRECT_STATUSES:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(
                            f"HTTP {response.status} redirect without a Location", status=response.status
                        )
                    current = urljoin(str(response.url), location)
                    log.debug("redirect %s -> %s", response.url, current)
                    continue
                return await self._result(response, etag, last_modified)
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")

    async def _result(
        self, response: aiohttp.ClientResponse, etag: str | None, last_modified: str | None
    ) -> FetchResult:
        """Turn a final response into a result, reading at most `max_bytes` of (decompressed) body."""

        def result(body: bytes, not_modified: bool) -> FetchResult:
            # A 304 may omit validators; the ones we sent still describe the cached copy. A 200 replaces them.
            return FetchResult(
                url=str(response.url),
                status=response.status,
                body=body,
                content_type=_header(response, "Content-Type"),
                etag=_header(response, "ETag") or (etag if not_modified else None),
                last_modified=_header(response, "Last-Modified") or (last_modified if not_modified else None),
                not_modified=not_modified,
            )

        if response.status == 304:
            return result(b"", not_modified=True)
        if not 200 <= response.status < 300:
            raise FetchError(f"HTTP {response.status}", status=response.status)
        limit = self.settings.max_bytes
        too_large = f"response larger than {limit} bytes"
        encoded = "Content-Encoding" in response.headers
        if not encoded and response.content_length is not None and response.content_length > limit:
            raise FetchError(too_large, status=response.status)
        body = bytearray()
        async for chunk in response.content.iter_chunked(CHUNK_SIZE):
            body += chunk
            if len(body) > limit:
                raise FetchError(too_large, status=response.status)
        return result(bytes(body), not_modified=False)

    def _describe(self, exc: aiohttp.ClientError) -> str:
        """Reduce an aiohttp exception to a one-line reason."""
        if isinstance(exc, aiohttp.ClientConnectorDNSError):
            if isinstance(exc.os_error, RefusedAddressError):
                return f"refused: {exc.os_error}"
            return f"could not resolve host {exc.host}"
        if isinstance(exc, aiohttp.ClientConnectorCertificateError):
            return f"TLS certificate error for {exc.host}"
        if isinstance(exc, aiohttp.ClientConnectorError):
            if isinstance(exc.os_error, ConnectionRefusedError):
                return "connection refused"
            return f"could not connect to {exc.host}:{exc.port}: {exc.os_error.strerror or exc.os_error}"
        if isinstance(exc, aiohttp.ServerTimeoutError):
            return f"timed out connecting after {_seconds(self.settings.connect_timeout)}"
        if isinstance(exc, aiohttp.ServerDisconnectedError):
            return "server closed the connection"
        if isinstance(exc, aiohttp.ClientPayloadError):
            return "broken response body"
        if isinstance(exc, aiohttp.InvalidURL):
            return f"invalid URL: {exc.url}"
        return f"request failed: {type(exc).__name__}: {exc}".splitlines()[0]
