"""Settings: defaults, .env below the environment, clear errors, the token never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings({}, tmp_path / "missing.env")
    assert settings.db_path == Path("data/digestbot.sqlite3")
    assert settings.summary_sentences == 3 and settings.summary_algorithm == "news"
    assert settings.discord_token is None


def test_environment_wins_over_dotenv(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("DIGESTBOT_DB=from-file.db\nDIGESTBOT_SUMMARY_SENTENCES=5\nDISCORD_TOKEN=secret-abc\n")
    settings = load_settings({"DIGESTBOT_DB": "from-env.db"}, env_file)
    assert settings.db_path == Path("from-env.db")
    assert settings.summary_sentences == 5
    assert settings.discord_token == "secret-abc"
    assert "secret-abc" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DIGESTBOT_SUMMARY_SENTENCES": "three"}, "whole number"),
        ({"DIGESTBOT_SUMMARY_SENTENCES": "0"}, "between 1 and 20"),
        ({"DIGESTBOT_SUMMARY_ALGORITHM": "gpt"}, "must be one of"),
    ],
)
def test_bad_settings_have_clear_messages(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env, tmp_path / "none.env")
