"""Lead-ins with no verb that say whose words follow: "And her message to other managers? “…”", "Here is the
trust's full statement from this morning: “…”"."""

from __future__ import annotations

import re

from bot.core.quotes.phrases import Mention

# Whose words a lead-in with no verb announces: "And her message to other managers? “…”", "His advice: “…”"
_OWN_WORDS = re.compile(
    r"(?:(?:And|But|So|Here is|Here['’]s) )?(?P<owner>[Hh]er|[Hh]is|[Tt]he [a-z]+(?=['’]s ))(?:['’]s)? "
    r"(?:[\w’'-]+ ){0,3}?(?:message|advice|verdict|answer|reply|response|plea|wish|tip|secret|statement)\b"
    r"[^.!?:]{0,60}(?:[?:]|\b(?:is|was) (?:simple|clear|short|blunt)\.)\s*"  # "Her advice … is simple. “…”"
)


def own_words(lead_in: str) -> Mention | None:
    """Return who a lead-in with no verb announces the words of: "she" for "And her message to other managers?
    “…”", "the trust" for "Here is the trust's full statement from this morning: “…”"; else None."""
    own = _OWN_WORDS.fullmatch(lead_in.lstrip())
    if own is None:
        return None
    owner = own["owner"].lower()
    if owner.startswith("the "):
        return Mention("nominal", own["owner"], definite=True)
    return Mention("pronoun", "she" if owner == "her" else "he")
