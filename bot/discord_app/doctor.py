"""`digestbot doctor`, the Discord half, and the invite URL: token, servers, channels and permissions.

It logs in like `digestbot run` (Guilds intent only), reads what the gateway says, and disconnects.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import aiohttp
import discord

from bot.core.records import GuildSettings
from bot.discord_app.cogs.schedule import missing_permissions
from bot.discord_app.invite import invite_url
from bot.errors import InputError
from bot.services.doctor import Check

log = logging.getLogger(__name__)

READY_TIMEOUT = 30.0  # seconds to log in and receive the server list before giving up
def application_id_from_token(token: str) -> int:
    """A bot token starts with its user id in base64, which is the application's id."""
    head = token.strip().split(".")[0]
    try:
        text = base64.b64decode(head + "=" * (-len(head) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.isdigit():
        raise InputError("DISCORD_TOKEN does not look like a bot token: pass --client-id (General Information,"
                         " Application ID in the Developer Portal)")
    return int(text)


def _channel_check(guild: discord.Guild, channel_id: int, what: str) -> Check:
    channel = guild.get_channel(channel_id)
    where = f"server {guild.name} ({guild.id}): {what} channel"
    if channel is None:
        return Check(False, f"{where} {channel_id} is gone", "choose another one with /schedule set")
    if not isinstance(channel, discord.TextChannel | discord.ForumChannel):
        return Check(False, f"{where} #{channel.name} cannot take posts", "choose a text or forum channel")
    missing = missing_permissions(channel, guild.me)
    if missing:
        return Check(False, f"{where} #{channel.name}: the bot lacks {', '.join(missing)}",
                     "grant them to the bot's role in that channel")
    return Check(True, f"{where} #{channel.name}: the bot may post there")


def _server_checks(client: discord.Client, schedules: list[GuildSettings]) -> list[Check]:
    found = [Check(True, f"logged in as {client.user} (application {client.application_id})")]
    if not client.guilds:
        found.append(Check(False, "the bot is in no server", f"invite it: {invite_url(client.application_id or 0)}"))
    else:
        names = ", ".join(f"{g.name} ({g.id})" for g in client.guilds)
        found.append(Check(True, f"in {len(client.guilds)} server(s): {names}"))
    for schedule in schedules:
        guild = client.get_guild(schedule.guild_id)
        if guild is None:
            found.append(Check(False, f"server {schedule.guild_id} has a schedule but the bot is not in it",
                               "invite it again, or `digestbot forget-server` it"))
            continue
        if schedule.digest_channel_id is not None:
            found.append(_channel_check(guild, schedule.digest_channel_id, "digest"))
        if schedule.alerts_channel_id is not None:
            found.append(_channel_check(guild, schedule.alerts_channel_id, "alerts"))
    return found


async def discord_checks(token: str, schedules: list[GuildSettings], timeout: float = READY_TIMEOUT) -> list[Check]:
    """Log in, wait for the server list, check each schedule's channels, disconnect."""
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # the bot never joins voice
    client = discord.Client(intents=discord.Intents(guilds=True), max_messages=None)
    ready = asyncio.Event()
    client.event(_setter(ready))
    runner: asyncio.Task[None] | None = None
    try:
        async with asyncio.timeout(timeout):
            await client.login(token)
            runner = asyncio.create_task(client.connect(reconnect=False))
            waiter = asyncio.create_task(ready.wait())
            done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if waiter not in done:
                waiter.cancel()
                runner.result()  # raise the gateway's error
            return _server_checks(client, schedules)
    except discord.LoginFailure:
        return [Check(False, "Discord refused DISCORD_TOKEN", "reset it (Developer Portal > Bot) and update .env")]
    except (aiohttp.ClientError, OSError, TimeoutError, discord.HTTPException, discord.GatewayNotFound,
            discord.ConnectionClosed) as exc:
        reason = type(exc).__name__ if not str(exc) else str(exc).splitlines()[0]
        return [Check(False, f"Discord could not be reached ({reason})", "check the network, then run doctor again")]
    finally:
        with contextlib.suppress(Exception):
            await client.close()
        if runner is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await runner


def _setter(ready: asyncio.Event) -> Callable[[], Coroutine[Any, Any, None]]:
    async def on_ready() -> None:
        ready.set()

    return on_ready
