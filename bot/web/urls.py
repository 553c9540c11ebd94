"""URL hygiene for live sources: one canonical form per article, no fetches where we must not reach."""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

WEB_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only identify the campaign or click, never the article.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "rb_clickid",
        "s_cid",
        "cmpid",
        "ito",
        "at_medium",
        "at_campaign",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
    }
)
TRACKING_PREFIXES = ("utm_",)

# Address kinds that stay refused even when the operator allows private networks: cloud metadata
# (169.254.169.254), multicast and the unroutable ranges never host a news feed.
ALWAYS_REFUSED_KINDS = frozenset({"link-local", "multicast", "reserved", "unspecified"})

_NUMERIC_HOST = re.compile(r"[0-9a-fA-FxX.]+")
_PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
_NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")


class URLError(ValueError):
    """A URL this bot will not use; the message is a one-line reason fit for a user."""


class InvalidURLError(URLError):
    """The text is not a usable absolute http(s) URL."""


class UnsafeURLError(URLError):
    """The URL is well formed but points somewhere the bot must not fetch from."""


def _split(url: str) -> SplitResult:
    """Parse once so that malformed ports and brackets become our own error."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - evaluating it validates the port
    except ValueError as exc:
        raise InvalidURLError(f"malformed URL: {exc}") from exc
    return parts


def _normalise_host(host: str) -> str:
    """Lower-case, drop a trailing root dot and use the ASCII form so spellings of one host compare equal."""
    host = host.lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _is_tracking_param(name: str) -> bool:
    """Tell whether a query parameter is campaign/click tracking rather than content."""
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _clean_query(query: str) -> str:
    """Drop tracking parameters and sort the rest, keeping each pair's original encoding."""
    pairs = [p for p in query.split("&") if p]
    kept = [p for p in pairs if not _is_tracking_param(unquote_plus(p.split("=", 1)[0]))]
    return "&".join(sorted(kept))


def normalise_url(url: str) -> str:
    """Return the canonical display form of an http(s) URL so one article is stored under one URL.

    Lower-cases scheme and host, drops default ports, credentials, fragments and tracking parameters,
    sorts the remaining query and upper-cases percent escapes. Scheme and trailing slash are kept (the
    result must still work as a link); use `url_key` to compare.
    """
    parts = _split(url)
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise InvalidURLError(f"not an http(s) URL: {url.strip()[:100]!r}")
    if not parts.hostname:
        raise InvalidURLError("URL has no host")
    host = _normalise_host(parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    path = _PERCENT_ESCAPE.sub(lambda m: m.group(0).upper(), parts.path) or "/"
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), ""))


def url_key(url: str) -> str:
    """Return a de-duplication key under which http/https, www. and trailing-slash variants coincide."""
    parts = urlsplit(normalise_url(url))
    key = parts.netloc.removeprefix("www.") + parts.path.rstrip("/")
    return f"{key}?{parts.query}" if parts.query else key


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Find an IPv4 address tunnelled inside an IPv6 one (6to4, Teredo, NAT64), which is where it leads."""
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64_PREFIX:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_kind(ip: IPAddress) -> str | None:
    """Name the non-public range an address falls in ("loopback", "private", ...), or None if public."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return address_kind(ip.ipv4_mapped)
        embedded = _embedded_ipv4(ip)
        if embedded is not None and (kind := address_kind(embedded)) is not None:
            return kind
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private or not ip.is_global:
        return "private"
    return None


def parse_ip(value: str | IPAddress) -> IPAddress | None:
    """Read an IP address, including legacy numeric IPv4 forms sockets accept (2130706433, 127.1, 0x7f.1)."""
    if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return value
    text = value.strip("[]")
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if _NUMERIC_HOST.fullmatch(text) and any(c.isdigit() for c in text):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def is_forbidden_ip(ip: str | IPAddress) -> bool:
    """Tell whether an address is anything but a public unicast one; unreadable input counts as forbidden."""
    parsed = parse_ip(ip)
    return parsed is None or address_kind(parsed) is not None


def check_ip(ip: str | IPAddress, *, allow_private: bool, allowed_networks: Iterable[IPNetwork] = ()) -> None:
    """Refuse an address the bot must not connect to; `allowed_networks` opens specific private ranges."""
    parsed = parse_ip(ip)
    if parsed is None:
        raise UnsafeURLError(f"unreadable address {ip!s}")
    kind = address_kind(parsed)
    if kind is None:
        return
    if kind in ALWAYS_REFUSED_KINDS:
        raise UnsafeURLError(f"{kind} address {parsed}")
    if allow_private:
        return
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    if any(parsed in net for net in allowed_networks):
        return
    # the one refusal a setting can lift: say which, so an operator with a feed on their own network knows
    raise UnsafeURLError(f"{kind} address {parsed} (DIGESTBOT_ALLOW_PRIVATE_URLS=1 allows your own network)")


def check_url(url: str, allow_private: bool, *, allowed_networks: Iterable[IPNetwork] = ()) -> None:
    """Refuse URLs that are not plain http(s) to a public host before any connection is made.

    Host names are not resolved here; the fetcher's resolver checks the addresses at connect time.
    """
    parts = _split(url)
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise UnsafeURLError(
            f"scheme {scheme + ':' if scheme else '(none)'} is not allowed, only http and https"
        )
    if not parts.hostname:
        raise UnsafeURLError("URL has no host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURLError("credentials in URLs are not allowed")
    ip = parse_ip(_normalise_host(parts.hostname))
    if ip is not None:
        check_ip(ip, allow_private=allow_private, allowed_networks=allowed_networks)
