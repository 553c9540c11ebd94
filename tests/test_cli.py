"""The command line end to end, as a user runs it: a real subprocess in a temporary folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.digest import week_of
from tests.conftest import REPO, SEEDS


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGESTBOT_", "DISCORD_"))}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def test_digest_from_seeds_groups_the_same_story_and_is_stable(workdir: Path) -> None:
    first = run(workdir, "digest")
    assert first.returncode == 0, first.stderr
    path = workdir / "digests" / f"{week_of(datetime.now(UTC))}.md"
    text = path.read_text(encoding="utf-8")
    assert first.stdout.strip() == text.strip()
    articles = len(list(SEEDS.glob("*.txt")))
    # the two reports of the care home closures (files 000 and 001) make one item with two sources
    assert f"{articles - 1} stories from {articles} articles." in text
    first_item = text.split("\n## 1. ")[1].split("\n## 2. ")[0]
    assert first_item.count("\n- ") == 2 and "Sources:" in first_item
    assert "cookie" not in text.lower() and "subscribe" not in text.lower()
    again = run(workdir, "digest")
    assert again.returncode == 0 and "0 new" in again.stderr and "6 unchanged" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_ingest_is_idempotent_and_reports_bad_files(workdir: Path) -> None:
    (workdir / "seeds" / "empty.txt").write_bytes(b"")
    (workdir / "seeds" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run(workdir, "ingest")
    assert result.returncode == 0
    assert "skipped" in result.stderr and "empty.txt: file is empty" in result.stderr
    assert "image.txt: file is binary" in result.stderr
    assert "6 new" in result.stderr
    again = run(workdir, "ingest")
    assert "0 new, 0 updated, 6 unchanged" in again.stderr


def test_lookups_after_ingest(workdir: Path) -> None:
    assert run(workdir, "ingest").returncode == 0
    speakers = run(workdir, "speakers")
    assert speakers.returncode == 0 and speakers.stdout.strip()
    top = speakers.stdout.splitlines()[0].split(maxsplit=1)[1]
    surname = top.split()[-1]
    misspelt = surname[:-1] if len(surname) > 4 else surname
    quotes = run(workdir, "quotes", "--speaker", misspelt)
    assert quotes.returncode == 0 and f"— {top}" in quotes.stdout
    search = run(workdir, "search", "care", "homes")
    assert search.returncode == 0 and search.stdout.startswith("[")
    article_id = search.stdout.split("]")[0].lstrip("[")
    summary = run(workdir, "summary", article_id, "--sentences", "2")
    assert summary.returncode == 0
    assert len([line for line in summary.stdout.splitlines() if line.startswith("- ")]) == 2


def test_inspect_json_has_the_scoring_shape(workdir: Path) -> None:
    files = sorted(str(p) for p in (workdir / "seeds").glob("*.txt"))
    result = run(workdir, "inspect", *files, "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert [item["file"] for item in items] == [Path(f).name for f in files]
    for item in items:
        assert {"file", "title", "published", "author", "publisher", "text", "summary", "quotes"} <= set(item)
        assert all(sentence in item["text"] for sentence in item["summary"])
        assert all({"speaker", "text"} <= set(q) for q in item["quotes"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("summary", "no such article"), "no article matches"),
        (("digest", "--week", "2026-99"), "week must look like"),
        (("inspect", "missing.txt", "--json"), "no such file"),
    ],
)
def test_errors_are_one_line_without_traceback(workdir: Path, args: tuple[str, ...], message: str) -> None:
    result = run(workdir, *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_setting_is_one_line(workdir: Path) -> None:
    (workdir / ".env").write_text("DIGESTBOT_SUMMARY_SENTENCES=lots\n")
    result = run(workdir, "ingest")
    assert result.returncode == 1
    assert result.stderr.strip() == "digestbot: error: DIGESTBOT_SUMMARY_SENTENCES must be a whole number, got 'lots'"
