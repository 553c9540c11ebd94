"""Every SQL statement of the project, behind one small async API over one connection."""

from __future__ import annotations

import asyncio
import re
from bisect import bisect_right
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import aiosqlite

from bot.core.models import ProcessedArticle, StoredArticle, StoredQuote
from bot.core.records import (
    DigestPost,
    DigestRecord,
    GuildSettings,
    LiveArticle,
    SaveOutcome,
    SourceRecord,
    SpeakerCount,
)
from bot.store.database import connect

_WORD = re.compile(r"\w+", re.UNICODE)
TOPIC_CANDIDATES = 500  # a topic look-up orders at most this many of the latest matches by date
SEARCH_CANDIDATES = 2000  # a search ranks at most this many of the latest matching articles








LIVE_KINDS = ("feed", "page")  # sources whose articles are keyed by urls.url_key

# live sources --------------------------------------------------------------------------------------







_SOURCE_COLUMNS = (
    "s.id, s.kind, s.location, s.name, s.guild_id, s.enabled, s.poll, s.etag, s.last_modified,"
    " s.last_success, s.last_error, s.failures, s.next_attempt, s.disabled_reason, s.created_at,"
    " (SELECT count(DISTINCT l.article_id) FROM article_sources l WHERE l.source_id = s.id) AS articles"
)


def _source(row: aiosqlite.Row) -> SourceRecord:
    values = dict(row)
    values["enabled"] = bool(values["enabled"])
    values["poll"] = bool(values["poll"])
    return SourceRecord(**values)


# guilds (Discord servers) --------------------------------------------------------------------------

# Everything a server owns but its sources, deleted by forget_guild (which then deletes its sources).
_GUILD_TABLES = ("guild_settings", "guild_filters", "digest_posts", "guild_alerts", "digests")






_GUILD_COLUMNS = (
    "guild_id, digest_channel_id, weekday, time_of_day, timezone, paused, alerts_channel_id"
)
_POST_COLUMNS = (
    "guild_id, week, channel_id, status, parts_sent, thread_id, message_id, attempts, error, updated_at"
)


def _guild_settings(row: aiosqlite.Row) -> GuildSettings:
    values = dict(row)
    values["paused"] = bool(values["paused"])
    return GuildSettings(**values)


def _link_visible_to(link: str, guild_id: int | None) -> tuple[str, list[object]]:
    """An " AND ..." clause keeping the article_sources rows aliased `link` that a server may see: those
    of shared sources (guild 0) and of its own. None means no restriction (the command line)."""
    if guild_id is None:
        return "", []
    return f" AND (SELECT vs.guild_id FROM sources vs WHERE vs.id = {link}.source_id) IN (0, ?)", [guild_id]


def _visible_to(column: str, guild_id: int | None) -> tuple[str, list[object]]:
    """An " AND ..." clause keeping article ids in `column` that a server may see: any link of the article
    is one it sees.

    None means no restriction (the command line sees everything it asks for). The check is per row (an
    index range of the article's few links, each joined to its source by primary key), so a look-up that
    stops after ten rows stays fast on a large database.
    """
    if guild_id is None:
        return "", []
    links, params = _link_visible_to("vl", guild_id)
    return f" AND EXISTS (SELECT 1 FROM article_sources vl WHERE vl.article_id = {column}{links})", params


