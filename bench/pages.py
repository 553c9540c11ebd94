"""Metadata, cleaning and quotes on pasted pages the rules were never written from, scored like the seeds.

    .venv/bin/python bench/pages.py [--show] [--quick] [FOLDER ...]

Each FOLDER (default: every folder under bench/pages) holds pasted pages (*.txt) of UK health and social
care news and a gold.json in the format of ../shared/eval/seeds_gold.json. The pages are fictional, written
for this project by helpers who never saw its code, samples or output, in the styles of outlets it has not
seen. The sets were written one after another ("a" to "z", then "aa" to "az", "ba" and so on); each was scored
once on arrival, before any rule was written from it (that figure is the result, in README.md), and only then
read while fixing what it showed (some were never read). Each folder is run through `digestbot inspect --json`
in one batch, as a user would, and scored by ../shared/eval/score.py (loaded by path; the bench says so and
stops when it is absent). With --show, each field the pipeline got wrong is printed beside the gold answer.
--quick scores only the first few sets: all of them take a quarter of an hour, too long for the test suite's
check that the bench runs. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "eval" / "score.py"
FIELDS = ("title", "published", "author", "publisher")
QUICK_SETS = 3
KEPT = ("quote_precision", "quote_recall", "attributed_f1", *FIELDS, "body_recall", "boilerplate_leak",
        "summary_extractive", "summary_clean")


def inspect(folder: Path) -> list[dict]:
    """What `digestbot inspect --json` says of a folder's pages."""
    files = sorted(str(p) for p in folder.glob("*.txt"))
    done = subprocess.run([sys.executable, "-m", "bot", "inspect", *files, "--json"], cwd=REPO,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode:
        raise SystemExit(f"inspect failed on {folder}: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def score(folder: Path, predictions: list[dict], show: bool) -> dict[str, object]:
    """Score one folder with the shared scorer; print its wrong fields when asked."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "inspect.json"
        out.write_text(json.dumps(predictions), encoding="utf-8")
        done = subprocess.run([sys.executable, str(SCORER), str(folder / "gold.json"), str(out), "--articles",
                               str(folder), "--json"], capture_output=True, text=True, timeout=300, check=True)
    result = json.loads(done.stdout)
    if show:
        gold = {a["file"]: a for a in json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]}
        by_file = {p["file"]: p for p in predictions}
        for name, marks in sorted(result["per_article"].items()):
            wrong = [f"{f}: got {by_file[name].get(f)!r}, gold {gold[name].get(f)!r}" for f in FIELDS if not marks[f]]
            for line in [f"quote_f1 {marks['quote_f1']}", *wrong] if wrong or marks["quote_f1"] < 0.9 else []:
                print(f"  {name}  {line}")
    return {key: result[key] for key in KEPT if key in result} | {"articles": result["articles"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="print each wrong field beside the gold answer")
    parser.add_argument("--quick", action="store_true", help=f"score only the first {QUICK_SETS} sets")
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"{SCORER} is absent: nothing to score")
        return 0
    folders = args.folders or sorted(p.parent for p in (REPO / "bench" / "pages").glob("*/gold.json"))
    if args.quick:
        folders = folders[:QUICK_SETS]
    figures = {}
    for folder in folders:
        print(folder.name)
        figures[folder.name] = score(folder, inspect(folder), args.show)
        print("  " + ", ".join(f"{k} {v}" for k, v in figures[folder.name].items()))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
