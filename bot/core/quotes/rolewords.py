"""How the words of a role read: a role cleaned for showing beside a name, the gender its words give, which words
are role words, and the role an article gives someone where it brings them in."""

from __future__ import annotations

import re

from bot.core.quotes.lexicon import GROUPS, KIN, MODIFIERS, POSSESSIVES, ROLE_NOUNS, SPLITTERS, gender_of, word_tokens


def kin_title(low: str) -> bool:
    """Tell a relation written as a title before a name ("said mum Leanne Foster", "dad Ryan", "mum-of-two Jo")."""
    return low.split("-of-")[0] in KIN


def is_role_word(low: str) -> bool:
    """Tell a role noun, hyphenated ones included ("vice-chair", "co-founder")."""
    return low in ROLE_NOUNS or low.rpartition("-")[2] in ROLE_NOUNS


def is_plural_role(low: str) -> bool:
    """Tell a plural of people ("the nurses", "the MPs"), which names several and so never one person before."""
    return low in GROUPS or role_plural(low)


def role_plural(low: str) -> bool:
    """Tell a role noun's plural ("mps", "gps", "councillors")."""
    return low.endswith("s") and low not in ROLE_NOUNS and low[:-1] in ROLE_NOUNS


# Role words written in lower case inside a sentence ("chief", "former", "health"); not the parties
# ("Labour leader", "Independent councillor") nor a ward's "Sister", whose capital is their own.
_COMMON_ROLE_WORDS = (ROLE_NOUNS | MODIFIERS) - frozenset(
    "labour conservative tory democrat democrats democratic republican republicans liberal independent sister".split()
)


def clean_role(role: str) -> str | None:
    """Trim a role's punctuation and leading article, keeping "the" before a possessive ("the trust's"); one that
    points back ("Its chief executive", "their spokesman", "our chief executive", "whose chair") means nothing
    beside the name away from the article."""
    role = role.strip(" ,;—–-")
    det, _, rest = role.partition(" ")
    owner = next((n for n, w in enumerate(rest.split()[:3]) if w.endswith(("'s", "’s"))), None)
    # "the CQC's", "the health board's" keep their "the"; "the Hearthside Trust's" is "Hearthside Trust's"
    owned = owner == 0 or (owner is not None and all(w.islower() and w not in SPLITTERS for w in rest.split()[:owner]))
    if det.lower() in ("the", "a", "an", "its", "their", "our", "whose") and rest and not owned:
        role = rest
    first, _, after = role.partition(" ")
    opened = first.istitle() and (first in ("The", "His", "Her") or first.lower() in _COMMON_ROLE_WORDS)
    if opened and after == after.lower():
        role = first.lower() + role[len(first) :]  # "Chief executive Jo Bell said": its capital opened the sentence
    return role or None


def role_gender(role: str) -> str | None:  # of the role's own words: "Mr Holt's daughter", "His daughter" a woman
    words = [w for w in word_tokens(re.split(r"['’]s ", role)[-1]) if w.lower() not in POSSESSIVES]
    return next((g for g in map(gender_of, words) if g), None)


# A name set off with its role where the article brings the person in ("Priya Raman, chief executive of X, will …")
_INTRODUCED = r"{name}, (?!(?:who|whose|which|said|says|told|from|of)\b)([a-z][^,.;:“”\"()\n]{{2,83}}?),"
_ROLE_WORDS, _OWNED_ROLE_WORDS = 4, 7  # a role word soon ("retired nurse"), or after a body ("the X Trust’s chair")


def introduced_role(text: str, name: str) -> str | None:
    """The role the article gave a person where it named them in full: after "Ms Raman said", who she is."""
    for found in re.finditer(_INTRODUCED.format(name=re.escape(name)), text) if " " in name else ():  # in full
        words = re.split(r" (?:who|whose|which|that)\b| [–—] ", found[1])[0].split()  # not "who has worked here …"
        reach = _OWNED_ROLE_WORDS if words[0] == "the" else _ROLE_WORDS  # not "in memory of his wife Sheila"
        if words[0] not in ("and", "or", "but") and any(is_role_word(w.lower()) for w in words[:reach]):
            return clean_role(" ".join(words))
    return None
