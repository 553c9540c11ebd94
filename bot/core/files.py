"""Read article files safely: every bad file becomes a one-line reason, never a crash."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
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


def printable(text: str) -> str:
    """Return text that can be printed and stored: bytes that were not UTF-8 (in a file name or a
    command-line argument, kept by Python as lone surrogates) are shown as \\xNN.

    Such text is legal on Linux but cannot be encoded as UTF-8, so printing, logging or storing it fails.
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte stands for
        return text.encode("utf-8", "replace").decode("utf-8")


def display_path(path: Path | str) -> str:
    """Return a path as printable text (see `printable`)."""
    return printable(os.fspath(path))


def _kind(mode: int) -> str:
    """Name what a path that is no regular file or folder is, for a one-line reason."""
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _folder_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """List a folder's .txt regular files (sorted); symlinks are kept only when they stay inside the folder."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    try:
        root = folder.resolve(strict=True)
        entries = sorted((e for e in os.scandir(folder) if e.name.endswith(".txt")), key=lambda e: e.name)
    except OSError as exc:
        return [], [(folder, f"cannot read folder: {exc.strerror or exc}")]
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                target = path.resolve(strict=True)
                if not target.is_relative_to(root):
                    problems.append((path, "symbolic link to a file outside the folder: refused"))
                    continue
            mode = path.stat().st_mode
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
            problems.append((path, f"cannot read file: {getattr(exc, 'strerror', None) or exc}"))
            continue
        if stat.S_ISREG(mode):
            files.append(path)
        elif not stat.S_ISDIR(mode):
            problems.append((path, f"is {_kind(mode)}, not a regular file: skipped"))
    return files, problems


def list_article_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders to their .txt files (sorted); return (files, [(path, reason)] for unusable paths).

    Only regular files are read: a symlink in a folder that leads out of it (say to /etc/shadow) is
    refused, and FIFOs, sockets and devices are named rather than opened (a FIFO would block for ever).
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            problems.append((path, "no such file or folder"))
            continue
        except OSError as exc:
            problems.append((path, f"cannot read: {exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(mode):
            found, bad = _folder_files(path)
            files.extend(found)
            problems.extend(bad)
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append((path, f"is {_kind(mode)}, not a regular file"))
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


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most `max_bytes`; what is opened is checked, so a swapped-in FIFO never blocks."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise InputError(f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew while we read it
        raise InputError(f"file is over the {max_bytes:,}-byte limit")
    return data


def read_article_file(path: Path, max_bytes: int) -> RawFile:
    """Read one article file, raising InputError with the reason when it cannot be used."""
    try:
        data = _read_regular(path, max_bytes)
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
