"""Speed and memory at scale: a synthetic corpus of 100,000 articles.

    .venv/bin/python bench/scale.py [--articles 100000] [--real 2000] [--quick]

The corpus is a stream of distinct stories, as a week of real feeds is: each story is one of the dev
texts of ../shared/eval/dev (or, without them, the samples in seeds/) with its own people, places and
figures: every capitalised word and every number is renamed for that story. Some stories come from
several outlets (two or three reports with the paragraphs reordered and one left out, under another
headline), so grouping has real work to do. The first `--real` articles go through the whole ingest
(files -> pipeline -> SQLite) to measure the ingest rate; the rest are processed from a pool of base
texts, renamed for their story and written through the same store call, so that a database of this size
can be built in minutes. The digests of the newest 1,000 and 10,000 articles are timed, with their
number of stories.
Look-ups go through the functions the commands call. Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.config import Settings  # noqa: E402
from bot.core.digest import build_digest  # noqa: E402
from bot.core.files import text_hash  # noqa: E402
from bot.core.models import ProcessedArticle  # noqa: E402
from bot.core.pipeline import process_article, short_line_keys  # noqa: E402
from bot.services.ingest import ingest_files, speaker_keys  # noqa: E402
from bot.services.lookups import find_quotes, search_articles  # noqa: E402
from bot.store.engine import open_database  # noqa: E402

_NUMBER = re.compile(r"\d+")
_CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = ("bar", "cel", "dun", "fen", "gal", "hol", "kir", "lom", "mar", "nor", "pel", "ros", "sal", "tam",
              "ver", "wex", "bro", "cal", "den", "for", "har", "lin", "mor", "pen", "rid", "sto", "thr", "wil")
_RSS_LIMIT_MB = 300


def base_texts() -> list[str]:
    """The dev texts beside the repo when there (about 575), else the samples in seeds/."""
    texts = []
    dev = REPO.parent / "shared" / "eval" / "dev"
    for name in ("summaries_dev.jsonl", "summaries_dev_large.jsonl"):
        if (dev / name).is_file():
            for line in (dev / name).read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                texts.append(f"{record['title']}\n\n{record['text']}")
    if (dev / "quotes_dev.json").is_file():
        texts += [a["text"] for a in json.loads((dev / "quotes_dev.json").read_text(encoding="utf-8"))["articles"]]
    return texts or [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]


def outlets(story: int) -> int:
    """How many outlets report a story: one in five stories three, one in five two, the rest one."""
    return (3, 2, 1, 1, 1)[story % 5]


def stream(total: int) -> list[tuple[int, int]]:
    """(story, outlet) of each article in ingest order; an outlet's report follows the first within a few."""
    out: list[tuple[int, int]] = []
    story = 0
    while len(out) < total:
        out.extend((story, outlet) for outlet in range(outlets(story)))
        story += 1
    return out[:total]


def outlet_text(base: str, outlet: int) -> str:
    """One outlet's report of a base text: the first keeps it; others reorder paragraphs, drop one and
    lead with another paragraph's first sentence as the headline."""
    body = base.strip().partition("\n")[2]
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if len(paragraphs) < 3:  # a short text: its sentences are what another outlet reorders
        paragraphs = [s for s in re.split(r"(?<=[.!?])\s+", body.strip()) if s]
    if outlet == 0:
        return base
    if len(paragraphs) < 3:
        return f"{base}\n\nReported for outlet {outlet}."
    rng = random.Random(outlet)
    kept = paragraphs[:1] + rng.sample(paragraphs[1:], len(paragraphs) - 2)
    headline = re.split(r"(?<=[.!?])\s", kept[-1])[0][:120]
    return headline + "\n\n" + "\n\n".join(kept)


def rename(text: str, story: int) -> str:
    """Give a text the story's own names and figures: every capitalised word and number is replaced, the
    same way wherever it appears in the story's reports, differently in every other story."""
    offset = 1 + zlib.crc32(f"figures {story}".encode()) % 9000

    def name(match: re.Match[str]) -> str:
        code = zlib.crc32(f"{match.group()} {story}".encode())
        parts = [_SYLLABLES[(code >> shift) % len(_SYLLABLES)] for shift in (0, 7, 14)]
        return "".join(parts).capitalize()

    return _CAPITAL.sub(name, _NUMBER.sub(lambda m: str(int(m.group()) + offset), text))


def article_text(texts: list[str], story: int, outlet: int) -> str:
    return rename(outlet_text(texts[story % len(texts)], outlet), story)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


