"""Quotation extraction speed, and quote look-up latency on a database of 100,000 articles.

    .venv/bin/python bench/quotes.py [--articles 100000] [--quick]

Extraction runs `extract_quotes` over >= 1,000 articles made from the samples. Look-ups go through
`bot.services.find_quotes`, the function the `quotes` command (and /quote) calls, on a database filled
with synthetic articles and quotations by thousands of speakers over three years. Prints a table, then
one JSON object with the figures as the last line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core.clean import clean  # noqa: E402
from bot.core.quotes import extract_quotes  # noqa: E402
from bot.services.lookups import find_quotes  # noqa: E402
from bot.store import Store  # noqa: E402

FIRST = "Ann Bob Cara Dev Ella Faisal Grace Hamid Isla Jon Kemi Liam Maya Niall Olu Priya Quinn Ravi Sian Tom".split()
LAST = (
    "Lee Stone Patel Green Hancock Jamieson Seccombe Copley Webber Hay Pearson Tanner Kerr Sharrow Varma Okafor "
    "Mwangi Flint Ebdon Qureshi Pryce Lloyd Rennick Fitzwilliam Amankwah Holloway Ashdown Pritchard Burton Eichler"
).split()
TOPICS = "funding workforce discharge dementia hospice vacancies recruitment integration housing dentistry".split()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def corpus(count: int) -> list[str]:
    bodies = [clean(p.read_text(encoding="utf-8")).body for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [bodies[i % len(bodies)] + f"\n\nReference {i}." for i in range(count)]


def extraction(texts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(len(extract_quotes(text)) for text in texts)
    return time.perf_counter() - start, found


def fill(path: Path, articles: int, seed: int = 11) -> tuple[int, int]:
    """Bulk-load synthetic articles and quotes straight into the migrated schema (setup, not measured)."""
    rng = random.Random(seed)
    samples = [q.text for body in corpus(6) for q in extract_quotes(body) if not q.partial] or ["No quotes."]
    people = [f"{f} {surname}" for f in FIRST for surname in LAST]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        conn.execute("INSERT INTO sources (kind, location, name, created_at) VALUES ('folder', '/bench', 'bench', '')")
        conn.executemany(
            "INSERT INTO speakers (id, name, key) VALUES (?, ?, ?)",
            [(i + 1, name, name.casefold()) for i, name in enumerate(people)],
        )
        start_day = date(2023, 1, 1)
        quote_rows = []
        article_rows = []
        for i in range(1, articles + 1):
            day = (start_day + timedelta(days=rng.randrange(3 * 365))).isoformat()
            topic = rng.choice(TOPICS)
            title, body = f"Story {i} on {topic}", f"Body about {topic}."
            article_rows.append((i, f"a{i}", f"c{i}", title, day, body, day))
            for _ in range(rng.choice((0, 1, 2, 3, 4))):
                text = f"{rng.choice(samples)} We must act on {topic} now."
                quote_rows.append((i, rng.randrange(len(people)) + 1, text, day))
        conn.executemany(
            "INSERT INTO articles (id, source_id, source_key, content_hash, title, published, body, ingested_at)"
            " VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
            article_rows,
        )
        conn.execute(
            "INSERT INTO article_sources (id, article_id, source_id, source_key, raw_hash)"
            " SELECT id, id, source_id, source_key, content_hash FROM articles"
        )
        conn.executemany(
            "INSERT INTO quotes (article_id, speaker_id, text, partial, position, start, sort_date)"
            " VALUES (?, ?, ?, 0, 0, 0, ?)",
            quote_rows,
        )
    conn.execute("ANALYZE")
    conn.close()
    return len(article_rows), len(quote_rows)


async def lookups(path: Path, rounds: int) -> dict[str, list[float]]:
    rng = random.Random(5)
    timings: dict[str, list[float]] = {"speaker": [], "speaker_typo": [], "topic": [], "speaker_and_topic": []}
    async with await Store.open(path) as store:
        await find_quotes(store, speaker="Lee")  # warm caches once, as a running bot would be
        for _ in range(rounds):
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            surname = person.split()[1]
            typo = surname[:-2] + surname[-1] if len(surname) > 4 else surname
            topic = rng.choice(TOPICS)
            for kind, kwargs in (
                ("speaker", {"speaker": person}),
                ("speaker_typo", {"speaker": typo}),
                ("topic", {"about": topic}),
                ("speaker_and_topic", {"speaker": surname, "about": topic}),
            ):
                start = time.perf_counter()
                found = await find_quotes(store, limit=10, **kwargs)
                timings[kind].append((time.perf_counter() - start) * 1000)
                assert found or kind == "speaker_and_topic", kwargs
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a small run that only proves the script works")
    args = parser.parse_args()
    n_extract = 60 if args.quick else 1000
    n_db = 2000 if args.quick else args.articles
    rounds = 20 if args.quick else 300

    seconds, found = extraction(corpus(n_extract))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "quotes.sqlite3"
        asyncio.run(_create(path))
        start = time.perf_counter()
        articles, quotes = fill(path, n_db)
        fill_s = time.perf_counter() - start
        timings = asyncio.run(lookups(path, rounds))
        size_mb = path.stat().st_size / 1e6

    figures: dict[str, object] = {
        "benchmark": "quotes",
        "date": datetime.now(UTC).date().isoformat(),
        "machine": f"{platform.machine()} Python {platform.python_version()}",
        "extract_articles": n_extract,
        "extract_articles_per_s": round(n_extract / seconds, 1),
        "extract_quotes_per_s": round(found / seconds, 1),
        "db_articles": articles,
        "db_quotes": quotes,
        "db_mb": round(size_mb, 1),
        "db_fill_s": round(fill_s, 1),
    }
    for kind, values in timings.items():
        figures[f"{kind}_p50_ms"] = round(statistics.median(values), 2)
        figures[f"{kind}_p99_ms"] = round(percentile(values, 99), 2)
    print(f"{'measure':32} {'value':>14}")
    for key, value in figures.items():
        if key not in ("benchmark", "date", "machine"):
            print(f"{key:32} {value!s:>14}")
    print(f"machine: {figures['machine']}, date: {figures['date']}")
    print(json.dumps(figures))
    return 0


async def _create(path: Path) -> None:
    """Open and close the store once so its real migrations create the schema."""
    store = await Store.open(path)
    await store.close()


if __name__ == "__main__":
    sys.exit(main())
