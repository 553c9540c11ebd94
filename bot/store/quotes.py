"""Quotations and who said them: tables quotes and speakers, and the quotes_fts index."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from bot.core.models import ORGANISATION, PERSON, ProcessedArticle, StoredQuote
from bot.core.records import SpeakerCount
from bot.store.base import StoreBase
from bot.store.sql import fts_query, parse_date, placeholders, utc_now, visible_to

TOPIC_CANDIDATES = 500  # a topic look-up orders at most this many of the latest matches by date


class QuotesMixin(StoreBase):
    """Writing an article's quotes, and finding quotations by speaker and topic."""

    # (change key, names) of the last speaker_names answer; see there
    _speaker_cache: tuple[tuple[int, int], list[tuple[int, str]]] | None = None

    async def _insert_quotes(self, article_id: int, article: ProcessedArticle, speaker_keys: dict[str, str]) -> None:
        """Store an article's quotes, each placed in its sentence and dated for newest-first look-ups."""
        meta = article.meta
        sort_date = meta.published.isoformat() if meta.published else utc_now()[:10]
        speaker_ids = await self._speaker_ids(speaker_keys)
        starts = [s.start for s in article.sentences]
        await self.conn.executemany(
            "INSERT INTO quotes (article_id, speaker_id, speaker_kind, role, text, partial, position, start,"
            " sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, speaker_ids.get(q.speaker or ""), q.speaker_kind if q.speaker else None, q.role,
                 q.text, int(q.partial), max(0, bisect_right(starts, q.start) - 1), q.start, sort_date)
                for q in article.quotes
            ],
        )

    async def _delete_quotes(self, article_id: int) -> None:
        await self.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))

    async def _speaker_ids(self, speaker_keys: dict[str, str]) -> dict[str, int]:
        """Return each name's speaker id, creating speakers as needed and keeping the fullest form of a name."""
        if not speaker_keys:
            return {}
        await self.conn.executemany(
            "INSERT INTO speakers (name, key) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET name ="
            " CASE WHEN length(excluded.name) > length(speakers.name) THEN excluded.name ELSE speakers.name END",
            list(speaker_keys.items()),
        )
        keys = sorted(set(speaker_keys.values()))
        rows = await self._all(f"SELECT id, key FROM speakers WHERE key IN ({placeholders(len(keys))})", keys)
        ids = {str(r["key"]): int(r["id"]) for r in rows}
        return {name: ids[key] for name, key in speaker_keys.items()}

    async def _quotes(
        self, where: str, params: Sequence[object], order: str, limit: int | None, offset: int = 0
    ) -> list[StoredQuote]:
        # the page is cut from quotes alone (`where` and `order` name only q), then joined: a look-up of the
        # newest 500 matches joins its ten quotes to their articles and speakers, not all 500
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        sql = (
            "SELECT q.id, q.text, q.role, q.position, q.article_id, s.name AS speaker, q.speaker_kind,"
            f" a.title, a.url, a.published FROM (SELECT * FROM quotes q WHERE {where} ORDER BY {order}{page}) q"
            f" JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY {order}"
        )
        args = [*params, limit, offset] if limit is not None else list(params)
        return [
            StoredQuote(
                id=int(r["id"]), text=r["text"], speaker=r["speaker"], role=r["role"],
                article_id=int(r["article_id"]), article_title=r["title"], article_url=r["url"],
                published=parse_date(r["published"]), position=int(r["position"]),
                speaker_kind=r["speaker_kind"] if r["speaker"] is not None else None,
            )
            for r in await self._all(sql, args)
        ]

    def newest_of_speakers(self, speaker_ids: Sequence[int], one: str, params: list) -> tuple[str, list]:
        """Each speaker's newest quote ids, one index range each: `one` selects one speaker's (`{speaker}`
        their id), bound with `params`. SQLite takes ORDER BY ... LIMIT in a UNION ALL only in a subquery."""
        sql = " UNION ALL ".join(f"SELECT * FROM ({one.format(speaker='?')})" for _ in speaker_ids)
        return sql, [value for speaker_id in speaker_ids for value in (speaker_id, *params)]

    # with a speaker or topic the candidate ids are few: "+" keeps SQLite's planner off the date index
    NARROWED_PARTIAL = "+q.partial = 0"

    async def topic_clause(
        self, about: str, speaker_ids: Sequence[int] | None, candidates: int, shown: tuple[str, list], page: int
    ) -> tuple[str, list] | None:
        """The id filter for quotes about these words (and by these speakers); None when no word is left.

        `shown` (a condition on `q`) and `page` say which of the candidates the caller keeps; an engine that
        can apply them before reading the quotations does (PostgreSQL); FTS5 hands over the candidates."""
        query = fts_query(about)
        if query is None:
            return None
        match = f"text : ({query})"
        if speaker_ids:
            match += " AND who : (" + " OR ".join(f'"s{int(i)}"' for i in speaker_ids) + ")"
        return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ?)", [
            match, candidates]

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
        if speaker_ids is not None and not speaker_ids:
            return []
        narrowed = bool(speaker_ids) or bool(about)
        where = ["1 = 1"] if include_partial else [self.NARROWED_PARTIAL if narrowed else "q.partial = 0"]
        clause, params = visible_to("q.article_id", guild_id)
        where[0] += clause
        if about:
            # newest first among the most recently stored matches: bounded work however common the words
            candidates = max(TOPIC_CANDIDATES, offset + limit)
            topic = await self.topic_clause(about, speaker_ids, candidates, (where[0], params), offset + limit)
            if topic is None:
                return []
            where.append(topic[0])
            params.extend(topic[1])
        elif speaker_ids:
            # each speaker's newest quotes come straight off the index; merging them avoids sorting them all
            partial = "" if include_partial else " AND partial = 0"
            visible, visible_params = visible_to("quotes.article_id", guild_id)
            one = (f"SELECT id FROM quotes WHERE quotes.speaker_id = {{speaker}}{partial}{visible}"
                   " ORDER BY sort_date DESC, id DESC LIMIT ?")
            newest, newest_params = self.newest_of_speakers(speaker_ids, one, [*visible_params, offset + limit])
            where.append(f"q.id IN ({newest})")
            params.extend(newest_params)
        return await self._quotes(" AND ".join(where), params, "q.sort_date DESC, q.id DESC", limit, offset)

    async def speaker_names(self) -> list[tuple[int, str]]:
        """Return (id, name) of every speaker: the very same list object for as long as none changes.

        Callers rebuild what they derive from the names only when a new list comes back. The list is read
        again only after a commit, by this connection or another process (see StoreBase._change_key), and
        the old object is kept when that commit left the speakers as they were.
        """
        key = await self._change_key()  # taken before reading, so a commit in between is read again next time
        cached = self._speaker_cache
        if cached is not None and cached[0] == key:
            return cached[1]
        rows = await self._all("SELECT id, name FROM speakers ORDER BY id")
        names = [(int(r["id"]), str(r["name"])) for r in rows]
        if cached is not None and cached[1] == names:
            names = cached[1]
        self._speaker_cache = (key, names)
        return names

    async def speakers(self, guild_id: int | None = None) -> list[SpeakerCount]:
        """Return every speaker with their count of full quotations and their kind, most quoted first.

        The kind is that of most of the speaker's quotations (see `speaker_kind`), so a name the quote code
        once took for the other kind, or a person who shares an organisation's name, does not flip it.
        """
        clause, params = visible_to("q.article_id", guild_id)
        rows = await self._all(
            "SELECT s.id, s.name, s.key, count(q.id) AS n,"
            " count(CASE WHEN q.speaker_kind = 'person' THEN 1 END) AS people,"
            " count(CASE WHEN q.speaker_kind = 'organisation' THEN 1 END) AS organisations"
            f" FROM speakers s JOIN quotes q ON q.speaker_id = s.id AND q.partial = 0{clause}"
            " GROUP BY s.id ORDER BY n DESC, s.name",
            params,
        )
        return [
            SpeakerCount(int(r["id"]), str(r["name"]), str(r["key"]), int(r["n"]),
                         speaker_kind(int(r["people"]), int(r["organisations"])))
            for r in rows
        ]


def speaker_kind(people: int, organisations: int) -> str | None:
    """The kind most of a speaker's quotations give them: a tie goes to "person" (the reading that was shown
    before kinds were kept), no known kind at all is None (quotations stored before kinds were)."""
    if not people and not organisations:
        return None
    return ORGANISATION if organisations > people else PERSON