async def build(db: Path | str, folder: Path, total: int, real: int) -> dict[str, float]:
    texts = base_texts()
    order = stream(total)
    for i in range(real):
        (folder / f"{i:06d}.txt").write_text(article_text(texts, *order[i]), encoding="utf-8")
    settings = Settings(db_path=db)
    figures: dict[str, float] = {}
    async with await open_database(db) as store:
        start = time.perf_counter()
        report = await ingest_files(store, settings, [folder])
        seconds = time.perf_counter() - start
        figures["ingest_articles_per_s"] = round(report.new / seconds, 1)
        # the rest: the pipeline runs once per base text and outlet; each article is that result with its
        # story's names and figures (title and body: what grouping reads), saved through the store
        source = await store.ensure_source("folder", "/bench/bulk", "bulk")
        processed: dict[tuple[int, int], tuple[str, ProcessedArticle]] = {}
        saving = 0.0
        for i in range(real, total):
            story, outlet = order[i]
            key = (story % len(texts), outlet)
            if key not in processed:
                raw = outlet_text(texts[key[0]], outlet)
                processed[key] = (raw, process_article(raw))
            raw, article = processed[key]
            body = rename(article.body, story)
            variant = replace(article, body=body, content_hash=text_hash(body),
                              meta=replace(article.meta, title=rename(article.meta.title or "Untitled", story)))
            start = time.perf_counter()
            await store.save_article(source, f"{i:06d}", None, variant.content_hash, variant,
                                     short_line_keys(raw), speaker_keys(variant))
            saving += time.perf_counter() - start
        figures["bulk_save_articles_per_s"] = round((total - real) / max(saving, 1e-9), 1)
        figures["stories_in_corpus"] = order[-1][0] + 1
    return figures


async def digest_time(db: Path | str, count: int) -> tuple[float, float, int]:
    """Time a digest of the newest `count` articles: the store read, then grouping and selection."""
    async with await open_database(db) as store:
        last = await store.last_link()
        start = time.perf_counter()
        ids = await store.article_ids_between(max(0, last - count), last)
        articles = await store.get_articles(ids)
        read = time.perf_counter() - start
        digest = build_digest(articles, "2026-W48")
        return read, time.perf_counter() - start - read, len(digest.items)


async def serve_lookups(db: Path | str, rounds: int) -> dict[str, object]:
    """Run /quote- and /search-style look-ups as a serving process would; report latency and peak RSS."""
    rng = random.Random(3)
    topics = ["funding", "workforce", "hospital", "care homes", "election", "dementia", "tax", "council"]
    timings: dict[str, list[float]] = {"quote_speaker": [], "quote_topic": [], "search": []}
    async with await open_database(db) as store:
        names = [name for _, name in await store.speaker_names()]
        await find_quotes(store, speaker=names[0])
        for _ in range(rounds):
            for kind, call in (
                ("quote_speaker", lambda: find_quotes(store, speaker=rng.choice(names).split()[-1])),
                ("quote_topic", lambda: find_quotes(store, about=rng.choice(topics))),
                ("search", lambda: search_articles(store, rng.choice(topics), limit=5)),
            ):
                start = time.perf_counter()
                await call()
                timings[kind].append((time.perf_counter() - start) * 1000)
    result: dict[str, object] = {}
    for kind, values in timings.items():
        result[f"{kind}_p50_ms"] = round(statistics.median(values), 2)
        result[f"{kind}_p99_ms"] = round(percentile(values, 99), 2)
    result["serving_peak_rss_mb"] = round(peak_rss_kb() / 1024, 1)
    return result


