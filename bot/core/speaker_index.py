"""Match what a user types as a speaker ("hancok", "matt hancock") to the speakers we know."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FUZZY_CUTOFF = 0.8
PREFIX_MIN = 3  # a typed word this long also stands for the name words it begins


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


class SpeakerIndex:
    """Name words of every speaker, built once so each look-up is a few dictionary probes."""

    def __init__(self, speakers: Sequence[tuple[int, str]]) -> None:
        self._ids: dict[str, set[int]] = defaultdict(set)
        self._order = {speaker_id: n for n, (speaker_id, _) in enumerate(speakers)}
        for speaker_id, name in speakers:
            for word in _words(name):
                self._ids[word].add(speaker_id)
        self._vocabulary = sorted(self._ids)

    def _spellings(self, word: str) -> set[str]:
        """Return the known name words `word` may stand for: itself, close misspellings, or as a prefix."""
        if word in self._ids:
            return {word}
        close = set(difflib.get_close_matches(word, self._vocabulary, n=5, cutoff=FUZZY_CUTOFF))
        if len(word) >= PREFIX_MIN:
            close.update(v for v in self._vocabulary if v.startswith(word))
        return close

    def match(self, query: str) -> list[int]:
        """Return the ids of speakers whose name matches every typed word, in the order given."""
        typed = _words(query)
        if not typed:
            return []
        found: set[int] | None = None
        for word in typed:
            ids = set().union(*(self._ids[s] for s in self._spellings(word)))
            found = ids if found is None else found & ids
        return sorted(found or (), key=self._order.__getitem__)
