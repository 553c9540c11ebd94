"""`digestbot doctor` and `invite` against the fake Discord: token, servers, channels, permissions."""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import subprocess
import sys
from pathlib import Path

import discord.http
import pytest

from bot.config import Settings
from bot.discord_app.doctor import application_id_from_token, discord_checks
from bot.discord_app.invite import invite_url
from bot.errors import InputError
from bot.services.doctor import local_checks
from bot.services.guilds import set_alerts_channel, set_schedule
from bot.services.storage import open_store
from tests.conftest import REPO
from tests.discord_app.conftest import TOKEN, FakeClock, running_bot
from tests.fakes import FakeDiscord
from tests.fakes.harness import fake_discord_server
from tests.fakes.payloads import DEFAULT_MEMBER_PERMISSIONS, READ_MESSAGE_HISTORY

EMBED_LINKS = 1 << 14
# View Channels, Send Messages, Embed Links, Read Message History, Send Messages in Threads, as Discord numbers them
BOT_NEEDS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 38)


def token_for(application_id: int) -> str:
    """A token shaped like Discord's: the bot's id in base64, then two opaque parts."""
    head = base64.b64encode(str(application_id).encode()).decode().rstrip("=")
    return f"{head}.GhIjKl.{'x' * 27}"


def lines(checks: list) -> list[str]:  # type: ignore[type-arg]
    return [c.line() for c in checks]


async def test_doctor_checks_token_servers_channels_and_permissions(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    async with await open_store(settings) as store:
        await set_schedule(store, guild, general, 0, "09:00", "Europe/London")
        await set_alerts_channel(store, guild, fake_discord.channel("announcements").id)
        await set_schedule(store, 999, 998, 0, "09:00", "Europe/London")  # a server the bot has left
    _, schedules = await local_checks(settings, [])
    assert {s.guild_id for s in schedules} == {guild, 999}
    checked = lines(await discord_checks(TOKEN, schedules))
    assert checked[0].startswith("✓ logged in as DigestBot")
    assert checked[1] == f"✓ in 1 server(s): Test Guild ({guild})"
    assert f"✓ server Test Guild ({guild}): digest channel #general: the bot may post there" in checked
    assert any(line.startswith(f"✓ server Test Guild ({guild}): alerts channel #") for line in checked)
    assert "✗ server 999 has a schedule but the bot is not in it: invite it again, or `digestbot forget-server` it" \
        in checked

    for role in fake_discord.guild.roles:  # nobody may embed links or read the channel's history any more
        role["permissions"] = str(int(role["permissions"]) & ~EMBED_LINKS & ~READ_MESSAGE_HISTORY)
    checked = lines(await discord_checks(TOKEN, schedules))
    assert (f"✗ server Test Guild ({guild}): digest channel #general: the bot lacks Embed Links, Read Message"
            " History: grant them to the bot's role in that channel") in checked


async def test_doctor_says_when_the_token_is_refused_or_discord_unreachable(settings: Settings) -> None:
    async with fake_discord_server(token="the-real-token"):
        assert lines(await discord_checks("a-wrong-token", [])) == [
            "✗ Discord refused DISCORD_TOKEN: reset it (Developer Portal > Bot) and update .env"
        ]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again once the block ends: nothing listens there
    saved = discord.http.Route.BASE
    discord.http.Route.BASE = f"http://127.0.0.1:{port}/api/v10"
    try:
        [unreachable] = lines(await discord_checks(TOKEN, [], timeout=10))
    finally:
        discord.http.Route.BASE = saved
    assert unreachable.startswith("✗ Discord could not be reached (") and "check the network" in unreachable


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGESTBOT_", "DISCORD_"))}
    return {**env, "PYTHONPATH": str(REPO)}


def test_doctor_on_a_fresh_clone_without_a_token(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "doctor"], cwd=tmp_path, env=clean_env(),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    out = done.stdout.splitlines()
    assert all(line[:2] in ("✓ ", "✗ ") for line in out)
    assert [line for line in out if line.startswith("✗")] == [
        "✗ DISCORD_TOKEN is not set: put the bot's token in .env to use `digestbot run` (README, 'Discord bot');"
        " the command line works without it"
    ]
    assert "✓ database data/digestbot.sqlite3: not created yet (the first command creates it)" in out
    assert not (tmp_path / "data").exists()  # doctor changes nothing
    assert done.stderr == "doctor: 6 ok, 1 to fix\n"


LAUNCH = """
import sys, discord.gateway, discord.http, yarl
discord.http.Route.BASE = sys.argv[1]
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
from bot.cli import main
sys.exit(main(sys.argv[3:]))
"""


async def test_doctor_command_passes_on_a_working_set_up(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    env = {**clean_env(), "DISCORD_TOKEN": TOKEN, "DIGESTBOT_SEEDS": "none"}

    async def run(*args: str) -> tuple[int, str, str]:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-c", LAUNCH, fake_discord.api_base, fake_discord.gateway_url, *args,
            cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 60)
        return process.returncode or 0, out.decode(), err.decode()

    assert (await run("sources", "add", "news"))[0] == 0
    code, out, err = await run("doctor")
    assert code == 0, out + err
    assert "✗" not in out and "✓ logged in as DigestBot" in out and err.startswith("doctor: all ")
    assert TOKEN not in out + err


def test_invite_has_exactly_the_permissions_the_bot_uses() -> None:
    url = invite_url(1234567890123456789)
    assert url == ("https://discord.com/oauth2/authorize?client_id=1234567890123456789"
                   f"&scope=bot+applications.commands&permissions={BOT_NEEDS}")
    assert DEFAULT_MEMBER_PERMISSIONS & BOT_NEEDS == BOT_NEEDS  # an ordinary member's rights cover them
    assert application_id_from_token(token_for(1234567890123456789)) == 1234567890123456789
    with pytest.raises(InputError, match="does not look like a bot token"):
        application_id_from_token("not-a-token")


def test_invite_command_reads_the_id_from_the_token(tmp_path: Path) -> None:
    env = {**clean_env(), "DISCORD_TOKEN": token_for(42424242424242)}
    done = subprocess.run([sys.executable, "-m", "bot", "invite"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout == invite_url(42424242424242) + "\n"
    assert token_for(42424242424242) not in done.stdout + done.stderr


async def test_run_logs_the_invite_url_at_start(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="bot.discord_app.client")
    async with running_bot(settings, clock):
        pass
    assert f"invite the bot to a server with {invite_url(fake_discord.application_id)}" in caplog.messages
