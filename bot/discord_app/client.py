"""The bot process: log in, load one cog per command group, sync commands, run the scheduler.

`run_bot` is the one entry point: `digestbot run` calls it, and so do the end-to-end tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import aiohttp
import discord
from discord.ext import commands

from bot.config import Settings
from bot.discord_app import posting
from bot.discord_app.errors import DigestTree
from bot.discord_app.invite import invite_url
from bot.discord_app.scheduler import DigestScheduler
from bot.discord_app.timing import Clock, parse_timezone, system_clock
from bot.errors import ConfigError
from bot.services.backup import run_lock
from bot.services.guilds import guild_settings
from bot.services.samples import samples_for_bot
from bot.services.scaling import ShardPlan
from bot.services.storage import Store, open_store

log = logging.getLogger(__name__)

COGS = ("digest", "summary", "quotes", "search", "sources", "schedule", "filters", "status")
NO_TOKEN = (
    "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications "
    "(Bot > Reset Token) and put DISCORD_TOKEN=<token> in .env; see README, 'Discord bot'"
)
RETRY_FIRST = 5.0  # seconds before the first new attempt to reach Discord; doubles up to RETRY_MAX
RETRY_MAX = 300.0
BAD_TOKEN = "Discord refused DISCORD_TOKEN: reset the token in the Developer Portal (Bot > Reset Token) and update .env"


class DigestBot(commands.Bot):
    """Slash commands only; needs no privileged intent; nothing it sends can ping anyone.

    It is also the scheduler's host (`scheduler.SchedulerHost`): store, settings, clock, membership, posting.
    """

    def __init__(
        self, settings: Settings, *, clock: Clock = system_clock, guild_ready_timeout: float = 2.0,
        shards: ShardPlan | None = None, poll: bool = True, **options: Any,
    ) -> None:
        # The bot never joins voice: no warning at every start about voice libraries it does not need.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,  # no message-content intent: slash commands only
            intents=discord.Intents(guilds=True),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=DigestTree,
            guild_ready_timeout=guild_ready_timeout,
            max_messages=None,
            **options,
        )
        self.settings = settings
        self.clock = clock
        self.digests = DigestScheduler(self, shards=shards, poll=poll)
        self._store: Store | None = None
        self._views: set[discord.ui.View] = set()
        self._stopping = False

    @property
    def store(self) -> Store:
        """The database, open from setup_hook until close."""
        if self._store is None:
            raise RuntimeError("the store is not open: the bot has not started or has stopped")
        return self._store

    async def setup_hook(self) -> None:
        """Open the store, load the cogs (a broken one is logged, not fatal), sync, start the scheduler."""
        self._store = await open_store(self.settings)
        await samples_for_bot(self._store, self.settings)  # the demo articles never reach a server
        for name in COGS:
            try:
                await self.load_extension(f"bot.discord_app.cogs.{name}")
            except commands.ExtensionError:
                log.exception("could not load the %s commands; running without them", name)
        try:
            synced = await self.tree.sync()
            log.info("synced %d slash commands", len(synced))
        except discord.HTTPException:
            log.exception("could not sync slash commands; Discord keeps the previous ones")
        await self.digests.start()

    async def close(self) -> None:
        """Stop the scheduler and open views, disconnect, then close the store."""
        if not self._stopping:
            self._stopping = True
            log.info("shutting down")
            await self.digests.stop()
            for view in self._views:
                view.stop()
            self._views.clear()
        await super().close()
        if self._store is not None:
            store, self._store = self._store, None
            await store.close()

    def keep_view(self, view: discord.ui.View) -> None:
        """Remember a view with a timeout so close() can stop it (else its timeout task outlives the bot)."""
        self._views = {v for v in self._views if not v.is_finished()}
        self._views.add(view)

    async def guild_now(self, guild_id: int) -> datetime:
        """The bot's clock in the server's time zone (UTC until it sets a schedule)."""
        settings = await guild_settings(self.store, guild_id)
        zone = parse_timezone(settings.timezone) if settings and settings.timezone else UTC
        return self.clock().astimezone(zone)

    def is_member(self, guild_id: int) -> bool:
        """Whether the bot is still in the server (one it left keeps its data, but gets no post)."""
        return self.get_guild(guild_id) is not None

    async def deliver_digest(
        self, channel_id: int, title: str, messages: Sequence[Sequence[discord.Embed]], *,
        parts_sent: int, thread_id: int | None, check_after: int | None, on_part: posting.PartSent,
    ) -> None:
        """Post a digest's messages from `parts_sent` on (see posting.deliver)."""
        await posting.deliver(
            self, channel_id, title, messages, parts_sent=parts_sent, thread_id=thread_id,
            check_after=check_after, on_part=on_part,
        )

    async def send_alert(self, channel_id: int, text: str) -> bool:
        """Send an alert to a channel; False, logged, when it cannot be delivered."""
        return await posting.tell(self, channel_id, text)

    async def on_ready(self) -> None:
        log.info("ready as %s (id %s) in %d servers", self.user, self.application_id, len(self.guilds))
        if self.application_id is not None:
            log.info("invite the bot to a server with %s", invite_url(self.application_id))

    async def on_guild_join(self, guild: discord.Guild) -> None:
        log.info("joined server %s (id %s)", guild.name, guild.id)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        log.info("left server %s (id %s); its data is kept until an operator removes it", guild.name, guild.id)


