"""What every cog shares: the bot it serves, and for the settings groups, the Manage Server check.

Not a command group itself: the client loads the modules named in `client.COGS`, not this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import ensure_manager

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


class BotCog(commands.Cog):
    """A cog of top-level commands any member may use."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot
        super().__init__()


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class ManagerGroupCog(commands.GroupCog):
    """A command group changing a server's settings: shown to, and run for, Manage Server holders only."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return ensure_manager(interaction)
