"""Find the attribution clause around a quotation ("…,” she said" / "X said: “…") and parse its subject."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from bot.core.quotes.appositives import read_appositive
from bot.core.quotes.kinds import finds_out, nominal_head
from bot.core.quotes.leadins import own_words
from bot.core.quotes.lexicon import (
    ACRONYM,
    CUE,
    DASH,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUPS,
    HONORIFICS,
    INTRO_WORDS,
    KIN,
    LEFTOVER,
    MODIFIERS,
    OBJECT_PRONOUNS,
    ORG_WORDS,
    ROLE_NOUNS,
    SKIPPABLE,
    SOMEONE,
    Token,
    is_given_name,
    sentence_breaks,
    strip_possessive,
    token_spans,
    word_tokens,
)
from bot.core.quotes.phrases import Mention, np_backward, np_forward, person_in
from bot.core.quotes.rolewords import clean_role, role_gender

_DESCRIBED_NAME = re.compile(
    r"(?P<role>[A-Z][a-z]+(?: [a-z]+){1,3}) (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+)(?=,| [a-z])"
)
_NOT_ROLE = INTRO_WORDS | {"speaking", "according"}  # first words of a sentence's opening phrase, not of a role
_INTRO_WORD = re.compile(r"\s*([A-Z][a-z]+),")
_SUBJECT_REACH = 320  # characters before a cue verb that can hold its subject and an appositive
# An American politician's party and state between commas ("Mitch McConnell, R-Ky., said"): as if in brackets.
_PARTY_STATE = re.compile(r",( [RDI]-[A-Z][\w.]*(?: [A-Z][\w.]*)?,)(\s*$)?")
# A title in quotation marks set off by commas right before the cue verb: "The report, “Paying Twice”, says"
_QUOTED_ASIDE = re.compile(r",\s*[“\"‘'][^\n]{1,150}?[”\"’'],\s*$")
# A sentence that opens with a person and a relative clause about them, which runs to the cue verb: "Harlan Reece,
# who served two terms and now chairs the X Foundation, a nonprofit that …, said". The commas inside the clause
# must not make "the X Foundation, a nonprofit …," the subject.
_RELATIVE_OPENING = re.compile(
    r"(?:(?:On|In|At|After|Before|During|Outside|Speaking|Later|Earlier|Meanwhile)\b[^,]{0,60}, )?"
    r"(?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)*), (?:\d{1,3}, )?(?:(?:a|an|the) (?P<role>[a-z][^,.;:“\"]{0,80}), )?"
    r"(?:(?:of|from) [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*, (?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*, )?)?"  # her address
    r"(?:who|whose) [^.;:“\"]*,$"  # "Graham Lowther, a spokesman for Final Say, whose wife, Margaret, died …, said"
)
# The same with someone left unnamed: "One ward sister at a hospital in the West Midlands, who asked not to be
# named, said" is that ward sister, not the West Midlands; so is "A nurse employed by one of the providers, who …",
# and "One Labour MP who voted for the bill" (a party or a place before the role)
_UNNAMED_OPENING = re.compile(
    rf"(?P<nominal>(?:One|A|An) (?:[A-Z][a-z][\w-]* )?(?:[a-z][\w-]*|{ACRONYM})(?: (?:[a-z][\w-]*|{ACRONYM})){{0,3}}?"
    r"(?: and (?!(?:a|an|the|his|her|their)\b)[a-z][\w-]*(?: [a-z][\w-]*){0,2}?)?"  # two jobs: "a nurse and midwife"
    r"(?: (?:(?:employed|working|based|living) (?:by|for|at|in)|at|in|from|of|on|with) [^,]*)?),? "
    r"(?:\d{1,3}, )?(?:who|whose) [^.;:“\"]*(?:,|(?<=\w))$"  # "A manager whose team …", "A midwife who …, and who …,"
    # or, after "the", a clause that says so: "In a statement, the agency worker, who was not named, said"
    r"|(?:[^,]{0,80}, )?(?P<definite>[Tt]he [a-z][\w-]*(?: [a-z][\w-]*){0,2}), who [^.;:“\"]*\bnot\b[^.;:“\"]*"
    r"\b(?:named|identified)\b[^.;:“\"]*,$"
)
# Someone unnamed the writer met, or known by what they did: "One patient we spoke to outside the surgery said",
# "The nurse who cared for her told the inquest": the person the head noun names (checked against SOMEONE)
# The clause may follow another: "The court heard that a consultant who treated her said"; a clause that ends on
# "and" goes on to the cue verb itself: "the man who fixed everyone's fences and never asked".
_MET_UNNAMED = re.compile(
    r"(?:^|, |\b(?:but|and|that|while) )((?:[Oo]ne|[Aa]n?|[Aa]nother|[Tt]he) [a-z][\w-]*(?: [a-z][\w-]*){0,2}?) "
    r"(?:(?:we|I) (?:spoke|talked|met)|who)\b(?![^,;:“\"]*\b(?:and|or|but)(?: [a-z]+)?\s*$)[^,;:“\"]*$"
)
# A document and who put their name to it: "A paper to the board, signed by its director of strategy, Owen
# Pargeter, states": the paper speaks in its author's words.
_SIGNED_BY = re.compile(
    r"(?:An?|The|Its|Their|His|Her) [^,]{0,60}?\b(?:paper|report|letter|memo|submission|briefing|note|document)\b"
    r"[^,]{0,60}, (?:signed|written|authored|prepared|compiled|drawn up|produced|sent) by (?P<by>[^.;:“\"]+?),?$"
)
# A sentence that opens with a role and then the name between commas: "Mercer's Democratic opponent, Rep. Adela
# Quiroga, moved quickly", "The trust's chief executive, Ann Lee, said", "His wife, Jean Moss, sat beside him".
# A relative clause on a body or thing before the cue ("…, which was not involved, said"): the subject is before it.
# It may hold a number and a name in marks ("which represents 80,000 staff and runs the “Pay Fairly” campaign").
_WHICH_ASIDE = re.compile(r", which (?:[^,“\"]|\d,\d|“[^”\n]{1,60}”)*,\s*$")
_DASHED_ASIDE = re.compile(r" [–—] (?:who|which) [^–—“\"]* [–—]\s*$")
_ROLE_THEN_NAME = re.compile(
    r"(?:(?:Then|And|But|So|Now|Meanwhile|Later),? )?"  # "Then the shadow health secretary, Giles Fenner, took …"
    r"(?:(?:In|At|On|During|After|Outside|Speaking)\b[^,]{0,80}, |[A-Z]\w*(?: \w+){0,3} (?:later|earlier|ago), )?"
    r"(?:(?:[Tt]he|An?|an?|One) )?"  # "Six weeks later, his wife, Maureen, rang"
    r"(?P<role>(?:(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y) |(?:[A-Z][\w.-]* )?[\w.-]+['’]s )"
    r"(?:[\w-]+ ){0,4}[a-z]+"
    r"|(?<=[Tt]he )(?:[A-Z][\w-]* )?[A-Za-z]+(?: [a-z]+)? (?:of|at|for) (?:the )?(?:[\w’'-]+ ){0,5}[\w’'-]+"
    r"|(?<=[Tt]he )[a-z]+(?: [a-z]+){0,2}|(?<=One )[a-z]+(?: (?:[a-z]+|I)){0,7}), "  # "The council leader, Yasmin Darr"
    r"(?:the |\d{1,3}-year-old (?:[a-z]+ ){0,2})?"  # "The cyclist, 29-year-old teacher Josh Merriweather, …"
    r"(?P<name>(?:[A-Z][\w’'.-]* )*[A-Z][\w’'.-]+)(?: (?:of|from|at) (?:[A-Z][\w’'&.-]* )*[A-Z][\w’'.-]+)?"
    r", (?:\d{1,3}, )?(?=[a-z])"
)
# "The governor …", "The council …", "The report …" opening the sentence that introduces a quote with a colon.
_DEFINITE_OPENING = re.compile(r"[Tt]he (?:[a-z-]+ ){0,2}?(?P<head>[a-z]+)\b")
_INTRODUCERS = ROLE_NOUNS | ORG_WORDS | frozenset("report letter statement study review survey judgment ruling".split())
# A body's own finding opening the sentence before a colon: "Its conclusion is blunt:" is whoever "it" is
_ITS_FINDING = re.compile(r"(?:Its|Their) (?:[\w-]+ )?(?:conclusions?|verdict|findings?|summary|recommendations?)\b")
_QA_LABEL = re.compile(r"Q|A|Question|Answer")  # an advice column's or Q&A's label before its colon
# What someone wrote, as the subject of "read" or "said": "Her post read:", "His letter said"
_OWN_WRITING = re.compile(r"([Hh]er|[Hh]is) (?:[\w-]+ )?(?:letter|post|message|e-?mail|statement|tweet|note|blog)")
# Words naming whose the quotation just before was: "So says X", "That advice came from X", "The words are those of X"
NAMED_BACK = re.compile(
    r"(?:So says|Th(?:at|ose|ese|e|is) (?:[a-z]+ )?(?:words?|advice|verdict|view|warning|plea|remarks?|comments?"
    r"|account|testimony|description) (?:(?:are|is|was|were|came) (?:those |the words )?(?:of|from)"
    r"|(?:is|was|were) (?:given|told|written|spoken|shared)(?: to [^,.;“\"]{1,40}?)? by)"  # "That account was given
    r"|Th(?:ose|ese) words, (?:taken )?from (?:an?|the) (?:\w+ ){0,2}?(?:statement|letter|tribute|post)(?: \w+)? by"
    r"|Th(?:at|ose|ese|is) (?:are|is|was|were) the (?:[a-z]+ )?(?:words?|view|verdict|advice|warning|message"
    r"|plea|assessment|account)(?: \w+){0,3}? (?:of|from)|Th(?:at|is)(?: was| is|['’]s)(?= the [a-z]| [A-Z])"
    r"|That(?:'s| is| was) how) (?=(?:[a-z-]+ ){0,3}[A-Z]|the )"  # "That was how Tamsin Rowe described …", "That’s X"
)
# A cue verb put first, before the name and a colon: "Said Ellis: “…”", "Added the minister: “…”".
_INVERTED = re.compile(r"(?:Said|Says|Added|Adds|Asked|Wrote|Writes|Explained|Continued)[ \t]+(?=\S)")


def is_attribution_gap(gap: str) -> bool:
    """Tell whether the words between two quoted parts are a single attribution clause (", he said. ")."""
    body = gap.strip()
    return bool(body) and not any(sentence_breaks(body)) and after_clause(body) is not None


_OPENER = re.compile(r"[“\"]")
# A cue verb whose object is followed by a clause of its own reports other words: "“…?” I told her I was fine."
_REPORTED = re.compile(r" (?:me|him|her|us|them) (?:that )?(?:I|he|she|we|they|it)\b")


# A name and description in brackets closing its paragraph, not a remark: "(Hon. Members: Hear, hear!)"
BRACKETED_CREDIT = re.compile(r"[ \t]*\(([^()\n“”\"!?:]{2,80})\)[ \t.]*(?=\n|$)")
# Verbs that cue only right after a quotation's close ("‘If the member would let me finish—’ Cllr Ashe began.")
_AFTER_QUOTE = re.compile(r"\b(?P<according>(?!))?(?P<part>(?!))?(?P<verb>began|begins|finished|finishes)\b(?=[.,]|$)")


def after_clause(clause: str) -> Mention | None:
    """Parse an attribution after a quotation ("said X", "X said", "— X", "according to X") up to the next one."""
    opener = _OPENER.search(clause)
    clause = clause[: opener.start()] if opener else clause
    if back := NAMED_BACK.match(named := clause.lstrip()):  # "‘…’ That was the care minister, Gareth Pellow, on …"
        found = np_forward(token_spans(named[back.end() :]), 0)
        return found if found is not None and found.kind == "person" else None
    dash = DASH.match(clause) or (None if opener else BRACKETED_CREDIT.match(clause))  # "“…” (carer, Eastfield)"
    if dash and CUE.match(clause, dash.end()):  # "— said Dr Kamal Rezaei, a consultant …": the cue after the dash
        clause, dash = clause[dash.end() :], None
    if dash:
        credit = clause[dash.end() :].strip(" .\n") if dash.re is DASH else dash[1]
        mention = np_forward(token_spans(credit), 0)
        described = credit.split(",", 1)[0].split()  # someone left unnamed: "– children's social worker, London"
        if mention is None and 0 < len(described) <= 5 and " ".join(described).islower() and described[-1] in SOMEONE:
            return Mention("nominal", credit)
        return mention if mention and mention.kind in ("person", "org") else None
    body = clause.lstrip(" ,;:")
    offset = len(clause) - len(body)
    cue = CUE.search(body, 0, 200) or _AFTER_QUOTE.search(body, 0, 200)
    if cue is None:
        return None
    if cue.start() == 0 or cue.group("according"):
        if cue.group("part"):
            return Mention("participle", "", start=offset)
        return np_forward(token_spans(body[cue.end() :]), 0)
    if cue.group("part") or _REPORTED.match(body, cue.end()):
        return None
    mention = subject_before(body[: cue.start()]) or _people(body[: cue.start()])
    if mention is None or (cue.re is CUE and cue["verb"] in _FINDS and not finds_out(mention.kind, mention.name)):
        return None
    leftover = body[: mention.start].rstrip()
    if leftover and cue.re is _AFTER_QUOTE:
        return None  # "“…” before the trial began": the trial said nothing
    words = [w.lower() for w in word_tokens(leftover) if w[0].isalnum()]
    if len(words) > 2 and not (set(words) <= LEFTOVER or leftover.endswith(",")):
        return None  # the cue belongs to a clause of its own, not to this quotation
    return mention


def _people(subject: str) -> Mention | None:
    """Return people spoken of together as the subject right after a quotation: "…,” campaigners said"."""
    words = subject.split()
    if not 0 < len(words) <= 2 or words[-1].lower() not in GROUPS or (len(words) == 2 and words[0] not in MODIFIERS):
        return None
    return Mention("nominal", " ".join(words), start=subject.find(words[0]))


# A second verb of the sentence's subject: "She looked at me … and said: “…”", "…, and in a statement added:"
_AND_THEN = re.compile(r"\band(\s+(?:in|with|via)\s+(?:a|an|the|his|her|its|their)(?:\s+[\w-]+){1,3})?\s*$")
_ONE_OF = re.compile(r"\s*(?:([Oo]ne of the)|[Aa]n?|[Oo]ne|[Aa]nother) ")  # "one of the nurses", "a young nurse"
_LINKS = frozenset("and then but so".split())  # words before a clause's subject: "and then she grabbed my wrist"
_SUBJECTS = frozenset(("he", "she", "i"))
# A relative pronoun before a cue verb ("Clinton — who’s called for…", "Lee, who said…"): its antecedent speaks.
WHO = re.compile(r"[ \t]*[,—–]?[ \t]*\bwho(?:['’]s|[ \t]+(?:has|had|have|was|is))?$")
_SUBORDINATORS = frozenset("before after when while as once until since because".split())  # "Before I left she said"
_LY_NOUNS = frozenset("family assembly ally".split())  # nouns that look like adverbs before a cue verb
_LEAD_WORDS = 3  # words of time or order before a clause's pronoun: "Halfway through he put his fork down"
_PHRASE_WORDS = 8  # words of a phrase of time opening on a preposition: "At the end of that first day she said"
_PREPOSITIONS = frozenset("at in on after during towards by within".split())
# A document's verb as a participle after it ("said in a statement read by Mr Adeyemi:", "a letter read to the
# court"): it says who read the words out, not whose they are.
_READ_OUT = re.compile(r"\b(?:statement|letter|tribute|e-?mail|message|note)s? read$")


_FINDS = frozenset(("finds", "found"))
# A cue word after a determiner or a number word is a noun: "the group sets out five demands:", "their warnings:"
_COUNTED = re.compile(
    r"(?<![\w-])(?:the|an?|its|their|his|(?P<her>her)|our|these|those|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix"
    r"|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)[ \t]+$"  # not "The mum-of-two said", nor a number: "since he was 11 says"
)
_PAST = frozenset("said told wrote read wept".split())  # and every cue verb in -ed


def _counted(body: str, cue: re.Match[str]) -> bool:
    """Whether a cue word is a noun after a determiner ("their warnings:"); "her" is also an object pronoun, so a
    past-tense verb after it stays a verb ("The nurse who treated her told the inquest:")."""
    counted = _COUNTED.search(body, 0, cue.start())
    return counted is not None and (not counted["her"] or not (cue.group().endswith("ed") or cue.group() in _PAST))


def before_clause(clause: str) -> Mention | None:
    """Parse an attribution that precedes a quotation: "X said: “…" / "According to X, “…"."""
    body = clause.rstrip(" ,:;—–-―\n")
    cues = [cue for cue in CUE.finditer(body) if not _counted(body, cue)]
    if not cues:
        if own := own_words(clause):
            return own
        if not clause.rstrip().endswith(":") or _QA_LABEL.fullmatch(body):
            return None  # and "Q:" or "Question:" is a label, no one's name
        if finding := _ITS_FINDING.match(body):
            return Mention("pronoun", "it" if finding.group().startswith("Its") else "they", start=0)
        inverted = _INVERTED.match(body)
        if inverted:
            mention = np_forward(token_spans(body[inverted.end() :]), 0)
            return mention if mention and mention.kind in ("person", "org", "pronoun", "nominal") else None
        mention = subject_before(body)  # a bare "Name:" introducing the quote
        if mention and mention.kind in ("person", "org") and mention.start == 0:
            return mention
        # a sentence whose subject introduces the quote with a colon: "The governor repeated it in a tweet: “…”",
        # after a phrase: "In an open letter to the ICB, the group sets out five demands:"
        opening = _DEFINITE_OPENING.match(body) or (_DEFINITE_OPENING.match(body, body.rfind(", ") + 2)
                                                     if ", " in body else None)
        if opening is not None and opening["head"] in _INTRODUCERS:
            return Mention("nominal", opening.group(), definite=True)
        return first_subject(body) or _someone(body)
    cues = [cue for cue in cues if not _READ_OUT.search(body, 0, cue.end())]  # "a statement read by Mr Adeyemi"
    for cue in reversed(cues[-2:]):
        if cue["verb"] in _FINDS and cue is not cues[0] and cues[0]["verb"] not in _FINDS:
            continue  # "Ellery said his ICB had found ‘enormous variation’": his words for what it found
        if cue.group("according"):
            mention = np_forward(token_spans(body[cue.end() :]), 0)
        elif cue.group("part"):
            before = body[: cue.start()].rstrip()
            tokens = token_spans(before)
            named = None if before.endswith(",") else np_backward(tokens, len(tokens) - 1, before)
            if named is not None and named.kind in ("person", "org"):
                return named  # "footage of Trump saying, “…" names its own subject
            before = body[: cue.start()]  # "A government source said …, adding: “…”"; "I have started asking …: “…”"
            return sentence_subject(before) or clause_subject(before)
        else:
            before = body[: cue.start()]
            then = _AND_THEN.search(before)  # "and said", "and in a statement added": the sentence's own subject
            mention = None if then and then[1] else subject_before(before)
            mention = mention or (clause_subject(before) if then else None)
            found = who_subject(before) if mention is None or mention.kind == "nominal" else None
            # "… Dr Ann Roe, who said:", and with no one else, someone unnamed: "comments from a relative, who said:"
            unnamed = found is not None and found.kind == "nominal" and nominal_head(found.name) in SOMEONE
            if found is not None and (found.kind == "person" or (mention is None and unnamed)):
                mention = found
        if mention is not None and (cue["verb"] not in _FINDS or finds_out(mention.kind, mention.name)):
            return mention  # not "the old phone box found a new life": no one's finding
    return None


def _someone(sentence: str) -> Mention | None:
    """Return the unnamed person a sentence opens with: "A consultant geriatrician we interviewed described …"."""
    words = sentence.split()
    if not words or words[0] not in ("A", "An", "One", "Another"):  # "Another respondent was blunter:" too
        return None
    kept = list(itertools.takewhile(lambda w: w.isalpha() and w.islower() and w not in FUNCTION_WORDS
                                    and not w.endswith("ed") and w not in OBJECT_PRONOUNS, words[1:4]))
    if kept and len(words) > len(kept) + 1 and words[len(kept) + 1] in OBJECT_PRONOUNS:
        kept.pop()  # the verb that takes it: "A spokesperson sent me this statement"
    if not any(w in ROLE_NOUNS for w in kept):
        return None
    return Mention("nominal", " ".join(words[: len(kept) + 1]))


def clause_subject(before: str) -> Mention | None:
    """Return who does the cue verb of "She looked at me over her glasses and said:" or "Since Frank died, I have
    started asking …:": the subject of the last clause before it, a pronoun after a few words of time or order
    ("… and then she grabbed my wrist and said", "Halfway through he put his fork down") or a full name; when that
    clause opens on its verb, the clause before's ("…, looked at me and said"), else the subject the comma closes
    ("My first supervisor, a quiet man called Lennox Charles, took one look at me and said")."""
    start = before.rfind(",") + 1
    clause = before[start:]
    tokens = token_spans(clause)
    linked = int(bool(tokens) and tokens[0][0].lower() in _LINKS)  # "and at some point he looked across and said"
    opens = tokens[linked][0].lower() if len(tokens) > linked else ""
    lead, most = 0, linked + (_PHRASE_WORDS if opens in _PREPOSITIONS else _LEAD_WORDS)
    while lead < min(len(tokens), most) and _leads(tokens[lead][0], lead):
        lead += 1
    if lead < len(tokens) and tokens[lead][0].lower() in _SUBJECTS:
        if lead and tokens[0][0].lower() in _SUBORDINATORS:  # the main clause's subject comes after its own
            lead = next((k for k in range(lead + 2, len(tokens)) if tokens[k][0].lower() in _SUBJECTS), lead)
        return Mention("pronoun", tokens[lead][0].lower(), start=start + tokens[lead][1])
    if one := _one_of_them(clause, start):  # "…, one of the nurses sat with me and said": someone unnamed
        return one
    if start and tokens and tokens[0][0].islower():
        found = clause_subject(before[: start - 1]) or subject_before(before[:start])
        return found if found is not None and found.kind in ("person", "pronoun") else None
    found = first_subject(clause, strict=True)
    if found is None or found.kind != "person" or " " not in found.name:
        return None
    return replace(found, start=start + found.start)


def _one_of_them(clause: str, start: int) -> Mention | None:
    """Return someone unnamed who opens a clause, before its verb: "one of the nurses", "a young nurse"."""
    lead = _ONE_OF.match(clause)
    words = clause[lead.end() :].split()[:3] if lead else []  # the last of them may be the verb
    k = next((k for k, w in enumerate(words[:-1]) if w in SOMEONE or (lead[1] and w[:-1] in SOMEONE)), None)
    if k is None or any(not (w.isalpha() and w.islower()) or w in FUNCTION_WORDS for w in words[:k]):
        return None
    return Mention("nominal", name := " ".join([lead[0].strip(), *words[: k + 1]]), start=start + clause.find(name))


def _leads(word: str, at: int) -> bool:
    """Whether a word before a clause's subject is one of time or order ("Then", "halfway through"), not a name."""
    low = word.lower()
    return low not in _SUBJECTS and (low in _LINKS or (word.isalpha() and (at == 0 or word.islower())))


