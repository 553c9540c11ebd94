"""Ingest article files and folders: read, run the text pipeline (in a worker when large), save.

Blocking work (file reading, the text pipeline) runs in a thread so an event loop stays responsive.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bot.config import Settings
from bot.core.files import RawFile, display_path, list_article_files, read_article_file, text_hash
from bot.core.models import ProcessedArticle
from bot.core.pipeline import process_article, short_line_keys
from bot.core.records import SaveOutcome
from bot.errors import InputError, SourceGoneError
from bot.store import Store

log = logging.getLogger(__name__)


REPEATED_IN = 3  # a short line found in this many articles is page furniture


BATCH = 100  # files read and cleaned together, so repetition within a batch counts too


POOL_MIN_FILES = 200  # from this many files a worker process pays for its start-up (about a second)


AHEAD = 4  # articles the worker process may run ahead of the saving


NO_TEXT = "no article text found after removing page furniture"
FAULT = "could not be processed: a fault in digestbot, logged with its details"


PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies (Linux)


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did, file by file where something went wrong."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def count(self, outcome: SaveOutcome) -> None:
        name = outcome.value
        setattr(self, name, getattr(self, name) + 1)

    def summary(self) -> str:
        return (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.duplicate} duplicate, {len(self.skipped)} skipped"
        )


def read_files(paths: Sequence[Path], max_bytes: int) -> list[RawFile | tuple[Path, str]]:
    out: list[RawFile | tuple[Path, str]] = []
    for path in paths:
        try:
            out.append(read_article_file(path, max_bytes))
        except InputError as exc:
            out.append((path, str(exc)))
    return out


async def repeated_lines(store: Store | None, raws: Sequence[str]) -> frozenset[str]:
    """Return the short lines of these texts seen in enough articles (in the batch, and stored if a store
    is given) to be page furniture."""
    batch = Counter(key for raw in raws for key in short_line_keys(raw))
    stored = await store.line_counts(batch) if store else {}
    return frozenset(k for k, n in batch.items() if n + stored.get(k, 0) >= REPEATED_IN)


async def ingest_files(
    store: Store,
    settings: Settings,
    paths: Sequence[Path],
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest article files and folders of .txt files; bad files are reported and skipped."""
    report = IngestReport()
    files, missing = list_article_files(paths)
    report.skipped.extend((display_path(p), reason) for p, reason in missing)
    sources: dict[Path, int] = {}
    with _worker(len(files)) as pool:
        for start in range(0, len(files), BATCH):
            chunk = files[start:start + BATCH]
            results = await asyncio.to_thread(read_files, chunk, settings.max_file_bytes)
            raws = [r for r in results if isinstance(r, RawFile)]
            repeated = await repeated_lines(store, [r.text for r in raws])
            todo: list[tuple[int, RawFile, str]] = []
            for result in results:
                if isinstance(result, tuple):
                    report.skipped.append((display_path(result[0]), result[1]))
                    log.warning("skipped %s: %s", display_path(result[0]), result[1])
                else:
                    folder = result.path.parent.resolve()
                    if folder not in sources:
                        sources[folder] = await store.ensure_source(
                            "folder", display_path(folder), display_path(folder.name))
                    digest = text_hash(result.text)
                    if await store.known_raw_hash(sources[folder], display_path(result.path.name)) != digest:
                        todo.append((sources[folder], result, digest))
                        continue
                    report.count(SaveOutcome.UNCHANGED)
                if progress:
                    progress(1)
            pending = iter(todo)
            async for article in _processed(settings, [raw.text for _, raw, _ in todo], repeated, pool):
                source_id, raw, digest = next(pending)
                await _save_file(store, source_id, raw, digest, article, report)
                if progress:
                    progress(1)
    return report


@contextmanager
def _worker(files: int) -> Iterator[ProcessPoolExecutor | None]:
    """A worker process for large ingests, so the pipeline runs on another core while articles are saved."""
    if files < POOL_MIN_FILES:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        yield pool


def die_with_parent(parent: int) -> None:
    """Make this worker process end when its parent does, even by kill -9 (then nothing else would stop it).

    On Linux the kernel sends SIGKILL (PR_SET_PDEATHSIG); elsewhere a thread watches for the parent to go.
    The resource tracker ends by itself once its last user (parent and worker) is gone.
    """
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent was gone before the signal was asked for
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


