"""Helpers the table modules share; this module owns no table.

Which articles a server may see (as SQL clauses over the sources and article_sources tables), user words as an
FTS5 query, the one timestamp format stored, and placeholders for an IN list.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_WORD = re.compile(r"\w+", re.UNICODE)

# FTS5's time grows with the square of the terms of a query (1,200 words took 6 s, 4,800 took 87 s); more
# words than this all required together match nothing anyway, so only the first ones are used.
MAX_QUERY_WORDS = 32


def link_visible_to(link: str, guild_id: int | None) -> tuple[str, list[object]]:
    """An " AND ..." clause keeping the article_sources rows aliased `link` that a server may see: those
    of shared sources (guild 0) and of its own. None means no restriction (the command line)."""
    if guild_id is None:
        return "", []
    return f" AND (SELECT vs.guild_id FROM sources vs WHERE vs.id = {link}.source_id) IN (0, ?)", [guild_id]


def visible_to(column: str, guild_id: int | None) -> tuple[str, list[object]]:
    """An " AND ..." clause keeping article ids in `column` that a server may see: any link of the article
    is one it sees.

    None means no restriction (the command line sees everything it asks for). The check is per row (an
    index range of the article's few links, each joined to its source by primary key), so a look-up that
    stops after ten rows stays fast on a large database.
    """
    if guild_id is None:
        return "", []
    links, params = link_visible_to("vl", guild_id)
    return f" AND EXISTS (SELECT 1 FROM article_sources vl WHERE vl.article_id = {column}{links})", params


# The longest text stored in these fields, whatever a feed, page or file says (a feed once gave a 3,303-character
# author). Longer text is cut with "…", so every adapter can show a field whole within Discord's limits.
MAX_TITLE = 300
MAX_AUTHOR = 200
MAX_PUBLISHER = 200
MAX_SOURCE_NAME = 200


def clip(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters, ending in "…" when something was cut."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def clip_field(text: str | None, limit: int) -> str | None:
    """Clip a stored field that may be missing."""
    return None if text is None else clip(text, limit)


def safe_url(url: str) -> str:
    """A database URL without its password, for messages and logs."""
    head, sep, tail = url.partition("@")
    if not sep or "://" not in head:
        return url
    scheme, _, credentials = head.partition("://")
    return f"{scheme}://{credentials.split(':', 1)[0]}@{tail}"


def placeholders(count: int) -> str:
    """Return "?,?,..." with `count` marks, for an IN list."""
    return ",".join("?" * count)


def utc_now() -> str:
    """Return the current time as an ISO string, the one timestamp format stored."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def query_words(text: str) -> list[str]:
    """Return the distinct words of a user query, in order (case ignored: the first spelling is kept)."""
    seen: dict[str, str] = {}
    for word in _WORD.findall(text):
        seen.setdefault(word.casefold(), word)
    return list(seen.values())


def fts_query(text: str) -> str | None:
    """Turn user words into an FTS5 query of quoted terms, so no user text is read as FTS syntax.

    Only the first MAX_QUERY_WORDS distinct words are used, so a long query costs no more than a short one.
    """
    words = query_words(text)[:MAX_QUERY_WORDS]
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def parse_date(value: str | None) -> date | None:
    """Read a stored ISO date; None (or empty) stays None."""
    return date.fromisoformat(value) if value else None
