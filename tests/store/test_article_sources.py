"""One article carried by many sources of many servers, on a real SQLite file: visibility, forgetting, digests,
and the migration that links the articles of an older database."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from bot.core.models import ProcessedArticle
from bot.core.records import SaveOutcome
from bot.store import Store
from bot.store.database import migrations
from bot.store.postgres import PostgresStore
from tests.store.test_queries import make_article, quote

HOME, AWAY, STRANGER = 111, 222, 333
SAID = "“The lighthouse keepers will have homes again,” said Orla Quenby"
BODY = f"Zephyrton lighthouse cottages become supported housing. The trust agreed. {SAID}"


def lighthouse() -> ProcessedArticle:
    said = (quote("The lighthouse keepers will have homes again,", SAID, "Orla Quenby"),)
    return make_article(BODY, "Zephyrton cottages", date(2026, 3, 3), said, digest="lighthouse")


async def save_for(store: Store, guild_id: int, location: str, key: str = "item-1") -> tuple[SaveOutcome, int]:
    """Save the lighthouse article as an item of a feed of `guild_id` (0: shared)."""
    source = await store.ensure_source("feed", location, location, guild_id=guild_id)
    outcome, article_id = await store.save_article(
        source, key, None, f"raw-{location}", lighthouse(), [], {"Orla Quenby": "quenby"}
    )
    assert article_id is not None
    return outcome, article_id


async def sees(store: Store, guild_id: int) -> dict[str, object]:
    """What a server finds of the lighthouse article through every kind of look-up."""
    return {
        "count": await store.count_articles(guild_id),
        "search": await store.search_article_ids("lighthouse", guild_id=guild_id),
        "title": await store.find_article_ids("Zephyrton cottages", guild_id=guild_id),
        "quotes": [q.speaker for q in await store.find_quotes([1], guild_id=guild_id)],
        "topic": [q.speaker for q in await store.find_quotes(None, "lighthouse", guild_id=guild_id)],
        "speakers": [s.name for s in await store.speakers(guild_id)],
        "between": await store.article_ids_between(0, 100, guild_id=guild_id),
    }


def seen(article_id: int) -> dict[str, object]:
    return {
        "count": 1, "search": [article_id], "title": [article_id], "quotes": ["Orla Quenby"],
        "topic": ["Orla Quenby"], "speakers": ["Orla Quenby"], "between": [article_id],
    }


UNSEEN = {"count": 0, "search": [], "title": [], "quotes": [], "topic": [], "speakers": [], "between": []}


async def rows(store: Store, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    async with store.conn.execute(sql, params) as cursor:
        return [tuple(r) for r in await cursor.fetchall()]


async def test_two_servers_private_sources_with_the_same_text_both_see_it(store: Store) -> None:
    first = await save_for(store, HOME, "https://home.example/feed")
    second = await save_for(store, AWAY, "https://away.example/feed")
    assert first[0] is SaveOutcome.NEW and second == (SaveOutcome.DUPLICATE, first[1])
    assert await sees(store, HOME) == seen(first[1])
    assert await sees(store, AWAY) == seen(first[1])
    assert await sees(store, STRANGER) == UNSEEN
    assert [s.articles for s in await store.list_sources()] == [1, 1]
    # Saving again is idempotent: no second link, and the outcome says nothing changed.
    assert await save_for(store, AWAY, "https://away.example/feed") == (SaveOutcome.UNCHANGED, first[1])
    assert await rows(store, "SELECT article_id, source_id FROM article_sources ORDER BY id") == [(1, 1), (1, 2)]


async def test_forgetting_servers_keeps_an_article_until_its_last_link_goes(store: Store) -> None:
    _, article_id = await save_for(store, HOME, "https://home.example/feed")
    await save_for(store, AWAY, "https://away.example/feed")
    await store.forget_guild(HOME)
    assert await sees(store, AWAY) == seen(article_id)
    assert await sees(store, HOME) == UNSEEN
    assert await rows(store, "SELECT source_id, source_key FROM articles") == [(2, "item-1")]  # re-pointed
    await store.forget_guild(AWAY)
    assert await store.count_articles() == 0
    for table in ("sentences", "quotes", "article_sources"):
        assert await rows(store, f"SELECT count(*) FROM {table}") == [(0,)]
    assert await store.search_article_ids("lighthouse") == [] and await store.find_quotes(None, "lighthouse") == []
    if not isinstance(store, PostgresStore):  # FTS5 indexes are tables of their own; tsvector columns go with the row
        assert await rows(store, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'lighthouse'") == []
        assert await rows(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'lighthouse'") == []


async def test_removing_a_source_spares_articles_a_shared_source_carries(store: Store) -> None:
    _, article_id = await save_for(store, HOME, "https://home.example/feed")
    await save_for(store, 0, "https://shared.example/feed", key="other-key")
    assert await sees(store, STRANGER) == seen(article_id)
    [shared, home] = await store.list_sources()  # shared (guild 0) first
    await store.remove_source(home.id)
    assert await sees(store, STRANGER) == seen(article_id)
    await store.remove_source(shared.id)
    assert await store.count_articles() == 0


async def test_a_server_digest_takes_an_article_when_its_own_feed_brings_it(store: Store) -> None:
    await save_for(store, HOME, "https://home.example/feed")
    home_week = await store.create_digest(HOME, "2026-W10")
    away_week = await store.create_digest(AWAY, "2026-W10")
    assert await store.article_ids_between(home_week.first_link, home_week.last_link, HOME) == [1]
    assert await store.article_ids_between(away_week.first_link, away_week.last_link, AWAY) == []
    await save_for(store, AWAY, "https://away.example/feed")  # a week later AWAY's feed carries it too
    home_next = await store.create_digest(HOME, "2026-W11")
    away_next = await store.create_digest(AWAY, "2026-W11")
    assert await store.article_ids_between(away_next.first_link, away_next.last_link, AWAY) == [1]
    assert await store.article_ids_between(home_next.first_link, home_next.last_link, HOME) == []  # seen
    await save_for(store, 0, "https://shared.example/feed", key="shared-key")  # one more source: no repeat
    away_last = await store.create_digest(AWAY, "2026-W12")
    assert await store.article_ids_between(away_last.first_link, away_last.last_link, AWAY) == []
    stranger = await store.create_digest(STRANGER, "2026-W12")  # new to STRANGER through the shared feed
    assert await store.article_ids_between(stranger.first_link, stranger.last_link, STRANGER) == [1]


def version_3_database(path: Path) -> None:
    """A database as digestbot left it before article links: migrations 1-3 and rows of every kind."""
    conn = sqlite3.connect(path)
    for version, _, sql in migrations()[:3]:
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.executescript(
        """
        INSERT INTO sources (id, kind, location, name, guild_id, created_at) VALUES
            (1, 'folder', '/seeds', 'seeds', 0, 't'), (2, 'feed', 'https://home.example/feed', 'home', 111, 't');
        INSERT INTO articles (id, source_id, source_key, raw_hash, content_hash, title, body, ingested_at, guid)
        VALUES (1, 1, 'a.txt', 'raw-a', 'ca', 'Shared story', 'Shared lighthouse story', '2026-03-01', NULL),
               (2, 2, 'home.example/2', 'raw-b', 'cb', 'Home story', 'Home lighthouse story', '2026-03-02', 'g-2');
        INSERT INTO speakers (id, name, key) VALUES (1, 'Orla Quenby', 'orla quenby');
        INSERT INTO quotes (article_id, speaker_id, text, partial, position, start, sort_date)
        VALUES (2, 1, 'Homes again for the lighthouse keepers.', 0, 0, 0, '2026-03-02');
        INSERT INTO digests (guild_id, week, first_article_id, last_article_id, created_at)
        VALUES (111, '2026-W09', 0, 1, 't');
        """
    )
    conn.close()


async def test_migrating_a_version_3_database_links_every_article(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    version_3_database(path)
    async with await Store.open(path) as store:
        assert await rows(store, "PRAGMA user_version") == [(migrations()[-1][0],)]
        linked = await rows(store, "SELECT id, article_id, source_id, source_key, raw_hash, guid FROM article_sources")
        assert linked == [(1, 1, 1, "a.txt", "raw-a", None), (2, 2, 2, "home.example/2", "raw-b", "g-2")]
        assert await store.search_article_ids("lighthouse", guild_id=HOME) == [2, 1]
        assert await store.search_article_ids("lighthouse", guild_id=AWAY) == [1]
        assert [q.speaker for q in await store.find_quotes([1], guild_id=HOME)] == ["Orla Quenby"]
        assert await store.find_quotes([1], guild_id=AWAY) == []
        assert await store.known_raw_hash(2, "home.example/2") == "raw-b"
        live = await store.find_live_article(2, HOME, None, "g-2")
        assert live is not None and (live.id, live.raw_hash) == (2, "raw-b")
        # The digest made before keeps its range; the next one starts after it.
        [old] = await store.digests(HOME)
        assert (old.first_link, old.last_link) == (0, 1)
        following = await store.create_digest(HOME, "2026-W10")
        assert await store.article_ids_between(following.first_link, following.last_link, HOME) == [2]
