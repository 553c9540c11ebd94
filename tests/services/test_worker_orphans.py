"""kill -9 of a large ingest leaves no process behind: its worker and the resource tracker end with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

INGEST = """
import asyncio, sys
from pathlib import Path
from bot.config import Settings
from bot.services.ingest import ingest_files
from bot.store import Store
async def main() -> None:
    folder = Path(sys.argv[1])
    settings = Settings(db_path=folder.parent / "db.sqlite3", seeds_dir=folder)
    async with await Store.open(settings.db_path) as store:
        await ingest_files(store, settings, [folder])
asyncio.run(main())
"""


def started(pid: int) -> str | None:
    """A process's start time (in clock ticks since boot): with its pid, it names one process, even after
    the pid is reused. None when it is gone or a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else fields[19]


def children(pid: int) -> set[tuple[int, str | None]]:
    """Every descendant of a process, from /proc, as (pid, start time)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                kids = {int(k) for k in (task / "children").read_text().split()}
            except OSError:
                continue
            todo.extend(kids - found)
            found |= kids
    return {(kid, started(kid)) for kid in found}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads process trees from /proc")
def test_kill_9_of_an_ingest_leaves_no_worker_running(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(400):  # over POOL_MIN_FILES, and long enough to be killed mid-way
        sentences = " ".join(f"The council said item {n} part {k} would cost £{k * n} million." for k in range(60))
        (folder / f"{n:04}.txt").write_text(f"Care story number {n}\n\n{sentences}\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", INGEST, str(folder)], env={**os.environ, "PYTHONPATH": str(REPO)},
                            stderr=subprocess.PIPE)
    seen: set[tuple[int, str | None]] = set()
    deadline = time.monotonic() + 60
    while len(seen) < 2 and time.monotonic() < deadline and proc.poll() is None:
        seen |= children(proc.pid)
        time.sleep(0.05)
    assert len(seen) >= 2, "the ingest should have started a worker and a resource tracker"
    time.sleep(0.5)
    seen |= children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    time.sleep(5)
    assert [pid for pid, start in seen if start is not None and started(pid) == start] == []
