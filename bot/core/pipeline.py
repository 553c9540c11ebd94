"""Turn one raw article into everything we store: clean body, metadata, sentences, summary, quotes."""

from __future__ import annotations

import logging

from bot.core.clean import clean
from bot.core.files import text_hash
from bot.core.meta import read_page
from bot.core.models import ProcessedArticle
from bot.core.normalise import line_key
from bot.core.quotes import extract_quotes
from bot.core.sentences import split_sentences
from bot.core.summarise import summarise

log = logging.getLogger(__name__)

FURNITURE_LINE_CHARS = 160  # only lines shorter than this are counted for repetition across articles


def process_article(
    raw: str,
    *,
    repeated: frozenset[str] = frozenset(),
    summary_sentences: int = 3,
    algorithm: str = "news",
) -> ProcessedArticle:
    """Run the whole pipeline on one article's text (pure and blocking: call it off the event loop)."""
    cleaned = clean(raw, repeated)  # the cleaner reads menu rows from their spacing before it normalises
    meta, heading = read_page(raw, cleaned)
    sentences = tuple(split_sentences(cleaned.body))
    summary = summarise(sentences, summary_sentences, algorithm)
    try:
        quotes = tuple(extract_quotes(cleaned.body, meta.author, heading))
    except Exception:  # a fault in one of the many speaker rules costs this article its quotes, not the digest
        log.exception("quotations of %r could not be read; the article is kept without them", meta.title)
        quotes = ()
    return ProcessedArticle(meta, cleaned.body, sentences, tuple(summary), quotes, text_hash(cleaned.body))


def short_line_keys(raw: str) -> set[str]:
    """Return the keys of an article's short lines, counted across articles to spot page furniture."""
    keys = set()
    for line in raw.splitlines():
        stripped = line.strip()
        if stripped and len(stripped) < FURNITURE_LINE_CHARS:
            key = line_key(stripped)
            if key:
                keys.add(key)
    return keys
