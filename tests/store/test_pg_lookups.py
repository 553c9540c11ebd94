"""PostgreSQL's look-ups from posting lists (migration 0006) against a real server: a search returns the best
of the newest matches, ranked as ts_rank ranks each word of the article's own vector, and a topic look-up the
newest matching quotations, exactly as a plain scan of every article and quotation finds them; for common,
sparse, rare, absent and stop words, several words at once, a server's visibility and a speaker filter. The
posting lists follow inserts, edits and deletes, and the migration builds them from a database stored before."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.store.engine import open_database
from bot.store.postgres import PostgresStore, database
from tests.pg_server import Cluster
from tests.store.test_queries import make_article, quote

ARTICLES = 90
GUILD = 42
WORDS = ("common", "sparse", "rare", "absent", "report", "common sparse", "reports commonly", "the", "",
         "report common sparse again of the week item matters")  # more lists than the planner orders at once
# the article's vector and each word's rank in it, written out here rather than taken from the migration
VECTOR = ("setweight(to_tsvector('english', coalesce(a.title, '')), 'A')"
          " || setweight(to_tsvector('english', a.body), 'B')")
VISIBLE = (" AND EXISTS (SELECT 1 FROM article_sources vl JOIN sources vs ON vs.id = vl.source_id"
           " WHERE vl.article_id = a.id AND vs.guild_id IN (0, $3))")


def words_of(n: int) -> str:
    """Article n's words: "common" in every second article (and the title of every tenth), "sparse" in every
    7th, "rare" in the two oldest, "absent" in none."""
    words = ["report"]
    if n % 2 == 0:
        words.append("common " * (1 + n % 3))  # one to three times: ranks differ
    if n % 7 == 0:
        words.append("sparse")
    if n < 2:
        words.append("rare")
    return " ".join(words)


@pytest.fixture
async def corpus(pg_cluster: Cluster | None) -> AsyncIterator[tuple[PostgresStore, asyncpg.Connection]]:
    """A PostgreSQL store of ARTICLES articles, one in three from a source of server GUILD only, each
    quoting a speaker, and a plain connection for the reference queries."""
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    url = pg_cluster.new_database()
    async with await open_database(url) as store:
        assert isinstance(store, PostgresStore)
        shared = await store.ensure_source("folder", "/shared", "shared")
        own = await store.ensure_source("feed", "https://example.org/feed", "own", guild_id=GUILD)
        for n in range(ARTICLES):
            said = f"{words_of(n)} matters"
            body = f"“{said},” said Ann Lee. Item {n} of the week. {words_of(n)} again"
            title = f"Common ground {n}" if n % 10 == 0 else f"Item {n}"
            article = make_article(body, title=title, quotes=(quote(said, body, "Ann Lee" if n % 3 else "Bob Stone"),),
                                   digest=f"d{n}")
            await store.save_article(own if n % 3 == 0 else shared, f"k{n}", None, f"r{n}", article, [],
                                     {"Ann Lee": "lee", "Bob Stone": "stone"})
        conn = await asyncpg.connect(url)
        try:
            yield store, conn
        finally:
            await conn.close()


async def reference_search(conn: asyncpg.Connection, text: str, wanted: int, guild: int | None) -> list[int]:
    """The best of the newest `wanted` matches the slow way: every article's vector tested and ranked."""
    words = [w for w in text.split() if await conn.fetchval("SELECT numnode(plainto_tsquery('english', $1))", w)]
    if not words:
        return []
    rows = await conn.fetch(
        f"SELECT id, score FROM (SELECT a.id, (SELECT sum(ts_rank('{{0.1, 0.1, 0.2, 1.0}}', {VECTOR},"
        f" plainto_tsquery('english', w), 1)) FROM unnest($1::text[]) w) AS score FROM articles a"
        f" WHERE ({VECTOR}) @@ plainto_tsquery('english', array_to_string($1, ' '))"
        + (VISIBLE if guild is not None else " AND $3::bigint IS NULL") + " ORDER BY a.id DESC LIMIT $2) m",
        words, wanted, guild)
    return [r["id"] for r in sorted(rows, key=lambda r: (-r["score"], -r["id"]))]


