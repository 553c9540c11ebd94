"""`digestbot` child processes against a FakeDiscord of the test: start, wait, SIGKILL, stop."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from .discord_server import FakeDiscord

REPO = Path(__file__).resolve().parents[2]


def child_env(url: str, fake: FakeDiscord, folder: Path, token: str) -> dict[str, str]:
    """The environment of a `digestbot` child on database `url`, reaching Discord at `fake`."""
    return {
        **os.environ, "PYTHONPATH": str(REPO), "DIGESTBOT_DATABASE_URL": url, "DISCORD_TOKEN": token,
        "DIGESTBOT_SEEDS": str(folder / "no-seeds"), "DIGESTBOT_DIGESTS_DIR": str(folder / "digests"),
        "DIGESTBOT_ALLOW_PRIVATE_URLS": "1", "DIGESTBOT_POLL_MINUTES": "1", "DIGESTBOT_LOG_LEVEL": "INFO",
        "FAKE_DISCORD_API": fake.api_base, "FAKE_DISCORD_GATEWAY": fake.gateway_url,
    }


async def start(env: dict[str, str], folder: Path, name: str, *argv: str) -> asyncio.subprocess.Process:
    """`digestbot *argv` in a child process, its output in folder/<name>.log."""
    log = (folder / f"{name}.log").open("ab")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fakes.run_cli", *argv, cwd=folder, env=env, stdout=log, stderr=log,
    )


async def until(check: Callable[[], Awaitable[object]], timeout: float, what: str) -> None:
    """Wait until `check()` is true, looking every 50 ms; fail saying `what` did not happen."""
    try:
        async with asyncio.timeout(timeout):
            while not await check():
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"not within {timeout}s: {what}") from None


async def kill(process: asyncio.subprocess.Process) -> None:
    """SIGKILL: the process gets no chance to record or tidy anything."""
    process.send_signal(signal.SIGKILL)
    assert await process.wait() == -signal.SIGKILL


async def stop(process: asyncio.subprocess.Process) -> None:
    """SIGTERM, as an operator stops it; SIGKILL if it has not ended within 30 s."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()
