"""Each benchmark runs in its quick form and ends with one JSON line of figures (proof it works, not timing)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, SHARED


@pytest.mark.parametrize("script", sorted(p.name for p in (REPO / "bench").glob("*.py")))
def test_benchmark_quick_run_prints_json_figures(script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), "--quick"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    if not last.startswith("{") and not (SHARED / "eval").is_dir():
        pytest.skip(f"{script} needs ../shared/eval: {last}")
    figures = json.loads(last)
    assert isinstance(figures, dict) and figures
