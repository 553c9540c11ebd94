"""The organisations a quotation's attribution names: spelled-out acronyms, and who a spokesperson speaks for."""

from __future__ import annotations

import re

from bot.core.quotes.lexicon import (
    FUNCTION_WORDS,
    LISTED_ORG,
    ORG_WORDS,
    RUN_CONNECTORS,
    is_acronym,
    strip_possessive,
    word_tokens,
)


def acronyms(text: str) -> dict[str, str]:
    """Map each acronym the article defines ("Local Government Association (LGA)") to its full name."""
    found: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,8})\)", text):
        words: list[str] = []
        for word in reversed(word_tokens(text[max(0, m.start() - 120) : m.start()])):
            if not (word[0].isupper() or word.lower() in RUN_CONNECTORS | {"the"}):
                break
            words.insert(0, strip_possessive(word))
        while words and (not words[0][0].isupper() or words[0].lower() in FUNCTION_WORDS):
            words.pop(0)
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(words) >= 2 and initials[-len(m.group(1)) :].lower() == m.group(1).lower():
            found.setdefault(m.group(1), " ".join(words))
    return found


def org_inside(nominal: str) -> str | None:
    """Return the organisation a nominal speaks for ("a spokesperson for NHS England" -> "NHS England").

    That is a run naming an organisation, or a one-word name in a spokesperson's nominal ("a Seagate
    spokesman"): a spokesperson mostly speaks for an organisation, while "a spokesman for Mr Blair" or
    "for Tony Blair" names the person they speak for, and stays a nominal.
    """
    listed = LISTED_ORG.search(nominal)
    if listed:
        return listed.group()
    run: list[str] = []
    best: list[str] = []
    tokens = word_tokens(nominal)
    spokes = any(w.lower().startswith("spokes") for w in tokens)
    for word in [*tokens, "."]:
        if word[0].isupper() or (run and word.lower() in RUN_CONNECTORS):
            run.append(strip_possessive(word))
            continue
        while run and run[-1].lower() in RUN_CONNECTORS:
            run.pop()
        while run and run[0].lower() in FUNCTION_WORDS:
            run.pop(0)
        named = any(strip_possessive(w).lower() in ORG_WORDS or is_acronym(w) for w in run)
        # "a Number 10 spokesman": a run that a number goes on is not a one-word name
        if run and (named or (spokes and len(run) == 1 and not word[0].isdigit())):
            best = run
        run = []
    return " ".join(best) if best else None
