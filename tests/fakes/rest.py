"""The REST v10 half of the fake: routes discord.py calls, request recording and fault injection."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web

from .faults import Fault, Hold
from .interactions import AUTOCOMPLETE, COMMAND, COMPONENT
from .payloads import EPHEMERAL, FORUM, JSON, LOADING, PUBLIC_THREAD, READ_MESSAGE_HISTORY, THREAD_TYPES
from .world import ApiError, FakeInteraction, InteractionCallback, RecordedFile, World

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
# Which callback types Discord accepts for each interaction type (anything else is a 400).
_ALLOWED_CALLBACKS: dict[int, frozenset[int]] = {
    COMMAND: frozenset({4, 5, 9}),
    COMPONENT: frozenset({4, 5, 6, 7, 9}),
    AUTOCOMPLETE: frozenset({8}),
}
_TRUE = ("1", "true", "True")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class RecordedRequest:
    """A REST call as the fake saw it; `json` is the JSON body or the multipart payload_json."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[RecordedFile]
    status: int = 0
    route_known: bool = True


RECORD = web.RequestKey("record", RecordedRequest)


def json_response(status: int, data: Any) -> web.Response:
    """Exactly "application/json": discord.py's json_or_text parses no other Content-Type."""
    return web.Response(status=status, body=json.dumps(data).encode(), content_type="application/json")


