"""The operations both adapters (command line and Discord) call: ingest, digest, look-ups.

Blocking work (file reading, the text pipeline) runs in a thread so an event loop stays responsive.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bot.config import Settings
from bot.core.digest import Digest, build_digest
from bot.core.filters import Filters, apply_filters
from bot.core.ingest import RawFile, list_article_files, read_article_file, text_hash
from bot.core.lookup import SpeakerIndex
from bot.core.models import ProcessedArticle, StoredArticle, StoredQuote
from bot.core.pipeline import process_article, short_line_keys
from bot.core.render import render_markdown
from bot.core.summarise import summarise
from bot.core.tokenizer import split_sentences
from bot.errors import InputError, NotFoundError
from bot.store.queries import SaveOutcome, Store

log = logging.getLogger(__name__)

REPEATED_IN = 3  # a short line found in this many articles is page furniture
BATCH = 100  # files read and cleaned together, so repetition within a batch counts too
POOL_MIN_FILES = 200  # from this many files a worker process pays for its start-up (about a second)
AHEAD = 4  # articles the worker process may run ahead of the saving
NO_TEXT = "no article text found after removing page furniture"


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


def _read(paths: Sequence[Path], max_bytes: int) -> list[RawFile | tuple[Path, str]]:
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
    report.skipped.extend((str(p), reason) for p, reason in missing)
    sources: dict[Path, int] = {}
    with _worker(len(files)) as pool:
        for start in range(0, len(files), BATCH):
            chunk = files[start:start + BATCH]
            results = await asyncio.to_thread(_read, chunk, settings.max_file_bytes)
            raws = [r for r in results if isinstance(r, RawFile)]
            repeated = await repeated_lines(store, [r.text for r in raws])
            todo: list[tuple[int, RawFile, str]] = []
            for result in results:
                if isinstance(result, tuple):
                    report.skipped.append((str(result[0]), result[1]))
                    log.warning("skipped %s: %s", result[0], result[1])
                else:
                    folder = result.path.parent.resolve()
                    if folder not in sources:
                        sources[folder] = await store.ensure_source("folder", str(folder), folder.name)
                    digest = text_hash(result.text)
                    if await store.known_raw_hash(sources[folder], result.path.name) != digest:
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
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


async def _processed(
    settings: Settings, texts: Sequence[str], repeated: frozenset[str], pool: ProcessPoolExecutor | None,
) -> AsyncIterator[ProcessedArticle]:
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
    store: Store, source_id: int, raw: RawFile, digest: str, article: ProcessedArticle, report: IngestReport,
) -> None:
    if raw.note:
        report.notes.append((str(raw.path), raw.note))
        log.warning("%s: %s", raw.path, raw.note)
    if not article.body.strip():
        report.skipped.append((str(raw.path), NO_TEXT))
        return
    outcome, _ = await save_processed(store, source_id, raw.path.name, None, digest, raw.text, article)
    report.count(outcome)
    log.debug("%s: %s", raw.path, outcome.value)


async def process_text(settings: Settings, raw: str, repeated: frozenset[str]) -> ProcessedArticle:
    """Run the pipeline on one raw text in a worker thread, so the event loop stays responsive."""
    return await asyncio.to_thread(_pipeline(settings, repeated), raw)


def _pipeline(settings: Settings, repeated: frozenset[str]) -> Callable[[str], ProcessedArticle]:
    """The pipeline with this run's settings bound, picklable so a worker process can run it too."""
    return partial(process_article, repeated=repeated, summary_sentences=settings.summary_sentences,
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


async def inspect_files(paths: Sequence[Path], settings: Settings) -> list[dict[str, object]]:
    """Run the pipeline on files without storing anything; the shape score.py reads."""
    files, missing = list_article_files(paths)
    if missing:
        raise InputError(f"{missing[0][0]}: {missing[0][1]}")
    results = await asyncio.to_thread(_read, files, settings.max_file_bytes)
    repeated = await repeated_lines(None, [r.text for r in results if isinstance(r, RawFile)])
    out: list[dict[str, object]] = []
    for result in results:
        if isinstance(result, tuple):
            out.append({"file": result[0].name, "error": result[1]})
            continue
        article = await asyncio.to_thread(
            process_article, result.text, repeated=repeated,
            summary_sentences=settings.summary_sentences, algorithm=settings.summary_algorithm,
        )
        out.append(article_json(result.path.name, article))
    return out


def article_json(name: str, article: ProcessedArticle) -> dict[str, object]:
    """Describe a processed article as plain JSON data."""
    meta = article.meta
    return {
        "file": name,
        "title": meta.title,
        "published": meta.published.isoformat() if meta.published else None,
        "author": meta.author,
        "publisher": meta.publisher,
        "text": article.body,
        "summary": article.summary_sentences,
        "quotes": [{"speaker": q.speaker, "role": q.role, "text": q.text} for q in article.quotes if not q.partial],
        "partial_quotes": [{"speaker": q.speaker, "text": q.text} for q in article.quotes if q.partial],
    }


async def week_digest(
    store: Store, settings: Settings, week: str, guild_id: int = 0, *, record: bool = True
) -> Digest:
    """Build (recording it the first time) the digest of `week`: articles since the previous digest.

    A server's digest holds the shared articles and its own sources' ones that pass its filters; with
    `record` False a week not yet recorded is previewed without fixing its contents.
    """
    span = await store.create_digest(guild_id, week, record=record)
    ids = await store.article_ids_between(span.first_link, span.last_link, guild_id)
    filters = Filters.from_rows(await store.guild_filters(guild_id))
    articles = apply_filters(filters, await store.get_articles(ids))
    return await asyncio.to_thread(build_digest, articles, week, settings.summary_sentences)


def write_digest(digest: Digest, folder: Path) -> tuple[Path, str]:
    """Write the digest's Markdown to folder/YYYY-Www.md and return the path and text."""
    text = render_markdown(digest)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest.week}.md"
    path.write_text(text, encoding="utf-8")
    return path, text


