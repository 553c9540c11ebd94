"""Turn fetched RSS/Atom bytes into plain items, and find feeds advertised by web pages."""

from __future__ import annotations

import hashlib
import io
import logging
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html

from bot.web.urls import URLError, normalise_url

log = logging.getLogger(__name__)

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A body shorter than this is almost always a standfirst, not the article.
MIN_FULL_WORDS = 150

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*")
_WHITESPACE = re.compile(r"\s+")
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_EMAIL_THEN_NAME = re.compile(r"\A[^\s@()<>]+@[^\s()<>]+\s*\((?P<name>[^()]+)\)\Z")
_NAME_THEN_EMAIL = re.compile(r"\A(?P<name>[^()<>@]+?)\s*[(<][^\s@()<>]+@[^\s()<>]+[)>]\Z")
_BARE_EMAIL = re.compile(r"\A<?[^\s@<>]+@[^\s@<>]+>?\Z")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_WORDPRESS_FOOTER = re.compile(r"\n*The post .{1,300} appeared first on .{1,200}\Z", re.DOTALL)
_TRUNCATION = re.compile(
    r"(?:\[\s*(?:…|\.{3})\s*\]|…|\.{3}|\(more…\)"
    r"|\b(?:read more|continue reading|read the full (?:story|article|post)|read full (?:story|article)|"
    r"full story)\b\W*)\s*\Z",
    re.IGNORECASE,
)


class FeedError(ValueError):
    """The bytes are not a usable feed; the message is a one-line reason for the operator."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed with all markup removed; `url` is normalised, `published` is UTC."""

    guid: str
    url: str | None
    title: str | None
    published: datetime | None
    author: str | None
    summary_text: str
    content_text: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and its items, first occurrence of each GUID only."""

    title: str | None
    items: tuple[FeedItem, ...]


def _fix_c1(text: str) -> str:
    """Read stray C1 controls as windows-1252, as browsers do for pages mislabelled ISO-8859-1."""
    return _C1_CONTROLS.sub(lambda m: bytes([ord(m.group(0))]).decode("cp1252", errors="ignore"), text)


def tidy_text(text: str) -> str:
    """Collapse whitespace inside paragraphs and separate paragraphs by one blank line."""
    paragraphs = (_WHITESPACE.sub(" ", p).strip() for p in _PARAGRAPH_BREAK.split(_fix_c1(text)))
    return "\n\n".join(p for p in paragraphs if p)


def html_to_text(html: str) -> str:
    """Render an HTML fragment as plain paragraphs, dropping scripts and styles."""
    html = _XML_INVALID.sub("", html)
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return tidy_text(html)
    parts: list[str] = []
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if tag in _SKIP_TAGS:
                walker.skip_subtree()
            elif tag and el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if el is not root and el.tail:
                parts.append(el.tail)
    return tidy_text("".join(parts))


def _detail_text(detail: Any) -> str:
    """Read a feedparser text construct as plain text, whatever its declared type."""
    if not detail or not detail.get("value"):
        return ""
    value = str(detail["value"])
    if detail.get("type") in HTML_TYPES:
        return html_to_text(value)
    return tidy_text(value)


def _drop_wordpress_footer(text: str) -> str:
    """Remove WordPress's "The post X appeared first on Y." line, which is not article text."""
    return _WORDPRESS_FOOTER.sub("", text).strip()


def _published(entry: Any) -> datetime | None:
    """Return the entry's publication (or update) time as an aware UTC datetime."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return datetime(*value[:6], tzinfo=UTC)
            except ValueError:
                continue
    return None


def _author(entry: Any) -> str | None:
    """Return the author's name and never an e-mail address.

    RSS puts "email (Name)" in <author>; feedparser's own split mangles long TLDs (.example, .london).
    """
    raw = tidy_text(str(entry.get("author") or ""))
    for pattern in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL):
        if match := pattern.match(raw):
            return tidy_text(match["name"]) or None
    if _BARE_EMAIL.match(raw):
        return None
    detail = entry.get("author_detail") or {}
    return tidy_text(str(detail.get("name") or raw)) or None


def _item_url(entry: Any) -> str | None:
    """Return the entry's link in normalised form, or None when it is not an http(s) URL."""
    link = entry.get("link")
    if not link:
        return None
    try:
        return normalise_url(str(link))
    except URLError:
        return None


