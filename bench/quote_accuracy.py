"""Measure quote extraction and attribution on the dev set, then extraction throughput.

Usage: .venv/bin/python bench/quote_accuracy.py [--gold PATH] [--articles N] [--scale]

Scores with the shared scorer (/work/shared/eval/score.py, loaded by path, never copied) and prints
quote_precision, quote_recall, quote_f1, attributed_f1, then quotes/second and articles/second over
at least N articles made by repeating the dev texts; the last line is one JSON object with the figures.
With --scale it also times one article of 0.25, 0.5, 1 and 2 MB made of the dev texts (as paragraphs, then
as one long paragraph, then as one sentence about "the nurse" repeated) and prints the time ratio per doubling,
which stays near 2 when extraction is linear.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.quotes import extract_quotes  # noqa: E402

SHARED = ROOT / ".." / "shared"
DEFAULT_GOLD = SHARED / "eval" / "dev" / "quotes_dev.json"
SCORER = SHARED / "eval" / "score.py"
SCALE_MB = (0.25, 0.5, 1, 2)


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer by path so its scoring stays the single source of truth."""
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(articles: list[dict]) -> list[dict]:
    """Build scorer predictions: full quotes only, partial ones are left out."""
    return [
        {
            "file": art["file"],
            "title": None,
            "published": None,
            "author": None,
            "publisher": None,
            "quotes": [{"speaker": q.speaker, "text": q.text} for q in extract_quotes(art["text"]) if not q.partial],
        }
        for art in articles
    ]


def throughput(texts: list[str], minimum: int) -> tuple[int, int, float]:
    """Run the extractor over at least `minimum` articles; return (articles, quotes, seconds)."""
    repeats = -(-minimum // len(texts))
    batch = texts * repeats
    started = time.perf_counter()
    found = sum(len(extract_quotes(text)) for text in batch)
    return len(batch), found, time.perf_counter() - started


# "the nurse" is looked up among the sentences before it: each such sentence must not reread the whole article
REFERS_BACK = "The nurse said the ward had been full all week. “We have never seen it like this,” she said.\n\n"


def scaling(texts: list[str]) -> dict[str, list[float]]:
    """Time extraction on one ever longer article; return seconds per size for each layout."""
    unit = "\n\n".join(texts)
    timings: dict[str, list[float]] = {}
    layouts = (("paragraphs", unit), ("one_paragraph", unit.replace("\n", " ")), ("the_nurse_said", REFERS_BACK))
    for layout, body in layouts:
        for megabytes in SCALE_MB:
            size = int(megabytes * 1_000_000)
            article = (body * (size // len(body) + 1))[:size]
            started = time.perf_counter()
            extract_quotes(article)
            seconds = time.perf_counter() - started
            ratio = f"  x{seconds / timings[layout][-1]:.2f} per doubling" if layout in timings else ""
            timings.setdefault(layout, []).append(round(seconds, 3))
            print(f"{layout:14} {megabytes:5} MB {seconds:7.2f} s{ratio}")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=int, default=1000, help="articles for the throughput run")
    parser.add_argument("--quick", action="store_true", help="a small throughput run that only proves the script works")
    parser.add_argument("--scale", action="store_true", help="also time 0.25-2 MB articles (linear growth check)")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles = 50
    if not args.gold.exists() or not SCORER.exists():
        print(f"dev set or scorer not found ({args.gold}, {SCORER}): nothing to measure")
        return 0
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    articles = gold["articles"]
    scores = load_scorer(SCORER).score(gold, predict(articles), None)
    figures = {key: scores[key] for key in ("quote_precision", "quote_recall", "quote_f1", "attributed_f1")}
    for key, value in figures.items():
        print(f"{key:20} {value}")
    count, quotes, seconds = throughput([art["text"] for art in articles], args.articles)
    figures["articles"] = count
    figures["quotes_per_second"] = round(quotes / seconds, 1)
    figures["articles_per_second"] = round(count / seconds, 1)
    print(f"{'quotes_per_second':20} {figures['quotes_per_second']}  ({quotes} quotes)")
    print(f"{'articles_per_second':20} {figures['articles_per_second']}  ({count} articles, {seconds:.2f} s)")
    if args.scale:
        figures["scale_seconds"] = scaling([art["text"] for art in articles])
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
