"""Capitalised runs of words, read as a person's name, an organisation or a role: "Dr Chidi Onwuemene", "Care
Quality Commission", "Health Secretary"."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from bot.core.quotes.lexicon import (
    FUNCTION_WORDS,
    GROUPS,
    HONORIFICS,
    KIN,
    MODIFIERS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    ORG_WORDS,
    POSTNOMINALS,
    PRESENTING,
    PRONOUNS,
    ROLE_NOUNS,
    SEAT_MEMBERS,
    SOMEONE,
    SPLITTERS,
    is_acronym,
    is_given_name,
    strip_possessive,
)

_MAX_NAME_WORDS = 4
# Someone a hearing or report keeps anonymous by a letter or number after what they are: "Patient A", "Witness 2"
_ANONYMISED = re.compile(r"[A-Z][a-z]+ (?:[A-Z]|\d{1,2})")
_CONTRACTED = re.compile(r"['’](?:d|s|ll|ve|re|m)$")
# Premises a care home is named as, the street a surgery is named for and a hospital's unit: "Oakbank Lodge", "Beech
# Grange", "Harbour View", "Moor Lane", "Linden Unit" (but "David Lodge", "Penny Lane": a given name first; and not
# "ward": "Tobias Ward" is a surname as often as "Rowan Ward" a ward)
_PREMISES = frozenset(
    "lodge manor grange view gardens mews lane road street avenue drive crescent terrace unit wing".split()
)
# Words of rank or standing that name no body alone ("Local councillor Sandra Pike said"), unlike "Labour", "Treasury"
_RANKS = frozenset("local prime junior senior interim acting former majority minority ranking district".split())
# Things a law or a plan names, which end no one's name: "Fair Pay Agreement", "Mental Health Act", "Carer's
# Allowance" are neither people nor bodies
_THINGS = frozenset(
    "agreement act bill plan strategy framework programme scheme policy charter pledge allowance".split()
)
# A campaign is named for what it asks: "Save Oakridge", "Keep Harrow Lane Open", "Stop the Cuts"; nobody's given name
_CAMPAIGN_VERBS = frozenset("save keep stop protect defend fight hands".split())
_SEAT = frozenset(("of", "for"))  # what follows names a see, a town or a seat: "Bishop of X", "MP for X"
_LETTER_COMPOUND = re.compile(r"[A-Z]{1,2}-[a-z]")  # a thing named by a letter: "an X-ray", "a U-turn", "a T-shirt"
# A place or body made an adjective: "the Markbury-based business", "a Leeds-born nurse", "an NHS-run clinic"
_COMPOUND_ADJECTIVE = re.compile(r"-(?:based|born|bred|raised|educated|led|run|owned|funded|backed|wide)$")


def analyse_run(words: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """Classify capitalised words: ("person", name words), ("org", ()), ("role", ()) or ("", ())."""
    return _analyse_words(tuple(words))


@functools.lru_cache(maxsize=8192)
def _analyse_words(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Do the work of `analyse_run`, cached because the same names recur within and across articles."""
    while words and (words[0] in PRESENTING or words[0].lower() in FUNCTION_WORDS):
        words = words[1:]
    # a name ends before a pronoun opening the next sentence: "a patient I'll call Mr B. He'd been in …"
    words = tuple(itertools.takewhile(lambda w: _CONTRACTED.sub("", w.lower()) not in PRONOUNS, words))
    if not words or (len(words) == 1 and words[0].lower() in GROUPS):
        return "", ()
    if _ANONYMISED.fullmatch(" ".join(words)) and words[0].lower() in SOMEONE:  # "Patient A", "Witness 2"
        return "person", words
    head: list[str] = []
    for word in words:
        if word.lower() in SPLITTERS and head:
            break
        head.append(word)
    rest = words[len(head) :]  # "… director for the East of England Dr Chidi Onwuemene": the titled name is the person
    titled = next((n for n, w in enumerate(rest[:-1]) if w.lower().rstrip(".") in HONORIFICS), None)
    if titled is not None and (named := _person_tail(list(rest[titled:]))):
        return "person", tuple(named)
    if (seated := _seated_name(head, rest)) is not None:
        return "person", seated
    joined = head.index("&") if "&" in head[1:-1] else 0
    if joined and not is_given_name(head[joined - 1]) and head[joined - 1].lower().rstrip(".") not in HONORIFICS:
        return "org", ()  # "Marks & Spencer", "Hill & Dale": firms are joined by an ampersand; "Tom & Linda" a couple
    head_is_org = any(strip_possessive(w).lower() in ORG_WORDS or is_acronym(w) for w in head)
    if strip_possessive(head[-1]).lower() in _THINGS and not head_is_org and len(head) > 1:
        return "", ()
    if len(head) > 1 and head[0].lower() in _CAMPAIGN_VERBS:
        return "org", ()
    tail = _person_tail(head)  # "Charles Rangel of New York"
    if len(tail) > 1 and tail[-1].lower() in _PREMISES and not is_given_name(tail[0]) and tail == head:
        return "org", ()  # a building's name, not a person's: nobody is called Oakbank
    # "Healthwatch Avonmere and Selbury", "Healthwatch Kent": a body and its places, not a person called Kent
    before = head[-len(tail) - 1].lower() if tail and len(head) > len(tail) else ""
    placed = head_is_org and (before in ("and", "&") or (len(tail) == 1 and before in ORG_WORDS))
    if tail and not placed:
        return "person", tuple(tail)
    tail = [] if head_is_org else _person_tail(list(words))  # "Secretary of State John Kerry"
    before = [w.lower() for w in words[: len(words) - len(tail)]]
    if tail and before and (before[-1] in _SEAT or (before[-1] == "and" and _SEAT & set(before))):
        tail = []  # "the Bishop of Wellmouth", "Mayor of Dunmore", "the MP for Wenmouth and Dale": places
    if tail:
        return "person", tuple(tail)
    if any(w.lower().rstrip(".") in ROLE_NOUNS for w in head) and strip_possessive(head[-1]).lower() not in ORG_WORDS:
        return "role", ()  # "Health Secretary"; but "Justice Department" is a body
    if any(strip_possessive(w).lower() in ORG_WORDS or is_acronym(w) for w in words):
        return "org", ()
    if len(head) == 1 and head[0].lower() in MODIFIERS and head[0].lower() not in _RANKS:
        return "org", ()
    return "", ()


