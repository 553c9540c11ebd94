"""Shared fixtures: real SQLite files in temporary folders, and paths beside the repo."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store
from tests.fakes.conftest import fake_discord  # noqa: F401

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A freshly migrated database file."""
    async with await Store.open(tmp_path / "db" / "test.sqlite3") as opened:
        yield opened
