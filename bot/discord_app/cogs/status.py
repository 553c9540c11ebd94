"""/status: articles stored, last ingest, source health, next digest time, last post."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.records import GuildSettings
from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import BotCog
from bot.discord_app.errors import reply
from bot.discord_app.render import embed, post_line
from bot.discord_app.scheduler import weekly_of
from bot.discord_app.timing import Clock, discord_time
from bot.services.guilds import GuildStatus, guild_settings, guild_status
from bot.services.posts import latest_post

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

MAX_LISTED = 5  # failing sources named one by one before "and N more"


def status_lines(status: GuildStatus) -> list[str]:
    """The articles a server sees and its sources' health, naming the first failing ones."""
    lines = [f"**Articles:** {status.articles} stored"]
    if status.last_ingest:
        lines[0] += f", last added {discord_time(status.last_ingest, 'R')}"
    sources, failing = status.sources, status.failing
    lines.append(f"**Sources:** {len(sources)}, {len(sources) - len(failing)} working")
    lines += [f"⚠️ {s.name}: {s.last_error}" for s in failing[:MAX_LISTED]]
    if len(failing) > MAX_LISTED:
        lines.append(f"… and {len(failing) - MAX_LISTED} more (`/sources list`)")
    return lines


def next_digest_line(settings: GuildSettings | None, clock: Clock) -> str:
    """When and where the next weekly digest goes, or why none will."""
    if settings is None or not settings.scheduled:
        return "**Next digest:** no schedule (`/schedule set`)"
    if settings.paused:
        return "**Next digest:** paused (`/schedule resume`)"
    upcoming = weekly_of(settings).next_after(clock())
    return f"**Next digest:** {discord_time(upcoming)} in <#{settings.digest_channel_id}>"


class StatusCog(BotCog):
    """What the bot holds and will do for this server."""

    @app_commands.command(name="status", description="Articles stored, source health and the next digest")
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction) -> None:
        server = guild_id(interaction)
        store = self.bot.store
        lines = status_lines(await guild_status(store, server))
        lines.append(next_digest_line(await guild_settings(store, server), self.bot.clock))
        post = await latest_post(store, server)
        if post is not None:
            lines.append(f"**Last digest:** {post_line(post)}")
        await reply(interaction, embeds=[embed("Digest bot status", "\n".join(lines))], ephemeral=True)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(StatusCog(bot))
