"""Read article files safely: every bad file becomes a one-line reason, never a crash."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.errors import InputError

log = logging.getLogger(__name__)

_CONTROL = {b for b in range(32) if b not in (9, 10, 12, 13)} | {127}


@dataclass(frozen=True, slots=True)
class RawFile:
    """An article file's decoded text and how it was decoded."""

    path: Path
    text: str
    note: str | None = None  # e.g. "not UTF-8: decoded as Windows-1252"


def list_article_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders to their .txt files (sorted); return (files, [(path, reason)] for unusable paths)."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append((path, "no such file or folder"))
    return files, problems


def decode_article(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8, else Windows-1252 (common in copied UK web text), else UTF-8 with replacements."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8: decoded as Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, f"not UTF-8: {bad} undecodable byte(s) replaced"


def looks_binary(data: bytes) -> bool:
    """Tell binary files (images, archives, documents) from text by NUL bytes and control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return bool(sample) and controls / len(sample) > 0.05


def read_article_file(path: Path, max_bytes: int) -> RawFile:
    """Read one article file, raising InputError with the reason when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError("file is empty")
    if looks_binary(data):
        raise InputError("file is binary, not text")
    text, note = decode_article(data)
    if not text.strip():
        raise InputError("file has no text")
    return RawFile(path, text, note)


def text_hash(text: str) -> str:
    """Hash text with whitespace normalised, so re-saving a file unchanged is recognised."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
