"""Kill `python -m bot ingest` with SIGKILL in the middle of a large feed: the next run loses and repeats nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.live_server import FeedServer, item_for, rss, running

REPO = Path(__file__).resolve().parents[1]
ITEMS = 150

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the database as another process would, without taking part in its writes."""
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
        return conn.execute(sql).fetchall()


async def _bot(env: dict[str, str], cwd: Path, *argv: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *argv, cwd=cwd, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )


async def test_sigkill_mid_feed_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "DIGESTBOT_DB": str(db),
        "DIGESTBOT_SEEDS": str(tmp_path / "no-seeds"),
        "DIGESTBOT_ALLOW_PRIVATE_URLS": "1",
    }
    async with running(FeedServer()) as server:
        url = server.set("/feed", rss([item_for(server.base, n) for n in range(ITEMS)]), etag='"big-1"')
        add = await _bot(env, tmp_path, "sources", "add", url)
        assert await add.wait() == 0

        first = await _bot(env, tmp_path, "ingest")
        stored = 0
        while stored < 10:
            assert first.returncode is None, "the ingest finished before it could be killed"
            await asyncio.sleep(0.005)
            stored = _query(db, "SELECT count(*) FROM articles")[0][0]  # type: ignore[assignment]
        first.send_signal(signal.SIGKILL)
        assert await first.wait() == -signal.SIGKILL
        killed_at = _query(db, "SELECT count(*) FROM articles")[0][0]
        assert 10 <= killed_at < ITEMS  # type: ignore[operator]
        # The feed's validators were not stored, so the next run reads the whole feed again.
        assert _query(db, "SELECT etag FROM sources") == [(None,)]

        second = await _bot(env, tmp_path, "ingest")
        _, err = await second.communicate()
        assert second.returncode == 0, err.decode()

    assert err.decode().endswith(
        f"ingest: {ITEMS - killed_at} new, 0 updated, {killed_at} unchanged, 0 duplicate, 0 skipped;"  # type: ignore[operator]
        " sources: 1 ok\n"
    )
    rows = _query(
        db, "SELECT l.source_key, a.title, l.guid FROM article_sources l JOIN articles a ON a.id = l.article_id"
    )
    assert len(rows) == ITEMS
    assert len({r[0] for r in rows}) == ITEMS and len({r[1] for r in rows}) == ITEMS
    assert {r[2] for r in rows} == {f"item-{n}" for n in range(ITEMS)}
    assert _query(db, "SELECT etag, failures FROM sources") == [('"big-1"', 0)]
    assert _query(db, "PRAGMA integrity_check") == [("ok",)]
