"""Pipeline throughput beside sumy LexRank and TextRank alone, and the time to build a digest from 1,000 articles.

The pipeline figure is cleaning, metadata, splitting, summary and quotes; the ingest figure adds reading
the files and storing everything in SQLite. Each ratio is sumy's time over ours on the same texts in the
same run (above 1: we are faster).

    .venv/bin/python bench/pipeline.py [--articles 1000] [--quick]

Prints a table, then one JSON object with the figures as the last line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sumy.models.dom import ObjectDocumentModel, Paragraph  # noqa: E402
from sumy.models.dom import Sentence as SumySentence  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.core.clean import clean  # noqa: E402
from bot.core.pipeline import process_article  # noqa: E402
from bot.core.sentences import OfflineTokenizer, split_sentences  # noqa: E402
from bot.services.digests import week_digest  # noqa: E402
from bot.services.ingest import ingest_files  # noqa: E402
from bot.store import Store  # noqa: E402

_NUMBER = re.compile(r"\d+")


def make_corpus(seeds: list[str], count: int, seed: int = 7) -> list[str]:
    """Rewrite the samples into `count` distinct articles: shuffled body paragraphs, changed numbers."""
    rng = random.Random(seed)
    corpus = []
    for i in range(count):
        lines = seeds[i % len(seeds)].splitlines()
        long_idx = [j for j, line in enumerate(lines) if len(line) > 160]
        moved = [lines[j] for j in long_idx]
        rng.shuffle(moved)
        for j, line in zip(long_idx, moved, strict=True):
            lines[j] = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), line)
        lines.append(f"Reference {i}.")
        corpus.append("\n".join(lines))
    return corpus


def sumy_alone(texts: list[str], summarizer_class: type) -> float:
    """Seconds for one sumy summariser alone (our tokenizer, 3 sentences) on already-clean bodies."""
    tokenizer = OfflineTokenizer()
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    start = time.perf_counter()
    for text in texts:
        paragraphs = [
            Paragraph([SumySentence(s, tokenizer) for s in tokenizer.to_sentences(p)])
            for p in text.split("\n\n") if p.strip()
        ]
        summarizer(ObjectDocumentModel(paragraphs), 3)
    return time.perf_counter() - start


async def ingest_and_digest(folder: Path, db: Path) -> tuple[float, float, int]:
    settings = Settings(db_path=db)
    async with await Store.open(db) as store:
        start = time.perf_counter()
        report = await ingest_files(store, settings, [folder])
        ingest_s = time.perf_counter() - start
        start = time.perf_counter()
        digest = await week_digest(store, settings, "2026-W48")
        digest_s = time.perf_counter() - start
    assert report.new == len(list(folder.glob("*.txt"))), report.summary()
    return ingest_s, digest_s, len(digest.items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="a small run that only proves the script works")
    args = parser.parse_args()
    count = 30 if args.quick else args.articles
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    corpus = make_corpus(seeds, count)
    bodies = [clean(text).body for text in corpus]

    start = time.perf_counter()
    for text in corpus:
        process_article(text)
    pipeline_s = time.perf_counter() - start
    split_start = time.perf_counter()
    for body in bodies:
        split_sentences(body)
    split_s = time.perf_counter() - split_start
    lexrank_s = sumy_alone(bodies, LexRankSummarizer)
    textrank_s = sumy_alone(bodies, TextRankSummarizer)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(corpus):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        ingest_s, digest_s, stories = asyncio.run(ingest_and_digest(folder, Path(tmp) / "bench.sqlite3"))

    figures = {
        "benchmark": "pipeline",
        "date": datetime.now(UTC).date().isoformat(),
        "machine": f"{platform.machine()} {platform.python_version()}",
        "articles": count,
        "pipeline_articles_per_s": round(count / pipeline_s, 1),
        "lexrank_alone_articles_per_s": round(count / lexrank_s, 1),
        "pipeline_vs_lexrank_ratio": round(lexrank_s / pipeline_s, 3),
        "textrank_alone_articles_per_s": round(count / textrank_s, 1),
        "sentence_split_articles_per_s": round(count / split_s, 1),
        "ingest_to_sqlite_articles_per_s": round(count / ingest_s, 1),
        "ingest_vs_textrank_ratio": round(textrank_s / ingest_s, 3),
        "digest_build_s": round(digest_s, 3),
        "digest_stories": stories,
    }
    print(f"{'measure':40} {'value':>12}")
    for key, value in figures.items():
        if key not in ("benchmark", "date", "machine"):
            print(f"{key:40} {value:>12}")
    print(f"machine: {figures['machine']}, date: {figures['date']}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
