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
`--overlap DB` compares a built database's ten best search answers when fewer candidates are ranked.
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
from bot.store import Store  # noqa: E402
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


def p50_p99(values: list[float]) -> list[float]:
    return [round(statistics.median(values), 2), round(percentile(values, 99), 2)]


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
    if args.speaker_match:
        print(json.dumps(asyncio.run(speaker_match(args.speaker_match)), indent=1))
        return 0
    if args.overlap:
        print(json.dumps(asyncio.run(candidate_overlap(args.overlap)), indent=1))
        return 0
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
    parser.add_argument("--speaker-match", metavar="URL",
                        help="compare speaker matching in-process with pg_trgm on a PostgreSQL database built here")
    parser.add_argument("--overlap", metavar="DB",
                        help="the ten best search answers when ranking fewer candidates, on a built database")


async def ingest_more(db: Path | str, folder: Path, first: int, count: int) -> float:
    """Ingest `count` new articles through the whole pipeline into a full database; articles per second.

    They follow the stream from `first` or from the newest link, whichever is later, so that a reused
    database (`--db`) is given articles it does not hold yet, not copies it would only link."""
    async with await open_database(db) as store:
        first = max(first, await store.last_link())
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


# -- speaker matching: the in-process SpeakerIndex against pg_trgm candidates (--speaker-match) ----------------


def typo(word: str, rng: random.Random) -> str:
    """One slip: a letter changed, dropped, added, or swapped with the next."""
    i, kind = rng.randrange(len(word)), rng.choice("cdas")
    if kind == "c":
        return word[:i] + rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i]]) + word[i + 1:]
    if kind == "d":
        return word[:i] + word[i + 1:]
    if kind == "a":
        return word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


async def trigram_match(conn: object, query: str, order: dict[int, int]) -> list[int]:
    """Speakers for a typed name the PostgreSQL way: per word, the names the trigram index offers (word
    similarity, or a word starting with it), then the SpeakerIndex rules over those names only."""
    from bot.core.quotes.lexicon import HONORIFICS
    from bot.core.speaker_index import SpeakerIndex

    words = [w for w in re.findall(r"[^\W\d_]+", query.casefold()) if w not in HONORIFICS]
    found: set[int] | None = None
    for word in words:
        rows = await conn.fetch(  # type: ignore[attr-defined]
            "SELECT id, name FROM speakers WHERE lower(name) %> $1 UNION SELECT id, name FROM speakers"
            " WHERE lower(name) ~ ('\\m' || $1)", word)
        names = sorted(((r["id"], r["name"]) for r in rows), key=lambda r: order[r[0]])
        ids = set(SpeakerIndex(names).match(word))
        found = ids if found is None else found & ids
    return sorted(found or (), key=order.__getitem__)


async def speaker_match(url: str, sample: int = 300) -> dict[str, object]:
    """Same answers, and how fast: exact surnames, one slip, three-letter prefixes, full names."""
    import asyncpg

    from bot.core.speaker_index import SpeakerIndex

    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SET pg_trgm.word_similarity_threshold = 0.3")
        names = [(int(r["id"]), str(r["name"])) for r in await conn.fetch("SELECT id, name FROM speakers ORDER BY id")]
        order = {speaker_id: n for n, (speaker_id, _) in enumerate(names)}
        index, rng = SpeakerIndex(names), random.Random(7)
        surnames = [[w for w in re.findall(r"[^\W\d_]+", n.casefold()) if len(w) >= 4][-1:] for _, n in names]
        picked = [(w[0], name) for w, (_, name) in zip(surnames, names, strict=True) if w]
        picked = rng.sample(picked, min(sample, len(picked)))
        kinds = {"exact surname": [w for w, _ in picked], "one slip": [typo(w, rng) for w, _ in picked],
                 "3-letter prefix": [w[:3] for w, _ in picked], "full name": [n for _, n in picked]}
        result: dict[str, object] = {"speakers": len(names)}
        for kind, queries in kinds.items():
            same, local, remote = 0, [], []
            for query in queries:
                start = time.perf_counter()
                want = index.match(query)
                local.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                got = await trigram_match(conn, query, order)
                remote.append((time.perf_counter() - start) * 1000)
                same += got == want
            result[kind] = {"same_answer": f"{same}/{len(queries)}", "in_process_p50_p99_ms": p50_p99(local),
                            "pg_trgm_p50_p99_ms": p50_p99(remote)}
        return result
    finally:
        await conn.close()



# -- ranking fewer candidates: how many of the ten best stay (--overlap) ---------------------------------------


def _set_candidates(count: int) -> None:
    """Rank the newest `count` matches in a search, on both engines (the bench's own knob, not a setting)."""
    import bot.store.articles
    import bot.store.postgres.search

    bot.store.articles.SEARCH_CANDIDATES = count
    bot.store.postgres.search.SEARCH_CANDIDATES = count


async def overlap_queries(store: Store, count: int) -> list[str]:
    """Queries written from the corpus, not the bench's topics: one or two lower-case words of the titles of
    articles drawn at random (lower-case: the story's own names are renamed, the common words are not)."""
    rng = random.Random(11)
    total = await store.count_articles()
    ids = rng.sample(range(1, total + 1), min(total, count * 3))
    queries: list[str] = []
    for article in await store.get_articles(ids, with_quotes=False):
        words = sorted(set(re.findall(r"\b[a-z]{4,}\b", article.title or "")))
        if words and len(queries) < count:
            queries.append(" ".join(rng.sample(words, min(len(words), 1 + len(queries) % 2))))
    return queries


async def candidate_overlap(db: Path | str, counts: tuple[int, ...] = (1000, 500, 250)) -> dict[str, object]:
    """The ten best articles when ranking fewer of the newest matches, against the 2,000 ranked now: the mean
    share of the ten that stay (overlap@10), the share of queries whose ten are the same set, and the time."""
    from bot.store.articles import SEARCH_CANDIDATES

    result: dict[str, object] = {}
    async with await open_database(db) as store:
        queries = await overlap_queries(store, 200)
        result["queries"] = len(queries)
        tops: dict[int, list[list[int]]] = {}
        try:
            for count in (SEARCH_CANDIDATES, *counts):
                _set_candidates(count)
                tops[count], timings = [], []
                for query in queries:
                    start = time.perf_counter()
                    tops[count].append(await store.search_article_ids(query, 10))
                    timings.append((time.perf_counter() - start) * 1000)
                pairs = [(set(want), set(got)) for want, got in zip(tops[SEARCH_CANDIDATES], tops[count],
                                                                      strict=True) if want]
                result[str(count)] = {
                    "overlap_at_10": round(statistics.mean(len(w & g) / len(w) for w, g in pairs), 3),
                    "same_ten": round(sum(w == g for w, g in pairs) / len(pairs), 3),
                    "p50_p99_ms": p50_p99(timings)}
        finally:
            _set_candidates(SEARCH_CANDIDATES)
    return result

if __name__ == "__main__":
    sys.exit(main())
