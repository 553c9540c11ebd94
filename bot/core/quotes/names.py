"""Canonical person names: the words of a name without its titles, the key one person is stored under, and the
full names and genders one article gives its people, and who it leaves unnamed on purpose."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.core.models import PERSON
from bot.core.quotes.kinds import nominal_head, nominal_kind
from bot.core.quotes.lexicon import (
    CAP_RUN,
    CUE,
    DETERMINERS,
    FEMALE_KIN,
    HONORIFICS,
    KIN,
    MALE_KIN,
    NUMBER_WORDS,
    OUTLETS,
    PLACE_BEFORE,
    ROLE_NOUNS,
    RUN_BEFORE,
    SENTENCE_BREAK,
    SOMEONE,
    SOURCES,
    gender_of,
    given_gender,
    is_given_name,
    name_gender,
    occurrences,
    word_tokens,
)
from bot.core.quotes.phrases import Mention
from bot.core.quotes.runs import analyse_run, surely_named

_SPOUSES = frozenset("wife husband partner".split())
# a capitalised run after "the", "former" or "station" names a place or thing
_THING_BEFORE = DETERMINERS | OUTLETS | {"former"}
OWNERS = {"f": "her", "m": "his"}  # a relative's owner, of the gender the pronoun has

# "who asked not to be named", "who did not want to be identified", "speaking on condition of anonymity"
_ALL_OF_THEM = re.compile(r"\s*(?:All|Each|Both|They|None|Most|Many|Some)(?: of them)? ")  # those just named
_ANONYMOUS = re.compile(
    r"\b(?:not|declined|refused)\b(?: \w+){0,3} be (?:named|identified)\b|\banonym(?:ity|ously|ised|ized)\b"
    r"|\bnot to (?:name|identify) (?:her|him|them)\b"  # "who asked me not to name her"
    r"|\bwho (?:first )?(?:spoke to|contacted) (?:us|the [A-Z][\w-]+)\b"  # "The nurse who contacted the Ledger"
    r"|\bnot to (?:use|give|print|publish) (?:her|his|their) (?:real |full )?names?\b"  # "… not to use her name"
    r"|\b(?:did not|didn['’]t|does not|doesn['’]t) want (?:her|his|their) (?:real |full )?names? (?:used|printed|"
    r"published|given|in|on)\b"  # "who didn't want her name on the internet"
)
# "the daughter of one resident", "the son of a patient": someone's relation or officer, whom the writer leaves unnamed
OF_SOMEONE = re.compile(r"the [\w’'-]+ of (?:an?|one|another) ", re.I)
# One of several the writer spoke to: "One nurse", "Another resident", "A second worker"
# One of those just spoken of, whom the commas then describe: "One of them, a retired bus driver from Holcombe Rise
# who asked me not to use his name, told me"
_ONE_OF_THEM = re.compile(r"(?:one|another) of (?:them|those|us)", re.I)
_DESCRIBED_ONE = re.compile(r", (an? (?:[\w’'-]+ ){0,7}?[\w’'-]+)(?:,| who\b| whose\b)")
ONE_MORE = re.compile(r"(?:one|another|an? (?:second|third|fourth|fifth|sixth|other)) ", re.I)
_PREVIOUS_WORD = re.compile(r"([\w’'-]+|,)[ \t]+$")  # "Queen’s District": not mid-sentence lower case
# What follows a capitalised word used as a name: one of the commonest cue verbs ("Melanie said"), or an age
# ("Pam (67, Eastfield) said", "Jean, 81, who …")
_CUE_NEXT = re.compile(r"[ \t]+(?:said|says|added|adds|told|tells|wrote|writes|asked|asks)\b|(?:, | \()\d{1,3}[,)]")
_OTHER_NAME = re.compile(r"\n|\b(?!(?:He|She|His|Her|Him|It|They|The|But|And|In|A|An|I)\b)[A-Z][a-z]")
# The person noun or pronoun a writer introduces a name with: "a woman I'll call Jean", "I'll call him Frank",
# "a young man called Dev": the name's gender, whatever pronouns about others follow it.
_INTRODUCED_AS = re.compile(
    r"\b(\w+),? (?:(?:whom? )?(?:I|we)(?:['’]ll call| will call|['’]m calling| am calling|['’]re calling| are calling) "
    r"(?:(him|her) )?|called |named )$")
_GENDERED = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
# A couple named together, "Alistair and Morag Lennie": the first is "Alistair Lennie" ("Mr Lennie" is him).
_PARTNER = re.compile(r"\b([A-Z][a-z]+) (?:and|&) $")
# The spouse named by a given name just after someone named in full, before anyone else: "That is where Ray Ferrier
# lives now. His wife, Joan, is 79" makes Joan a Ferrier too.
_WED = re.compile(r"[^A-Z\n]{0,100}?\b([Hh]is|[Hh]er) (?:wife|husband|partner),? ([A-Z][a-z]+)\b(?![ -]?[A-Z])")
# "my mother", or a parent called what the family calls them ("I asked Dad whether …"), but not "his wife, Hillary
# Clinton" or "her son Tom": a relative named there is that person.
_RELATIVE = re.compile(
    r"\b(?:([Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur) (\w+)|(Dad|Mum|Mom|Mam|Grandma|Grandad|Granddad|Grandpa|Nan|Nana))"
    r"\b(?!,? [A-Z])"
)
_PRONOUN_WEIGHTS = {"he": 2, "she": 2, "him": 0}
# "her" as an object ("Cartwright talks to her about …") is, like "him", someone the named person acts on
_OBJECT_HER = re.compile(
    r"[ \t]*(?:[,.;:!?)”\"’]|(?:about|to|with|and|in|on|at|for|from|over|up|out|down|back|as|that|the|a|an|into|off"
    r"|through|by|again|home|when|while|if|because|so|but|or)\b)",
    re.IGNORECASE,
)


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


def owned_relative(nominal: str) -> bool:
    """Tell a relative of someone, left unnamed ("the woman's son", "her daughter"), from a role ("the sister")."""
    words = nominal.lower().split()
    return len(words) > 1 and words[-1] in KIN and (
        words[-2].endswith(("'s", "’s")) or words[-2] in ("his", "her", "their")
    )


def name_words(name: str) -> Sequence[str]:
    """Return the words of a person's name without honorifics or titles ("Mr Hancock" -> ["Hancock"])."""
    return analyse_run([w for w in word_tokens(name) if w[0].isalnum()])[1] or name.split()