def _item(entry: Any) -> FeedItem | None:
    """Convert one feedparser entry, or None when it carries nothing usable."""
    url = _item_url(entry)
    title = _detail_text(entry.get("title_detail")) or None
    summary = _drop_wordpress_footer(_detail_text(entry.get("summary_detail")))
    contents = dict.fromkeys(_drop_wordpress_footer(_detail_text(c)) for c in entry.get("content") or [])
    content = "\n\n".join(c for c in contents if c)
    if not (url or title or summary or content):
        return None
    published = _published(entry)
    guid = str(entry.get("id") or "").strip() or url
    if not guid:
        seed = "\x1f".join([title or "", summary, content, published.isoformat() if published else ""])
        guid = "sha1:" + hashlib.sha1(seed.encode("utf-8")).hexdigest()
    return FeedItem(
        guid=guid,
        url=url,
        title=title,
        published=published,
        author=_author(entry),
        summary_text=summary,
        content_text=content,
    )


def _one_line(exc: object) -> str:
    """Keep the first line of a parser message."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def looks_like_html(body: bytes) -> bool:
    """Tell whether a body is an HTML page rather than XML, from its first markup."""
    return _HTML_START.match(body[:4096]) is not None


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Feed:
    """Parse RSS 0.9x/1.0/2.0 or Atom bytes; raise FeedError with a clear reason when they are not a feed.

    `content_type` (the HTTP header) is used only for its charset; without one the XML declaration decides.
    """
    if not body.strip():
        raise FeedError("empty response")
    if looks_like_html(body):
        raise FeedError("not a feed: looks like an HTML page")
    # Declare XML with only the header's charset: a text/* type would make feedparser apply RFC 3023's
    # us-ascii default or flag a non-XML type, though servers label feeds carelessly.
    charset = _CHARSET.search(content_type or "")
    media = f"application/xml; charset={charset.group(1)}" if charset else "application/xml"
    headers = {"content-location": url, "content-type": media}
    try:
        # BytesIO matters: given bytes or str, feedparser may treat them as a file name or URL to open.
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except Exception as exc:  # a third-party parser fed untrusted bytes; any failure means "not a feed"
        log.debug("feedparser failed on %s", url, exc_info=True)
        raise FeedError(f"unreadable feed: {type(exc).__name__}") from exc
    items: dict[str, FeedItem] = {}
    for entry in parsed.get("entries", []):
        item = _item(entry)
        if item is not None and item.guid not in items:
            items[item.guid] = item
    if not items:
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            raise FeedError(f"malformed feed: {_one_line(parsed['bozo_exception'])}")
        if not parsed.get("version"):
            raise FeedError("not a feed: no RSS or Atom document found")
    title = _detail_text(parsed.get("feed", {}).get("title_detail")) or None
    return Feed(title=title, items=tuple(items.values()))


def is_teaser(item: FeedItem) -> bool:
    """Tell whether the feed carries only a teaser, so the article page must be fetched for the full text."""
    text = item.content_text or item.summary_text
    if not text:
        return True
    if _TRUNCATION.search(text):
        return True
    return len(text.split()) < MIN_FULL_WORDS


def discover_feed_links(html: bytes, base_url: str) -> list[str]:
    """List the feeds a page advertises with <link rel="alternate" type="application/rss+xml" ...>."""
    if not html.strip():
        return []
    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    base = base_url
    for href in doc.xpath("//base/@href"):
        base = urljoin(base_url, str(href).strip())
        break
    found: dict[str, None] = {}
    for link in doc.xpath("//link[@href]"):
        rels = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_TYPES:
            continue
        try:
            found[normalise_url(urljoin(base, link.get("href").strip()))] = None
        except URLError:
            continue
    return list(found)
