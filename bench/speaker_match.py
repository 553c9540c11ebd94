"""Speaker look-up with a misspelt name: the SpeakerIndex against comparing the typed word with every name.

    .venv/bin/python bench/speaker_match.py [--speakers 20000] [--queries 300] [--quick]

Speakers get made-up two-word names (syllables drawn at random, so surnames repeat as real ones do). Each
query is a known surname with one slip (a letter changed, dropped, added or swapped) or its first three
letters. The baseline finds the spellings a typed word may stand for by computing the edit distance to every
known name word (the definition, and what the index did before it kept a deletion index); the index must
give the same answers. Prints p50/p99 per query for both, their ratio, build time, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core.speaker_index import PREFIX_MIN, SpeakerIndex, edit_distance, slips_allowed  # noqa: E402

SYLLABLES = ["an", "ber", "co", "dell", "er", "fi", "gan", "ho", "is", "ja", "ker", "lo", "ma", "ne", "son",
             "ta", "vi", "wen", "ry", "ash", "mor", "pe", "quin", "stan"]


def names(count: int, rng: random.Random) -> list[tuple[int, str]]:
    """`count` speakers with two-word names of one to four syllables each."""
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))).title()
    return [(n, f"{word()} {word()}") for n in range(count)]


def slip(word: str, rng: random.Random) -> str:
    """One slip: a letter changed, dropped, added, or swapped with the next."""
    i = rng.randrange(len(word))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return rng.choice([word[:i] + letter + word[i + 1:], word[:i] + word[i + 1:] or word, word[:i] + letter + word[i:],
                       word[:i] + word[i + 1:i + 2] + word[i:i + 1] + word[i + 2:]])


def every_spelling(vocabulary: list[str], word: str) -> set[str]:
    """The baseline: the known words `word` may stand for, by comparing it with each of them."""
    if word in vocabulary:
        return {word}
    near = {v: d for v in vocabulary if (d := edit_distance(word, v, slips_allowed(word, v))) <= slips_allowed(word, v)}
    close = {v for v, d in near.items() if d == min(near.values())}
    return close | ({v for v in vocabulary if v.startswith(word)} if len(word) >= PREFIX_MIN else set())


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(pct / 100 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speakers", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="a small run that only proves the script works")
    args = parser.parse_args()
    count, queries = (500, 20) if args.quick else (args.speakers, args.queries)
    rng = random.Random(1)
    speakers = names(count, rng)
    started = time.perf_counter()
    index = SpeakerIndex(speakers)
    build_s = time.perf_counter() - started
    vocabulary = sorted({w.lower() for _, name in speakers for w in name.split()})
    surnames = [name.split()[1].lower() for _, name in rng.sample(speakers, queries)]
    typed = [slip(s, rng) for s in surnames[: queries // 2]] + [s[:3] for s in surnames[queries // 2:]]
    times: dict[str, list[float]] = {"index": [], "baseline": []}
    same = 0
    for word in typed:
        started = time.perf_counter()
        found = index._spellings(word)
        times["index"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        expected = every_spelling(vocabulary, word)
        times["baseline"].append((time.perf_counter() - started) * 1000)
        same += found == expected
    figures: dict[str, object] = {"speakers": count, "name_words": len(vocabulary), "queries": len(typed),
                                  "same_answers": same, "index_build_s": round(build_s, 3)}
    for name, values in times.items():
        figures[f"{name}_p50_ms"] = round(percentile(values, 50), 3)
        figures[f"{name}_p99_ms"] = round(percentile(values, 99), 3)
    figures["p50_ratio"] = round(figures["baseline_p50_ms"] / max(figures["index_p50_ms"], 1e-6), 1)  # type: ignore[operator]
    print(f"{count} speakers ({len(vocabulary)} name words), {len(typed)} misspelt or cut names: "
          f"same answers {same}/{len(typed)}; index built in {build_s:.2f} s")
    for name in times:
        print(f"  {name:9} p50 {figures[f'{name}_p50_ms']} ms  p99 {figures[f'{name}_p99_ms']} ms")
    print(f"  the index is {figures['p50_ratio']}x faster at p50")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