def sentence_subject(text: str) -> Mention | None:
    """Return the subject a sentence opens with, else its first cue verb's ("In a letter …, a consultant warned")."""
    found = first_subject(text)
    cue = CUE.search(text) if found is None else None
    return subject_before(text[: cue.start()]) if cue is not None and cue.group("verb") else found


# A time opening a sentence without a comma ("Last Thursday the Foxhollow Institute published …"), or a point's order
# with one ("First, Margaret, a retired district nurse, writes:": no one called First)
_WHEN_OPENING = re.compile(
    r"(?:(?:First|Next),|(?:Last|This|Next|Earlier|Later|On) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|week|month|year)|Yesterday|Today|(?:At|By|Around) (?:about |around )?(?:\d[\w.:]*|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|midnight|midday|noon|dawn)(?: o['’]clock)?(?: in the (?:morning"
    r"|afternoon|evening))?)(?: (?:morning|afternoon|evening|night))? (?=the [A-Z]|[A-Z])"
)  # and an hour: "At about one in the morning Mrs B squeezed my hand and said:"


# Words said, opening a sentence before whose they are: "Comments from respondents include: “…”" are theirs
_WORDS_FROM = re.compile(r"\s*(?:Comments|Responses|Replies|Messages|Tributes|Answers|Remarks|Words) (?:from|by) ")


