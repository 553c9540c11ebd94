"""Deliver a digest's messages to a text, announcement or forum channel, resuming after parts already sent."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

import aiohttp
import discord

from bot.discord_app.render import THREAD_NAME, clip, fit_content

log = logging.getLogger(__name__)

PartSent = Callable[[int, int, int | None], Awaitable[None]]  # (parts sent, message id, thread id)
Postable = discord.TextChannel | discord.ForumChannel | discord.Thread


class DeliveryError(Exception):
    """A post failed; `retry` says whether trying again later may work without anyone fixing anything."""

    def __init__(self, reason: str, *, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


def classify(error: Exception) -> DeliveryError:
    """Turn what discord.py or the network raised into a reason a server admin can act on."""
    if isinstance(error, DeliveryError):
        return error
    if isinstance(error, discord.Forbidden):
        return DeliveryError(f"I am not allowed to post there ({error.text or 'Missing Access'})", retry=False)
    if isinstance(error, discord.NotFound):
        return DeliveryError("the channel no longer exists", retry=False)
    if isinstance(error, discord.HTTPException):
        transient = error.status == 429 or error.status >= 500
        detail = f"Discord answered {error.status}" + (f" ({error.text[:200]})" if error.text else "")
        return DeliveryError(detail, retry=transient)
    if isinstance(error, aiohttp.ClientError | OSError):  # TimeoutError included
        return DeliveryError(f"could not reach Discord ({type(error).__name__})", retry=True)
    raise error


async def resolve(bot: discord.Client, channel_id: int) -> Postable:
    """Find a channel from the cache, else ask Discord; a DeliveryError if it is gone or not postable."""
    channel = bot.get_channel(channel_id)
    if channel is None:
        try:
            channel = await bot.fetch_channel(channel_id)
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:  # TimeoutError is an OSError
            raise classify(exc) from exc
    if not isinstance(channel, Postable):
        raise DeliveryError("the channel is not a text, announcement or forum channel", retry=False)
    return channel


async def deliver(
    bot: discord.Client,
    channel_id: int,
    title: str,
    messages: Sequence[Sequence[discord.Embed]],
    *,
    parts_sent: int,
    thread_id: int | None,
    on_part: PartSent,
) -> None:
    """Send messages[parts_sent:], telling `on_part` after each; a forum gets one new post holding them all."""
    try:
        channel = await resolve(bot, channel_id)
        target: discord.abc.Messageable
        if isinstance(channel, discord.ForumChannel):
            if thread_id is not None:
                target = await resolve(bot, thread_id)
            else:
                created = await channel.create_thread(name=clip(title, THREAD_NAME), embeds=list(messages[0]))
                await on_part(1, created.message.id, created.thread.id)
                target, parts_sent = created.thread, 1
        else:
            target = channel
        for index in range(parts_sent, len(messages)):
            message = await target.send(embeds=list(messages[index]))
            await on_part(index + 1, message.id, None)
    except DeliveryError:
        raise
    except Exception as exc:
        raise classify(exc) from exc


async def tell(bot: discord.Client, channel_id: int, text: str) -> bool:
    """Send a short notice (an alert), cut to Discord's limit; True only once Discord accepted it."""
    text = fit_content(text)
    try:
        channel = await resolve(bot, channel_id)
        if isinstance(channel, discord.ForumChannel):
            await channel.create_thread(name=clip(text.split("\n")[0], THREAD_NAME), content=text)
        else:
            await channel.send(text)
    except (DeliveryError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
        log.warning("could not send an alert to channel %s: %s", channel_id, exc)
        return False
    return True
