"""Shared fixtures: real databases (SQLite files in temporary folders, and PostgreSQL when it is installed),
and paths beside the repo."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.engine import open_database
from tests.fakes.conftest import fake_discord  # noqa: F401
from tests.pg_server import Cluster, start_cluster

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


ENGINES = ("sqlite", "postgres")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test reads SQLite's own features (PRAGMA, FTS5)")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster | None]:
    """One throwaway PostgreSQL server for the session, or None when PostgreSQL is not installed."""
    yield from start_cluster()


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database on each engine: an SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "db" / "test.sqlite3")
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("reads SQLite's own features")
    cluster = request.getfixturevalue("pg_cluster")
    if cluster is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    return cluster.new_database()


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """A freshly migrated database, on each engine."""
    async with await open_database(database_url) as opened:
        yield opened