def _seated_name(head: Sequence[str], rest: Sequence[str]) -> tuple[str, ...] | None:
    """Return the name after an office's seat ("Liberal Democrat MP for Lindfield South Tom Everleigh", "Minister for
    Care Ben Harrow"): the seat's place words run up to a given name, which opens the person's name. A name after "of"
    may be a place's ("Chair of Friends of Victoria Park"), so the word before it must be a place word."""
    if not rest or rest[0].lower() not in _SEAT or not any(map(is_office, head)):
        return None
    named = _person_tail(list(rest[1:]))
    return tuple(named) if 1 < len(named) < len(rest) - 1 and rest[-len(named) - 1][:1].isupper() else None


def is_office(word: str) -> bool:
    """Say whether a word names an office held for a seat: "Minister", "MP", "MSP", and "MS" in capitals (a Member of
    the Senedd, where "Ms" is a title)."""
    return word.lower().rstrip(".") in ROLE_NOUNS or (word.isupper() and word.lower() in SEAT_MEMBERS)


def surely_named(words: Sequence[str]) -> bool:
    """Say whether capitalised words open as only a person's name does: with an honorific ("Dr Anil Deshpande",
    "Mr Okafor") or a known given name ("Ann Lee"); "Quillon Health" and "In Leeds" do not."""
    return bool(words) and (words[0].lower().rstrip(".") in HONORIFICS or is_given_name(words[0]))


