"""Settings as self-hosters write them: `~` in paths, a UTF-16 `.env`, misspelt names, a log file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import load_settings, unknown_names
from bot.errors import ConfigError


def test_a_tilde_in_a_path_is_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env_file = tmp_path / ".env"
    env_file.write_text("DIGESTBOT_DB=~/bot/db.sqlite3\nDIGESTBOT_LOG_FILE=~/bot/bot.log\n")
    settings = load_settings({}, env_file)
    assert settings.db_path == tmp_path / "home" / "bot" / "db.sqlite3"
    assert settings.log_file == tmp_path / "home" / "bot" / "bot.log"
    assert load_settings({}, None).log_file is None  # no log file unless asked for


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-8"])
def test_dotenv_saved_by_any_common_editor_is_read(tmp_path: Path, encoding: str) -> None:
    env_file = tmp_path / ".env"
    text = "DIGESTBOT_SUMMARY_SENTENCES=5\nDIGESTBOT_DIGESTS_DIR=Résumés\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # what Windows' "Unicode big endian" writes
    env_file.write_bytes(data)
    settings = load_settings({}, env_file)
    assert (settings.summary_sentences, settings.digests_dir) == (5, Path("Résumés"))


def test_an_unreadable_dotenv_is_one_clear_error(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_bytes(b"DIGESTBOT_DB=\xff\xfa\xfb.db\n")
    with pytest.raises(ConfigError, match=r"\.env is not UTF-8 text: save it as UTF-8"):
        load_settings({}, env_file)


def test_misspelt_names_are_warned_with_the_nearest_known_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("DIGESTBOT_POLL_MINUTE=5\n")
    with caplog.at_level(logging.WARNING, logger="bot.config"):
        settings = load_settings({"DIGESTBOT_LOGLEVEL": "DEBUG", "DIGESTBOT_ZEBRA": "1", "PATH": "/bin"}, env_file)
    assert settings.poll_minutes == 30
    messages = [r.getMessage() for r in caplog.records]
    assert "unknown setting DIGESTBOT_POLL_MINUTE is ignored: did you mean DIGESTBOT_POLL_MINUTES?" in messages
    assert "unknown setting DIGESTBOT_LOGLEVEL is ignored: did you mean DIGESTBOT_LOG_LEVEL?" in messages
    assert any(m.startswith("unknown setting DIGESTBOT_ZEBRA is ignored (see .env.example") for m in messages)
    assert len(messages) == 3  # PATH and the known names are not ours to judge
    assert unknown_names(["DIGESTBOT_DB", "HOME"]) == []


def test_a_log_level_that_does_not_exist_is_one_line() -> None:
    with pytest.raises(ConfigError, match="LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, got 'VERBOSE'"):
        load_settings({"DIGESTBOT_LOG_LEVEL": "VERBOSE"}, None)
