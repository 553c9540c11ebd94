"""Fuzzy speaker look-up: typos and partial names find the right person, not everyone."""

from __future__ import annotations

import importlib.util
import random
from types import ModuleType

import pytest

from bot.core.speaker_index import SpeakerIndex
from tests.conftest import REPO

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



def test_the_deletion_index_finds_exactly_the_spellings_a_comparison_with_every_name_finds() -> None:
    bench = load_bench()  # its baseline is the definition: an edit distance to every known name word
    rng = random.Random(5)
    speakers = bench.names(400, rng)
    index = SpeakerIndex(speakers)
    vocabulary = sorted({w.lower() for _, name in speakers for w in name.split()})
    typed = []
    for word in rng.sample(vocabulary, 150):
        for _ in range(rng.randint(1, 3)):  # one to three slips
            word = bench.slip(word, rng)
        typed += [word, word[:3]]
    for word in typed:
        assert index._spellings(word) == bench.every_spelling(vocabulary, word), word


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speaker_match", REPO / "bench" / "speaker_match.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