class ArticleNames:
    """What one article calls its people: the full names a surname or given name stands for, and a surname's
    gender, learnt from honorifics and from the pronouns that follow the name (each worked out once, when asked)."""

    def __init__(self, text: str, inside_quote: Callable[[int], bool]) -> None:
        self._text = text
        self._inside_quote = inside_quote  # a speaker's words say nothing of whom the writer's pronouns mean
        self._forms: dict[str, Counter[str]] = {}
        self._known: dict[str, bool] = {}
        self.genders: dict[str, str | None] = {}  # surname -> "m", "f" or None
        self._mentioned: Counter[str] | None = None  # surname -> how often the writer names that person
        self._anonymous: list[tuple[int, int]] | None = None  # sentences saying someone is not named
        self._peers: list[tuple[str, int]] | None = None  # "Lord", "Baroness" and where the name after it starts

    def unnamed_before(self, position: int) -> list[str]:
        """Return the article's sentences before `position` that say someone is not named ("The nurse, who asked not
        to be named"), found once per article so that each later "the nurse said" reads only those."""
        if self._anonymous is None:  # "Several nurses contacted the Post. All asked not to be named": with its subject
            sentences = [m.span() for m in re.finditer(r"[^.!?]+", self._text)]
            self._anonymous = [(sentences[k - 1][0] if k and _ALL_OF_THEM.match(self._text, start) else start, end)
                               for k, (start, end) in enumerate(sentences) if _ANONYMOUS.search(self._text, start, end)]
        return [self._text[start : min(end, position)] for start, end in self._anonymous if start < position]

    def peer_name(self, name: str) -> str:
        """A one-word name as the article titles it when it is a peer's: a peer is known by title and name ("Lord
        Ravensworth", "Baroness Thirlwell"), and the name alone reads like a stranger's surname."""
        if " " in name:
            return name
        if self._peers is None:  # where each title stands, found once: most articles have none
            self._peers = [(m[1], m.end()) for m in re.finditer(r"\b(Lord|Lady|Baroness|Baron) ", self._text)]
        named = re.compile(rf"{re.escape(name)}\b")
        return next((f"{title} {name}" for title, at in self._peers if named.match(self._text, at)), name)

    def gender(self, mention: Mention) -> str | None:
        """Return "m", "f" or None (unknown) for a person mention."""
        if mention.gender or mention.kind != "person":
            return mention.gender or self.genders.get(mention.name)  # an unnamed person once called "she"
        words = name_words(mention.name)  # "Dennis Aldridge" is a man whoever else is an Aldridge
        return name_gender((), words) or self.genders.get(self.gender_key(mention.name))

    def gender_key(self, name: str) -> str:
        """Say what a person's learned gender is kept under: their surname ("Dr Ann Roe … Roe said … she"), but their
        full name where two people named in full share it ("Pete Colley" beside "Marianne Colley … she")."""
        words = name_words(name)
        given = {form.split()[0] for form in self.surname_forms(words[-1]) if " " in form}
        return name.lower() if len(words) > 1 and len(given) > 1 else words[-1].lower()

    def surname_forms(self, surname: str) -> Counter[str]:
        """Count the full names ending in `surname` and learn its gender from honorifics and pronouns."""
        key = surname.lower()
        if key in self._forms:
            return self._forms[key]
        runs: Counter[str] = Counter()
        partners: dict[str, list[str]] = {}  # "Morag Lennie" -> ["Alistair"] after "Alistair and Morag Lennie"
        pronouns: Counter[str] = Counter()
        hint = None  # the gender the writer introduced the name with
        text = self._text
        for start, end in occurrences(text, surname):
            lead = RUN_BEFORE.search(text, max(0, start - 60), start)
            if lead and lead.group().split()[0].lower().endswith("ing"):  # "Having Lucy here means …": no name's
                lead = None
            run = (lead.group() if lead else "") + surname
            runs[run] += 1
            if introduced := _INTRODUCED_AS.search(text, max(0, start - 40), start):
                hint = hint or gender_of(introduced[1]) or {"him": "m", "her": "f"}.get(introduced[2] or "")
            partner = _PARTNER.search(text, max(0, start - 80), lead.start()) if lead else None
            if partner and is_given_name(partner[1]):
                partners.setdefault(run, []).append(partner[1])
            if lead and (wed := _WED.match(text, end)) and _wed(lead.group().split()[-1], *wed.groups()):
                partners.setdefault(run, []).append(wed[2])
            if text[end : end + 1] in ("'", "’"):
                continue  # after a possessive ("Warren's grilling") the pronouns are about someone else
            # pronouns that follow a name before anyone else is named most likely refer to it
            other = _OTHER_NAME.search(text, end, end + 160)
            for p in _GENDERED.finditer(text, end, other.start() if other else end + 160):
                if not self._inside_quote(p.start()):  # "‘…your husband…’" is about someone else
                    # "he" or "she" is the name's own; one "his" ("stories like his") may be anyone's; "him" right
                    # after a name is mostly someone the named person acts on ("Lee, who has called on him to …")
                    weight = _PRONOUN_WEIGHTS.get(p.group().lower(), 1)
                    if p.group().lower() == "her" and _OBJECT_HER.match(text, p.end()):
                        weight = 0
                    pronouns["m" if p.group(1) else "f"] += weight
        forms: Counter[str] = Counter()
        titles: set[str] = set()
        for run, count in runs.items():
            words = word_tokens(run)
            kind, tail = analyse_run(words)
            if kind == "person" and tail[-1] == surname and len(tail) > 1:
                forms[" ".join(tail)] += count
                for first in partners.get(run, ()):
                    forms[f"{first} {surname}"] += 1
            titles.update(g for g in map(gender_of, words) if g)
        given = {name_gender((), form.split()) for form in forms}  # "Dr Iain Buchanan": "Dr Buchanan" is a man
        couple = len(titles | given - {None}) > 1  # "Dr Alan Fairweather" and "Mrs Fairweather": neither's alone
        gender = None if couple else next(iter(titles), None) or (given.pop() if len(given) == 1 else None) or hint
        if gender is None and not forms and not couple:  # named by a given name alone ("her husband, Keith")
            gender = given_gender(surname)
        if gender is None and pronouns and not couple:
            (top, n), *rest = [*pronouns.most_common(2), ("", 0)]
            gender = top if n > 1 and n > 2 * rest[0][1] else None
        self.genders[key] = gender
        self._forms[key] = forms
        return forms

    def last_named(
        self, sentences: Sequence[tuple[int, int]], gender: str, since: Mention | None = None
    ) -> Mention | None:
        """The last person named in full in these sentences (nearest first) of a gender that is not the other one:
        "At the health centre she meets her colleague Tomasz Nowak, a nurse who … “…,” he says" (when no one is
        salient there), or named after `since` (a spokesperson further back: "A porter arrived for Maureen Tildesley.
        … “…,” she said"), but not in what `since` is said to have said: "A spokeswoman for X said the board had
        backed Dr MacRae’s application. She said: “…”" is the spokeswoman's."""
        for start, end in sentences:
            for run in reversed(list(CAP_RUN.finditer(self._text, start, end))):
                words = word_tokens(run.group())
                kind, tail = analyse_run(words)
                before = self._text[max(start, run.start() - 8) : run.start()].split()
                if len(tail) == 1 and len(words) > 1 and words[-2].lower().rstrip(".") in HONORIFICS:
                    tail = words[-2:]  # "got hold of Dr Hale, the registrar": titled, a person too
                described = len(tail) == 1 and self._text.startswith(", who", run.end())  # "… to Delroy, who had"
                if described and (full := self.first_name_forms(tail[0])):
                    tail = full.most_common(1)[0][0].split()  # the article gave it in full: "Delroy Mackintosh"
                alone = described and is_given_name(tail[0])  # or never does: "people like Priya, who cares for …"
                if kind != "person" or (len(tail) < 2 and not alone) or self._inside_quote(run.start()) or (
                    before and (before[-1] in PLACE_BEFORE or before[-1].lower() in _THING_BEFORE)
                ) or self._from_place(start, run.start()) or (since is not None and (
                    run.start() < since.start + len(since.name) or self._reported(since, run.start(), start))):
                    continue  # "the former Glan Tarren colliery" is a place; "A spokeswoman for X Health …" her body
                self.surname_forms(tail[-1])  # learns the surname's gender
                if self.genders.get(tail[-1].lower()) in (None, gender):
                    return Mention("person", " ".join(tail), start=run.start())
        return None

    def _from_place(self, start: int, at: int) -> bool:
        """Tell a place after someone's role ("a retired bus driver from Saltley Bay") or a seat in brackets after
        their name ("Joanna Lisle (Kestle Bay)") from a name."""
        words = self._text[max(start, at - 40) : at].split()
        if len(words) < 2:
            return False
        return (words[-1] == "(" and words[-2][0].isupper()) or (words[-1] == "from" and words[-2].lower() in SOMEONE)

    def _reported(self, since: Mention, at: int, sentence: int) -> bool:
        """Tell whether a name comes after the cue verb of `since`'s own sentence: in what they said, not a new
        subject."""
        return sentence <= since.start and CUE.search(self._text, since.start + len(since.name), at) is not None

    def spouse(self, owner: Mention | None, relative: str, gender: str) -> str | None:
        """Name "his wife" when the article names the couple: after "Tom and Linda Barrow", Linda Barrow (`owner`
        is the one "his" or "her" stands for)."""
        *owned_by, noun = relative.split()
        if noun not in _SPOUSES or owner is None or owned_by != [OWNERS["m" if gender == "f" else "f"]]:
            return None
        return next(iter(_forms_of(self.surname_forms(name_words(owner.name)[-1]), gender)), None)

    def main_person(self, gender: str) -> Mention | None:
        """The person of that gender the article names most often (three times or more, outside quotes), or the only
        one it names: whom a profile's "she says" means when no one else is near it, and a "he added" far on."""
        if self._mentioned is None:  # how often each person is named, counted once per article
            self._mentioned = Counter()
            for run in CAP_RUN.finditer(self._text):
                kind, tail = analyse_run(word_tokens(run.group()))
                if kind == "person" and not self._inside_quote(run.start()):
                    full = self.first_name_forms(tail[0]) if len(tail) == 1 else None  # "Dame Eluned": Eluned Harcourt
                    self._mentioned[full.most_common(1)[0][0].split()[-1] if full else tail[-1]] += 1
        found = [(surname, count, forms) for surname, count in self._mentioned.most_common()
                 if ((forms := self.surname_forms(surname)) or is_given_name(surname))  # none for someone named by
                 and self.genders.get(surname.lower()) in (gender, None)]  # first name alone ("Kieran’s story")
        for surname, count, forms in found:
            own = self.genders.get(surname.lower())
            if own == gender and (count >= 3 or len(found) == 1):
                return Mention("person", forms.most_common(1)[0][0] if forms else surname)
            if own is None and count >= 3 and len(ones := _forms_of(forms, gender)) == 1:
                return Mention("person", ones[0])  # a couple shares it ("Marian and Alan Lockhart"): hers or his
        return None

    def uses_they(self, name: str) -> bool:
        """Say whether the article gives this person "they" ("Mx Penhallow", "…, who uses they/them pronouns"):
        then "they said" is theirs, not a body's."""
        surname = re.escape(name.split()[-1])
        return re.search(rf"\bMx\.? (?:[A-Z][\w'’-]+ )*{surname}\b|\b{surname}\b[^.]{{0,160}}\bthey/them\b",
                         self._text) is not None

    def names_another(self, start: int, end: int, name: str) -> bool:
        """Tell whether the writer's text here names a person other than `name`, or a relative ("my grandmother"):
        a quote under a line of narrative that names no one else goes on with the last speaker."""
        surname = name.split()[-1].lower()
        for run in CAP_RUN.finditer(self._text, start, end):
            kind, tail = analyse_run(word_tokens(run.group()))
            if kind != "person" or tail[-1].lower() == surname or self._inside_quote(run.start()):
                continue
            opening = SENTENCE_BREAK.split(self._text[start : run.start()])[-1]  # "Practices are paid …": no one
            if not self.unknown_opening(run.group(), opening, len(opening)):
                return True
        return any(word.lower() in KIN for word in word_tokens(self._text[start:end]))

    def known_in_full(self, word: str) -> bool:
        """Tell whether the article also gives this one-word name as part of a full name ("Pryor", "Fiona")."""
        return bool(self.surname_forms(word) or self.first_name_forms(word))

    def given_before(self, surname: str) -> bool:
        """Tell whether the article gives this surname after a common first name ("Aisha Kareem" for "Kareem"):
        a person's, not a firm's ("Ironvale Systems") or a place's ("Tarrant Valley")."""
        return any(len(form.split()) > 1 and is_given_name(form.split()[-2]) for form in self.surname_forms(surname))

    def unknown_opening(self, word: str, sentence: str, at: int) -> bool:
        """Tell a lone plural opening the sentence ("Tests revealed …", "Doctors said") from a name: a word in -s
        that is no kin word, common given name or name the article knows ("Evans said" after "Dr Rhys Evans")."""
        return (" " not in word and word.endswith("s") and not word.endswith("ss") and word.lower() not in KIN
                and not sentence[:at].strip(" “\"‘'") and not is_given_name(word) and not self.is_known_name(word))

    def is_known_name(self, word: str) -> bool:
        """Tell a one-word name ("Melanie") from a capitalised word that merely opens a sentence."""
        if word not in self._known:
            self._known[word] = (
                bool(self.surname_forms(word))
                or bool(self.first_name_forms(word))  # "Gwen" after "Gwen Pardoe"
                or (any(self._named_at(start, end) for start, end in occurrences(self._text, word))
                    and not self._opens_body(word))
            )
        return self._known[word]

    def _opens_body(self, word: str) -> bool:
        """Tell the short name of a body the article names in full ("Kindred" of "Kindred Homecare"), which stands
        mid-sentence as a name does ("Like every provider, Kindred has …") but is no one's."""
        runs = (CAP_RUN.match(self._text, start) for start, _ in occurrences(self._text, word))
        return any(analyse_run(word_tokens(run.group()))[0] == "org" for run in runs if run and " " in run.group())

    def _named_at(self, start: int, end: int) -> bool:
        """Tell whether the capitalised word at `start` is used as a name there, not as a sentence opener."""
        previous = _PREVIOUS_WORD.search(self._text, max(0, start - 30), start)
        if previous and (previous.group(1)[0].islower() or previous.group(1) == ","):
            return True  # capitalised mid-sentence
        return bool(_CUE_NEXT.match(self._text, end))  # the subject of "said", or aged

    def first_name_forms(self, first: str) -> Counter[str]:
        """Count the full names that start with `first` (for a speaker named by first name only)."""
        key = "first:" + first
        if key in self._forms:
            return self._forms[key]
        matches = (CAP_RUN.match(self._text, start) for start, _ in occurrences(self._text, first))
        runs = Counter(m.group() for m in matches if m)
        forms: Counter[str] = Counter()
        for run, count in runs.items():
            kind, tail = analyse_run(word_tokens(run))
            if kind == "person" and len(tail) > 1 and tail[0] == first:
                forms[" ".join(tail)] += count
        if not forms and len(first) > 2:  # "Raymond Fairclough … Ray, as everyone knows him": a short form of one
            runs = (CAP_RUN.match(self._text, start) for start, _ in occurrences(self._text, first, prefix=True))
            longer = {" ".join(tail) for run in runs if run for kind, tail in [analyse_run(word_tokens(run.group()))]
                      if kind == "person" and len(tail) > 1 and tail[0].startswith(first) and is_given_name(tail[0])}
            forms.update(longer if len(longer) == 1 else ())
        self._forms[key] = forms
        return forms


