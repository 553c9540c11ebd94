"""/sources add|remove|list: this server's own feeds (the operator's shared ones are listed, not changed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.records import SourceRecord
from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import ManagerGroupCog
from bot.discord_app.errors import reply
from bot.discord_app.render import CHOICES, choice, clip_lines, embed
from bot.services.sources import add_source, list_sources, remove_source, source_health

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

HALF = 2900
MARKS = {"disabled": "⏸️", "failing": "⚠️", "ok": "✅", "new": "🕓"}  # by source_health's state


def health(source: SourceRecord) -> str:
    """One line on whether a source works, in the command line's words, marked for the eye."""
    found = source_health(source)
    return f"{MARKS.get(found.state, '•')} {found.text}"


def source_lines(records: list[SourceRecord]) -> str:
    return "\n".join(f"`{s.id}` **{s.name}** — {s.location}\n{health(s)}" for s in records)


class SourcesCog(ManagerGroupCog, group_name="sources", group_description="This server's news feeds"):
    """Feeds a server adds are polled for it alone; shared sources come from the operator."""

    @app_commands.command(name="add", description="Add an RSS or Atom feed (or a page that links one) for this server")
    @app_commands.describe(url="The feed's (or the news page's) web address", name="A short name (default: the feed's)")
    async def add(self, interaction: discord.Interaction, url: str, name: str | None = None) -> None:
        server = guild_id(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        record = await add_source(self.bot.store, self.bot.settings, url, name, server)
        every = self.bot.settings.poll_minutes
        await reply(
            interaction,
            f"Added **{record.name}** ({record.location}). Its articles appear in this server's digest, "
            f"search and quotes; it is fetched every {every} minutes.",
            ephemeral=True,
        )

    @app_commands.command(name="remove", description="Remove one of this server's feeds and its articles")
    @app_commands.describe(source="The feed to remove")
    async def remove(self, interaction: discord.Interaction, source: str) -> None:
        server = guild_id(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)  # deleting many articles takes time
        removed = await remove_source(self.bot.store, source, server)
        await reply(interaction, f"Removed **{removed.name}** ({removed.location}) and its articles.", ephemeral=True)

    @remove.autocomplete("source")
    async def own_sources(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        typed = current.casefold()
        own = await list_sources(self.bot.store, guild_id(interaction))
        matches = [s for s in own if typed in s.name.casefold() or typed in s.location.casefold()]
        return [choice(f"{s.name} ({s.location})", str(s.id)) for s in matches[:CHOICES]]

    @app_commands.command(name="list", description="List this server's feeds and the shared ones, with their health")
    async def list_(self, interaction: discord.Interaction) -> None:
        server = guild_id(interaction)
        own = source_lines(await list_sources(self.bot.store, server))
        shared = source_lines(await list_sources(self.bot.store, 0))
        embeds = [  # two halves of one message's 6000 characters
            embed("This server's sources", clip_lines(own or "None yet: add one with /sources add.", HALF)),
            embed("Shared sources (managed by the bot's operator)", clip_lines(shared or "None.", HALF)),
        ]
        await reply(interaction, embeds=embeds, ephemeral=True)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(SourcesCog(bot))
