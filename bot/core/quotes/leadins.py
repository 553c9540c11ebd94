"""Lead-ins with no verb of saying that tell whose words follow: "She laughs. “…”", "And her message to other
managers? “…”", "Here is the trust's full statement from this morning: “…”"."""

from __future__ import annotations

import re

from bot.core.quotes.lexicon import MONTHS, WEEKDAYS
from bot.core.quotes.phrases import Mention

_WHEN = "(?:" + "|".join(sorted(w.capitalize() for w in WEEKDAYS.union(MONTHS))) + ")"  # "… opening on Tuesday."
# "She laughs. “…”", "Asked what would help, she doesn’t hesitate. “…”", "Does it wear her down? She pauses. “…”"
_ACTING = re.compile(
    r"(?:[A-Z][^.!?“”\"\n]{0,80}\? )?(?:[A-Z][^.!?“”\"\n]{0,100}?, )?"
    rf"([Ss]he|[Hh]e) [a-z’']+(?:,? (?:[a-z\d][a-z\d’'-]*|{_WHEN})){{0,15}}\.\s*")  # "… of her 19-year career."
# Whose words a lead-in with no verb announces: "And her message to other managers? “…”", "His advice: “…”"
_OWN_WORDS = re.compile(
    r"(?:(?:And|But|So|Here is|Here['’]s) )?(?P<owner>[Hh]er|[Hh]is|[Tt]he [a-z]+(?=['’]s ))(?:['’]s)? "
    r"(?:[\w’'-]+ ){0,3}?(?:message|advice|verdict|answer|reply|response|plea|wish|tip|secret|statement)\b"
    r"[^.!?:]{0,60}(?:[?:]|\b(?:is|was) (?:simple|clear|short|blunt)\.)\s*"  # "Her advice … is simple. “…”"
)

# A lead-in of one sentence that names no one but speaks of her or him: "Lunch is a meal deal in a lay-by, waiting for
# enough signal to upload her notes. “I do an hour of paperwork …”" (the one the article is following)
_THIRD_PERSON = r"\b(?:[Hh]er|[Ss]he|[Hh]is|[Hh]e|him)\b"
_OF_SOMEONE = re.compile(rf"[A-Z][^A-Z.!?“”\"\n]*(?P<pronoun>{_THIRD_PERSON})[^A-Z.!?“”\"\n]*\.\s*")
_FEMININE = frozenset({"she", "her"})


def own_words(lead_in: str) -> Mention | None:
    """Return who a lead-in with no verb of saying announces the words of: "she" for "She laughs.", "… to upload
    her notes." or "And her message to other managers? “…”", "the trust" for "Here is the trust's full statement
    from this morning: “…”"."""
    if acting := _ACTING.fullmatch(lead_in):
        return Mention("pronoun", acting[1].lower())
    if (about := _OF_SOMEONE.fullmatch(lead_in.lstrip())) and _one_gender(about.group()):
        return Mention("pronoun", "she" if about["pronoun"].lower() in _FEMININE else "he")
    own = _OWN_WORDS.fullmatch(lead_in.lstrip())
    if own is None:
        return None
    owner = own["owner"].lower()
    if owner.startswith("the "):
        return Mention("nominal", own["owner"], definite=True)
    return Mention("pronoun", "she" if owner == "her" else "he")


def _one_gender(sentence: str) -> bool:
    """Whether the third-person pronouns of a sentence all stand for one gender: "she … her notes", not "she … his"."""
    found = {word.lower() in _FEMININE for word in re.findall(_THIRD_PERSON, sentence)}
    return len(found) == 1
