"""The container and service recipes, checked where Docker and systemd cannot run: every command they run
exists, every setting they set is a real one, and the data they write is on the volume."""

from __future__ import annotations

import json
import re

from bot.cli import build_parser
from bot.config import SETTINGS
from tests.conftest import REPO

DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = (REPO / "compose.yaml").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
KNOWN = {s.env for s in SETTINGS}


def instruction(name: str) -> list[str]:
    """The arguments of each Dockerfile instruction `name`, with continued lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [m.group(1).strip() for m in re.finditer(rf"^{name}\s+(.*)$", text, re.M)]


def commands() -> set[str]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return set(sub.choices)  # type: ignore[arg-type]


def test_the_image_runs_the_bot_as_a_non_root_user_with_data_on_a_volume() -> None:
    assert re.match(r"python:3\.1[1-9]-slim", instruction("FROM")[0])
    [cmd] = instruction("CMD")
    assert json.loads(cmd) == ["digestbot", "run"] and "run" in commands()
    [health] = instruction("HEALTHCHECK")
    health_command = json.loads(health.split("CMD", 1)[1].strip())
    assert health_command[0] == "digestbot" and health_command[1] in commands()
    assert instruction("USER") == ["digestbot"]
    [volume] = instruction("VOLUME")
    assert json.loads(volume) == ["/data"]
    env = dict(re.findall(r"(DIGESTBOT_\w+)=(\S+)", " ".join(instruction("ENV"))))
    assert set(env) <= KNOWN
    assert env["DIGESTBOT_DB"].startswith("/data/") and env["DIGESTBOT_DIGESTS_DIR"].startswith("/data/")


def test_compose_uses_the_env_file_and_only_real_settings() -> None:
    assert re.search(r"^\s+env_file: \.env$", COMPOSE, re.M)
    assert re.search(r"^\s+- digestbot-data:/data$", COMPOSE, re.M)
    names = set(re.findall(r"^\s+(DIGESTBOT_\w+|DISCORD_\w+):", COMPOSE, re.M))
    assert names and names <= KNOWN
    assert ".env" in (REPO / ".dockerignore").read_text(encoding="utf-8").split()  # the token stays out of images


def test_the_readme_systemd_unit_is_complete() -> None:
    unit = README.split("```ini\n", 1)[1].split("```", 1)[0]
    for line in ("Wants=network-online.target", "After=network-online.target", "Restart=on-failure",
                 "User=digestbot", "WantedBy=multi-user.target"):
        assert line in unit.splitlines(), line
    assert re.search(r"^RestartSec=\d+$", unit, re.M)
    exec_start = re.search(r"^ExecStart=\S+/digestbot (\S+)$", unit, re.M)
    assert exec_start and exec_start.group(1) in commands()
    assert "useradd --system" in README  # the step that creates the user
    for section in ("### Back up and restore", "### Upgrade", "### Logs", "### Running it for good"):
        assert section in README
