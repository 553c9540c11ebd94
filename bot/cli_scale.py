"""The `digestbot` commands of a scaled-out deployment: `poll`, `migrate-to`, and `run`'s shard options.

Apart from cli.py so the one-machine commands stay as they were; the same rules hold (an adapter: services
only, every failure one line).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal

from bot.cli_ops import setup_logging
from bot.config import Settings
from bot.errors import ConfigError
from bot.services.scaling import ShardPlan, migrate_to, parse_shards, run_poller
from bot.store.engine import is_postgres

log = logging.getLogger("bot")


def _out(text: str) -> None:
    print(text)


def cmd_migrate_to(args: argparse.Namespace, settings: Settings) -> int:
    source = settings.database_url or settings.db_path
    counts = asyncio.run(migrate_to(source, args.url))
    for table, count in counts.items():
        _out(f"{table:16} {count:>9}")
    _out(f"copied {sum(counts.values())} rows; every table's count checked against the SQLite file")
    return 0


def cmd_poll(args: argparse.Namespace, settings: Settings) -> int:
    setup_logging(settings, verbose=args.verbose, bot=True)  # a long-running process logs like the bot
    if not is_postgres(settings.database_url or ""):
        log.warning("polling an SQLite file: only processes on this machine can share it")

    async def main() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        await run_poller(settings, stop)
        return 0

    return asyncio.run(main())


def shard_plan(args: argparse.Namespace) -> ShardPlan | None:
    """The shards `run` was asked to connect, or None for one process holding every server."""
    if args.shards is None and args.shard_count is None:
        return None
    if args.shards is None or args.shard_count is None or args.shard_count < 1:
        raise ConfigError("--shards and --shard-count go together, e.g. --shards 0-3 --shard-count 8")
    return parse_shards(args.shards, args.shard_count)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options of `run` for running several bot processes (see README, "Scaling out")."""
    parser.add_argument("--shards", metavar="IDS", help="connect only these shards, e.g. 0-3 (needs --shard-count)")
    parser.add_argument("--shard-count", type=int, metavar="N", help="how many shards all processes share")
    parser.add_argument("--no-poll", action="store_true", help="leave feeds and pages to `digestbot poll`")


def add_scale_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """poll and migrate-to: the other processes of a scaled-out deployment."""
    p = sub.add_parser("poll", help="poll feeds and pages every DIGESTBOT_POLL_MINUTES (no Discord connection)")
    p.set_defaults(func=cmd_poll)

    p = sub.add_parser("migrate-to", help="copy the SQLite database into an empty PostgreSQL database")
    p.add_argument("url", help="postgresql://user:password@host/database")
    p.set_defaults(func=cmd_migrate_to)
