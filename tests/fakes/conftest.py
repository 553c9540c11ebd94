"""Fixtures for tests that drive discord.py against the local fake Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from .discord_server import FakeDiscord
from .harness import fake_discord_server


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord with discord.py pointed at it; stopped and un-patched afterwards."""
    async with fake_discord_server() as server:
        yield server
