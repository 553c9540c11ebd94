"""Small pure helpers of source management: telling URLs from paths, names safe to print."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services.sources import is_url


@pytest.mark.parametrize(
    ("target", "url"),
    [
        ("https://news.example/feed", True),
        ("file:///etc/passwd", True),
        ("javascript:alert(1)", True),
        ("seeds", False),
        ("./articles/2025", False),
        ("~/cuttings", False),
    ],
)
def test_is_url(target: str, url: bool) -> None:
    assert is_url(target) is url


def test_an_existing_folder_with_a_colon_is_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news:archive").mkdir()
    assert not is_url("news:archive")
