"""The settings table in bot/config.py is the one list: `.env.example` and the README follow it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import SETTINGS, Settings, load_settings
from bot.errors import ConfigError
from tests.conftest import REPO


def test_every_setting_is_in_env_example_with_its_default() -> None:
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    written = dict(re.findall(r"^([A-Z_]+)=(.*)$", example, re.M))
    assert set(written) == {s.env for s in SETTINGS}
    for setting in SETTINGS:
        assert written[setting.env] == setting.written_default, setting.env


def test_every_setting_is_in_the_readme_table_with_its_default() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| (`[^`]*`|—) \|", readme, re.M))
    assert set(rows) == {s.env for s in SETTINGS}
    for setting in SETTINGS:
        shown = f"`{setting.written_default}`" if setting.written_default else "—"
        assert rows[setting.env] == shown, setting.env


def test_the_example_file_loads_as_the_defaults(tmp_path: Path) -> None:
    settings = load_settings({}, REPO / ".env.example")
    assert settings == Settings()


@pytest.mark.parametrize("setting", [s for s in SETTINGS if s.kind == "int"], ids=lambda s: s.env)
def test_each_number_is_refused_just_outside_its_bounds(setting, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for value in (setting.low - 1, setting.high + 1):
        with pytest.raises(ConfigError, match=f"{setting.env} must be between {setting.low} and {setting.high}"):
            load_settings({setting.env: str(value)}, tmp_path / "none.env")
    highest = load_settings({setting.env: str(setting.high)}, tmp_path / "none.env")
    assert getattr(highest, setting.field) == setting.high


def test_an_unknown_log_level_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="DIGESTBOT_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR"):
        load_settings({"DIGESTBOT_LOG_LEVEL": "verbose"}, tmp_path / "none.env")
