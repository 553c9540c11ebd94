"""Point the real discord.py at a running FakeDiscord for the duration of a test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import discord.gateway
import discord.http
import yarl

from .discord_server import FakeDiscord


@asynccontextmanager
async def fake_discord_server(**options: Any) -> AsyncIterator[FakeDiscord]:
    """Start a FakeDiscord(**options), redirect Route.BASE and DEFAULT_GATEWAY to it, undo both after."""
    server = FakeDiscord(**options)
    await server.start()
    saved_base = discord.http.Route.BASE
    saved_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = server.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(server.gateway_url)
    try:
        yield server
    finally:
        discord.http.Route.BASE = saved_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved_gateway
        await server.stop()
