"""The gateway half of the fake: HELLO, IDENTIFY -> READY, heartbeats, RESUME and numbered dispatches."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from .payloads import JSON

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 0, 1, 2, 6, 9, 10, 11
# GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT: Discord closes with 4014 unless the portal enabled them.
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)

InitialEvents = Callable[[str, list[int] | None], list[tuple[str, JSON]]]


@dataclass
class GatewaySession:
    """What survives a dropped connection so the client can RESUME where it left off."""

    id: str
    seq: int = 0
    sent: list[JSON] = field(default_factory=list)


@dataclass
class GatewayConnection:
    """One open websocket; frames go out under a lock because zlib-stream output must stay ordered."""

    ws: web.WebSocketResponse
    compressor: Any | None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    session: GatewaySession | None = None


class FakeGateway:
    """Serve discord.py's DiscordWebSocket: answer its ops and push dispatch events to it."""

    def __init__(
        self,
        *,
        initial_events: InitialEvents,
        accepts_token: Callable[[str], bool],
        heartbeat_interval_ms: int,
        allowed_privileged_intents: int,
        on_change: Callable[[], None],
    ) -> None:
        self._initial_events = initial_events
        self._accepts_token = accepts_token
        self._heartbeat_interval_ms = heartbeat_interval_ms
        self._allowed_privileged_intents = allowed_privileged_intents
        self._on_change = on_change
        self._sessions: dict[str, GatewaySession] = {}
        self._connections: list[GatewayConnection] = []
        self.received: list[JSON] = []
        self.connect_queries: list[dict[str, str]] = []

    @property
    def ready_connections(self) -> int:
        """How many connections have identified or resumed, i.e. would receive a dispatch now."""
        return sum(1 for conn in self._connections if conn.session is not None)

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """Run one websocket connection from HELLO until either side closes it."""
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        query = dict(request.query)
        compressor = zlib.compressobj() if query.get("compress") == "zlib-stream" else None
        conn = GatewayConnection(ws=ws, compressor=compressor)
        self.connect_queries.append(query)
        self._connections.append(conn)
        self._on_change()
        try:
            hello = {"heartbeat_interval": self._heartbeat_interval_ms}
            await self._send(conn, {"op": HELLO, "d": hello, "s": None, "t": None})
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    await self._on_payload(conn, json.loads(message.data))
        finally:
            self._connections.remove(conn)
            self._on_change()
        return ws

    async def dispatch(self, event: str, data: JSON) -> int:
        """Send an op 0 event to every live session and return how many received it."""
        targets = [conn for conn in self._connections if conn.session is not None]
        for conn in targets:
            await self._dispatch_to(conn, event, data)
        return len(targets)

    async def drop(self, code: int) -> None:
        """Close every connection from the server side, as Discord does before asking for a RESUME."""
        for conn in list(self._connections):
            await conn.ws.close(code=code)

    async def _on_payload(self, conn: GatewayConnection, payload: JSON) -> None:
        self.received.append(payload)
        self._on_change()
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            await self._send(conn, {"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            await self._identify(conn, data)
        elif op == RESUME:
            await self._resume(conn, data)

    async def _identify(self, conn: GatewayConnection, data: JSON) -> None:
        if not self._accepts_token(str(data.get("token", ""))):
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if int(data.get("intents", 0)) & PRIVILEGED_INTENTS & ~self._allowed_privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session = GatewaySession(id=uuid.uuid4().hex)
        self._sessions[session.id] = session
        conn.session = session
        for event, body in self._initial_events(session.id, data.get("shard")):
            await self._dispatch_to(conn, event, body)

    async def _resume(self, conn: GatewayConnection, data: JSON) -> None:
        session = self._sessions.get(str(data.get("session_id")))
        if session is None or not self._accepts_token(str(data.get("token", ""))):
            await self._send(conn, {"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        conn.session = session
        last_seen = int(data.get("seq") or 0)
        for frame in [f for f in session.sent if f["s"] > last_seen]:
            await self._send(conn, frame)
        await self._dispatch_to(conn, "RESUMED", {})

    async def _dispatch_to(self, conn: GatewayConnection, event: str, data: JSON) -> None:
        session = conn.session
        if session is None:
            raise RuntimeError("dispatch before IDENTIFY/RESUME")
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.sent.append(frame)
        await self._send(conn, frame)

    async def _send(self, conn: GatewayConnection, frame: JSON) -> None:
        text = json.dumps(frame)
        async with conn.lock:
            if conn.ws.closed:
                log.debug("dropping %s frame for a closed gateway connection", frame.get("t") or frame["op"])
                return
            if conn.compressor is None:
                await conn.ws.send_str(text)
            else:
                chunk = conn.compressor.compress(text.encode()) + conn.compressor.flush(zlib.Z_SYNC_FLUSH)
                await conn.ws.send_bytes(chunk)
