"""Checks shared by the cogs: which server a command runs in, and who may change its settings."""

from __future__ import annotations

import discord
from discord import app_commands


def guild_id(interaction: discord.Interaction) -> int:
    """The server a command runs in; every command is per server, so a DM is refused."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild_id


def ensure_manager(interaction: discord.Interaction) -> bool:
    """Refuse members without Manage Server, whatever the server did to the commands' default permissions."""
    guild_id(interaction)
    if not interaction.permissions.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])
    return True
