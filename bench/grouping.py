"""Same-story grouping against labelled story pairs: pair precision and recall.

    .venv/bin/python bench/grouping.py [--quick] [--held-out-errors] [--pairs bench/grouping_pairs.json]

The articles named by the pairs file (ids and file names only: the texts stay in ../shared) are read,
the real sample files through the whole pipeline, and ALL of them are grouped in one batch, as a
digest would, so a pair can also be joined or split by the other articles around it. A labelled pair
counts as predicted "same" when both articles land in one story. Pairs whose articles are absent
(no ../shared beside the repo) are skipped and counted. Also prints how many items the digest of
../shared/seeds has. The pairs are split in two fixed halves by a hash of the pair: rules are tuned
on the "tuning" half (whose errors are listed) and the "held_out" half is the result (its errors are
listed only with --held-out-errors). Both halves have since been looked at while changing the rules, so
bench/grouping_pairs_fresh.json, labelled later by reading without seeing any prediction, is scored apart
as "fresh", and bench/grouping_pairs_third.json (labelled by someone who never saw the grouping code or
output, drawn by other similarity measures, one running story at most three pairs) as "third"; "blind" is
the two together: that figure is the result. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core.digest import build_digest  # noqa: E402
from bot.core.models import StoredArticle, StoredQuote  # noqa: E402
from bot.core.pipeline import process_article  # noqa: E402
from bot.core.quotes import extract_quotes  # noqa: E402
from bot.core.stories import group_stories  # noqa: E402

SHARED = REPO.parent / "shared"
DEV = SHARED / "eval" / "dev"
FRESH = REPO / "bench" / "grouping_pairs_fresh.json"
THIRD = REPO / "bench" / "grouping_pairs_third.json"
SECOND = REPO / "bench" / "grouping_pairs_second.json"
OWN = REPO / "bench" / "grouping_articles.json"
# Weeks of news written blind (articles and labelled pairs), each grouped in a batch of its own
WEEKS = {"week": ("grouping_articles_blind.json", "grouping_pairs_blind.json"),
         "week2": ("grouping_articles_blind2.json", "grouping_pairs_blind2.json"),
         "week3": ("grouping_articles_blind3.json", "grouping_pairs_blind3.json"),
         "week4": ("grouping_articles_blind4.json", "grouping_pairs_blind4.json"),
         "week5": ("grouping_articles_blind5.json", "grouping_pairs_blind5.json"),
         "week6": ("grouping_articles_blind6.json", "grouping_pairs_blind6.json"),
         "week7": ("grouping_articles_blind7.json", "grouping_pairs_blind7.json"),
         "week8": ("grouping_articles_blind8.json", "grouping_pairs_blind8.json"),
         "week9": ("grouping_articles_blind9.json", "grouping_pairs_blind9.json"),
         "week10": ("grouping_articles_blind10.json", "grouping_pairs_blind10.json"),
         "week11": ("grouping_articles_blind11.json", "grouping_pairs_blind11.json"),
         "week12": ("grouping_articles_blind12.json", "grouping_pairs_blind12.json"),
         "week13": ("grouping_articles_blind13.json", "grouping_pairs_blind13.json"),
         "week14": ("grouping_articles_blind14.json", "grouping_pairs_blind14.json"),
         "week15": ("grouping_articles_blind15.json", "grouping_pairs_blind15.json"),
         "week16": ("grouping_articles_blind16.json", "grouping_pairs_blind16.json"),
         "week17": ("grouping_articles_blind17.json", "grouping_pairs_blind17.json"),
         "week18": ("grouping_articles_blind18.json", "grouping_pairs_blind18.json"),
         "week19": ("grouping_articles_blind19.json", "grouping_pairs_blind19.json"),
         "week20": ("grouping_articles_blind20.json", "grouping_pairs_blind20.json"),
         "week21": ("grouping_articles_blind21.json", "grouping_pairs_blind21.json"),
         "week22": ("grouping_articles_blind22.json", "grouping_pairs_blind22.json")}


def _article(number: int, key: str, title: str | None, body: str, published: date | None = None,
             publisher: str | None = None, quotes: tuple = ()) -> StoredArticle:
    stored = tuple(
        StoredQuote(id=i, text=q.text, speaker=q.speaker, role=q.role, article_id=number, article_title=title,
                    article_url=None, published=published, position=i)
        for i, q in enumerate(quotes)
    )
    return StoredArticle(id=number, title=title, url=None, source_key=key, published=published, author=None,
                         publisher=publisher, body=body, summary=(), ingested_at="", quotes=stored)


def _from_file(number: int, key: str, path: Path) -> StoredArticle:
    done = process_article(path.read_text(encoding="utf-8"))
    summary = tuple(done.summary_sentences)
    art = _article(number, key, done.meta.title, done.body, done.meta.published, done.meta.publisher, done.quotes)
    return StoredArticle(**{**{f: getattr(art, f) for f in art.__slots__}, "summary": summary})


def load_articles() -> dict[str, StoredArticle]:
    """Every article a pair can name, by its key; sources that are absent are left out."""
    found: dict[str, StoredArticle] = {}
    files = [("repo-seeds:", p) for p in sorted((REPO / "seeds").glob("*.txt"))]
    files += [("seeds:", p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for prefix, path in files:
        found[prefix + path.name] = _from_file(len(found), prefix + path.name, path)
    for name in ("summaries_dev.jsonl", "summaries_dev_large.jsonl"):
        if (DEV / name).is_file():
            for line in (DEV / name).read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                key = "dev:" + record["id"]
                if key not in found:
                    quotes = tuple(extract_quotes(record["text"]))
                    found[key] = _article(len(found), key, record["title"], record["text"], quotes=quotes)
    if (DEV / "quotes_dev.json").is_file():
        for record in json.loads((DEV / "quotes_dev.json").read_text(encoding="utf-8"))["articles"]:
            title, _, body = record["text"].partition("\n")
            key = "quotes_dev:" + record["file"]
            published = date.fromisoformat(record["published"]) if record.get("published") else None
            found[key] = _article(len(found), key, title, body.strip(), published,
                                  quotes=tuple(extract_quotes(body.strip())))
    found.update(own_articles(OWN, len(found)))
    return found


def own_articles(path: Path, first: int = 0) -> dict[str, StoredArticle]:
    """The articles of one of our own files of short fictional articles, by their "own:" key."""
    found = {}
    for number, record in enumerate(json.loads(path.read_text(encoding="utf-8"))["articles"], first):
        key = "own:" + record["id"]
        published = date.fromisoformat(record["published"])
        quotes = tuple(extract_quotes(record["body"]))
        found[key] = _article(number, key, record["title"], record["body"], published, quotes=quotes)
    return found


def score(pairs: list[dict], articles: dict[str, StoredArticle]) -> dict[str, object]:
    """Group every article in one batch and compare the labelled pairs with the groups."""
    keys = list(articles)
    started = time.perf_counter()
    groups = group_stories([articles[k] for k in keys])
    seconds = time.perf_counter() - started
    story = {a.source_key: n for n, group in enumerate(groups) for a in group}
    usable = [p for p in pairs if p["a"] in articles and p["b"] in articles]
    tp = fp = fn = 0
    misses, missed = [], []
    for pair in usable:
        joined = story[pair["a"]] == story[pair["b"]]
        tp += joined and pair["same"]
        fp += joined and not pair["same"]
        fn += (not joined) and pair["same"]
        if joined != pair["same"]:
            misses.append(f"{'split' if pair['same'] else 'joined'}: {pair['a']} / {pair['b']} ({pair['why']})")
            missed.append(pair)
    return {
        "articles": len(keys), "stories": len(groups), "group_seconds": round(seconds, 3),
        "pairs": len(usable), "pairs_skipped": len(pairs) - len(usable),
        "same_pairs": sum(p["same"] for p in usable), "true_pos": tp, "false_pos": fp, "false_neg": fn,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "errors": misses, "error_pairs": missed,
    }


def _key(pair: dict) -> tuple[str, str]:
    return tuple(sorted((pair["a"], pair["b"])))  # type: ignore[return-value]


def agreement(first: list[dict], second: list[dict]) -> dict[str, object]:
    """How far a second labeller's blind labels agree with the first's, scored like the grouping is.

    The first labels are read as predictions and the second as the truth, on the pairs the second
    labeller did not call too close: no grouping can be expected to agree with one labeller more closely
    than another careful labeller does.
    """
    truth = {_key(p): p["label"] for p in second}
    shared = [p for p in first if _key(p) in truth]
    both = [(p["same"], truth[_key(p)] == "same") for p in shared if truth[_key(p)] != "unsure"]
    tp = sum(a and b for a, b in both)
    predicted, actual = sum(a for a, _ in both), sum(b for _, b in both)
    observed = sum(a == b for a, b in both) / len(both)
    chance = (predicted * actual + (len(both) - predicted) * (len(both) - actual)) / len(both) ** 2
    return {"pairs": len(shared), "unsure": len(shared) - len(both), "first_same": sum(p["same"] for p in shared),
            "second_same": actual, "precision": round(tp / predicted, 3), "recall": round(tp / actual, 3),
            "kappa": round((observed - chance) / (1 - chance), 3)}


def half(pair: dict) -> str:
    """A fixed split of the pairs: rules are tuned on one half and judged on the other, never seen while tuning."""
    digest = hashlib.sha256("|".join(sorted((pair["a"], pair["b"]))).encode()).digest()
    return "tuning" if digest[0] % 2 == 0 else "held_out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=REPO / "bench" / "grouping_pairs.json")
    parser.add_argument("--quick", action="store_true", help="the same run (it takes seconds)")
    parser.add_argument("--held-out-errors", action="store_true",
                        help="also list the held-out half's errors (hidden by default so tuning does not see them)")
    args = parser.parse_args()
    pairs = json.loads(args.pairs.read_text(encoding="utf-8"))["pairs"]
    articles = load_articles()
    figures = score(pairs, articles)
    for name, subset in (("tuning", [p for p in pairs if half(p) == "tuning"]),
                         ("held_out", [p for p in pairs if half(p) == "held_out"]),
                         ("own_pairs", [p for p in pairs if p["a"].startswith("own:")])):
        part = score(subset, articles)
        figures[name] = {k: part[k] for k in ("pairs", "same_pairs", "precision", "recall")}
    seeds = [a for k, a in articles.items() if k.startswith("seeds:")]
    if seeds:
        digest = build_digest(seeds, "2026-W48")
        figures["seeds_digest"] = f"{len(digest.items)} items from {digest.article_count} articles"
    else:
        print("../shared/seeds is absent: only the repo's own pairs are scored")
    shown = [line for pair, line in zip(figures.pop("error_pairs"), figures["errors"], strict=True)
             if args.held_out_errors or half(pair) == "tuning"]
    figures["errors"] = shown
    print("\n".join(shown))
    # labelled later, without seeing what the grouping predicts: never tuned on
    blind = {name: json.loads(path.read_text(encoding="utf-8"))["pairs"]
             for name, path in (("fresh", FRESH), ("third", THIRD)) if path.is_file()}
    blind["blind"] = [pair for name in ("fresh", "third") for pair in blind.get(name, [])]
    for name, subset in blind.items():
        part = score(subset, articles)
        figures[name] = {k: part[k] for k in ("pairs", "pairs_skipped", "same_pairs", "precision", "recall")}
    for name, (articles_file, pairs_file) in WEEKS.items():  # as a digest groups a week: only its articles
        pairs_of_week = json.loads((REPO / "bench" / pairs_file).read_text(encoding="utf-8"))["pairs"]
        week = score(pairs_of_week, own_articles(REPO / "bench" / articles_file))
        figures[name] = {k: week[k] for k in ("articles", "stories", "pairs", "same_pairs", "precision", "recall")}
    print(f"{figures['pairs']} pairs ({figures['pairs_skipped']} skipped), {figures['articles']} articles "
          f"-> {figures['stories']} stories in {figures['group_seconds']} s: precision {figures['precision']}, "
          f"recall {figures['recall']}; seeds: {figures.get('seeds_digest')}")
    if SECOND.is_file() and FRESH.is_file():
        first = pairs + json.loads(FRESH.read_text(encoding="utf-8"))["pairs"]
        figures["second_labeller"] = agreement(first, json.loads(SECOND.read_text(encoding="utf-8"))["pairs"])
    for name in ("tuning", "held_out", "own_pairs", "fresh", "third", "blind", *WEEKS, "second_labeller"):
        if name in figures:
            print(f"  {name}: {figures[name]}")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
