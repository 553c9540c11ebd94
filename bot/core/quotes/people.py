"""Attribute quotations to speakers with cue-verb patterns and resolve them to canonical names.

The speaker is the subject of a cue verb in the attribution clause around a quotation: after it
("…,” said X" / "…,” X added" / "…” — X" / "according to X"), between its parts, before it
("X said: “…" / "X, chief executive of Y, said: “…"), or ending the previous paragraph ("X said:").
A subject is a name (honorifics, titles and post-nominals peeled off, the role kept apart), an
organisation, a pronoun or a role noun.  Pronouns and definite role nouns ("the minister") resolve
to the nearest earlier *salient* person - the subject of an attribution or the name a sentence
opens with - of compatible gender (learnt from honorifics and the pronouns that follow a name), so
they only ever name someone the article has named.  Each person is reported under one canonical
form: the most often seen full name sharing their surname key.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

_VERBS = (
    "said says say added adds explained explains wrote writes warned warns concluded concludes told tells "
    "urged urges stressed stresses insisted insists argued argues noted notes commented comments claimed "
    "claims admitted admits continued continues declared declares asked asks replied replies responded "
    "responds stated acknowledged acknowledges suggested suggests recalled recalls observed observes "
    "remarked tweeted tweets posted joked jokes quipped quips countered counters cautioned cautions "
    "conceded concedes predicted predicts promised vowed vows emphasised emphasises emphasized emphasizes "
    "highlighted highlights announced announces shouted yelled pleaded answered agreed agrees confirmed "
    "confirms revealed reiterated reiterates complained complains lamented laments boasted boasts mused "
    "recounted recounts demanded demands asserted asserts maintained maintains contended contends "
    "charged testified exclaimed retorted interjected welcomed welcomes"
)
_PARTICIPLES = (
    "saying adding explaining writing warning concluding telling urging stressing insisting arguing "
    "noting commenting claiming admitting declaring asking replying responding stating acknowledging "
    "suggesting recalling observing remarking tweeting promising vowing emphasising emphasizing"
)
_CUE = re.compile(
    r"\b(?:(?P<according>[Aa]ccording to)|(?P<part>" + "|".join(_PARTICIPLES.split()) + r")|(?P<verb>"
    r"called for|calls for|pointed out|points out|went on|goes on|" + "|".join(_VERBS.split()) + r"))\b"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = re.compile(
    rf"(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.(?=\s)"
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Rep|Reps|Sen|Sens|Gov|Rev|Revd|St|Jr|Sr|Gen|Col|Lt|Capt|Sgt|Del|Hon|Rt|Cllr)\."
    r"|[^\W_](?:[\w'’\-]*[^\W_])?(?:\.[^\W_]+)*(?:(?<=s)['’](?=\s+[A-Z]))?|[^\w\s]"
)
_BOUNDARY = re.compile(r"([.!?…]+)[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[^\W\d_a-z]|\d)")
_CAP_WORD = rf"[{_UPPER}](?:\.(?:[{_UPPER}]\.)*|[a-z]{{1,3}}\.|[\w'’\-]*)"
_RUN_BEFORE = re.compile(rf"(?:{_CAP_WORD}[ \t]+(?:(?:de|da|van|von|der|den|la|le|bin|al)[ \t]+)?){{1,5}}$")
_CAP_RUN = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+(?:(?:de|da|van|von|der|den|la|le|bin|al)[ \t]+)?{_CAP_WORD})*")
_PREVIOUS_WORD = re.compile(r"(\w+|,)[ \t]+$")
_CUE_NEXT = re.compile(r"[ \t]+(?:said|says|added|adds|told|tells|wrote|writes|asked|asks)\b")
_OTHER_NAME = re.compile(r"\n|\b(?!(?:He|She|His|Her|Him|It|They|The|But|And|In|A|An|I)\b)[A-Z][a-z]")
_GENDERED = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_OPENER = re.compile(r"[“\"]")
_DASH = re.compile(r"\s*[―—–]\s*|\s+-\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HONORIFICS = _words(
    "mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron cllr councillor rev revd "
    "reverend rt hon rep reps sen sens del capt gen col lt sgt fr rabbi imam bishop archbishop"
)
_TITLES = _words(
    "secretary minister chancellor chief executive ceo officer president chairman chairwoman chair "
    "chairperson director leader mayor spokesman spokeswoman spokesperson head governor senator "
    "congressman congresswoman representative commissioner manager founder adviser advisor aide editor "
    "deputy shadow speaker candidate nominee treasurer ambassador attorney general justice judge "
    "economist analyst researcher scientist historian lawyer official campaigner consultant nurse "
    "surgeon doctor physician lecturer teacher trustee partner fellow member host presenter columnist "
    "correspondent reporter businessman businesswoman developer strategist pollster activist coordinator "
    "administrator inspector registrar lead principal superintendent commander clerk author writer "
    "owner worker resident mother father wife husband son daughter sister brother niece nephew friend "
    "colleague boss mp widow veteran scholar physicist professor expert student councillor organiser "
    "organizer"
)
_MODIFIERS = _words(
    "health care social state public education housing treasury foreign home defence defense business "
    "transport local government prime junior senior interim acting clinical medical nursing adult adults "
    "children mental national former labour conservative tory democrat democrats democratic republican "
    "republicans liberal independent policy finance economic environment environmental digital culture "
    "communities international trade security development majority minority ranking oversight"
)
_ORG_WORDS = _words(
    "association council department ministry office committee commission agency authority trust "
    "foundation society institute institution fund union party federation confederation alliance "
    "network partnership board service services group centre center college university school hospital "
    "hospitals government parliament congress senate house campaign company corporation inc ltd plc bank "
    "news times post guardian telegraph press forum coalition organisation organization charity bureau "
    "club court police army england scotland wales uk providers healthwatch administration caucus panel "
    "team church cabinet county"
)
_POSTNOMINALS = _words(
    "obe mbe cbe kbe dbe frcp frcs frcgp frcn fmedsci phd msc mp msp qc kc jp dl frs rn jr sr ii iii iv"
)
_FUNCTION = _words(
    "the a an but and or so yet however meanwhile then now still also in on at for with as after before "
    "when while if though although because since yesterday today tonight tomorrow this that these those "
    "there here it its his her their our my your we i you they he she speaking asked writing commenting "
    "responding monday tuesday wednesday thursday friday saturday sunday january february march july "
    "september october november december last earlier later separately of to from by editor’s editor's "
    "who what why how where was is are were has have had will be not no"
)
_PARTICLES = _words("de da del della di du van von der den la le bin al ibn")
_RUN_CONNECTORS = _words("of for and & on at in") | _PARTICLES
_SPLITTERS = _words("of for at from in on")
_DETERMINERS = _words("the a an one another this that his her their its our my")
_PRONOUNS = _words("he she they it we i")
_SKIPPABLE = _words(
    "also later then has had have once further previously recently simply only who would will earlier "
    "again subsequently repeatedly often publicly privately separately today yesterday"
)
_LEFTOVER = _words("and but so then as")
_INTRO = _words(
    "in at on during after before following despite with for as while when since speaking asked "
    "writing commenting responding addressing last earlier later in yesterday today asked according"
)
_ABBREVIATIONS = _words(
    "mr mrs ms dr prof rep reps sen sens gov rev revd st jr sr gen col lt capt sgt del hon rt no vs etc inc "
    "ltd co corp jan feb mar apr aug sept sep oct nov dec a.m p.m mt ft"
)
_FEMALE = _words("ms mrs miss dame lady baroness spokeswoman chairwoman congresswoman businesswoman widow")
_MALE = _words("mr sir lord baron spokesman congressman businessman")
_MAX_NAME_WORDS = 4
_APPOSITIVE_TOKENS = 45
_SUBJECT_REACH = 320  # characters before a cue verb that can hold its subject and an appositive
_CLAUSE_REACH = 400  # characters an attribution clause may span on either side of a quotation
_MAX_SENTENCE = 1500  # characters of one sentence read when looking for who it is about
_MAX_OCCURRENCES = 200  # occurrences of a name read to learn its full form and gender
_SALIENCE_SENTENCES = 12  # how far back a pronoun looks for the person it stands for
_ROLE_CANDIDATES = 8  # how many earlier people "the minister" is compared with

Token = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker as written in an attribution clause, before it is resolved within the article."""

    kind: str  # "person", "org", "pronoun", "nominal" or "participle" (subject is the sentence's)
    name: str
    role: str | None = None
    gender: str | None = None
    definite: bool = False  # a nominal introduced by "the" refers back to someone already named
    start: int = 0  # offset of the mention in the clause it was parsed from


