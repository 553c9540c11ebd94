"""Whether a quotation's speaker is a person or an organisation, from how the attribution was found.

The kind follows the grammar of the attribution, not a list of names: a personal name ("Ann Lee said",
"ADASS president Peter Hay from Birmingham City Council said"), a pronoun or role noun resolved to
someone named, and an unnamed individual ("a spokesperson", "one senior source") are people.  A
capitalised run headed by an organisation noun or made of an acronym ("Care England", "the LGA"), a
nominal whose head is an organisation noun ("the council said"), and the body a spokesperson speaks for
("a spokesperson for the Department of Health said" -> the Department) are organisations: there the
organisation itself is reported as speaking, because no person is named.  What the grammar leaves open
stays unknown (None): a document speaking ("the report said"), and a one-word name the article never
gives in full, with a title or with "he"/"she" ("Seagate said", "Spain said"), which may be a company,
a country or a person known by one name.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.core.models import ORGANISATION, PERSON
from bot.core.quotes.lexicon import (
    DETERMINERS,
    HONORIFICS,
    ORG_WORDS,
    ROLE_NOUNS,
    SPLITTERS,
    strip_possessive,
    word_tokens,
    wordset,
)

# Nouns that head a nominal naming an organisation ("the firm said") besides those a capitalised run is
# recognised by; kept here so that they change the kind only, never who is found to have spoken.
_ORG_HEADS = ORG_WORDS | wordset(
    "firm business provider operator regulator watchdog newspaper paper broadcaster retailer manufacturer "
    "supplier insurer lender airline carrier consortium chain body ministry branch"
)
# Documents said to speak ("the report said"): neither a person nor an organisation.
_DOCUMENTS = wordset("statement report article letter document minutes survey study review website memo filing")


class Speaker(NamedTuple):
    """A resolved speaker: canonical name, the role the article gives them, and PERSON or ORGANISATION."""

    name: str | None
    role: str | None = None
    kind: str | None = None


NOBODY = Speaker(None)


def person(name: str | None, role: str | None = None) -> Speaker:
    """A person speaking; nobody when no name was found."""
    return Speaker(name, role, PERSON) if name else NOBODY


def organisation(name: str | None) -> Speaker:
    """An organisation speaking as itself (organisations are given no role); nobody when no name was found."""
    return Speaker(name, None, ORGANISATION) if name else NOBODY


def nominal_head(nominal: str) -> str:
    """The head of a nominal: its last word before a preposition ("one source on the board" -> "source")."""
    head = ""
    for word in word_tokens(nominal):
        low = strip_possessive(word).lower()
        if low in SPLITTERS or low == "with":  # "a nurse with 20 years’ service"
            break
        if word[0].isalpha() and low not in DETERMINERS:
            head = low
    return head


def _singular(noun: str) -> str:
    """A plural noun's singular, roughly: "bodies" -> "body", "firms" -> "firm"."""
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") else noun


def nominal_kind(nominal: str) -> str | None:
    """Tell "the council" / "the firms" (an organisation) from "a spokesperson" / "one source" (a person).

    The head of a nominal is its last word before a preposition ("one source on the board" -> "source"):
    an organisation noun there, singular or plural, makes the organisation the speaker; a document is
    neither; any other head is an unnamed person.
    """
    head = nominal_head(nominal)
    singular = _singular(head)
    if head in _ORG_HEADS or singular in _ORG_HEADS:
        return ORGANISATION
    return None if head in _DOCUMENTS or singular in _DOCUMENTS else PERSON


# What a finding is made by besides people and bodies: "The inquiry found …", "Researchers found …"
_FINDINGS = _DOCUMENTS | wordset("inspection investigation inquiry inquest audit evaluation analysis research panel")


def finds_out(kind: str, name: str) -> bool:
    """Say whether "X found …" makes X the source of a finding: a person or body, people by their role ("inspectors",
    "researchers"), or a document or inquiry; not "the old phone box found a new life"."""
    if kind != "nominal":
        return kind in (PERSON, "org")
    head = nominal_head(name)
    return bool({head, _singular(head)} & (ROLE_NOUNS | _ORG_HEADS | _FINDINGS))


# An unnamed spokesperson for a person, by title or by name: "a spokesperson for the minister", "… for Mr Farrant"
_FOR_PERSON = re.compile(r"(?:[Aa]n?|[Oo]ne) spokes\w+ (?:for|to) (?:(?:the|his|her) [\w -]*?(\w+)$|([A-Z]\w*) )")


def speaks_for_person(nominal: str) -> bool:
    """Whether an unnamed spokesperson speaks for a person, whose own words theirs are not."""
    found = _FOR_PERSON.match(nominal)
    title, honorific = (found[1] or "", found[2] or "") if found else ("", "")
    return is_title(title.lower()) or honorific.lower() in HONORIFICS


def is_title(word: str) -> bool:
    """Whether a lower-case word names a person's office, not a body ("secretary", not "ombudsman" or "trust")."""
    return word in ROLE_NOUNS and word not in ORG_WORDS
