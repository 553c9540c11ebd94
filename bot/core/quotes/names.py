"""Canonical person names: the words of a name without its titles, and the key one person is stored under."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.quotes.lexicon import word_tokens
from bot.core.quotes.phrases import analyse_run


def speaker_key(name: str) -> str:
    """Return the key under which "Matt Hancock", "Mr Hancock" and "health secretary Matt Hancock" meet.

    For a person it is the lowercased surname: the last name word once honorifics (Mr, Dr, Cllr…),
    titles, post-nominals (OBE, MBE, Jr…) and a possessive 's are removed.  An organisation keeps
    its whole lowercased name without a leading "the" ("the LGA" -> "lga").  People who share a
    surname share a key; `ArticleSpeakers` tells them apart by the full names in the article.
    """
    words = [w for w in word_tokens(name) if w[0].isalnum()]
    while words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return ""
    kind, tail = analyse_run(words)
    if kind == "person":
        return tail[-1].lower().rstrip(".")
    return " ".join(w.lower() for w in words)


def name_words(name: str) -> Sequence[str]:
    """Return the words of a person's name without honorifics or titles ("Mr Hancock" -> ["Hancock"])."""
    return analyse_run([w for w in word_tokens(name) if w[0].isalnum()])[1] or name.split()
