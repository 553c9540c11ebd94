"""The `digestbot` command line: a thin adapter that turns library errors into one clean line."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

from bot import __version__
from bot.cli_ops import add_ops_commands, setup_logging
from bot.cli_scale import add_run_options, add_scale_commands, shard_plan
from bot.config import SUMMARY_ALGORITHMS, Settings, load_settings
from bot.core.digest import parse_week, week_of
from bot.core.files import list_article_files
from bot.core.markdown import byline, format_day, quote_attribution, speaker_label
from bot.core.records import SourceRecord
from bot.errors import DigestBotError, InputError
from bot.services.digests import arrived_since, week_digest, write_digest
from bot.services.guilds import forget_guild, guild_is_known
from bot.services.ingest import IngestReport, ingest_files
from bot.services.inspect import inspect_files
from bot.services.lookups import article_choices, find_quotes, search_articles, speakers, summary_lines
from bot.services.pages import ingest_url
from bot.services.poll import PollReport, PollStatus, poll_sources
from bot.services.samples import after_removal, forget_week, use_samples
from bot.services.sources import add_source, is_url, list_sources, remove_source, set_source_enabled, source_health
from bot.services.storage import Store, open_store

log = logging.getLogger("bot")

PROGRESS_MIN_FILES = 20  # below this an ingest is quick enough to need no progress bar
MAX_ID = 2**63 - 1  # SQLite's largest integer; Discord ids are far below it


def _out(text: str = "") -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


async def _with_store(settings: Settings, work: Callable[[Store], Awaitable[int]]) -> int:
    async with await open_store(settings) as store:
        return await work(store)


def _progress_bar(total: int) -> tqdm | None:
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    return tqdm(total=total, unit="file", desc="ingest", file=sys.stderr, leave=False)


async def _ingest(store: Store, settings: Settings, paths: list[Path]) -> IngestReport:
    files, _ = list_article_files(paths)
    bar = _progress_bar(len(files))
    try:
        report = await ingest_files(store, settings, paths, bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    for path, reason in report.skipped:
        _err(f"skipped {path}: {reason}")
    for path, note in report.notes:
        _err(f"note {path}: {note}")
    _err(f"ingest: {report.summary()}")
    return report


# live sources ------------------------------------------------------------------------------------


async def _poll(store: Store, settings: Settings) -> PollReport:
    """Poll every enabled source once (the samples too, while nothing else is set up) and report on stderr."""
    samples = await use_samples(store, settings)
    if samples is not None and samples.enabled:
        _err(f"using the sample articles in {samples.location}: add your own with `digestbot sources add`")
    bar = tqdm(unit="article", desc="ingest", file=sys.stderr, leave=False) if sys.stderr.isatty() else None
    try:
        report = await poll_sources(store, settings, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    total = report.ingest
    for where, reason in total.skipped:
        _err(f"skipped {where}: {reason}")
    for where, note in total.notes:
        _err(f"note {where}: {note}")
    for poll in report.polls:
        if poll.status not in (PollStatus.OK, PollStatus.NOT_MODIFIED) or poll.detail:
            _err(f"source [{poll.source.id}] {poll.source.name}: {poll.status.value}: {poll.detail}")
    if not report.polls:
        _err("no sources to poll: add one with `digestbot sources add URL|FOLDER`")
    _err(f"ingest: {report.summary()}")
    return report


def _ingested(report: IngestReport) -> int:
    return report.new + report.updated + report.unchanged + report.duplicate


async def _ingest_urls(store: Store, settings: Settings, urls: list[str]) -> bool:
    """Ingest article pages one by one; a failure is one line and the others still go ahead."""
    ok = True
    for url in urls:
        try:
            page = await ingest_url(store, settings, url)
        except DigestBotError as exc:
            _err(f"digestbot: error: {exc}")
            ok = False
            continue
        _err(f"{page.outcome.value}: [{page.article_id}] {page.title or page.url}")
    return ok


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    urls = [t for t in args.targets if is_url(t)]
    paths = [Path(t) for t in args.targets if not is_url(t)]

    async def work(store: Store) -> int:
        if not args.targets:
            polled = await _poll(store, settings)
            total = polled.ingest
            return 0 if _ingested(total) or not (total.skipped or polled.failed) else 1
        ok = True
        if paths:
            report = await _ingest(store, settings, paths)
            ok = bool(_ingested(report)) or not report.skipped
        return 0 if await _ingest_urls(store, settings, urls) and ok else 1

    return asyncio.run(_with_store(settings, work))


def _source_lines(source: SourceRecord) -> list[str]:
    """Describe a source and its health in a few lines."""
    state = ("polled" if source.poll else "ingested by hand") if source.enabled else "disabled"
    guild = f", guild {source.guild_id}" if source.guild_id else ""
    return [
        f"[{source.id}] {source.name} ({source.kind}, {state}{guild}, {source.articles} articles)",
        f"    {source.location}",
        f"    {source_health(source).text}",
    ]


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        if args.action == "add":
            if not args.target.strip():
                raise InputError("give a feed URL or a folder to add (an empty name is not the current folder)")
            source = await add_source(store, settings, args.target, args.name)
            _out(f"added [{source.id}] {source.name} ({source.kind}: {source.location})")
            await use_samples(store, settings)  # a real source retires the sample articles
        elif args.action == "list":
            found = await list_sources(store)
            if not found:
                _err("no sources yet: add one with `digestbot sources add URL|FOLDER`")
            for source in found:
                _out("\n".join(_source_lines(source)))
        elif args.action == "remove":
            source = await remove_source(store, args.source)
            await after_removal(store, settings, source)
            _out(f"removed [{source.id}] {source.name} and its {source.articles} article(s)")
        else:
            source = await set_source_enabled(store, args.source, args.action == "enable")
            _out(f"{args.action}d [{source.id}] {source.name}")
        return 0

    return asyncio.run(_with_store(settings, work))


def _chosen_week(text: str | None) -> str:
    """This week, or a past or current ISO week: a future one would take every new article for itself."""
    this_week = week_of(datetime.now(UTC))
    if not text:
        return this_week
    week = parse_week(text)
    if week > this_week:
        raise InputError(f"{week} has not started yet (this week is {this_week}); choose this week or an earlier one")
    return week


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    if args.rebuild and not args.week:
        raise InputError("--rebuild needs --week: say which week to build again")
    week = _chosen_week(args.week)

    async def work(store: Store) -> int:
        if not args.no_ingest:
            await _poll(store, settings)
        if args.rebuild and await forget_week(store, week):
            _err(f"building {week} again from the articles ingested since the previous digest")
        digest = await week_digest(store, settings, week)
        path, text = write_digest(digest, settings.digests_dir)
        _out(text)
        _err(f"digest written to {path}")
        if week == week_of(datetime.now(UTC)) and (waiting := await arrived_since(store, week)):
            _err(f"{waiting} article(s) arrived after this week's digest was made and will be in next week's;"
                 f" `digestbot digest --rebuild --week {week}` takes them in now")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_summary(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        choices = await article_choices(store, args.article, limit=6)
        if len(choices) > 1:
            listed = "; ".join(f"[{a.id}] {a.title or a.source_key}" for a in choices[:5])
            more = " and more" if len(choices) > 5 else ""
            raise InputError(f"{args.article!r} matches several articles: {listed}{more}; give the id")
        article = choices[0]
        sentences = await summary_lines(settings, article, args.sentences, args.algorithm)
        _out(f"{article.title or article.source_key}")
        _out(byline(article))
        _out()
        for sentence in sentences:
            _out(f"- {sentence}")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        articles = await search_articles(store, " ".join(args.query), args.limit)
        if not articles:
            _err("no matching articles")
            return 1
        for article in articles:
            _out(f"[{article.id}] {article.title or article.source_key} ({format_day(article.published)})")
            for sentence in article.summary:
                _out(f"    {sentence}")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        about = " ".join(args.query) or None
        quotes = await find_quotes(store, args.speaker, about, limit=args.limit)
        if not quotes:
            _err("no matching quotations")
            return 1
        for quote in quotes:
            who = quote_attribution(quote.speaker or "unattributed", quote.role, quote.speaker_kind)
            _out(f"“{quote.text}”")
            _out(f"    — {who}; {quote.article_title or 'untitled'} ({format_day(quote.published)})")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_speakers(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        found = await speakers(store)
        if not found:
            _err("no speakers yet: run `digestbot ingest` first")
            return 1
        for speaker in found:
            _out(f"{speaker.quotes:4d}  {speaker_label(speaker.name, speaker.kind)}")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_inspect(args: argparse.Namespace, settings: Settings) -> int:
    if args.sentences:
        settings = dataclasses.replace(settings, summary_sentences=args.sentences)
    results = asyncio.run(inspect_files(args.files, settings))
    if args.json:
        _out(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for item in results:
        _out(f"== {item['file']}")
        for key in ("error", "title", "published", "author", "publisher"):
            if key in item:
                _out(f"{key:10} {item[key]}")
        for sentence in item.get("summary", []):  # type: ignore[union-attr]
            _out(f"  - {sentence}")
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.discord_app.client import run_bot  # discord.py is imported only by the command that needs it

    setup_logging(settings, verbose=args.verbose, bot=True)
    asyncio.run(run_bot(settings, shards=shard_plan(args), poll=not args.no_poll))
    return 0


def cmd_forget_server(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        if not await guild_is_known(store, args.server_id):
            _err(f"server {args.server_id} left nothing here (no settings, sources or posts): nothing to delete")
            return 1
        await forget_guild(store, args.server_id)
        _err(f"deleted the settings, digests, sources and articles of server {args.server_id}")
        return 0

    return asyncio.run(_with_store(settings, work))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _server_id(text: str) -> int:
    value = _positive(text)
    if value > MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not a Discord server id (they have at most 19 digits)")
    return value


def _algorithm(text: str) -> str:
    """Any capitalisation of a summariser's name, as the setting accepts."""
    found = next((name for name in SUMMARY_ALGORITHMS if name.casefold() == text.strip().casefold()), None)
    if found is None:
        raise argparse.ArgumentTypeError(f"choose one of {', '.join(SUMMARY_ALGORITHMS)}, got {text!r}")
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digestbot", description="Digest sector news: summaries, quotes with speakers, weekly digests."
    )
    parser.add_argument("--version", action="version", version=f"digestbot {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details (and tracebacks) to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_ingest_commands(sub)
    _add_lookup_commands(sub)
    _add_bot_commands(sub)
    add_ops_commands(sub)
    add_scale_commands(sub)
    _verbose_everywhere(parser)
    return parser


def _verbose_everywhere(parser: argparse.ArgumentParser) -> None:
    """Accept -v after the command too (`digestbot digest -v`), as every error message suggests it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                child.add_argument(
                    "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
                )
                _verbose_everywhere(child)


Commands = argparse._SubParsersAction  # the type argparse gives `add_subparsers()`


def _add_ingest_commands(sub: Commands) -> None:
    """digest, ingest and sources: getting articles in and the week's digest out."""

    p = sub.add_parser("digest", help="ingest the sources (the seeds folder at least), write this week's digest")
    p.add_argument("--week", help="ISO week such as 2026-W48 (default: this week)")
    p.add_argument("--no-ingest", action="store_true", help="use only what is already stored")
    p.add_argument("--rebuild", action="store_true",
                   help="build --week again from the articles ingested since the previous digest")
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("ingest", help="poll the sources once, or ingest article URLs, files and folders")
    p.add_argument(
        "targets", nargs="*", metavar="URL|PATH",
        help="article page URLs, .txt files or folders (default: poll every enabled source and the seeds folder)",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("sources", help="manage live sources: feeds and folders polled by `ingest`")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("add", help="add a feed URL (or a web page that links to its feed) or a folder")
    a.add_argument("target", metavar="URL|PATH")
    a.add_argument("--name", help="a name to show (default: the feed's title or the folder's name)")
    actions.add_parser("list", help="list sources with their health")
    a = actions.add_parser("remove", help="delete a source and the articles no other source carries")
    a.add_argument("source", help="source id, URL or name")
    for action, text in (("enable", "poll a source again, forgetting its failures"), ("disable", "stop polling")):
        a = actions.add_parser(action, help=text)
        a.add_argument("source", help="source id, URL or name")
    p.set_defaults(func=cmd_sources)


def _add_lookup_commands(sub: Commands) -> None:
    """summary, search, quotes, speakers and inspect: answers from what is stored (or from files)."""
    p = sub.add_parser("summary", help="show an article's summary")
    p.add_argument("article", help="article id, file name, URL or words of its title")
    p.add_argument("--sentences", type=_positive, help="number of sentences")
    p.add_argument("--algorithm", type=_algorithm, metavar="NAME",
                   help=f"summariser: {', '.join(SUMMARY_ALGORITHMS)} (default: the setting)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("search", help="search stored articles")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=_positive, default=10)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("quotes", help="look up quotations, newest first")
    p.add_argument("query", nargs="*", help="words the quotation is about")
    p.add_argument("--speaker", help="who said it (small misspellings are fine)")
    p.add_argument("--limit", type=_positive, default=10)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("speakers", help="list quoted people, most quoted first")
    p.set_defaults(func=cmd_speakers)

    p = sub.add_parser("inspect", help="run the pipeline on files without storing them")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON (the format eval/score.py reads)")
    p.add_argument("--sentences", type=_positive, help="summary sentences (default: the setting)")
    p.set_defaults(func=cmd_inspect)


def _add_bot_commands(sub: Commands) -> None:
    """run and forget-server: the Discord bot and what its servers left behind."""
    p = sub.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    add_run_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("forget-server", help="delete what a Discord server added: settings, its sources, articles")
    p.add_argument("server_id", type=_server_id, help="the server (guild) id, as in the bot's log")
    p.set_defaults(func=cmd_forget_server)


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and a non-zero exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(None, verbose=args.verbose)
    try:
        settings = load_settings()
        if args.func is not cmd_run:
            setup_logging(settings, verbose=args.verbose)
        code = int(args.func(args, settings))
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, rather than at exit
        return code
    except BrokenPipeError:
        # The reader stopped (`digestbot quotes | head -1`): end quietly, and keep Python's exit-time flush
        # of stdout from failing again on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a command whose reader went away
    except DigestBotError as exc:
        _err(f"digestbot: error: {exc}")
        return 1
    except KeyboardInterrupt:
        _err("digestbot: interrupted")
        return 130
    except Exception as exc:  # the last line of defence: one line, details only when asked
        log.debug("unexpected error", exc_info=True)
        _err(f"digestbot: unexpected error: {type(exc).__name__}: {exc} (run with -v for details)")
        return 1
