"""Folder ingest through the services layer, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.core.files import display_path
from bot.core.models import ProcessedArticle
from bot.services import ingest
from bot.services.ingest import FAULT, POOL_MIN_FILES, ingest_files
from bot.services.inspect import inspect_files
from bot.store import Store
from tests.conftest import SEEDS


async def test_large_folder_ingest_uses_a_worker_and_keeps_every_article(tmp_path: Path, store: Store) -> None:
    """From POOL_MIN_FILES files the pipeline runs in a worker process; results must match one by one."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(POOL_MIN_FILES):
        lines = seeds[i % len(seeds)].splitlines()
        first = next(n for n, line in enumerate(lines) if len(line) > 200)
        lines[first] += f" The survey had reference number {i}."  # a body sentence unique to this file
        (folder / f"{i:04d}.txt").write_text("\n".join(lines), encoding="utf-8")
    settings = Settings(db_path=tmp_path / "unused.sqlite3")
    ticks: list[int] = []
    report = await ingest_files(store, settings, [folder], ticks.append)
    assert (report.new, report.duplicate, report.skipped) == (POOL_MIN_FILES, 0, [])
    assert len(ticks) == POOL_MIN_FILES
    ids = await store.article_ids_between(0, await store.last_link())
    articles = await store.get_articles(ids)
    # each stored article is the one its file holds: its own reference number is in its body
    for article in articles:
        number = int(article.source_key.split(".")[0])
        assert f"reference number {number}." in article.body
    again = await ingest_files(store, settings, [folder])
    assert (again.new, again.unchanged) == (0, POOL_MIN_FILES)


async def test_a_fault_on_one_article_skips_it_and_keeps_the_others(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug that breaks on one odd article (a RecursionError, say) is that file's loss, reported and logged;
    the rest of the folder is stored and `inspect` still describes every other file."""
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    folder = tmp_path / "week"
    folder.mkdir()
    for seed in seeds:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    odd = folder / seeds[1].name
    real = ingest.process_article

    def breaks_on_one(raw: str, **options: Any) -> ProcessedArticle:
        if raw == odd.read_text(encoding="utf-8"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(raw, **options)

    monkeypatch.setattr(ingest, "process_article", breaks_on_one)
    settings = Settings(db_path=tmp_path / "unused.sqlite3")
    report = await ingest_files(store, settings, [folder])
    assert (report.new, report.skipped) == (2, [(display_path(odd), FAULT)])
    assert "RecursionError" in caplog.text
    described = await inspect_files([folder], settings)
    assert [entry.get("error") for entry in described] == [None, FAULT, None]
    assert all(entry["text"] for entry in described if "error" not in entry)