# Works whose title an opening phrase may name after a comma: "In the book, Beds and Ballot Boxes, …"
_WORKS = frozenset("book memoir novel autobiography film documentary play album song podcast series".split())


def first_subject(text: str, strict: bool = False) -> Mention | None:
    """Return the subject a sentence opens with ("Mr Hancock welcomed…", "In a statement, she…")."""
    if opening := _WHEN_OPENING.match(text) or _WORDS_FROM.match(text):
        text = " " * opening.end() + text[opening.end() :]  # offsets kept
    named = _named_opening(text)
    if named is not None:
        return named
    tokens = token_spans(text)
    limit = min(len(tokens), 16)
    i = 0
    while i < limit:
        word = tokens[i][0]
        low = word.lower()
        if low in ("he", "she"):
            return Mention("pronoun", low, start=tokens[i][1])
        if low in INTRO_WORDS or low.endswith("ing"):
            past = _past_phrase(tokens, i, limit)  # "During a speech on Monday, Trump…"
            if past is None:
                return None
            i = past
            continue
        role_next = low in ("the", "a") and i + 1 < len(tokens) and tokens[i + 1][0].islower()
        whole = np_forward(tokens, i) if role_next else None
        if whole and whole.kind == "person" and ROLE_NOUNS.intersection((whole.role or "").lower().split()):
            return replace(whole, start=tokens[i][1])  # "the chief executive of X, Dr Y, accepts": Dr Y
        if word == "The" and i and i + 1 < len(tokens) and tokens[i + 1][0][0].isupper():
            return None  # "This is The Welcome Table, a kitchen": a name with "The" in it is a body's or a place's
        if low in FUNCTION_WORDS or not word[0].isalnum():
            i += 1
            continue
        mention = np_forward(tokens, i)
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
        if strict and not (follower[:1].islower() or follower in (",", "(", "–", "—", "-")):  # "X – known as Dex –"
            return None
        if mention.kind == "org":  # "The Calder Trust’s conclusion is …" is about the Calder Trust
            mention = replace(mention, name=strip_possessive(mention.name))
        return replace(mention, start=tokens[i][1])
    return None


