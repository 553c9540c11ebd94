"""Resolve the speakers of one article's quotations to canonical names, roles and genders."""

# The speaker is the subject of a cue verb in the attribution clause around a quotation: after it ("…,” said X" / "…,” X
# added" / "…” — X" / "according to X"), between its parts, before it ("X said: “…" / "X, chief executive of Y, said:
# “…"), or ending the previous paragraph ("X said:"). A subject is a name (titles peeled off, the role kept apart), an
# organisation, a pronoun or a role noun. Pronouns and definite role nouns ("the minister") resolve to the nearest
# earlier *salient* person - the subject of an attribution or the name a sentence opens with - of compatible gender, so
# they only ever name someone the article has named; a relative the writer names ("my mother … she says") when that is
# nearer. "It said" / "they said" continue the organisation that spoke before or go to the one just named. Each person
# is reported under one canonical form: the most often seen full name sharing their surname key.

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from bot.core.models import ORGANISATION, PERSON
from bot.core.quotes.clauses import (
    BRACKETED_CREDIT,
    NAMED_BACK,
    WHO,
    after_clause,
    before_clause,
    first_subject,
    subject_before,
    who_subject,
)
from bot.core.quotes.documents import DOCUMENTS, LETTERS, MESSAGES, WRITINGS, document_of, document_source, writer_of
from bot.core.quotes.epithets import EPITHET, first_use
from bot.core.quotes.kinds import NOBODY, Speaker, nominal_head, nominal_kind, organisation, person, speaks_for_person
from bot.core.quotes.layout import CLAUSE_REACH, ArticleLayout
from bot.core.quotes.leadins import own_words
from bot.core.quotes.lexicon import (
    CREDIT_LINE,
    CUE,
    DETERMINERS,
    ORG_WORDS,
    ROLE_NOUNS,
    SEAT_MEMBERS,
    SOURCES,
    gender_of,
    is_given_name,
    is_heading,
    name_gender,
    token_spans,
    word_tokens,
)
from bot.core.quotes.names import (
    OF_SOMEONE,
    ONE_MORE,
    OWNERS,
    ArticleNames,
    described_one,
    introduced_unnamed,
    is_unnamed,
    name_words,
    owned_relative,
    relative_named,
)
from bot.core.quotes.offices import Offices, former_job, holds_office, in_office, naming_sentences
from bot.core.quotes.openings import named_aside, named_back, named_subject, offered_name, opening_people, role_opening
from bot.core.quotes.organisations import (
    SPOKESPERSON,
    ReadableOrgs,
    Spokespeople,
    body_named,
    inspectorate,
    org_inside,
    speaking_family,
    speaking_org,
    speaks_for,
    spoken_for,
)
from bot.core.quotes.phrases import Mention, np_forward
from bot.core.quotes.presenting import introduced_last, presented
from bot.core.quotes.roles import Roles
from bot.core.quotes.rolewords import clean_role, is_plural_role

_NEUTRAL = re.compile(r"\bspokesperson\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur)\b")  # "One doctor told me …": the speaker's story
_READ_FROM = re.compile(r"\bread(?:s|ing)? (?:out |from )?(?:an?|the|his|her|their) (?:[\w-]+ ){0,2}(?:letter|e-?mail)")
# "the charity" and the like: a body whose name need not end in the noun ("The UK Sepsis Trust said …": the charity)
_ANY_BODY = frozenset(f"the {noun}" for noun in "charity organisation organization group body".split())
_UNOFFICIAL = SOURCES | frozenset("aide aides figure figures".split())  # speak for no body
_PARENTS = frozenset("mother mum mam mom father dad".split())
_PARENT = re.compile(r"\b(?:Mum|Mam|Mom|Dad|[Mm]y (?:mother|mum|mam|mom|father|dad))\b")  # "Mum worked …": of a parent
_PRONOUN_OPENING = re.compile(r"(S?he) [a-z]")
_SEVERAL = re.compile(r",| and |&")  # a byline of several writers: "I" is none of them in particular
_MAX_SENTENCE = 1500  # characters of one sentence read when looking for who it is about
_SALIENCE_SENTENCES = 12  # how far back a pronoun looks for the person it stands for
_ORG_SENTENCES = 3  # how far back "it said" looks for the organisation it stands for
_ROLE_CANDIDATES = 8  # how many earlier people "the minister" is compared with
_WHICH_READ = re.compile(r",\s+which (?:read|reads|said|says|stated|states|began)\s*:?\s*$")  # "a letter, which read:"


