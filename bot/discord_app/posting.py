"""Deliver a digest's messages to a text, announcement or forum channel, resuming after parts already sent
(those recorded, and after a crash those Discord holds but the claim never recorded)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

import aiohttp
import discord

from bot.discord_app.render import THREAD_NAME, clip, fit_content

log = logging.getLogger(__name__)

PartSent = Callable[[int, int, int | None], Awaitable[None]]  # (parts sent, message id, thread id)
Postable = discord.TextChannel | discord.ForumChannel | discord.Thread
SCAN = 100  # messages read after the last part recorded: a part sent but not recorded follows it closely
SKEW = timedelta(minutes=5)


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
    check_after: int | None,
    on_part: PartSent,
) -> None:
    """Send messages[parts_sent:], telling `on_part` after each; a forum gets one new post holding them all.

    With `check_after` (a snowflake: the last part recorded, or the time of the claim), an earlier attempt
    may have sent a part it never recorded: the parts Discord already holds after it are recorded, not sent.
    """
    try:
        channel = await resolve(bot, channel_id)
        target: discord.TextChannel | discord.Thread
        if isinstance(channel, discord.ForumChannel):
            if thread_id is None and check_after is not None:
                thread_id = await _posted_thread(bot, channel, messages[0], check_after)
                if thread_id is not None:  # a forum post's starter message shares its thread's id
                    await on_part(1, thread_id, thread_id)
                    parts_sent = 1
            if thread_id is not None:
                found = await resolve(bot, thread_id)
                if not isinstance(found, discord.Thread):
                    raise DeliveryError("the forum post of this week is gone", retry=False)
                target = found
            else:
                created = await channel.create_thread(name=clip(title, THREAD_NAME), embeds=list(messages[0]))
                await on_part(1, created.message.id, created.thread.id)
                target, parts_sent = created.thread, 1
        else:
            target = channel
        if check_after is not None:
            parts_sent = await _recorded_if_sent(bot, target, messages, parts_sent, check_after, on_part)
        for index in range(parts_sent, len(messages)):
            message = await target.send(embeds=list(messages[index]))
            await on_part(index + 1, message.id, None)
    except DeliveryError:
        raise
    except Exception as exc:
        raise classify(exc) from exc


def check_from(last_message_id: int | None, claimed_at: str) -> int:
    """Where a part sent but not recorded can be: after the last part recorded, else after the claim was
    first taken (less SKEW, as the clock of the process that took it may differ from Discord's)."""
    if last_message_id is not None:
        return last_message_id
    return discord.utils.time_snowflake(datetime.fromisoformat(claimed_at) - SKEW)


async def _recorded_if_sent(
    bot: discord.Client, target: discord.TextChannel | discord.Thread, messages: Sequence[Sequence[discord.Embed]],
    parts_sent: int, after: int, on_part: PartSent,
) -> int:
    """Record the next parts Discord already holds after message `after`, in order; return parts now sent.

    A part is ours when this bot wrote it and its embeds match; anything else in the channel is passed over.
    """
    _can_read_history(target)
    async for message in target.history(limit=SCAN, after=discord.Object(after), oldest_first=True):
        if parts_sent == len(messages):
            break
        if message.author.id == _bot_id(bot) and _same(message.embeds, messages[parts_sent]):
            parts_sent += 1
            log.info("part %d of an interrupted post was already in channel %s: not sent again", parts_sent,
                     target.id)
            await on_part(parts_sent, message.id, None)
    return parts_sent


async def _posted_thread(
    bot: discord.Client, forum: discord.ForumChannel, first: Sequence[discord.Embed], after: int
) -> int | None:
    """The forum post an earlier attempt created after `after` but never recorded, found by its starter."""
    for thread in await forum.guild.active_threads():
        if thread.parent_id != forum.id or thread.owner_id != _bot_id(bot) or thread.id <= after:
            continue
        starter = await thread.fetch_message(thread.id)
        if _same(starter.embeds, first):
            log.info("the forum post of an interrupted digest was already in channel %s: not sent again", forum.id)
            return thread.id
    return None


def _can_read_history(target: discord.TextChannel | discord.Thread) -> None:
    """Without Read Message History Discord shows no messages: the check would find nothing and repeat one."""
    me = target.guild.me
    if me is not None and not target.permissions_for(me).read_message_history:
        raise DeliveryError(
            "I need Read Message History there to check which parts of the interrupted post went out", retry=False
        )


def _bot_id(bot: discord.Client) -> int | None:
    return bot.user.id if bot.user is not None else None


def _same(sent: Sequence[discord.Embed], part: Sequence[discord.Embed]) -> bool:
    """Whether a message's embeds are this part's, on what Discord keeps as sent (it adds fields of its own)."""
    return [_text_of(e) for e in sent] == [_text_of(e) for e in part]


def _text_of(embed: discord.Embed) -> tuple[object, ...]:
    def text(value: str | None) -> str:
        return (value or "").strip()

    fields = tuple((text(f.name), text(f.value)) for f in embed.fields)
    return text(embed.title), text(embed.description), text(embed.url), fields, text(embed.footer.text), \
        text(embed.author.name)


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
