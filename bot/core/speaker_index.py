"""Match what a user types as a speaker ("hancok", "Cllr Tanner") to the speakers we know."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence

from bot.core.quotes.lexicon import HONORIFICS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
PREFIX_MIN = 3  # a typed word this long also stands for the name words it begins
FUZZY_MIN = 3  # shorter words are matched exactly: one slip in "li" could be anyone
# Two slips are allowed only in long names, and only when the first letter agrees: people misremember
# the middle of a surname ("tanor" for Tanner) far more often than its first letter.
TWO_SLIPS_MIN = 6


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _name_words(text: str) -> list[str]:
    """The words of a typed name without titles ("Cllr", "Dr", "Professor"), unless it is only titles."""
    words = _words(text)
    return [w for w in words if w not in HONORIFICS] or words


def edit_distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance with adjacent swaps counted once; any value above `bound` comes back as bound + 1."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > bound:
            return bound + 1
        before, previous = previous, current
    return min(previous[-1], bound + 1)


def slips_allowed(typed: str, known: str) -> int:
    """How many one-letter slips (wrong, missing, extra or swapped letters) still count as the same word."""
    if len(typed) < FUZZY_MIN:
        return 0
    if max(len(typed), len(known)) >= TWO_SLIPS_MIN and typed[0] == known[0]:
        return 2
    return 1


def _letters(word: str) -> int:
    """The set of letters in a word, as bits: each slip adds or removes at most two letters of it."""
    mask = 0
    for char in word:
        mask |= 1 << (ord(char) & 63)
    return mask


def _deletions(word: str) -> Iterator[str]:
    """The word itself and the word with each one letter left out."""
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]


class SpeakerIndex:
    """Name words of every speaker, built once so each look-up is a few dictionary probes.

    Misspellings are found without comparing a typed word with the whole vocabulary: two words one slip
    apart become equal when at most one letter is left out of each, so the words a typed word may stand
    for with one slip share one of its deletions; two slips need the same first letter, a length within two
    and at most four letters that only one of the words has. Only those candidates get the edit distance.
    """

    def __init__(self, speakers: Sequence[tuple[int, str]]) -> None:
        self._ids: dict[str, set[int]] = defaultdict(set)
        self._order = {speaker_id: n for n, (speaker_id, _) in enumerate(speakers)}
        for speaker_id, name in speakers:
            for word in _words(name):
                self._ids[word].add(speaker_id)
        self._vocabulary = sorted(self._ids)
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        self._by_start: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)  # (first letter, length)
        for word in self._vocabulary:
            for variant in _deletions(word):
                self._by_deletion[variant].add(word)
            self._by_start[word[0], len(word)].append((word, _letters(word)))

    def _candidates(self, word: str) -> set[str]:
        """Every known word that may be within the slips allowed of `word` (a superset: distances decide)."""
        found = {v for variant in _deletions(word) for v in self._by_deletion.get(variant, ())}
        letters = _letters(word)
        for length in range(len(word) - 2, len(word) + 3):
            if max(len(word), length) >= TWO_SLIPS_MIN:
                bucket = self._by_start.get((word[0], length), ())
                found.update(v for v, mask in bucket if (mask ^ letters).bit_count() <= 4)
        return found

    def _spellings(self, word: str) -> set[str]:
        """Return the known name words `word` may stand for: itself, close misspellings, or as a prefix."""
        if word in self._ids:
            return {word}
        distances = {v: edit_distance(word, v, slips_allowed(word, v)) for v in self._candidates(word)}
        near = {v: d for v, d in distances.items() if d <= slips_allowed(word, v)}
        # The nearest spellings only: "taner" is one slip from Tanner and two from Turner.
        close = {v for v, d in near.items() if d == min(near.values())}
        if len(word) >= PREFIX_MIN:
            start = bisect_left(self._vocabulary, word)
            for known in self._vocabulary[start:]:
                if not known.startswith(word):
                    break
                close.add(known)
        return close

    def match(self, query: str) -> list[int]:
        """Return the ids of speakers whose name matches every typed word (titles aside), in the order given."""
        typed = _name_words(query)
        if not typed:
            return []
        found: set[int] | None = None
        for word in typed:
            ids = set().union(*(self._ids[s] for s in self._spellings(word)))
            found = ids if found is None else found & ids
        return sorted(found or (), key=self._order.__getitem__)