def _named_opening(text: str) -> Mention | None:
    """Return the person or body a sentence opens on by a role and a name ("Birchwood Lodge's operator, Evergreen
    Harbour Care Ltd, said", "Retired postman Derek Holm, 81, …"), else None."""
    opening = _ROLE_THEN_NAME.match(text)  # the role's head: "daughter", "leader" (of the opposition group), "patient"
    role = re.split(r" (?:of|at|for|in) ", opening["role"])[0].split() if opening else [""]  # (quoted in the report)
    head = next((w for w, after in zip(role, [*role[1:], "ed"], strict=True)  # "newly appointed chairman": chairman
                 if w.lower() in SOMEONE and after.endswith(("ed", "ing"))), role[-1]).lower()
    one_of = opening is not None and opening["role"].startswith("of ")  # "One of them, Dr Aled Morgan, grew up"
    if opening is not None and (head in SOMEONE or head in HONORIFICS or one_of):  # "The Bishop of X"
        person = person_in(opening["name"])
        if person is not None:
            role = None if one_of else clean_role(opening["role"])
            gender = person.gender or (role_gender(role) if role else None)
            return replace(person, role=role, gender=gender, start=opening.start("role"))
    body = np_forward(token_spans(opening["name"]), 0) if opening is not None else None
    if body is not None and body.kind == "org":  # "Birchwood Lodge's operator, Evergreen Harbour Care Ltd, said"
        return replace(body, start=opening.start("name"))
    described = _DESCRIBED_NAME.match(text)  # "Retired postman Derek Holm, 81, …": "Retired" is no name
    words = described["role"].lower().split() if described is not None else []  # not "Back on Chapel Lane, …"
    opener = words[0] if words else ""  # not "Jodie quit Harbour Lane in 2023": a person's act, no role
    if words and not FUNCTION_WORDS.intersection(words) and opener not in _NOT_ROLE and not is_given_name(opener):
        person = person_in(described["name"])
        if person is not None and " " in person.name:
            return replace(person, role=clean_role(described["role"]), start=described.start("name"))
    return None


