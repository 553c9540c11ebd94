"""/search: stored articles matching some words, with their summaries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import BotCog
from bot.discord_app.errors import reply
from bot.discord_app.render import search_embeds, split_messages
from bot.errors import InputError
from bot.services.lookups import cut_query_note, search_articles

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


class SearchCog(BotCog):
    """Full-text search over the articles this server can see."""

    @app_commands.command(name="search", description="Find articles by words in their title or text")
    @app_commands.describe(query="Words to look for", limit="How many articles (default 5)")
    @app_commands.guild_only()
    async def search(
        self, interaction: discord.Interaction, query: str, limit: app_commands.Range[int, 1, 10] = 5
    ) -> None:
        server = guild_id(interaction)
        if not query.strip():
            raise InputError("type some words to search for")
        await interaction.response.defer(thinking=True)
        articles = await search_articles(self.bot.store, query, limit, guild_id=server)
        note = cut_query_note(query)
        if not articles:
            await reply(interaction, f"No articles match those words{f' ({note})' if note else ''}.")
            return
        for embeds in split_messages(search_embeds(articles)):
            await interaction.followup.send(content=f"Note: {note}." if note else None, embeds=embeds)
            note = None


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(SearchCog(bot))
