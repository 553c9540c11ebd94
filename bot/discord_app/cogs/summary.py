"""/summary: an article's summary, picked by title (autocomplete) or fetched from a web address."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.models import StoredArticle
from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import BotCog
from bot.discord_app.render import CHOICES, choice, summary_embed
from bot.errors import InputError, NotFoundError
from bot.services.lookups import article_titles, find_article, get_article, summary_lines
from bot.services.pages import ingest_url

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


class SummaryCog(BotCog):
    """Summaries of stored articles, or of a new article page this server asks for."""

    async def _article(self, server: int, article: str | None, url: str | None) -> StoredArticle:
        """The article picked by reference, or the page at `url`, stored for this server first."""
        if url is None:
            return await find_article(self.bot.store, article or "", guild_id=server)
        page = await ingest_url(self.bot.store, self.bot.settings, url, server)
        if page.article_id is None:
            raise NotFoundError(f"no article text stored from {page.url}")
        return await get_article(self.bot.store, page.article_id)

    @app_commands.command(name="summary", description="Summarise an article: pick it by title, or give its web address")
    @app_commands.describe(
        article="Start typing the title",
        sentences="How many sentences (default: the bot's setting)",
        url="Or the web address of an article page (it is stored for this server)",
    )
    @app_commands.guild_only()
    async def summary(
        self,
        interaction: discord.Interaction,
        article: str | None = None,
        sentences: app_commands.Range[int, 1, 20] | None = None,
        url: str | None = None,
    ) -> None:
        server = guild_id(interaction)
        if (article is None) == (url is None):
            raise InputError("give either an article or a url")
        await interaction.response.defer(thinking=True)
        chosen = await self._article(server, article, url)
        lines = await summary_lines(self.bot.settings, chosen, sentences)
        await interaction.followup.send(embed=summary_embed(chosen, lines))

    @summary.autocomplete("article")
    async def titles(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await article_titles(self.bot.store, current, CHOICES, guild_id=guild_id(interaction))
        return [choice(title, str(article_id)) for article_id, title in found]


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(SummaryCog(bot))