def error_response(
    status: int, code: int, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    """Discord's error body shape, which discord.HTTPException reads `code` and `text` from."""
    response = json_response(status, {"message": message, "code": code})
    response.headers.update(headers or {})
    return response


class RestApi:
    """aiohttp handlers for the routes discord.py uses, recording each request with its answer."""

    def __init__(
        self,
        world: World,
        *,
        token: str | None,
        interaction_timeout: float,
        gateway_url: Callable[[], str],
        on_request: Callable[[RecordedRequest], None],
    ) -> None:
        self._world = world
        self._token = token
        self._interaction_timeout = interaction_timeout
        self._gateway_url = gateway_url
        self._on_request = on_request
        self.faults: list[Fault] = []
        self.holds: list[Hold] = []

    def install(self, app: web.Application) -> None:
        """Add the middleware and every route under /api/v10."""
        app.middlewares.append(self._middleware)
        for method, path, handler in self._routes():
            app.router.add_route(method, API_PREFIX + path, handler)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX + "/"):
            return await handler(request)
        record = await self._read(request)
        response = self._fault_response(record) or self._auth_failure(record)
        if response is None and request.match_info.http_exception is not None:
            record.route_known = False
            log.warning("fake Discord has no route for %s %s", record.method, record.path)
            response = error_response(404, 0, "404: Not Found")
        if response is None:
            request[RECORD] = record
            try:
                response = await handler(request)
            except ApiError as error:
                response = error_response(error.status, error.code, error.message)
        record.status = response.status
        self._on_request(record)
        held = None if response.status >= 400 else next(
            (h for h in self.holds if h.takes(record.method, record.path)), None
        )
        if held is not None:
            held.reached.set()
            await held.released.wait()
        return response

    async def _read(self, request: web.Request) -> RecordedRequest:
        body: Any = None
        files: list[RecordedFile] = []
        if request.content_type == "multipart/form-data":
            async for part in await request.multipart():
                if not isinstance(part, BodyPartReader):
                    continue
                if part.name == "payload_json":
                    body = json.loads(await part.text())
                else:
                    files.append(RecordedFile(part.name or "", part.filename, bytes(await part.read())))
        else:
            raw = await request.read()
            if raw:
                body = json.loads(raw)
        return RecordedRequest(
            method=request.method,
            path=request.path[len(API_PREFIX) :],
            query=dict(request.query),
            headers=dict(request.headers),
            json=body,
            files=files,
        )

    def _fault_response(self, record: RecordedRequest) -> web.Response | None:
        fault = next((f for f in self.faults if f.matches(record.method, record.path)), None)
        if fault is None:
            return None
        fault.remaining -= 1
        response = json_response(fault.status, fault.body)
        response.headers.update(fault.headers)
        return response

    def _auth_failure(self, record: RecordedRequest) -> web.Response | None:
        # Interaction callbacks and webhook calls are authorised by the token in their path.
        if self._token is None or record.path.startswith(("/interactions/", "/webhooks/")):
            return None
        if record.headers.get("Authorization") == f"Bot {self._token}":
            return None
        return error_response(401, 0, "401: Unauthorized")

    def _routes(self) -> list[tuple[str, str, Handler]]:
        webhook_message = "/webhooks/{app_id}/{token}/messages/{message_id}"
        channel_message = "/channels/{channel_id}/messages/{message_id}"
        return [
            ("GET", "/users/@me", self._get_me),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway),
            ("GET", "/applications/{app_id}/commands", self._get_commands),
            ("PUT", "/applications/{app_id}/commands", self._put_commands),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self._get_commands),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self._put_commands),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._interaction_callback),
            ("POST", "/webhooks/{app_id}/{token}", self._execute_webhook),
            ("GET", webhook_message, self._get_webhook_message),
            ("PATCH", webhook_message, self._edit_webhook_message),
            ("DELETE", webhook_message, self._delete_webhook_message),
            ("GET", "/channels/{channel_id}", self._get_channel),
            ("GET", "/channels/{channel_id}/messages", self._get_messages),
            ("POST", "/channels/{channel_id}/messages", self._create_message),
            ("GET", channel_message, self._get_message),
            ("PATCH", channel_message, self._edit_message),
            ("DELETE", channel_message, self._delete_message),
            ("POST", "/channels/{channel_id}/threads", self._create_thread),
            ("GET", "/guilds/{guild_id}/channels", self._get_guild_channels),
            ("GET", "/guilds/{guild_id}/threads/active", self._get_active_threads),
        ]

    # -- identity and commands ---------------------------------------------------------------------

    async def _get_me(self, request: web.Request) -> web.Response:
        return json_response(200, self._world.bot_user)

    async def _get_application(self, request: web.Request) -> web.Response:
        world = self._world
        application = {
            "id": str(world.application_id),
            "name": world.bot_user["username"],
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": world.owner_user,
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "bot": world.bot_user,
        }
        return json_response(200, application)

    async def _get_gateway(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response(200, {"url": self._gateway_url(), "shards": 1, "session_start_limit": limit})

    def _check_application(self, request: web.Request, code: int, message: str) -> None:
        if request.match_info["app_id"] != str(self._world.application_id):
            raise ApiError(404, code, message)

    def _command_scope(self, request: web.Request) -> int | None:
        self._check_application(request, 10002, "Unknown Application")
        raw = request.match_info.get("guild_id")
        if raw is None:
            return None
        if int(raw) not in self._world.guilds:
            raise ApiError(403, 50001, "Missing Access")
        return int(raw)

    async def _get_commands(self, request: web.Request) -> web.Response:
        return json_response(200, self._world.commands.get(self._command_scope(request), []))

    async def _put_commands(self, request: web.Request) -> web.Response:
        scope = self._command_scope(request)
        world = self._world
        previous = {(c["name"], c.get("type", 1)): c for c in world.commands.get(scope, [])}
        stored: list[JSON] = []
        for sent in request[RECORD].json:
            old = previous.get((sent["name"], sent.get("type", 1)))
            command: JSON = {
                "type": 1,
                "description": "",
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **sent,
                "id": old["id"] if old else str(world.ids.next()),
                "application_id": str(world.application_id),
                "version": str(world.ids.next()),
            }
            if command["default_member_permissions"] is not None:
                command["default_member_permissions"] = str(command["default_member_permissions"])
            if scope is not None:
                command["guild_id"] = str(scope)
            stored.append(command)
        world.commands[scope] = stored
        return json_response(200, stored)

    # -- interactions ------------------------------------------------------------------------------

    async def _interaction_callback(self, request: web.Request) -> web.StreamResponse:
        world = self._world
        record = world.interactions.get(int(request.match_info["interaction_id"]))
        if record is None or record.token != request.match_info["token"]:
            raise ApiError(404, 10062, "Unknown interaction")
        if record.callbacks:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        if time.monotonic() - record.created > self._interaction_timeout:
            raise ApiError(404, 10062, "Unknown interaction")
        sent = request[RECORD]
        callback_type = int(sent.json["type"])
        if callback_type not in _ALLOWED_CALLBACKS[record.type]:
            raise ApiError(400, 50035, "Invalid Form Body: interaction callback type not allowed here")
        data: JSON = sent.json.get("data") or {}
        message: JSON | None = None
        if callback_type in (4, 5):
            body = {**data, "flags": int(data.get("flags") or 0) | (LOADING if callback_type == 5 else 0)}
            message_type = 20 if record.type == COMMAND else 0
            message = world.store_message(record.channel_id, body, sent.files, message_type, webhook=True)
            record.original_message_id = int(message["id"])
        elif callback_type == 7 and record.message_id is not None:
            message = world.apply_edit(world.messages[record.message_id], data, sent.files)
        record.callbacks.append(InteractionCallback(type=callback_type, data=data, files=sent.files))
        if sent.query.get("with_response") not in _TRUE:
            return web.Response(status=204)
        return json_response(200, _callback_result(record, callback_type, message))

    def _webhook_interaction(self, request: web.Request) -> FakeInteraction:
        self._check_application(request, 10015, "Unknown Webhook")
        token = request.match_info["token"]
        record = next((r for r in self._world.interactions.values() if r.token == token), None)
        if record is None or not record.callbacks:
            raise ApiError(404, 10015, "Unknown Webhook")
        return record

    async def _execute_webhook(self, request: web.Request) -> web.StreamResponse:
        world = self._world
        record = self._webhook_interaction(request)
        sent = request[RECORD]
        original = world.messages.get(record.original_message_id or 0)
        if original is not None and int(original["flags"]) & LOADING and not record.followup_ids:
            # The first follow-up after a "thinking" defer replaces the loading message.
            message = world.apply_edit(original, sent.json or {}, sent.files)
            message["edited_timestamp"] = None
        else:
            message = world.store_message(record.channel_id, sent.json or {}, sent.files, 0, webhook=True)
            record.followup_ids.append(int(message["id"]))
        if sent.query.get("wait") in _TRUE:
            return json_response(200, message)
        return web.Response(status=204)

    def _webhook_message(self, request: web.Request) -> JSON:
        record = self._webhook_interaction(request)
        raw = request.match_info["message_id"]
        message_id = record.original_message_id if raw == "@original" else int(raw)
        owned = {record.original_message_id, *record.followup_ids}
        if message_id is None or message_id not in owned or message_id not in self._world.messages:
            raise ApiError(404, 10008, "Unknown Message")
        return self._world.messages[message_id]

    async def _get_webhook_message(self, request: web.Request) -> web.Response:
        return json_response(200, self._webhook_message(request))

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        message = self._webhook_message(request)
        sent = request[RECORD]
        return json_response(200, self._world.apply_edit(message, sent.json or {}, sent.files))

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        del self._world.messages[int(self._webhook_message(request)["id"])]
        return web.Response(status=204)

    # -- channels and messages ---------------------------------------------------------------------

    async def _get_channel(self, request: web.Request) -> web.Response:
        return json_response(200, self._world.channel(int(request.match_info["channel_id"])).to_payload())

    async def _get_guild_channels(self, request: web.Request) -> web.Response:
        guild = self._world.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        channels = [c.to_payload() for c in guild.channels.values() if c.type not in THREAD_TYPES]
        return json_response(200, channels)

    async def _get_active_threads(self, request: web.Request) -> web.Response:
        guild = self._world.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        threads = [c.to_payload() for c in guild.channels.values() if c.type in THREAD_TYPES]
        return json_response(200, {"threads": threads, "members": []})

    async def _get_messages(self, request: web.Request) -> web.Response:
        """Discord's history page: always newest first; `before` pages back from an id, `after` returns the
        `limit` messages right after one (the oldest of them), `limit` 1-100 (default 50). Without Read
        Message History a bot is shown no messages at all."""
        world = self._world
        channel = world.channel(int(request.match_info["channel_id"]))
        query = request[RECORD].query
        anchors = [key for key in ("around", "before", "after") if key in query]
        limit = int(query.get("limit", 50))
        if not 1 <= limit <= 100 or len(anchors) > 1 or "around" in anchors:  # the fake does not do `around`
            raise ApiError(400, 50035, "Invalid Form Body")
        if not world.bot_permissions(world.guilds[channel.guild_id]) & READ_MESSAGE_HISTORY:
            return json_response(200, [])
        ids = sorted(
            (int(i) for i, m in world.messages.items() if m["channel_id"] == str(channel.id)
             and not int(m["flags"]) & EPHEMERAL),
            reverse=True,
        )
        if "after" in query:
            ids = [i for i in ids if i > int(query["after"])][-limit:]
        else:
            ids = [i for i in ids if "before" not in query or i < int(query["before"])][:limit]
        return json_response(200, [world.messages[i] for i in ids])

    async def _create_message(self, request: web.Request) -> web.Response:
        channel = self._world.channel(int(request.match_info["channel_id"]))
        if channel.type == FORUM:
            raise ApiError(400, 50008, "Cannot send messages in a non-text channel")
        sent = request[RECORD]
        body = sent.json or {}
        message_type = 19 if body.get("message_reference") else 0
        message = self._world.store_message(channel.id, body, sent.files, message_type, webhook=False)
        return json_response(200, message)

    def _channel_message(self, request: web.Request) -> JSON:
        channel = self._world.channel(int(request.match_info["channel_id"]))
        message = self._world.messages.get(int(request.match_info["message_id"]))
        if message is None or message["channel_id"] != str(channel.id):
            raise ApiError(404, 10008, "Unknown Message")
        return message

    async def _get_message(self, request: web.Request) -> web.Response:
        return json_response(200, self._channel_message(request))

    async def _edit_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        sent = request[RECORD]
        return json_response(200, self._world.apply_edit(message, sent.json or {}, sent.files))

    async def _delete_message(self, request: web.Request) -> web.Response:
        del self._world.messages[int(self._channel_message(request)["id"])]
        return web.Response(status=204)

    async def _create_thread(self, request: web.Request) -> web.Response:
        world = self._world
        parent = world.channel(int(request.match_info["channel_id"]))
        sent = request[RECORD]
        body: JSON = sent.json or {}
        starter: JSON | None = body.get("message")
        if parent.type == FORUM and starter is None:
            raise ApiError(400, 50035, "Invalid Form Body: a forum post needs a message")
        thread_type = PUBLIC_THREAD if parent.type == FORUM else int(body.get("type", PUBLIC_THREAD))
        guild = world.guilds[parent.guild_id]
        thread = world.add_channel(guild, str(body["name"]), thread_type, position=0, parent_id=parent.id)
        payload = thread.to_payload()
        payload["applied_tags"] = body.get("applied_tags") or []
        if starter is not None:
            # A forum post's starter message shares the thread's id.
            payload["message"] = world.store_message(
                thread.id, starter, sent.files, 0, webhook=False, message_id=thread.id
            )
        return json_response(201, payload)


def _callback_result(record: FakeInteraction, callback_type: int, message: JSON | None) -> JSON:
    """The with_response=1 body discord.py turns into an InteractionCallbackResponse."""
    flags = 0 if message is None else int(message["flags"])
    interaction: JSON = {
        "id": str(record.id),
        "type": record.type,
        "response_message_loading": callback_type == 5,
        "response_message_ephemeral": bool(flags & EPHEMERAL),
    }
    resource: JSON = {"type": callback_type}
    if message is not None:
        interaction["response_message_id"] = message["id"]
        resource["message"] = message
    return {"interaction": interaction, "resource": resource}
