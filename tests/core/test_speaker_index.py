"""Fuzzy speaker look-up: typos and partial names find the right person, not everyone."""

from __future__ import annotations

import pytest

from bot.core.speaker_index import SpeakerIndex

SPEAKERS = [(1, "Matt Hancock"), (2, "Martin Green"), (3, "Izzi Seccombe"), (4, "Sally Copley"),
            (5, "Matthew Taylor")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("hancok", [1]),
        ("Hancock", [1]),
        ("matt hancock", [1]),
        ("seccomb", [3]),
        ("green", [2]),
        ("matt", [1]),
        ("mat", [1, 5]),
        ("nobody", []),
        ("", []),
        ("!!", []),
    ],
)
def test_match_speakers(typed: str, expected: list[int]) -> None:
    assert SpeakerIndex(SPEAKERS).match(typed) == expected
