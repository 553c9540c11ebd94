"""The real, unmodified discord.py client logs in, syncs, answers interactions and posts through the fake."""

from __future__ import annotations

import asyncio
import functools
import io
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, ParamSpec

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from .discord_server import FakeDiscord
from .harness import fake_discord_server
from .payloads import DEFAULT_MEMBER_PERMISSIONS, EPHEMERAL, LOADING, MANAGE_GUILD, READ_MESSAGE_HISTORY, TEXT

P = ParamSpec("P")
TOPICS = ("cancer care", "care homes", "workforce", "mental health")
STEP = 5.0  # seconds any single client action may take before the test fails instead of hanging


def bounded(seconds: float) -> Callable[[Callable[P, Awaitable[None]]], Callable[P, Awaitable[None]]]:
    """Fail a test that runs longer than `seconds` rather than letting it hang the suite."""

    def decorate(test: Callable[P, Awaitable[None]]) -> Callable[P, Awaitable[None]]:
        @functools.wraps(test)
        async def run(*args: P.args, **kwargs: P.kwargs) -> None:
            await asyncio.wait_for(test(*args, **kwargs), seconds)

        return run

    return decorate


class RefreshView(discord.ui.View):
    """A one-button view, to exercise component interactions."""

    def __init__(self) -> None:
        # timeout=None on purpose: a timed View leaves its timeout task pending after Bot.close().
        super().__init__(timeout=None)

    @discord.ui.button(label="Refresh", custom_id="digest:refresh")
    async def refresh(self, interaction: discord.Interaction, button: discord.ui.Button[RefreshView]) -> None:
        await interaction.response.edit_message(content="refreshed", view=None)


