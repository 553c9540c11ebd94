"""Reading article files: every bad file gives a reason, good files come back as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.files import list_article_files, read_article_file, text_hash
from bot.errors import InputError


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_unusable_files_raise_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_article_file(write(tmp_path, "x.txt", data), max_bytes=10_000)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 1000)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_article_file(path, max_bytes=100)


def test_windows_1252_text_is_decoded_with_a_note(tmp_path: Path) -> None:
    raw = read_article_file(write(tmp_path, "w.txt", "Care England’s chief said £5m".encode("cp1252")), 10_000)
    assert raw.text == "Care England’s chief said £5m"
    assert raw.note is not None and "Windows-1252" in raw.note


def test_undecodable_bytes_are_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    data = b"Council budgets" + b" \x81\x8d\x8f\x90\x9d " + "rose by £2m.".encode()
    raw = read_article_file(write(tmp_path, "m.txt", data), 10_000)
    assert raw.text.startswith("Council budgets") and raw.text.endswith("rose by £2m.")
    assert raw.note is not None and "replaced" in raw.note


def test_utf8_with_bom_is_plain_text(tmp_path: Path) -> None:
    raw = read_article_file(write(tmp_path, "b.txt", "\ufeffHeadline".encode()), 10_000)
    assert raw.text == "Headline" and raw.note is None


def test_folders_expand_to_sorted_txt_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "notes.md"):
        write(tmp_path, name, b"text")
    files, problems = list_article_files([tmp_path, tmp_path / "missing.txt"])
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    assert problems == [(tmp_path / "missing.txt", "no such file or folder")]


def test_text_hash_ignores_whitespace_only_changes() -> None:
    assert text_hash("a  b\n c") == text_hash("a b c")
    assert text_hash("a b c") != text_hash("a b d")
