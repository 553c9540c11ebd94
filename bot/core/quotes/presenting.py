"""Sentences that present someone without a cue verb: "Among those affected is Gareth Evans, 62, …", "I met
Maureen, who …", "Among them was a woman in her 80s who …", "…, which concerns Ann Lee, chief of X.", "We asked
Bethan what she would say". Whom they present is who the next "he said" means."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.quotes.kinds import nominal_head
from bot.core.quotes.lexicon import (
    AFFILIATIONS,
    DETERMINERS,
    KIN,
    MODIFIERS,
    ORG_WORDS,
    OUTLETS,
    PLACE_BEFORE,
    ROLE_NOUNS,
    SOMEONE,
    is_given_name,
    is_street,
    token_spans,
)
from bot.core.quotes.phrases import Mention, np_backward, person_in
from bot.core.quotes.rolewords import clean_role, role_gender

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
_MET = re.compile(r"[^.;:“\"]{0,80}?\b(?:I|[Ww]e) (?:met|meet|spoke to|visited|asked)\s+(?=[A-Z])")


def presented(sentence: str) -> Mention | None:
    """Return the person a sentence presents ("Among those affected is Gareth Evans, 62, …", "They include…",
    "Consider Eleanor Waite.", "I met Maureen, who …", "I asked Lorraine, a senior carer, what she made of it").

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


# A capitalised name and an appositive that runs to the sentence's end: "…, Henry Crespo, president of X."
_INTRODUCTION = re.compile(r"(?<=[a-z,] )[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)+(?=, )")
_NAME_REACH = 80  # characters a name before a comma may span
# A full name (or a first name alone, when an age follows), perhaps an age and a role, then a relative clause about that
# person: "…from Ann Lee, 63, whose son…", "…is Tomasz, 44, who trained …", "…and Gov. Lee — who has called on him …"
_DESCRIBED = re.compile(
    r"(?<=[a-z,] )[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)*(?=(?:,| [—–]) (\d{1,3}, )?"
    r"(?:from [A-Z][\w’'-]+, |[a-z][^,;:]{0,60},? )?(?:who|whose|where (?:he|she)) )"
)  # and "…with the committee's chair, Tariq Bello, where he said", "… Ann Lee, 72, from Marlhurst, who …", "…by Danny
# Fairlie, breakfast presenter on local station Stowmarsh Sound, who also ran the auction."
_AGENT = re.compile(  # who began or leads what the sentence is about, by role and full name
    r"\b(?:set up|founded|started|run|led|organi[sz]ed|launched|created|established) by (?:(?:the|its|their) )?"
    r"(?:[a-z]+ ){0,3}(?P<name>[A-Z][\w’'-]+ [A-Z][\w’'-]+)"
)
# Someone the writer knows, by a given name and what they are to the writer: "When I told Bev, my ward manager, …",
# "I took it to my manager, Ruth, who …"
_OWN_PERSON = re.compile(
    r"(?<=[a-z] )(?P<name>[A-Z][a-z]+), (?P<role>(?:my|our) (?:[a-z]+ ){0,2}[a-z]+),"
    r"|\b(?P<role_first>(?:my|our) (?:[a-z]+ ){0,2}[a-z]+), (?P<named>[A-Z][a-z]+)(?=,)"
)
_ROLE_OPENERS = ROLE_NOUNS | MODIFIERS | DETERMINERS
# a lowercase owner before a name names a place or thing: "a month on the hospital's Rowan Ward, where he …"
_OWNER = re.compile(r"[a-z][\w-]*['’]s")
_ASKED = re.compile(r"\bask(?:ed|s)? ((?:[A-Z][\w’'-]+ )*[A-Z][\w’'-]+)(?:, [^,]{1,60},)? (?:wh\w+|how|if|about|to)\b")


def introduced_last(sentence: str) -> Mention | None:
    """Return the person a sentence introduces: "…, which concerns Ann Lee, chief of X.", "…opened by Ann Lee, who …"

    Reporters name the next speaker with their role or a relative clause just before the quotation, so
    that person is salient even when not the subject of a cue verb; so is the person asked a question ("We
    asked Bethan what she would say to ministers.").
    """
    if (asked := _ASKED.search(sentence)) and (found := person_in(asked[1])) is not None:
        return replace(found, start=asked.start(1))
    for own in _OWN_PERSON.finditer(sentence):  # "When I told Bev, my ward manager, …": Bev
        group = "name" if own["name"] else "named"
        name, role = own[group], own["role"] or own["role_first"]
        if is_given_name(name) and (role.split()[-1] in ROLE_NOUNS or role.split()[-1] in KIN):
            role = role.split(" ", 1)[1]  # "ward manager", not "my ward manager"
            return Mention("person", name, role=clean_role(role), gender=role_gender(role), start=own.start(group))
    for run in reversed(list(_DESCRIBED.finditer(sentence))):
        found = _introduced(sentence, run.start(), aged=bool(run.group(1)))
        if found is not None:
            return found
    agent = _AGENT.search(sentence)  # "The club was set up by activities coordinator Lisa Donnelly": she is the news
    if agent is not None and is_given_name(agent["name"].split()[0]) and (found := person_in(agent["name"])):
        return replace(found, start=agent.start("name"))
    comma = sentence.rfind(", ")
    if comma < 0 or any(mark in sentence[comma:] for mark in ";:“\""):
        return None  # the appositive runs from the last comma to the sentence's end
    for run in _INTRODUCTION.finditer(sentence, max(0, comma - _NAME_REACH), comma + 2):
        aged = sentence[run.end() : comma].strip(", ").isdigit()  # "…with Luis Carrasco, 44, a line cook who …"
        found = _introduced(sentence, run.start(), aged) if run.end() == comma or aged else None
        if found is None or not (found.role or aged):
            continue
        head = found.role.split(" ", 1)[0] if found.role else ""
        if aged or head[0].isupper() or head.lower() in _ROLE_OPENERS:  # "president of X", not "over the server"
            return found
    # the role first, the full name ending the sentence: "The person who noticed was my health visitor, Anne Kerslake."
    named = sentence[comma + 2 :].rstrip(" .!?")
    if sentence[:comma].rsplit(" ", 1)[-1].lower() not in ROLE_NOUNS or not named.istitle():
        return None  # cheap tests first: most sentences end otherwise
    before = token_spans(sentence[:comma])
    role = np_backward(before, len(before) - 1, sentence)
    found = person_in(named) if role is not None and role.kind == "nominal" else None
    if found is not None and found.name == named and " " in named:
        return replace(found, role=clean_role(role.name), start=comma + 2)
    return None


def _introduced(sentence: str, start: int, aged: bool = False) -> Mention | None:
    """Return the person whose full name (or, `aged`, first name) starts at `start`: not a place after "from", "in"
    or "near" ("a teacher from Cwm Eirin, who…"; but "from Ann Lee, 63, whose…", "from Lorraine Fitch, whose…"), nor
    "the charity X", "the station X" or "the hospital's X"."""
    before, first = sentence[:start].split()[-1], sentence[start:].split()[0]
    if before in ORG_WORDS or before in OUTLETS or _OWNER.fullmatch(before):  # "on local station Stowmarsh Sound, who"
        return None
    if before.endswith(",") and is_street(before[:-1]):
        return None
    if not aged and before in AFFILIATIONS | PLACE_BEFORE and not is_given_name(first):
        return None
    found = person_in(sentence[start:])
    if found is None or (" " not in found.name and not aged):  # but "… is Tomasz, 44, who trained in Poland"
        return None
    return replace(found, start=start, gender=found.gender or role_gender(before))  # "his wife Pat, 79, who": hers

