"""/quote: full quotations, newest first, by speaker and/or topic, with buttons to page through them."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.markdown import speaker_label
from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import BotCog
from bot.discord_app.errors import GENERIC, answer_privately
from bot.discord_app.render import CHOICES, choice, quote_page
from bot.services.lookups import find_quotes, speakers

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

log = logging.getLogger(__name__)

PAGE = 5  # quotations fetched per page; fewer are shown when long ones fill the embed
PAGER_TIMEOUT = 600.0  # seconds the buttons work; an interaction token lives 15 minutes
OPTIONS = {  # /quote's options as Discord describes them
    "speaker": "Who said it (small misspellings are fine)",
    "about": "Words the quotation is about",
    "page": f"Start at this page ({PAGE} quotations a page)",
}


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """What the user asked for, kept by the pager to fetch further pages."""

    guild_id: int
    speaker: str | None
    about: str | None

    def heading(self) -> str:
        parts = [f"by {self.speaker}" if self.speaker else "", f"about “{self.about}”" if self.about else ""]
        return " ".join(["Quotations", *filter(None, parts)])


async def render_page(
    bot: DigestBot, query: QuoteQuery, offset: int, page: int
) -> tuple[discord.Embed, int, bool]:
    """The embed for quotations from `offset`, how many it shows, and whether older ones exist."""
    quotes = await find_quotes(
        bot.store, query.speaker, query.about, limit=PAGE + 1, offset=offset, guild_id=query.guild_id
    )
    shown_embed, shown = quote_page(quotes[:PAGE], query.heading(), page)
    return shown_embed, shown, len(quotes) > shown


class QuotePager(discord.ui.View):
    """Newer/Older buttons; remembers the offsets of the pages seen, so Newer goes back exactly."""

    def __init__(self, bot: DigestBot, query: QuoteQuery, offset: int, shown: int, more: bool) -> None:
        super().__init__(timeout=PAGER_TIMEOUT)
        self.bot = bot
        self.query = query
        self.starts = [offset]
        self.shown = shown
        self.message: discord.Message | None = None
        self._update(more)

    def _update(self, more: bool) -> None:
        self.newer.disabled = self.starts[-1] == 0
        self.older.disabled = not more

    async def _show(self, interaction: discord.Interaction, offset: int) -> None:
        page = offset // PAGE + 1
        shown_embed, self.shown, more = await render_page(self.bot, self.query, offset, page)
        self._update(more)
        await interaction.response.edit_message(embed=shown_embed, view=self)

    @discord.ui.button(label="Newer", style=discord.ButtonStyle.secondary)
    async def newer(self, interaction: discord.Interaction, button: discord.ui.Button[QuotePager]) -> None:
        if len(self.starts) > 1:
            self.starts.pop()
        else:
            self.starts[0] = max(0, self.starts[0] - PAGE)
        await self._show(interaction, self.starts[-1])

    @discord.ui.button(label="Older", style=discord.ButtonStyle.secondary)
    async def older(self, interaction: discord.Interaction, button: discord.ui.Button[QuotePager]) -> None:
        self.starts.append(self.starts[-1] + self.shown)
        await self._show(interaction, self.starts[-1])

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[QuotePager]
    ) -> None:
        log.error("paging quotations failed in server %s", interaction.guild_id, exc_info=error)
        with contextlib.suppress(discord.HTTPException):
            await answer_privately(interaction, GENERIC)

    async def on_timeout(self) -> None:
        if self.message is not None:
            # The message may be gone or its token expired: then there is nothing left to tidy.
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None)


class QuotesCog(BotCog):
    """Who said what, from the articles this server can see."""

    @app_commands.command(name="quote", description="Quotations, newest first, by a speaker and/or about a topic")
    @app_commands.describe(**OPTIONS)
    @app_commands.guild_only()
    async def quote(
        self,
        interaction: discord.Interaction,
        speaker: str | None = None,
        about: str | None = None,
        page: app_commands.Range[int, 1, 1000] = 1,
    ) -> None:
        query = QuoteQuery(guild_id(interaction), speaker, about)
        await interaction.response.defer(thinking=True)
        offset = (page - 1) * PAGE
        shown_embed, shown, more = await render_page(self.bot, query, offset, page)
        if shown == 0:
            await interaction.followup.send(embed=shown_embed)
            return
        pager = QuotePager(self.bot, query, offset, shown, more)
        self.bot.keep_view(pager)
        pager.message = await interaction.followup.send(embed=shown_embed, view=pager, wait=True)

    @quote.autocomplete("speaker")
    async def names(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        typed = current.strip().casefold()
        found = await speakers(self.bot.store, guild_id(interaction))
        matches = [s for s in found if typed in s.name.casefold()] if typed else found
        # an organisation is labelled as one; the value is the bare name the look-up matches
        return [choice(speaker_label(s.name, s.kind), s.name) for s in matches[:CHOICES]]


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(QuotesCog(bot))