@pytest.mark.parametrize("wanted", [1, 5, 30, 2000])
@pytest.mark.parametrize("guild", [None, GUILD, GUILD + 1])
async def test_search_ranks_the_newest_matches_as_a_scan_does(
    corpus: tuple[PostgresStore, asyncpg.Connection], wanted: int, guild: int | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, conn = corpus
    monkeypatch.setattr("bot.store.postgres.search.SEARCH_CANDIDATES", wanted)
    for text in WORDS:
        got = await store.search_article_ids(text, limit=ARTICLES, guild_id=guild)
        assert got == await reference_search(conn, text, wanted, guild), text


@pytest.mark.parametrize("wanted", [1, 7, 40, 500])
async def test_topic_takes_the_newest_matching_quotations(
    corpus: tuple[PostgresStore, asyncpg.Connection], wanted: int
) -> None:
    store, conn = corpus
    bob = await conn.fetchval("SELECT id FROM speakers WHERE key = 'stone'")
    for text in (*WORDS, "matter"):
        for speakers in (None, [bob], [bob, -1]):
            topic = await store.topic_clause(text, speakers, wanted, ("1 = 1", []), wanted)
            got = [] if topic is None else await store._all(f"SELECT q.id FROM quotes q WHERE {topic[0]}", topic[1])
            want = await conn.fetch(
                "SELECT id FROM quotes WHERE to_tsvector('english', text) @@ plainto_tsquery('english', $1)"
                " AND ($2::bigint[] IS NULL OR speaker_id = ANY($2)) ORDER BY id DESC LIMIT $3", text, speakers, wanted)
            assert sorted(r["id"] for r in got) == sorted(r["id"] for r in want), (text, speakers)


@pytest.mark.parametrize("guild", [None, GUILD, GUILD + 1])
async def test_a_page_of_quotations_about_words_is_the_one_a_scan_gives(
    corpus: tuple[PostgresStore, asyncpg.Connection], guild: int | None
) -> None:
    store, conn = corpus
    await conn.execute("UPDATE quotes SET partial = 1 WHERE id % 4 = 0")  # the posting rows follow
    await conn.execute("UPDATE quotes SET sort_date = '2020-01-01' WHERE id % 5 = 0")
    visible = VISIBLE.replace("a.id", "q.article_id") if guild is not None else " AND $3::bigint IS NULL"
    for text in ("common", "report", "sparse common"):
        for offset in (0, 3, 40):
            got = [q.id for q in await store.find_quotes(about=text, limit=7, offset=offset, guild_id=guild)]
            want = await conn.fetch(
                "SELECT id FROM (SELECT * FROM quotes q WHERE to_tsvector('english', text)"
                " @@ plainto_tsquery('english', $1) ORDER BY id DESC LIMIT 500) q WHERE partial = 0"
                f"{visible} ORDER BY sort_date DESC, id DESC LIMIT 7 OFFSET $2", text, offset, guild)
            assert got == [r["id"] for r in want], (text, offset)


async def test_search_ranks_title_matches_first(corpus: tuple[PostgresStore, asyncpg.Connection]) -> None:
    store, conn = corpus
    found = await store.search_article_ids("common", limit=ARTICLES)
    titled = {r["id"] for r in await conn.fetch("SELECT id FROM articles WHERE title LIKE 'Common%'")}
    assert set(found[:len(titled)]) == titled  # a title match weighs five times a body match
    assert len(found) == ARTICLES // 2  # every second article holds the word


async def test_posting_lists_follow_edits_and_deletes(corpus: tuple[PostgresStore, asyncpg.Connection]) -> None:
    store, conn = corpus
    first = (await store.search_article_ids("rare"))[0]
    await conn.execute("UPDATE articles SET title = 'Unheard-of wombats' WHERE id = $1", first)
    assert await store.search_article_ids("wombat") == [first]
    assert await store.search_article_ids("ground", limit=50) == await reference_search(conn, "ground", 2000, None)
    quoted = await conn.fetchval("SELECT count(*) FROM quotes WHERE article_id = $1", first)
    terms = await conn.fetchval("SELECT count(*) FROM article_terms")
    quote_terms = await conn.fetchval("SELECT count(*) FROM quote_terms")
    await conn.execute("DELETE FROM articles WHERE id = $1", first)  # its quotations go with it
    assert first not in await store.search_article_ids("rare")
    assert await conn.fetchval("SELECT count(*) FROM article_terms WHERE article_id = $1", first) == 0
    assert await conn.fetchval("SELECT count(*) FROM article_terms") < terms
    assert quoted and await conn.fetchval("SELECT count(*) FROM quote_terms") < quote_terms
    assert await conn.fetchval(
        "SELECT count(*) FROM quote_terms t WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = t.quote_id)") == 0


async def test_migration_builds_posting_lists_from_a_database_stored_before(pg_cluster: Cluster | None) -> None:
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    url = pg_cluster.new_database(migrated=False)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, name TEXT NOT NULL,"
                           " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        for version, name, sql in database.migrations():
            if version < 6:  # the schema as a release before posting lists left it, with articles in it
                await conn.execute(sql)
                await conn.execute("INSERT INTO schema_version (version, name) VALUES ($1, $2)", version, name)
        source = await conn.fetchval(
            "INSERT INTO sources (kind, location, name, created_at) VALUES ('folder', '/f', 'f', '2026-01-01')"
            " RETURNING id")
        for n in range(12):
            article = await conn.fetchval(
                "INSERT INTO articles (source_id, source_key, content_hash, title, body, ingested_at)"
                " VALUES ($1, $2, $2, $3, $4, '2026-01-01') RETURNING id", source, f"k{n}", f"Item {n}", words_of(n))
            await conn.execute("INSERT INTO quotes (article_id, text, partial, position, start, sort_date)"
                               " VALUES ($1, $2, 0, 0, 0, '2026-01-01')", article, words_of(n))
        assert await database.migrate(conn) == database.migrations()[-1][0]
    finally:
        await conn.close()
    async with await open_database(url) as store:
        assert isinstance(store, PostgresStore)
        reference = await asyncpg.connect(url)
        try:
            for text in ("common", "sparse report", "item"):
                want = await reference_search(reference, text, 2000, None)
                assert want and await store.search_article_ids(text, limit=20) == want, text
        finally:
            await reference.close()
        assert len(await store.find_quotes(about="common", limit=20, include_partial=True)) == 6
