"""Test doubles for external services; `fake_discord_server` runs a local Discord for discord.py."""

from .discord_server import FakeDiscord
from .harness import fake_discord_server
from .rest import RecordedRequest
from .world import FakeInteraction, InteractionCallback

__all__ = ["FakeDiscord", "FakeInteraction", "InteractionCallback", "RecordedRequest", "fake_discord_server"]
