"""The operator's commands on PostgreSQL: backup and restore say to use pg_dump/pg_restore, doctor names the
engine, the bot processes of one host share the run lock, and a server refusing writes is one StoreError line."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import asyncpg
import pytest

from bot.cli import main
from bot.config import Settings
from bot.errors import InputError, StoreError
from bot.services.backup import BotRunning, backup_database, bot_running, restore_database, run_lock
from bot.services.doctor import local_checks
from bot.store.engine import open_database
from tests.pg_server import Cluster


@pytest.fixture
def pg_url(pg_cluster: Cluster | None) -> str:
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    return pg_cluster.new_database()


def _settings(tmp_path: Path, url: str) -> Settings:
    return Settings(db_path=tmp_path / "data" / "digestbot.sqlite3", database_url=url, seeds_dir=tmp_path / "seeds")


async def test_backup_and_restore_point_to_pg_dump(tmp_path: Path, pg_url: str) -> None:
    settings = _settings(tmp_path, pg_url)
    with pytest.raises(InputError, match="pg_dump"):
        await backup_database(settings)
    with pytest.raises(InputError, match="pg_restore"):
        await restore_database(settings, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "data" / "backups").exists()


def test_backup_command_is_one_line(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith(("DIGESTBOT_", "DISCORD_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("DIGESTBOT_DATABASE_URL", pg_url)
    assert main(["backup"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pg_dump" in err and "Traceback" not in err


async def test_doctor_names_postgres_and_checks_it_without_the_sqlite_folder(tmp_path: Path, pg_url: str) -> None:
    async with await open_database(pg_url):
        pass  # migrated
    checks, _ = await local_checks(_settings(tmp_path, pg_url), {})
    lines = [c.line() for c in checks]
    database = [line for line in lines if "database" in line]
    assert len(database) == 1, lines
    assert database[0].startswith("✓ database PostgreSQL postgresql://digestbot@") and "schema v" in database[0]

    gone = _settings(tmp_path, "postgresql://digestbot@127.0.0.1:1/none")
    checks, _ = await local_checks(gone, {})
    failed = [c for c in checks if not c.ok and "database" in c.text]
    assert len(failed) == 1 and "DIGESTBOT_DATABASE_URL" in failed[0].fix


def test_shard_processes_share_the_run_lock_on_postgres(tmp_path: Path) -> None:
    pg = _settings(tmp_path, "postgresql://digestbot@127.0.0.1:1/db")
    with run_lock(pg), run_lock(pg):  # two shard processes of one host
        assert bot_running(pg)
    assert not bot_running(pg)
    sqlite = _settings(tmp_path, str(tmp_path / "data" / "digestbot.sqlite3"))
    with run_lock(sqlite), pytest.raises(BotRunning):
        run_lock(sqlite).acquire()


async def test_a_read_only_server_is_a_store_error_and_a_dropped_connection_is_replaced(pg_url: str) -> None:
    async with await open_database(pg_url) as store:
        admin = await asyncpg.connect(pg_url)
        try:
            await admin.execute(f"ALTER DATABASE {pg_url.rsplit('/', 1)[1]} SET default_transaction_read_only = on")
            row = await store._one("SELECT pg_backend_pid() AS pid")
            await admin.execute("SELECT pg_terminate_backend($1)", row["pid"])
            for _ in range(100):  # until the server has ended it, so no query of ours is in flight meanwhile
                if not await admin.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", row["pid"]):
                    break
                await asyncio.sleep(0.05)
        finally:
            await admin.close()
        assert await store.list_sources() == []  # the pool opened a new connection (read-only now)
        with pytest.raises(StoreError, match="cannot be used now: cannot execute INSERT in a read-only"):
            await store.register_source("folder", "/srv/news", "news")


async def test_a_pooled_connection_the_server_ended_is_replaced_for_the_next_statement(pg_url: str) -> None:
    """A restart or an administrator ends idle connections; the next statement, handed one of them by the pool
    before it noticed, runs on a new connection instead of failing."""
    async with await open_database(pg_url) as store:
        await store.register_source("folder", "/srv/news", "news")
        admin = await asyncpg.connect(pg_url)
        try:  # the connection the pool hands out next, and the next statement at once
            row = await store._one("SELECT pg_backend_pid() AS pid")
            await admin.execute("SELECT pg_terminate_backend($1)", row["pid"])
            assert [source.location for source in await store.list_sources()] == ["/srv/news"]
        finally:
            await admin.close()
