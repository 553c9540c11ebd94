"""Choose a week's digest content: group articles into stories, pick each story's summary and quote."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.core.models import StoredArticle, StoredQuote
from bot.errors import InputError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_TERM = re.compile(r"[^\W\d_][\w'’-]{2,}", re.UNICODE)
# Words too common in any news text to say two articles tell the same story.
_STOP = frozenset(
    (
        "about above after again against also among and another any are around because been before being "
        "between both but can could did does doing down during each even every few for from further had has "
        "have having her here hers him his how however into its itself just last least less made make many "
        "more most much must new news not now off once only other our out over own said same says she should "
        "since some still such than that the their them then there these they this those through too under "
        "until very was way were what when where which while who whom why will with within without would "
        "year years you your week today yesterday told also one two three first people time"
    ).split()
)
SAME_STORY = 0.3  # cosine similarity at or above which two articles tell the same story
TOP_TERMS = 15  # an article's most distinctive terms, used to find candidate stories
MIN_SHARED_TERMS = 3  # a candidate story's lead shares at least this many of them
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


def _terms(article: StoredArticle) -> Counter[str]:
    text = f"{article.title or ''} {article.title or ''} {article.body}"
    return Counter(w for w in (m.lower() for m in _TERM.findall(text)) if w not in _STOP)


def _vectors(articles: Sequence[StoredArticle]) -> list[dict[str, float]]:
    """Return unit tf-idf vectors; idf over this batch keeps sector-wide words from linking stories."""
    counts = [_terms(a) for a in articles]
    df = Counter(term for c in counts for term in c)
    n = len(articles)
    vectors = []
    for c in counts:
        vec = {t: (1 + math.log(k)) * math.log((1 + n) / (1 + df[t]) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, big = sorted((a, b), key=len)
    return sum(v * big.get(t, 0.0) for t, v in small.items())


def group_stories(articles: Sequence[StoredArticle], threshold: float = SAME_STORY) -> list[list[StoredArticle]]:
    """Group articles that report the same story, keeping input order.

    Each story is led by its first article; a later article joins the most similar lead (tf-idf
    cosine at or above `threshold`). Only leads sharing several distinctive terms are compared, so the
    work grows with the number of stories, not with the square of the number of articles.
    """
    vectors = _vectors(articles)
    groups: list[list[StoredArticle]] = []
    leads: list[dict[str, float]] = []
    index: dict[str, list[int]] = defaultdict(list)  # distinctive term -> stories whose lead has it
    for article, vec in zip(articles, vectors, strict=True):
        top = [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]]
        shared = Counter(g for term in top for g in index.get(term, ()))
        best, best_sim = None, threshold
        for g in sorted(g for g, n in shared.items() if n >= MIN_SHARED_TERMS):
            sim = _cosine(vec, leads[g])
            if sim >= best_sim and (best is None or sim > best_sim):
                best, best_sim = g, sim
        if best is None:
            for term in top:
                index[term].append(len(groups))
            groups.append([article])
            leads.append(vec)
        else:
            groups[best].append(article)
    return groups


def best_quote(quotes: Sequence[StoredQuote]) -> StoredQuote | None:
    """Pick the longest full quotation of the story's most-quoted person."""
    attributed = [q for q in quotes if q.speaker]
    if not attributed:
        return None
    counts = Counter(q.speaker for q in attributed)
    top = max(counts.values())
    return max(
        (q for q in attributed if counts[q.speaker] == top),
        key=lambda q: (len(q.text.split()), -q.article_id, -q.position),
    )


def shorten_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """Cut a long quotation at a sentence end (or word) so the digest stays readable."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end >= limit // 3:
        return cut[: end + 1] + " …"
    return cut.rsplit(" ", 1)[0] + " …"


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