async def run_bot(
    settings: Settings, bot: DigestBot | None = None, *, shards: ShardPlan | None = None, poll: bool = True
) -> None:
    """Run the bot until it is closed or the process gets SIGTERM; ConfigError without a usable token.

    It holds the run lock of the database meanwhile (so `digestbot restore` waits for it to stop), and
    keeps trying to reach Discord while the network is not up yet, as at boot. With `shards` it connects
    only those; with `poll` False it leaves polling to `digestbot poll`.
    """
    token = settings.discord_token
    if not token:
        raise ConfigError(NO_TOKEN)
    client = bot or make_bot(settings, shards=shards, poll=poll)
    loop = asyncio.get_running_loop()
    handles_sigterm = False
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # Windows, non-main thread
        loop.add_signal_handler(signal.SIGTERM, lambda: loop.create_task(client.close()))
        handles_sigterm = True
    try:
        with run_lock(settings):
            async with client:
                if await login_with_retry(client, token):
                    await client.connect()
        log.info("stopped")
    except discord.LoginFailure:
        raise ConfigError(BAD_TOKEN) from None
    finally:
        if handles_sigterm:
            loop.remove_signal_handler(signal.SIGTERM)


async def login_with_retry(client: DigestBot, token: str) -> bool:
    """Log in, waiting and trying again (5 s, doubling, at most 5 min) while Discord cannot be reached.

    False when the bot was closed meanwhile. A refused token (LoginFailure) is not retried.
    """
    delay = RETRY_FIRST
    while not client.is_closed():
        try:
            await client.login(token)
            return True
        except (aiohttp.ClientConnectionError, OSError, TimeoutError, discord.DiscordServerError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.warning("cannot reach Discord (%s); trying again in %.0f s", reason, delay)
            await client.http.close()
            client.http.connector = discord.utils.MISSING  # the closed session took its connector along
            waited = 0.0
            while waited < delay and not client.is_closed():  # a SIGTERM meanwhile stops at once
                await asyncio.sleep(min(0.5, delay - waited))
                waited += 0.5
            delay = min(delay * 2, RETRY_MAX)
    return False


class ShardedDigestBot(DigestBot, commands.AutoShardedBot):
    """The bot for some shards of many: discord.py's AutoShardedBot with fixed shard_ids of shard_count.

    Its servers are those of its shards, so `is_member` (get_guild) is False for every other server: their
    weekly posts are left to the process holding their shard.
    """


def make_bot(settings: Settings, *, shards: ShardPlan | None = None, poll: bool = True, **options: Any) -> DigestBot:
    """The bot for one process: every server, or only those of `shards`."""
    if shards is None:
        return DigestBot(settings, poll=poll, **options)
    return ShardedDigestBot(
        settings, shards=shards, poll=poll, shard_ids=list(shards.ids), shard_count=shards.count, **options
    )
