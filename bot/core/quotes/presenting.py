"""Sentences that present someone without a cue verb: "Among those affected is Gareth Evans, 62, …", "I met
Maureen, who …", "Among them was a woman in her 80s who …". Whom they present is who the next "he said" means."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.quotes.kinds import nominal_head
from bot.core.quotes.lexicon import SOMEONE, is_given_name
from bot.core.quotes.phrases import Mention, person_in

# A sentence that presents someone: "Among those affected is Gareth Evans, 62, …", "One of those waiting is Eirian
# Pugh", "They include Ann Lee", "We also hear from Daniel Okoro, 52, …".
_PRESENTING = (  # the words before whom it presents; a list ("include") or "What … was" only with a name
    r"(?:Among(?:st)?|One of)\b[^.;:“\"]{0,120}?\b(?:is|was|are|were)|(?:Consider|Meet|Take)(?: the (?:case|story) of)?"
    r"|We (?:also )?(?:hear|heard) from|(?:Also (?:on|at|in|outside|among|with)|On|At|In|Outside|Inside|Beside|Behind"
    r"|Next to)\b[^.;:“\"]{0,120}?\b(?:is|was|were|sits|sat|lies|lay|stands|stood)"
)
_PRESENTED = re.compile(
    rf"(?:{_PRESENTING}|[^.;:“\"]{{0,120}}?\binclude[sd]?|What\b[^.;:“\"]{{0,60}}?\bwas)\s+(?:\d{{1,3}}-year-old )?"
    r"(?:(?:[a-z][\w-]*,? ){1,3})?(?=[A-Z])"
)  # and "Also on the picket line was Ray Gillard", "On one of them … was Maureen", "Among those who have signed up is
# retired postman Arthur Penhaligon" (his role first), "… was 91-year-old Dorothy Quantock", "What changed was Kate."
# The first words _PRESENTING can open on (keep the two in step): a gate that spares most sentences the unnamed regex
_OPENERS = frozenset("Among Amongst One Consider Meet Take We Also On At In Outside Inside Beside Behind Next".split())
_PRESENTED_UNNAMED = re.compile(  # "Among them was a woman in her 80s who …", "On a chair sat a retired nurse, …"
    rf"(?:{_PRESENTING})\s+(?P<nominal>(?:an?|one) [a-z][\w-]*(?: [a-z][\w-]*){{0,2}}?"
    r"(?: (?:in|from|at|of|with) [^.,;:“\"]*?)?)(?:,| who\b| whose\b|\.?$)"
)
# The writer meeting someone, named by first name alone: "At our Sowerton group I met Maureen, who is 76, …" (and
# "a patient I will call Margaret": openings.named_aside)
_MET = re.compile(r"[^.;:“\"]{0,80}?\b(?:I|[Ww]e) (?:met|meet|spoke to|visited)\s+(?=[A-Z])")


def presented(sentence: str) -> Mention | None:
    """Return the person a sentence presents ("Among those affected is Gareth Evans, 62, …", "They include…",
    "Consider Eleanor Waite.", "I met Maureen, who …").

    No cue verb names them, yet they are who the next "he said" means.
    """
    met = _MET.match(sentence)
    shown = met or _PRESENTED.match(sentence)
    if shown is None:  # someone left unnamed: "Among them was a woman in her 80s who …"
        unnamed = _PRESENTED_UNNAMED.match(sentence) if sentence[:8].split(" ", 1)[0] in _OPENERS else None
        if unnamed is None or nominal_head(unnamed["nominal"]) not in SOMEONE:
            return None
        return Mention("nominal", unnamed["nominal"], start=unnamed.start("nominal"))
    found = person_in(sentence[shown.end() :])
    # a first name alone only when the writer meets them or it is a common given name ("… was Lorraine, who …")
    if found is None or (" " not in found.name and not met and not is_given_name(found.name)):
        return None
    return replace(found, start=shown.end())
