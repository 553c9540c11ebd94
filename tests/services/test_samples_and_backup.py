"""The samples as a demo, and backup/restore on real database files (the bot's run lock included)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import DigestBotError, InputError
from bot.services.backup import BotRunning, RunLock, backup_database, bot_running, restore_database
from bot.services.digests import week_digest
from bot.services.poll import poll_sources
from bot.services.samples import after_removal, samples_for_bot, use_samples
from bot.services.sources import add_source, remove_source
from bot.store import Store
from bot.store.database import migrations
from tests.conftest import REPO, SEEDS

SAMPLES = len(list(SEEDS.glob("*.txt")))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "data" / "bot.sqlite3", seeds_dir=SEEDS, digests_dir=tmp_path / "digests")


def own_folder(tmp_path: Path) -> Path:
    """A folder of the operator's own articles (here: one sample, reworded so it is a different article)."""
    folder = tmp_path / "mine"
    folder.mkdir()
    text = (SEEDS / "002_homecare_hours_press_release.txt").read_text(encoding="utf-8")
    (folder / "one.txt").write_text(text.replace("Homecare", "Domiciliary care"), encoding="utf-8")
    return folder


async def test_samples_are_used_only_until_the_operator_adds_a_source(tmp_path: Path, settings: Settings) -> None:
    async with await Store.open(settings.db_path) as store:
        assert (await use_samples(store, settings)) is not None
        assert (await poll_sources(store, settings)).ingest.new == SAMPLES
        demo = await week_digest(store, settings, "2026-W10")
        assert demo.article_count == SAMPLES
        await add_source(store, settings, str(own_folder(tmp_path)), "Mine")
        assert await use_samples(store, settings) is None  # retired: articles and digests gone
        assert (await poll_sources(store, settings)).ingest.new == 1
        digest = await week_digest(store, settings, "2026-W10")
        assert digest.article_count == 1
        assert all("Marlshire" not in item.headline for item in digest.items)


async def test_removing_the_samples_sticks(settings: Settings) -> None:
    async with await Store.open(settings.db_path) as store:
        samples = await use_samples(store, settings)
        assert samples is not None
        await poll_sources(store, settings)
        removed = await remove_source(store, str(samples.id))
        await after_removal(store, settings, removed)
        assert await use_samples(store, settings) is None
        assert (await poll_sources(store, settings)).polls == []
        assert await store.count_articles() == 0


async def test_the_bot_never_sees_the_samples(settings: Settings) -> None:
    async with await Store.open(settings.db_path) as store:
        await use_samples(store, settings)
        await poll_sources(store, settings)
        await samples_for_bot(store, settings)
        assert await store.count_articles() == 0
        assert (await week_digest(store, settings, "2026-W10", 4242)).article_count == 0
        assert (await poll_sources(store, settings)).polls == []  # the bot's own polls never bring them back


async def counts(path: Path) -> tuple[int, int]:
    async with await Store.open(path) as store:
        articles = (await store.conn.execute_fetchall("SELECT count(*) FROM articles"))[0][0]
        quotes = (await store.conn.execute_fetchall("SELECT count(*) FROM quotes"))[0][0]
    return articles, quotes


async def test_backup_while_writing_then_restore_gives_the_same_counts(tmp_path: Path, settings: Settings) -> None:
    async with await Store.open(settings.db_path) as store:
        await use_samples(store, settings)
        await poll_sources(store, settings)
        before = await counts(settings.db_path)
        # a backup taken while this connection holds a write transaction open still copies a consistent state
        await store.conn.execute("BEGIN IMMEDIATE")
        await store.conn.execute("DELETE FROM quotes")
        path, facts = await backup_database(settings, tmp_path / "copy.sqlite3")
        await store.conn.execute("ROLLBACK")
    assert (facts.articles, facts.quotes) == before and facts.integrity == "ok"
    async with await Store.open(settings.db_path) as store:
        await store.conn.execute("DELETE FROM articles")
    assert (await counts(settings.db_path))[0] == 0
    done = await restore_database(settings, path)
    assert await counts(settings.db_path) == before
    assert done.previous is not None and done.previous.parent == settings.db_path.parent / "backups"
    with pytest.raises(InputError, match="already exists"):
        await backup_database(settings, path)
    default, _ = await backup_database(settings)
    assert default.parent == settings.db_path.parent / "backups" and default.suffix == ".sqlite3"


