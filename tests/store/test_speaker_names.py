"""The cached list of speaker names, on one database shared by two connections (the bot and a cron ingest),
on each engine."""

from __future__ import annotations

import pytest

from bot.store import Store
from bot.store.engine import open_database
from tests.store.test_queries import make_article, quote


async def save_quote(store: Store, key: str, speaker: str, speaker_key: str) -> None:
    """Save an article of its own (keyed `key`) quoting `speaker`."""
    body = f"“Care homes need staff,” said {speaker}. More"
    article = make_article(body, title=key, quotes=(quote("Care homes need staff,", body, speaker),), digest=key)
    source = await store.ensure_source("folder", "/seeds", "seeds")
    await store.save_article(source, key, None, key, article, [], {speaker: speaker_key})


async def test_a_speaker_saved_by_another_connection_is_seen_on_the_next_call(database_url: str) -> None:
    async with await open_database(database_url) as bot, await open_database(database_url) as cron:
        assert await bot.speaker_names() == []
        await save_quote(cron, "a", "Ann Lee", "lee")
        assert [name for _, name in await bot.speaker_names()] == ["Ann Lee"]
        # a name grown to its fuller form keeps its id (and the newest id): still seen
        await save_quote(cron, "b", "Dr Ann Lee", "lee")
        assert [name for _, name in await bot.speaker_names()] == ["Dr Ann Lee"]


async def test_an_unchanged_database_returns_the_very_same_list(database_url: str) -> None:
    async with await open_database(database_url) as bot, await open_database(database_url) as cron:
        await save_quote(bot, "a", "Ann Lee", "lee")
        names = await bot.speaker_names()
        assert await bot.speaker_names() is names
        # commits that leave the speakers alone, by either connection, keep the list callers built on
        await cron.ensure_source("folder", "/other", "other")
        await bot.record_source_result(1, "unreadable")
        assert await bot.speaker_names() is names
        await save_quote(bot, "b", "Bob Stone", "stone")  # this connection's own write
        grown = await bot.speaker_names()
        assert grown is not names
        assert [name for _, name in grown] == ["Ann Lee", "Bob Stone"]
        assert await bot.speaker_names() is grown


async def test_a_speaker_read_mid_write_and_rolled_back_is_not_kept(store: Store) -> None:
    await save_quote(store, "a", "Ann Lee", "lee")
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.conn.execute("INSERT INTO speakers (name, key) VALUES ('Cara Moss', 'moss')")
            # another task asking now would see the uncommitted speaker
            assert [name for _, name in await store.speaker_names()] == ["Ann Lee", "Cara Moss"]
            raise RuntimeError("crash mid-write")
    assert [name for _, name in await store.speaker_names()] == ["Ann Lee"]