def speaker_key(name: str) -> str:
    """Return the key under which "Matt Hancock", "Mr Hancock" and "health secretary Matt Hancock" meet.

    For a person it is the lowercased surname: the last name word once honorifics (Mr, Dr, Cllr…),
    titles, post-nominals (OBE, MBE, Jr…) and a possessive 's are removed.  An organisation keeps
    its whole lowercased name without a leading "the" ("the LGA" -> "lga").  People who share a
    surname share a key; `ArticleSpeakers` tells them apart by the full names in the article.
    """
    words = [w for w in _tokens(name) if w[0].isalnum()]
    while words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return ""
    kind, tail = _analyse_run(words)
    if kind == "person":
        return tail[-1].lower().rstrip(".")
    return " ".join(w.lower() for w in words)


def is_attribution_gap(gap: str) -> bool:
    """Tell whether the words between two quoted parts are a single attribution clause (", he said. ")."""
    body = gap.strip()
    if not body or any(_is_sentence_end(body, m.start(1)) for m in _BOUNDARY.finditer(body)):
        return False
    return _after_clause(body) is not None


class ArticleSpeakers:
    """Attribute the quotations of one article and resolve its speakers to canonical names.

    Everything about the article's people is worked out lazily and cached: the full forms and
    gender of a surname are looked up only when that surname is a speaker, and the salient people
    before a pronoun are found by reading the sentences before it, most recent first.
    """

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        self._text = text
        self._paragraphs = paragraphs
        self._para_starts = [start for start, _ in paragraphs]
        self._starts: list[int] = []  # sentence starts, in order
        self._ends: list[int] = []  # where each sentence's text ends
        for para_start, para_end in paragraphs:
            self._starts.append(para_start)
            for m in _BOUNDARY.finditer(text, para_start, para_end):
                if _is_sentence_end(text, m.start(1)):
                    self._ends.append(m.end(1))
                    self._starts.append(m.end())
            self._ends.append(para_end)
        self._mentions: dict[int, list[Mention]] = {}
        self._forms: dict[str, Counter[str]] = {}
        self._known: dict[str, bool] = {}
        self._genders: dict[str, str | None] = {}
        self._roles: dict[str, str] = {}
        self._acronyms: dict[str, str] | None = None

    def attribute(self, marks: list[tuple[int, int | None]]) -> Mention | None:
        """Find the attribution clause of a quotation from its parts' opening and closing marks."""
        for (_, close), (next_open, _) in itertools.pairwise(marks):
            if close is not None:
                found = self._after(close + 1, next_open)
                if found:
                    return found
        last_close = marks[-1][1]
        if last_close is not None:
            found = self.attribution_after(last_close)
            if found:
                return found
        first_open = marks[0][0]
        found = self._before(self._clause_start(first_open), first_open)
        para = self._paragraph_of(first_open)
        if found or first_open != self._para_starts[para] or para == 0:
            return found
        prev_end = self._paragraphs[para - 1][1]
        if self._text[prev_end - 1] in ":,":
            return self._before(self._clause_start(prev_end - 1), prev_end)
        return None

    def attribution_after(self, close: int) -> Mention | None:
        """Find an attribution clause right after the closing mark at `close` ("…,” said X.")."""
        # after "?” or "!” the attribution reads as a new sentence: “…?” Vitter demanded.
        follows = close + 2 if self._text[close - 1] in "?!" else close
        return self._after(close + 1, min(self._ends[self._sentence_of(follows)], close + 1 + _CLAUSE_REACH))

    def resolve(self, mention: Mention | None, position: int) -> tuple[str | None, str | None]:
        """Turn a mention into (canonical speaker, role): pronouns and role nouns become names."""
        if mention is None:
            return None, None
        if mention.kind == "person":
            return self._person(mention)
        if mention.kind == "org":
            return self._expand(mention.name), None
        if mention.kind == "pronoun":
            if mention.name not in ("he", "she"):
                return None, None
            return self._person(self._salient_before(position, "m" if mention.name == "he" else "f"))
        if mention.definite:
            found = self._by_role(mention.name, position)
            if found is not None:
                name, role = self._person(found)
                return name, role or _clean_role(mention.name)
        org = _org_inside(mention.name)
        return (self._expand(org), None) if org else (mention.name, None)

    def recent_subject(self, position: int) -> tuple[str | None, str | None]:
        """Return who the text just before an unattributed quote is about.

        That is the nearest salient person earlier in the quote's paragraph or, for a quote that
        opens its paragraph, in the paragraph before.
        """
        para = self._paragraph_of(position)
        if position == self._para_starts[para]:
            if para == 0:
                return None, None
            para -= 1
        return self._person(self._salient_before(position, None, floor=self._para_starts[para]))

    def _paragraph_of(self, position: int) -> int:
        """Return the index of the paragraph holding `position`."""
        return max(0, bisect.bisect_right(self._para_starts, position) - 1)

    def _sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._starts, position) - 1)

    def _clause_start(self, position: int) -> int:
        """Return where the clause before `position` starts: its sentence start, but never too far back."""
        return max(self._starts[self._sentence_of(position)], position - _CLAUSE_REACH)

    def _after(self, start: int, end: int) -> Mention | None:
        clause = self._text[start:end]
        opener = _OPENER.search(clause)  # the clause ends where the next quotation opens
        found = _after_clause(clause[: opener.start()] if opener else clause)
        if found is None or found.kind != "participle":
            return found
        return _first_subject(self._text[self._clause_start(start) : start])

    def _before(self, start: int, end: int) -> Mention | None:
        clause = self._text[start:end]
        found = _before_clause(clause)
        if found is None or found.kind != "participle":
            return found
        return _first_subject(clause[: found.start])

    def _person(self, mention: Mention | None) -> tuple[str | None, str | None]:
        """Return the canonical name of a person mention and the role the article gives them."""
        if mention is None:
            return None, None
        tail = _name_words(mention.name)
        key = tail[-1].lower()
        if mention.role:
            self._roles.setdefault(key, mention.role)
        wanted = {w.lower() for w in tail}
        forms = self._surname_forms(tail[-1])
        options = [(n, len(f.split()), f) for f, n in forms.items() if wanted <= {w.lower() for w in f.split()}]
        if not options and len(tail) == 1:
            options = [(n, len(f.split()), f) for f, n in self._first_name_forms(tail[0]).items()]
        name = max(options)[2] if options else " ".join(tail)
        return name, mention.role or self._roles.get(key)

    def _surname_forms(self, surname: str) -> Counter[str]:
        """Count the full names ending in `surname` and learn its gender from honorifics and pronouns."""
        key = surname.lower()
        if key in self._forms:
            return self._forms[key]
        runs: Counter[str] = Counter()
        pronouns: Counter[str] = Counter()
        text = self._text
        for start, end in _occurrences(text, surname):
            lead = _RUN_BEFORE.search(text, max(0, start - 60), start)
            runs[(lead.group() if lead else "") + surname] += 1
            if text[end : end + 1] in ("'", "’"):
                continue  # after a possessive ("Warren's grilling") the pronouns are about someone else
            # pronouns that follow a name before anyone else is named most likely refer to it
            other = _OTHER_NAME.search(text, end, end + 160)
            for p in _GENDERED.finditer(text, end, other.start() if other else end + 160):
                pronouns["m" if p.group(1) else "f"] += 1
        forms: Counter[str] = Counter()
        gender = None
        for run, count in runs.items():
            words = _tokens(run)
            kind, tail = _analyse_run(words)
            if kind == "person" and tail[-1] == surname and len(tail) > 1:
                forms[" ".join(tail)] += count
            gender = gender or next((g for g in map(_gender_of, words) if g), None)
        if gender is None and pronouns:
            (top, n), *rest = [*pronouns.most_common(2), ("", 0)]
            gender = top if n > 2 * rest[0][1] else None
        self._genders[key] = gender
        self._forms[key] = forms
        return forms

    def _is_known_name(self, word: str) -> bool:
        """Tell a one-word name ("Melanie") from a capitalised word that merely opens a sentence."""
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = bool(self._surname_forms(word)) or any(
                self._named_at(start, end) for start, end in _occurrences(self._text, word)
            )
        return known

    def _named_at(self, start: int, end: int) -> bool:
        """Tell whether the capitalised word at `start` is used as a name there, not as a sentence opener."""
        previous = _PREVIOUS_WORD.search(self._text, max(0, start - 30), start)
        if previous and (previous.group(1)[0].islower() or previous.group(1) == ","):
            return True  # capitalised mid-sentence
        return bool(_CUE_NEXT.match(self._text, end))  # the subject of "said"

    def _first_name_forms(self, first: str) -> Counter[str]:
        """Count the full names that start with `first` (for a speaker named by first name only)."""
        key = "first:" + first
        if key in self._forms:
            return self._forms[key]
        text = self._text
        matches = (_CAP_RUN.match(text, start) for start, _ in _occurrences(text, first))
        runs = Counter(m.group() for m in matches if m)
        forms: Counter[str] = Counter()
        for run, count in runs.items():
            kind, tail = _analyse_run(_tokens(run))
            if kind == "person" and len(tail) > 1 and tail[0] == first:
                forms[" ".join(tail)] += count
        self._forms[key] = forms
        return forms

    def _gender(self, mention: Mention) -> str | None:
        """Return "m", "f" or None (unknown) for a person mention."""
        if mention.gender:
            return mention.gender
        surname = _name_words(mention.name)[-1]
        self._surname_forms(surname)
        return self._genders.get(surname.lower())

    def _expand(self, org: str) -> str:
        """Return an organisation's name without "the", spelling out an acronym the article defines."""
        if self._acronyms is None:
            self._acronyms = _acronyms(self._text)
        words = [w for w in _tokens(org) if w[0].isalnum()]
        while words and words[0].lower() == "the":
            words = words[1:]
        name = " ".join(words) or org
        return self._acronyms.get(name, name)

    def _recent_people(self, position: int, floor: int = -1) -> Iterator[Mention]:
        """Yield the salient people before `position`, nearest first, reading one sentence at a time."""
        last = self._sentence_of(position)
        for sentence in range(last, max(-1, last - _SALIENCE_SENTENCES), -1):
            if self._starts[sentence] < floor:
                return
            mentions = self._mentions.get(sentence)
            if mentions is None:
                mentions = self._mentions[sentence] = self._sentence_people(sentence)
            yield from (m for m in reversed(mentions) if m.start < position)

    def _salient_before(self, position: int, gender: str | None, floor: int = -1) -> Mention | None:
        """Return the nearest earlier salient person whose gender does not contradict `gender`."""
        for mention in self._recent_people(position, floor):
            if gender is None or self._gender(mention) in (None, gender):
                return mention
        return None

    def _by_role(self, nominal: str, position: int) -> Mention | None:
        """Resolve "the minister" to the nearest salient person whose role shares its head noun."""
        words = [w.lower() for w in _tokens(nominal) if w[0].isalpha()]
        head = words[-1] if words else ""
        nearest = None
        for mention in itertools.islice(self._recent_people(position), _ROLE_CANDIDATES):
            role = mention.role or self._roles.get(speaker_key(mention.name), "")
            if head in role.lower().split():
                return mention
            nearest = nearest or mention
        return nearest if head in _TITLES else None

    def _sentence_people(self, sentence: int) -> list[Mention]:
        """Return who a sentence is about: the named subjects of its cue verbs, else its opening name."""
        start = self._starts[sentence]
        end = min(self._ends[sentence], start + _MAX_SENTENCE)
        text = self._text[start:end]
        people = []
        for cue in _CUE.finditer(text):
            if not cue.group("verb"):
                continue
            before = text[: cue.start()].rstrip()
            mention = _subject_before(before)
            if mention is None and before[-1:] in ",”\"'’":  # "…,” said X"
                mention = _np_forward(_token_spans(text[cue.end() :]), 0)
            if mention is not None and mention.kind in ("person", "pronoun"):
                people.append(replace(mention, start=start + cue.start()))
        if not people and not _is_heading(text):
            lead = _first_subject(text[:100], strict=True)
            # a lone capitalised word opening a sentence is too often not a name
            if (
                lead is not None
                and lead.kind == "person"
                and lead.start < 50
                and (" " in lead.name or lead.role or self._is_known_name(lead.name))
            ):
                people.append(replace(lead, start=start + lead.start))
        for mention in people:
            if mention.role:
                self._roles.setdefault(speaker_key(mention.name), mention.role)
        return [m for m in people if m.kind == "person"]


