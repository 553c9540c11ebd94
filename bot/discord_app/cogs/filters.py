"""/filters include|exclude|remove|list: words or phrases that decide which articles this server's digest keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.filters import MAX_FILTERS, Filters, normalise_phrase
from bot.discord_app.checks import ensure_manager, guild_id
from bot.discord_app.errors import reply
from bot.discord_app.render import CHOICES, choice
from bot.errors import InputError, NotFoundError

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


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class FiltersCog(commands.GroupCog, group_name="filters", group_description="Which articles the digest keeps"):
    """Filters apply to this server's digests (whole words, any case); search and quotes stay unfiltered."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return ensure_manager(interaction)

    async def _set(self, interaction: discord.Interaction, kind: str, phrase: str) -> None:
        server = guild_id(interaction)
        cleaned = normalise_phrase(phrase)
        current = await self.bot.store.guild_filters(server)
        if len(current) >= MAX_FILTERS and cleaned not in {p for _, p in current}:
            raise InputError(f"a server can have at most {MAX_FILTERS} filters; remove one first")
        await self.bot.store.set_guild_filter(server, kind, cleaned)
        filters = Filters.from_rows(await self.bot.store.guild_filters(server))
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
        server = guild_id(interaction)
        if not await self.bot.store.remove_guild_filter(server, normalise_phrase(phrase)):
            raise NotFoundError(f"there is no filter {phrase.strip()[:100]!r}")
        filters = Filters.from_rows(await self.bot.store.guild_filters(server))
        await reply(interaction, describe(filters), ephemeral=True)

    @remove.autocomplete("phrase")
    async def phrases(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        typed = current.casefold()
        rows = await self.bot.store.guild_filters(guild_id(interaction))
        return [choice(f"{kind}: {phrase}", phrase) for kind, phrase in rows if typed in phrase][:CHOICES]

    @app_commands.command(name="list", description="Show this server's digest filters")
    async def list_(self, interaction: discord.Interaction) -> None:
        filters = Filters.from_rows(await self.bot.store.guild_filters(guild_id(interaction)))
        await reply(interaction, describe(filters), ephemeral=True)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(FiltersCog(bot))