async def find_article(store: Store, reference: str, guild_id: int | None = None) -> StoredArticle:
    """Resolve an article by id, file name, URL or title words; NotFoundError when nothing matches."""
    ids = await store.find_article_ids(reference, limit=1, guild_id=guild_id)
    if not ids:
        raise NotFoundError(f"no article matches {reference!r}")
    return (await store.get_articles(ids))[0]


async def article_summary(article: StoredArticle, sentences: int, algorithm: str) -> list[str]:
    """Summarise a stored article at any length (the stored summary has the configured length)."""
    split = await asyncio.to_thread(split_sentences, article.body)
    chosen = await asyncio.to_thread(summarise, split, sentences, algorithm)
    return [split[i].text for i in chosen]


async def search_articles(
    store: Store, query: str, limit: int = 10, guild_id: int | None = None
) -> list[StoredArticle]:
    """Return the stored articles best matching the query's words."""
    ids = await store.search_article_ids(query, limit, guild_id=guild_id)
    return await store.get_articles(ids, with_quotes=False)


async def find_quotes(
    store: Store, speaker: str | None = None, about: str | None = None, limit: int = 10, offset: int = 0,
    guild_id: int | None = None,
) -> list[StoredQuote]:
    """Look up full quotations by speaker (fuzzy) and/or topic words, newest first."""
    speaker_ids = None
    if speaker:
        speaker_ids = (await speaker_index(store)).match(speaker)
    return await store.find_quotes(speaker_ids, about, limit=limit, offset=offset, guild_id=guild_id)


_index: tuple[list[tuple[int, str]], SpeakerIndex] | None = None


async def speaker_index(store: Store) -> SpeakerIndex:
    """Return the index of speaker names, rebuilt only when the store's list of speakers changes."""
    global _index
    names = await store.speaker_names()
    if _index is None or _index[0] is not names:
        _index = (names, SpeakerIndex(names))
    return _index[1]
