"""Choose a week's digest content: group articles into stories, pick each story's summary and quote."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.core.models import ORGANISATION, StoredArticle, StoredQuote
from bot.core.stories import group_stories
from bot.errors import InputError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
QUOTE_CHARS = 420  # longest quotation shown in a digest item
QUOTE_OVERLAP = 40  # characters of a quotation whose presence marks a summary sentence as repeating it


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One outlet's article within a story."""

    article_id: int
    title: str | None
    publisher: str | None
    published: date | None
    url: str | None
    source_key: str


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One story: a headline, a short summary, where it was reported and its best quotation."""

    headline: str
    summary: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    quote: StoredQuote | None


@dataclass(frozen=True, slots=True)
class Digest:
    """The content of one week's digest, independent of how it is rendered."""

    week: str
    items: tuple[DigestItem, ...]
    article_count: int

    @property
    def start(self) -> date:
        return week_bounds(self.week)[0]

    @property
    def end(self) -> date:
        return week_bounds(self.week)[1]


def parse_week(text: str) -> str:
    """Validate an ISO week such as 2026-W48 and return it normalised."""
    match = _WEEK.match(text.strip().upper())
    if not match:
        raise InputError(f"week must look like 2026-W48, got {text!r}")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise InputError(f"{year} has no ISO week {week}") from None
    return f"{year}-W{week:02d}"


def week_of(moment: date | datetime) -> str:
    """Return the ISO week containing `moment`."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(week: str) -> tuple[date, date]:
    """Return the Monday and Sunday of an ISO week."""
    year, number = int(week[:4]), int(week[6:])
    return date.fromisocalendar(year, number, 1), date.fromisocalendar(year, number, 7)


def best_quote(quotes: Sequence[StoredQuote]) -> StoredQuote | None:
    """Pick the longest full quotation of the story's most-quoted person.

    An organisation's statement only when no person is quoted: a reader weighs words by who said them.
    """
    attributed = [q for q in quotes if q.speaker]
    attributed = [q for q in attributed if q.speaker_kind != ORGANISATION] or attributed
    if not attributed:
        return None
    counts = Counter(q.speaker for q in attributed)
    top = max(counts.values())
    return max(
        (q for q in attributed if counts[q.speaker] == top),
        key=lambda q: (len(q.text.split()), -q.article_id, -q.position),
    )


def shorten_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """Cut a long quotation so the digest stays readable: at a sentence end, which needs no mark, or
    else after a whole word with "…" attached to it (a reader sees exactly where words were left out)."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end >= limit // 3:
        return cut[: end + 1]
    return cut[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ") + "…"


def _story_sort_key(group: Sequence[StoredArticle]) -> tuple[int, int, int]:
    """Most-reported stories first, then the newest, then the first ingested."""
    newest = max((a.published for a in group if a.published), default=None)
    return (-len(group), -(newest.toordinal() if newest else 0), group[0].id)


def build_digest(articles: Sequence[StoredArticle], week: str, summary_sentences: int = 3) -> Digest:
    """Select the digest content for `week` from the articles it covers."""
    items = []
    groups = sorted(group_stories(articles), key=_story_sort_key)
    for group in groups:
        lead = max(group, key=lambda a: (bool(a.title), len(a.summary), -a.id))
        headline = lead.title or (lead.summary[0] if lead.summary else lead.source_key)
        sources = tuple(
            SourceRef(a.id, a.title, a.publisher, a.published, a.url, a.source_key)
            for a in sorted(group, key=lambda a: (a.published or date.max, a.id))
        )
        quote = best_quote([q for a in group for q in a.quotes])
        # the quotation is shown on its own, so a summary sentence that repeats it is left out
        opening = quote.text[:QUOTE_OVERLAP] if quote else None
        summary = [s for s in lead.summary if not (opening and opening in s)] or list(lead.summary)
        items.append(DigestItem(headline, tuple(summary[:summary_sentences]), sources, quote))
    return Digest(week=week, items=tuple(items), article_count=len(articles))
