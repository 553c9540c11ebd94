"""Fuzzy speaker look-up: typos and partial names find the right person, not everyone."""

from __future__ import annotations

import random

import pytest

from bot.core.speaker_index import PREFIX_MIN, SpeakerIndex, edit_distance, slips_allowed

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


def every_spelling(vocabulary: list[str], word: str) -> set[str]:
    """The definition of the words a typed word may stand for, by comparing it with every known word."""
    if word in vocabulary:
        return {word}
    near = {v: d for v in vocabulary if (d := edit_distance(word, v, slips_allowed(word, v))) <= slips_allowed(word, v)}
    close = {v for v, d in near.items() if d == min(near.values())}
    return close | ({v for v in vocabulary if v.startswith(word)} if len(word) >= PREFIX_MIN else set())


def test_the_deletion_index_finds_exactly_the_spellings_a_comparison_with_every_name_finds() -> None:
    rng = random.Random(5)
    syllables = ["an", "ber", "co", "dell", "er", "fi", "gan", "ho", "is", "ja", "ker", "lo", "ma", "ne", "son"]
    names = [" ".join("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))).title() for _ in range(2))
             for _ in range(400)]
    index = SpeakerIndex(list(enumerate(names)))
    vocabulary = sorted({w.lower() for name in names for w in name.split()})
    letters = "abcdefghijklmnopqrstuvwxyz"
    typed = []
    for word in rng.sample(vocabulary, 150):
        for _ in range(rng.randint(1, 3)):  # one to three slips: changed, dropped, added or swapped letters
            i = rng.randrange(len(word))
            word = rng.choice([word[:i] + rng.choice(letters) + word[i + 1:], word[:i] + word[i + 1:] or word,
                               word[:i] + rng.choice(letters) + word[i:], word[:i] + word[i + 1:i + 2] + word[i:i + 1]
                               + word[i + 2:]])
        typed += [word, word[:3]]
    for word in typed:
        assert index._spellings(word) == every_spelling(vocabulary, word), word
