"""INTERACTION_CREATE payloads, with option types taken from the commands the client synced."""

from __future__ import annotations

from collections.abc import Mapping

from .payloads import JSON, FakeChannel, FakeGuild

OptionValue = str | int | float | bool

SUBCOMMAND, SUBCOMMAND_GROUP = 1, 2
CHANNEL_OPTION = 7
SNOWFLAKE_OPTIONS = frozenset({6, 7, 8, 9})
# Order matters: bool is a subclass of int.
_INFERRED_TYPES: tuple[tuple[type, int], ...] = ((bool, 5), (int, 4), (float, 10), (str, 3))

COMMAND, COMPONENT, AUTOCOMPLETE = 2, 3, 4


def _schema_option(schema_options: list[JSON] | None, name: str) -> JSON | None:
    if schema_options is None:
        return None
    for option in schema_options:
        if option["name"] == name:
            return option
    known = ", ".join(o["name"] for o in schema_options) or "none"
    raise KeyError(f"option {name!r} is not in the synced command (known: {known})")


def _option_type(value: OptionValue, schema: JSON | None) -> int:
    if schema is not None:
        return int(schema["type"])
    return next(code for kind, code in _INFERRED_TYPES if isinstance(value, kind))


def command_data(
    name: str,
    values: Mapping[str, OptionValue],
    *,
    schema: JSON | None,
    command_id: int,
    focused: str | None,
    guild: FakeGuild,
    permissions: int,
) -> JSON:
    """The `data` of a slash-command (or autocomplete) interaction; "group sub" names nest subcommands."""
    root, *path = name.split()
    data: JSON = {"id": str(command_id), "name": root, "type": 1}
    if schema is not None and schema.get("guild_id"):
        data["guild_id"] = schema["guild_id"]
    schema_options: list[JSON] | None = None if schema is None else schema.get("options", [])
    container = data
    for depth, part in enumerate(path):
        part_schema = _schema_option(schema_options, part)
        default_type = SUBCOMMAND if depth == len(path) - 1 else SUBCOMMAND_GROUP
        node: JSON = {"name": part, "type": default_type if part_schema is None else part_schema["type"]}
        container["options"] = [node]
        container = node
        schema_options = None if part_schema is None else part_schema.get("options", [])

    options: list[JSON] = []
    resolved_channels: JSON = {}
    for option_name, value in values.items():
        option_type = _option_type(value, _schema_option(schema_options, option_name))
        option: JSON = {"name": option_name, "type": option_type, "value": value}
        if option_type in SNOWFLAKE_OPTIONS:
            option["value"] = str(value)
        if option_type == CHANNEL_OPTION and option_name != focused:
            channel = guild.channels[int(value)]
            resolved_channels[str(channel.id)] = {**channel.to_payload(), "permissions": str(permissions)}
        if option_name == focused:
            option["focused"] = True
        options.append(option)
    if focused is not None and focused not in values:
        raise KeyError(f"focused option {focused!r} needs a (partial) value in options")
    container["options"] = options
    if resolved_channels:
        data["resolved"] = {"channels": resolved_channels}
    return data


def interaction_payload(
    *,
    interaction_id: int,
    token: str,
    application_id: int,
    interaction_type: int,
    data: JSON,
    guild: FakeGuild,
    channel: FakeChannel,
    member: JSON,
    app_permissions: int,
    message: JSON | None,
) -> JSON:
    """A guild INTERACTION_CREATE body with everything discord.py's Interaction reads."""
    payload: JSON = {
        "id": str(interaction_id),
        "application_id": str(application_id),
        "type": interaction_type,
        "data": data,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": "en-GB", "features": []},
        "channel_id": str(channel.id),
        "channel": {**channel.to_payload(), "permissions": member["permissions"]},
        "member": member,
        "token": token,
        "version": 1,
        "app_permissions": str(app_permissions),
        "locale": "en-GB",
        "guild_locale": "en-GB",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild.id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if message is not None:
        payload["message"] = message
    return payload
