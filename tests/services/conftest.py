"""Fixtures the service tests share."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.live_server import FeedServer, loopback_only, running


@pytest.fixture
async def server(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FeedServer]:
    """A feed and page server on 127.0.0.1, which the fetcher may reach only because the test allows it."""
    with loopback_only(monkeypatch):
        async with running(FeedServer()) as srv:
            yield srv