HOLD_LOCK = """
import sys, time
from pathlib import Path
from bot.config import Settings
from bot.services.backup import RunLock
with RunLock(Settings(db_path=Path(sys.argv[1]))):
    print("locked", flush=True)
    time.sleep(60)
"""


async def test_restore_refuses_while_the_bot_runs_and_checks_the_file(tmp_path: Path, settings: Settings) -> None:
    async with await Store.open(settings.db_path):
        pass
    good, _ = await backup_database(settings, tmp_path / "good.sqlite3")
    holder = subprocess.Popen(  # another process, as `digestbot run` would be
        [sys.executable, "-c", HOLD_LOCK, str(settings.db_path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert bot_running(settings)
        with pytest.raises(BotRunning, match="stop the bot first"):
            await restore_database(settings, good)
    finally:
        holder.kill()
        holder.wait()
    assert not bot_running(settings)  # the system dropped the lock with the process
    with RunLock(settings), pytest.raises(BotRunning):
        RunLock(settings).acquire()
    (tmp_path / "text.sqlite3").write_text("not a database")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for bad, message in ((tmp_path / "text.sqlite3", "not a usable SQLite database"),
                         (other, "not a digestbot database"), (tmp_path / "missing.sqlite3", "does not exist")):
        with pytest.raises(DigestBotError, match=message):
            await restore_database(settings, bad)


async def test_an_upgrade_keeps_a_copy_of_the_database_from_before(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    version, _, sql = migrations()[0]
    conn.executescript(sql + f"\nPRAGMA user_version = {version};")
    conn.execute("INSERT INTO sources (kind, location, name, created_at) VALUES ('folder', '/x', 'x', '2026')")
    conn.commit()
    conn.close()
    async with await Store.open(path):
        pass
    [copy] = (tmp_path / "backups").glob(f"old-*-before-upgrade-from-v{version}.sqlite3")
    kept = sqlite3.connect(copy)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == version
    assert kept.execute("SELECT name FROM sources").fetchall() == [("x",)]
    kept.close()
    async with await Store.open(path):  # already current: no new copy
        pass
    assert len(list((tmp_path / "backups").iterdir())) == 1
    assert not list(tmp_path.glob("fresh*"))
    async with await Store.open(tmp_path / "fresh.sqlite3"):  # a new database has nothing to keep
        pass
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp_path, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "DIGESTBOT_SEEDS": str(SEEDS)},
                              timeout=120, check=False)

    assert run("ingest").returncode == 0
    made = run("backup", "copy.sqlite3")
    assert made.returncode == 0 and made.stdout == "copy.sqlite3\n"
    assert f"{SAMPLES} articles" in made.stderr
    asyncio.run(_empty(tmp_path / "data" / "digestbot.sqlite3"))
    back = run("restore", "copy.sqlite3")
    assert back.returncode == 0, back.stderr
    assert back.stderr.splitlines()[-1].startswith("restored data/digestbot.sqlite3 from copy.sqlite3 (schema v")
    assert f"{SAMPLES} articles" in back.stderr
    assert asyncio.run(counts(tmp_path / "data" / "digestbot.sqlite3"))[0] == SAMPLES


async def _empty(path: Path) -> None:
    async with await Store.open(path) as store:
        await store.conn.execute("DELETE FROM articles")


async def test_an_own_folder_named_by_digestbot_seeds_stays_an_ordinary_source(tmp_path: Path) -> None:
    mine = own_folder(tmp_path)
    settings = Settings(db_path=tmp_path / "db.sqlite3", seeds_dir=mine)
    async with await Store.open(settings.db_path) as store:
        assert (await use_samples(store, settings)) is not None
        await samples_for_bot(store, settings)  # the bot starting does not retire it
        assert (await poll_sources(store, settings)).ingest.new == 1
        assert (await week_digest(store, settings, "2026-W10", 4242)).article_count == 1  # servers see it
        source = (await store.list_sources(0))[0]
        removed = await remove_source(store, str(source.id))
        await after_removal(store, settings, removed)
        assert await use_samples(store, settings) is None  # removing it sticks
