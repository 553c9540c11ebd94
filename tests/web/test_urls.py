"""URL normalisation for de-duplication, and the refusal rules that keep fetches off private networks."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.web.urls import InvalidURLError, UnsafeURLError, check_ip, check_url, is_forbidden_ip, normalise_url, url_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://WWW.Example.COM/News", "http://www.example.com/News"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a#section-2", "https://example.com/a"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        ("https://example.com/a?UTM_Campaign=x&id=3", "https://example.com/a?id=3"),
        ("https://example.com/a?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2&p=1", "https://example.com/a?p=1"),
        ("https://example.com/a?b=2&a=1&c=3", "https://example.com/a?a=1&b=2&c=3"),
        ("https://example.com/a?q=caf%c3%a9+au+lait", "https://example.com/a?q=caf%c3%a9+au+lait"),
        ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://[2001:DB8::1]:8443/a", "https://[2001:db8::1]:8443/a"),
    ],
)
def test_normalise_url(raw: str, expected: str) -> None:
    assert normalise_url(raw) == expected


def test_normalise_url_keeps_scheme_and_trailing_slash_for_display() -> None:
    assert normalise_url("http://example.com/a/") == "http://example.com/a/"
    assert normalise_url("https://example.com/a") == "https://example.com/a"


@pytest.mark.parametrize(
    "raw", ["ftp://example.com/a", "mailto:a@example.com", "/relative/path", "example.com/a"]
)
def test_normalise_url_rejects_non_web_urls(raw: str) -> None:
    with pytest.raises(InvalidURLError):
        normalise_url(raw)


def test_normalise_url_rejects_bad_port() -> None:
    with pytest.raises(InvalidURLError, match="malformed"):
        normalise_url("http://example.com:99999/")


def test_url_key_merges_scheme_www_slash_and_tracking_variants() -> None:
    variants = [
        "http://example.com/news/story",
        "https://example.com/news/story/",
        "https://www.example.com/news/story",
        "HTTPS://WWW.EXAMPLE.COM:443/news/story/?utm_source=twitter#comments",
    ]
    assert {url_key(v) for v in variants} == {"example.com/news/story"}


def test_url_key_keeps_distinct_articles_apart() -> None:
    keys = {
        url_key("https://example.com/news/story"),
        url_key("https://example.com/news/story-2"),
        url_key("https://example.com/News/Story"),
        url_key("https://example.com/news/story?id=2"),
        url_key("https://example.org/news/story"),
    }
    assert len(keys) == 5


def test_url_key_query_order_does_not_matter() -> None:
    assert url_key("https://example.com/a?x=1&y=2") == url_key("https://example.com/a?y=2&x=1")


@given(
    path=st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=8), max_size=4),
    params=st.dictionaries(
        st.text("abcdefgh", min_size=1, max_size=4), st.text("xyz0123", max_size=4), max_size=4
    ),
    tracking=st.booleans(),
)
def test_normalise_url_is_idempotent(path: list[str], params: dict[str, str], tracking: bool) -> None:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    if tracking:
        query = f"utm_source=x&{query}" if query else "utm_source=x"
    url = "HTTPS://Example.com/" + "/".join(path) + (f"?{query}" if query else "") + "#frag"
    once = normalise_url(url)
    assert normalise_url(once) == once
    assert url_key(once) == url_key(url)
    assert "utm_source" not in once and "#" not in once


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "2002:a00:1::",  # 6to4 wrapping 10.0.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 wrapping 10.0.0.1
        "2001:db8::1",
        "2130706433",  # 127.0.0.1 as one number
        "127.1",
        "0x7f.0.0.1",
        "not an address",
    ],
)
def test_is_forbidden_ip_refuses_non_public(address: str) -> None:
    assert is_forbidden_ip(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_is_forbidden_ip_allows_public(address: str) -> None:
    assert not is_forbidden_ip(address)
    assert not is_forbidden_ip(ipaddress.ip_address(address))


@given(st.ip_addresses(v=4))
def test_ipv4_mapped_form_is_judged_like_the_ipv4_address(ip: ipaddress.IPv4Address) -> None:
    mapped = ipaddress.IPv6Address(f"::ffff:{ip}")
    assert is_forbidden_ip(mapped) == is_forbidden_ip(ip)


@given(st.ip_addresses(v=4, network="10.0.0.0/8") | st.ip_addresses(v=4, network="127.0.0.0/8"))
def test_private_ranges_are_always_forbidden(ip: ipaddress.IPv4Address) -> None:
    assert is_forbidden_ip(ip)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback address 127.0.0.1"),
        ("http://[::1]/", "loopback address ::1"),
        ("http://10.0.0.1/", "private address 10.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://[::ffff:127.0.0.1]/", "loopback address 127.0.0.1"),
        ("http://[::ffff:7f00:1]:8080/", "loopback address 127.0.0.1"),
        ("http://2130706433/", "loopback address 127.0.0.1"),
        ("http://0x7f000001/", "loopback address 127.0.0.1"),
        ("http://１２７.0.0.1/", "loopback address 127.0.0.1"),  # full-width digits fold to ASCII
        ("http://[2002:7f00:1::]/", "loopback address"),
        ("http://0.0.0.0:8000/", "unspecified address 0.0.0.0"),
        ("file:///etc/passwd", "scheme file: is not allowed"),
        ("ftp://example.com/feed", "scheme ftp: is not allowed"),
        ("javascript:alert(1)", "scheme javascript: is not allowed"),
        ("data:text/html,<h1>x</h1>", "scheme data: is not allowed"),
        ("//example.com/feed", "scheme (none) is not allowed"),
        ("http:///feed", "URL has no host"),
        ("https://user:pw@example.com/feed", "credentials in URLs are not allowed"),
        ("https://token@example.com/feed", "credentials in URLs are not allowed"),
    ],
)
def test_check_url_refuses(url: str, reason: str) -> None:
    with pytest.raises(UnsafeURLError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        check_url(url, allow_private=False)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/feed.xml",
        "http://8.8.8.8/feed",
        "https://[2606:4700::1111]/",
        "http://localhost/",
    ],
)
def test_check_url_accepts_public_or_unresolved(url: str) -> None:
    # Host names (even "localhost") are checked at connect time by the fetcher's resolver, not here.
    check_url(url, allow_private=False)


def test_check_url_reports_bad_port_as_invalid() -> None:
    with pytest.raises(InvalidURLError):
        check_url("http://example.com:abc/", allow_private=False)


def test_allow_private_opens_private_ranges_but_never_metadata_or_multicast() -> None:
    check_url("http://127.0.0.1:8080/", allow_private=True)
    check_url("http://10.0.0.1/", allow_private=True)
    check_url("http://[::1]/", allow_private=True)
    for url in ("http://169.254.169.254/", "http://[fe80::1]/", "http://224.0.0.1/", "http://0.0.0.0/"):
        with pytest.raises(UnsafeURLError):
            check_url(url, allow_private=True)


def test_allowed_networks_open_only_the_listed_range() -> None:
    loopback_only = (ipaddress.ip_network("127.0.0.1/32"),)
    check_url("http://127.0.0.1:9000/", False, allowed_networks=loopback_only)
    check_url("http://[::ffff:127.0.0.1]/", False, allowed_networks=loopback_only)
    with pytest.raises(UnsafeURLError, match=r"private address 10\.0\.0\.1"):
        check_url("http://10.0.0.1/", False, allowed_networks=loopback_only)
    with pytest.raises(UnsafeURLError, match="link-local"):
        check_ip(
            "169.254.169.254", allow_private=False, allowed_networks=(ipaddress.ip_network("169.254.0.0/16"),)
        )
