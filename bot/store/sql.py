"""Helpers the table modules share; this module owns no table.

Which articles a server may see (as SQL clauses over the sources and article_sources tables), user words as an
FTS5 query, the one timestamp format stored, and placeholders for an IN list.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_WORD = re.compile(r"\w+", re.UNICODE)


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


def placeholders(count: int) -> str:
    """Return "?,?,..." with `count` marks, for an IN list."""
    return ",".join("?" * count)


def utc_now() -> str:
    """Return the current time as an ISO string, the one timestamp format stored."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def fts_query(text: str) -> str | None:
    """Turn user words into an FTS5 query of quoted terms, so no user text is read as FTS syntax."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def parse_date(value: str | None) -> date | None:
    """Read a stored ISO date; None (or empty) stays None."""
    return date.fromisoformat(value) if value else None
