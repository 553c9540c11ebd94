"""Pull the article text and metadata out of a fetched web page, for feeds that only carry teasers.

`extract_article` is CPU-bound and blocking (lxml + trafilatura, up to ~100 ms for a long page):
async callers must run it in a worker thread, e.g. `await asyncio.to_thread(extract_article, html, url)`.
It never touches the network; the page must already have been fetched (see bot.core.fetch).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

import trafilatura

log = logging.getLogger(__name__)

# Less text than this is a cookie wall, an error page or noise, not an article.
MIN_TEXT_CHARS = 40

_WHITESPACE = re.compile(r"\s+")


class ExtractError(ValueError):
    """No article could be found in the page; the message is a one-line reason."""


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The main text of a page (paragraphs separated by blank lines) and what the page says about itself."""

    title: str | None
    author: str | None
    published: date | None
    site_name: str | None
    text: str


def _clean(value: object) -> str | None:
    """Collapse whitespace in a metadata value; empty becomes None."""
    if value is None:
        return None
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return text or None


def _parse_date(value: str | None) -> date | None:
    """Read trafilatura's YYYY-MM-DD date, ignoring anything else."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _paragraphs(text: str, title: str | None) -> str:
    """Turn one-line-per-block text into blank-line-separated paragraphs, without the headline."""
    lines = [line for raw in text.splitlines() if (line := _WHITESPACE.sub(" ", raw).strip())]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def extract_article(html: bytes | str, url: str) -> ExtractedPage:
    """Extract the article body and metadata from a page; raise ExtractError when there is none.

    `url` is only used as metadata (site and date hints); nothing is fetched.
    """
    if not html.strip():
        raise ExtractError("empty page")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_recall=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except Exception as exc:  # a third-party parser fed untrusted bytes; any failure means "no article"
        log.debug("trafilatura failed on %s", url, exc_info=True)
        raise ExtractError(f"unreadable page: {type(exc).__name__}") from exc
    if doc is None or not doc.text:
        raise ExtractError("no article text found")
    title = _clean(doc.title)
    text = _paragraphs(doc.text, title)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(f"no article text found (only {len(text)} characters)")
    return ExtractedPage(
        title=title,
        author=_clean(doc.author),
        published=_parse_date(doc.date),
        site_name=_clean(doc.sitename),
        text=text,
    )
