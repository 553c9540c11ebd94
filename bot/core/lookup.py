"""Match what a user types as a speaker ("hancok", "matt hancock") to the speakers we know."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FUZZY_CUTOFF = 0.8


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def match_speakers(query: str, speakers: Sequence[tuple[int, str]]) -> list[int]:
    """Return the ids of speakers whose name matches every typed word, allowing small misspellings."""
    typed = _words(query)
    if not typed:
        return []
    vocabulary = sorted({w for _, name in speakers for w in _words(name)})
    # each typed word stands for itself if known, else for its close spellings
    options = []
    for word in typed:
        if word in vocabulary:
            options.append({word})
        else:
            close = difflib.get_close_matches(word, vocabulary, n=5, cutoff=FUZZY_CUTOFF)
            prefixed = [v for v in vocabulary if v.startswith(word)] if len(word) >= 3 else []
            options.append(set(close) | set(prefixed))
    return [
        speaker_id
        for speaker_id, name in speakers
        if all(opts & set(_words(name)) for opts in options)
    ]
