"""The store against a real database on each engine (SQLite file, PostgreSQL): migrations, idempotent saves,
search, quotes, digests."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bot.core.models import Metadata, ProcessedArticle, Quote, Sentence
from bot.core.records import SaveOutcome
from bot.store import Store
from bot.store.database import MIN_SQLITE, migrations, require_sqlite
from bot.store.sql import fts_query


def make_article(body: str, title: str = "A title", published: date | None = None,
                 quotes: tuple[Quote, ...] = (), digest: str | None = None) -> ProcessedArticle:
    """Build a processed article by hand so the store is tested without the pipeline."""
    sentences, offset = [], 0
    for i, part in enumerate(body.split(". ")):
        start = body.index(part, offset)
        sentences.append(Sentence(part, start, start + len(part), 0))
        offset = start + len(part)
        if i > 20:
            break
    return ProcessedArticle(
        meta=Metadata(title=title, published=published, author="Ann Writer", publisher="Care Weekly"),
        body=body, sentences=tuple(sentences), summary=(0,), quotes=quotes,
        content_hash=digest or str(abs(hash(body))),
    )


def quote(text: str, body: str, speaker: str | None, partial: bool = False) -> Quote:
    start = body.index(text)
    return Quote(text=text, speaker=speaker, role="chief executive" if speaker else None, partial=partial,
                 spans=((start, start + len(text)),))


@pytest.mark.sqlite_only
async def test_migrations_set_user_version_wal_and_foreign_keys(store: Store, tmp_path: Path) -> None:
    async with store.conn.execute("PRAGMA user_version") as cur:
        assert (await cur.fetchone())[0] == migrations()[-1][0]
    async with store.conn.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"
    async with store.conn.execute("PRAGMA foreign_keys") as cur:
        assert (await cur.fetchone())[0] == 1


async def test_reopening_does_not_reapply_migrations(tmp_path: Path) -> None:
    path = tmp_path / "again.sqlite3"
    async with await Store.open(path) as first:
        source = await first.ensure_source("folder", "/x", "x")
    async with await Store.open(path) as second:
        assert await second.ensure_source("folder", "/x", "x") == source


async def test_save_is_idempotent_and_detects_updates_and_duplicates(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    other = await store.ensure_source("folder", "/other", "other")
    article = make_article("Councils want more money. The NHS agrees", digest="h1")
    assert (await store.save_article(source, "a.txt", None, "raw1", article, ["k"], {}))[0] is SaveOutcome.NEW
    again = await store.save_article(source, "a.txt", None, "raw1", article, ["k"], {})
    assert again[0] is SaveOutcome.UNCHANGED
    copy = await store.save_article(other, "b.txt", None, "raw9", article, ["k"], {})
    assert copy[0] is SaveOutcome.DUPLICATE
    changed = make_article("Councils want much more money. The NHS agrees", digest="h2")
    updated = await store.save_article(source, "a.txt", None, "raw2", changed, ["k"], {})
    assert updated == (SaveOutcome.UPDATED, again[1])
    assert await store.count_articles() == 1
    stored = (await store.get_articles([again[1] or 0]))[0]
    assert stored.body.startswith("Councils want much more money")
    assert await store.search_article_ids("much") == [stored.id]


async def test_failed_transaction_writes_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.conn.execute(
                "INSERT INTO sources (kind, location, name, created_at) VALUES ('folder', '/y', 'y', 'now')"
            )
            raise RuntimeError("crash mid-write")
    async with store.conn.execute("SELECT count(*) FROM sources") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_quotes_by_speaker_and_topic_newest_first(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    old_body = "“We need funding for social care now,” said Ann Lee. Other text"
    new_body = "“Hospital discharge is improving across the region,” said Ann Lee. More"
    third = "“Funding must follow patients,” said Bob Stone. Fine"
    for key, body, day, speaker in (
        ("old", old_body, date(2020, 1, 1), "Ann Lee"),
        ("new", new_body, date(2023, 5, 5), "Ann Lee"),
        ("bob", third, date(2022, 3, 3), "Bob Stone"),
    ):
        text = body.split("“")[1].split(",”")[0]
        art = make_article(body, title=key, published=day, quotes=(quote(text, body, speaker),), digest=key)
        await store.save_article(source, key, None, key, art, [], {speaker: speaker.split()[-1].lower()})
    speakers = {s.name: s for s in await store.speakers()}
    assert speakers["Ann Lee"].quotes == 2
    ann = await store.find_quotes([speakers["Ann Lee"].id])
    assert [q.article_title for q in ann] == ["new", "old"]
    about = await store.find_quotes(None, "funding")
    assert [q.article_title for q in about] == ["bob", "old"]
    both = await store.find_quotes([speakers["Ann Lee"].id], "funding")
    assert [q.speaker for q in both] == ["Ann Lee"] and both[0].role == "chief executive"


async def test_several_speakers_give_one_page_of_their_newest_quotes(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    people = ("Ann Lee", "Bob Stone", "Cy Dunn")
    saved = []  # (published, order saved, speaker, text, partial)
    for n in range(15):
        speaker, day = people[n % 3], date(2024, 1 + n % 5, 1 + n)
        said, partial = f"Point {n} is made", n % 4 == 0
        body = f"“{said},” said {speaker}. Item {n}"
        art = make_article(body, title=f"t{n}", published=day, quotes=(quote(said, body, speaker, partial),),
                           digest=f"s{n}")
        await store.save_article(source, f"k{n}", None, f"k{n}", art, [], {speaker: speaker.split()[-1].lower()})
        saved.append((day, n, speaker, said, partial))
    ids = {s.name: s.id for s in await store.speakers()}
    for who in (people[:1], people[:2], people):
        for offset, limit, partial in ((0, 10, False), (2, 3, False), (4, 4, True), (9, 5, True)):
            got = await store.find_quotes([ids[p] for p in who], limit=limit, offset=offset, include_partial=partial)
            want = [said for _, _, speaker, said, part in sorted(saved, reverse=True)
                    if speaker in who and (partial or not part)][offset:offset + limit]
            assert [q.text for q in got] == want, (who, offset, limit, partial)


async def test_partial_quotes_hidden_unless_asked(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    body = "The plan is a “game changer” for care, said Ann Lee. Done"
    art = make_article(body, quotes=(quote("game changer", body, "Ann Lee", partial=True),), digest="p")
    await store.save_article(source, "p", None, "p", art, [], {"Ann Lee": "lee"})
    assert await store.find_quotes(None, "changer") == []
    assert [q.text for q in await store.find_quotes(None, "changer", include_partial=True)] == ["game changer"]


@pytest.mark.parametrize("text", ['"', "OR", "NEAR(", "a*b", "title:x", "'; DROP TABLE articles; --", ""])
async def test_search_treats_user_text_as_words(store: Store, text: str) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    await store.save_article(source, "a", None, "a", make_article("Plain words here. More", digest="z"), [], {})
    assert isinstance(await store.search_article_ids(text), list)
    assert await store.count_articles() == 1


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('care "homes" OR') == '"care" "homes" "OR"'
    assert fts_query("  ,.; ") is None


async def test_digest_covers_articles_since_previous_digest(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    for key in ("a", "b"):
        await store.save_article(source, key, None, key, make_article(f"Body {key}. End", digest=key), [], {})
    first = await store.create_digest(0, "2026-W40")
    assert await store.article_ids_between(first.first_link, first.last_link) == [1, 2]
    await store.save_article(source, "c", None, "c", make_article("Body c. End", digest="c"), [], {})
    assert await store.create_digest(0, "2026-W40") == first  # rebuilding a week covers the same articles
    second = await store.create_digest(0, "2026-W41")
    assert await store.article_ids_between(second.first_link, second.last_link) == [3]
    other_guild = await store.create_digest(7, "2026-W41")
    assert await store.article_ids_between(other_guild.first_link, other_guild.last_link) == [1, 2, 3]


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    from bot.errors import DigestBotError

    with pytest.raises(DigestBotError, match="newer"):
        await Store.open(path)


def test_sqlite_too_old_for_the_migrations_is_refused_in_one_line() -> None:
    from bot.errors import DigestBotError

    with pytest.raises(DigestBotError, match=r"needs SQLite 3\.35\.0 or newer; this Python has SQLite 3\.31\.1"):
        require_sqlite((3, 31, 1))
    require_sqlite(MIN_SQLITE)
    require_sqlite(sqlite3.sqlite_version_info)  # the library the tests run on is new enough
