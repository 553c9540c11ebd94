"""A server's digest filters: keep articles that mention an included phrase and no excluded one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.core.models import StoredArticle
from bot.errors import InputError

MAX_PHRASE_CHARS = 100
MAX_FILTERS = 50  # per server: enough for a topic list, few enough to list in one reply


@dataclass(frozen=True, slots=True)
class Filters:
    """Phrases an article must contain one of (when any) and must contain none of."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]]) -> Filters:
        """Build from the store's (kind, phrase) rows."""
        pairs = list(rows)
        return cls(
            include=tuple(p for k, p in pairs if k == "include"),
            exclude=tuple(p for k, p in pairs if k == "exclude"),
        )

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)


def normalise_phrase(text: str) -> str:
    """Validate a filter phrase and return it case-folded with single spaces, the form stored."""
    phrase = " ".join(text.split()).casefold()
    if not re.search(r"\w", phrase):
        raise InputError("a filter needs at least one word")
    if len(phrase) > MAX_PHRASE_CHARS:
        raise InputError(f"a filter phrase can be at most {MAX_PHRASE_CHARS} characters")
    return phrase


@lru_cache(maxsize=512)
def _pattern(phrase: str) -> re.Pattern[str]:
    # Whole words only ("care" must not match "careers"), any whitespace between the words.
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _found(folded: str, phrase: str) -> bool:
    # Both sides case-folded: lower() alone turns "İ" into two characters on one side only.
    return _pattern(phrase.casefold()).search(folded) is not None


def mentions(text: str, phrase: str) -> bool:
    """Tell whether `text` contains `phrase` as whole words, ignoring case and line breaks."""
    return _found(text.casefold(), normalise_phrase(phrase))


def keeps(filters: Filters, article: StoredArticle) -> bool:
    """Tell whether a server with these filters wants the article in its digest."""
    folded = f"{article.title or ''}\n{article.body}".casefold()
    if filters.include and not any(_found(folded, p) for p in filters.include):
        return False
    return not any(_found(folded, p) for p in filters.exclude)


def apply_filters(filters: Filters, articles: Sequence[StoredArticle]) -> list[StoredArticle]:
    """Return the articles the filters keep, in their order."""
    if not filters:
        return list(articles)
    return [a for a in articles if keeps(filters, a)]
