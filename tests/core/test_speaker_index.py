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


TITLED = [(1, "Priya Tanner"), (2, "Hamid Qureshi"), (3, "Dr Hamid Qureshi"), (4, "Jo Turner"),
          (5, "Dame Alison Marsh"), (6, "Li Wei")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Cllr Tanner", [1]),
        ("Councillor Priya Tanner", [1]),
        ("Dr Hamid Qureshi", [2, 3]),
        ("Professor Qureshi", [2, 3]),
        ("Ms Marsh", [5]),
        ("Sir Alison Marsh", [5]),
        ("Dame Marsh", [5]),
        ("dame", [5]),  # only titles: the title itself is what was asked for
    ],
)
def test_titles_and_honorifics_are_ignored(typed: str, expected: list[int]) -> None:
    assert SpeakerIndex(TITLED).match(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("taner", [1]),  # a missing letter
        ("tanor", [1]),  # a wrong and a missing letter in a long name
        ("tannre", [1]),  # two letters swapped at the end
        ("qureshy", [2, 3]),  # a wrong last letter
        ("xureshi", [2, 3]),  # a wrong first letter
        ("turner", [4]),  # a known name is taken as typed, not as a slip for another
        ("wie", [6]),  # two letters swapped
        ("le", []),  # a two-letter word must be exact (or begin a name)
        ("zzzzner", []),
    ],
)
def test_one_letter_slips_anywhere_are_tolerated(typed: str, expected: list[int]) -> None:
    assert SpeakerIndex(TITLED).match(typed) == expected
