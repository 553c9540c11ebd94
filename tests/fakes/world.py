"""The fake's state: the bot's identity, guilds, channels, messages, commands and interactions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .payloads import (
    DEFAULT_MEMBER_PERMISSIONS,
    EPHEMERAL,
    JSON,
    LOADING,
    FakeChannel,
    FakeGuild,
    Snowflakes,
    member_payload,
    message_payload,
    now_iso,
    role_payload,
    user_payload,
)

_EDITABLE_FIELDS = ("content", "embeds", "components", "tts")


class ApiError(Exception):
    """A Discord JSON error ({"message", "code"}) for the REST layer to send back."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(f"{status} {message} (code {code})")
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class RecordedFile:
    """One uploaded file part of a multipart request."""

    field: str
    filename: str | None
    content: bytes


@dataclass(frozen=True)
class InteractionCallback:
    """One POST /interactions/{id}/{token}/callback body: the response type and its data."""

    type: int
    data: JSON
    files: list[RecordedFile]


@dataclass
class FakeInteraction:
    """An interaction the test pushed, and everything the bot answered to it."""

    id: int
    token: str
    type: int
    channel_id: int
    created: float
    message_id: int | None = None
    payload: JSON = field(default_factory=dict)
    callbacks: list[InteractionCallback] = field(default_factory=list)
    original_message_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)


class World:
    """Everything the fake Discord knows; REST handlers and test helpers both read and change it."""

    def __init__(self, *, bot_permissions: int) -> None:
        self.ids = Snowflakes()
        self.application_id = self.ids.next()
        self.bot_user = user_payload(self.application_id, "DigestBot", bot=True)
        self.owner_user = user_payload(self.ids.next(), "guild-owner")
        self.tester_user = user_payload(self.ids.next(), "tester")
        self.guilds: dict[int, FakeGuild] = {}
        self.messages: dict[int, JSON] = {}
        self.commands: dict[int | None, list[JSON]] = {}
        self.interactions: dict[int, FakeInteraction] = {}
        self._bot_permissions = bot_permissions

    def build_guild(self, name: str, channels: Sequence[tuple[str, int]]) -> FakeGuild:
        """A guild owned by `owner_user` with the bot (own managed role) and `tester_user` as members."""
        guild_id = self.ids.next()
        bot_role_id = self.ids.next()
        joined_at = now_iso()
        guild = FakeGuild(
            id=guild_id,
            name=name,
            owner_id=int(self.owner_user["id"]),
            joined_at=joined_at,
            roles=[
                role_payload(guild_id, "@everyone", DEFAULT_MEMBER_PERMISSIONS, position=0),
                role_payload(bot_role_id, "DigestBot", self._bot_permissions, position=1, managed=True),
            ],
            members=[
                member_payload(self.bot_user, roles=[bot_role_id], joined_at=joined_at),
                member_payload(self.owner_user, roles=[], joined_at=joined_at),
                member_payload(self.tester_user, roles=[], joined_at=joined_at),
            ],
        )
        for position, (channel_name, channel_type) in enumerate(channels):
            self.add_channel(guild, channel_name, channel_type, position=position)
        self.guilds[guild_id] = guild
        return guild

    def add_channel(
        self, guild: FakeGuild, name: str, channel_type: int, *, position: int, parent_id: int | None = None
    ) -> FakeChannel:
        """Create a channel (or a thread when parent_id is set) owned by the bot."""
        channel = FakeChannel(
            self.ids.next(),
            guild.id,
            name,
            channel_type,
            position=position,
            parent_id=parent_id,
            owner_id=None if parent_id is None else self.application_id,
        )
        guild.channels[channel.id] = channel
        return channel

    def channel(self, channel_id: int) -> FakeChannel:
        """The channel or thread with this id in any guild, else Discord's Unknown Channel."""
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild.channels[channel_id]
        raise ApiError(404, 10003, "Unknown Channel")

    def bot_permissions(self, guild: FakeGuild) -> int:
        """The bot's guild-level permissions, sent to it as app_permissions."""
        bot_member = next(m for m in guild.members if m["user"]["id"] == self.bot_user["id"])
        return guild.permissions_of(bot_member["roles"])

    def store_message(
        self,
        channel_id: int,
        body: JSON,
        files: list[RecordedFile],
        message_type: int,
        *,
        webhook: bool,
        message_id: int | None = None,
    ) -> JSON:
        """Create a message authored by the bot (via its interaction webhook when `webhook`)."""
        channel = self.channel(channel_id)
        message_id = message_id or self.ids.next()
        message = message_payload(
            message_id,
            channel,
            self.bot_user,
            body,
            attachments=self._attachments(channel.id, body, files),
            message_type=message_type,
            webhook_id=self.application_id if webhook else None,
        )
        self.messages[message_id] = message
        return message

    def apply_edit(self, message: JSON, body: JSON, files: list[RecordedFile]) -> JSON:
        """Apply a PATCH body; an edit ends a "thinking" state but never changes ephemerality."""
        for key in _EDITABLE_FIELDS:
            if key in body:
                message[key] = "" if key == "content" and body[key] is None else body[key]
        if "attachments" in body:
            message["attachments"] = self._attachments(int(message["channel_id"]), body, files)
        requested = int(body["flags"] or 0) if "flags" in body else int(message["flags"])
        message["flags"] = (requested & ~(LOADING | EPHEMERAL)) | (int(message["flags"]) & EPHEMERAL)
        message["edited_timestamp"] = now_iso()
        return message

    def _attachments(self, channel_id: int, body: JSON, files: list[RecordedFile]) -> list[JSON]:
        uploads = {f.field: f for f in files}
        result: list[JSON] = []
        for declared in body.get("attachments") or []:
            upload = uploads.get(f"files[{declared['id']}]")
            if upload is None:
                result.append(declared)  # an existing attachment kept on edit
                continue
            attachment_id = self.ids.next()
            filename = declared.get("filename") or upload.filename or "file"
            url = f"https://cdn.discordapp.com/attachments/{channel_id}/{attachment_id}/{filename}"
            result.append(
                {
                    "id": str(attachment_id),
                    "filename": filename,
                    "description": declared.get("description"),
                    "size": len(upload.content),
                    "url": url,
                    "proxy_url": url,
                    "content_type": "application/octet-stream",
                }
            )
        return result