def _person_tail(words: list[str]) -> list[str]:
    """Return the personal name that ends a run of capitalised words, without titles and post-nominals."""
    owner = next((n for n, w in enumerate(words[:-1]) if w[-2:] in ("'s", "’s")), None)
    if owner is not None:  # a name ends where what it owns begins ("Sister Nuala's Send-Off"), not "Labour's Ravi Roe"
        owned = words[owner + 1 :]
        if any(strip_possessive(w).lower() in ORG_WORDS for w in owned):
            return []  # "Queen's Nursing Institute" is a body
        body = owner == 0 or strip_possessive(words[owner]).lower() in ORG_WORDS  # "the Ferrier Institute’s Ann Roe"
        body = body or (len(owned) > 1 and is_given_name(owned[0]))  # "Scottish Labour’s Kirsten Adair"
        titled = owned[0].lower().rstrip(".") in HONORIFICS  # "Labour's Dr Imran Qureshi"
        named = len(owned) > 1 and all(map(_plain_name_word, owned[titled:]))
        words = owned if body and named else words[: owner + 1]
    words = [strip_possessive(w) for w in words]
    while words and words[-1].lower().rstrip(".") in POSTNOMINALS:
        words.pop()
    tail: list[str] = []
    for n, word in enumerate(reversed(words)):
        low = word.lower().rstrip(".")
        if low in NAME_PARTICLES and tail and not word.endswith("."):  # "Del." is a title, "del" a particle
            tail.insert(0, word)
            continue
        # a title comes before a name, so one that ends a run after a plain word is a surname ("Julie Bishop")
        surname = not tail and not word.endswith(".") and _plain_name_word(words[-n - 2] if n + 1 < len(words) else "")
        if (
            not word[0].isupper()
            or (low in HONORIFICS and not surname)
            or (low in ROLE_NOUNS and not (surname and is_given_name(words[-n - 2])))  # "Liam Porter": a surname
            or (low in KIN and tail)  # a tabloid's "Mum Kerry, 34,": her relation, not her name; but "Mum said"
            or low in FUNCTION_WORDS
            or low in NUMBER_WORDS
            or low in ORG_WORDS
            or low in POSTNOMINALS
            or (low in MODIFIERS and tail)
            or is_acronym(word)
            or (len(word) > 2 and word[-1] == "s" and word[:-1].isupper() and word[:-1].isalpha())  # "MPs", "GPs"
            or _COMPOUND_ADJECTIVE.search(word) is not None
            or _LETTER_COMPOUND.match(word) is not None
        ):
            break
        tail.insert(0, word)
        if sum(len(w) > 2 for w in tail) >= _MAX_NAME_WORDS:
            break
    while tail and tail[0].lower() in NAME_PARTICLES:
        tail.pop(0)
    initial = len(tail) == 1 and tail == words[-1:] and len(tail[0]) == 1  # "Mrs B", whom the writer calls so
    if initial and len(words) > 1 and words[-2].lower().rstrip(".") in HONORIFICS:
        return words[-2:]  # an initial alone is no one's name
    if len(tail) == 1 and tail[0].lower() in MODIFIERS:
        return []
    if tail and tail[0].rstrip(".") in ("St", "Saint") and len(tail) == 2:
        return []  # a saint names places, not people: "He came to St Columba's three weeks ago"
    return _from_given_name(tail)


def _from_given_name(tail: list[str]) -> list[str]:
    """Start a name at a known given name after a word that is none: "Lindfield South Tom Everleigh" (the MP for
    Lindfield South) is Tom Everleigh. A second given name ("Mary Jane Roe") or an initial ("J. Anne Roe") stays."""
    for n in range(1, len(tail) - 1):
        before = tail[n - 1].rstrip(".")
        named_before = is_given_name(before) or len(before) == 1 or before.lower() in NAME_PARTICLES
        if is_given_name(tail[n]) and not named_before:
            return tail[n:]
    return tail


def _plain_name_word(word: str) -> bool:
    """Say whether a word can be a given name: capitalised, and not a title, role, body or function word."""
    low = word.lower().rstrip(".")
    return word[:1].isupper() and word[1:].islower() and not (
        low in HONORIFICS or low in ROLE_NOUNS or low in FUNCTION_WORDS or low in ORG_WORDS or low in MODIFIERS
    )
