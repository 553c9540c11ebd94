"""Quality on hand-checked gold annotations, scored by ../shared/eval/score.py (skipped when absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS, SHARED

GOLD = SHARED / "eval" / "seeds_gold.json"
SCORER = SHARED / "eval" / "score.py"


def gold_files() -> list[Path]:
    if not GOLD.is_file():
        return []
    return [SEEDS / a["file"] for a in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside the repo")
def test_seed_scores_meet_the_targets(tmp_path: Path) -> None:
    files = gold_files()
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        pytest.skip(f"the gold's sample articles are not in seeds/: {', '.join(missing)}")
    out = tmp_path / "inspect.json"
    result = subprocess.run([sys.executable, "-m", "bot", "inspect", *map(str, files), "--json"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(out), "--articles", str(SEEDS), "--json"],
                            capture_output=True, text=True, timeout=120)
    scores = json.loads(scored.stdout)
    assert scores["title"] == 1.0
    for field in ("published", "author", "publisher"):
        assert scores[field] >= 0.8, field
    assert scores["body_recall"] >= 0.98
    assert scores["boilerplate_leak"] <= 0.05
    assert scores["summary_extractive"] == 1.0
    assert scores["summary_clean"] == 1.0
    assert scores["quote_precision"] >= 0.95
    assert scores["attributed_f1"] >= 0.90