def peak_rss_kb() -> float:
    """Peak resident memory of this process; VmHWM, since Linux carries ru_maxrss over from the parent."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--real", type=int, default=2000, help="articles sent through the whole ingest")
    parser.add_argument("--quick", action="store_true", help="a small run that only proves the script works")
    parser.add_argument("--db", type=Path, help="keep the database here and reuse it when it exists")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # child process: look-ups only
    add_engine_options(parser)
    args = parser.parse_args()
    if args.serve or args.serve_url:
        print(json.dumps(asyncio.run(serve_lookups(args.serve or args.serve_url, 300))))
        return 0
    if args.database_url:
        return compare_engines(args)
    total, real = (400, 100) if args.quick else (args.articles, min(args.real, args.articles))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "scale.sqlite3"
        reuse = db.exists()
        folder = Path(tmp) / "articles"
        folder.mkdir()
        figures: dict[str, object] = {
            "benchmark": "scale",
            "date": datetime.now(UTC).date().isoformat(),
            "machine": f"{platform.machine()} Python {platform.python_version()}",
            "articles": total,
            "ingested_through_pipeline": real,
        }
        if not reuse:
            start = time.perf_counter()
            figures.update(asyncio.run(build(db, folder, total, real)))
            figures["build_s"] = round(time.perf_counter() - start, 1)
        figures["db_mb"] = round(sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6, 1)
        for count in (1000, 10_000):
            if count <= total:
                read, grouping, stories = asyncio.run(digest_time(db, count))
                figures[f"digest_{count}_s"] = round(read + grouping, 3)
                figures[f"digest_{count}_read_s"] = round(read, 3)
                figures[f"digest_{count}_build_s"] = round(grouping, 3)
                figures[f"digest_{count}_stories"] = stories
        child = subprocess.run([sys.executable, __file__, "--serve", str(db)], capture_output=True, text=True,
                               check=True, timeout=1800)
        figures.update(json.loads(child.stdout.strip().splitlines()[-1]))
    figures["targets_met"] = {
        "lookup_p99_under_10ms": all(float(figures[f"{k}_p99_ms"]) < 10  # type: ignore[arg-type]
                                     for k in ("quote_speaker", "quote_topic", "search")),
        "digest_1000_under_2s": float(figures.get("digest_1000_s", 0)) < 2,  # type: ignore[arg-type]
        "digest_10000_under_20s": float(figures.get("digest_10000_s", 0)) < 20,  # type: ignore[arg-type]
        "serving_rss_under_300mb": float(figures["serving_peak_rss_mb"]) < _RSS_LIMIT_MB,  # type: ignore[arg-type]
    }
    print(f"{'measure':32} {'value':>14}")
    for key, value in figures.items():
        if key not in ("benchmark", "date", "machine", "targets_met"):
            print(f"{key:32} {value!s:>14}")
    print(f"targets: {figures['targets_met']}")
    print(f"machine: {figures['machine']}, date: {figures['date']}")
    print(json.dumps(figures))
    return 0


# -- engines side by side (--database-url) ---------------------------------------------------------


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="an EMPTY PostgreSQL database: run SQLite and PostgreSQL side by side")
    parser.add_argument("--serve-url", help=argparse.SUPPRESS)  # child process: look-ups on a URL


async def ingest_more(db: Path | str, folder: Path, first: int, count: int) -> float:
    """Ingest `count` new articles through the whole pipeline into a full database; articles per second."""
    texts, order = base_texts(), stream(first + count)
    folder.mkdir()
    for i in range(first, first + count):
        (folder / f"{i:06d}.txt").write_text(article_text(texts, *order[i]), encoding="utf-8")
    async with await open_database(db) as store:
        start = time.perf_counter()
        report = await ingest_files(store, Settings(), [folder])
        return round(report.new / (time.perf_counter() - start), 1)


def engine_figures(db: Path | str, folder: Path, total: int, real: int) -> dict[str, object]:
    """Digest build, look-ups and serving memory (in a child process) on one engine, then ingest into it."""
    figures: dict[str, object] = {}
    for count in (1000, 10_000):
        if count <= total:
            read, grouping, stories = asyncio.run(digest_time(db, count))
            figures[f"digest_{count}_s"] = round(read + grouping, 3)
            figures[f"digest_{count}_read_s"] = round(read, 3)
            figures[f"digest_{count}_stories"] = stories
    flag = "--serve-url" if isinstance(db, str) else "--serve"
    child = subprocess.run([sys.executable, __file__, flag, str(db)], capture_output=True, text=True,
                           check=True, timeout=1800)
    figures.update(json.loads(child.stdout.strip().splitlines()[-1]))
    figures["ingest_into_full_db_articles_per_s"] = asyncio.run(ingest_more(db, folder, total, min(real, 500)))
    return figures


async def _holds_articles(url: str) -> bool:
    async with await open_database(url) as store:
        return await store.count_articles() > 0


def compare_engines(args: argparse.Namespace) -> int:
    """Build the SQLite corpus, copy it into PostgreSQL (`migrate-to`), and measure both on the same rows."""
    from bot.store.postgres.copy import migrate_to

    total, real = (400, 100) if args.quick else (args.articles, min(args.real, args.articles))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "scale.sqlite3"
        figures: dict[str, dict[str, object]] = {"sqlite": {}, "postgres": {}}
        if not db.exists():
            (Path(tmp) / "articles").mkdir()
            figures["sqlite"].update(asyncio.run(build(db, Path(tmp) / "articles", total, real)))
        if not asyncio.run(_holds_articles(args.database_url)):  # else reused, as --db reuses the file
            start = time.perf_counter()
            asyncio.run(migrate_to(db, args.database_url))
            figures["postgres"]["migrate_to_s"] = round(time.perf_counter() - start, 1)
        figures["sqlite"].update(engine_figures(db, Path(tmp) / "more-sqlite", total, real))
        figures["postgres"].update(engine_figures(args.database_url, Path(tmp) / "more-pg", total, real))
    print(f"{total} articles; machine: {platform.machine()} Python {platform.python_version()}")
    print(f"{'measure':36} {'SQLite':>12} {'PostgreSQL':>12}")
    for key in dict.fromkeys([*figures["sqlite"], *figures["postgres"]]):
        print(f"{key:36} {figures['sqlite'].get(key, '-')!s:>12} {figures['postgres'].get(key, '-')!s:>12}")
    print(json.dumps({"benchmark": "scale-engines", "articles": total, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
