"""Settings, read once at start from the environment and an optional `.env` file.

`SETTINGS` is the one table of them: the environment name, the field it fills, its bounds and what it
does. Loading, `.env.example` and the README's settings table all follow it (a test checks the last two).
"""

from __future__ import annotations

import difflib
import io
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from dotenv import dotenv_values

from bot.core.summarise import ALGORITHMS
from bot.errors import ConfigError

log = logging.getLogger(__name__)

SUMMARY_ALGORITHMS = tuple(ALGORITHMS)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of the bot, with its default; paths are resolved against the working folder."""

    db_path: Path = Path("data/digestbot.sqlite3")
    seeds_dir: Path = Path("seeds")
    digests_dir: Path = Path("digests")
    summary_sentences: int = 3
    summary_algorithm: str = "news"
    max_file_bytes: int = 2_000_000
    log_level: str = "INFO"
    log_file: Path | None = None
    discord_token: str | None = field(default=None, repr=False)
    # live sources
    allow_private_urls: bool = False
    poll_minutes: int = 30
    fetch_timeout: int = 30
    max_fetch_bytes: int = 5_000_000
    max_failures: int = 8
    source_deadline: int = 300
    # discord bot
    digest_grace_hours: int = 24
    digest_retry_seconds: float = 600.0
    # scaling out (README "Scaling out")
    database_url: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Setting:
    """One environment variable: the field it sets, how it is read, its bounds or choices, and what it does."""

    env: str
    field: str
    kind: str  # "path", "int", "bool", "choice" or "secret"
    help: str
    low: int = 0
    high: int = 0
    choices: tuple[str, ...] = ()

    @property
    def default(self) -> object:
        """The default, as written in `Settings`."""
        return next(f.default for f in fields(Settings) if f.name == self.field)

    @property
    def written_default(self) -> str:
        """The default as it is written in `.env` ("" for none, 1/0 for yes/no)."""
        value = self.default
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(int(value))
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)


SETTINGS: tuple[Setting, ...] = (
    Setting("DIGESTBOT_DB", "db_path", "path", "the SQLite database (created on first use)"),
    Setting("DIGESTBOT_SEEDS", "seeds_dir", "path",
            "the sample articles, used by the command line while no other source is set up"),
    Setting("DIGESTBOT_DIGESTS_DIR", "digests_dir", "path", "where `YYYY-Www.md` digests are written"),
    Setting("DIGESTBOT_SUMMARY_SENTENCES", "summary_sentences", "int", "sentences per summary", 1, 20),
    Setting("DIGESTBOT_SUMMARY_ALGORITHM", "summary_algorithm", "choice", "the summariser",
            choices=SUMMARY_ALGORITHMS),
    Setting("DIGESTBOT_MAX_FILE_BYTES", "max_file_bytes", "int", "larger article files are skipped",
            1_000, 100_000_000),
    Setting("DIGESTBOT_LOG_LEVEL", "log_level", "choice", "log level of the bot", choices=LOG_LEVELS),
    Setting("DIGESTBOT_LOG_FILE", "log_file", "path",
            "also log to this file, rotated at 5 MB with 3 old files kept (default: stderr only)"),
    Setting("DISCORD_TOKEN", "discord_token", "secret", "the bot token (only for the Discord bot; never logged)"),
    Setting("DIGESTBOT_ALLOW_PRIVATE_URLS", "allow_private_urls", "bool",
            "`1` lets feeds and pages be fetched from loopback and private addresses (your own network)"),
    Setting("DIGESTBOT_POLL_MINUTES", "poll_minutes", "int", "how often the Discord bot polls the sources",
            1, 7 * 24 * 60),
    Setting("DIGESTBOT_FETCH_TIMEOUT", "fetch_timeout", "int",
            "seconds a feed or page may take to download (connecting: at most 10)", 1, 600),
    Setting("DIGESTBOT_MAX_FETCH_BYTES", "max_fetch_bytes", "int", "larger feeds and pages are refused",
            10_000, 100_000_000),
    Setting("DIGESTBOT_MAX_FAILURES", "max_failures", "int",
            "a source is disabled after this many failed polls in a row", 1, 1000),
    Setting("DIGESTBOT_SOURCE_DEADLINE", "source_deadline", "int",
            "seconds one poll of a feed may take; the items left wait for the next poll", 10, 24 * 60 * 60),
    Setting("DIGESTBOT_DIGEST_GRACE_HOURS", "digest_grace_hours", "int",
            "a weekly digest missed while the bot was down is still posted this many hours late", 0, 7 * 24),
    Setting("DIGESTBOT_DIGEST_RETRY_SECONDS", "digest_retry_seconds", "int",
            "wait before retrying a post that failed for a passing reason (Discord 5xx, network)", 1, 24 * 60 * 60),
    Setting("DIGESTBOT_DATABASE_URL", "database_url", "secret",
            "`postgresql://user:password@host/db` keeps the data in PostgreSQL (several processes and hosts);"
            " a path or `sqlite:///path` is an SQLite file; unset: `DIGESTBOT_DB` (never logged)"),
)


def _parse(setting: Setting, raw: str) -> object:
    """Turn one non-empty raw value into the field's value; ConfigError says what is wrong."""
    key = setting.env
    if setting.kind == "path":
        return Path(raw).expanduser()  # a `~` in .env means the home folder, as in a shell
    if setting.kind == "secret":
        return raw
    if setting.kind == "choice":
        value = next((c for c in setting.choices if c.casefold() == raw.casefold()), None)
        if value is None:
            raise ConfigError(f"{key} must be one of {', '.join(setting.choices)}, got {raw!r}")
        return value
    if setting.kind == "bool":
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{key} must be 1 or 0, got {raw!r}")
    try:
        number = int(raw)
    except ValueError:
        raise ConfigError(f"{key} must be a whole number, got {raw!r}") from None
    if not setting.low <= number <= setting.high:
        raise ConfigError(f"{key} must be between {setting.low} and {setting.high}, got {number}")
    return number


