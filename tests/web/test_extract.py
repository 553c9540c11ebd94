"""Article extraction from hand-written fixture pages, without any network access."""

from __future__ import annotations

import asyncio
import socket
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.web.extract import ExtractedPage, ExtractError, extract_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "pages"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail any attempt to open a connection or resolve a name while extracting."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_extracts_article_and_metadata(no_network: list[object]) -> None:
    page = extract_article(
        (PAGES / "care-homes.html").read_bytes(), "http://teaser.example/articles/care-homes.html"
    )
    assert page.title == "Care homes warn of closures as costs rise"
    assert page.author == "Priya Shah"
    assert page.published == date(2025, 5, 14)
    assert page.site_name == "Teaser Times"
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0].startswith("Care home operators in the north of England have warned")
    assert paragraphs[-1].startswith("The Department of Health and Social Care said")
    assert '"We cannot keep absorbing these costs," said Margaret Okafor' in page.text
    for furniture in ("cookies", "Jobs", "Related stories", "All rights reserved", page.title):
        assert furniture not in page.text
    assert no_network == []


def test_extracts_from_str_and_other_layout(no_network: list[object]) -> None:
    html = (PAGES / "discharge.html").read_text(encoding="utf-8")
    page = extract_article(html, "http://teaser.example/articles/discharge.html")
    assert page.title == "Hospital discharge delays hit record"
    assert page.author == "Tom Evans"
    assert page.published == date(2025, 5, 15)
    assert page.text.startswith("Patients who are medically fit to leave hospital")
    assert "bed that cannot be used by someone waiting in A&E" in page.text
    assert "Share this article" not in page.text and "Registered in England" not in page.text
    assert len(page.text.split("\n\n")) == 4


def test_windows_1252_page_bytes(no_network: list[object]) -> None:
    body = " ".join(["The chief executive’s report said services were “under real pressure”."] * 6)
    html = (
        '<html><head><meta charset="windows-1252"><title>Report</title></head>'
        f"<body><article><h1>Report</h1><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode("cp1252")
    page = extract_article(html, "https://x.example/report")
    assert "chief executive’s report" in page.text and "“under real pressure”" in page.text


@pytest.mark.parametrize(
    "html",
    [b"", b"   ", "", (PAGES / "cookie-wall.html").read_bytes(), b"\x00\xff\xfe garbage", b"<html></html>"],
)
def test_no_article_is_an_extract_error(html: bytes | str) -> None:
    with pytest.raises(ExtractError):
        extract_article(html, "https://x.example/")


async def test_runs_in_a_worker_thread() -> None:
    html = (PAGES / "care-homes.html").read_bytes()
    page = await asyncio.to_thread(extract_article, html, "http://teaser.example/articles/care-homes.html")
    assert page.title == "Care homes warn of closures as costs rise"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_extract_or_raise_extract_error(html: bytes) -> None:
    try:
        page = extract_article(html, "https://x.example/a")
    except ExtractError:
        return
    assert isinstance(page, ExtractedPage) and page.text


_HTMLISH = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<body>",
            "<article>",
            "</article>",
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<h1>",
            "</h1>",
            "<nav>",
            "</nav>",
            "<script>",
            "</script>",
            "<table><tr><td>",
            '<meta name="author" content="A">',
            '<meta property="article:published_time" content="2025-13-45">',
            "Councils said the care budget would rise. ",
            "“Quote,” she said. ",
            "&amp;",
            "\x00",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HTMLISH)
def test_pagelike_fragments_extract_or_raise_extract_error(html: str) -> None:
    try:
        page = extract_article(html, "https://x.example/a")
    except ExtractError:
        return
    assert "\n\n\n" not in page.text
    assert page.text == page.text.strip()
