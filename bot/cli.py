"""The `digestbot` command line: a thin adapter that turns library errors into one clean line."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

from bot import __version__, services
from bot.config import Settings, load_settings
from bot.core.digest import parse_week, week_of
from bot.core.ingest import list_article_files
from bot.core.render import format_day, quote_attribution
from bot.errors import DigestBotError
from bot.store.queries import Store

log = logging.getLogger("bot")

PROGRESS_MIN_FILES = 20  # below this an ingest is quick enough to need no progress bar


def _out(text: str = "") -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


async def _with_store(settings: Settings, work: Callable[[Store], Awaitable[int]]) -> int:
    async with await Store.open(settings.db_path) as store:
        return await work(store)


def _progress_bar(total: int) -> tqdm | None:
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    return tqdm(total=total, unit="file", desc="ingest", file=sys.stderr, leave=False)


async def _ingest(store: Store, settings: Settings, paths: list[Path]) -> services.IngestReport:
    files, _ = list_article_files(paths)
    bar = _progress_bar(len(files))
    try:
        report = await services.ingest_files(store, settings, paths, bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    for path, reason in report.skipped:
        _err(f"skipped {path}: {reason}")
    for path, note in report.notes:
        _err(f"note {path}: {note}")
    _err(f"ingest: {report.summary()}")
    return report


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    paths = args.paths or [settings.seeds_dir]

    async def work(store: Store) -> int:
        report = await _ingest(store, settings, paths)
        ingested = report.new + report.updated + report.unchanged + report.duplicate
        return 0 if ingested or not report.skipped else 1

    return asyncio.run(_with_store(settings, work))


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    week = parse_week(args.week) if args.week else week_of(datetime.now(UTC))

    async def work(store: Store) -> int:
        if not args.no_ingest:
            await _ingest(store, settings, [settings.seeds_dir])
        digest = await services.week_digest(store, settings, week)
        path, text = services.write_digest(digest, settings.digests_dir)
        _out(text)
        _err(f"digest written to {path}")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_summary(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        article = await services.find_article(store, args.article)
        count = args.sentences or settings.summary_sentences
        sentences = (
            list(article.summary) if count == settings.summary_sentences and not args.algorithm
            else await services.article_summary(article, count, args.algorithm or settings.summary_algorithm)
        )
        _out(f"{article.title or article.source_key}")
        details = [x for x in (article.publisher, article.author, format_day(article.published)) if x]
        _out(" · ".join(details))
        _out()
        for sentence in sentences:
            _out(f"- {sentence}")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        articles = await services.search_articles(store, " ".join(args.query), args.limit)
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
        quotes = await services.find_quotes(store, args.speaker, about, limit=args.limit)
        if not quotes:
            _err("no matching quotations")
            return 1
        for quote in quotes:
            who = quote_attribution(quote.speaker or "unattributed", quote.role)
            _out(f"“{quote.text}”")
            _out(f"    — {who}; {quote.article_title or 'untitled'} ({format_day(quote.published)})")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_speakers(args: argparse.Namespace, settings: Settings) -> int:
    async def work(store: Store) -> int:
        speakers = await store.speakers()
        if not speakers:
            _err("no speakers yet: run `digestbot ingest` first")
            return 1
        for speaker in speakers:
            _out(f"{speaker.quotes:4d}  {speaker.name}")
        return 0

    return asyncio.run(_with_store(settings, work))


def cmd_inspect(args: argparse.Namespace, settings: Settings) -> int:
    if args.sentences:
        settings = dataclasses.replace(settings, summary_sentences=args.sentences)
    results = asyncio.run(services.inspect_files(args.files, settings))
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


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digestbot", description="Digest sector news: summaries, quotes with speakers, weekly digests."
    )
    parser.add_argument("--version", action="version", version=f"digestbot {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details (and tracebacks) to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("digest", help="ingest the sample folder and write this week's digest")
    p.add_argument("--week", help="ISO week such as 2026-W48 (default: this week)")
    p.add_argument("--no-ingest", action="store_true", help="use only what is already stored")
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("ingest", help="ingest article files or folders of .txt files")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the seeds folder)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("summary", help="show an article's summary")
    p.add_argument("article", help="article id, file name, URL or words of its title")
    p.add_argument("--sentences", type=_positive, help="number of sentences")
    p.add_argument("--algorithm", help="summariser (news, lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and a non-zero exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings()
        return int(args.func(args, settings))
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