def utc_now() -> str:
    """Return the current time as an ISO string, the one timestamp format stored."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def fts_query(text: str) -> str | None:
    """Turn user words into an FTS5 query of quoted terms, so no user text is read as FTS syntax."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Store:
    """The database: one aiosqlite connection, every write inside a transaction."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self._speaker_cache: tuple[int, list[tuple[int, str]]] | None = None
        # One connection serves every task: concurrent writers (parallel feed polls, the bot) take turns.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Store:
        return cls(await connect(path))

    async def close(self) -> None:
        await self.conn.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """Run the block as one write transaction: all of it lands, or none."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                await self.conn.rollback()
                raise
            await self.conn.commit()

    async def _one(self, sql: str, params: Sequence[object] = ()) -> aiosqlite.Row | None:
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    async def _all(self, sql: str, params: Sequence[object] = ()) -> list[aiosqlite.Row]:
        # one trip to the database thread instead of three (execute, fetch, close)
        return list(await self.conn.execute_fetchall(sql, params))

    # sources -------------------------------------------------------------------------------------

    async def ensure_source(self, kind: str, location: str, name: str, guild_id: int = 0) -> int:
        """Return the id of the source at `location`, creating it if new."""
        row = await self._one(
            "SELECT id FROM sources WHERE guild_id = ? AND location = ?", (guild_id, location)
        )
        if row:
            return int(row["id"])
        async with self.transaction():
            cursor = await self.conn.execute(
                "INSERT INTO sources (kind, location, name, guild_id, created_at) VALUES (?, ?, ?, ?, ?)",
                (kind, location, name, guild_id, utc_now()),
            )
        return int(cursor.lastrowid or 0)

    async def record_source_result(self, source_id: int, error: str | None) -> None:
        """Keep a source's health: last success, or last error and the failure count."""
        async with self.transaction():
            if error is None:
                await self.conn.execute(
                    "UPDATE sources SET last_success = ?, last_error = NULL, failures = 0 WHERE id = ?",
                    (utc_now(), source_id),
                )
            else:
                await self.conn.execute(
                    "UPDATE sources SET last_error = ?, failures = failures + 1 WHERE id = ?",
                    (error, source_id),
                )

    # articles ------------------------------------------------------------------------------------

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
                f"SELECT key, articles FROM line_counts WHERE key IN ({','.join('?' * len(chunk))})", chunk
            )
            counts.update((str(r["key"]), int(r["articles"])) for r in rows)
        return counts

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
            own = await self._one(
                "SELECT article_id, raw_hash FROM article_sources WHERE source_id = ? AND source_key = ?",
                (source_id, source_key),
            )
            if own and own["raw_hash"] == raw_hash:
                return SaveOutcome.UNCHANGED, int(own["article_id"])
            wanted = int(own["article_id"]) if own else replace
            rows = await self._all(
                "SELECT id, content_hash = ? AS same_text FROM articles WHERE content_hash = ? OR id = ?",
                (article.content_hash, article.content_hash, wanted),
            )
            dup = next((int(r["id"]) for r in rows if r["same_text"]), None)
            if dup is not None and (own is None or dup != wanted):
                if own is None:
                    await self._link(dup, source_id, source_key, raw_hash, guid)
                return SaveOutcome.DUPLICATE, dup
            target = next((int(r["id"]) for r in rows if r["id"] == wanted), None)
            meta = article.meta
            values = (
                url, article.content_hash, meta.title,
                meta.published.isoformat() if meta.published else None,
                meta.author, meta.publisher, article.body,
            )
            if target is not None:
                article_id = target
                await self.conn.execute(
                    "UPDATE articles SET url = ?, content_hash = ?, title = ?, published = ?,"
                    " author = ?, publisher = ?, body = ? WHERE id = ?",
                    (*values, article_id),
                )
                await self.conn.execute("DELETE FROM sentences WHERE article_id = ?", (article_id,))
                await self.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
                outcome = SaveOutcome.UPDATED
            else:
                cursor = await self.conn.execute(
                    "INSERT INTO articles (url, content_hash, title, published, author, publisher,"
                    " body, source_id, source_key, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, source_id, source_key, utc_now()),
                )
                article_id = int(cursor.lastrowid or 0)
                outcome = SaveOutcome.NEW
                await self.conn.executemany(
                    "INSERT INTO line_counts (key, articles) VALUES (?, 1)"
                    " ON CONFLICT (key) DO UPDATE SET articles = articles + 1",
                    [(key,) for key in set(line_keys)],
                )
            await self._link(article_id, source_id, source_key, raw_hash, guid)
            summary = set(article.summary)
            await self.conn.executemany(
                "INSERT INTO sentences (article_id, position, paragraph, text, in_summary) VALUES (?, ?, ?, ?, ?)",
                [(article_id, i, s.paragraph, s.text, int(i in summary)) for i, s in enumerate(article.sentences)],
            )
            sort_date = meta.published.isoformat() if meta.published else utc_now()[:10]
            speaker_ids = await self._speaker_ids(speaker_keys)
            starts = [s.start for s in article.sentences]
            await self.conn.executemany(
                "INSERT INTO quotes (article_id, speaker_id, role, text, partial, position, start, sort_date)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, speaker_ids.get(q.speaker or ""), q.role, q.text, int(q.partial),
                     max(0, bisect_right(starts, q.start) - 1), q.start, sort_date)
                    for q in article.quotes
                ],
            )
        return outcome, article_id

    async def link_article(
        self, article_id: int, source_id: int, source_key: str, raw_hash: str, guid: str | None
    ) -> None:
        """Record that a source's item holds this stored article, so its server sees (and keeps) it."""
        async with self.transaction():
            await self._link(article_id, source_id, source_key, raw_hash, guid)

    async def _link(
        self, article_id: int, source_id: int, source_key: str, raw_hash: str, guid: str | None
    ) -> None:
        # An item keeps the article it was first linked to; re-reading it refreshes its hash and GUID.
        await self.conn.execute(
            "INSERT INTO article_sources (article_id, source_id, source_key, raw_hash, guid)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, source_key) DO UPDATE SET"
            " raw_hash = excluded.raw_hash, guid = coalesce(excluded.guid, guid)",
            (article_id, source_id, source_key, raw_hash, guid),
        )

    async def _speaker_ids(self, speaker_keys: dict[str, str]) -> dict[str, int]:
        """Return each name's speaker id, creating speakers as needed and keeping the fullest form of a name."""
        if not speaker_keys:
            return {}
        await self.conn.executemany(
            "INSERT INTO speakers (name, key) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET name ="
            " CASE WHEN length(excluded.name) > length(speakers.name) THEN excluded.name ELSE speakers.name END",
            list(speaker_keys.items()),
        )
        self._speaker_cache = None  # a speaker may be new, or a name grown to its fuller form
        keys = sorted(set(speaker_keys.values()))
        rows = await self._all(f"SELECT id, key FROM speakers WHERE key IN ({','.join('?' * len(keys))})", keys)
        ids = {str(r["key"]): int(r["id"]) for r in rows}
        return {name: ids[key] for name, key in speaker_keys.items()}

    async def count_articles(self, guild_id: int | None = None) -> int:
        clause, params = _visible_to("articles.id", guild_id)
        row = await self._one(f"SELECT count(*) AS n FROM articles WHERE 1 = 1{clause}", params)
        return int(row["n"]) if row else 0

    async def last_ingest(self, guild_id: int | None = None) -> str | None:
        clause, params = _visible_to("articles.id", guild_id)
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
            marks = ",".join("?" * len(chunk))
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
                    published=_date(r["published"]), author=r["author"], publisher=r["publisher"],
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
        clause, params = _link_visible_to("l", guild_id)
        earlier, earlier_params = _link_visible_to("e", guild_id)
        rows = await self._all(
            f"SELECT DISTINCT l.article_id AS id FROM article_sources l WHERE l.id > ? AND l.id <= ?{clause}"
            f" AND NOT EXISTS (SELECT 1 FROM article_sources e WHERE e.article_id = l.article_id AND e.id <= ?"
            f"{earlier}) ORDER BY l.article_id",
            (first_exclusive, last_inclusive, *params, first_exclusive, *earlier_params),
        )
        return [int(r["id"]) for r in rows]

    async def find_article_ids(
        self, reference: str, limit: int = 10, guild_id: int | None = None
    ) -> list[int]:
        """Resolve an article reference: an id, an exact source key, or words of its title."""
        ref = reference.strip()
        clause, visible = _visible_to("articles.id", guild_id)
        if ref.isdigit():
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
        fts_clause, _ = _visible_to("articles_fts.rowid", guild_id)
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
        clause, visible = _visible_to("a.id", guild_id)
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
        clause, visible = _visible_to("articles_fts.rowid", guild_id)
        # rank the most recently stored matches only, so common words cost the same on any size of database
        rows = await self._all(
            "SELECT id FROM (SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts"
            f" WHERE articles_fts MATCH ?{clause} ORDER BY rowid DESC LIMIT ?) ORDER BY score, id DESC LIMIT ?",
            (query, *visible, SEARCH_CANDIDATES, limit),
        )
        return [int(r["id"]) for r in rows]

    # quotes and speakers ------------------------------------------------------------------------

    async def _quotes(
        self, where: str, params: Sequence[object], order: str, limit: int | None, offset: int = 0
    ) -> list[StoredQuote]:
        sql = (
            "SELECT q.id, q.text, q.role, q.position, q.article_id, s.name AS speaker,"
            " a.title, a.url, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" LEFT JOIN speakers s ON s.id = q.speaker_id WHERE {where} ORDER BY {order}"
        )
        args = list(params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [
            StoredQuote(
                id=int(r["id"]), text=r["text"], speaker=r["speaker"], role=r["role"],
                article_id=int(r["article_id"]), article_title=r["title"], article_url=r["url"],
                published=_date(r["published"]), position=int(r["position"]),
            )
            for r in await self._all(sql, args)
        ]

    async def find_quotes(
        self,
        speaker_ids: Sequence[int] | None = None,
        about: str | None = None,
        limit: int = 10,
        offset: int = 0,
        include_partial: bool = False,
        guild_id: int | None = None,
    ) -> list[StoredQuote]:
        """Return quotations by any of these speakers and/or about these words, newest first."""
        # with a speaker or topic the candidate ids are few: "+" keeps the planner from walking the date index
        narrowed = bool(speaker_ids) or bool(about)
        where = ["1 = 1"] if include_partial else ["+q.partial = 0" if narrowed else "q.partial = 0"]
        clause, params = _visible_to("q.article_id", guild_id)
        where[0] += clause
        if speaker_ids is not None and not speaker_ids:
            return []
        if about:
            query = fts_query(about)
            if query is None:
                return []
            match = f"text : ({query})"
            if speaker_ids:
                match += " AND who : (" + " OR ".join(f'"s{int(i)}"' for i in speaker_ids) + ")"
            # newest first among the most recently stored matches: bounded work however common the words
            where.append(
                "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
            )
            params.extend([match, max(TOPIC_CANDIDATES, offset + limit)])
        elif speaker_ids:
            # each speaker's newest quotes come straight off the index; merging them avoids sorting them all
            partial = "" if include_partial else " AND partial = 0"
            visible, visible_params = _visible_to("quotes.article_id", guild_id)
            newest = " UNION ALL ".join(
                f"SELECT * FROM (SELECT id FROM quotes WHERE speaker_id = ?{partial}{visible}"
                " ORDER BY sort_date DESC, id DESC LIMIT ?)"
                for _ in speaker_ids
            )
            where.append(f"q.id IN ({newest})")
            for speaker_id in speaker_ids:
                params.extend([speaker_id, *visible_params, offset + limit])
        return await self._quotes(" AND ".join(where), params, "q.sort_date DESC, q.id DESC", limit, offset)

    async def speaker_names(self) -> list[tuple[int, str]]:
        """Return (id, name) of every speaker, cached until a speaker is added or renamed."""
        row = await self._one("SELECT coalesce(max(id), 0) AS n FROM speakers")
        newest = int(row["n"]) if row else 0
        if self._speaker_cache is None or self._speaker_cache[0] != newest:
            rows = await self._all("SELECT id, name FROM speakers ORDER BY id")
            self._speaker_cache = (newest, [(int(r["id"]), str(r["name"])) for r in rows])
        return self._speaker_cache[1]

    async def speakers(self, guild_id: int | None = None) -> list[SpeakerCount]:
        """Return every speaker with their count of full quotations, most quoted first."""
        clause, params = _visible_to("q.article_id", guild_id)
        rows = await self._all(
            "SELECT s.id, s.name, s.key, count(q.id) AS n FROM speakers s"
            f" JOIN quotes q ON q.speaker_id = s.id AND q.partial = 0{clause}"
            " GROUP BY s.id ORDER BY n DESC, s.name",
            params,
        )
        return [SpeakerCount(int(r["id"]), str(r["name"]), str(r["key"]), int(r["n"])) for r in rows]

    # digests -------------------------------------------------------------------------------------

    async def get_digest(self, guild_id: int, week: str) -> DigestRecord | None:
        row = await self._one(
            "SELECT guild_id, week, first_link, last_link, created_at FROM digests"
            " WHERE guild_id = ? AND week = ?",
            (guild_id, week),
        )
        return DigestRecord(*row) if row else None

    async def digests(self, guild_id: int) -> list[DigestRecord]:
        rows = await self._all(
            "SELECT guild_id, week, first_link, last_link, created_at FROM digests"
            " WHERE guild_id = ? ORDER BY week DESC",
            (guild_id,),
        )
        return [DigestRecord(*r) for r in rows]

    async def create_digest(self, guild_id: int, week: str, record: bool = True) -> DigestRecord:
        """Record the digest of `week`: the article links after the previous week's digest, up to now.

        If the week already has a digest its record is returned unchanged, so a rebuild covers the same
        articles and gives the same file. With `record` False a new week is only previewed, not stored.
        """
        async with self.transaction():
            row = await self._one(
                "SELECT guild_id, week, first_link, last_link, created_at FROM digests"
                " WHERE guild_id = ? AND week = ?",
                (guild_id, week),
            )
            if row:
                return DigestRecord(*row)
            prev = await self._one(
                "SELECT coalesce(max(last_link), 0) AS n FROM digests WHERE guild_id = ? AND week < ?",
                (guild_id, week),
            )
            later = await self._one(
                "SELECT min(first_link) AS n FROM digests WHERE guild_id = ? AND week > ?",
                (guild_id, week),
            )
            first = int(prev["n"]) if prev else 0
            last = await self.last_link()
            if later and later["n"] is not None:  # never take links a later week already covers
                last = min(last, int(later["n"]))
            last = max(first, last)
            digest = DigestRecord(guild_id, week, first, last, utc_now())
            if record:
                await self.conn.execute(
                    "INSERT INTO digests (guild_id, week, first_link, last_link, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (digest.guild_id, digest.week, digest.first_link, digest.last_link, digest.created_at),
                )
        return digest

    # guilds --------------------------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings | None:
        row = await self._one(f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return _guild_settings(row) if row else None

    async def scheduled_guilds(self) -> list[GuildSettings]:
        """Every server with a complete weekly schedule, paused or not: what the scheduler's jobs mirror."""
        rows = await self._all(
            f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE digest_channel_id IS NOT NULL"
            " AND weekday IS NOT NULL AND time_of_day IS NOT NULL AND timezone IS NOT NULL ORDER BY guild_id"
        )
        return [_guild_settings(r) for r in rows]

    async def alerting_guilds(self) -> list[GuildSettings]:
        """Every server with an alerts channel."""
        rows = await self._all(
            f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE alerts_channel_id IS NOT NULL"
            " ORDER BY guild_id"
        )
        return [_guild_settings(r) for r in rows]

    async def set_schedule(
        self, guild_id: int, channel_id: int, weekday: int, time_of_day: str, timezone: str
    ) -> None:
        """Save a server's weekly schedule; saving one also resumes a paused schedule."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO guild_settings (guild_id, digest_channel_id, weekday, time_of_day, timezone,"
                " paused, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " digest_channel_id = excluded.digest_channel_id, weekday = excluded.weekday,"
                " time_of_day = excluded.time_of_day, timezone = excluded.timezone, paused = 0,"
                " updated_at = excluded.updated_at",
                (guild_id, channel_id, weekday, time_of_day, timezone, utc_now()),
            )

    async def set_paused(self, guild_id: int, paused: bool) -> bool:
        """Pause or resume a server's schedule; False when it has none."""
        async with self.transaction():
            cursor = await self.conn.execute(
                "UPDATE guild_settings SET paused = ?, updated_at = ?"
                " WHERE guild_id = ? AND weekday IS NOT NULL",
                (int(paused), utc_now(), guild_id),
            )
        return cursor.rowcount == 1

    async def set_alerts_channel(self, guild_id: int, channel_id: int | None) -> None:
        """Set (or with None, switch off) the channel a server's alerts go to."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO guild_settings (guild_id, alerts_channel_id, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET alerts_channel_id = excluded.alerts_channel_id,"
                " updated_at = excluded.updated_at",
                (guild_id, channel_id, utc_now()),
            )

    async def guild_filters(self, guild_id: int) -> list[tuple[str, str]]:
        """Return a server's digest filters as (kind, phrase), kind being 'include' or 'exclude'."""
        rows = await self._all(
            "SELECT kind, phrase FROM guild_filters WHERE guild_id = ? ORDER BY kind DESC, phrase",
            (guild_id,),
        )
        return [(str(r["kind"]), str(r["phrase"])) for r in rows]

    async def set_guild_filter(self, guild_id: int, kind: str, phrase: str) -> None:
        """Add a filter phrase, or switch an existing phrase to `kind`."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO guild_filters (guild_id, kind, phrase, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, phrase) DO UPDATE SET kind = excluded.kind",
                (guild_id, kind, phrase, utc_now()),
            )

    async def remove_guild_filter(self, guild_id: int, phrase: str) -> bool:
        async with self.transaction():
            cursor = await self.conn.execute(
                "DELETE FROM guild_filters WHERE guild_id = ? AND phrase = ?", (guild_id, phrase)
            )
        return cursor.rowcount == 1

    async def digest_post(self, guild_id: int, week: str) -> DigestPost | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE guild_id = ? AND week = ?", (guild_id, week)
        )
        return DigestPost(**dict(row)) if row else None

    async def latest_digest_post(self, guild_id: int) -> DigestPost | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE guild_id = ? ORDER BY week DESC LIMIT 1",
            (guild_id,),
        )
        return DigestPost(**dict(row)) if row else None

    async def claim_digest_post(
        self, guild_id: int, week: str, channel_id: int, *, force: bool = False
    ) -> DigestPost | None:
        """Take the one right to post `week` in a server, atomically; None when someone must not post.

        A posted or in-flight week is never claimed again. A failed one is, resuming after the parts
        already sent (from the start if the channel changed). A blocked one only with `force`: a person
        asked for it after fixing the cause.
        """
        async with self.transaction():
            row = await self._one(
                "SELECT status, channel_id FROM digest_posts WHERE guild_id = ? AND week = ?",
                (guild_id, week),
            )
            if row is None:
                await self.conn.execute(
                    "INSERT INTO digest_posts (guild_id, week, channel_id, status, attempts, updated_at)"
                    " VALUES (?, ?, ?, 'posting', 1, ?)",
                    (guild_id, week, channel_id, utc_now()),
                )
            else:
                if row["status"] in ("posted", "posting") or (row["status"] == "blocked" and not force):
                    return None
                moved = int(row["channel_id"]) != channel_id
                await self.conn.execute(
                    "UPDATE digest_posts SET status = 'posting', attempts = attempts + 1, error = NULL,"
                    " channel_id = ?, updated_at = ?,"
                    " parts_sent = CASE WHEN ? THEN 0 ELSE parts_sent END,"
                    " thread_id = CASE WHEN ? THEN NULL ELSE thread_id END,"
                    " message_id = CASE WHEN ? THEN NULL ELSE message_id END"
                    " WHERE guild_id = ? AND week = ?",
                    (channel_id, utc_now(), moved, moved, moved, guild_id, week),
                )
        return await self.digest_post(guild_id, week)

    async def record_digest_part(
        self, guild_id: int, week: str, parts_sent: int, *, message_id: int | None, thread_id: int | None
    ) -> None:
        """Note that a part went out, so a retry resumes after it; the first message and thread are kept."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE digest_posts SET parts_sent = ?, message_id = coalesce(message_id, ?),"
                " thread_id = coalesce(thread_id, ?), updated_at = ? WHERE guild_id = ? AND week = ?",
                (parts_sent, message_id, thread_id, utc_now(), guild_id, week),
            )

    async def end_digest_post(self, guild_id: int, week: str, status: str, error: str | None = None) -> None:
        """Close a claim as 'posted', 'failed' (to be retried) or 'blocked' (waiting for a person)."""
        if status not in ("posted", "failed", "blocked"):
            raise ValueError(f"a post cannot end as {status!r}")
        async with self.transaction():
            await self.conn.execute(
                "UPDATE digest_posts SET status = ?, error = ?, updated_at = ?"
                " WHERE guild_id = ? AND week = ?",
                (status, error, utc_now(), guild_id, week),
            )

    async def block_interrupted_posts(self) -> list[DigestPost]:
        """Turn claims left 'posting' by a stopped process into 'blocked': resuming could repeat a part."""
        async with self.transaction():
            rows = await self._all(f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE status = 'posting'")
            await self.conn.execute(
                "UPDATE digest_posts SET status = 'blocked', updated_at = ?,"
                " error = 'interrupted by a restart while posting' WHERE status = 'posting'",
                (utc_now(),),
            )
        return [DigestPost(**dict(r)) for r in rows]

    async def claim_alert(self, guild_id: int, key: str) -> bool:
        """Take the right to tell a server about `key` once; False when it was already told."""
        async with self.transaction():
            cursor = await self.conn.execute(
                "INSERT INTO guild_alerts (guild_id, key, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (guild_id, key, utc_now()),
            )
        return cursor.rowcount == 1

    async def alert_keys(self, guild_id: int) -> set[str]:
        rows = await self._all("SELECT key FROM guild_alerts WHERE guild_id = ?", (guild_id,))
        return {str(r["key"]) for r in rows}

    async def clear_alert(self, guild_id: int, key: str) -> None:
        """Forget an alert once its cause is gone, so a new occurrence is told again."""
        async with self.transaction():
            await self.conn.execute(
                "DELETE FROM guild_alerts WHERE guild_id = ? AND key = ?", (guild_id, key)
            )

    async def forget_guild(self, guild_id: int) -> None:
        """Delete everything one server added: settings, filters, posts, alerts, digests, its own sources.

        Articles that another server's source or a shared one also carries stay.
        """
        if guild_id == 0:
            raise ValueError("guild 0 holds the shared sources; it cannot be forgotten")
        async with self.transaction():
            for table in _GUILD_TABLES:
                await self.conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
            await self._delete_sources("SELECT id FROM sources WHERE guild_id = ?", guild_id)

    async def _delete_sources(self, doomed: str, param: int) -> None:
        """Delete the sources `doomed` selects, and the articles no other source carries.

        An article that another source carries too gets that source's link as its primary first, so the
        cascade from its primary source (sentences, quotes and, by trigger, FTS rows) spares it.
        """
        await self.conn.execute(
            "UPDATE articles SET (source_id, source_key) = (SELECT l.source_id, l.source_key"
            f" FROM article_sources l WHERE l.article_id = articles.id AND l.source_id NOT IN ({doomed})"
            f" ORDER BY l.id LIMIT 1) WHERE source_id IN ({doomed}) AND EXISTS (SELECT 1 FROM article_sources l"
            f" WHERE l.article_id = articles.id AND l.source_id NOT IN ({doomed}))",
            (param, param, param),
        )
        await self.conn.execute(f"DELETE FROM sources WHERE id IN ({doomed})", (param,))

    # live sources --------------------------------------------------------------------------------

    async def list_sources(self, guild_id: int | None = None) -> list[SourceRecord]:
        """Return the sources of one guild (0: shared), or of every guild when `guild_id` is None."""
        if guild_id is None:
            rows = await self._all(f"SELECT {_SOURCE_COLUMNS} FROM sources s ORDER BY s.guild_id, s.id")
        else:
            rows = await self._all(
                f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.guild_id = ? ORDER BY s.id", (guild_id,)
            )
        return [_source(r) for r in rows]

    async def register_source(self, kind: str, location: str, name: str, guild_id: int = 0) -> SourceRecord:
        """Create a polled source, or mark an existing one at this location as polled (keeping its name)."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO sources (kind, location, name, guild_id, poll, created_at)"
                " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (guild_id, location) DO UPDATE SET poll = 1",
                (kind, location, name, guild_id, utc_now()),
            )
        rows = await self._all(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.guild_id = ? AND s.location = ?",
            (guild_id, location),
        )
        return _source(rows[0])

    async def get_source(self, source_id: int) -> SourceRecord | None:
        row = await self._one(f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.id = ?", (source_id,))
        return _source(row) if row else None

    async def remove_source(self, source_id: int) -> None:
        """Delete a source and the articles no other source carries."""
        async with self.transaction():
            await self._delete_sources("SELECT ?", source_id)

    async def set_source_enabled(self, source_id: int, enabled: bool, reason: str | None = None) -> None:
        """Switch polling on (forgetting past failures, so it is tried at once) or off with a reason."""
        async with self.transaction():
            if enabled:
                await self.conn.execute(
                    "UPDATE sources SET enabled = 1, disabled_reason = NULL, failures = 0,"
                    " next_attempt = NULL WHERE id = ?",
                    (source_id,),
                )
            else:
                await self.conn.execute(
                    "UPDATE sources SET enabled = 0, disabled_reason = ? WHERE id = ?", (reason, source_id)
                )

    async def record_source_success(
        self, source_id: int, etag: str | None, last_modified: str | None
    ) -> None:
        """Mark a poll good and keep the validators for the next conditional GET (once items are saved)."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE sources SET last_success = ?, last_error = NULL, failures = 0, next_attempt = NULL,"
                " etag = ?, last_modified = ? WHERE id = ?",
                (utc_now(), etag, last_modified, source_id),
            )

    async def record_source_failure(
        self, source_id: int, error: str, next_attempt: str | None, disabled_reason: str | None = None
    ) -> None:
        """Count a failed poll, schedule the retry and, given a reason, disable the source."""
        async with self.transaction():
            await self.conn.execute(
                "UPDATE sources SET last_error = ?, failures = failures + 1, next_attempt = ? WHERE id = ?",
                (error, next_attempt, source_id),
            )
            if disabled_reason is not None:
                await self.conn.execute(
                    "UPDATE sources SET enabled = 0, disabled_reason = ? WHERE id = ?",
                    (disabled_reason, source_id),
                )

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
            visible, params = _visible_to("l.article_id", guild_id)
            row = await self._one(
                f"SELECT {columns} JOIN sources s ON s.id = l.source_id WHERE l.source_key = ?"
                f" AND s.kind IN ({','.join('?' * len(LIVE_KINDS))}){visible}"
                " ORDER BY l.source_id = ? DESC, l.id LIMIT 1",
                (url_key, *LIVE_KINDS, *params, source_id),
            )
        if row is None:
            return None
        return LiveArticle(
            id=int(row["id"]), source_id=int(row["source_id"]), source_key=str(row["source_key"]),
            raw_hash=str(row["raw_hash"]), content_hash=str(row["content_hash"]),
            published=_date(row["published"]), guid=row["guid"],
        )
