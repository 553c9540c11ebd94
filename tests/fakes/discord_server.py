"""A local fake of Discord (REST v10 + gateway) so the real discord.py client runs end to end offline."""

from __future__ import annotations

import asyncio
import re
import secrets
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from aiohttp import web

from .faults import Fault, Hold, error_fault, hold, rate_limit_fault
from .gateway import FakeGateway
from .interactions import AUTOCOMPLETE, COMMAND, COMPONENT, OptionValue, command_data, interaction_payload
from .payloads import (
    ANNOUNCEMENT,
    DEFAULT_MEMBER_PERMISSIONS,
    EPHEMERAL,
    FORUM,
    JSON,
    TEXT,
    FakeChannel,
    FakeGuild,
    member_payload,
)
from .rest import API_PREFIX, RecordedRequest, RestApi
from .world import FakeInteraction, InteractionCallback, World

DEFAULT_CHANNELS: tuple[tuple[str, int], ...] = (
    ("general", TEXT),
    ("announcements", ANNOUNCEMENT),
    ("digests", FORUM),
)

T = TypeVar("T")


class FakeDiscord:
    """Serve enough of Discord for discord.py, record every call, and let tests inject faults."""

    def __init__(
        self,
        *,
        token: str | None = None,
        interaction_timeout: float = 3.0,
        heartbeat_interval_ms: int = 41_250,
        allowed_privileged_intents: int = 0,
        bot_permissions: int = DEFAULT_MEMBER_PERMISSIONS,
    ) -> None:
        self.world = World(bot_permissions=bot_permissions)
        self.requests: list[RecordedRequest] = []
        self._change = asyncio.Event()
        self._port: int | None = None
        self._runner: web.AppRunner | None = None
        self._rest = RestApi(
            self.world,
            token=token,
            interaction_timeout=interaction_timeout,
            gateway_url=lambda: self.gateway_url,
            on_request=self._record,
        )
        self._gateway = FakeGateway(
            initial_events=self._initial_events,
            accepts_token=lambda sent: token is None or sent == token,
            heartbeat_interval_ms=heartbeat_interval_ms,
            allowed_privileged_intents=allowed_privileged_intents,
            on_change=self._changed,
        )
        self.world.build_guild("Test Guild", DEFAULT_CHANNELS)

    # -- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free 127.0.0.1 port."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway.handle)
        self._rest.install(app)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        """Close gateway connections (1001 going away) and the HTTP server."""
        if self._runner is None:
            return
        for held in self._rest.holds:
            held.release()
        await self._gateway.drop(code=1001)
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT of the running server."""
        if self._port is None:
            raise RuntimeError("FakeDiscord is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_base(self) -> str:
        """Value for discord.http.Route.BASE."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """Value for DiscordWebSocket.DEFAULT_GATEWAY; discord.py appends ?v=10&encoding=json&compress=."""
        return self.base_url.replace("http://", "ws://") + "/gateway"

    # -- the fake world ----------------------------------------------------------------------------

    @property
    def application_id(self) -> int:
        """The bot's application id, which is also its user id."""
        return self.world.application_id

    @property
    def owner_user(self) -> JSON:
        """The user owning every fake guild."""
        return self.world.owner_user

    @property
    def tester_user(self) -> JSON:
        """The member who runs pushed commands and clicks components."""
        return self.world.tester_user

    @property
    def guild(self) -> FakeGuild:
        """The first (by default the only) guild."""
        return next(iter(self.world.guilds.values()))

    def channel(self, name: str, *, guild_id: int | None = None) -> FakeChannel:
        """Look a channel up by name in one guild (default: the first)."""
        guild = self.guild if guild_id is None else self.world.guilds[guild_id]
        for channel in guild.channels.values():
            if channel.name == name:
                return channel
        raise KeyError(f"no channel named {name!r} in guild {guild.id}")

    async def add_guild(self, name: str, channels: Sequence[tuple[str, int]] = DEFAULT_CHANNELS) -> FakeGuild:
        """Create a guild the bot is in; a connected bot gets GUILD_CREATE like after an invite."""
        guild = self.world.build_guild(name, channels)
        await self._gateway.dispatch("GUILD_CREATE", guild.to_payload())
        return guild

    async def remove_guild(self, guild_id: int) -> None:
        """Remove the bot from a guild (GUILD_DELETE without `unavailable`, i.e. kicked)."""
        del self.world.guilds[guild_id]
        await self._gateway.dispatch("GUILD_DELETE", {"id": str(guild_id)})

    async def add_channel(
        self, name: str, channel_type: int = TEXT, *, guild_id: int | None = None
    ) -> FakeChannel:
        """Create a channel and tell a connected bot with CHANNEL_CREATE."""
        guild = self.guild if guild_id is None else self.world.guilds[guild_id]
        channel = self.world.add_channel(guild, name, channel_type, position=len(guild.channels))
        await self._gateway.dispatch("CHANNEL_CREATE", channel.to_payload())
        return channel

    async def remove_channel(self, channel_id: int) -> None:
        """Delete a channel; later REST calls to it get 404 Unknown Channel."""
        channel = self.world.channel(channel_id)
        del self.world.guilds[channel.guild_id].channels[channel_id]
        await self._gateway.dispatch("CHANNEL_DELETE", channel.to_payload())

    def _initial_events(self, session_id: str, shard: list[int] | None) -> list[tuple[str, JSON]]:
        world = self.world
        # A shard [id, count] hears of its own guilds only, by Discord's rule (guild_id >> 22) % count == id.
        guilds = [g for g in world.guilds.values() if shard is None or (g.id >> 22) % shard[1] == shard[0]]
        ready: JSON = {
            "v": 10,
            "user": world.bot_user,
            "guilds": [{"id": str(guild.id), "unavailable": True} for guild in guilds],
            "session_id": session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
        }
        if shard is not None:
            ready["shard"] = shard
        return [("READY", ready)] + [("GUILD_CREATE", guild.to_payload()) for guild in guilds]

    # -- fault injection ---------------------------------------------------------------------------

    def fail_next(
        self,
        method: str | None,
        path: str,
        *,
        status: int,
        code: int = 0,
        message: str = "",
        times: int = 1,
        headers: Mapping[str, str] | None = None,
        body: JSON | None = None,
    ) -> Fault:
        """Answer the next `times` requests whose path (below /api/v10) fully matches regex `path`."""
        fault = error_fault(
            method, path, status=status, code=code, message=message, times=times, headers=headers, body=body
        )
        self._rest.faults.append(fault)
        return fault

    def rate_limit_next(
        self,
        method: str | None,
        path: str,
        *,
        retry_after: float = 0.1,
        times: int = 1,
        is_global: bool = False,
        via: bool = True,
    ) -> Fault:
        """429 with JSON retry_after; with via=False discord.py treats it as a Cloudflare ban and raises."""
        fault = rate_limit_fault(
            method, path, retry_after=retry_after, times=times, is_global=is_global, via=via
        )
        self._rest.faults.append(fault)
        return fault

    def hold_next(self, method: str | None, path: str, *, skip: int = 0) -> Hold:
        """Carry out the next matching request (after `skip` more) but withhold the answer until released."""
        held = hold(method, path, skip=skip)
        self._rest.holds.append(held)
        return held

    def server_error_next(self, method: str | None, path: str, *, status: int = 500, times: int = 1) -> Fault:
        """A 5xx; discord.py retries 500/502/504/524 (sleeping 1 + 2*try seconds) but not e.g. 503."""
        return self.fail_next(method, path, status=status, message=f"{status}: Server Error", times=times)

    def missing_access_next(self, method: str | None, path: str, *, times: int = 1) -> Fault:
        """403 Missing Access (50001), e.g. the bot cannot see the channel."""
        return self.fail_next(method, path, status=403, code=50001, message="Missing Access", times=times)

    def unknown_channel_next(self, method: str | None, path: str, *, times: int = 1) -> Fault:
        """404 Unknown Channel (10003), e.g. the configured channel was deleted."""
        return self.fail_next(method, path, status=404, code=10003, message="Unknown Channel", times=times)

    # -- what the client did -----------------------------------------------------------------------

    def find_requests(self, method: str | None, path: str) -> list[RecordedRequest]:
        """Recorded requests (any status) whose path below /api/v10 fully matches the regex `path`."""
        return [
            r for r in self.requests if (method is None or r.method == method) and re.fullmatch(path, r.path)
        ]

    async def wait_for_request(
        self, method: str | None, path: str, *, count: int = 1, timeout: float = 5.0
    ) -> RecordedRequest:
        """Wait until `count` matching requests were answered and return the count-th one."""

        def found() -> RecordedRequest | None:
            matches = self.find_requests(method, path)
            return matches[count - 1] if len(matches) >= count else None

        return await self._wait_until(found, timeout, f"{count} x {method} {path}")

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        """Requests for routes the fake does not implement (answered 404)."""
        return [r for r in self.requests if not r.route_known]

    def sent_messages(self, channel_id: int) -> list[JSON]:
        """Current state of the visible (non-ephemeral) messages in a channel or thread, oldest first."""
        wanted = str(channel_id)
        messages = self.world.messages.values()
        return [m for m in messages if m["channel_id"] == wanted and not int(m["flags"]) & EPHEMERAL]

    async def wait_for_messages(self, channel_id: int, *, count: int = 1, timeout: float = 5.0) -> list[JSON]:
        """Wait until a channel holds at least `count` visible messages; return them all."""

        def found() -> list[JSON] | None:
            messages = self.sent_messages(channel_id)
            return messages if len(messages) >= count else None

        return await self._wait_until(found, timeout, f"{count} message(s) in channel {channel_id}")

    def message(self, message_id: int) -> JSON:
        """A stored message (including ephemeral ones) by id."""
        return self.world.messages[message_id]

    def commands(self, guild_id: int | None = None) -> list[JSON]:
        """The application commands last synced globally (None) or for one guild."""
        return list(self.world.commands.get(guild_id, []))

    def interaction_responses(self, interaction_id: int) -> list[InteractionCallback]:
        """Callback bodies the bot posted for an interaction (only the first one is accepted)."""
        return list(self.world.interactions[interaction_id].callbacks)

    async def wait_for_interaction_response(
        self, interaction_id: int, *, timeout: float = 5.0
    ) -> InteractionCallback:
        """Wait for the bot's initial response (callback) to an interaction."""
        record = self.world.interactions[interaction_id]
        return await self._wait_until(
            lambda: record.callbacks[0] if record.callbacks else None,
            timeout,
            f"a callback for interaction {interaction_id}",
        )

    def original_response(self, interaction_id: int) -> JSON | None:
        """The message created by a type 4/5 callback (after later edits), if any."""
        message_id = self.world.interactions[interaction_id].original_message_id
        return None if message_id is None else self.world.messages.get(message_id)

    def followups(self, interaction_id: int) -> list[JSON]:
        """Messages created by POST /webhooks/{app}/{token}, except one that filled a deferral."""
        record = self.world.interactions[interaction_id]
        return [self.world.messages[i] for i in record.followup_ids if i in self.world.messages]

    async def wait_for_followups(
        self, interaction_id: int, *, count: int = 1, timeout: float = 5.0
    ) -> list[JSON]:
        """Wait until an interaction has `count` follow-up messages."""

        def found() -> list[JSON] | None:
            messages = self.followups(interaction_id)
            return messages if len(messages) >= count else None

        return await self._wait_until(found, timeout, f"{count} follow-up(s) for {interaction_id}")

    @property
    def gateway_received(self) -> list[JSON]:
        """Every payload the client sent on the gateway (heartbeats, IDENTIFY, RESUME...)."""
        return list(self._gateway.received)

    @property
    def gateway_connect_queries(self) -> list[dict[str, str]]:
        """Query strings of the gateway connections (v, encoding, compress)."""
        return list(self._gateway.connect_queries)

    async def wait_for_gateway_op(self, op: int, *, count: int = 1, timeout: float = 5.0) -> JSON:
        """Wait until the client sent `count` gateway payloads with this opcode; return the count-th."""

        def found() -> JSON | None:
            matches = [p for p in self._gateway.received if p.get("op") == op]
            return matches[count - 1] if len(matches) >= count else None

        return await self._wait_until(found, timeout, f"{count} gateway op {op}")

    # -- pushing events ----------------------------------------------------------------------------

    async def dispatch(self, event: str, data: JSON) -> int:
        """Send any gateway event to the connected bot; returns how many sessions got it."""
        return await self._gateway.dispatch(event, data)

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close the bot's gateway connection; discord.py reconnects and RESUMEs."""
        await self._gateway.drop(code)

    async def push_command(
        self,
        name: str,
        options: Mapping[str, OptionValue] | None = None,
        *,
        channel_id: int | None = None,
        permissions: int = DEFAULT_MEMBER_PERMISSIONS,
    ) -> FakeInteraction:
        """The tester runs `/name` ("group sub" for subcommands) with these option values."""
        channel = self._interaction_channel(channel_id)
        data = self._command_data(name, options or {}, None, channel, permissions)
        return await self._push(COMMAND, data, channel, permissions, message=None)

    async def push_autocomplete(
        self,
        name: str,
        options: Mapping[str, OptionValue],
        *,
        focused: str,
        channel_id: int | None = None,
        permissions: int = DEFAULT_MEMBER_PERMISSIONS,
    ) -> FakeInteraction:
        """The tester is typing into option `focused` of `/name`; the bot should answer with choices."""
        channel = self._interaction_channel(channel_id)
        data = self._command_data(name, options, focused, channel, permissions)
        return await self._push(AUTOCOMPLETE, data, channel, permissions, message=None)

    async def push_component(
        self,
        message_id: int,
        custom_id: str,
        *,
        component_type: int = 2,
        values: Sequence[str] | None = None,
        permissions: int = DEFAULT_MEMBER_PERMISSIONS,
    ) -> FakeInteraction:
        """The tester clicks a button (type 2) or picks from a select (type 3) on a stored message."""
        message = self.world.messages[message_id]
        channel = self.world.channel(int(message["channel_id"]))
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        return await self._push(COMPONENT, data, channel, permissions, message=message)

    def _interaction_channel(self, channel_id: int | None) -> FakeChannel:
        if channel_id is not None:
            return self.world.channel(channel_id)
        return next(c for c in self.guild.channels.values() if c.type == TEXT)

    def _command_data(
        self,
        name: str,
        options: Mapping[str, OptionValue],
        focused: str | None,
        channel: FakeChannel,
        permissions: int,
    ) -> JSON:
        root = name.split()[0]
        commands = self.world.commands
        synced = [*commands.get(channel.guild_id, []), *commands.get(None, [])]
        schema = next((c for c in synced if c["name"] == root and c.get("type", 1) == 1), None)
        return command_data(
            name,
            options,
            schema=schema,
            command_id=self.world.ids.next() if schema is None else int(schema["id"]),
            focused=focused,
            guild=self.world.guilds[channel.guild_id],
            permissions=permissions,
        )

    async def _push(
        self, interaction_type: int, data: JSON, channel: FakeChannel, permissions: int, message: JSON | None
    ) -> FakeInteraction:
        world = self.world
        guild = world.guilds[channel.guild_id]
        record = FakeInteraction(
            id=world.ids.next(),
            token=secrets.token_urlsafe(32),
            type=interaction_type,
            channel_id=channel.id,
            created=time.monotonic(),
            message_id=None if message is None else int(message["id"]),
        )
        member = member_payload(
            world.tester_user, roles=[], joined_at=guild.joined_at, permissions=permissions
        )
        record.payload = interaction_payload(
            interaction_id=record.id,
            token=record.token,
            application_id=world.application_id,
            interaction_type=interaction_type,
            data=data,
            guild=guild,
            channel=channel,
            member=member,
            app_permissions=world.bot_permissions(guild),
            message=message,
        )
        world.interactions[record.id] = record
        if not await self._gateway.dispatch("INTERACTION_CREATE", record.payload):
            raise RuntimeError("no identified gateway connection: start the bot and wait for on_ready first")
        return record

    # -- plumbing ----------------------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        self.requests.append(request)
        self._changed()

    def _changed(self) -> None:
        self._change.set()
        self._change = asyncio.Event()

    async def _wait_until(self, found: Callable[[], T | None], timeout: float, what: str) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (result := found()) is None:
            remaining = deadline - loop.time()
            if remaining <= 0:
                seen = "\n  ".join(f"{r.method} {r.path} -> {r.status}" for r in self.requests) or "(none)"
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}; requests seen:\n  {seen}"
                )
            change = self._change
            try:
                await asyncio.wait_for(change.wait(), remaining)
            except TimeoutError:
                continue
        return result
