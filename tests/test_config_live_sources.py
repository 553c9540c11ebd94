"""The live-source settings: defaults, parsing and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError
from bot.services.sources import fetch_settings


def test_defaults_and_the_fetcher_limits_they_give(tmp_path: Path) -> None:
    settings = load_settings({}, tmp_path / "missing.env")
    assert not settings.allow_private_urls
    assert (settings.poll_minutes, settings.fetch_timeout, settings.max_failures) == (30, 30, 8)
    assert settings.max_fetch_bytes == 5_000_000
    limits = fetch_settings(settings)
    assert not limits.allow_private and limits.max_bytes == 5_000_000
    assert limits.total_timeout == 30 and limits.connect_timeout == 10 and limits.max_redirects == 5


def test_values_from_the_environment(tmp_path: Path) -> None:
    env = {
        "DIGESTBOT_ALLOW_PRIVATE_URLS": "1",
        "DIGESTBOT_POLL_MINUTES": "5",
        "DIGESTBOT_FETCH_TIMEOUT": "4",
        "DIGESTBOT_MAX_FETCH_BYTES": "20000",
        "DIGESTBOT_MAX_FAILURES": "2",
    }
    settings = load_settings(env, tmp_path / "missing.env")
    assert settings.allow_private_urls and settings.poll_minutes == 5 and settings.max_failures == 2
    limits = fetch_settings(settings)
    assert limits.allow_private and limits.total_timeout == 4 and limits.connect_timeout == 4
    assert limits.max_bytes == 20_000


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DIGESTBOT_ALLOW_PRIVATE_URLS": "maybe"}, "DIGESTBOT_ALLOW_PRIVATE_URLS must be 1 or 0"),
        ({"DIGESTBOT_POLL_MINUTES": "0"}, "DIGESTBOT_POLL_MINUTES must be between 1"),
        ({"DIGESTBOT_FETCH_TIMEOUT": "soon"}, "DIGESTBOT_FETCH_TIMEOUT must be a whole number"),
        ({"DIGESTBOT_MAX_FETCH_BYTES": "10"}, "DIGESTBOT_MAX_FETCH_BYTES must be between 10000"),
        ({"DIGESTBOT_MAX_FAILURES": "0"}, "DIGESTBOT_MAX_FAILURES must be between 1"),
    ],
)
def test_bad_values_are_clear_errors(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env, tmp_path / "missing.env")
