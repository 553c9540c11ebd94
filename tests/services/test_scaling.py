"""Processes by role: which servers a shard process owns, and what it may touch at its start (both engines)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.errors import ConfigError
from bot.services.posts import posts_in_flight
from bot.services.scaling import ShardPlan, parse_shards
from bot.store import Store
from tests.conftest import REPO


def test_shard_ranges_are_read_and_checked() -> None:
    assert parse_shards("0-3", 8) == ShardPlan((0, 1, 2, 3), 8)
    assert parse_shards("5", 8).ids == (5,)
    assert parse_shards("0,2,4-5", 6).ids == (0, 2, 4, 5)
    for wrong, count in (("8", 8), ("2-9", 8), ("a-b", 4), ("", 4), ("1-", 4)):
        with pytest.raises(ConfigError):
            parse_shards(wrong, count)


def test_a_server_belongs_to_the_shard_discord_sends_it_to() -> None:
    # Discord's rule: shard_id = (guild_id >> 22) % shard_count
    plan = ShardPlan((1,), 4)
    assert plan.owns((5 << 22) | 123)  # 5 % 4 == 1
    assert not plan.owns(4 << 22)


async def test_a_start_looks_only_at_its_own_shards_posts_in_flight(store: Store) -> None:
    mine, theirs = (3 << 22) | 7, (2 << 22) | 7  # shards 1 and 0 of 2
    for guild in (mine, theirs):
        assert await store.claim_digest_post(guild, "2026-W10", 1) is not None
    assert [p.guild_id for p in await posts_in_flight(store, ShardPlan((1,), 2))] == [mine]
    assert sorted(p.guild_id for p in await posts_in_flight(store)) == sorted([mine, theirs])  # one process: all


def test_run_refuses_shards_without_a_count_in_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--shards", "0-1"], cwd=tmp_path, capture_output=True, text=True,
        env={"PYTHONPATH": str(REPO), "DISCORD_TOKEN": "x", "PATH": "/usr/bin:/bin"}, timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("digestbot: error: --shards and --shard-count go together")
    assert done.stderr.count("\n") == 1
