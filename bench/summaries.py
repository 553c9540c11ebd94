"""Benchmark the summarisers and sentence splitters on the BBC dev sets: ROUGE, speed, splitting quality.

Run from the repo root:  .venv/bin/python bench/summaries.py [--quick] [--cv 5]
--cv N adds N-fold cross-validation on the 500-article set: per fold, the news summariser's one weight
is chosen on the other folds and scored on the held-back one beside Lead, TextRank, LexRank and Luhn,
with an ablation of every rule. Prints tables, then one JSON object with every figure as the last line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # let `python bench/summaries.py` import bot without installing it

from bot.core.models import Sentence  # noqa: E402
from bot.core.sentences import split_sentences  # noqa: E402
from bot.core.summarise import (  # noqa: E402
    ALGORITHMS,
    LENGTH_EXPONENT,
    READING_RULES,
    NewsSummarizer,
    _stop_words,
    build_document,
    summarise,
)

DATA = ROOT / ".." / "shared" / "eval" / "dev" / "summaries_dev.jsonl"
LARGE = DATA.with_name("summaries_dev_large.jsonl")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
QUICK_ARTICLES = 5
EXPONENTS = tuple(i / 10 for i in range(11))  # the news summariser's one weight, chosen per fold from these
BASELINES = ("lead", "textrank", "lexrank", "luhn")

# Hand-written splitting cases: (text, the sentences a good splitter returns).
TRICKY_CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Mr. Smith met Dr. Jones on Monday. They spoke for an hour.",
        ("Mr. Smith met Dr. Jones on Monday.", "They spoke for an hour."),
    ),
    (
        "Prof. Jane Green led the review. It reported in May.",
        ("Prof. Jane Green led the review.", "It reported in May."),
    ),
    (
        "Some councils, e.g. Leeds and York, paused the scheme. Others did not.",
        ("Some councils, e.g. Leeds and York, paused the scheme.", "Others did not."),
    ),
    (
        "Waiting lists, i.e. people waiting for care, rose again. The minister blamed strikes.",
        ("Waiting lists, i.e. people waiting for care, rose again.", "The minister blamed strikes."),
    ),
    (
        "The Prime Minister spoke at No. 10 on Tuesday. Reporters waited outside.",
        ("The Prime Minister spoke at No. 10 on Tuesday.", "Reporters waited outside."),
    ),
    (
        "J. K. Rowling gave £1m to the charity. It supports care leavers.",
        ("J. K. Rowling gave £1m to the charity.", "It supports care leavers."),
    ),
    (
        "Spending rose by 2.5% last year. It will rise by 3.1% this year.",
        ("Spending rose by 2.5% last year.", "It will rise by 3.1% this year."),
    ),
    (
        "The clinic on St. Mary's Road closed in June. Patients moved to a new site.",
        ("The clinic on St. Mary's Road closed in June.", "Patients moved to a new site."),
    ),
    (
        '"We are pleased. It is good news for patients," he said. The trust agreed.',
        ('"We are pleased. It is good news for patients," he said.', "The trust agreed."),
    ),
    (
        "“We are pleased. It is good,” she said. The board met later.",
        ("“We are pleased. It is good,” she said.", "The board met later."),
    ),
    (
        'The nurse said: "Stop. Now." Then she left the ward.',
        ('The nurse said: "Stop. Now."', "Then she left the ward."),
    ),
    (
        "The council tax rose last year. Mr Blair defended the rise.",
        ("The council tax rose last year.", "Mr Blair defended the rise."),
    ),
    (
        "The review starts at 10 a.m. on Friday. Staff are invited.",
        ("The review starts at 10 a.m. on Friday.", "Staff are invited."),
    ),
    (
        "Care homes face a crisis.\n\nThe report was published today. It calls for reform.",
        ("Care homes face a crisis.", "The report was published today.", "It calls for reform."),
    ),
)


@dataclass(frozen=True, slots=True)
class Article:
    """One dev article: its body (blank lines between paragraphs) and its reference summary."""

    id: str
    body: str
    reference: str
    reference_sentences: tuple[str, ...]


def as_body(text: str) -> str:
    """Turn the dataset's one-paragraph-per-line text into our body format (blank lines between them)."""
    return re.sub(r"\s*\n\s*", "\n\n", text.strip())


def load_articles(path: Path, limit: int | None) -> list[Article]:
    """Read the dev set; the title line is already excluded from `text` and `reference`."""
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles.append(
                Article(row["id"], as_body(row["text"]), row["reference"], tuple(row["reference_sentences"]))
            )
    return articles[:limit] if limit else articles


def _lead(sentences: Sequence[Sentence], count: int) -> tuple[int, ...]:
    """Take the first sentences, the classic news baseline."""
    return tuple(range(min(count, len(sentences))))


