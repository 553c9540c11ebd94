"""Feed parsing on hand-written fixture feeds: formats, encodings, duplicates, teasers and bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.web.feeds import Feed, FeedError, FeedItem, discover_feed_links, html_to_text, is_teaser, parse_feed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def item(**fields: object) -> FeedItem:
    values: dict[str, object] = {
        "guid": "g",
        "url": None,
        "title": None,
        "published": None,
        "author": None,
        "summary_text": "",
        "content_text": "",
    }
    values.update(fields)
    return FeedItem(**values)  # type: ignore[arg-type]


LONG_TEXT = " ".join(["Councils said the money would be spent on home care and on support for carers."] * 20)


def test_rss2_items_fields_and_content() -> None:
    feed = parse_feed(load("rss2.xml"), "https://careweekly.example/feed/")
    assert feed.title == "Care Weekly – News"
    assert [i.title for i in feed.items] == [
        "Councils warn of £2bn gap in adult social care budgets",
        "NHS trusts asked to cut agency spending",
        "Relative link item",
    ]
    first, second, third = feed.items
    assert first.guid == "careweekly-2025-0001"
    assert first.url == "https://careweekly.example/news/councils-warn-gap/?id=42"  # tracking params dropped
    assert first.published == datetime(2025, 5, 14, 7, 0, tzinfo=UTC)
    assert first.author == "Priya Shah"
    assert first.summary_text == "Councils say rising demand has opened a funding gap."
    paragraphs = first.content_text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Councils in England face a £2bn gap")
    assert "“We are being asked to do more every year" in paragraphs[2]
    assert "<" not in first.content_text and "never text" not in first.content_text
    assert not is_teaser(first)

    assert second.author == "Tom Evans"  # "email (Name)" form, e-mail dropped
    assert second.url == "https://careweekly.example/news/agency-spending/"
    assert second.summary_text.startswith("Trusts have been told to reduce spending on agency staff & locums")
    assert is_teaser(second)

    assert third.url == "https://careweekly.example/news/relative-item"  # resolved against the feed URL
    assert third.guid == third.url
    assert third.published is None


def test_atom_entries() -> None:
    feed = parse_feed(load("atom.xml"), "https://policy.example/atom.xml")
    assert feed.title == "Health Policy Notes"
    first, second = feed.items
    assert first.title == "Integrated care boards merge in the South West"
    assert first.guid == "tag:policy.example,2025:/notes/icb-merger"
    assert first.url == "https://policy.example/notes/icb-merger"
    assert first.published == datetime(2025, 5, 15, 8, 30, tzinfo=UTC)
    assert first.author == "Dr Hannah Lee"
    assert first.summary_text == "Two integrated care boards will merge from April."
    assert first.content_text == (
        "Two integrated care boards in the South West will merge from April next year, the regional "
        "director confirmed.\n\nThe merger is expected to save running costs of around £4m a year."
    )
    assert second.published == datetime(2025, 5, 13, 3, 30, tzinfo=UTC)  # -04:00 converted to UTC
    assert second.summary_text == "New figures show waits for talking therapies fell slightly."
    assert second.content_text == ""


def test_rdf_rss_1_0() -> None:
    feed = parse_feed(load("rdf.xml"), "https://journal.example/rss")
    assert feed.title == "Public Health Journal (RDF)"
    assert [i.url for i in feed.items] == [
        "https://journal.example/articles/vaccination-uptake",
        "https://journal.example/articles/air-quality",
    ]
    assert feed.items[0].published == datetime(2025, 4, 30, 12, 0, tzinfo=UTC)
    assert feed.items[0].author == "Public Health Journal staff"
    assert all(i.published is not None and i.published.tzinfo is not None for i in feed.items)


def test_latin1_feed_decoded_with_windows_1252_fallback_for_stray_bytes() -> None:
    feed = parse_feed(load("latin1.xml"), "https://latin.example/rss")
    assert feed.title == "Café Société News"
    (only,) = feed.items
    assert only.title == "Naïve costings: £5m for the café"
    # 0x92 is a C1 control in ISO-8859-1 but a right quote in windows-1252, which is what publishers meant.
    assert only.summary_text == "Residents’ groups said the £5m plan was «unrealistic»."


def test_windows_1252_feed() -> None:
    feed = parse_feed(load("win1252.xml"), "https://win.example/rss")
    assert feed.title == "“Smart” Quotes Weekly"
    assert feed.items[0].title == "Minister’s €10m pledge – what it means"
    assert feed.items[0].summary_text == "‘It is a start’, said the chair — but more is needed… not yet."


def test_header_charset_is_honoured() -> None:
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\xe9</title>'
        "<item><title>Se\xf1or</title><link>https://x.example/1</link></item></channel></rss>"
    ).encode("latin-1")
    feed = parse_feed(body, "https://x.example/rss", content_type="application/rss+xml; charset=ISO-8859-1")
    assert feed.title == "Café"
    assert feed.items[0].title == "Señor"


def test_duplicate_guids_collapse_to_first() -> None:
    feed = parse_feed(load("dupes.xml"), "https://dupes.example/rss")
    assert [i.title for i in feed.items] == ["First copy", "Story B", "No guid one"]
    assert [i.guid for i in feed.items] == ["story-a", "story-b", "https://dupes.example/c"]


def test_malformed_xml_is_a_feed_error() -> None:
    with pytest.raises(FeedError, match=r"^malformed feed: .*mismatched tag"):
        parse_feed(load("malformed.xml"), "https://broken.example/rss")


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match=r"^not a feed: looks like an HTML page$"):
        parse_feed(load("pages/home.html"), "https://teaser.example/")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty response"),
        (b"  \n\t ", "empty response"),
        (b"<html><body>Hello</body></html>", "looks like an HTML page"),
        (
            b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><!DOCTYPE html><html></html>',
            "looks like an HTML page",
        ),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "not a feed|malformed"),
        (b"<?xml version='1.0'?><note><to>Tove</to></note>", "not a feed"),
        (b"plain text, not XML at all", "malformed feed|not a feed"),
    ],
)
def test_not_a_feed(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        parse_feed(body, "https://x.example/feed")


def test_valid_feed_with_no_items_is_empty_not_an_error() -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert parse_feed(body, "https://x.example/rss") == Feed(title="Quiet", items=())
    # A careless server label must not turn a valid empty feed into an error.
    assert parse_feed(body, "https://x.example/rss", content_type="text/html; charset=utf-8").title == "Quiet"


def test_body_is_never_opened_as_a_file_name() -> None:
    # feedparser treats bytes/str input as a path or URL to open; parse_feed must treat it as content only.
    with pytest.raises(FeedError):
        parse_feed(str(FIXTURES / "rss2.xml").encode(), "https://x.example/rss")


def test_teaser_feed_items_are_teasers_and_lose_the_wordpress_footer() -> None:
    feed = parse_feed(load("teaser.xml"), "http://teaser.example/teaser.xml")
    assert len(feed.items) == 2
    assert all(is_teaser(i) for i in feed.items)
    assert feed.items[0].summary_text.endswith("could force closures […]")
    assert "appeared first on" not in feed.items[0].summary_text


@pytest.mark.parametrize(
    ("summary", "content", "teaser"),
    [
        ("", "", True),
        ("A one-line standfirst about the NHS.", "", True),
        (LONG_TEXT, "", False),
        (LONG_TEXT + " [...]", "", True),
        (LONG_TEXT + " […]", "", True),
        (LONG_TEXT + "…", "", True),
        (LONG_TEXT + "\n\nRead more »", "", True),
        (LONG_TEXT + "\n\nContinue reading →", "", True),
        ("Short standfirst.", LONG_TEXT, False),
        ("Short standfirst.", "Short body text that stops here [...]", True),
        (LONG_TEXT, LONG_TEXT + " (more…)", True),
    ],
)
def test_is_teaser(summary: str, content: str, teaser: bool) -> None:
    assert is_teaser(item(summary_text=summary, content_text=content)) is teaser


def test_html_to_text_paragraphs_entities_and_scripts() -> None:
    html = (
        "<div><p>First &amp; <b>bold</b>\n  para.</p><p>Second<br>line</p>"
        "<script>var x = 1;</script><style>p{}</style><ul><li>one</li><li>two</li></ul>tail</div>"
    )
    assert html_to_text(html) == "First & bold para.\n\nSecond\n\nline\n\none\n\ntwo\n\ntail"
    assert html_to_text("") == ""
    assert html_to_text("plain &pound;5") == "plain £5"


def test_discover_feed_links() -> None:
    links = discover_feed_links(load("pages/home.html"), "https://teaser.example/")
    # <base href> applies, duplicates and non-feed alternates are dropped, javascript: is refused.
    assert links == ["https://teaser.example/news/feed.rss", "https://teaser.example/atom.xml"]


@pytest.mark.parametrize(
    "html", [b"", b"   ", b"\x00\x01\x02", b"<html><head></head><body>no feeds</body></html>"]
)
def test_discover_feed_links_none(html: bytes) -> None:
    assert discover_feed_links(html, "https://x.example/") == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_parse_or_raise_feed_error(body: bytes) -> None:
    try:
        feed = parse_feed(body, "https://x.example/feed")
    except FeedError:
        return
    assert all(isinstance(i, FeedItem) for i in feed.items)
    assert len({i.guid for i in feed.items}) == len(feed.items)


_XMLISH = st.lists(
    st.sampled_from(
        [
            '<?xml version="1.0"?>',
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
            "<link>",
            "</link>",
            '<feed xmlns="http://www.w3.org/2005/Atom">',
            "<entry>",
            "</entry>",
            "&lt;p&gt;",
            "&amp;",
            "&nbsp;",
            "<![CDATA[<p>x</p>]]>",
            "http://x.example/a",
            "Read more",
            "[…]",
            "text",
            "\x00",
            "\xe9",
        ]
    ),
    max_size=40,
).map(lambda parts: "".join(parts).encode("utf-8"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_XMLISH)
def test_feedlike_fragments_parse_or_raise_feed_error(body: bytes) -> None:
    try:
        feed = parse_feed(body, "https://x.example/feed")
    except FeedError:
        return
    for i in feed.items:
        assert i.published is None or i.published.tzinfo is not None
        is_teaser(i)
