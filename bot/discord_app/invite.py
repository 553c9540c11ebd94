"""The URL that adds the bot to a server, with exactly the permissions it uses."""

from __future__ import annotations

import discord

# View Channels, Send Messages, Embed Links, Send Messages in Threads (forum channels), and Read Message
# History (a post cut short by a crash is finished by reading which parts Discord already has): all it uses.
PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True,
                                  send_messages_in_threads=True, read_message_history=True)
INVITE = "https://discord.com/oauth2/authorize?client_id={app}&scope=bot+applications.commands&permissions={perms}"


def invite_url(application_id: int) -> str:
    """The URL that adds the bot to a server with exactly the permissions it needs."""
    return INVITE.format(app=application_id, perms=PERMISSIONS.value)