def _summariser(name: str) -> Callable[[Sequence[Sentence], int], tuple[int, ...]]:
    """Return a (sentences, count) -> indices function for a row of the table."""
    if name == "lead":
        return _lead
    return lambda sentences, count: summarise(sentences, count, name)


def score_summaries(articles: list[Article], repeats: int) -> dict[str, dict[str, dict[str, float]]]:
    """Score every algorithm at 3 and at k sentences: mean ROUGE F1 and whole-pipeline articles/s."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    for article in articles:  # warm nupunkt's caches so the first row timed is not penalised
        split_sentences(article.body)
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name in ("lead", *ALGORITHMS):
        pick = _summariser(name)
        pick(split_sentences(articles[0].body), 3)  # untimed: first calls build caches and configure sumy
        results[name] = {}
        for size in ("3", "k"):
            best = float("inf")
            chosen: list[list[str]] = []
            for _ in range(repeats):
                chosen = []
                started = time.perf_counter()
                for article in articles:
                    sentences = split_sentences(article.body)
                    count = 3 if size == "3" else len(article.reference_sentences)
                    chosen.append([sentences[i].text for i in pick(sentences, count)])
                best = min(best, time.perf_counter() - started)
            row = {rouge: 0.0 for rouge in ROUGE_TYPES}
            for article, texts in zip(articles, chosen, strict=True):
                scores = scorer.score(article.reference, " ".join(texts))
                for rouge in ROUGE_TYPES:
                    row[rouge] += scores[rouge].fmeasure / len(articles)
            row["articles_per_s"] = len(articles) / best
            row["verbatim_share"] = sum(
                all(text in article.body for text in texts)
                for article, texts in zip(articles, chosen, strict=True)
            ) / len(articles)
            results[name][size] = row
    return results


def _news(length_exponent: float = LENGTH_EXPONENT, drop: str = "") -> NewsSummarizer:
    """Build the news summariser with one weight set, or with one rule or idea taken out."""
    rules = [rule for rule in READING_RULES if rule != drop]
    summariser = NewsSummarizer(
        length_exponent=0.0 if drop == "length" else length_exponent,
        rules=rules,
        leave_one_out=drop != "leave-one-out",
        stem=drop == "unstemmed",
    )
    summariser.stop_words = _stop_words()
    return summariser


class _Scorer:
    """ROUGE-2 F1 (rouge-score, stemming) of chosen sentences against the reference, memoised per pick."""

    def __init__(self, articles: list[Article]) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
        self._articles = articles
        self._memo: dict[tuple[int, tuple[int, ...]], dict[str, float]] = {}
        self.sentences = [split_sentences(a.body) for a in articles]
        self.documents = [build_document(s) for s in self.sentences]

    def score(self, article: int, picked: Sequence[int]) -> dict[str, float]:
        key = (article, tuple(sorted(picked)))
        if key not in self._memo:
            text = " ".join(self.sentences[article][i].text for i in key[1])
            result = self._scorer.score(self._articles[article].reference, text)
            self._memo[key] = {rouge: result[rouge].fmeasure for rouge in ROUGE_TYPES}
        return self._memo[key]

    def run(self, article: int, name: str, count: int, news: NewsSummarizer | None = None) -> float:
        """ROUGE-2 of one system on one article; `news` runs that variant on the cached document."""
        if news is not None:
            document = self.documents[article]
            index_of = {id(s): i for i, s in enumerate(document.sentences)}
            picked: Sequence[int] = [index_of[id(s)] for s in news(document, count)]
        else:
            picked = _summariser(name)(self.sentences[article], count)
        return self.score(article, picked)["rouge2"]


def cross_validate(articles: list[Article], folds: int) -> dict:
    """Per fold: pick the length exponent on the other folds, score it held-back beside the baselines."""
    scorer = _Scorer(articles)
    fold_of = [i % folds for i in range(len(articles))]  # the file is sorted by category: stratified
    sizes = {"3": lambda i: 3, "k": lambda i: len(articles[i].reference_sentences)}
    grid = {beta: _news(beta) for beta in EXPONENTS}
    drops = ("length", "leave-one-out", "unstemmed", *READING_RULES)
    result: dict = {"folds": folds, "articles": len(articles), "exponents": list(EXPONENTS)}
    for size, count in sizes.items():
        per: dict[str, list[float]] = {}  # system -> its score on each article
        for beta, news in grid.items():
            per[f"news b={beta}"] = [scorer.run(i, "", count(i), news) for i in range(len(articles))]
        for name in BASELINES:
            per[name] = [scorer.run(i, name, count(i)) for i in range(len(articles))]
        rows = []
        for fold in range(folds):
            held = [i for i in range(len(articles)) if fold_of[i] == fold]
            train = [i for i in range(len(articles)) if fold_of[i] != fold]
            beta = max(EXPONENTS, key=lambda b: sum(per[f"news b={b}"][i] for i in train))
            row = {"fold": fold + 1, "n": len(held), "chosen_exponent": beta}
            row["news"] = sum(per[f"news b={beta}"][i] for i in held) / len(held)
            for name in BASELINES:
                row[name] = sum(per[name][i] for i in held) / len(held)
            rows.append(row)
        result[size] = rows
    ablation = []
    default = grid.get(LENGTH_EXPONENT) or _news()
    for drop in drops:
        variant = _news(drop=drop)
        gains = []
        for fold in range(folds):
            held = [i for i in range(len(articles)) if fold_of[i] == fold]
            full = sum(scorer.run(i, "", 3, default) for i in held)
            without = sum(scorer.run(i, "", 3, variant) for i in held)
            gains.append((full - without) / len(held))
        ablation.append({"rule": drop, "gain_per_fold": gains, "wins": sum(g > 0 for g in gains)})
    result["ablation"] = ablation
    return result


def print_cv(cv: dict, small: dict[str, float]) -> None:
    """Print the per-fold tables (ROUGE-2 F1 on each held-back fold) and the ablation."""
    for size in ("3", "k"):
        label = "3 sentences" if size == "3" else "k = the reference's sentence count"
        print(f"\n{cv['folds']}-fold cross-validation on {cv['articles']} BBC articles, ROUGE-2 F1, {label}")
        print(f"{'fold':>4} {'n':>4} {'exp':>5} {'news':>7} {'lead':>7} {'textrank':>9} {'lexrank':>8}"
              f" {'luhn':>7} {'news-TR':>8}")
        for row in cv[size]:
            print(f"{row['fold']:>4} {row['n']:>4} {row['chosen_exponent']:>5} {row['news']:>7.4f}"
                  f" {row['lead']:>7.4f} {row['textrank']:>9.4f} {row['lexrank']:>8.4f} {row['luhn']:>7.4f}"
                  f" {100 * (row['news'] - row['textrank']):>+8.2f}")
        mean = {k: sum(r[k] for r in cv[size]) / len(cv[size]) for k in ("news", *BASELINES)}
        print(f"{'mean':>4} {'':>4} {'':>5} {mean['news']:>7.4f} {mean['lead']:>7.4f} {mean['textrank']:>9.4f}"
              f" {mean['lexrank']:>8.4f} {mean['luhn']:>7.4f} {100 * (mean['news'] - mean['textrank']):>+8.2f}")
    print("\nAblation at 3 sentences: ROUGE-2 points the default gains from each idea or rule, per fold")
    for row in cv["ablation"]:
        gains = " ".join(f"{100 * g:>+6.2f}" for g in row["gain_per_fold"])
        print(f"{row['rule']:<14} {gains}   wins {row['wins']}/{len(row['gain_per_fold'])}")
    if small:
        print(f"\nSmall dev set ({small['articles']:.0f} articles, 3 sentences): news {small['news']:.4f},"
              f" TextRank {small['textrank']:.4f}")


def _nupunkt_merged(text: str) -> list[str]:
    """Split with our splitter (pruned nupunkt plus quotation and title merging)."""
    return [s.text for s in split_sentences(text)]


def _nupunkt_raw() -> Callable[[str], list[str]]:
    """Split with nupunkt's stock model, to show what our pruning and merging change."""
    import nupunkt

    model = nupunkt.load("default")
    return lambda text: [s.strip() for s in model.tokenize(text) if s.strip()]


