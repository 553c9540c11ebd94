"""Articles and the source items that carry them: tables articles, article_sources (the links that decide which
servers see an article), sentences and line_counts, and the articles_fts index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.core.models import ProcessedArticle, StoredArticle, StoredQuote
from bot.core.records import LiveArticle, SaveOutcome
from bot.errors import SourceGoneError
from bot.store.quotes import QuotesMixin
from bot.store.sql import (
    MAX_AUTHOR,
    MAX_PUBLISHER,
    MAX_TITLE,
    clip_field,
    fts_query,
    link_visible_to,
    parse_date,
    placeholders,
    utc_now,
    visible_to,
)

SEARCH_CANDIDATES = 2000  # a search ranks at most this many of the latest matching articles
LIVE_KINDS = ("feed", "page")  # sources whose articles are keyed by urls.url_key


def _article_values(url: str | None, article: ProcessedArticle) -> tuple[object, ...]:
    """The articles columns url, content_hash, title, published, author, publisher, body, in that order."""
    meta = article.meta
    return (
        url, article.content_hash, clip_field(meta.title, MAX_TITLE),
        meta.published.isoformat() if meta.published else None,
        clip_field(meta.author, MAX_AUTHOR), clip_field(meta.publisher, MAX_PUBLISHER), article.body,
    )


class ArticlesMixin(QuotesMixin):
    """Saving and linking articles (with their sentences and, through QuotesMixin, quotes); finding them."""

    async def known_raw_hash(self, source_id: int, source_key: str) -> str | None:
        """Return the raw hash stored for this item of this source, to skip unchanged re-ingests."""
        row = await self._one(
            "SELECT raw_hash FROM article_sources WHERE source_id = ? AND source_key = ?", (source_id, source_key)
        )
        return str(row["raw_hash"]) if row else None

    async def line_counts(self, keys: Iterable[str]) -> dict[str, int]:
        """Return in how many stored articles each of these short-line keys appears."""
        wanted = list(keys)
        counts: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = await self._all(
                f"SELECT key, articles FROM line_counts WHERE key IN ({placeholders(len(chunk))})", chunk
            )
            counts.update((str(r["key"]), int(r["articles"])) for r in rows)
        return counts

    # saving --------------------------------------------------------------------------------------

    async def save_article(
        self,
        source_id: int,
        source_key: str,
        url: str | None,
        raw_hash: str,
        article: ProcessedArticle,
        line_keys: Iterable[str],
        speaker_keys: dict[str, str],
        *,
        guid: str | None = None,
        replace: int | None = None,
    ) -> tuple[SaveOutcome, int | None]:
        """Save one source item's processed article with its sentences and quotes, atomically.

        The item is linked to the article it holds: a new one, the one stored with the same text (by any
        source, of any server: DUPLICATE), or the one it held before, updated. `replace` names another
        source's article this item is a newer copy of. `speaker_keys` maps each speaker's name to its key.
        """
        async with self.transaction():
            await self._require_source(source_id)
            own = await self._one(
                "SELECT article_id, raw_hash FROM article_sources WHERE source_id = ? AND source_key = ?",
                (source_id, source_key),
            )
            if own and own["raw_hash"] == raw_hash:
                return SaveOutcome.UNCHANGED, int(own["article_id"])
            wanted = int(own["article_id"]) if own else replace
            same_text, target = await self._same_text_and_wanted(article.content_hash, wanted)
            if same_text is not None and (own is None or same_text != wanted):
                if own is None:
                    await self._link(same_text, source_id, source_key, raw_hash, guid)
                return SaveOutcome.DUPLICATE, same_text
            if target is not None:
                outcome, article_id = SaveOutcome.UPDATED, target
                await self._rewrite_article(article_id, url, article)
            else:
                outcome = SaveOutcome.NEW
                article_id = await self._insert_article(source_id, source_key, url, article, line_keys)
            await self._link(article_id, source_id, source_key, raw_hash, guid)
            await self._insert_sentences(article_id, article)
            await self._insert_quotes(article_id, article, speaker_keys)
        return outcome, article_id

    async def _same_text_and_wanted(self, content_hash: str, wanted: int | None) -> tuple[int | None, int | None]:
        """Return the id of the article stored with this text, and `wanted` if that article exists (else Nones)."""
        rows = await self._all(
            "SELECT id, content_hash = ? AS same_text FROM articles WHERE content_hash = ? OR id = ?",
            (content_hash, content_hash, wanted),
        )
        same_text = next((int(r["id"]) for r in rows if r["same_text"]), None)
        target = next((int(r["id"]) for r in rows if r["id"] == wanted), None)
        return same_text, target

    async def _rewrite_article(self, article_id: int, url: str | None, article: ProcessedArticle) -> None:
        """Overwrite a stored article with its new text, dropping the sentences and quotes of the old one."""
        await self.conn.execute(
            "UPDATE articles SET url = ?, content_hash = ?, title = ?, published = ?,"
            " author = ?, publisher = ?, body = ? WHERE id = ?",
            (*_article_values(url, article), article_id),
        )
        await self.conn.execute("DELETE FROM sentences WHERE article_id = ?", (article_id,))
        await self._delete_quotes(article_id)

    async def _insert_article(
        self, source_id: int, source_key: str, url: str | None, article: ProcessedArticle, line_keys: Iterable[str]
    ) -> int:
        """Store a new article, with this item as its primary source, and count its short lines; return its id."""
        cursor = await self.conn.execute(
            "INSERT INTO articles (url, content_hash, title, published, author, publisher,"
            " body, source_id, source_key, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*_article_values(url, article), source_id, source_key, utc_now()),
        )
        article_id = int(cursor.lastrowid or 0)
        await self.conn.executemany(
            "INSERT INTO line_counts (key, articles) VALUES (?, 1)"
            " ON CONFLICT (key) DO UPDATE SET articles = line_counts.articles + 1",
            [(key,) for key in set(line_keys)],
        )
        return article_id

    async def _insert_sentences(self, article_id: int, article: ProcessedArticle) -> None:
        summary = set(article.summary)
        await self.conn.executemany(
            "INSERT INTO sentences (article_id, position, paragraph, text, in_summary) VALUES (?, ?, ?, ?, ?)",
            [(article_id, i, s.paragraph, s.text, int(i in summary)) for i, s in enumerate(article.sentences)],
        )

    async def link_article(
        self, article_id: int, source_id: int, source_key: str, raw_hash: str, guid: str | None
    ) -> None:
        """Record that a source's item holds this stored article, so its server sees (and keeps) it."""
        async with self.transaction():
            await self._require_source(source_id)
            await self._link(article_id, source_id, source_key, raw_hash, guid)

    async def _require_source(self, source_id: int) -> None:
        """Refuse, in words, to save for a source deleted meanwhile (`sources remove` during an ingest)."""
        if await self._one("SELECT 1 FROM sources WHERE id = ?", (source_id,)) is None:
            raise SourceGoneError(f"source {source_id} was removed during the ingest; its items were not saved")

    async def _link(
        self, article_id: int, source_id: int, source_key: str, raw_hash: str, guid: str | None
    ) -> None:
        # An item keeps the article it was first linked to; re-reading it refreshes its hash and GUID.
        await self.conn.execute(
            "INSERT INTO article_sources (article_id, source_id, source_key, raw_hash, guid)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, source_key) DO UPDATE SET"
            " raw_hash = excluded.raw_hash, guid = coalesce(excluded.guid, article_sources.guid)",
            (article_id, source_id, source_key, raw_hash, guid),
        )

    # reading -------------------------------------------------------------------------------------

    async def count_articles(self, guild_id: int | None = None) -> int:
        clause, params = visible_to("articles.id", guild_id)
        row = await self._one(f"SELECT count(*) AS n FROM articles WHERE 1 = 1{clause}", params)
        return int(row["n"]) if row else 0

    async def last_ingest(self, guild_id: int | None = None) -> str | None:
        clause, params = visible_to("articles.id", guild_id)
        row = await self._one(f"SELECT max(ingested_at) AS t FROM articles WHERE 1 = 1{clause}", params)
        return str(row["t"]) if row and row["t"] else None

    async def last_link(self) -> int:
        """Return the id of the newest article link: where the next digest ends."""
        row = await self._one("SELECT coalesce(max(id), 0) AS n FROM article_sources")
        return int(row["n"]) if row else 0

    async def get_articles(self, ids: Sequence[int], with_quotes: bool = True) -> list[StoredArticle]:
        """Return the articles with these ids (in id order), with summaries and full quotes."""
        if not ids:
            return []
        result = []
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start:chunk_start + 500])
            marks = placeholders(len(chunk))
            rows = await self._all(f"SELECT * FROM articles WHERE id IN ({marks}) ORDER BY id", chunk)
            summaries: dict[int, list[str]] = {}
            for row in await self._all(
                f"SELECT article_id, text FROM sentences WHERE in_summary = 1 AND article_id IN ({marks})"
                " ORDER BY article_id, position",
                chunk,
            ):
                summaries.setdefault(int(row["article_id"]), []).append(str(row["text"]))
            quotes: dict[int, list[StoredQuote]] = {}
            if with_quotes:
                for quote in await self._quotes(f"q.article_id IN ({marks}) AND q.partial = 0", chunk,
                                                order="q.article_id, q.start", limit=None):
                    quotes.setdefault(quote.article_id, []).append(quote)
            result.extend(
                StoredArticle(
                    id=int(r["id"]), title=r["title"], url=r["url"], source_key=r["source_key"],
                    published=parse_date(r["published"]), author=r["author"], publisher=r["publisher"],
                    body=r["body"], summary=tuple(summaries.get(int(r["id"]), ())),
                    ingested_at=r["ingested_at"], quotes=tuple(quotes.get(int(r["id"]), ())),
                )
                for r in rows
            )
        return result

    async def article_ids_between(
        self, first_exclusive: int, last_inclusive: int, guild_id: int | None = None
    ) -> list[int]:
        """Return the ids of the articles whose first link the server sees is in this range of links.

        So an article enters a server's digest once: when a source it sees first brought it.
        """
        clause, params = link_visible_to("l", guild_id)
        earlier, earlier_params = link_visible_to("e", guild_id)
        rows = await self._all(
            f"SELECT DISTINCT l.article_id AS id FROM article_sources l WHERE l.id > ? AND l.id <= ?{clause}"
            f" AND NOT EXISTS (SELECT 1 FROM article_sources e WHERE e.article_id = l.article_id AND e.id <= ?"
            f"{earlier}) ORDER BY l.article_id",
            (first_exclusive, last_inclusive, *params, first_exclusive, *earlier_params),
        )
        return [int(r["id"]) for r in rows]

    async def find_live_article(
        self, source_id: int, guild_id: int, url_key: str | None, guid: str | None
    ) -> LiveArticle | None:
        """Find an item's stored copy: its GUID in this feed, else its URL key in an article the guild sees.

        The source's own link comes first, so a re-read item is recognised as itself.
        """
        columns = (
            "a.id, l.source_id, l.source_key, l.raw_hash, a.content_hash, a.published, l.guid"
            " FROM article_sources l JOIN articles a ON a.id = l.article_id"
        )
        row = None
        if guid:
            row = await self._one(f"SELECT {columns} WHERE l.source_id = ? AND l.guid = ?", (source_id, guid))
        if row is None and url_key:
            visible, params = visible_to("l.article_id", guild_id)
            row = await self._one(
                f"SELECT {columns} JOIN sources s ON s.id = l.source_id WHERE l.source_key = ?"
                f" AND s.kind IN ({placeholders(len(LIVE_KINDS))}){visible}"
                " ORDER BY l.source_id = ? DESC, l.id LIMIT 1",
                (url_key, *LIVE_KINDS, *params, source_id),
            )
        if row is None:
            return None
        return LiveArticle(
            id=int(row["id"]), source_id=int(row["source_id"]), source_key=str(row["source_key"]),
            raw_hash=str(row["raw_hash"]), content_hash=str(row["content_hash"]),
            published=parse_date(row["published"]), guid=row["guid"],
        )

    # searching -----------------------------------------------------------------------------------

    async def find_article_ids(
        self, reference: str, limit: int = 10, guild_id: int | None = None
    ) -> list[int]:
        """Resolve an article reference: an id, an exact source key, or words of its title."""
        ref = reference.strip()
        clause, visible = visible_to("articles.id", guild_id)
        if ref.isascii() and ref.isdigit() and int(ref) < 2**63:  # "²" is a digit; SQLite ids fit 64 bits
            row = await self._one(f"SELECT id FROM articles WHERE id = ?{clause}", (int(ref), *visible))
            if row:
                return [int(row["id"])]
        rows = await self._all(
            "SELECT id FROM articles WHERE (id IN (SELECT article_id FROM article_sources WHERE source_key = ?)"
            f" OR url = ? OR title = ? COLLATE NOCASE){clause} LIMIT ?",
            (ref, ref, ref, *visible, limit),
        )
        if rows:
            return [int(r["id"]) for r in rows]
        query = fts_query(ref)
        if query is None:
            return []
        fts_clause, _ = visible_to("articles_fts.rowid", guild_id)
        rows = await self._all(
            f"SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?{fts_clause}"
            " ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT ?",
            (f"title : ({query})", *visible, limit),
        )
        return [int(r["id"]) for r in rows]

    async def titles_matching(
        self, prefix: str, limit: int = 25, guild_id: int | None = None
    ) -> list[tuple[int, str]]:
        """Return (id, title) pairs for autocomplete, newest first."""
        query = fts_query(prefix)
        clause, visible = visible_to("a.id", guild_id)
        if query is None:
            rows = await self._all(
                f"SELECT a.id, a.title FROM articles a WHERE a.title IS NOT NULL{clause}"
                " ORDER BY a.id DESC LIMIT ?",
                (*visible, limit),
            )
        else:
            rows = await self._all(
                "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                f" WHERE articles_fts MATCH ?{clause} ORDER BY a.id DESC LIMIT ?",
                (f"title : ({query} *)", *visible, limit),
            )
        return [(int(r["id"]), str(r["title"])) for r in rows]

    async def search_article_ids(self, text: str, limit: int = 10, guild_id: int | None = None) -> list[int]:
        """Return the ids of the articles best matching the words of `text`."""
        query = fts_query(text)
        if query is None:
            return []
        clause, visible = visible_to("articles_fts.rowid", guild_id)
        # rank the most recently stored matches only, so common words cost the same on any size of database
        rows = await self._all(
            "SELECT id FROM (SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts"
            f" WHERE articles_fts MATCH ?{clause} ORDER BY rowid DESC LIMIT ?) ORDER BY score, id DESC LIMIT ?",
            (query, *visible, SEARCH_CANDIDATES, limit),
        )
        return [int(r["id"]) for r in rows]
