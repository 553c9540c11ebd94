"""Who a sentence opens on when no cue verb in it names a speaker: "Janice is 58 and has looked after her mother",
"Pete, 71, cares for his wife", "One carer, who asked not to be named, …", "For Mrs Lennie, the waiting goes on."

Reporters bring people in like this just before their quotes, so they are whom the next "she said" means.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.core.models import PERSON
from bot.core.quotes.appositives import town_county
from bot.core.quotes.clauses import NAMED_BACK, first_subject
from bot.core.quotes.kinds import nominal_kind
from bot.core.quotes.lexicon import (
    ACRONYM,
    CAP_RUN,
    CUE,
    FUNCTION_WORDS,
    KIN,
    PLACED,
    ROLE_NOUNS,
    gender_of,
    given_gender,
    is_given_name,
    name_gender,
    token_spans,
    word_tokens,
)
from bot.core.quotes.names import OWNERS, ArticleNames, is_unnamed
from bot.core.quotes.offices import Offices
from bot.core.quotes.organisations import SPOKESPERSON
from bot.core.quotes.phrases import Mention, np_forward, person_in
from bot.core.quotes.rolewords import role_gender
from bot.core.quotes.runs import analyse_run

# A person named in full owning what follows: "Siân Prydderch's father", "Alex Brennan’s father, who has …",
# "Siân Rowlands’ father".
_OWNER = re.compile(r"((?:[A-Z][\w’'-]+ )+[A-Z][\w’'-]+?)(?:['’]s|(?<=s)['’]) (?=(?P<lower>[a-z]))?")
_OPENS_QUOTE = re.compile(r"\s*[“\"‘']")
# a name, a role, no sentence; a given name alone when an age follows it ("Amira, 19, student, Hollins")
_CREDIT_LINE = re.compile(r"(?:(?:[A-Z][\w’'-]+ ){1,3}[A-Z][\w’'-]+|[A-Z][\w’'-]+(?=, \d{1,3},)), [\w’' ,&-]{3,80}:?")
# "One carer, …, asked", "I spoke to a nurse in a London trust, who …", "A senior nurse who worked there, …, said",
# "We also hear from a manager, who …", "We've been speaking to a senior nurse, who …"
_UNNAMED_LEAD = re.compile(
    r"(?:[A-Z]\w*(?: [\w-]+){0,6}, (?=One|An?|[Tt]he)"
    r"|(?:At|By|Around) (?:about |around )?\d[\w.:]* (?=[Aa]n? )"  # "At about 6am a charge nurse, who …, came over"
    r"|(?:I|We)(?:['’]ve| have)? (?:also )?(?:been )?(?:spoken?|talk(?:ed|ing)|speaking|hear|heard) (?:to|with|from) )?"
    # "One senior ICB manager", "Another guest"
    rf"((?:One|Another|[Aa]n?|[Tt]he) [a-z][\w-]*(?: (?!who\b)(?:[a-z][\w’'-]*|{ACRONYM})){{0,6}}"
    r"(?: (?:in|at|from|on) [\w’' -]{1,60}?)?)"
    r"(?: who [^,]{1,80})?,(?!\d)"  # not the comma of "£1,195"
)
_ARTICLES = frozenset(("a", "an", "the"))
# The writer putting something to someone, then their answer: "When I put their points to Mr Buckby, he said"
_PUT_TO = re.compile(r"(?:When|After|Once) (?:I|we) (?P<clause>(?:put|asked|pressed|challenged|showed|read|told)\b"
                     r"[^,.;:“”\"]{1,160}), (?P<pronoun>he|she)\b")
_OWNED_BY = {owner: gender for gender, owner in OWNERS.items()}  # "not her real name": a woman
# "Lorna – not her real name –", "Sam (whose name has been changed)", "Jo, not his real name,"
_PSEUDONYM = re.compile(
    r"\b([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?),? ?[–—(-,]? ?(?:not (her|his|their) real name"
    r"|whose (?:(her|his|their) )?name (?:has been|was|is) changed|name changed)"
)
# "a young man I’ll call Daniel", "a patient I'll call Mr B", "One respondent, whom we are calling Pauline,"
_CALLED = re.compile(
    r"\b(?:I|[Ww]e)(?:['’]ll call| will call| shall call|['’]m calling| am calling|['’]re calling| are calling) "
    r"(?:(?P<pronoun>him|her|them) )?"
    r"(?P<call>(?:(?:Mr|Mrs|Ms|Miss) )?[A-Z][a-z’'-]*)\b"
    r"|\b(?:[Aa]n?|[Oo]ne) (?P<who>(?:[\w&-]+,? ){0,3}?)(?:called|named) "  # "a kind, unhurried woman called Ruth"
    r"(?P<called>(?:(?:Mr|Mrs|Ms|Miss) )?[A-Z][a-z’'-]*)\b"
)
_BEFORE_CALL = re.compile(r"\b[Aa]n? ((?:[\w-]+ ){1,3})$")  # the noun before "I'll call": "a woman", "a young man"
_NAMED_AS = re.compile(  # "… gave her name only as Precious", "… asked us to use only his first name, Stan"
    r"\b(?:gave (?P<given>her|his|their) (?:first )?name (?:only )?as"
    r"|(?:use|using|by) only (?P<first>her|his|their) first name,?"
    r"|to be (?:identified|named|known) (?:only )?as"  # "asked to be identified only as Dean"
    r"|(?:posting|who posts|writing|commenting) (?:online |on [A-Z]\w* )?(?:as|under the (?:handle|name)))"
    r" (?P<name>[A-Z][\w’'-]+|@\w[\w.]*\w)"  # "One resident, posting as @LarkbeckLad, said": the handle
)
_VOCATIVE = re.compile(r"[“\"‘'][\w’'-]+[,!?.]?[”\"’']")  # a quote that only calls someone: "“Mum,” he says"
# a one-word name with an age or a clause about their own after it is a person: "Pete, 71, …", "Jas, who … her mum"
_AGED = re.compile(r", (?:\d{1,3},|who [^,.;]*\b(?:her|his)\b)")
# A phrase that opens a sentence and ends at a comma, before its subject: "Through Brannock Days, Graham learned",
# "Born in Coldharbour, Jean trained …"
_COUNTRY = re.compile(r"([A-Z][\w'’-]+), ")
_PHRASE_FIRST = re.compile(
    r"(?:Through|Throughout|Despite|During|Via|Across|Without|Within|Among|Between|Beyond|Until|Thanks to|After"
    r"|Before|Since|Following|Born|Raised|Brought up|Educated|Originally from|Asked|Pressed|At|By) "
    r"(?:\d{1,2}[.:]\d\d|[^,.;:!?“”\"]){1,60}, (?:(?:back|then|later|still|once) [^,.;:!?“”\"]{1,40}, )?"  # or two
    r"(?=[A-Z])")  # "Asked what he would miss most, Dr Fairweather did not hesitate."; "At 3.50pm, back at base, Jo"
_SHORT_PHRASE = re.compile(r"[A-Z][^,.;:!?“”\"]{0,40}, (?=the )")  # "Back in the car, the district nurse sits"
# A clause about someone named, then "she" or "he": "When Jess rang the line at 3am, she had already written …"
_CLAUSE_FIRST = re.compile(
    r"(?:When|Whenever|As|After|Before|Since|Until|Once|While|Although|Though|If|Because) "
    r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?<![’']s) [a-z][^,.;:!?“”\"]{0,200}, (?P<pronoun>s?he)\b")
# Someone given a role and named between commas anywhere in a sentence: "I read the speech the care minister, Stephen
# Carraway, gave to …" names him for the "he" after it.
_ROLE_NAMED = re.compile(r"\b[Tt]he ((?:[a-z][\w-]* ){0,3}([a-z][\w-]*)), ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}),")
# A couple opening a sentence, perhaps after a phrase: "At a picnic table, Tom and Linda Barrow, both 67, were …"
_COUPLE = re.compile(r"(?:[A-Z][^,.;]{0,80}, )?([A-Z][a-z]+) (?:and|&) ([A-Z][a-z]+) ([A-Z][\w’'-]+)\b(?! [A-Z])")
_FOR_NAME = re.compile(r"(?:For|As for|Like|Unlike) ((?:(?:Mr|Mrs|Ms|Miss|Dr) )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*), ")
# "For the retired farmer, …"; but a thing "it" goes on about is no one: "As for the pan, it now hangs on a hook"
_FOR_ROLE = re.compile(r"(?:For|As for) (the (?:[a-z][\w-]* ){0,3}[a-z][\w-]*), (?!it (?!is|was|has)\b)")
# A reaction round-up's credit line, its body first: "Unison – Gareth Lumb, head of social care"
_BODY_CREDIT = re.compile(r"([A-Z][^–—.]{1,60}?) [–—] ([A-Z][^–—]{3,120})")


def _owner(text: str, lower_next: bool) -> Mention | None:
    """Return the person named in full whose possessive opens `text`; with `lower_next`, only when what they own
    is a lower-case word ("Alex Brennan’s father"), as a sentence about a relative opens."""
    owned = _OWNER.match(text)
    if owned is None or (lower_next and owned["lower"] is None) or owned[1].split()[0].lower() in FUNCTION_WORDS:
        return None  # "At Mum’s review I told her …": the sentence opens on a phrase, not on Mum
    found = np_forward(token_spans(owned[1]), 0)
    return found if found is not None and found.kind == "person" else None


def _unnamed_lead(sentence: str) -> Mention | None:
    """Return the person a sentence opens on without naming them in full ("One nurse, who asked not to be named",
    "A care worker, who gave her name only as Precious, said")."""
    opening = _UNNAMED_LEAD.match(sentence)
    if opening is None:
        return None
    # "One care worker employed by another provider": the worker, not the provider; but "a manager in a
    # neighbouring county" is one person, described
    words = opening[1].split()
    cut = next((n for n, word in enumerate(words[2:], 2) if word.endswith(("ed", "ing"))
                and words[n - 1] not in _ARTICLES), len(words))
    nominal = offered_name(Mention("nominal", " ".join(words[:cut])), sentence)
    return nominal if nominal.kind == "person" or is_unnamed(nominal, sentence) else None


def offered_name(nominal: Mention, sentence: str) -> Mention:
    """Return the person an unnamed nominal is when the sentence gives the name they offered ("Another resident,
    who gave her name only as Sandra") or the writer's name for them ("One respondent, whom we are calling
    Pauline"), with the nominal as their role; else the nominal."""
    offered = nominal.kind == "nominal" and any(word in sentence for word in ("name", " as ", "handle"))
    named = _NAMED_AS.search(sentence) if offered else None
    if named is None:  # "One respondent, whom we are calling Pauline, …"
        called = _called(sentence) if nominal.kind == "nominal" and "call" in sentence else None
        at = sentence.find(nominal.name)  # the call is in the nominal's own apposition: "One worker, a 34-year-old
        gap = sentence[at + len(nominal.name) : called.start] if called and at >= 0 else None  # whom we are calling
        close = gap is not None and len(gap) < 90 and gap.count(",") <= 1  # Grace, said"
        return replace(called, role=nominal.name, start=nominal.start) if called and close else nominal
    gender = _OWNED_BY.get(named["given"] or named["first"]) or given_gender(named["name"])
    return Mention("person", named["name"], nominal.name, gender, start=nominal.start)


def opening_people(text: str, names: ArticleNames) -> list[Mention]:
    """Return the person a sentence opens on (with the owner of the relative it opens with: "Siân Prydderch's
    father, Gwilym, 88, …" has her in it too, for the next "she"; both of a couple, "Tom and Linda Barrow"; the one
    the writer put it to, "When I put their points to Mr Buckby, he said"), else the unnamed person it opens on."""
    if (put := _PUT_TO.match(text)) and (addressed := _addressed(put)) is not None:
        return [addressed]
    if (couple := _COUPLE.match(text)) and is_given_name(couple[1]) and is_given_name(couple[2]):
        return [Mention("person", f"{couple[n]} {couple[3]}", gender=given_gender(couple[n]), start=couple.start(n))
                for n in (1, 2)]
    clause = _CLAUSE_FIRST.match(text)  # "When Jess rang …, she": Jess
    named = clause and Mention("person", clause["name"], gender="f" if clause["pronoun"] == "she" else "m",
                              start=clause.start(1))  # not "After Pauline's death, he": hers is no "he"
    if named and given_gender(named.name.split()[0]) in (None, named.gender) and _is_name(text, named, names):
        return [named]
    skip = _PHRASE_FIRST.match(text)  # "Through Brannock Days, Graham learned …": Graham, after the phrase
    end = skip.end() if skip else 0  # and past the country of its town: "Born in Lagos, Nigeria, the second of …"
    country = _COUNTRY.match(text, end) if skip else None
    end = country.end() if country and town_county(skip.group().rstrip(", "), country[1]) else end
    lead = first_subject(text[end:200], strict=True)
    lead = replace(lead, start=lead.start + end) if lead is not None else lead
    if lead is not None and lead.kind == "org" and (credited := _credit_line(text)) is not None:
        return [credited]
    if lead is None or lead.kind != "person" or not _is_name(text, lead, names):
        unnamed = _unnamed_lead(text) or _credit_line(text)
        return [unnamed] if unnamed is not None else []
    owned = _owner(lead.role or "", lower_next=False)
    return [replace(owned, start=lead.start - 1), lead] if owned is not None else [lead]


# Who says the words above were theirs, as the subject of the paragraph under them
_SAID_THAT_WAS = re.compile(r",? (?:said|says) (?:that|this) (?:was|is) (?:how|what|why)\b")
_CREDIT_REACH = 120  # characters: a name, an age and a place before "said that was how"


def named_back(paragraph: Callable[[int], str], n: int) -> Mention | None:
    """Return the person the paragraph under quotation paragraph n opens by naming as its source ("So says Doris
    Pennock, who …", "That advice came from Alan Croft, 68, …", "The words are those of Dr Priya Raman"), or
    credits it to alone ("Becky Norwood, district nursing sister, Hollinsford") where this run of quotations and
    credit lines puts each credit under its quotation: not where the run opens on a credit (a vox pop's name over
    each answer). `paragraph` gives a paragraph's text by its index."""
    under = paragraph(n + 1)
    if back := NAMED_BACK.match(under):
        found = np_forward(token_spans(under[back.end() :]), 0)
        return found if found is not None and found.kind == "person" else None
    if (said := _SAID_THAT_WAS.search(under, 0, _CREDIT_REACH)) and (found := person_in(under[: said.start()])):
        return found  # "Kayleigh Brennan, 31, from Dunmere, said that was how she felt before …"
    found = _name_credit(under)
    if found is None:
        return None
    first = n  # the run's first paragraph: a quotation, or a credit over one
    while first > 0 and (_OPENS_QUOTE.match(paragraph(first - 1)) or _credits(paragraph(first - 1))):
        first -= 1
    return None if _credits(paragraph(first)) else found


def _name_credit(paragraph: str) -> Mention | None:
    """Return the person a paragraph is only a credit for: a name and a role, no sentence ("Becky Norwood, district
    nursing sister, Hollinsford"), as a sidebar or vox pop sets under or over each quotation."""
    credit = _CREDIT_LINE.fullmatch(paragraph.strip()) and not CUE.search(paragraph)  # not "X, chair of Y, said:"
    found = person_in(paragraph) if credit else None
    if found is None or not (" " in found.name or _AGED.match(paragraph, found.start + len(found.name))):
        return None  # a one-word name only with an age: "Amira, 19, student"
    return found


def _credits(paragraph: str) -> bool:
    """Say whether a paragraph only credits the quotation beside it: a name and role, or a round-up's credit."""
    return _name_credit(paragraph) is not None or _credit_line(paragraph) is not None


def role_opening(text: str, start: int, offices: Offices, names: ArticleNames) -> Mention | None:
    """Whom a sentence opening on a role is about, for the next "he": the one the article gave that office ("The
    minister rejected …"), or the one it brought in unnamed ("A nurse, who asked not to be named, …. The nurse was
    unconvinced."). `start` is where the sentence starts in the article."""
    word = _role_lead(text)
    if word is None:
        return None
    nominal = Mention("nominal", f"the {word}", definite=True, start=start)
    held = offices.named(nominal, start)
    return held or (nominal if is_unnamed(nominal, text, names.unnamed_before(start)) else None)


def _role_lead(text: str) -> str | None:
    """Return the role a sentence opens on ("The minister rejected …", "The care minister, …"), perhaps after a
    short phrase of place or time ("Back in the car, the district nurse sits …")."""
    phrase = _SHORT_PHRASE.match(text)
    words = text[phrase.end() if phrase else 0 :][:80].split()
    for n, word in enumerate(words[1:4], 1) if words[:1] in (["The"], ["the"] if phrase else []) else ():
        word = word.rstrip(",")
        if not word.islower() or (word in ROLE_NOUNS and words[n + 1 : n + 2] != ["of"]):
            return word if word in ROLE_NOUNS else None
    return None


def _addressed(put: re.Match[str]) -> Mention | None:
    """The person named last in a clause of the writer's question ("When I put Mrs Walsh's and Mr Dolan's points to
    Mr Buckby,") when the pronoun after it can be them: the one who answers."""
    runs = [run for run in CAP_RUN.finditer(put["clause"]) if not run.group().endswith(("'s", "’s"))]
    if put["clause"].startswith("told"):  # "When I told Arthur about Christmas,": whom it was told, right after
        runs = runs[:1] if runs and runs[0].start() == len("told ") else []
    if not runs:
        return None
    words = runs[-1].group().split()
    words = words[:-1] if len(words) > 1 and words[-1] == "I" else words  # "told Arthur I was writing": Arthur
    kind, tail = analyse_run(words)
    gender = name_gender(words, tail)
    if kind != "person" or gender not in (None, "m" if put["pronoun"] == "he" else "f"):
        return None
    name = words if len(tail) == 1 and len(words) == 2 else tail  # "Mr Buckby", "Anne Lee"
    return Mention("person", " ".join(name), gender=gender, start=put.start("clause") + runs[-1].start())


def _credit_line(text: str) -> Mention | None:
    """Return whom a line with no verb credits the quotation under it with, in a round-up of reactions: the person
    after their body ("Unison – Gareth Lumb, head of social care"), or the body's spokesperson ("A spokesperson for
    the Disabled People's Care Coalition")."""
    line = text.strip()
    if line.endswith((".", "!", "?", ":", "”", '"')):
        return None  # a sentence, not a credit
    if SPOKESPERSON.fullmatch(line):
        return Mention("nominal", line)
    credit = _BODY_CREDIT.fullmatch(line)
    if credit is None or (body := np_forward(token_spans(credit[1]), 0)) is None or body.kind != "org":
        return None
    person = first_subject(credit[2], strict=True)
    return replace(person, start=credit.start(2) + person.start) if person and person.kind == "person" else None


# The plural noun a capitalised word opening a sentence modifies, and its verb: "Eye tests are free", "Care homes were"
_PLURAL_HEAD = re.compile(r" [a-z]+s (?:are|were|have|can|cannot|could|will|would|may|must|remain|cost)\b")


def _is_name(text: str, lead: Mention, names: ArticleNames) -> bool:
    """Tell whether a sentence's subject is a person's name: a lone capitalised word opening a sentence is too
    often not one."""
    return (
        not (lead.role is None and text.endswith(("The ", "the "), 0, lead.start))  # "The Ledger spent …": a paper;
        # "When Derek started, the Royal still had …": a hospital
        and not _VOCATIVE.match(text, max(0, lead.start - 1))  # "“Mum,” he says": whom he speaks to
        and (not re.match(rf"{re.escape(lead.name)}['’]s\b", text[lead.start :])  # "Kingsbrook's capacity"
             or bool(names.surname_forms(lead.name))  # but "Oduya's back injury": Grace Oduya's
             or is_given_name(lead.name)  # and "Rachel’s burden is different"
             or bool(names.first_name_forms(lead.name)))  # and "Winnie's advice", Winnie Hargreaves's
        and lead.start < 100
        and not (" " not in lead.name and _PLURAL_HEAD.match(text, lead.start + len(lead.name)))  # "Eye tests are"
        and bool(" " in lead.name or lead.role or lead.gender or names.is_known_name(lead.name)
                 or is_given_name(lead.name)  # "Janice is 58 and …"
                 or _AGED.match(text, lead.start + len(lead.name)))
    )


def _called(text: str) -> Mention | None:
    """The person the writer names so: "a young man I’ll call Daniel", "a young woman called Tasha"; not "a spaniel
    called Biscuit" (the noun before "called" must name a person)."""
    for called in _CALLED.finditer(text):
        group = "call" if called["call"] else "called"
        noun = (called["who"] or "").split()[-1:]
        if group == "called" and not (noun and (gender_of(noun[0]) or noun[0].lower() in ROLE_NOUNS | KIN)):
            continue
        title = called[group].rpartition(" ")[0]  # "Mr" of "Mr B"
        before = _BEFORE_CALL.search(text, 0, called.start())  # the noun of "a woman I'll call Jean"
        who = called["who"] or (before[1] if before else "")
        gender = gender_of(title or called["pronoun"] or "") or role_gender(who) or given_gender(called[group])
        return Mention("person", called[group], gender=gender, start=called.start(group))
    return None


def named_aside(text: str) -> Mention | None:
    """Return the person a sentence about someone else names first: "Alex Brennan’s father, who …", "For Mrs
    Lennie, the waiting goes on.", "For the retired farmer, …", "When Lorna – not her real name – clocked on at 7am,
    her rota …" """
    if (owned := _owner(text, lower_next=True)) is not None:
        return owned
    if (called := _called(text)) is not None:
        return called
    if alias := _PSEUDONYM.search(text):  # the name the writer gives someone kept anonymous
        gender = _OWNED_BY.get(alias[2] or alias[3])
        first, _, rest = alias[1].partition(" ")
        dropped = bool(rest) and first.lower() in FUNCTION_WORDS  # "When Lorna – not her real name –": Lorna
        name = rest if dropped else alias[1]
        return Mention("person", name, gender=gender, start=alias.start(1) + (len(first) + 1 if dropped else 0))
    if (opening := _FOR_NAME.match(text)) and (named := np_forward(token_spans(opening[1]), 0)):
        return replace(named, start=opening.start(1))
    if (role := _FOR_ROLE.match(text)) and nominal_kind(role[1]) == PERSON:  # whom the article called so before
        return Mention("nominal", role[1], definite=True, start=role.start(1))
    for held in _ROLE_NAMED.finditer(text):
        if held[2] in ROLE_NOUNS and analyse_run(held[3].split())[0] == "person":
            return Mention("person", held[3], role=held[1], gender=role_gender(held[1]), start=held.start(3))
    return None


# A full name as the subject of a verb in the middle of a sentence: "… and Maureen Cathcart is already …",
# or a surname alone opening a clause: "By the time Pryor gets back to the car, …", "By 2pm Oduya has …".
_CLAUSE_OPENED = "|".join(
    [rf"(?<=\b{word} )" for word in "and but when as while until before after because then time once since so".split()]
    + ["(?<=, )"]  # "Back in Invercraig, Fiona has been told …"
    + [rf"(?<=\d{hour} )" for hour in ("am", "pm")]  # "By 2pm Oduya has done nine calls"
)
# a verb next, perhaps after the name's description: "Maureen Tindall, a retired school cook from Kettleby, completed"
_VERB_NEXT = (r"(?=(?:, (?:an?|the) [^,.;:“\"]{1,60})?"
              r",? (?:is|was|has|had|will|would|can|could|[a-z]+[^s\W]s|[a-z]+ed)\b)")
_NAMED_SUBJECT = re.compile(
    rf"(?=[A-Z])(?:\b(?P<full>(?:[A-Z][\w’'-]+ )+)|{_CLAUSE_OPENED})(?!I\b|I['’])([A-Z][\w’'-]+){_VERB_NEXT}"
)
# A name after a short opening phrase with no comma: "During the wait Maisie missed most of year nine"
_PHRASE_OPENED = re.compile(
    r"(?:During|After|Before|Since|In|At|By|For|On|Over|Within|Throughout|Until|Despite) (?:[a-z]+ ){1,3}"
    rf"(?P<name>[A-Z][\w’'-]+){_VERB_NEXT}"
)
# A relative or colleague by first name as a subject in the middle: "…, and my wife Carol had seen an advert"
_KIN_NAMED = re.compile(rf"\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir) ([a-z]+) ([A-Z][\w’'-]+){_VERB_NEXT}")


# A question the writer asks about someone, named last: "So what’s next for Margaret?", "Why did Dr Hale stay on?"
_ASKED_ABOUT = re.compile(r"(?<=[a-z] )(?:(?:Dr|Mr|Mrs|Ms) )?([A-Z][\w’'-]+)(?= [a-z]+\?|\?)")
_AGED_NAME = re.compile(r"\b\d{1,3}-year-old ([A-Z][a-z]+)\b(?! [A-Z])")  # "15-year-old Ellie", not "… Ellie Jones"
_OWNED = re.compile(r"(?<=[a-z] )([A-Z][\w-]+)(?=['’]s [a-z])")  # "on Kareem’s phone"


# The places a list names before its last ("Kettlewick, Ashworth and "), and the words that bring in a list of them
_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*, )*[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* (?:and|or) $")
_PLACE_WORDS = PLACED | {"across", "around", "throughout", "between"}


def _placed(before: str) -> bool:
    """Say whether the name after `before` is a place: after "in" or "from", or ending a list of places brought in so
    ("patients across Kettlewick, Ashworth and Low Fold, switched": no one switched)."""
    listed = _LISTED_BEFORE.search(before)
    return (before[: listed.start()] if listed else before).rstrip().rpartition(" ")[2] in _PLACE_WORDS


def named_subject(sentence: str, quoted: Callable[[int], bool], names: ArticleNames) -> Mention | None:
    """Return the one person a sentence names as the subject of a verb in its middle ("It is 7.40am and Maureen
    Cathcart is already on her second cup of tea"), or by a name alone that opens a clause, or follows a short
    opening phrase ("During the wait Maisie missed"), and that the article gives in full; else a relative or
    colleague named by first name ("and my wife Carol had seen an advert"); else the one whose belongings the
    sentence is about, by a surname the article gives after a first name ("a message pings on Kareem’s phone", not
    "Ironvale’s contracts"), or the one a question asks about ("So what’s next for Margaret?"); none inside a
    quotation (`quoted` says of an offset)."""
    subjects = [
        m for m in _NAMED_SUBJECT.finditer(sentence)
        if not quoted(m.start()) and not m[0].endswith(("'s", "’s"))  # "St Aidan's marks 40 years"
        and not _placed(sentence[: m.start()])  # "a pharmacy in Marbury Green, trained"
        and not m[0].startswith("The ")  # "The Morning Ledger takes a harder line": a paper
        and (analyse_run(word_tokens(m[0]))[0] == "person" if m["full"] else names.known_in_full(m[2]))
    ]
    opened = _PHRASE_OPENED.match(sentence) if not subjects else None
    if opened is not None and not quoted(opened.start("name")) and names.known_in_full(opened["name"]):
        return Mention("person", opened["name"], gender=given_gender(opened["name"]), start=opened.start("name"))
    aged = [m for m in _AGED_NAME.finditer(sentence) if not quoted(m.start())] if not subjects else []
    if len(aged) == 1:  # "For 15-year-old Ellie, a Year 11 pupil, the support came …": a person by first name alone
        return Mention("person", aged[0][1], gender=given_gender(aged[0][1]), start=aged[0].start(1))
    if not subjects:
        kin = [m for m in _KIN_NAMED.finditer(sentence) if not quoted(m.start()) and m[1] in KIN | ROLE_NOUNS]
        if len(kin) == 1:
            return Mention("person", kin[0][2], gender=gender_of(kin[0][1]) or given_gender(kin[0][2]),
                           start=kin[0].start(2))
        subjects = [m for m in _OWNED.finditer(sentence) if not quoted(m.start()) and names.given_before(m[1])]
    if not subjects and sentence.rstrip(" ”’\"'").endswith("?"):  # the one person a question asks about
        subjects = [m for m in _ASKED_ABOUT.finditer(sentence) if not quoted(m.start()) and names.known_in_full(m[1])]
    if len(subjects) != 1:
        return None
    first = subjects[0][0].split()[0]  # "Mr Brearley waited …" is no "she"
    return Mention("person", subjects[0][0], gender=gender_of(first) or given_gender(first), start=subjects[0].start())