async def _processed(
    settings: Settings, texts: Sequence[str], repeated: frozenset[str], pool: ProcessPoolExecutor | None,
) -> AsyncIterator[ProcessedArticle | None]:
    """Yield the pipeline's result for each text in order; with a worker process, compute ahead."""
    if pool is None:
        for text in texts:
            yield await process_text(settings, text, repeated)
        return
    work = _pipeline(settings, repeated)
    loop = asyncio.get_running_loop()
    ahead = deque(loop.run_in_executor(pool, work, text) for text in texts[:AHEAD])
    for following in range(AHEAD, len(texts) + AHEAD):
        result = await ahead.popleft()
        if following < len(texts):
            ahead.append(loop.run_in_executor(pool, work, texts[following]))
        yield result


async def _save_file(
    store: Store, source_id: int, raw: RawFile, digest: str, article: ProcessedArticle | None, report: IngestReport,
) -> None:
    if raw.note:
        report.notes.append((display_path(raw.path), raw.note))
        log.warning("%s: %s", display_path(raw.path), raw.note)
    if article is None or not article.body.strip():
        report.skipped.append((display_path(raw.path), FAULT if article is None else NO_TEXT))
        return
    try:
        outcome, _ = await save_processed(
            store, source_id, display_path(raw.path.name), None, digest, raw.text, article)
    except SourceGoneError as exc:
        report.skipped.append((display_path(raw.path), str(exc)))
        return
    report.count(outcome)
    log.debug("%s: %s", display_path(raw.path), outcome.value)


async def process_text(settings: Settings, raw: str, repeated: frozenset[str]) -> ProcessedArticle | None:
    """Run the pipeline on one raw text in a worker thread, so the event loop stays responsive; None when it
    fails on this text (see run_pipeline).

    A feed item or page longer than an article file may be is cut to that length first, so every text
    path has the same bound on time and memory.
    """
    return await asyncio.to_thread(_pipeline(settings, repeated), cap_text(raw, settings.max_file_bytes))


def run_pipeline(
    raw: str, *, repeated: frozenset[str], summary_sentences: int, algorithm: str
) -> ProcessedArticle | None:
    """The pipeline on one text, or None, logged, when a fault in it breaks on this text: one odd article is
    reported as skipped and the rest of the batch, the feed or the week's digest goes on."""
    try:
        return process_article(raw, repeated=repeated, summary_sentences=summary_sentences, algorithm=algorithm)
    except Exception:
        log.exception("the pipeline failed on an article beginning %r", raw[:80])
        return None


def cap_text(raw: str, limit: int) -> str:
    """Cut a text to at most `limit` characters, at the last paragraph break before it when there is one."""
    if len(raw) <= limit:
        return raw
    cut = raw.rfind("\n\n", 0, limit)
    log.info("article text of %d characters cut to %d", len(raw), cut if cut > 0 else limit)
    return raw[:cut] if cut > limit // 2 else raw[:limit]


def _pipeline(settings: Settings, repeated: frozenset[str]) -> Callable[[str], ProcessedArticle | None]:
    """The pipeline with this run's settings bound, picklable so a worker process can run it too."""
    return partial(run_pipeline, repeated=repeated, summary_sentences=settings.summary_sentences,
                   algorithm=settings.summary_algorithm)


async def save_processed(
    store: Store, source_id: int, key: str, url: str | None, raw_hash: str, raw: str,
    article: ProcessedArticle, *, guid: str | None = None, replace: int | None = None,
) -> tuple[SaveOutcome, int | None]:
    """Save a processed article in its own transaction, with the line and speaker keys the store counts."""
    return await store.save_article(
        source_id, key, url, raw_hash, article, short_line_keys(raw), speaker_keys(article),
        guid=guid, replace=replace,
    )


def speaker_keys(article: ProcessedArticle) -> dict[str, str]:
    """Map each quoted speaker's canonical name to the key that identifies the person across articles.

    The extractor already gives each person's fullest name in the article, so the key is that name
    case-folded: "Ann Lee" and "Bob Lee" stay two people, while a search for "Lee" finds both.
    """
    return {q.speaker: " ".join(q.speaker.casefold().split()) for q in article.quotes if q.speaker}
