"""/digest: this server's digest for this week or a given ISO week, as embeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.digest import parse_week, week_of
from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import BotCog
from bot.discord_app.render import digest_messages
from bot.services.digests import week_digest

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


class DigestCog(BotCog):
    """Show a week's digest on demand (posting it on schedule is the scheduler's job)."""

    @app_commands.command(name="digest", description="Show this server's news digest for this week or an ISO week")
    @app_commands.describe(week="An ISO week such as 2026-W10 (default: this week)")
    @app_commands.guild_only()
    async def digest(self, interaction: discord.Interaction, week: str | None = None) -> None:
        server = guild_id(interaction)
        wanted = parse_week(week) if week else week_of(await self.bot.guild_now(server))
        await interaction.response.defer(thinking=True)
        # A week not yet posted is previewed, so looking at it never fixes what the weekly post will hold.
        digest = await week_digest(self.bot.store, self.bot.settings, wanted, server, record=False)
        for embeds in digest_messages(digest):
            await interaction.followup.send(embeds=embeds)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(DigestCog(bot))