def _wed(given: str, owner: str, spouse: str) -> bool:
    """Whether "his wife, Joan" after `given` names `given`'s spouse: "his" for a man's given name, "her" for a
    woman's, and a given name for the spouse."""
    return given_gender(given) == ("m" if owner.lower() == "his" else "f") and is_given_name(spouse)


def _forms_of(forms: Counter[str], gender: str) -> list[str]:
    """The full names among a surname's forms that a given name marks as of this gender ("Linda Barrow" for "f")."""
    return [form for form in forms if name_gender((), form.split()) == gender]


def described_one(mention: Mention, text: str, position: int) -> Mention:
    """Name "one of them" by the description the commas after it give ("a retired bus driver from …"), where it is
    named last before `position`, its cue."""
    at = text.rfind(mention.name, 0, max(position, mention.start) + len(mention.name))
    described = _ONE_OF_THEM.fullmatch(mention.name) and at >= 0 and _DESCRIBED_ONE.match(text, at + len(mention.name))
    return replace(mention, name=described[1]) if described else mention


def is_unnamed(mention: Mention, sentence: str, before: Sequence[str] = ()) -> bool:
    """Tell someone the writer leaves unnamed on purpose ("One ward sister …, who asked not to be named", "a
    senior source") from any other nominal before a cue verb ("a message", "the minister"). `before` holds the
    article's earlier sentences that say someone is not named (ArticleNames.unnamed_before)."""
    if mention.kind != "nominal" or not re.match(r"(?:an?|one|another|the) ", mention.name, re.I):
        return False
    # "the nurse" refers back to someone, unless the sentence says they are not named, or the article said so
    # where it brought "the nurse" in; "the prime minister's spokesperson" says whose
    owned = re.match(r"the [\w ’'-]+['’]s ", mention.name, re.I) is not None
    of_someone = OF_SOMEONE.match(mention.name) is not None
    refers_back = mention.name.lower().startswith("the ") and not owned and not of_someone
    head = nominal_head(mention.name)  # a spokesperson too, who is "she" in the next quote
    # "The nurse said …" after "The nurse, who asked not to be named"; not "the five" of five unnamed staff
    named = re.compile(rf"\b{re.escape(head)}s?\b", re.I)  # "Several nurses …": each is one nurse
    anonymous = _ANONYMOUS.search(sentence) is not None or (refers_back and head not in NUMBER_WORDS and any(
        named.search(earlier) and _ANONYMOUS.search(earlier) for earlier in before))
    if refers_back and not anonymous:
        return False
    # "One nurse, who has …", "Another resident, who gave her name only as Sandra, …", "One care worker told us",
    # "A second worker, who has been …": one more of those the writer spoke to
    # "A manager in Bristol whose practice …", "One nurse, who …": one person, whom the clause describes (not "A
    # resident who pays for herself is charged …", anyone who does)
    described = re.search(rf"{re.escape(mention.name)}(?:, whom?|,? whose) ", sentence) is not None
    # "A healthcare assistant on an acute ward told the paper": someone the writer's paper spoke to; and opening the
    # sentence, "A ward manager in Leeds says she …" (not "when a nurse says she …"): one speaking of herself
    interviewed = re.search(  # "… official who spent years at the Treasury told me": one the writer spoke to
        rf"{re.escape(mention.name)}(?: who [^,.;“”]{{1,80}}?|, [^,.;“”]{{1,60}},)?,? (?:told|tells) (?:us|me"
        r"|(?:the )?[A-Z]|the (?:paper|hearing|inquest|court|tribunal|jury|inquiry|panel|committee))",  # or a witness
        sentence) or re.match(  # and "A nurse who has worked there for a decade said" (not "A resident who pays for
        # herself is charged": anyone who does)
        rf"\s*{re.escape(mention.name)}(?:,? (?:says|said) (?:she|he)| who [^,.;“”]{{1,80}}? said)\b", sentence)
    one_who = described or of_someone or interviewed is not None or (
        ONE_MORE.match(mention.name) is not None and nominal_head(mention.name) in SOMEONE)
    spokes = head.startswith("spokes") and not refers_back
    # "Another provider, who asked not to be named because she …", opening its sentence: one whom "who" asks to be left
    # unnamed is a person (not "One care worker employed by another provider, who …", where the worker asks)
    short = len(mention.name.split()) <= 3 and re.match(r"(?:an?|one|another) ", mention.name, re.I) is not None
    asked = anonymous and short and bool(re.match(rf"\s*{re.escape(mention.name)},? who ", sentence))
    return (nominal_kind(mention.name) == PERSON or asked) and (head in SOURCES or anonymous or one_who or spokes)


