"""/filters include|exclude|remove|list: words or phrases that decide which articles this server's digest keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.filters import Filters
from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import ManagerGroupCog
from bot.discord_app.errors import reply
from bot.discord_app.render import CHOICES, choice
from bot.services.guilds import add_filter, guild_filters, matching_filters, remove_filter

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


def describe(filters: Filters) -> str:
    """Say in words what the filters do to the digest."""
    if not filters:
        return "No filters: the digest keeps every article."
    lines = []
    if filters.include:
        lines.append("Keeps only articles mentioning any of: " + ", ".join(f"“{p}”" for p in filters.include))
    if filters.exclude:
        lines.append("Leaves out articles mentioning any of: " + ", ".join(f"“{p}”" for p in filters.exclude))
    return "\n".join(lines)


class FiltersCog(ManagerGroupCog, group_name="filters", group_description="Which articles the digest keeps"):
    """Filters apply to this server's digests (whole words, any case); search and quotes stay unfiltered."""

    async def _set(self, interaction: discord.Interaction, kind: str, phrase: str) -> None:
        filters = await add_filter(self.bot.store, guild_id(interaction), kind, phrase)
        await reply(interaction, describe(filters), ephemeral=True)

    @app_commands.command(name="include", description="Keep only articles mentioning this (or another included) phrase")
    @app_commands.describe(phrase="A word or phrase, such as “care homes”")
    async def include(self, interaction: discord.Interaction, phrase: str) -> None:
        await self._set(interaction, "include", phrase)

    @app_commands.command(name="exclude", description="Leave out articles that mention this phrase")
    @app_commands.describe(phrase="A word or phrase, such as “football”")
    async def exclude(self, interaction: discord.Interaction, phrase: str) -> None:
        await self._set(interaction, "exclude", phrase)

    @app_commands.command(name="remove", description="Remove a filter")
    @app_commands.describe(phrase="The filter to remove")
    async def remove(self, interaction: discord.Interaction, phrase: str) -> None:
        filters = await remove_filter(self.bot.store, guild_id(interaction), phrase)
        await reply(interaction, describe(filters), ephemeral=True)

    @remove.autocomplete("phrase")
    async def phrases(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        rows = await matching_filters(self.bot.store, guild_id(interaction), current)
        return [choice(f"{kind}: {phrase}", phrase) for kind, phrase in rows][:CHOICES]

    @app_commands.command(name="list", description="Show this server's digest filters")
    async def list_(self, interaction: discord.Interaction) -> None:
        filters = await guild_filters(self.bot.store, guild_id(interaction))
        await reply(interaction, describe(filters), ephemeral=True)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(FiltersCog(bot))
