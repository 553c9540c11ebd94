"""Run the pipeline on files without storing anything: what `digestbot inspect` prints."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from bot.config import Settings
from bot.core.files import RawFile, list_article_files
from bot.core.models import ProcessedArticle
from bot.errors import InputError
from bot.services.ingest import FAULT, read_files, repeated_lines, run_pipeline


async def inspect_files(paths: Sequence[Path], settings: Settings) -> list[dict[str, object]]:
    """Run the pipeline on files without storing anything; the shape score.py reads."""
    files, missing = list_article_files(paths)
    if missing:
        raise InputError(f"{missing[0][0]}: {missing[0][1]}")
    results = await asyncio.to_thread(read_files, files, settings.max_file_bytes)
    repeated = await repeated_lines(None, [r.text for r in results if isinstance(r, RawFile)])
    out: list[dict[str, object]] = []
    for result in results:
        if isinstance(result, tuple):
            out.append({"file": result[0].name, "error": result[1]})
            continue
        article = await asyncio.to_thread(
            run_pipeline, result.text, repeated=repeated,
            summary_sentences=settings.summary_sentences, algorithm=settings.summary_algorithm,
        )
        out.append(article_json(result.path.name, article) if article else {"file": result.path.name, "error": FAULT})
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
        "quotes": [
            {"speaker": q.speaker, "speaker_kind": q.speaker_kind, "role": q.role, "text": q.text}
            for q in article.quotes if not q.partial
        ],
        "partial_quotes": [
            {"speaker": q.speaker, "speaker_kind": q.speaker_kind, "text": q.text} for q in article.quotes if q.partial
        ],
    }
