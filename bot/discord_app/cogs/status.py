"""/status: articles stored, last ingest, source health, next digest time, last post."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import guild_id
from bot.discord_app.errors import reply
from bot.discord_app.render import embed, post_line
from bot.discord_app.scheduler import weekly_of
from bot.discord_app.timing import discord_time

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

MAX_LISTED = 5  # failing sources named one by one before "and N more"


class StatusCog(commands.Cog):
    """What the bot holds and will do for this server."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot

    @app_commands.command(name="status", description="Articles stored, source health and the next digest")
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction) -> None:
        server = guild_id(interaction)
        store = self.bot.store
        lines = [f"**Articles:** {await store.count_articles(server)} stored"]
        last = await store.last_ingest(server)
        if last:
            lines[0] += f", last added {discord_time(datetime.fromisoformat(last), 'R')}"
        sources = [*await store.list_sources(0), *await store.list_sources(server)]
        failing = [s for s in sources if s.failures]
        lines.append(f"**Sources:** {len(sources)}, {len(sources) - len(failing)} working")
        lines += [f"⚠️ {s.name}: {s.last_error}" for s in failing[:MAX_LISTED]]
        if len(failing) > MAX_LISTED:
            lines.append(f"… and {len(failing) - MAX_LISTED} more (`/sources list`)")
        settings = await store.guild_settings(server)
        if settings is None or not settings.scheduled:
            lines.append("**Next digest:** no schedule (`/schedule set`)")
        elif settings.paused:
            lines.append("**Next digest:** paused (`/schedule resume`)")
        else:
            upcoming = weekly_of(settings).next_after(self.bot.clock())
            lines.append(f"**Next digest:** {discord_time(upcoming)} in <#{settings.digest_channel_id}>")
        post = await store.latest_digest_post(server)
        if post is not None:
            lines.append(f"**Last digest:** {post_line(post)}")
        await reply(interaction, embeds=[embed("Digest bot status", "\n".join(lines))], ephemeral=True)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(StatusCog(bot))
