"""Read the appositive before a cue verb: "X, chief executive of Y, said", "the chief executive of Y, X, said",
"Its operator, Sallowby Care Group, said": whom the commas set off, and what they say of them."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from bot.core.models import PERSON
from bot.core.quotes.kinds import nominal_head, speaks_for_person
from bot.core.quotes.lexicon import (
    AFFILIATIONS,
    DOCUMENTS,
    FUNCTION_WORDS,
    HONORIFICS,
    PLACE_BEFORE,
    RELATIVES,
    ROLE_NOUNS,
    SOMEONE,
    Token,
    is_given_name,
    is_sentence_end,
    is_street,
    word_tokens,
)
from bot.core.quotes.phrases import Mention, looks_like_role, np_backward, np_forward, phrase_start, with_role
from bot.core.quotes.rolewords import clean_role, role_gender
from bot.core.quotes.runs import surely_named

_APPOSITIVE_TOKENS = 45
_NOT_ITS_NAME = AFFILIATIONS | PLACE_BEFORE | {"by"}  # words before a name that make it someone else's, or a place
_FROM_PLACE = re.compile(r"\b(?:from|in|near) (?:[A-Z][\w'’-]* )*[A-Z][\w'’-]*$")  # a role ending in a town
_ONE_OF = re.compile(r"(?:one|some|many|several) of (?:the|its|their|our) (?:[a-z-]+ )*?([a-z]+?)s\b", re.I)


def read_appositive(tokens: list[Token], comma: int, text: str) -> Mention | None:
    """Parse "X, chief executive of Y," and "the chief executive of Y, X," before a cue verb."""
    separators = _separators(tokens, comma, text)
    for n, sep in enumerate(separators):
        inner = tokens[sep + 1 : comma]
        if not inner or _county(tokens, sep, inner, text):  # "Kerry, 29, a hairdresser from Stanbury, Essex,"
            continue
        name, pure_name = _named(inner)
        if name is not None and name.kind == "person" and pure_name and sep >= 0:
            role_start = phrase_start(tokens, sep - 1)
            if role_start is not None and speaks_for_person(role := text[role_start : tokens[sep - 1][2]]):
                return Mention("nominal", role, start=role_start)  # "A spokesperson for the minister, X,": X is hers
            if role_start is not None and nominal_head(role) in DOCUMENTS:  # "The panel’s report, Lives Cut Short,
                return Mention("nominal", role, definite=True, start=role_start)  # said": its title, no one's name
            if role_start is not None:
                titled = surely_named([word for word, _, _ in inner])
                outer = None if titled else _named_before(tokens, separators, n, text)  # "…, Janet Colley, the
                # trust's medical director, Dr Anil Deshpande, wrote": the titled one at the end writes
                if outer is not None:  # "Tom Kay, chief executive of the app's developer, Quillon Health, said"
                    return replace(outer, role=clean_role(text[tokens[separators[n + 1]][2] : tokens[comma - 1][2]]))
                return with_role(name, clean_role(text[role_start : tokens[sep - 1][2]]), role_start)
        if name is not None and name.kind == "org" and pure_name and sep >= 0:
            owner = np_backward(tokens, sep - 1, text)  # "Its operator, Sallowby Care Group, said": the body named
            if owner is not None and owner.kind == "nominal":  # "Ann Lee, Chief Executive, Ashby Council, said"; but
                outer = _named_before(tokens, separators, n, text)  # "a receptionist at the town’s other practice,
                body = owner if _someone_at(owner.name) else name  # Lifeboat Lane Medical Centre, said": she speaks
                return replace(outer, role=clean_role(f"{owner.name}, {name.name}")) if outer is not None else body
        left = np_backward(tokens, sep - 1, text) if sep >= 0 else None
        if left is None or (tokens[sep][0] in "–—" and left.kind == "org") or _one_of_things(left, inner):
            continue  # "NHS England – East of England": one body and its region
        k, word = _word_before(tokens, left.start)
        if k == 0 and word.endswith("ing") and name is not None and name.kind == "person":
            return name  # "Moving the motion, Sandra Kettle of the X branch, told": she, not what she moved
        if word in RELATIVES or (word == "," and left.kind == PERSON and _after_street(tokens, k)):
            continue  # "Ann Lee, whose son Tom, 34, …, said": Tom is inside the clause about her; so is her town
        if word in AFFILIATIONS | {"in"}:
            # "Ann Lee, 71, from Fulwood, said": the place says where the speaker lives; the speaker is the
            # person before it ("Senior carer Kofi Mensah from Larkspur's Mill home, who …, says")
            before = np_backward(tokens, k - 1, text)
            if before is not None and before.kind == "person":
                return before
            spokes = before is not None and before.name.split()[-1].lower().startswith("spokes")
            if spokes and word == "for" and left.role is None:
                return left  # "A spokesperson for Lennox Restructuring, the administrators, said": the body
            if word == "from" and left.kind == PERSON and looks_like_role([w for w, _, _ in inner]):
                return _described_person(tokens, left, _description(inner, text), False, text)  # "A note from Ann
            continue  # Roe, director of X, who warns": she
        outer = _named_before(tokens, separators, n, text) if left.kind == "nominal" else None
        if outer is not None:
            # "Prof Kofi Mensah, Kingsford's medical director, who …, told": the person, the nominal his role
            return replace(outer, role=outer.role or clean_role(left.name))
        described = _description(inner, text)
        if left.name in ("Another", "One") and described.startswith(("a ", "an ")):  # "Another, a mental
            return Mention("nominal", described, start=inner[0][1])  # health nurse from …, wrote": who she is
        if left.kind == "nominal" and name is not None and name.kind == PERSON and name.role:
            return name  # "The first patient, retired bus driver Geoffrey Tallis, said": he, by his own role
        if left.kind != PERSON:
            return left
        return _described_person(tokens, left, described, inner[0][0] in RELATIVES, text)
    return None


def _described_person(tokens: list[Token], person: Mention, described: str, clause: bool, text: str) -> Mention:
    """Give a person set off by commas the role their appositive says: after the name ("Ann Lee, chief nurse,"), or
    before it when what follows is an age or a relative clause ("Her son, Jordan Dacre, 34,", "The care minister,
    Sunita Varma, who will oversee the fund,": `clause`)."""
    if not person.role and looks_like_role(word_tokens(described)):
        return replace(person, role=clean_role(described), gender=person.gender or role_gender(described))
    if person.gender is None and described.isdigit():  # the role before tells a name's gender that it does not
        role = _role_before(tokens, person, text)
        if role is not None and (gender := role_gender(role)):
            return replace(person, role=clean_role(role), gender=gender)
    elif not person.role and clause:  # the care minister's words, whatever the clause says
        role = _role_before(tokens, person, text)
        if role is not None and nominal_head(role) in ROLE_NOUNS:
            return replace(person, role=clean_role(role), gender=person.gender or role_gender(role))
    return person


def _description(inner: list[Token], text: str) -> str:
    """The part of an appositive that can be a role: not an age ("71,") nor a relative clause (", whose son…")."""
    if len(inner) > 1 and inner[0][0].isdigit() and inner[1][0] == ",":
        inner = inner[2:]
    for n, (word, _, _) in enumerate(inner[:-1]):
        if word in (",", "—", "–") and inner[n + 1][0].lower() in RELATIVES:
            inner = inner[:n]
            break
    return text[inner[0][1] : inner[-1][2]] if inner else ""


def _someone_at(nominal: str) -> bool:
    """Say whether a nominal is someone at a place ("a receptionist at the town’s other practice"): a body's name
    after it names the place, not them; but a spokesperson's words are the body's."""
    words = nominal.lower().split()
    head = nominal_head(nominal)
    return head in SOMEONE and not head.startswith("spokes") and bool(AFFILIATIONS.intersection(words[1:]))


def _named_before(tokens: list[Token], separators: list[int], n: int, text: str) -> Mention | None:
    """Return the person whose full name ends just before the separator after separators[n] (further left)
    and opens the clause."""
    sep = separators[n + 1] if n + 1 < len(separators) else -1
    if sep < 1:
        return None
    found = np_backward(tokens, sep - 1, text)
    if found is None or found.kind != "person" or " " not in found.name:
        return None
    k, word = _word_before(tokens, found.start)
    return found if k < 0 or word in (",", "—", "–", "and", "but") else None


def _after_street(tokens: list[Token], comma: int) -> bool:
    """Say whether the comma at `comma` follows a street's name: what comes after it is the town of an address
    ("Margaret Pollard, 79, of Station Road, Little Henham, who …")."""
    return comma > 0 and is_street(tokens[comma - 1][0])


def _word_before(tokens: list[Token], start: int) -> tuple[int, str]:
    """Return the index and lower-cased text of the token before the phrase at character `start`."""
    k = next((n for n, token in enumerate(tokens) if token[1] == start), 0)
    return (k - 1, tokens[k - 1][0].lower()) if k > 0 else (-1, "")


def _one_of_things(left: Mention, inner: list[Token]) -> bool:
    """Say whether a phrase before a relative clause about someone is one of some things, not the someone: "A care
    assistant at Fernleigh House, one of the homes affected, who asked not to be named, said" is the assistant."""
    things = _ONE_OF.match(left.name) if left.kind == "nominal" and inner[0][0] in ("who", "whose") else None
    return things is not None and things[1] not in SOMEONE


def _role_before(tokens: list[Token], person: Mention, text: str) -> str | None:
    """Return the nominal set before a name by a comma ("Her son, Jordan Dacre", "The care minister, Sunita Varma")."""
    k, word = _word_before(tokens, person.start)
    role = np_backward(tokens, k - 1, text) if word == "," else None
    return role.name if role is not None and role.kind == "nominal" else None


def _county(tokens: list[Token], sep: int, inner: list[Token], text: str) -> bool:
    """Say whether one word set off after a role is the county of the town it ends in (see town_county)."""
    if len(inner) != 1 or sep < 1:
        return False
    start = phrase_start(tokens, sep - 1)
    return start is not None and town_county(text[start : tokens[sep - 1][2]], inner[0][0])


def town_county(phrase: str, word: str) -> bool:
    """Say whether a word set off after a phrase that ends in a town is the town's county or country ("a
    hairdresser from Stanbury, Essex,", "Born in Lagos, Nigeria,"), not the given name of the one it describes
    ("the manager at Fernlea House, Kerry,")."""
    return not is_given_name(word) and _FROM_PLACE.search(phrase) is not None


def _separators(tokens: list[Token], comma: int, text: str) -> list[int]:
    """The commas and dashes before `comma` within the clause (nearest first), then where the clause starts."""
    separators: list[int] = []
    j = comma - 1
    while j >= 0 and comma - j < _APPOSITIVE_TOKENS and len(separators) < 4:
        word = tokens[j][0]
        if word in (",", "—", "–"):
            separators.append(j)
        elif word in (";", ":", "!", "?", "“", "”", '"') or (
            word == "." and tokens[j + 1][0] != "," and is_sentence_end(text, tokens[j][1])
        ):
            break
        j -= 1
    separators.append(j)
    return separators


def _named(inner: list[Token]) -> tuple[Mention | None, bool]:
    """Read a part set off by commas as a name: the phrase it opens with, and whether it is a name and nothing
    else (perhaps after a lower-case title, before a bracket or where they work: "state Del. Marcia Price
    (D-Va.)", "Graham Oduya of North Tessel ICB")."""
    lead = next((n for n, (w, _, _) in enumerate(inner) if not w.islower()), len(inner))
    aged = bool(inner) and inner[0][0].endswith("-year-old")  # "94-year-old former teacher Edna Lovell": the age
    short_title = lead - aged <= 2  # is not one of the two lower-case words a name may follow
    name = np_forward(inner, lead if short_title else 0)
    words = [w for w, _, _ in itertools.takewhile(lambda t: t[0] != "(", inner[lead:])]
    at = next((k for k, w in enumerate(words) if w in AFFILIATIONS), len(words))
    pure = short_title and at > 0 and all(w[0].isupper() or w == "." for w in words[:at])
    pure = pure and not all(w.lower().rstrip(".") in ROLE_NOUNS | HONORIFICS for w in words[:at])  # ", Professor of X,"
    pure = pure and all(w[0].isupper() or w in FUNCTION_WORDS for w in words[at + 1 :])
    pure = pure and inner[0][0].lower() not in RELATIVES  # ", who represents Harlowmere South,"
    # ", at X,"; ", seen by X," ("The letter, seen by The Sentinel,": not the letter's name)
    pure = pure and not any(w in _NOT_ITS_NAME for w, _, _ in inner[:lead])
    return name, pure
