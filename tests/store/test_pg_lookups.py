"""PostgreSQL's newest-first look-ups (migration 0003) against a real server: the functions that take matches
in bands of ids must return exactly the newest matches a plain scan-and-sort returns, for common, sparse,
rare and absent words, with a server's visibility and a speaker filter, over ids spread across many bands and
runs of bands with gaps between; the band keys cover exactly the bands asked; the search table follows the
articles."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.store.engine import open_database
from bot.store.postgres import PostgresStore
from bot.store.postgres.search import RANK_WEIGHTS
from tests.pg_server import Cluster
from tests.store.test_queries import make_article, quote

ARTICLES = 120
GUILD = 42
# after every tenth article the ids of articles and quotes jump ahead by one of these, so that the look-ups
# cross bands (1,024 ids), runs of bands (16,384) and empty stretches as on a large database
ID_JUMPS = (700, 3000, 1, 20_000)


def words_of(n: int) -> str:
    """Article n's words: "common" in every second article (and the title of every tenth), "sparse" in every
    17th, "rare" in the two oldest, "absent" in none."""
    words = ["report"]
    if n % 2 == 0:
        words.append("common")
    if n % 17 == 0:
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
            if n % 10 == 9:
                await jump_ids(url, ID_JUMPS[n // 10 % len(ID_JUMPS)])
        conn = await asyncpg.connect(url)
        assert await conn.fetchval("SELECT max(id) FROM quotes") > 16_384 * 3  # several runs of bands
        try:
            yield store, conn
        finally:
            await conn.close()


async def jump_ids(url: str, gap: int) -> None:
    """Make the next article and quotation ids `gap` beyond the newest ones."""
    conn = await asyncpg.connect(url)
    try:
        for table in ("articles", "quotes"):
            newest = await conn.fetchval(f"SELECT max(id) FROM {table}")
            await conn.execute(f"ALTER TABLE {table} ALTER COLUMN id RESTART WITH {newest + gap}")
    finally:
        await conn.close()


VISIBLE = (" AND EXISTS (SELECT 1 FROM article_sources vl JOIN sources vs ON vs.id = vl.source_id"
           " WHERE vl.article_id = s.id AND vs.guild_id IN (0, $3))")


async def reference_articles(conn: asyncpg.Connection, word: str, wanted: int, guild: int | None) -> list[tuple]:
    """The newest `wanted` matches and their ranks the slow way: every match, sorted."""
    rows = await conn.fetch(
        "SELECT s.id, ts_rank($2::real[], s.search, q, 1) AS score FROM article_search s,"
        " to_tsquery('english', $1) q WHERE s.search @@ q"
        + (VISIBLE if guild is not None else " AND $3::bigint IS NULL") + " ORDER BY s.id DESC LIMIT $4",
        word, RANK_WEIGHTS, guild, wanted)
    return sorted((r["id"], r["score"]) for r in rows)


@pytest.mark.parametrize("wanted", [1, 5, 30, 500])
@pytest.mark.parametrize("guild", [None, GUILD, GUILD + 1])
async def test_newest_article_matches_are_the_newest_matches(
    corpus: tuple[PostgresStore, asyncpg.Connection], wanted: int, guild: int | None
) -> None:
    _, conn = corpus
    for word in ("common", "sparse", "rare", "absent", "report"):
        got = await conn.fetch(
            "SELECT id, score FROM newest_article_matches(to_tsquery('english', $1), $2::real[], $3::bigint, $4,"
            " (SELECT max(id) FROM article_search))", word, RANK_WEIGHTS, guild, wanted)
        assert sorted((r["id"], r["score"]) for r in got) == await reference_articles(conn, word, wanted, guild), word


@pytest.mark.parametrize("wanted", [1, 7, 40, 500])
async def test_newest_quote_matches_are_the_newest_matches(
    corpus: tuple[PostgresStore, asyncpg.Connection], wanted: int
) -> None:
    _, conn = corpus
    bob = await conn.fetchval("SELECT id FROM speakers WHERE key = 'stone'")
    for word in ("common", "sparse", "rare", "absent", "matter"):
        for speakers in (None, [bob], [bob, -1]):
            got = await conn.fetch(
                "SELECT newest_quote_matches(to_tsquery('english', $1), $2::bigint[], $3,"
                " (SELECT max(id) FROM quotes)) AS id", word, speakers, wanted)
            want = await conn.fetch(
                "SELECT id FROM quotes WHERE search @@ to_tsquery('english', $1)"
                " AND ($2::bigint[] IS NULL OR speaker_id = ANY($2)) ORDER BY id DESC LIMIT $3", word, speakers, wanted)
            assert sorted(r["id"] for r in got) == sorted(r["id"] for r in want), (word, speakers)


async def test_search_ranks_title_matches_first_and_follows_deletes(
    corpus: tuple[PostgresStore, asyncpg.Connection],
) -> None:
    store, conn = corpus
    found = await store.search_article_ids("common", limit=ARTICLES)
    titled = {r["id"] for r in await conn.fetch("SELECT id FROM articles WHERE title LIKE 'Common%'")}
    assert set(found[:len(titled)]) == titled  # a title match weighs five times a body match
    assert len(found) == ARTICLES // 2  # every second article holds the word
    assert await store.search_article_ids("absent") == []
    await conn.execute("DELETE FROM articles WHERE id = $1", found[0])
    assert found[0] not in await store.search_article_ids("common", limit=ARTICLES)
    assert await conn.fetchval("SELECT count(*) FROM article_search") == ARTICLES - 1


async def test_band_keys_cover_exactly_the_bands_asked(corpus: tuple[PostgresStore, asyncpg.Connection]) -> None:
    _, conn = corpus
    for low, high in [(0, 0), (3, 9), (0, 15), (0, 16), (15, 16), (16, 31), (5, 40), (17, 95), (250, 374)]:
        keys = await conn.fetchval("SELECT band_cover($1, $2)", low, high)
        bands = [b for k in keys for b in ([k] if k >= 0 else range((-k - 1) * 16, (-k - 1) * 16 + 16))]
        assert sorted(bands) == list(range(low, high + 1)), (low, high)  # each band once, none outside
        assert len(keys) <= 30 + (high - low) // 16  # a run of 16 bands is one key