def _pysbd() -> Callable[[str], list[str]]:
    """Split with pysbd (rule-based, slow), a rival we measured before choosing nupunkt."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [text[s.start : s.end].strip() for s in segmenter.segment(text) if s.sent.strip()]


def _syntok() -> Callable[[str], list[str]]:
    """Split with syntok, a rival we measured before choosing nupunkt; text is sliced by offsets."""
    from syntok import segmenter

    def split(text: str) -> list[str]:
        return [
            text[sentence[0].offset : sentence[-1].offset + len(sentence[-1].value)]
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
        ]

    return split


def bench_splitters(articles: list[Article], quick: bool) -> dict[str, dict[str, float | int | str]]:
    """Compare splitters on speed, reference sentences recovered exactly, and the tricky cases."""
    splitters: dict[str, Callable[[], Callable[[str], list[str]]]] = {
        "nupunkt-merged": lambda: _nupunkt_merged
    }
    if not quick:  # the others are optional extras, not dependencies of the bot
        splitters |= {"nupunkt-raw": _nupunkt_raw, "pysbd": _pysbd, "syntok": _syntok}
    results: dict[str, dict[str, float | int | str]] = {}
    for name, make in splitters.items():
        try:
            split = make()
        except ImportError as exc:
            results[name] = {"error": f"not installed: {exc.name}"}
            continue
        split("Warm up the model. It loads lazily.")
        started = time.perf_counter()
        pieces = [split(article.body) for article in articles]
        elapsed = time.perf_counter() - started
        found = sum(
            sentence in set(split_text)
            for article, split_text in zip(articles, pieces, strict=True)
            for sentence in article.reference_sentences
        )
        total = sum(len(article.reference_sentences) for article in articles)
        passed = sum(tuple(split(text)) == expected for text, expected in TRICKY_CASES)
        results[name] = {
            "sentences_per_s": sum(map(len, pieces)) / elapsed,
            "articles_per_s": len(articles) / elapsed,
            "reference_found": found / total,
            "tricky_passed": passed,
            "tricky_total": len(TRICKY_CASES),
        }
    return results


def print_tables(summaries: dict[str, dict[str, dict[str, float]]], splitting: dict, articles: int) -> None:
    """Print the human-readable tables."""
    print(f"Summaries on {articles} BBC dev articles (ROUGE F1 with stemming; k = reference sentence count;")
    print("articles/s = sentence splitting + summarising)")
    print(f"{'algorithm':<11} {'n':>2} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'articles/s':>11}")
    for name, sizes in summaries.items():
        for size, row in sizes.items():
            print(
                f"{name:<11} {size:>2} {row['rouge1']:>8.4f} {row['rouge2']:>8.4f} {row['rougeL']:>8.4f}"
                f" {row['articles_per_s']:>11.1f}"
            )
    print()
    print("Sentence splitting (reference found = reference sentences matched exactly; the references")
    print("themselves split inside quotations and decimals, so 100% is not reachable)")
    print(f"{'splitter':<15} {'sentences/s':>12} {'articles/s':>11} {'ref found':>10} {'tricky':>7}")
    for name, row in splitting.items():
        if "error" in row:
            print(f"{name:<15} {row['error']}")
            continue
        print(
            f"{name:<15} {row['sentences_per_s']:>12.0f} {row['articles_per_s']:>11.1f}"
            f" {row['reference_found']:>10.1%} {row['tricky_passed']:>3}/{row['tricky_total']}"
        )


def _small_figure(articles: list[Article]) -> dict[str, float]:
    """ROUGE-2 at 3 sentences of news and TextRank on the small dev set, to set beside the folds."""
    scorer = _Scorer(articles)
    figure = {
        name: sum(scorer.run(i, name, 3) for i in range(len(articles))) / len(articles)
        for name in ("news", "textrank")
    }
    return figure | {"articles": len(articles)}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 0 with a message when the dev data is not mounted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"use {QUICK_ARTICLES} articles, skip extras")
    parser.add_argument("--data", type=Path, default=DATA, help="summaries_dev.jsonl")
    parser.add_argument("--large", type=Path, default=LARGE, help="summaries_dev_large.jsonl")
    parser.add_argument("--cv", type=int, default=0, metavar="N", help="N-fold cross-validation on --large")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"Dev data not found at {args.data.resolve()}; nothing to benchmark (fine outside the lab).")
        return 0
    articles = load_articles(args.data, QUICK_ARTICLES if args.quick else None)
    figures: dict = {"articles": len(articles), "quick": args.quick}
    folds = 2 if args.quick else args.cv
    if folds and args.large.is_file():  # --quick runs a 2-fold check on 10 articles to prove it works
        large = load_articles(args.large, 10 if args.quick else None)
        figures["cv"] = cross_validate(large, folds)
        figures["small_dev"] = _small_figure(articles)
        print_cv(figures["cv"], figures["small_dev"])
        if not args.quick:
            print()
            print(json.dumps(figures, sort_keys=True))
            return 0
    splitting = bench_splitters(articles, args.quick)  # first, before the summaries warm nupunkt's caches
    summaries = score_summaries(articles, repeats=1 if args.quick else 5)
    print_tables(summaries, splitting, len(articles))
    news, textrank = summaries["news"], summaries["textrank"]
    rivals = [row["3"]["rouge2"] for name, row in summaries.items() if name != "news"]
    figures |= {
        "summaries": summaries,
        "splitting": splitting,
        "news_wins_rouge2_at_3": news["3"]["rouge2"] > max(rivals),
        "news_speed_vs_textrank": {
            size: news[size]["articles_per_s"] / textrank[size]["articles_per_s"] for size in ("3", "k")
        },
    }
    print()
    print(json.dumps(figures, sort_keys=True))
    return 0

if __name__ == "__main__":
    sys.exit(main())
