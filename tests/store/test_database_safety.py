"""Opening the database under stress: concurrent first use, damaged, read-only and misnamed databases.

Each case runs in real processes on real SQLite files; what a user sees is the one line on stderr.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.errors import StoreError
from bot.store import Store

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534

# Open the database, read, then write; print one line, as the command line does. As root, drop to nobody
# first when asked, so file permissions apply (modules are loaded before: Python may live in root's home).
SCRIPT = """
import asyncio, concurrent.futures.thread, encodings.idna, os, sys
from pathlib import Path
from bot.errors import DigestBotError
from bot.store import Store
if len(sys.argv) > 2 and os.geteuid() == 0:
    os.setgroups([]); os.setgid(65534); os.setuid(65534)
async def main() -> None:
    async with await Store.open(Path(sys.argv[1])) as store:
        await store.count_articles()
        await store.ensure_source("folder", "/articles", "articles")
try:
    asyncio.run(main())
    print("ok")
except DigestBotError as exc:
    print(f"digestbot: error: {exc}", file=sys.stderr)
    sys.exit(1)
"""


def run(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def test_four_processes_creating_one_new_database_all_succeed(tmp_path: Path) -> None:
    for round_ in range(10):
        path = tmp_path / f"round{round_}" / "new.sqlite3"
        results = [finish(p) for p in [run(str(path)) for _ in range(4)]]
        assert [r[0] for r in results] == [0] * 4, results
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT count(*) FROM sources").fetchone() == (1,)
        finally:
            conn.close()


async def test_opening_waits_while_another_process_writes_the_new_file(tmp_path: Path) -> None:
    """A second opener of a new database meets the first one's write as it switches the file to WAL;
    SQLite answers the switch "locked" at once, without its busy wait, so opening must wait itself."""
    path = tmp_path / "new.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE notes (line TEXT)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO notes VALUES ('held')")  # a rollback-journal write, held until COMMIT
    release = threading.Timer(0.5, writer.execute, ("COMMIT",))
    release.start()
    try:
        async with await Store.open(path) as store:
            assert await store.count_articles() == 0
    finally:
        release.join()
        writer.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_a_folder_as_database_is_one_line(tmp_path: Path) -> None:
    code, _, err = finish(run(str(tmp_path)))
    assert code == 1
    assert err.strip().splitlines() == [f"digestbot: error: database {tmp_path} is a folder: DIGESTBOT_DB must"
                                        " name a file (it is created)"]


def test_a_file_that_is_no_database_gets_quick_check_advice(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not a database\n" * 200)
    code, _, err = finish(run(str(path)))
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "is damaged" in err and "PRAGMA quick_check" in err and "backup" in err


async def test_damage_found_after_opening_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with await Store.open(path) as store:
        for n in range(300):
            await store.ensure_source("folder", f"/articles/{n}" + "x" * 500, f"folder {n}")
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'sources'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:  # overwrite the sources table's root page
        handle.seek((root - 1) * 4096)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    async with await Store.open(path) as store:
        with pytest.raises(StoreError, match=r"is damaged .*PRAGMA quick_check"):
            await store.list_sources()
        with pytest.raises(StoreError, match="is damaged"):
            await store.ensure_source("folder", "/new", "new")


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder an unprivileged user can enter (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="digestbot-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_database_is_one_line(open_tmp: Path) -> None:
    path = open_tmp / "ro" / "db.sqlite3"
    assert finish(run(str(path)))[0] == 0
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        code, _, err = finish(run(str(path), "drop-privileges"))
    finally:
        path.parent.chmod(0o755)
    assert code == 1, err
    assert err.strip().splitlines() == [f"digestbot: error: database {path} is read-only: digestbot must be able"
                                        " to write it and its folder (for the -wal and -shm files)"]


async def test_a_database_kept_locked_by_another_program_is_busy_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with await Store.open(path) as store:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="is busy: another program kept it locked"):
                await store.ensure_source("folder", "/articles", "articles")
        finally:
            holder.rollback()
            holder.close()
        assert await store.ensure_source("folder", "/articles", "articles") == 1  # usable once it is free