def _past_phrase(tokens: list[Token], i: int, limit: int) -> int | None:
    """Where the words after the opening phrase at token i start, past a work's title ("In the book, Beds and Ballot
    Boxes, …") or whom it was to ("In a letter to his daughter, Joanne Pettit, …"); None when no comma ends it."""
    comma = next((k for k in range(i + 1, limit) if tokens[k][0] == ","), None)
    last = tokens[comma - 1][0].lower() if comma is not None else ""
    if last in _WORKS or (last in KIN | ROLE_NOUNS and any(tokens[k][0] == "to" for k in range(i, comma))):
        comma = next((k for k in range(comma + 1, limit) if tokens[k][0] == ","), comma)
    return None if comma is None else comma + 1


def who_subject(before: str) -> Mention | None:
    """Return whom a relative clause ending just before a cue verb is about ("…, who said", "… who has said")."""
    who = WHO.search(before.rstrip())
    return subject_before(before[: who.start()]) if who else None


def subject_before(text: str) -> Mention | None:
    """Parse the subject that ends just before a cue verb: "X", "X, role," "the minister", "he"."""
    cut = max(0, len(text) - _SUBJECT_REACH)
    if cut:
        found = subject_before(text[cut:])
        return replace(found, start=found.start + cut) if found else None
    text = _QUOTED_ASIDE.sub(lambda aside: " " * len(aside.group()), _PARTY_STATE.sub(_bracketed, text))
    if ((intro := _INTRO_WORD.match(text)) and intro[1].lower() in INTRO_WORDS) or (intro := _WORDS_FROM.match(text)):
        text = " " * intro.end() + text[intro.end() :]  # "Inside, the nurse in charge"; "Comments from carers"
    clause = text.strip()
    if own := _OWN_WRITING.fullmatch(clause):  # "Her post read:": the words of whoever "her" is
        return Mention("pronoun", "she" if own[1].lower() == "her" else "he", start=text.find(own.group()))
    opening = _RELATIVE_OPENING.fullmatch(clause)
    if opening is not None and (person := person_in(opening["name"])) is not None:
        return replace(person, start=text.find(opening["name"]), role=opening["role"] or person.role)
    which = _WHICH_ASIDE.search(text) or _DASHED_ASIDE.search(text)  # "Ann Roe, head of X, which was not involved,
    # said": Ann Roe; "My crewmate, Marcus – who has done this job for 19 years – said": Marcus
    if which is not None and (found := subject_before(text[: which.start() + 1])) and found.kind == "person":
        return found
    if signed := _SIGNED_BY.fullmatch(clause):  # the last name in "its director of strategy, Owen Pargeter"
        found = subject_before(signed["by"] + ",") if "," in signed["by"] else person_in(signed["by"])
        if found is not None and found.kind == "person":
            return replace(found, start=text.find(signed["by"]) + found.start)
    if (met := _MET_UNNAMED.search(clause)) and met[1].rsplit(" ", 1)[-1] in SOMEONE:
        return Mention("nominal", met[1], start=text.find(met[1]))
    if unnamed := _UNNAMED_OPENING.fullmatch(clause):
        nominal = unnamed["nominal"] or unnamed["definite"]
        return Mention("nominal", nominal, start=text.find(nominal))
    tokens = token_spans(text)
    i = len(tokens) - 1
    while i >= 0 and len(tokens) - i <= 3 and (tokens[i][0].lower() in SKIPPABLE or _adverb(tokens, i)):
        i -= 1
    if i < 0 or tokens[i][0].lower() == "being":  # "paid for a private assessment after being told": told, not telling
        return None
    if tokens[i][0] in (",", "—", "–") or (tokens[i][0] == ")" and i > 0 and tokens[i - 1][0] == ","):
        return read_appositive(tokens, i, text)
    return np_backward(tokens, i, text)


def _adverb(tokens: list[Token], i: int) -> bool:
    """Tell an adverb before a cue ("she simply said") from a noun in -ly after a determiner ("the family said")."""
    word = tokens[i][0]
    noun = word in _LY_NOUNS or (i and tokens[i - 1][0].lower() in DETERMINERS)  # "the Mulcahy family said" too
    return word.endswith("ly") and word.islower() and not noun


def _bracketed(label: re.Match[str]) -> str:
    """Blank a party-and-state label, keeping every offset: its commas too when it ends the clause."""
    return " " * len(label.group()) if label.group(2) is not None else "," + " " * len(label.group(1))
