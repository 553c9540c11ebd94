"""Full-text look-ups in PostgreSQL: the FTS5 queries of articles.py and quotes.py over tsvector/GIN.

Same rules as the SQLite ones: user words are matched all together (stemmed, English), a search ranks the
2,000 latest matches with the title weighing five times the body, a topic look-up takes the 500 latest.

A GIN index returns its matches in no order, so "the latest N" cannot stop early as FTS5's newest-first
doclists do: it meant fetching and sorting every match of a common word. Both look-ups therefore call
functions of migration 0003 that take ids in steps counted back from the newest until N are found, each
step one GIN scan of the word ANDed, inside the index, with the step's bands of 1,024 ids: a common word is
done in one or two steps, a rare one in a few cheap scans. Articles' vectors live in a narrow table of
their own, in the row, so ranking 2,000 of them reads 2,000 rows and no TOAST.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.store.articles import SEARCH_CANDIDATES
from bot.store.postgres.base import PgStoreBase
from bot.store.sql import MAX_QUERY_WORDS, query_words, visible_to

# ts_rank weights for D, C, B (body) and A (title): FTS5's bm25(articles_fts, 5.0, 1.0)
RANK_WEIGHTS = [0.1, 0.1, 0.2, 1.0]


def ts_query(text: str, prefix: bool = False) -> str | None:
    """User words as a to_tsquery text of AND-ed terms (the last one a prefix if asked); None if no words."""
    words = [w.lower() for w in query_words(text)[:MAX_QUERY_WORDS]]  # capped as FTS5 queries are
    if not words:
        return None
    terms = [f"'{w}'" for w in words]  # \w+ holds no quote or operator, so a word is never read as syntax
    if prefix:
        terms[-1] += ":*"
    return " & ".join(terms)


class PgSearchMixin(PgStoreBase):
    """Article and quotation look-ups that SQLite answers with FTS5."""

    async def find_article_ids(self, reference: str, limit: int = 10, guild_id: int | None = None) -> list[int]:
        """Resolve an article reference: an id, an exact source key, or words of its title."""
        ref = reference.strip()
        clause, visible = visible_to("a.id", guild_id)
        if ref.isascii() and ref.isdigit() and int(ref) < 2**63:  # "²" is a digit; ids are bigint
            row = await self._one(f"SELECT a.id FROM articles a WHERE a.id = ?{clause}", (int(ref), *visible))
            if row:
                return [int(row["id"])]
        rows = await self._all(
            "SELECT a.id FROM articles a WHERE (a.id IN (SELECT article_id FROM article_sources WHERE source_key = ?)"
            f" OR a.url = ? OR lower(a.title) = lower(?)){clause} LIMIT ?",
            (ref, ref, ref, *visible, limit),
        )
        if rows:
            return [int(r["id"]) for r in rows]
        query = ts_query(ref)
        if query is None:
            return []
        rows = await self._all(
            f"SELECT a.id FROM articles a, to_tsquery('english', ?) q WHERE a.title_search @@ q{clause}"
            " ORDER BY ts_rank(a.title_search, q) DESC, a.id DESC LIMIT ?",
            (query, *visible, limit),
        )
        return [int(r["id"]) for r in rows]

    async def titles_matching(
        self, prefix: str, limit: int = 25, guild_id: int | None = None
    ) -> list[tuple[int, str]]:
        """Return (id, title) pairs for autocomplete, newest first."""
        query = ts_query(prefix, prefix=True)
        clause, visible = visible_to("a.id", guild_id)
        if query is None:
            rows = await self._all(
                f"SELECT a.id, a.title FROM articles a WHERE a.title IS NOT NULL{clause} ORDER BY a.id DESC LIMIT ?",
                (*visible, limit),
            )
        else:
            rows = await self._all(
                "SELECT a.id, a.title FROM articles a WHERE a.title_search @@ to_tsquery('english', ?)"
                f"{clause} ORDER BY a.id DESC LIMIT ?",
                (query, *visible, limit),
            )
        return [(int(r["id"]), str(r["title"])) for r in rows]

    async def search_article_ids(self, text: str, limit: int = 10, guild_id: int | None = None) -> list[int]:
        """Return the ids of the articles best matching the words of `text`."""
        query = ts_query(text)
        if query is None:
            return []
        # rank the most recently stored matches only, so common words cost the same on any size of database
        rows = await self._all(
            "SELECT id FROM newest_article_matches(to_tsquery('english', ?), ?::real[], ?::bigint, ?,"
            " (SELECT max(id) FROM article_search)) ORDER BY score DESC, id DESC LIMIT ?",
            (query, RANK_WEIGHTS, guild_id, SEARCH_CANDIDATES, limit),
        )
        return [int(r["id"]) for r in rows]

    NEWEST_OF_SPEAKER = "({})"  # PostgreSQL takes a parenthesised ORDER BY ... LIMIT inside UNION ALL
    NARROWED_PARTIAL = "q.partial = 0"

    def topic_clause(self, about: str, speaker_ids: Sequence[int] | None, candidates: int) -> tuple[str, list] | None:
        """The id filter for quotes about these words (and by these speakers): their newest matches, taken
        band by band (newest_quote_matches, migration 0003)."""
        query = ts_query(about)
        if query is None:
            return None
        sql = ("q.id IN (SELECT newest_quote_matches(to_tsquery('english', ?), ?::bigint[], ?,"
               " (SELECT max(id) FROM quotes)))")
        return sql, [query, list(speaker_ids) if speaker_ids else None, candidates]
