"""`digestbot run` as a new user first meets it: no token yet, or a wrong one."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.discord_app.client import DigestBot, run_bot
from bot.errors import ConfigError
from tests.conftest import REPO
from tests.discord_app.conftest import STEP, TOKEN, FakeClock
from tests.fakes import FakeDiscord, fake_discord_server


def run_bot_command(cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN" and not k.startswith("DIGESTBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=cwd, env={**clean, "PYTHONPATH": str(REPO), **env},
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_run_without_a_token_says_in_one_line_how_to_get_one(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DISCORD_TOKEN=\nDIGESTBOT_DB=data/bot.sqlite3\n")
    done = run_bot_command(tmp_path, {})
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("digestbot: error: DISCORD_TOKEN is not set: create a bot at ")
    assert "https://discord.com/developers/applications" in done.stderr and "README" in done.stderr
    assert not (tmp_path / "data").exists()  # stopped before touching anything


async def test_a_refused_token_is_a_clean_config_error(settings: Settings, clock: FakeClock) -> None:
    async with fake_discord_server(token="the-real-token"):
        with pytest.raises(ConfigError, match="Discord refused DISCORD_TOKEN: reset the token"):
            await asyncio.wait_for(run_bot(settings, DigestBot(settings, clock=clock)), STEP)


def test_the_bot_settings_come_from_env_example_and_are_checked(tmp_path: Path) -> None:
    example = load_settings({}, REPO / ".env.example")
    assert (example.digest_grace_hours, example.digest_retry_seconds, example.discord_token) == (24, 600.0, None)
    chosen = load_settings({"DIGESTBOT_DIGEST_GRACE_HOURS": "0", "DIGESTBOT_DIGEST_RETRY_SECONDS": "30"}, None)
    assert (chosen.digest_grace_hours, chosen.digest_retry_seconds) == (0, 30.0)
    with pytest.raises(ConfigError, match="DIGESTBOT_DIGEST_GRACE_HOURS must be between 0 and 168"):
        load_settings({"DIGESTBOT_DIGEST_GRACE_HOURS": "200"}, None)


LAUNCH = """
import sys, discord.gateway, discord.http, yarl
discord.http.Route.BASE = sys.argv[1]
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
from bot.cli import main
sys.exit(main(["run"]))
"""


async def test_digestbot_run_serves_logs_without_the_token_and_stops_cleanly_on_sigterm(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    env = {"DISCORD_TOKEN": TOKEN, "DIGESTBOT_DB": str(tmp_path / "bot.sqlite3"), "DIGESTBOT_SEEDS": "none"}
    clean = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN" and not k.startswith("DIGESTBOT_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", LAUNCH, fake_discord.api_base, fake_discord.gateway_url,
        cwd=tmp_path, env={**clean, "PYTHONPATH": str(REPO), **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    lines: list[str] = []

    async def log_until(text: str) -> None:
        assert process.stderr is not None
        while not any(text in line for line in lines):
            line = (await process.stderr.readline()).decode()
            assert line, f"digestbot run ended before logging {text!r}: {lines}"
            lines.append(line)

    try:
        await asyncio.wait_for(log_until("ready as DigestBot"), 30)
        pushed = await fake_discord.push_command("status")
        reply = await fake_discord.wait_for_interaction_response(pushed.id, timeout=STEP)
        assert "**Articles:** 0 stored" in reply.data["embeds"][0]["description"]
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, rest = await asyncio.wait_for(process.communicate(), 30)
    log = "".join(lines) + rest.decode()
    assert process.returncode == 0, log
    assert "synced 8 slash commands" in log and "Traceback" not in log and " ERROR " not in log
    assert TOKEN not in log and TOKEN not in stdout.decode()