def _read_dotenv(path: Path) -> dict[str, str]:
    """Read a `.env` file saved as UTF-8 or, as some Windows editors do, UTF-16 (with its byte-order mark)."""
    data = path.read_bytes()
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text: save it as UTF-8 and try again") from None
    return {k: v for k, v in dotenv_values(stream=io.StringIO(text)).items() if v is not None}


def dotenv_names(path: Path) -> set[str]:
    """The names a `.env` file sets (for the misspelling check of `doctor`)."""
    return set(_read_dotenv(path))


def unknown_names(names: object) -> list[str]:
    """One warning per DIGESTBOT_* name no setting has, with the nearest known name when there is one."""
    known = [s.env for s in SETTINGS]
    prefix = "DIGESTBOT_"
    tails = {name.removeprefix(prefix): name for name in known}  # the shared prefix would make all look alike
    warnings = []
    for name in sorted({n for n in names if isinstance(n, str) and n.startswith(prefix)} - set(known)):
        near = difflib.get_close_matches(name.removeprefix(prefix), list(tails), n=1, cutoff=0.6)
        hint = f": did you mean {tails[near[0]]}?" if near else " (see .env.example for the settings)"
        warnings.append(f"unknown setting {name} is ignored{hint}")
    return warnings


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")) -> Settings:
    """Merge `.env` under the real environment (the environment wins) and validate every setting.

    A misspelt DIGESTBOT_* name would otherwise be silently ignored, so it is logged as a warning.
    """
    env: dict[str, str] = {}
    if dotenv is not None and dotenv.is_file():
        env.update(_read_dotenv(dotenv))
    env.update(os.environ if environ is None else environ)
    for warning in unknown_names(env):
        log.warning("%s", warning)
    values = {}
    for setting in SETTINGS:
        raw = env.get(setting.env, "").strip()
        if raw:
            values[setting.field] = _parse(setting, raw)
    return Settings(**values)  # type: ignore[arg-type]
