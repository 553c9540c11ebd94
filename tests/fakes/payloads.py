"""Discord API v10 JSON shapes the fake server hands to clients, built from small in-memory models."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000

TEXT = 0
ANNOUNCEMENT = 5
PUBLIC_THREAD = 11
FORUM = 15
THREAD_TYPES = frozenset({10, 11, 12})

EPHEMERAL = 1 << 6
LOADING = 1 << 7

MANAGE_GUILD = 1 << 5
# View channel, send messages, embed links, attach files, read history, use application commands,
# create public threads, send messages in threads: what an ordinary member (or a plainly invited bot) has.
READ_MESSAGE_HISTORY = 1 << 16
DEFAULT_MEMBER_PERMISSIONS = (
    (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31) | (1 << 35) | (1 << 38)
)


class Snowflakes:
    """Hand out unique, time-ordered snowflake ids so objects sort by creation like on Discord."""

    def __init__(self) -> None:
        self._sequence = itertools.count()
        self._last = 0

    def next(self) -> int:
        """Return a fresh id strictly greater than every id returned before."""
        candidate = ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(self._sequence) & 0xFFF)
        self._last = max(candidate, self._last + 1)
        return self._last


def now_iso() -> str:
    """Timestamp in the ISO-8601 form Discord uses, so discord.py's parse_time accepts it."""
    return datetime.now(UTC).isoformat()


def user_payload(user_id: int, username: str, *, bot: bool = False) -> JSON:
    """A full user object; discord.py requires username, discriminator and avatar."""
    return {
        "id": str(user_id),
        "username": username,
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
        "verified": True,
        "mfa_enabled": False,
    }


def member_payload(user: JSON, *, roles: list[int], joined_at: str, permissions: int | None = None) -> JSON:
    """A guild member; interaction members also carry their computed permissions."""
    member: JSON = {
        "user": user,
        "roles": [str(role) for role in roles],
        "nick": None,
        "avatar": None,
        "joined_at": joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        member["permissions"] = str(permissions)
    return member


def role_payload(role_id: int, name: str, permissions: int, *, position: int, managed: bool = False) -> JSON:
    """A role; the @everyone role shares its id with the guild."""
    return {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": managed,
        "mentionable": False,
        "flags": 0,
    }


@dataclass
class FakeChannel:
    """A guild channel or thread as the fake server stores it."""

    id: int
    guild_id: int
    name: str
    type: int
    position: int = 0
    parent_id: int | None = None
    owner_id: int | None = None

    def to_payload(self) -> JSON:
        """Channel object in the shape discord.py's channel factories expect for this type."""
        payload: JSON = {
            "id": str(self.id),
            "guild_id": str(self.guild_id),
            "type": self.type,
            "name": self.name,
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "rate_limit_per_user": 0,
            "flags": 0,
        }
        if self.type in THREAD_TYPES:
            payload.update(
                owner_id=None if self.owner_id is None else str(self.owner_id),
                message_count=0,
                member_count=1,
                total_message_sent=0,
                applied_tags=[],
                thread_metadata={
                    "archived": False,
                    "locked": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": now_iso(),
                },
            )
            return payload
        payload.update(
            position=self.position,
            topic=None,
            nsfw=False,
            permission_overwrites=[],
            last_message_id=None,
            default_auto_archive_duration=1440,
        )
        if self.type == FORUM:
            payload.update(
                available_tags=[],
                default_reaction_emoji=None,
                default_thread_rate_limit_per_user=0,
                default_sort_order=None,
                default_forum_layout=0,
            )
        return payload


@dataclass
class FakeGuild:
    """A guild with its channels, roles and members; the bot is always a member."""

    id: int
    name: str
    owner_id: int
    joined_at: str
    roles: list[JSON] = field(default_factory=list)
    members: list[JSON] = field(default_factory=list)
    channels: dict[int, FakeChannel] = field(default_factory=dict)

    def to_payload(self) -> JSON:
        """GUILD_CREATE payload: everything discord.py caches when a guild becomes available."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-GB",
            "features": [],
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "application_id": None,
            "max_members": 500_000,
            "roles": self.roles,
            "emojis": [],
            "stickers": [],
            "joined_at": self.joined_at,
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "members": self.members,
            "channels": [c.to_payload() for c in self.channels.values() if c.type not in THREAD_TYPES],
            "threads": [c.to_payload() for c in self.channels.values() if c.type in THREAD_TYPES],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def permissions_of(self, role_ids: list[str]) -> int:
        """OR of @everyone and the given roles, which is what Discord reports as app_permissions."""
        wanted = {str(self.id), *role_ids}
        value = 0
        for role in self.roles:
            if role["id"] in wanted:
                value |= int(role["permissions"])
        return value


def message_payload(
    message_id: int,
    channel: FakeChannel,
    author: JSON,
    body: JSON,
    *,
    attachments: list[JSON],
    message_type: int = 0,
    webhook_id: int | None = None,
) -> JSON:
    """A message object built from what the client sent (content, embeds, components, flags...)."""
    message: JSON = {
        "id": str(message_id),
        "channel_id": str(channel.id),
        "guild_id": str(channel.guild_id),
        "author": author,
        "content": body.get("content") or "",
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "pinned": False,
        "type": message_type,
        "flags": int(body.get("flags") or 0),
    }
    if webhook_id is not None:
        message["webhook_id"] = str(webhook_id)
        message["application_id"] = str(webhook_id)
    if body.get("message_reference"):
        message["message_reference"] = body["message_reference"]
    return message
