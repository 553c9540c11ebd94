"""Settings, read once at start from the environment and an optional `.env` file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from bot.errors import ConfigError

SUMMARY_ALGORITHMS = ("news", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of the bot; paths are resolved against the working folder."""

    db_path: Path = Path("data/digestbot.sqlite3")
    seeds_dir: Path = Path("seeds")
    digests_dir: Path = Path("digests")
    summary_sentences: int = 3
    summary_algorithm: str = "news"
    max_file_bytes: int = 2_000_000
    log_level: str = "INFO"
    discord_token: str | None = field(default=None, repr=False)
    # live sources
    allow_private_urls: bool = False
    poll_minutes: int = 30
    fetch_timeout: int = 30
    max_fetch_bytes: int = 5_000_000
    max_failures: int = 8
    # discord bot
    digest_grace_hours: int = 24
    digest_retry_seconds: float = 600.0


def _int(env: Mapping[str, str], key: str, default: int, low: int, high: int) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{key} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{key} must be between {low} and {high}, got {value}")
    return value


def _bool(env: Mapping[str, str], key: str, default: bool) -> bool:
    raw = env.get(key, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{key} must be 1 or 0, got {raw!r}")


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")) -> Settings:
    """Merge `.env` under the real environment (the environment wins) and validate."""
    env: dict[str, str] = {}
    if dotenv is not None and dotenv.is_file():
        env.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
    env.update(os.environ if environ is None else environ)
    algorithm = env.get("DIGESTBOT_SUMMARY_ALGORITHM", "news").strip().lower() or "news"
    if algorithm not in SUMMARY_ALGORITHMS:
        raise ConfigError(
            f"DIGESTBOT_SUMMARY_ALGORITHM must be one of {', '.join(SUMMARY_ALGORITHMS)}, got {algorithm!r}"
        )
    return Settings(
        db_path=Path(env.get("DIGESTBOT_DB") or "data/digestbot.sqlite3"),
        seeds_dir=Path(env.get("DIGESTBOT_SEEDS") or "seeds"),
        digests_dir=Path(env.get("DIGESTBOT_DIGESTS_DIR") or "digests"),
        summary_sentences=_int(env, "DIGESTBOT_SUMMARY_SENTENCES", 3, 1, 20),
        summary_algorithm=algorithm,
        max_file_bytes=_int(env, "DIGESTBOT_MAX_FILE_BYTES", 2_000_000, 1_000, 100_000_000),
        log_level=(env.get("DIGESTBOT_LOG_LEVEL") or "INFO").upper(),
        discord_token=(env.get("DISCORD_TOKEN") or "").strip() or None,
        allow_private_urls=_bool(env, "DIGESTBOT_ALLOW_PRIVATE_URLS", False),
        poll_minutes=_int(env, "DIGESTBOT_POLL_MINUTES", 30, 1, 7 * 24 * 60),
        fetch_timeout=_int(env, "DIGESTBOT_FETCH_TIMEOUT", 30, 1, 600),
        max_fetch_bytes=_int(env, "DIGESTBOT_MAX_FETCH_BYTES", 5_000_000, 10_000, 100_000_000),
        max_failures=_int(env, "DIGESTBOT_MAX_FAILURES", 8, 1, 1000),
        digest_grace_hours=_int(env, "DIGESTBOT_DIGEST_GRACE_HOURS", 24, 0, 7 * 24),
        digest_retry_seconds=float(_int(env, "DIGESTBOT_DIGEST_RETRY_SECONDS", 600, 1, 24 * 60 * 60)),
    )
