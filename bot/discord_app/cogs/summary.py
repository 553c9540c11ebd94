"""/summary: an article's summary, picked by title (autocomplete) or fetched from a web address."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import guild_id
from bot.discord_app.render import CHOICES, choice, summary_embed
from bot.errors import InputError, NotFoundError
from bot.services.lookups import article_summary, find_article
from bot.services.poll import ingest_url

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


class SummaryCog(commands.Cog):
    """Summaries of stored articles, or of a new article page this server asks for."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot

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
        store, settings = self.bot.store, self.bot.settings
        if url is not None:
            page = await ingest_url(store, settings, url, server)
            found = await store.get_articles([page.article_id]) if page.article_id is not None else []
            if not found:
                raise NotFoundError(f"no article text stored from {page.url}")
            chosen = found[0]
        else:
            chosen = await find_article(store, article or "", guild_id=server)
        count = sentences or settings.summary_sentences
        if count == settings.summary_sentences and chosen.summary:
            lines = list(chosen.summary)
        else:
            lines = await article_summary(chosen, count, settings.summary_algorithm)
        await interaction.followup.send(embed=summary_embed(chosen, lines))

    @summary.autocomplete("article")
    async def article_titles(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        titles = await self.bot.store.titles_matching(current, CHOICES, guild_id=guild_id(interaction))
        return [choice(title, str(article_id)) for article_id, title in titles]


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(SummaryCog(bot))