class ArticleSpeakers(ArticleLayout):
    """Attribute the quotations of one article and resolve its speakers to canonical names.

    Everything about the article's people is worked out lazily and cached: a surname's full forms and gender only
    when it is a speaker, the salient people before a pronoun by reading back a sentence at a time."""

    def __init__(
        self, text: str, paragraphs: list[tuple[int, int]], quoted: Sequence[tuple[int, int]], writer: str | None = None
    ) -> None:
        self._byline = writer if writer and not _SEVERAL.search(writer) else None  # "I" is one person
        super().__init__(text, paragraphs, quoted)
        self._mentions: dict[int, list[Mention]] = {}
        self._told: dict[int, list[Mention]] = {}  # whom a "she said" was found to mean, by sentence: she stays salient
        self._pronouns: dict[int, list[Mention]] = {}  # "she said …" in a sentence read for its people
        self.names = ArticleNames(text, self.inside_quote)  # read by marks too: does a line name someone else?
        self.offices = Offices(text)  # read by transcripts' role labels too
        self._spokespeople = Spokespeople(text)
        self._roles = Roles(self._text)
        self._expand = ReadableOrgs(text)  # an organisation's name as the reader should see it

    def attribute(self, marks: list[tuple[int, int | None]]) -> Mention | None:
        """Find the attribution clause of a quotation from its parts' opening and closing marks."""
        for (_, close), (next_open, _) in itertools.pairwise(marks):
            if close is not None and (found := self._after(close + 1, next_open)):
                return found
        last_close, first_open = marks[-1][1], marks[0][0]
        after = self.attribution_after(last_close) if last_close is not None else None
        led = last_close is not None and self._led_in(first_open, last_close)  # "she said, “…?” I cried on the way"
        found = self._before(self._clause_start(first_open), first_open) if after is None or led else None
        if found is None and after is not None:
            return after
        para = self._paragraph_of(first_open)
        if found or not self.opens_paragraph(first_open) or para == 0:
            return found
        prev_end = self._paragraphs[para - 1][1]
        return self._before(self._clause_start(prev_end - 1), prev_end) if self._text[prev_end - 1] in ":," else None

    def attribution_after(self, close: int) -> Mention | None:
        """Find an attribution clause right after the closing mark at `close` ("…,” said X.")."""
        # after "?” or "!” the attribution reads as a new sentence: “…?” Vitter demanded; so does "‘…’ That was X"
        follows = close + 2 if self._text[close - 1] in "?!" or NAMED_BACK.match(self._text, close + 2) else close
        credit = CREDIT_LINE.match(self._text, close + 1) or BRACKETED_CREDIT.match(self._text, close + 1)  # "— Ann
        # Lee, nurse" under a pull quote, "(Ann Lee, carer)" after one
        end = credit.end() if credit else min(self._ends[self._sentence_of(follows)], close + 1 + CLAUSE_REACH)
        found = self._after(close + 1, end)
        para = self._paragraph_of(close)  # a quote that closes its paragraph, under it "So says Doris Pennock, who …"
        if found or para + 1 == len(self._paragraphs) or self._text[close + 1 : self._paragraphs[para][1]].strip():
            return found
        return named_back(self._paragraph, para)

    def resolve(self, mention: Mention | None, position: int) -> Speaker:
        """Turn a mention into a canonical speaker, role and kind: pronouns and role nouns become names."""
        if mention is None:
            return NOBODY
        if mention.kind == "person":
            return self._named(mention, position)
        if mention.kind == "org":
            return organisation(self._expand(mention.name))
        if mention.kind == "pronoun":
            if mention.name == "i":  # the narrator of a first-person piece: the byline's writer
                return person(self._byline)
            if mention.name not in ("he", "she"):
                return NOBODY
            gender = "m" if mention.name == "he" else "f"
            parent = _PARENT.search(self._text, position, position + 40)  # "‘Mum worked …,’ she says"
            salient = self._salient_before(position, gender, unnamed=True, not_parent=parent is not None)
            start = max(self._start_back(position, _ORG_SENTENCES), position - _MAX_SENTENCE)  # the nearest relative
            relative = relative_named(self._text, start, position, gender, self.inside_quote)  # of it: "my mother"
            if relative is not None and (re.search(  # "She said her mother …": "she" still means the daughter
                rf"\b{mention.name}\b", self._text[self._starts[self._sentence_of(relative[0])] : relative[0]], re.I
            ) or (parent and relative[1].split()[-1].lower() in _PARENTS)):  # "‘Mum had a stroke,’" is not Mum's
                relative = None
            if relative is not None and (  # the nearer one: "My mother … she still says", not "Kerry said she …",
                salient is None or (self._sentence_of(salient.start) < self._sentence_of(relative[0])
                                    and not self._text.startswith(("’s", "'s"), relative[0] + len(relative[1]))
                                    and not (salient.start < relative[0] and relative[1].split()[0] == OWNERS[gender]))
            ):  # nor "At Mum’s review … she said" (whose review); but "Janice … her mother …. ‘…,’ she told me": Janice
                owner = self._salient_before(position, "m" if gender == "f" else "f")  # "his wife": Linda Barrow
                spouse = self.names.spouse(owner, relative[1], gender)
                return person(spouse) if spouse else person(*self._roles.relative(relative[1]))
            if salient is None or salient.kind == "nominal":  # one named since outranks a spokesperson
                back = 3 + self._pronoun_chain(position, mention.name)
                salient = self.names.last_named(self._sentences_back(position, back), gender, salient) or salient
            if salient is not None and salient.kind == "nominal" and _NEUTRAL.search(salient.name):  # a writer who
                earlier = self._salient_before(salient.start, gender)  # chose "spokesperson" writes no "she" for them
                salient = earlier if earlier is not None and self.names.gender(earlier) == gender else salient
            salient = salient or self.names.main_person(gender)
            if salient is not None and salient.kind == "nominal":  # "One ward sister … said …. ‘…,’ she said"
                self.names.genders[salient.name] = gender  # a later "he" is someone else
                return self._nominal(salient, salient.start)
            if salient is not None and self.names.gender(salient) == gender:  # a profile's "she says": she stays near
                self._told.setdefault(self._sentence_of(position), []).append(replace(salient, start=position))
            elif salient is not None and self.names.gender(salient) is None:  # "Dr Ann Roe … she said": "he" is not her
                self.names.genders[self.names.gender_key(salient.name)] = gender
            return person(*self._person(salient and replace(salient, gender=salient.gender or gender), position))
        return self._nominal(mention, position)

    def _nominal(self, mention: Mention, position: int) -> Speaker:
        """Say whom a nominal stands for: "the minister" a person named before, "the council" the council
        named before, "The report" whoever it is by, "a spokesperson" the organisation just named."""
        mention = described_one(mention, self._text, position)
        head = word_tokens(mention.name)[-1].lower()
        owner = re.search(r"(\w+)['’]s \w+$", mention.name)  # "the charity's statement": the charity's words
        body_head = owner.group(1).lower() if owner and head in WRITINGS | MESSAGES else head
        if mention.definite and body_head in ORG_WORDS:  # "In a statement, the council said": Lewisham Council
            if (body := body_named(self._text, body_head, position)) is not None:
                return organisation(self._expand(body))
            spoke = self._speaking_org(position, named=True) if mention.name.lower() in _ANY_BODY else None
            if spoke is not None and spoke.kind == "org":
                return organisation(self._expand(spoke.name))
        if mention.definite and head.startswith("spokes"):  # "The spokesperson added:": the one brought in before,
            spokes = self._spokespeople.last_before(position)  # however many quotes of others since
            found_org = self._nominal(Mention("nominal", spokes.group()), spokes.start()) if spokes else None
            if found_org is not None and (found_org.kind == ORGANISATION or speaks_for_person(spokes.group())):
                return found_org  # or the unnamed one who spoke for a person: "a spokesperson for Mr Farrant"
        if mention.definite and OF_SOMEONE.match(mention.name):  # "the daughter of one resident": no one named
            return Speaker(mention.name, None, nominal_kind(mention.name))
        if mention.definite and not is_plural_role(head):
            found = self._by_role(mention.name, position)
            # "A nurse, not named, … the nurse said", however far back the article said so; with no one named, only
            # someone brought in as "a nurse" or "one nurse", not as "the prime minister's spokesperson"
            anonymous = is_unnamed(mention, "", self.names.unnamed_before(position))
            start = 0 if anonymous else self._start_back(position, _ORG_SENTENCES)
            unnamed = introduced_unnamed(self._text, start, position, mention.name)
            brought_in = found is not None or (unnamed is not None and not unnamed[1].startswith("the "))
            if unnamed is not None and brought_in and (anonymous or (found is not None and found.start < unnamed[0])):
                return Speaker(unnamed[1], None, nominal_kind(unnamed[1]))
            if found is not None and found.kind == "nominal":  # "The finance director of one trust, speaking
                return Speaker(unnamed[1] if unnamed else found.name, None, PERSON)  # anonymously, said" just before
            if found is not None:
                name, role = self._person(found, position)
                self.offices.found(mention.name, Mention("person", name, role), position)
                return person(name, role or clean_role(mention.name))
        # "a spokesperson for NHS England": the organisation speaks; "one GOP source", "an NHS insider" do not
        head_noun = nominal_head(mention.name)  # "an ICB chair in the North East" is a person; "a Seagate spokesman"
        person_noun = head_noun in ROLE_NOUNS or ONE_MORE.match(mention.name)  # "One AMHP in a shire county"
        official = head_noun not in _UNOFFICIAL and (head_noun.startswith("spokes") or not person_noun)
        org = official and (org_inside(mention.name) or spoken_for(self._text, mention.name, position))
        org = org or inspectorate(self._text, mention.name, position)  # "Inspectors found": the CQC named before
        if org:
            return organisation(self._expand(org))
        if (mention.definite or mention.name.startswith(("Its ", "its "))) and head in WRITINGS:  # "Its report" too
            author = self._writer(LETTERS if head in LETTERS else DOCUMENTS, position) or document_of(
                self._text, head, position, self._about_document(head, position))
            if author is not None and author.kind == "person":
                return person(*self._person(author))
            if author is not None and author.kind == "nominal":  # "the alliance had written to …": the alliance's
                return self._nominal(author, position) if author.definite else Speaker(author.name, None, PERSON)
            if author is not None:
                return organisation(self._expand(author.name))
        if head.startswith("spokes") or head in MESSAGES:  # "X said it valued the hospice. “…,” a spokesperson
            # said.": X's; so "the statement said", unless the article says whose it is ("X posted a message")
            found = self.written(position) if head in MESSAGES else NOBODY
            found = found if found.name or head in MESSAGES - {"statement"} else self.recent_org(position)
            if found.name and speaks_for(mention.name, found.name):  # not "a government spokesperson" for a society
                return found
        return Speaker(mention.name, None, nominal_kind(mention.name))

    def _writer(self, documents: frozenset[str], position: int) -> Mention | None:
        """Return who a recent sentence says sent the document: "In a letter to the committee, the X said …"; the
        sentences of a quotation between are the speaker's, not the writer's, and are not counted."""
        for start, end in self._told_back(position, _ORG_SENTENCES):
            found = writer_of(self._text[start:end], documents)
            if found is not None and found.kind == "pronoun":  # "she wrote to": whoever she is; "we", "they": nobody
                found = self._salient_before(start, g) if (g := {"he": "m", "she": "f"}.get(found.name)) else None
            if found and (found.kind == "org" or " " in found.name or self.names.surname_forms(found.name)
                          or is_given_name(found.name)):  # a name given in full ("Lund") or "Dame Patricia writes",
                return found  # not "Nearly"
        return None

    def recent_subject(self, position: int) -> Speaker:
        """Return who the text just before an unattributed quote is about: the nearest salient person earlier in
        the quote's paragraph or, for a quote that opens its paragraph, in the paragraph before."""
        para = self._paragraph_of(position)
        opening = self.opens_paragraph(position)
        if opening:
            if para == 0:
                return NOBODY
            para -= 1
        if own := own_words(self._text[self._para_starts[para] : position]):  # "She laughs. “Come …”": hers
            return self.resolve(own, position)
        salient = self._salient_before(position, None, floor=self._para_starts[para], unnamed=True)
        reading = opening and _READ_FROM.search(self._text, self._start_back(position, 1), position)
        if reading and (read := self.written(position)).kind == PERSON:  # "… read from a letter sent to her by X"
            return read
        told = [m for k in range(self._sentence_of(self._para_starts[para]), self._sentence_of(position) + 1)
                for m in self._pronouns.get(k, ()) if (salient.start if salient else -1) < m.start < position]
        if told:  # "She said NHS England would publish …": the quote under it is hers; but not the narrator's for
            last = max(told, key=lambda m: m.start)  # "I just said thank you. … Dorothy … said, ‘…’"
            return NOBODY if last.name == "i" else self.resolve(last, last.start)
        if salient is not None and salient.kind == "nominal":  # "One paramedic, who asked not to be named, said …"
            return self._nominal(salient, salient.start)
        return self._named(salient, position)

    def unnamed_they(self, position: int) -> Speaker:
        """Who "they told the Sentinel" is when the person spoken of last was left unnamed: "One consultant …, who
        did not want to be named, said …" (they, not the hospital), or is one the article gives "they" (Mx X)."""
        salient = self._salient_before(position, None, unnamed=True)
        if salient is not None and salient.kind == PERSON and self.names.uses_they(salient.name):  # "Mx Penhallow"
            return person(*self._person(salient, position))
        if salient is None or salient.kind != "nominal" or nominal_kind(salient.name) != PERSON:
            family = speaking_family(self._text, self._sentences_back(position, _ORG_SENTENCES))  # "They added:"
            return NOBODY if family is None else Speaker(family.name, None, PERSON)  # after "Her family said …"
        return self._nominal(salient, salient.start)

    def written(self, position: int) -> Speaker:
        """Whose words "It reads:" or "it said" gives when the sentence before or its own names a document:
        "a statement from its chief nurse, Dr Owen Farrant. It reads:" is his; "The report …, it said" its author's."""
        start = self._start_back(position, 2)  # "It reads:" may be a sentence of its own
        author, document = document_source(self._text, start, position, self._sentence_bounds)
        if author is not None and author.kind in ("nominal", "pronoun"):  # "she posted a long message …. It began:"
            return self.resolve(author, author.start if author.kind == "pronoun" else position)
        if author is not None:
            return person(*self._person(author)) if author.kind == "person" else organisation(self._expand(author.name))
        if document in WRITINGS:
            return self._nominal(Mention("nominal", f"the {document}", definite=True), position)
        return NOBODY

    def recent_org(self, position: int) -> Speaker:
        """Return the organisation an "it said" / "they said" before `position` stands for (see speaking_org)."""
        if (found := self._speaking_org(position)) is None:
            return NOBODY
        return self._nominal(found, position) if found.kind == "nominal" else organisation(self._expand(found.name))

    def _speaking_org(self, position: int, named: bool = False) -> Mention | None:
        """Return the organisation the last few sentences before `position` have speaking (`named`: by its name)."""
        sentences = self._told_back(position, _ORG_SENTENCES)
        return speaking_org(self._text, [(start, min(end, start + _MAX_SENTENCE)) for start, end in sentences], named)

    def known_as(self, name: str) -> Speaker:
        """Return the person the article calls by this name or surname, under their canonical name."""
        return self._named(Mention("person", name))

    def _after(self, start: int, end: int) -> Mention | None:
        found = after_clause(self._text[start:end])
        if found is None or found.kind != "participle":
            return found
        return first_subject(self._text[self._clause_start(start) : start])

    def _before(self, start: int, end: int) -> Mention | None:
        clause = self._text[start:end]
        found = before_clause(clause)  # "Another patient, whom I am calling Bernadette, said:"
        if found is None and _WHICH_READ.search(clause):  # "a letter from Jane Roe, which read:": the writer
            return document_source(self._text, start, end, self._sentence_bounds)[0]
        return offered_name(found, clause) if found is not None else None

    def _named(self, mention: Mention | None, near: int | None = None) -> Speaker:
        """A person named in an attribution, unless nothing says it is one: a one-word name never given in full, with
        no role, title or "he"/"she", may be a company or a country ("Seagate said"): its kind is then unknown."""
        if mention is None:
            return NOBODY
        name, role = self._person(mention, near)
        if name and " " not in name and not role and self.names.gender(mention) is None:
            return Speaker(name, None, None)
        return person(name, role)

    def _person(self, mention: Mention | None, near: int | None = None) -> tuple[str | None, str | None]:
        """Return the canonical name of a person mention and the role the article gives them: of two people
        with one surname ("Ms Lloyd" after Elinor Lloyd and her daughter Ceri Lloyd), the one named last before
        `near`, or with neither named yet ("President Obama"), the one named first after it."""
        if mention is None:
            return None, None
        tail = name_words(mention.name)
        self._roles.learn(mention.name, mention.role)
        wanted = {w.lower() for w in tail}
        forms = self.names.surname_forms(tail[-1])
        options = [(n, len(f.split()), f) for f, n in forms.items() if wanted <= {w.lower() for w in f.split()}]
        if not options and len(tail) == 1:
            options = [(n, len(f.split()), f) for f, n in self.names.first_name_forms(tail[0]).items()]
        fits = [o for o in options if name_gender((), o[-1].split()) in (None, mention.gender)]
        options = fits if mention.gender else options  # "Mrs Fairweather" is not Dr Alan Fairweather
        if near is not None and len({f.split()[0] for *_, f in options}) > 1:  # "Ms Drummond" is not her brother
            last = [(self._text.rfind(option[-1], 0, near), option) for option in options]
            options = [(at if at >= 0 else -self._text.find(option[-1], near), *option) for at, option in last]
        name = self.names.peer_name(max(options)[-1] if options else " ".join(tail))
        name = mention.name if len(name) == 1 else name  # "a patient I'll call Mr B": an initial keeps its title
        return name, mention.role or self._roles.of(name, mention.name) or self._roles.introduced(name)

    def _recent_people(
        self, position: int, floor: int = -1, reach: int = _SALIENCE_SENTENCES, only: set[int] | None = None
    ) -> Iterator[Mention]:
        """Yield the salient people before `position`, nearest first, reading one sentence at a time (of `only`)."""
        last = self._sentence_of(position)
        for sentence in range(last, max(-1, last - reach), -1):
            if self._starts[sentence] < floor:
                return
            if only is not None and sentence not in only:
                continue
            mentions = self._mentions.get(sentence)
            if mentions is None:
                mentions = self._mentions[sentence] = self._sentence_people(sentence)
            if sentence in self._told:
                mentions = sorted([*mentions, *self._told[sentence]], key=lambda m: m.start)
            yield from (m for m in reversed(mentions) if m.start < position)

    def _salient_before(
        self, position: int, gender: str | None, floor: int = -1, unnamed: bool = False, not_parent: bool = False
    ) -> Mention | None:
        """Return the nearest earlier salient person whose gender does not contradict `gender`: a named person,
        or with `unnamed` also someone left unnamed ("One ward sister …, who asked not to be named, said"); with
        `not_parent`, not someone brought in as a mother or father ("Her mother, Joan, …"): the quote speaks of them."""
        recent = self._recent_people(position, floor)
        for mention in list(recent) if not_parent else recent:  # all read first: "Joan" was "her mother" before
            role = (mention.role or self._roles.of(mention.name)).lower().split()
            if not_parent and role and role[-1] in _PARENTS:
                continue
            fits = gender is None or self.names.gender(mention) in (None, gender)
            if (unnamed or mention.kind == "person") and fits:
                return mention
        return None

    def _by_role(self, nominal: str, position: int) -> Mention | None:
        """Resolve "the minister" to the nearest salient person whose role shares its head noun; "The Minister" to
        the one titled so ("Minister for Care Ben Harrow"); "the woman's son" to no one; "the bishop" to one far off."""
        if EPITHET.fullmatch(nominal):  # "the 78-year-old": whom the article first called so
            named, position = first_use(self._text, nominal, position)
            if named is not None:
                return Mention("person", named, start=position)
        words = [w.lower() for w in word_tokens(nominal) if w[0].isalnum()]  # "the 34-year-old" too
        head = words[-1] if words else ""
        nearest, unnamed, gender = None, None, gender_of(head)  # "the exhausted mum" is no man just named
        for mention in itertools.islice(self._recent_people(position), _ROLE_CANDIDATES):
            if mention.kind != "person" or (gender and self.names.gender(mention) not in (None, gender)):
                left = mention.kind == "nominal" and nearest is None and not SPOKESPERSON.search(mention.name)
                unnamed = unnamed or (mention if left else None)  # someone left unnamed, nearer than anyone named
                continue
            role = mention.role or self._roles.of(mention.name)
            if head in role.lower().split() or holds_office(self._text, name_words(mention.name)[-1], head):
                return mention
            nearest = nearest or mention
        office = " ".join(w for w in words if w not in DETERMINERS)  # "the chief people officer", not "the nurse":
        if " " in office:  # whoever the article gave it, however far: read the sentences that name it or them
            only = naming_sentences(self._text, self._starts, office, self._roles.holding(office))
            everyone = self._recent_people(position, reach=len(self._starts), only=only | self._told.keys())
            if held := next((m for m in everyone if in_office(self._roles.given(m), office)), None):
                return held
        if nominal.split()[-1].istitle() and (titled := self.offices.titled(head, position)):
            return titled
        role_noun = head in ROLE_NOUNS or head in SEAT_MEMBERS  # "the Kinnaird East MSP" too
        near = (role_noun and not owned_relative(nominal)) or EPITHET.fullmatch(nominal)
        held = self.offices.holder(head)  # a title's one holder: "the mayor" is "the Mayor of X, Cllr Y"
        nearest = unnamed if unnamed and nearest else nearest  # "The finance director of one trust said" after Ms X
        former = nearest is not None and former_job(nominal) and self._close_before(nearest.start, position)
        return held or (nearest if near or former else None)  # "the former cattle haulier": the one just named

    def _sentence_people(self, sentence: int) -> list[Mention]:
        """Return who a sentence is about: the named subjects of its cue verbs, else its opening name."""
        start = self._starts[sentence]
        end = min(self._ends[sentence], start + _MAX_SENTENCE)
        text = self._text[start:end]
        people, unresolved = [], False  # a cue's subject only a role no one was named in: "The physiotherapist said"
        for cue in CUE.finditer(text):
            if cue.group("part"):
                continue
            before = text[: cue.start()].rstrip()
            mention = subject_before(before) if cue.group("verb") else None
            if (mention is None or mention.kind == "nominal") and WHO.search(before):
                found = who_subject(before)  # not "who’s" but whom it means
                # a name alone only with its role before it ("ICB chair Dame X, who said"), not "from Cwm Eirin, who"
                mention = found if mention is not None or (found is not None and found.role) else None
            if mention is None and (cue.group("according") or before[-1:] in ",”\"'’"):  # "…,” said X"
                mention = np_forward(token_spans(text[cue.end() :]), 0)
            if mention is not None and mention.kind == "nominal" and mention.definite:  # "the cabinet member for adult
                epithet = start and EPITHET.fullmatch(mention.name)  # social care said": whom it was given; "The
                held = self._by_role(mention.name, start - 1) if epithet else self.offices.named(mention, start)
                mention, unresolved = held or mention, unresolved or held is None  # 54-year-old said": who was
                # named before; with no one so named, the sentence is still about the role, no other name in it
            if mention and mention.kind == "person" and self.names.unknown_opening(mention.name, text, mention.start):
                mention = None  # "Tests revealed a tumour": a plural noun opening the sentence, no one's name
            if mention is not None and (mention.kind in ("person", "pronoun")
                                        or is_unnamed(mention, text, self.names.unnamed_before(start))):
                people.append(replace(offered_name(mention, text), start=start + cue.start()))
            elif mention is not None and mention.kind == "org" and (spokes := SPOKESPERSON.search(before)):
                people.append(Mention("nominal", spokes.group(), start=start + spokes.start()))  # she, for the body
        if all(p.kind == "pronoun" for p in people) and not is_heading(text):  # "X, was right when she told"
            people += [replace(m, start=start + m.start) for m in opening_people(text, self.names)]
        if not people and (held := role_opening(text, start, self.offices, self.names)):
            people.append(held)  # "The minister rejected …": whom the article made minister
        aside = named_aside(text) if all(p.kind == "pronoun" for p in people) else None  # "Alex Brennan’s father"
        if aside is not None and not self.inside_quote(start + aside.start):  # not a speaker's "a sister called Bev"
            people.append(replace(aside, start=start + aside.start))
        shown = presented(text) if all(p.kind == "pronoun" for p in people) else None  # "I asked Ann what she …"
        if shown is None and not people and not unresolved:  # "It is 7.40am and Maureen Cathcart is already on her
            shown = named_subject(text, lambda at: self.inside_quote(start + at), self.names)  # second cup of tea"
        if shown is not None:
            people.append(replace(shown, start=start + shown.start))
        introduced = introduced_last(text)
        if introduced is not None and all(introduced.name not in f"{p.name} {p.role}" for p in people):  # not in
            # "One nurse in the North West, who …": a name inside the subject's own words is not whom it introduces
            people.append(replace(introduced, start=start + introduced.start))
        said = [m for m in people if not self.inside_quote(m.start)]  # a speaker's words name no speaker, when the
        para = self._paragraphs[self._paragraph_of(start)]  # sentence or its paragraph says whose, or they run on,
        if len(said) < len(people) and (said or self.inside_quote(start) or any(  # or tell the speaker's own story
                not self.inside_quote(cue.start()) for cue in CUE.finditer(self._text, *para))
                or (self.inside_quote(start + 1) and _FIRST_PERSON.search(text))):
            people = said
        for mention in (m for m in people if not self.inside_quote(m.start)):  # "With respect, Alan, …": no role
            self._roles.learn(mention.name, mention.role)
        opening = _PRONOUN_OPENING.match(text)  # "She describes it as …": whose the quote under it is, as "she said"
        self._pronouns[sentence] = [m for m in people if m.kind == "pronoun"] or (
            [Mention("pronoun", opening[1].lower(), start=start)] if opening else [])
        return [m for m in people if m.kind in ("person", "nominal")]  # a nominal only when is_unnamed