def _occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Yield where `word` occurs in `text` as a whole word (the first few hundred times)."""
    end = 0
    found = 0
    while found < _MAX_OCCURRENCES and (start := text.find(word, end)) >= 0:
        end = start + len(word)
        glued_before = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’")
        if not glued_before and not text[end : end + 1].isalnum():
            found += 1
            yield start, end


def _acronyms(text: str) -> dict[str, str]:
    """Map each acronym the article defines ("Local Government Association (LGA)") to its full name."""
    found: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,8})\)", text):
        words: list[str] = []
        for word in reversed(_tokens(text[max(0, m.start() - 120) : m.start()])):
            if not (word[0].isupper() or word.lower() in _RUN_CONNECTORS | {"the"}):
                break
            words.insert(0, _strip_possessive(word))
        while words and (not words[0][0].isupper() or words[0].lower() in _FUNCTION):
            words.pop(0)
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(words) >= 2 and initials[-len(m.group(1)) :].lower() == m.group(1).lower():
            found.setdefault(m.group(1), " ".join(words))
    return found


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _name_words(name: str) -> Sequence[str]:
    """Return the words of a person's name without honorifics or titles ("Mr Hancock" -> ["Hancock"])."""
    return _analyse_run([w for w in _tokens(name) if w[0].isalnum()])[1] or name.split()


