"""Several processes on one database, on each engine: poll leases, claims raced by two connections, and the
search ranking both engines share. Copying SQLite into PostgreSQL (`migrate-to`) when PostgreSQL is installed."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import DigestBotError
from bot.services.ingest import ingest_files
from bot.services.scaling import migrate_to
from bot.store import Store
from bot.store.engine import open_database
from tests.conftest import REPO, SEEDS
from tests.pg_server import Cluster
from tests.store.test_queries import make_article, quote


async def test_one_poller_holds_a_source_until_it_gives_it_back_or_the_lease_runs_out(database_url: str) -> None:
    async with await open_database(database_url) as first, await open_database(database_url) as second:
        source = await first.ensure_source("feed", "https://example.org/feed", "feed")
        assert await first.take_poll_lease(source, "host:1:a", 600)
        assert not await second.take_poll_lease(source, "host:2:b", 600)
        assert await second.poll_lease_owner(source) == "host:1:a"
        assert await first.take_poll_lease(source, "host:1:a", 600)  # renewing one's own
        await second.release_poll_lease(source, "host:2:b")  # not its lease: nothing happens
        assert not await second.take_poll_lease(source, "host:2:b", 600)
        assert await second.take_poll_lease(source, "host:2:b", 600, void_owner="host:1:a")  # its holder died
        await second.release_poll_lease(source, "host:2:b")
        assert await second.poll_lease_owner(source) is None
        assert await first.take_poll_lease(source, "host:1:a", 0)  # a lease that has already run out
        assert await second.take_poll_lease(source, "host:2:b", 600)


async def test_two_connections_racing_for_one_post_get_one_claim(database_url: str) -> None:
    stores = [await open_database(database_url) for _ in range(4)]
    try:
        for week in ("2026-W10", "2026-W11", "2026-W12"):
            claims = await asyncio.gather(*(s.claim_digest_post(42, week, 7) for s in stores for _ in range(3)))
            assert sum(c is not None for c in claims) == 1, week
    finally:
        for store in stores:
            await store.close()


async def test_search_ranks_a_title_match_above_a_body_match(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    filler = "Councils met again this week. Nothing else was decided. " * 3
    in_title = make_article(filler + "End", title="Dementia care funding", digest="t")
    in_body = make_article(filler + "Dementia care was mentioned once. End", title="Council round-up", digest="b")
    _, body_id = await store.save_article(source, "b", None, "b", in_body, [], {})
    _, title_id = await store.save_article(source, "t", None, "t", in_title, [], {})
    assert await store.search_article_ids("dementia care") == [title_id, body_id]
    assert await store.find_article_ids("dementia") == [title_id]
    assert [t for _, t in await store.titles_matching("demen")] == ["Dementia care funding"]


async def test_quotes_by_speaker_and_topic_are_the_same_on_each_engine(store: Store) -> None:
    source = await store.ensure_source("folder", "/seeds", "seeds")
    for n, (speaker, words) in enumerate([("Ann Lee", "beds are short"), ("Bob Stone", "beds are fine"),
                                          ("Ann Lee", "staff are tired")]):
        body = f"“The {words},” said {speaker}. More"
        art = make_article(body, title=f"t{n}", quotes=(quote(f"The {words},", body, speaker),), digest=f"q{n}")
        await store.save_article(source, f"k{n}", None, f"k{n}", art, [], {speaker: speaker.split()[-1].lower()})
    ids = {name: i for i, name in await store.speaker_names()}
    newest_first = ["The staff are tired,", "The beds are short,"]
    assert [q.text for q in await store.find_quotes([ids["Ann Lee"]])] == newest_first
    assert [q.speaker for q in await store.find_quotes(None, "bed")] == ["Bob Stone", "Ann Lee"]
    assert [q.text for q in await store.find_quotes([ids["Bob Stone"]], "beds")] == ["The beds are fine,"]


def _cluster(pg_cluster: Cluster | None) -> Cluster:
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    return pg_cluster


async def test_migrate_to_copies_every_row_and_the_copy_answers_alike(
    tmp_path: Path, pg_cluster: Cluster | None
) -> None:
    url = _cluster(pg_cluster).new_database(migrated=False)
    path = tmp_path / "bot.sqlite3"
    async with await Store.open(path) as lite:
        await ingest_files(lite, Settings(db_path=path), [SEEDS])
        await lite.create_digest(0, "2026-W10")
        await lite.claim_digest_post(5, "2026-W10", 9)
        expected = (await lite.count_articles(), await lite.search_article_ids("care"), await lite.speakers(),
                    {q.id for q in await lite.find_quotes(None, "care")})
    counts = await migrate_to(path, url)
    assert counts["articles"] == expected[0] and counts["quotes"] > 0 and counts["digest_posts"] == 1
    async with await open_database(url) as pg:
        assert await pg.count_articles() == expected[0]
        assert await pg.speakers() == expected[2]
        assert set(await pg.search_article_ids("care")) & set(expected[1])  # ranked by a different formula
        assert {q.id for q in await pg.find_quotes(None, "care")} & expected[3]  # search tables built after copy
        body = "A zebrafish study. It ends here"  # triggers back on: a new article is found
        await pg.save_article(await pg.ensure_source("folder", "/z", "z"), "z", None, "z", make_article(body), [], {})
        assert len(await pg.search_article_ids("zebrafish")) == 1
        new_source = await pg.ensure_source("folder", "/new", "new")  # the id sequences moved past copied ids
        assert new_source > max(s.id for s in await pg.list_sources() if s.location != "/new")
    with pytest.raises(DigestBotError, match="already holds data"):
        await migrate_to(path, url)


def test_the_migrate_to_command_reports_counts(tmp_path: Path, pg_cluster: Cluster | None) -> None:
    url = _cluster(pg_cluster).new_database(migrated=False)
    env = {"DIGESTBOT_DB": str(tmp_path / "bot.sqlite3"), "DIGESTBOT_SEEDS": str(SEEDS), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "bot"]
    subprocess.run([*run, "ingest"], cwd=tmp_path, env=env, check=True, capture_output=True, timeout=300)
    done = subprocess.run([*run, "migrate-to", url], cwd=tmp_path, env={**env, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "articles" in done.stdout and "checked" in done.stdout
    assert "password" not in done.stdout + done.stderr
    again = subprocess.run([*run, "migrate-to", "sqlite:///elsewhere.db"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and again.stderr.startswith("digestbot: error: migrate-to needs a postgresql://")
