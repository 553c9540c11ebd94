"""The operator's commands beside the everyday ones: doctor, invite, backup, restore; and logging set-up.

Like cli.py it only parses input, calls a service and prints one line per fact; discord.py is imported
only by the commands that talk to Discord.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from bot.config import Settings, dotenv_names
from bot.services.backup import (
    DatabaseFacts,
    backup_database,
    bot_running,
    database_facts,
    database_file,
    restore_database,
    uses_postgres,
)
from bot.services.doctor import Check, local_checks

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_BYTES = 5_000_000
LOG_FILE_COUNT = 3
CONSOLE, LOG_FILE = "digestbot-console", "digestbot-log-file"  # the names of the handlers set up here


def setup_logging(settings: Settings | None, *, verbose: bool, bot: bool = False) -> None:
    """stderr always, plus the rotated DIGESTBOT_LOG_FILE when set.

    A command prints its own report of what the services did, so their log lines would say it twice: below
    -v the command line shows only the warnings of SHOWN. The bot logs everything at its level.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() in (CONSOLE, LOG_FILE)]:
        root.removeHandler(old)  # main may run more than once in a process (tests): set up anew
        if old.get_name() == LOG_FILE:
            old.close()
    console = logging.StreamHandler(sys.stderr)
    console.set_name(CONSOLE)
    root.addHandler(console)
    # a command's warnings read like its errors; the bot's log has times and module names
    console.setFormatter(logging.Formatter(LOG_FORMAT if bot or verbose else "digestbot: %(levelname)s: %(message)s"))
    level = logging.DEBUG if verbose else (settings.log_level if bot and settings else logging.WARNING)
    root.setLevel(level)
    if not verbose:
        logging.getLogger("apscheduler").setLevel(logging.WARNING)  # it logs every job run at INFO
        if not bot:
            console.addFilter(_not_reported_twice)
    if settings is not None and settings.log_file is not None:
        path = settings.log_file
        path.parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_COUNT, encoding="utf-8"
        )
        rotating.setFormatter(logging.Formatter(LOG_FORMAT))
        rotating.set_name(LOG_FILE)
        root.addHandler(rotating)


# Loggers whose warnings a command shows: the settings, the database and the command line. The services,
# the network layer and the libraries below them log what the command then reports itself in one line
# (a skipped file, a refused URL, a failing source); -v and the log file show them all.
SHOWN = ("bot", "bot.config", "bot.store", "bot.cli")


def _not_reported_twice(record: logging.LogRecord) -> bool:
    return record.name in SHOWN or record.name.startswith(tuple(f"{name}." for name in SHOWN[1:]))


def _out(text: str = "") -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _env_names() -> set[str]:
    """Every name the settings may come from: the environment and the .env file of this folder."""
    names = set(os.environ)
    env_file = Path(".env")
    if env_file.is_file():
        names |= dotenv_names(env_file)
    return names


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> list[Check]:
        found, schedules = await local_checks(settings, _env_names())
        token = settings.discord_token
        if not token:
            found.append(Check(False, "DISCORD_TOKEN is not set", "put the bot's token in .env to use `digestbot run`"
                               " (README, 'Discord bot'); the command line works without it"))
            return found
        from bot.discord_app.doctor import discord_checks  # discord.py only when there is a token to try

        return found + await discord_checks(token, schedules)

    checks = asyncio.run(work())
    for check in checks:
        _out(check.line())
    failed = sum(not c.ok for c in checks)
    _err(f"doctor: {len(checks) - failed} ok, {failed} to fix" if failed else f"doctor: all {len(checks)} checks ok")
    return 1 if failed else 0


def cmd_health(args: argparse.Namespace, settings: Settings) -> int:
    """For a container's HEALTHCHECK: the bot holds its run lock and the database passes quick_check."""
    if not bot_running(settings):
        _err("unhealthy: `digestbot run` is not running on this database")
        return 1
    if uses_postgres(settings):  # the server checks its own data; doctor says whether it is reachable
        _out("healthy: the bot is running; database on PostgreSQL")
        return 0
    facts = database_facts(database_file(settings))
    if facts.integrity != "ok":
        _err(f"unhealthy: database quick_check: {facts.integrity}")
        return 1
    _out(f"healthy: the bot is running; database schema v{facts.version}, quick_check ok")
    return 0


def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    from bot.discord_app.doctor import application_id_from_token
    from bot.discord_app.invite import PERMISSIONS, invite_url
    from bot.errors import InputError

    if args.client_id is None and not settings.discord_token:
        raise InputError("give --client-id (Application ID in the Developer Portal) or set DISCORD_TOKEN")
    app = args.client_id or application_id_from_token(settings.discord_token or "")
    _out(invite_url(app))
    _err(f"scopes bot and applications.commands; permissions {PERMISSIONS.value}: View Channels, Send Messages,"
         " Embed Links, Send Messages in Threads")
    return 0


def _facts(facts: DatabaseFacts) -> str:
    return f"schema v{facts.version}, {facts.articles} articles, {facts.quotes} quotes, {facts.size:,} bytes"


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    path, facts = asyncio.run(backup_database(settings, args.path))
    _out(str(path))
    _err(f"backed up {database_file(settings)} ({_facts(facts)})")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    done = asyncio.run(restore_database(settings, args.path))
    if done.previous is not None:
        _err(f"the database it replaced is kept at {done.previous}")
    _err(f"restored {database_file(settings)} from {args.path} ({_facts(done.facts)})")
    return 0


def _client_id(text: str) -> int:
    if not text.strip().isdigit() or len(text.strip()) > 20:
        raise argparse.ArgumentTypeError(f"an application id is a number such as 1234567890123456789, got {text!r}")
    return int(text)


def add_ops_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """doctor, invite, backup and restore."""
    p = sub.add_parser("doctor", help="check the set-up: settings, folders, database, sources, Discord")
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser("health", help="exit 0 when the bot is running and its database is sound (HEALTHCHECK)")
    p.set_defaults(func=cmd_health)

    p = sub.add_parser("invite", help="print the URL that adds the bot to a server, with the permissions it needs")
    p.add_argument("--client-id", type=_client_id, help="the Application ID (default: read from DISCORD_TOKEN)")
    p.set_defaults(func=cmd_invite)

    p = sub.add_parser("backup", help="copy the database (safe while the bot runs)")
    p.add_argument("path", nargs="?", type=Path, metavar="PATH",
                   help="file to write (default: a dated file in data/backups)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a backup (stop the bot first)")
    p.add_argument("path", type=Path, metavar="PATH", help="a file written by `digestbot backup`")
    p.set_defaults(func=cmd_restore)