def introduced_unnamed(text: str, start: int, position: int, nominal: str) -> tuple[int, str] | None:
    """Return where and how someone left unnamed was introduced between `start` and `position` ("a senior officer")
    for "the officer": reporters bring in a source who will not be named with "a" or "one", or as someone's ("The
    prime minister's official spokesperson"), or at a body it does not name ("The managing director of one
    provider"), then call them that."""
    head = word_tokens(nominal)[-1]
    pattern = (rf"\b(?:[Aa]n?|[Oo]ne|[Tt]he (?:[a-z-]+ ){{0,2}}(?P<owner>[a-z-]+)['’]s|(?P<of_one>[Tt]he)) "
               rf"(?:[a-z-]+ ){{0,3}}?{re.escape(head.lower())}\b(?(of_one)(?= of (?:one|an?) ))")
    found = [m for m in re.finditer(pattern, text[start:position]) if (not m["owner"] or m["owner"] in ROLE_NOUNS)
             and not _described(text[max(0, start + m.start() - 60) : start + m.start()])]
    return (start + found[-1].start(), found[-1].group().lower()) if found else None


def _described(before: str) -> bool:
    """Whether a phrase is someone's description after their name ("Dr Imran Qureshi, a consultant at …"), not
    someone brought in unnamed ("In Leeds, a consultant who …")."""
    run = None if not before.endswith(", ") else next(reversed(list(CAP_RUN.finditer(before[:-2]))), None)
    if run is None or run.end() != len(before) - 2:
        return False
    words = word_tokens(run.group())
    return analyse_run(words)[0] == PERSON and surely_named(words)


def relative_named(
    text: str, start: int, position: int, gender: str, inside_quote: Callable[[int], bool]
) -> tuple[int, str] | None:
    """Return where the nearest relative of that gender ("my mother", "Dad") is named between `start` and
    `position`, and how: the person a writer's "she says" can mean in a family story."""
    kin = FEMALE_KIN if gender == "f" else MALE_KIN
    found = [
        m for m in _RELATIVE.finditer(text, start, position)
        if (m[2] or m[3]).lower() in kin and not inside_quote(m.start())  # "‘I love my mum’": not the writer's
    ]
    return (found[-1].start(), found[-1][3] or found[-1].group().lower()) if found else None