def build_bot() -> commands.Bot:
    """A bot shaped like the project's: slash commands only, no privileged intents."""
    bot = commands.Bot(
        command_prefix=commands.when_mentioned,
        intents=discord.Intents.default(),
        guild_ready_timeout=0.05,
        help_command=None,
    )

    @bot.tree.command(description="Echo text back")
    async def echo(interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(f"echo: {text}", view=RefreshView())

    async def topic_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=t, value=t) for t in TOPICS if current.lower() in t]

    @bot.tree.command(description="Follow a topic")
    @app_commands.autocomplete(name=topic_choices)
    async def topic(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(f"following {name}", ephemeral=True)

    @bot.tree.command(description="Build the digest now")
    async def digest(interaction: discord.Interaction, days: int = 7) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send(f"digest for {days * 24} hours")
        await interaction.followup.send("second part")

    @bot.tree.command(description="Change settings")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def settings(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"settings saved by {interaction.user.id}", ephemeral=True)

    @settings.error
    async def settings_refused(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            await interaction.response.send_message("You need Manage Server.", ephemeral=True)

    @bot.tree.command(description="Post, then revise")
    async def revise(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("draft")
        await interaction.edit_original_response(content="final")
        fetched = await interaction.original_response()
        extra = await interaction.followup.send(f"fetched {fetched.content}", wait=True)
        await extra.edit(content=f"{extra.content}, then edited")
        temporary = await interaction.followup.send("temporary", wait=True)
        await temporary.delete()

    feeds = app_commands.Group(name="feeds", description="Manage feeds")

    @feeds.command(name="route", description="Post a topic into a channel")
    async def route(interaction: discord.Interaction, channel: discord.TextChannel, topic: str) -> None:
        await interaction.response.send_message(f"{topic} -> {channel.name} ({channel.id})")

    bot.tree.add_command(feeds)

    @bot.tree.command(description="Too slow to answer in time")
    async def slow(interaction: discord.Interaction) -> None:
        await asyncio.sleep(0.3)
        await interaction.response.send_message("late")

    return bot


async def start_bot(bot: commands.Bot) -> asyncio.Task[None]:
    """Run bot.start in a task and return once on_ready fired (or raise what start raised)."""
    ready = asyncio.Event()

    async def on_ready() -> None:
        ready.set()

    bot.add_listener(on_ready, "on_ready")
    runner = asyncio.create_task(bot.start("fake-token"))
    waiter = asyncio.create_task(ready.wait())
    done, _ = await asyncio.wait({runner, waiter}, timeout=STEP, return_when=asyncio.FIRST_COMPLETED)
    if waiter not in done:
        waiter.cancel()
        await bot.close()
        raise AssertionError(
            f"bot not ready within {STEP}s: {runner.exception() if runner.done() else 'pending'}"
        )
    return runner


async def stop_bot(bot: commands.Bot, runner: asyncio.Task[None]) -> None:
    """Close the bot and require bot.start() to return normally."""
    await asyncio.wait_for(bot.close(), STEP)
    await asyncio.wait_for(runner, STEP)


@pytest.fixture
async def bot(fake_discord: FakeDiscord) -> AsyncIterator[commands.Bot]:
    """A ready bot connected to the fake, with its commands synced to the fake guild."""
    client = build_bot()
    runner = await start_bot(client)
    try:
        guild = discord.Object(fake_discord.guild.id)
        client.tree.copy_global_to(guild=guild)
        await asyncio.wait_for(client.tree.sync(guild=guild), STEP)
        yield client
    finally:
        await stop_bot(client, runner)


def callback_content(server: FakeDiscord, interaction_id: int) -> Any:
    """Content of the bot's initial response to an interaction."""
    return server.interaction_responses(interaction_id)[0].data.get("content")


async def _until(condition: Callable[[], bool]) -> None:
    """Poll cheaply for client-side state that has no event to await (callers bound it)."""
    while not condition():
        await asyncio.sleep(0.01)


@bounded(10)
async def test_login_and_gateway_handshake_populate_the_cache(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    assert bot.user is not None and bot.user.id == fake_discord.application_id
    assert bot.application_id == fake_discord.application_id
    query = fake_discord.gateway_connect_queries[0]
    assert (query["v"], query["encoding"]) == ("10", "json")
    assert query["compress"] in ("zlib-stream", "zstd-stream")
    me = fake_discord.find_requests("GET", "/users/@me")[0]
    assert me.headers["Authorization"] == "Bot fake-token"
    identify = await fake_discord.wait_for_gateway_op(2)
    assert identify["d"]["token"] == "fake-token"
    assert identify["d"]["intents"] == discord.Intents.default().value
    assert [p["op"] for p in fake_discord.gateway_received[:2]] == [1, 2]  # heartbeat on HELLO, then IDENTIFY
    await asyncio.wait_for(_until(lambda: math.isfinite(bot.latency)), STEP)  # ...and got HEARTBEAT_ACK

    guild = bot.get_guild(fake_discord.guild.id)
    assert guild is not None and guild.owner_id == int(fake_discord.owner_user["id"])
    assert guild.me is not None and guild.me.id == bot.user.id
    kinds = {c.name: c for c in guild.channels}
    assert isinstance(kinds["general"], discord.TextChannel) and not kinds["general"].is_news()
    assert isinstance(kinds["announcements"], discord.TextChannel) and kinds["announcements"].is_news()
    assert isinstance(kinds["digests"], discord.ForumChannel)


@bounded(10)
async def test_command_sync_puts_guild_and_global_commands(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    guild_id = fake_discord.guild.id
    put = await fake_discord.wait_for_request(
        "PUT", rf"/applications/{fake_discord.application_id}/guilds/{guild_id}/commands"
    )
    sent = {c["name"]: c for c in put.json}
    assert set(sent) == {"echo", "topic", "digest", "settings", "revise", "feeds", "slow"}
    assert int(sent["settings"]["default_member_permissions"]) == MANAGE_GUILD
    assert sent["topic"]["options"][0]["autocomplete"] is True

    synced = await asyncio.wait_for(bot.tree.sync(), STEP)
    stored = {c["name"]: int(c["id"]) for c in fake_discord.commands()}
    assert {c.name: c.id for c in synced} == stored
    assert fake_discord.find_requests("PUT", rf"/applications/{fake_discord.application_id}/commands")


@bounded(10)
async def test_slash_command_reply_and_button_click(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    general = fake_discord.channel("general")
    pushed = await fake_discord.push_command("echo", {"text": "hello"})
    callback = await fake_discord.wait_for_interaction_response(pushed.id)
    assert callback.type == 4
    assert callback.data["content"] == "echo: hello"
    original = fake_discord.original_response(pushed.id)
    assert original is not None and fake_discord.sent_messages(general.id) == [original]
    button = original["components"][0]["components"][0]
    assert button["custom_id"] == "digest:refresh"

    click = await fake_discord.push_component(int(original["id"]), "digest:refresh")
    answer = await fake_discord.wait_for_interaction_response(click.id)
    assert answer.type == 7
    assert fake_discord.message(int(original["id"]))["content"] == "refreshed"
    assert fake_discord.message(int(original["id"]))["components"] == []


@bounded(10)
async def test_autocomplete_answers_matching_choices(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    pushed = await fake_discord.push_autocomplete("topic", {"name": "care"}, focused="name")
    callback = await fake_discord.wait_for_interaction_response(pushed.id)
    assert callback.type == 8
    assert [c["name"] for c in callback.data["choices"]] == ["cancer care", "care homes"]

    chosen = await fake_discord.push_command("topic", {"name": "care homes"})
    reply = await fake_discord.wait_for_interaction_response(chosen.id)
    assert reply.data["content"] == "following care homes" and reply.data["flags"] & EPHEMERAL
    assert fake_discord.sent_messages(fake_discord.channel("general").id) == []


@bounded(10)
async def test_deferred_command_fills_the_thinking_message_then_follows_up(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    pushed = await fake_discord.push_command("digest", {"days": 3})
    assert pushed.payload["data"]["options"] == [{"name": "days", "type": 4, "value": 3}]
    followups = await fake_discord.wait_for_followups(pushed.id)
    assert [c.type for c in fake_discord.interaction_responses(pushed.id)] == [5]
    original = fake_discord.original_response(pushed.id)
    assert original is not None
    assert original["content"] == "digest for 72 hours" and not original["flags"] & LOADING
    assert [m["content"] for m in followups] == ["second part"]
    posts = fake_discord.find_requests("POST", rf"/webhooks/{fake_discord.application_id}/{pushed.token}")
    assert [p.query.get("wait") for p in posts] == ["1", "1"]


@bounded(10)
async def test_original_response_and_followups_are_edited_and_deleted(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    pushed = await fake_discord.push_command("revise")
    await fake_discord.wait_for_request("DELETE", rf"/webhooks/\d+/{pushed.token}/messages/\d+")
    original = fake_discord.original_response(pushed.id)
    assert original is not None and original["content"] == "final" and original["edited_timestamp"]
    assert [m["content"] for m in fake_discord.followups(pushed.id)] == ["fetched final, then edited"]
    general = fake_discord.channel("general")
    assert [m["content"] for m in fake_discord.sent_messages(general.id)] == [
        "final",
        "fetched final, then edited",
    ]
    webhook = rf"/webhooks/\d+/{pushed.token}/messages/(@original|\d+)"
    assert [r.method for r in fake_discord.find_requests(None, webhook)] == [
        "PATCH",
        "GET",
        "PATCH",
        "DELETE",
    ]


@bounded(10)
async def test_subcommand_with_channel_option_resolves_the_channel(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    target = fake_discord.channel("announcements")
    pushed = await fake_discord.push_command("feeds route", {"channel": target.id, "topic": "cancer care"})
    reply = await fake_discord.wait_for_interaction_response(pushed.id)
    assert reply.data["content"] == f"cancer care -> announcements ({target.id})"
    with pytest.raises(KeyError, match="tpoic"):
        await fake_discord.push_command("feeds route", {"channel": target.id, "tpoic": "typo"})


@bounded(10)
async def test_manage_server_check_refuses_then_allows(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    refused = await fake_discord.push_command("settings", permissions=DEFAULT_MEMBER_PERMISSIONS)
    await fake_discord.wait_for_interaction_response(refused.id)
    assert callback_content(fake_discord, refused.id) == "You need Manage Server."

    allowed = await fake_discord.push_command(
        "settings", permissions=DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD
    )
    await fake_discord.wait_for_interaction_response(allowed.id)
    assert callback_content(fake_discord, allowed.id) == f"settings saved by {fake_discord.tester_user['id']}"


@bounded(10)
async def test_answer_after_the_deadline_is_an_unknown_interaction() -> None:
    errors: list[BaseException] = []
    async with fake_discord_server(interaction_timeout=0.1) as server:
        client = build_bot()

        async def record(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
            errors.append(error.__cause__ or error)

        client.tree.on_error = record  # type: ignore[method-assign]
        runner = await start_bot(client)
        try:
            pushed = await server.push_command("slow")
            call = await server.wait_for_request("POST", rf"/interactions/{pushed.id}/.+/callback")
            assert call.status == 404
            await asyncio.wait_for(_until(lambda: bool(errors)), STEP)
            assert isinstance(errors[0], discord.NotFound) and errors[0].code == 10062
        finally:
            await stop_bot(client, runner)


@bounded(10)
async def test_channel_send_text_embed_and_file(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    general = fake_discord.channel("general")
    channel = bot.get_channel(general.id)
    assert isinstance(channel, discord.TextChannel)
    sent = await asyncio.wait_for(channel.send("weekly digest", embed=discord.Embed(title="Week 1")), STEP)
    upload = discord.File(io.BytesIO(b"# Digest\n"), filename="digest.md")
    with_file = await asyncio.wait_for(channel.send("attached", file=upload), STEP)

    stored = fake_discord.sent_messages(general.id)
    assert [int(m["id"]) for m in stored] == [sent.id, with_file.id]
    assert stored[0]["embeds"][0]["title"] == "Week 1"
    multipart = fake_discord.find_requests("POST", rf"/channels/{general.id}/messages")[1]
    assert multipart.json["content"] == "attached"
    assert multipart.files[0].content == b"# Digest\n"
    assert with_file.attachments[0].filename == "digest.md" and with_file.attachments[0].size == 9


@bounded(10)
async def test_scheduled_style_post_is_fetched_edited_and_deleted(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    general = fake_discord.channel("general")

    async def scheduled_post() -> None:
        channel = await bot.fetch_channel(general.id)
        assert isinstance(channel, discord.TextChannel)
        first = await channel.send("digest v1")
        await first.edit(content="digest v2")
        second = await channel.send("oops")
        await second.delete()
        await channel.send("digest appendix")

    poster = asyncio.create_task(scheduled_post())
    first = await fake_discord.wait_for_messages(general.id)
    assert first[0]["content"].startswith("digest v")
    await asyncio.wait_for(poster, STEP)
    assert [m["content"] for m in fake_discord.sent_messages(general.id)] == ["digest v2", "digest appendix"]
    guild = bot.get_guild(fake_discord.guild.id)
    assert guild is not None
    names = [c.name for c in await asyncio.wait_for(guild.fetch_channels(), STEP)]
    assert sorted(names) == ["announcements", "digests", "general"]


@bounded(10)
async def test_forum_post_creates_thread_with_starter_message(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    forum = bot.get_channel(fake_discord.channel("digests").id)
    assert isinstance(forum, discord.ForumChannel)
    created = await asyncio.wait_for(forum.create_thread(name="Week 1", content="digest body"), STEP)
    assert created.thread.parent_id == forum.id and created.thread.name == "Week 1"
    assert created.message.id == created.thread.id
    assert [m["content"] for m in fake_discord.sent_messages(created.thread.id)] == ["digest body"]
    request = fake_discord.find_requests("POST", rf"/channels/{forum.id}/threads")[0]
    assert request.json["message"]["content"] == "digest body"


@bounded(10)
async def test_history_pages_newest_first_like_discord(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    channel = bot.get_channel(fake_discord.channel("general").id)
    assert isinstance(channel, discord.TextChannel)
    ids = [(await asyncio.wait_for(channel.send(f"m{n}"), STEP)).id for n in range(7)]
    ephemeral = fake_discord.world.store_message(channel.id, {"content": "only you", "flags": EPHEMERAL}, [], 0,
                                                 webhook=True)

    async def page(**query: int) -> list[int]:
        return [int(m["id"]) for m in await bot.http.logs_from(channel.id, **query)]  # type: ignore[arg-type]

    assert await page(limit=3) == ids[:-4:-1]  # the newest three, newest first
    assert await page(limit=2, before=ids[5]) == [ids[4], ids[3]]
    assert await page(limit=3, after=ids[1]) == [ids[4], ids[3], ids[2]]  # the three right after, newest first
    assert await page(limit=100, after=ids[5]) == [ids[6]]
    assert int(ephemeral["id"]) not in await page(limit=100)
    later = [m.content async for m in channel.history(after=discord.Object(ids[3]), limit=None)]
    assert later == ["m4", "m5", "m6"]  # discord.py turns the newest-first pages into oldest first
    with pytest.raises(discord.HTTPException) as refused:
        await bot.http.logs_from(channel.id, 101)
    assert refused.value.status == 400


@bounded(10)
async def test_history_is_empty_without_read_message_history() -> None:
    async with fake_discord_server() as fake:
        for role in fake.guild.roles:  # neither @everyone nor the bot's own role grants it
            role["permissions"] = str(int(role["permissions"]) & ~READ_MESSAGE_HISTORY)
        fake.world.store_message(fake.channel("general").id, {"content": "hidden"}, [], 0, webhook=False)
        client = build_bot()
        runner = await start_bot(client)
        try:
            assert await client.http.logs_from(fake.channel("general").id, 50) == []
        finally:
            await stop_bot(client, runner)


@bounded(10)
async def test_a_held_message_is_stored_before_the_client_hears_of_it(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    general = fake_discord.channel("general")
    channel = bot.get_channel(general.id)
    assert isinstance(channel, discord.TextChannel)
    held = fake_discord.hold_next("POST", rf"/channels/{general.id}/messages", skip=1)
    await asyncio.wait_for(channel.send("first"), STEP)
    second = asyncio.create_task(channel.send("second"))
    await asyncio.wait_for(held.reached.wait(), STEP)
    await asyncio.sleep(0.1)
    assert not second.done()  # accepted by Discord, unknown to the client
    assert [m["content"] for m in fake_discord.sent_messages(general.id)] == ["first", "second"]
    held.release()
    assert (await asyncio.wait_for(second, STEP)).content == "second"
    await asyncio.wait_for(channel.send("third"), STEP)  # a hold takes one request only
    assert len(fake_discord.sent_messages(general.id)) == 3


@bounded(10)
async def test_active_threads_list_the_forum_posts(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    forum = bot.get_channel(fake_discord.channel("digests").id)
    assert isinstance(forum, discord.ForumChannel)
    created = await asyncio.wait_for(forum.create_thread(name="Week 2", content="body"), STEP)
    threads = await asyncio.wait_for(forum.guild.active_threads(), STEP)
    assert [(t.id, t.parent_id, t.owner_id) for t in threads] == [(created.thread.id, forum.id, bot.user.id)]


@bounded(10)
async def test_rate_limit_with_via_is_retried_and_delivered_once(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    general = fake_discord.channel("general")
    path = rf"/channels/{general.id}/messages"
    fake_discord.rate_limit_next("POST", path, retry_after=0.2)
    channel = bot.get_channel(general.id)
    assert isinstance(channel, discord.TextChannel)
    started = time.monotonic()
    await asyncio.wait_for(channel.send("after the limit"), STEP)
    assert time.monotonic() - started >= 0.2
    assert [r.status for r in fake_discord.find_requests("POST", path)] == [429, 200]
    assert [m["content"] for m in fake_discord.sent_messages(general.id)] == ["after the limit"]


@bounded(10)
async def test_rate_limit_without_via_is_not_retried(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    general = fake_discord.channel("general")
    path = rf"/channels/{general.id}/messages"
    fake_discord.rate_limit_next("POST", path, retry_after=0.2, via=False)
    channel = bot.get_channel(general.id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as raised:
        await asyncio.wait_for(channel.send("blocked"), STEP)
    assert raised.value.status == 429
    assert fake_discord.sent_messages(general.id) == []


@bounded(10)
async def test_500_is_retried_after_a_second_but_503_surfaces(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    general = fake_discord.channel("general")
    path = rf"/channels/{general.id}/messages"
    channel = bot.get_channel(general.id)
    assert isinstance(channel, discord.TextChannel)

    fake_discord.server_error_next("POST", path, status=500)
    started = time.monotonic()
    await asyncio.wait_for(channel.send("survived a 500"), STEP)
    assert time.monotonic() - started >= 1.0  # discord.py sleeps 1 + 2 * attempt before retrying
    assert [r.status for r in fake_discord.find_requests("POST", path)] == [500, 200]

    fake_discord.server_error_next("POST", path, status=503)
    with pytest.raises(discord.DiscordServerError) as raised:
        await asyncio.wait_for(channel.send("lost to a 503"), STEP)
    assert raised.value.status == 503
    assert [m["content"] for m in fake_discord.sent_messages(general.id)] == ["survived a 500"]


@bounded(10)
async def test_missing_access_unknown_channel_and_deleted_channel(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    general = fake_discord.channel("general")
    path = rf"/channels/{general.id}/messages"
    channel = bot.get_channel(general.id)
    assert isinstance(channel, discord.TextChannel)

    fake_discord.missing_access_next("POST", path)
    with pytest.raises(discord.Forbidden) as forbidden:
        await asyncio.wait_for(channel.send("x"), STEP)
    assert forbidden.value.code == 50001

    fake_discord.unknown_channel_next("POST", path)
    with pytest.raises(discord.NotFound) as missing:
        await asyncio.wait_for(channel.send("x"), STEP)
    assert missing.value.code == 10003

    await fake_discord.remove_channel(general.id)
    await asyncio.wait_for(_until(lambda: bot.get_channel(general.id) is None), STEP)
    with pytest.raises(discord.NotFound) as deleted:
        await asyncio.wait_for(channel.send("x"), STEP)
    assert deleted.value.code == 10003


@bounded(10)
async def test_unknown_routes_are_404_and_recorded(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    with pytest.raises(discord.NotFound):
        await asyncio.wait_for(bot.fetch_guild(fake_discord.guild.id), STEP)
    assert [(r.method, r.path) for r in fake_discord.unknown_requests] == [
        ("GET", f"/guilds/{fake_discord.guild.id}")
    ]


@bounded(10)
async def test_dropped_gateway_resumes_and_keeps_serving(
    fake_discord: FakeDiscord, bot: commands.Bot
) -> None:
    resumed = asyncio.Event()

    async def on_resumed() -> None:
        resumed.set()

    bot.add_listener(on_resumed, "on_resumed")
    await fake_discord.drop_gateway(4000)
    resume = await fake_discord.wait_for_gateway_op(6)
    await asyncio.wait_for(resumed.wait(), STEP)
    assert resume["d"]["session_id"] == bot.ws.session_id
    assert resume["d"]["seq"] >= 2  # READY and GUILD_CREATE were numbered 1 and 2
    pushed = await fake_discord.push_command("echo", {"text": "still here"})
    assert (await fake_discord.wait_for_interaction_response(pushed.id)).data["content"] == "echo: still here"


@bounded(10)
async def test_shutdown_leaves_no_tasks_behind() -> None:
    before = asyncio.all_tasks()
    real_base, real_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    async with fake_discord_server() as server:
        client = build_bot()
        runner = await start_bot(client)
        pushed = await server.push_command("echo", {"text": "bye"})
        await server.wait_for_interaction_response(pushed.id)
        await stop_bot(client, runner)
        assert runner.result() is None
    await asyncio.sleep(0)
    assert asyncio.all_tasks() - before == set()
    assert discord.http.Route.BASE is real_base
    assert discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY is real_gateway


@bounded(10)
async def test_guilds_and_channels_come_and_go(fake_discord: FakeDiscord, bot: commands.Bot) -> None:
    second = await fake_discord.add_guild("Second Guild", channels=[("news", TEXT)])
    await asyncio.wait_for(_until(lambda: bot.get_guild(second.id) is not None), STEP)
    added = await fake_discord.add_channel("weekly", guild_id=second.id)
    await asyncio.wait_for(_until(lambda: bot.get_channel(added.id) is not None), STEP)
    assert {c.name for c in bot.get_guild(second.id).channels} == {"news", "weekly"}  # type: ignore[union-attr]

    renamed = {**added.to_payload(), "name": "weekly-digest"}
    assert await fake_discord.dispatch("CHANNEL_UPDATE", renamed) == 1
    await asyncio.wait_for(
        _until(lambda: getattr(bot.get_channel(added.id), "name", "") == "weekly-digest"), STEP
    )

    await fake_discord.remove_guild(second.id)
    await asyncio.wait_for(_until(lambda: bot.get_guild(second.id) is None), STEP)
    with pytest.raises(discord.NotFound) as missing:
        await asyncio.wait_for(bot.get_partial_messageable(added.id).send("x"), STEP)
    assert missing.value.code == 10003


@bounded(10)
async def test_wrong_token_fails_login() -> None:
    async with fake_discord_server(token="the-real-token") as server:
        client = build_bot()
        try:
            with pytest.raises(discord.LoginFailure):
                await asyncio.wait_for(client.start("fake-token"), STEP)
        finally:
            await client.close()
        assert [r.status for r in server.find_requests("GET", "/users/@me")] == [401]


@bounded(10)
async def test_privileged_intents_are_refused_like_discord(fake_discord: FakeDiscord) -> None:
    intents = discord.Intents.default()
    intents.message_content = True
    client = commands.Bot(command_prefix="!", intents=intents)
    try:
        with pytest.raises(discord.PrivilegedIntentsRequired):
            await asyncio.wait_for(client.start("fake-token"), STEP)
    finally:
        await client.close()
