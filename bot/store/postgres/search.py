"""Full-text look-ups in PostgreSQL: the FTS5 queries of articles.py and quotes.py, over posting lists.

Same rules as the SQLite ones: user words are matched all together (stemmed, English), a search ranks the
2,000 latest matches with the title weighing five times the body, a topic look-up takes the 500 latest.

A GIN index returns its matches in no order, so "the latest N" meant scanning a word's matches in steps and
reading each one's row; at 100,000 articles that read was most of a look-up's time. So each word's matches
are kept as rows of article_terms and quote_terms (migration 0006), keyed by word and id: the newest N
matches of a word are N neighbouring entries of one B-tree, each article's with its rank for that word, and
several words are those scans merged on the id. Titles keep their GIN index: they are matched by prefix.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.store.articles import SEARCH_CANDIDATES
from bot.store.postgres.base import PgStoreBase
from bot.store.sql import MAX_QUERY_WORDS, query_words, visible_to


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

    async def _lexemes(self, text: str) -> list[str]:
        """The stems PostgreSQL's English configuration makes of the user's words (stop words give none)."""
        words = query_words(text)[:MAX_QUERY_WORDS]  # capped as FTS5 queries are
        if not words:
            return []
        rows = await self._all(
            "SELECT DISTINCT t.lexeme FROM unnest(?::text[]) w, unnest(to_tsvector('english', w)) t ORDER BY 1",
            (words,),
        )
        return [str(r["lexeme"]) for r in rows]

    async def search_article_ids(self, text: str, limit: int = 10, guild_id: int | None = None) -> list[int]:
        """Return the ids of the articles best matching the words of `text`."""
        words = await self._lexemes(text)
        if not words:
            return []
        # rank the most recently stored matches only, so common words cost the same on any size of database
        clause, visible = visible_to("t0.article_id", guild_id)
        score = " + ".join(f"t{i}.score" for i in range(len(words)))
        rows = await self._all(
            f"SELECT id FROM (SELECT t0.article_id AS id, {score} AS score FROM {newest_matches('article', words)}"
            f"{clause} ORDER BY t0.article_id DESC LIMIT ?) m ORDER BY score DESC, id DESC LIMIT ?",
            (*words[1:], words[0], *visible, SEARCH_CANDIDATES, limit),
        )
        return [int(r["id"]) for r in rows]

    def newest_of_speakers(self, speaker_ids: Sequence[int], one: str, params: list) -> tuple[str, list]:
        """Each speaker's newest quote ids: one lateral index range per id of the array, so a look-up of any
        number of speakers is one statement, prepared once (a UNION ALL per count was prepared anew)."""
        sql = f"SELECT n.id FROM unnest(?::bigint[]) s(speaker_id), LATERAL ({one.format(speaker='s.speaker_id')}) n"
        return sql, [list(speaker_ids), *params]

    NARROWED_PARTIAL = "q.partial = 0"

    async def topic_clause(
        self, about: str, speaker_ids: Sequence[int] | None, candidates: int, shown: tuple[str, list], page: int
    ) -> tuple[str, list] | None:
        """The id filter for quotes about these words (and by these speakers): of their newest matches, the
        page the caller shows, chosen from the posting rows (which hold the fields `shown` and the order
        read), so only that page is read from quotes."""
        words = await self._lexemes(about)
        if not words:
            return None
        by = " AND t0.speaker_id = ANY(?::bigint[])" if speaker_ids else ""
        newest = (f"SELECT t0.quote_id AS id, t0.article_id, t0.partial, t0.sort_date FROM"
                  f" {newest_matches('quote', words)}{by} ORDER BY t0.quote_id DESC LIMIT ?")
        sql = f"q.id IN (SELECT q.id FROM ({newest}) q WHERE {shown[0]} ORDER BY q.sort_date DESC, q.id DESC LIMIT ?)"
        by_params = [list(speaker_ids)] if speaker_ids else []
        return sql, [*words[1:], words[0], *by_params, candidates, *shown[1], page]


def newest_matches(kind: str, words: Sequence[str]) -> str:
    """FROM and WHERE of the rows (t0, t1, ...) of `kind`_terms holding all these words: the scans of each
    word's entries merged on the id. Bind the words from the second on, then the first."""
    key = f"{kind}_id"
    joins = "".join(
        f" JOIN {kind}_terms t{i} ON t{i}.{key} = t0.{key} AND t{i}.word = ?" for i in range(1, len(words))
    )
    return f"{kind}_terms t0{joins} WHERE t0.word = ?"
