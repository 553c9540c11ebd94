"""One error handler for every slash command, and the reply helper commands and the handler share.

A real failure is logged with its traceback and the user gets a short generic message; a refused check
or a bad input gets a friendly one. Error replies are always ephemeral.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord import app_commands

from bot.discord_app.render import fit_content
from bot.errors import DigestBotError

log = logging.getLogger(__name__)

GENERIC = "Something went wrong on my side and it has been logged. Please try again later."
MANAGE_SERVER = "You need the **Manage Server** permission to use this command."


async def reply(
    interaction: discord.Interaction,
    content: str | None = None,
    *,
    embeds: Sequence[discord.Embed] = (),
    ephemeral: bool = False,
    view: discord.ui.View | None = None,
) -> discord.Message | None:
    """Answer an interaction: the first answer is the response, anything after it a follow-up."""
    extra = {"view": view} if view is not None else {}
    content = fit_content(content) if content else content
    if interaction.response.is_done():
        return await interaction.followup.send(
            content, embeds=list(embeds), ephemeral=ephemeral, wait=True, **extra
        )
    await interaction.response.send_message(content, embeds=list(embeds), ephemeral=ephemeral, **extra)
    return None


# Refused checks, most specific first (both are CheckFailures): the same words whatever the details.
REFUSALS: tuple[tuple[type[app_commands.AppCommandError], str], ...] = (
    (app_commands.NoPrivateMessage, "This command only works in a server."),
    (app_commands.CheckFailure, "You can't use this command here."),
)


def user_message(error: app_commands.AppCommandError) -> str | None:
    """What to tell the user about an error, or None when it is a failure of ours to log."""
    if isinstance(error, app_commands.MissingPermissions):
        return MANAGE_SERVER if "manage_guild" in error.missing_permissions else "You lack a permission for this."
    if isinstance(error, app_commands.TransformerError):
        return f"{str(error.value)[:100]!r} is not a valid value for that option."
    if isinstance(error, app_commands.CommandInvokeError) and isinstance(error.original, DigestBotError):
        text = str(error.original)
        return text[:1].upper() + text[1:]
    return next((text for kind, text in REFUSALS if isinstance(error, kind)), None)


async def answer_privately(interaction: discord.Interaction, text: str) -> None:
    """Tell only the user, even when a public "thinking…" message already stands for the answer."""
    text = fit_content(text)
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True)
        return
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        # The first follow-up would fill a public "thinking…" message and show the error to everyone.
        original = await interaction.original_response()
        if original.flags.loading and not original.flags.ephemeral:
            await original.delete()
    await interaction.followup.send(text, ephemeral=True)


class DigestTree(app_commands.CommandTree):
    """The command tree with the bot's single error handler."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        message = user_message(error)
        if message is None:
            original = getattr(error, "original", error)
            log.error("/%s failed in server %s", name, interaction.guild_id, exc_info=original)
        if interaction.type is discord.InteractionType.autocomplete:
            return  # an autocomplete can only answer with choices
        try:
            await answer_privately(interaction, message or GENERIC)
        except discord.HTTPException as exc:
            log.warning("could not tell the user that /%s failed: %s", name, exc)
