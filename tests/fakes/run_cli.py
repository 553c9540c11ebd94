"""Run `digestbot` in a child process against a FakeDiscord the parent test started.

`python -m tests.fakes.run_cli run --shards 0 --shard-count 2`: the same as `python -m bot ...`, with
discord.py's REST base and gateway pointed at FAKE_DISCORD_API and FAKE_DISCORD_GATEWAY first.
"""

from __future__ import annotations

import os
import sys

import discord.gateway
import discord.http
import yarl

from bot.cli import main

if __name__ == "__main__":
    discord.http.Route.BASE = os.environ["FAKE_DISCORD_API"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["FAKE_DISCORD_GATEWAY"])
    sys.exit(main(sys.argv[1:]))