def _is_heading(sentence: str) -> bool:
    """Tell a title-case heading ("An Ambitious, Divisive Legacy.") from a sentence."""
    words = [w for w in sentence.split() if len(w) > 3]
    return sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _token_spans(text: str) -> list[Token]:
    return [(m.group(), *m.span()) for m in _TOKEN.finditer(text)]


def _strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def _is_cap(word: str) -> bool:
    return word[0].isupper()


def _is_acronym(word: str) -> bool:
    bare = _strip_possessive(word).replace(".", "").replace("&", "")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha() and bare.lower() not in _POSTNOMINALS


def _gender_of(word: str) -> str | None:
    low = word.lower().rstrip(".")
    return "f" if low in _FEMALE else "m" if low in _MALE else None


def _is_sentence_end(text: str, dot: int) -> bool:
    """Tell a full stop from the dot of an abbreviation or an initial (Mr., Rep., G.K.)."""
    if text[dot] != ".":
        return True
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return True
    bare = word.replace(".", "")
    initial = bare.isupper() and (len(bare) == 1 or "." in word)
    return not (word.lower() in _ABBREVIATIONS or initial)


def _analyse_run(words: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """Classify capitalised words: ("person", name words), ("org", ()), ("role", ()) or ("", ())."""
    return _analyse_words(tuple(words))


@functools.lru_cache(maxsize=8192)
def _analyse_words(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Do the work of `_analyse_run`, cached because the same names recur within and across articles."""
    while words and words[0].lower() in _FUNCTION and words[0].lower().rstrip(".") not in _HONORIFICS:
        words = words[1:]
    if not words:
        return "", ()
    head: list[str] = []
    for word in words:
        if word.lower() in _SPLITTERS and head:
            break
        head.append(word)
    tail = _person_tail(head)  # "Charles Rangel of New York"
    if tail:
        return "person", tuple(tail)
    head_is_org = any(_strip_possessive(w).lower() in _ORG_WORDS or _is_acronym(w) for w in head)
    tail = [] if head_is_org else _person_tail(list(words))  # "Secretary of State John Kerry"
    if tail:
        return "person", tuple(tail)
    if any(w.lower().rstrip(".") in _TITLES for w in head):
        return "role", ()
    if any(_strip_possessive(w).lower() in _ORG_WORDS or _is_acronym(w) for w in words):
        return "org", ()
    if len(head) == 1 and head[0].lower() in _MODIFIERS:
        return "org", ()
    return "", ()


def _person_tail(words: list[str]) -> list[str]:
    """Return the personal name that ends a run of capitalised words, without titles and post-nominals."""
    words = [_strip_possessive(w) for w in words]
    while words and words[-1].lower().rstrip(".") in _POSTNOMINALS:
        words.pop()
    tail: list[str] = []
    for word in reversed(words):
        low = word.lower().rstrip(".")
        if low in _PARTICLES and tail:
            tail.insert(0, word)
            continue
        if (
            not word[0].isupper()
            or low in _HONORIFICS
            or low in _TITLES
            or low in _FUNCTION
            or low in _ORG_WORDS
            or low in _POSTNOMINALS
            or (low in _MODIFIERS and tail)
            or _is_acronym(word)
        ):
            break
        tail.insert(0, word)
        if sum(len(w) > 2 for w in tail) >= _MAX_NAME_WORDS:
            break
    while tail and tail[0].lower() in _PARTICLES:
        tail.pop(0)
    if len(tail) == 1 and tail[0].lower() in _MODIFIERS:
        return []
    return tail


def _after_clause(clause: str) -> Mention | None:
    """Parse an attribution that follows a quotation: "said X" / "X said" / "— X" / "according to X"."""
    dash = _DASH.match(clause)
    if dash:
        mention = _np_forward(_token_spans(clause[dash.end() :]), 0)
        return mention if mention and mention.kind in ("person", "org") else None
    body = clause.lstrip(" ,;:")
    offset = len(clause) - len(body)
    cue = _CUE.search(body, 0, 200)
    if cue is None:
        return None
    if cue.start() == 0 or cue.group("according"):
        if cue.group("part"):
            return Mention("participle", "", start=offset)
        return _np_forward(_token_spans(body[cue.end() :]), 0)
    if cue.group("part"):
        return None
    mention = _subject_before(body[: cue.start()])
    if mention is None:
        return None
    leftover = body[: mention.start].rstrip()
    words = [w.lower() for w in _tokens(leftover) if w[0].isalnum()]
    if len(words) > 2 and not (set(words) <= _LEFTOVER or leftover.endswith(",")):
        return None  # the cue belongs to a clause of its own, not to this quotation
    return mention


def _before_clause(clause: str) -> Mention | None:
    """Parse an attribution that precedes a quotation: "X said: “…" / "According to X, “…"."""
    body = clause.rstrip(" ,:;—–-―\n")
    cues = list(_CUE.finditer(body))
    if not cues:
        if not clause.rstrip().endswith(":"):
            return None
        mention = _subject_before(body)  # a bare "Name:" introducing the quote
        return mention if mention and mention.kind in ("person", "org") and mention.start == 0 else None
    for cue in reversed(cues[-2:]):
        if cue.group("according"):
            mention = _np_forward(_token_spans(body[cue.end() :]), 0)
        elif cue.group("part"):
            before = body[: cue.start()].rstrip()
            tokens = _token_spans(before)
            named = None if before.endswith(",") else _np_backward(tokens, len(tokens) - 1, before)
            if named is not None and named.kind in ("person", "org"):
                return named  # "footage of Trump saying, “…" names its own subject
            return Mention("participle", "", start=cue.start())
        else:
            mention = _subject_before(body[: cue.start()])
        if mention is not None:
            return mention
    return None


def _first_subject(text: str, strict: bool = False) -> Mention | None:
    """Return the subject a sentence opens with ("Mr Hancock welcomed…", "In a statement, she…")."""
    tokens = _token_spans(text)
    limit = min(len(tokens), 16)
    i = 0
    while i < limit:
        word = tokens[i][0]
        low = word.lower()
        if low in ("he", "she"):
            return Mention("pronoun", low, start=tokens[i][1])
        if low in _INTRO or low.endswith("ing"):
            # skip an opening phrase: "During a speech on Monday, Trump…"
            comma = next((k for k in range(i + 1, limit) if tokens[k][0] == ","), None)
            if comma is None:
                return None
            i = comma + 1
            continue
        if low in _FUNCTION or not word[0].isalnum():
            i += 1
            continue
        mention = _np_forward(tokens, i)
        if mention is None or mention.kind not in ("person", "org"):
            return None
        if not (word[0].isupper() or mention.role):
            return None  # a lowercase opening only leads to a name through a role: "health secretary X"
        end = i
        while end < len(tokens) and tokens[end][0].islower():
            end += 1  # a lowercase role before the name: "health secretary Matt Hancock"
        while end < len(tokens) and (tokens[end][0][0].isupper() or tokens[end][0] == "."):
            end += 1
        follower = tokens[end][0] if end < len(tokens) else ""
        if strict and not (follower[:1].islower() or follower in (",", "(")):
            return None
        return replace(mention, start=tokens[i][1])
    return None


def _subject_before(text: str) -> Mention | None:
    """Parse the subject that ends just before a cue verb: "X", "X, role," "the minister", "he"."""
    cut = max(0, len(text) - _SUBJECT_REACH)
    if cut:
        found = _subject_before(text[cut:])
        return replace(found, start=found.start + cut) if found else None
    tokens = _token_spans(text)
    i = len(tokens) - 1
    while (
        i >= 0
        and len(tokens) - i <= 3
        and (tokens[i][0].lower() in _SKIPPABLE or (tokens[i][0].endswith("ly") and tokens[i][0].islower()))
    ):
        i -= 1
    if i < 0:
        return None
    if tokens[i][0] in (",", "—", "–") or (tokens[i][0] == ")" and i > 0 and tokens[i - 1][0] == ","):
        return _appositive(tokens, i, text)
    return _np_backward(tokens, i, text)


def _appositive(tokens: list[Token], comma: int, text: str) -> Mention | None:
    """Parse "X, chief executive of Y," and "the chief executive of Y, X," before a cue verb."""
    separators: list[int] = []
    j = comma - 1
    while j >= 0 and comma - j < _APPOSITIVE_TOKENS and len(separators) < 4:
        word = tokens[j][0]
        if word in (",", "—", "–"):
            separators.append(j)
        elif word in (";", ":", "!", "?", "“", "”", '"') or (
            word == "." and tokens[j + 1][0] != "," and _is_sentence_end(text, tokens[j][1])
        ):
            break
        j -= 1
    separators.append(j)
    for sep in separators:
        inner = tokens[sep + 1 : comma]
        if not inner:
            continue
        inner_text = text[inner[0][1] : inner[-1][2]]
        name = _np_forward(inner, 0)
        pure_name = all(w[0].isupper() or w == "." for w, _, _ in inner)
        if name is not None and name.kind == "person" and pure_name and sep >= 0:
            role_start = _phrase_start(tokens, sep - 1)
            if role_start is not None:
                role = _clean_role(text[role_start : tokens[sep - 1][2]])
                return replace(name, role=role, start=role_start)
        if sep < 0:
            continue
        left = _np_backward(tokens, sep - 1, text)
        if left is not None:
            if left.kind == "person" and not left.role and _looks_like_role(_tokens(inner_text)):
                gender = left.gender or _role_gender(inner_text)
                left = replace(left, role=_clean_role(inner_text), gender=gender)
            return left
    return None


def _phrase_start(tokens: list[Token], end: int) -> int | None:
    """Return where a role phrase like "the chief executive of NHS England" ending at `end` starts."""
    j = end
    while j >= 0 and end - j < 10:
        word = tokens[j][0]
        if not (word[0].isalpha() or word in ("&", "’s", "'s")):
            break
        if word.lower() in _DETERMINERS:
            return tokens[j][1]
        j -= 1
    start = tokens[j + 1][1] if j + 1 <= end else None
    words = [w.lower() for w, _, _ in tokens[j + 1 : end + 1]]
    return start if any(w in _TITLES for w in words) else None


def _np_backward(tokens: list[Token], end: int, text: str) -> Mention | None:
    """Parse the noun phrase that ends at token `end`: a pronoun, a name, an organisation or a nominal."""
    if end < 0:
        return None
    word, start, _ = tokens[end]
    low = word.lower()
    if low in _PRONOUNS:
        return Mention("pronoun", low, start=start)
    if word == ")":
        j = end - 1
        while j >= 0 and end - j < 12 and tokens[j][0] != "(":
            j -= 1
        return _np_backward(tokens, j - 1, text) if j >= 1 and tokens[j][0] == "(" else None
    if word[0].isalpha() and word.islower():
        return _nominal_backward(tokens, end, text)
    if not _is_cap(word) or word[-2:] in ("'s", "’s"):
        return None  # "Trump's remarks": a possessive is not the subject
    j = end
    while j > 0:
        prev = tokens[j - 1][0]
        if (_is_cap(prev) and prev.lower() not in _FUNCTION) or (
            prev.lower() in _RUN_CONNECTORS and j > 1 and _is_cap(tokens[j - 2][0])
        ):
            j -= 1
        else:
            break
    words = [w for w, _, _ in tokens[j : end + 1]]
    kind, tail = _analyse_run(words)
    first = j - 1 if j > 0 and tokens[j - 1][0].lower() == "the" else j
    if kind == "person":
        gender = next((g for g in map(_gender_of, words) if g), None)
        premod = _premodifier_start(tokens, j)
        role = _run_role(words, tail)
        if premod is not None:
            first = premod
            role = _clean_role(text[tokens[premod][1] : tokens[j - 1][2]] + (" " + role if role else ""))
        gender = gender or _role_gender(role or "")
        return Mention("person", " ".join(tail), role=role, gender=gender, start=tokens[first][1])
    if kind == "org":
        return Mention("org", _surface(tokens[j : end + 1]), start=tokens[first][1])
    if kind == "role":
        phrase_start = _phrase_start(tokens, end)
        start = tokens[first][1] if phrase_start is None else min(phrase_start, tokens[first][1])
        return Mention("nominal", text[start : tokens[end][2]], definite=first < j, start=start)
    return None


def _run_role(words: Sequence[str], tail: Sequence[str]) -> str | None:
    """Return the title inside a capitalised run ("Health Secretary" in "Health Secretary Matt Hancock")."""
    head: list[str] = []
    for word in words:
        if word.lower() in _SPLITTERS and head:
            break
        head.append(word)
    titles = [w for w in head[: len(head) - len(tail)] if w.lower().rstrip(".") not in _HONORIFICS]
    titles = [w for w in titles if w.lower() not in _FUNCTION]
    return " ".join(titles) if titles and titles[-1].lower() in _TITLES else None


def _nominal_backward(tokens: list[Token], end: int, text: str) -> Mention | None:
    """Parse "the health secretary" / "a Department of Health spokesperson" / "Care England's chief"."""
    det = None
    j = end
    while j >= 0 and end - j < 10:
        word = tokens[j][0]
        low = word.lower()
        joins_name = 0 < j < end and _is_cap(tokens[j - 1][0]) and _is_cap(tokens[j + 1][0])
        if not word[0].isalnum() or low in _PRONOUNS:
            break
        if low in ("who", "which", "that", "and", "but") and not (low == "and" and joins_name):
            break
        if low in _DETERMINERS:
            det = j
        elif word[-2:] in ("'s", "’s"):
            det = j
            while det > 0 and _is_cap(tokens[det - 1][0]):
                det -= 1  # the whole possessor: "Care England's chief"
        j -= 1
    if det is None:
        return None
    phrase = text[tokens[det][1] : tokens[end][2]]
    definite = tokens[det][0].lower() in ("the", "this", "that")
    return Mention("nominal", phrase, definite=definite, gender=_role_gender(phrase), start=tokens[det][1])


def _np_forward(tokens: list[Token], i: int) -> Mention | None:
    """Parse the noun phrase that starts at token `i` (after "said", "according to" or a dash)."""
    if i >= len(tokens):
        return None
    word, start, _ = tokens[i]
    low = word.lower()
    if low in _PRONOUNS:
        return Mention("pronoun", low, start=start)
    determiner = low in _DETERMINERS
    j = i + 1 if determiner else i
    while j < len(tokens) and (tokens[j][0].islower() or tokens[j][0][0].isdigit()) and j - i < 7:
        if tokens[j][0] in _SPLITTERS or tokens[j][0] in _SKIPPABLE or tokens[j][0] in _PRONOUNS:
            break
        j += 1
    premod = [w for w, _, _ in tokens[i + determiner : j]]
    k = j
    while k < len(tokens) and (_is_cap(tokens[k][0]) or (k > j and _joins_run(tokens, k))):
        k += 1
    words = [w for w, _, _ in tokens[j:k]]
    title_end = k
    while title_end < len(tokens) and tokens[title_end][0].islower() and title_end - k < 3:
        title_end += 1
    if words and title_end > k and tokens[title_end - 1][0] in _TITLES:
        # the run modifies a title: "Trump campaign spokesman Jason Miller", "the New York businessman"
        role = _surface(tokens[i:title_end])
        named = title_end < len(tokens) and _is_cap(tokens[title_end][0])
        name = _np_forward(tokens, title_end) if named else None
        if name is not None and name.kind == "person":
            return replace(name, role=name.role or _clean_role(role), start=start)
        return Mention("nominal", role, definite=low == "the", gender=_role_gender(role), start=start)
    if words and (not premod or premod[-1] in _TITLES or premod[-1] in _HONORIFICS):
        kind, tail = _analyse_run(words)
        if kind != "person" and k < len(tokens) and tokens[k][0].isalpha() and tokens[k][0].islower():
            # a capitalised modifier inside a nominal: "one Democratic source", "a Labour spokesperson"
            while k < len(tokens) and tokens[k][0].isalpha() and tokens[k][0] not in _SPLITTERS | _SKIPPABLE:
                if _CUE.fullmatch(tokens[k][0]) or k - i > 8:
                    break
                k += 1
            kind = "role"
        if kind == "person":
            titles = " ".join(w for w in premod if w not in _HONORIFICS) or None
            role = _forward_appositive(tokens, k) or _run_role(words, tail) or titles
            gender = next((g for g in map(_gender_of, words) if g), None) or _role_gender(role or "")
            return Mention("person", " ".join(tail), role=role, gender=gender, start=start)
        if kind == "org":
            return Mention("org", _surface(tokens[j:k]), start=start)
        if kind == "role" or (not words and premod):
            name = _forward_appositive_name(tokens, k)
            if name is not None:
                return replace(name, role=_clean_role(_surface(tokens[i:k])), start=start)
            return Mention("nominal", _surface(tokens[i:k]), definite=low == "the", start=start)
        return None
    if not (determiner and premod):
        return None
    name = _forward_appositive_name(tokens, j)
    if name is not None:
        return replace(name, role=_clean_role(_surface(tokens[i:j])), start=start)
    if j + 1 < len(tokens) and tokens[j][0] in ("for", "at", "of", "from"):
        org = _np_forward(tokens, j + 1)
        if org is not None and org.kind == "org":
            return replace(org, start=start)
    phrase = _surface(tokens[i:j])
    definite = low in ("the", "this")
    return Mention("nominal", phrase, definite=definite, gender=_role_gender(phrase), start=start)


def _forward_appositive(tokens: list[Token], k: int) -> str | None:
    """Return the role in ", chief executive of Care England" that follows a name."""
    if k < len(tokens) and tokens[k][0] == "(":
        while k < len(tokens) and tokens[k][0] != ")":
            k += 1
        k += 1
    if k >= len(tokens) or tokens[k][0] != ",":
        return None
    end = k + 1
    while end < len(tokens) and tokens[end][0] not in (",", ";", ":", "“", '"', "."):
        end += 1
    if not _looks_like_role([w for w, _, _ in tokens[k + 1 : end]]):
        return None
    return _clean_role(_surface(tokens[k + 1 : end]))


def _looks_like_role(words: list[str]) -> bool:
    """Tell a role ("chief executive of Care England", "a GP in Leeds") from ", who said…" or ", 84,"."""
    lows = {w.lower() for w in words}
    if not words or words[0].lower() in ("who", "whose", "which", "that", "where", "when"):
        return False  # a relative clause describes the speaker but is not their role
    return words[0].lower() in ("a", "an", "the") or bool(lows & (_TITLES | _ORG_WORDS))


def _joins_run(tokens: list[Token], k: int) -> bool:
    """Tell whether token `k` links two capitalised words ("Department of Health", "Ursula von der Leyen")."""
    return tokens[k][0].lower() in _RUN_CONNECTORS and k + 1 < len(tokens) and _is_cap(tokens[k + 1][0])


def _surface(tokens: list[Token]) -> str:
    """Rebuild the text of consecutive tokens, with a space only where the original had one."""
    parts = [tokens[0][0]] if tokens else []
    for (_, _, prev_end), (word, start, _) in itertools.pairwise(tokens):
        parts.append(f" {word}" if start > prev_end else word)
    return "".join(parts)


def _forward_appositive_name(tokens: list[Token], k: int) -> Mention | None:
    """Return the name in "the chief executive of Care England, Martin Green" that follows a role."""
    while k < len(tokens) and tokens[k][0] not in (",", ".", ";", ":") and k < 14:
        k += 1
    if k + 1 < len(tokens) and tokens[k][0] == ",":
        name = _np_forward(tokens, k + 1)
        if name is not None and name.kind == "person" and not name.role:
            return name
    return None


def _premodifier_start(tokens: list[Token], j: int) -> int | None:
    """Return the token where a lowercase role before a name starts ("health secretary Sajid Javid")."""
    if j == 0 or tokens[j - 1][0].lower() not in _TITLES or not tokens[j - 1][0].islower():
        return None
    k = j
    while k > 0 and j - k < 6:
        word = tokens[k - 1][0]
        if not word[0].isalpha() or word.lower() in _DETERMINERS or word.lower() in _FUNCTION - {"and"}:
            break
        k -= 1
    return k


def _clean_role(role: str) -> str | None:
    """Trim a role's punctuation and leading article, keeping "the" before a possessive ("the trust's")."""
    role = role.strip(" ,;—–-")
    det, _, rest = role.partition(" ")
    owner = rest.split(" ", 1)[0]
    if det.lower() in ("the", "a", "an") and rest and not owner.endswith(("'s", "’s")):
        role = rest
    return role or None


def _role_gender(role: str) -> str | None:
    return next((g for g in map(_gender_of, _tokens(role)) if g), None)


def _org_inside(nominal: str) -> str | None:
    """Return the organisation a nominal speaks for ("a spokesperson for NHS England" -> "NHS England")."""
    run: list[str] = []
    best: list[str] = []
    for word in [*_tokens(nominal), "."]:
        if word[0].isupper() or (run and word.lower() in _RUN_CONNECTORS):
            run.append(_strip_possessive(word))
            continue
        while run and run[-1].lower() in _RUN_CONNECTORS:
            run.pop()
        while run and run[0].lower() in _FUNCTION:
            run.pop(0)
        if run and any(_strip_possessive(w).lower() in _ORG_WORDS or _is_acronym(w) for w in run):
            best = run
        run = []
    return " ".join(best) if best else None
