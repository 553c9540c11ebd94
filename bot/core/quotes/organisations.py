"""The organisations an attribution names: spelled-out acronyms, whom a spokesperson or an "it said" speaks for,
which body "the council" means, and whom "the report" or "the letter" speaks for."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator

from bot.core.models import ORGANISATION
from bot.core.quotes.clauses import before_clause, subject_before
from bot.core.quotes.kinds import is_title, nominal_kind
from bot.core.quotes.lexicon import (
    CAP_RUN,
    CUE,
    FUNCTION_WORDS,
    JOINED_RUN,
    LETTERS,
    LISTED_ORG,
    MESSAGES,
    ORG_WORDS,
    PLACED,
    RUN_CONNECTORS,
    SENTENCE_BREAK,
    is_acronym,
    strip_possessive,
    word_tokens,
)
from bot.core.quotes.phrases import Mention
from bot.core.quotes.runs import analyse_run

_INDEFINITE = re.compile(r"^An? (?=[A-Z])")  # "A Department of Health spokesperson": the body, no "A"
_COLON_QUOTE = re.compile(r":\s*[“‘\"']")  # a colon that brings in a quotation
# A capitalised run joined to the one after it by "and", "&", "of" or "for", inside one body's name.
_JOINED_BEFORE = re.compile(r"(?:[A-Z][\w'’-]* )*[A-Z][\w'’-]* (?:and|&|of|for) $")
# An unnamed writer and their place: "a constituent in ", "one reader from ".
_SOMEONE_FROM = re.compile(r"((?:an?|one) [a-z]+(?: [a-z]+)? (?:in|from|near)) ")
FAMILIES = frozenset("family parents couple relatives".split())  # who speak together as "they"
# "published by the X", "signed by"; not "seen by" nor "run by" (the home, not the report, is the X's), nor
# "concerns raised by" (what led to the report) nor its "and by" (whose "by" is the one before)
_BY = re.compile(
    r"\b(?<!seen )(?<!Seen )(?<!obtained )(?<!run )(?<!owned )(?<!operated )(?<!managed )(?<!raised )(?<!voiced )"
    r"(?<!expressed )(?<!and )(?:by|from) "
)
# Who reads a statement out ("read to the court by the prosecutor", "read out by the family's solicitor") did not
# write it.
_READ_BY = re.compile(r"\bread(?: [\w’'-]+){0,5} $")
_COUNT_BEFORE = re.compile(r"\d[\d,]*\s+$")
_BY_TIME = re.compile(r"the (?:end|start|beginning|middle|time|turn) of\b")
# What ties a "from" or "by" to a letter in its sentence: "a letter from", "signed by", "sent by"; not "Tony
# Ramsey, 67, from Callowbridge", who lives there
_WRITTEN_BY = re.compile(
    r"\b(?:(?:" + "|".join(sorted(LETTERS | MESSAGES)) + r")s?|signed|co-signed|written|wrote|sent|penned|addressed)\b",
    re.I,
)
_BY_REACH = 60  # characters from "signed by" to the name: "signed by the partnership's senior partner, Dr X"
# Who brought in a spokesperson: "a spokesperson", "A Seagate spokesman", "a spokesman for the Department of Health"
SPOKESPERSON = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne) (?:(?:[\w’'&-]+ ){0,3}?|(?:[A-Z][\w’'&-]* (?:(?:of|and|for|&) )?){4,7})"  # or a body's
    r"spokes(?:person|man|woman)"  # long name: "A Department of Health and Social Care spokesperson"
    r"(?: for (?:the )?[A-Z][\w’'&-]*(?:(?: | of | and | for | & | of the )[A-Z][\w’'&-]*)*"  # "… of Health and …"
    r"| for the [a-z][\w’'-]*(?: (?!said|says|told|added|stated|confirmed|insisted|explained|replied|responded)"
    r"[a-z][\w’'-]*)?)?"  # "… for the trust", "… for the health board", not "… for the company said"
)
_NAME_GOES_ON = re.compile(r"(?: (?:in|of|for|on|and|&|(?:of|for|on) the) [A-Z][\w&’'-]*(?: [A-Z][\w&’'-]*)*)+")
# "a spokeswoman for the trust" (the health board), "a trust spokesperson", "a university spokesman"
_SPOKEN_FOR = re.compile(
    r"spokes(?:person|man|woman) for the ([a-z][\w’'-]*(?: [a-z][\w’'-]*)?)"
    r"|\b(?:[Aa]n?|[Oo]ne) ([a-z][\w’'-]*(?: [a-z][\w’'-]*)?) spokes(?:person|man|woman)\b"
)


def acronyms(text: str) -> dict[str, str]:
    """Map each acronym the article defines ("Local Government Association (LGA)") to its full name."""
    found: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,8})\)", text):
        words: list[str] = []
        for word in reversed(word_tokens(text[max(0, m.start() - 120) : m.start()])):
            if not (word[0].isupper() or word.lower() in RUN_CONNECTORS | {"the"}):
                break
            words.insert(0, strip_possessive(word))
        while words and (not words[0][0].isupper() or words[0].lower() in FUNCTION_WORDS):
            words.pop(0)
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(words) >= 2 and initials[-len(m.group(1)) :].lower() == m.group(1).lower():
            found.setdefault(m.group(1), " ".join(words))
    # and a body the article names in full somewhere, whatever the order: "the CQC … the Care Quality Commission"
    spelled = {}
    for run in CAP_RUN.finditer(text):
        words = [w for w in word_tokens(run.group()) if w.lower() not in FUNCTION_WORDS]
        if len(words) >= 2 and analyse_run(words)[0] == "org":  # "the Care Quality Commission’s report": its name
            name = strip_possessive(run.group().removeprefix("The ").removeprefix("the "))
            spelled.setdefault("".join(w[0] for w in words).upper(), name)
    for acronym in set(re.findall(r"\b[A-Z]{2,6}\b", text)) - found.keys():
        if acronym in spelled:
            found[acronym] = spelled[acronym]
    return found


class ReadableOrgs:
    """An article's organisations under the names a reader should see; the acronyms the article defines are read
    once, and only when a body speaks."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, str] | None = None

    def __call__(self, org: str) -> str:
        """Return an organisation's name without "the", spelling out an acronym the article defines, and a short
        form it names in full ("a Brightwell spokesperson": Brightwell Homecare Group)."""
        if self._known is None:
            self._known = acronyms(self._text)
        words = [w for w in word_tokens(org) if w[0].isalnum() or w in (",", "&")]
        while words and words[0].lower() == "the":
            words = words[1:]
        name = re.sub(r"\b([A-Z]) & (?=[A-Z]\b)", r"\1&", " ".join(words).replace(" ,", ",")) or org  # "A&E"
        return self._known.get(name) or _full_name(self._text, name)


def _full_name(text: str, name: str) -> str:
    """Return the full name the article first gives a body it mostly calls by one word ("Brightwell Homecare
    Group" for "Brightwell"): the capitalised run opening with that word and ending in a body's word; or by a place
    and initials ("Eastmoor ICB" for "Eastmoor Integrated Care Board")."""
    *place, last = name.split()
    if place and is_acronym(last):
        for run in re.finditer(rf"\b{re.escape(' '.join(place))}((?: [A-Z][\w’'-]*)+)", text):
            if "".join(word[0] for word in run.group(1).split()) == last:
                return run.group()
    if " " in name or not name[:1].isupper() or is_acronym(name):
        return name
    for run in re.finditer(rf"\b{re.escape(name)}(?: [A-Z][\w&’'-]*)+", text):
        if run.group().split()[-1].lower() in ORG_WORDS:
            return run.group()
    return name


def _short_for_body(text: str, name: str) -> str | None:
    """Return the body a one-word name is short for, when the article names it in full ("Evergrove" for "Evergrove
    Care Group") and gives no one that surname ("Ann Evergrove", "Kerry Evergrove", "Dr Evergrove")."""
    full = _full_name(text, name)
    named = (m[1] for m in re.finditer(rf"\b([\w'’-]+) {re.escape(name)}\b", text))
    if full == name or any(w[0].isupper() and w.lower() not in FUNCTION_WORDS for w in named):
        return None
    return full


# A national government as some outlets write it, in lower case: "A Scottish government spokesperson"
_GOVERNMENT = re.compile(r"\b(?:Scottish|Welsh|UK|British|Irish|Northern Ireland) government\b")


def org_inside(nominal: str) -> str | None:
    """Return the organisation a nominal speaks for ("a spokesperson for NHS England" -> "NHS England").

    That is a run naming an organisation, or a one-word name in a spokesperson's nominal ("a Seagate
    spokesman"): a spokesperson mostly speaks for an organisation, while "a spokesman for Mr Blair" or
    "for Tony Blair" names the person they speak for, and stays a nominal.
    """
    listed = LISTED_ORG.search(nominal) or _GOVERNMENT.search(nominal)
    if listed:
        return listed.group()
    run: list[str] = []
    best: list[str] = []
    tokens = word_tokens(nominal)
    spokes = any(w.lower().startswith("spokes") for w in tokens)
    placed = False  # "a nurse from Leeds", "a resident of Ashby Court": where someone is, not whom they speak for
    for n, word in enumerate([*tokens, "."]):
        if word[0].isupper() or (run and word.lower() in RUN_CONNECTORS):
            if not run:
                before = [w.lower() for w in tokens[max(0, n - 2) : n] if w.lower() != "the"]
                placed = not spokes and bool(before) and before[-1] in PLACED
            run.append(word)  # "the Queen's Nursing Institute" keeps its possessive; "NHS England's" loses it
            continue
        while run and (run[-1].lower() in RUN_CONNECTORS or run[-1].lower() in FUNCTION_WORDS):
            run.pop()  # "for the Glenmorven Joint Board in September": not "… in September"
        while run and run[0].lower() in FUNCTION_WORDS:
            run.pop(0)
        owner = next((i for i, w in enumerate(run[:-1]) if w != strip_possessive(w)), None)
        part_of = owner is not None and word.isalpha() and word.islower() and word not in FUNCTION_WORDS
        if part_of and not any(w.lower() in ORG_WORDS for w in run[owner + 1 :]):  # "NHS England's Midlands
            run = run[: owner + 1]  # region" is a part of NHS England, which speaks; not "the King's Fund think tank"
        named = "&" in run or any(strip_possessive(w).lower() in ORG_WORDS or is_acronym(w) for w in run)
        # "a Number 10 spokesman": a run that a number goes on is not a one-word name
        if run and not placed and (named or (spokes and len(run) == 1 and not word[0].isdigit())):
            best = [*run[:-1], strip_possessive(run[-1])]
        run = []
    return " ".join(best) if best else None


def spoken_for(text: str, nominal: str, position: int) -> str | None:
    """Return the body named before `position` that "a spokeswoman for the trust" (or "for the health board", "for
    the ombudsman", "a trust spokesperson") speaks for: the nearest one whose name ends in that word ("Northvale
    Hospitals NHS Trust") or is named for it ("the University of Ashbridge"); a person's title is no body."""
    found = _SPOKEN_FOR.search(nominal)
    words = (found[1] or found[2]).split() if found else []
    words = [word for word in words if not is_title(word)]  # not "for the health secretary"
    return next((body for word in reversed(words) if (body := body_named(text, word, position))), None)


_FOR_GOVERNMENT = re.compile(r"\bgovernment spokes", re.I)
_GOVERNMENT_BODY = re.compile(r"\b(?:Government|Department|Ministry|Office|Executive|Treasury)\b")


def speaks_for(nominal: str, body: str) -> bool:
    """Say whether a spokesperson may speak for the body that spoke last: "a government spokesperson" for a
    government or its department ("the Department of Health and Social Care said"), not for a society of doctors."""
    return not _FOR_GOVERNMENT.search(nominal) or _GOVERNMENT_BODY.search(body) is not None


# "the company" or "the firm" is one whose name says it is incorporated: "Greystone Care Homes Ltd"
_COMPANY = frozenset({"company", "firm"})
_INCORPORATED = re.compile(r"(?<=\w )(?:Ltd|Limited|plc|PLC|LLP)\b")


# A Scottish health board's name ("NHS Grampian", "NHS Greater Glasgow and Clyde"), not a national body's
_HEALTH_BOARD = re.compile(
    r"NHS (?!(?:England|Scotland|Wales|Digital|Providers|Employers|Confederation)\b)[A-Z][\w &]+"
)


# A GP practice is "the practice" or "the surgery" whichever its name ends in: "Quay Street Surgery", "Kinbrannoch
# Medical Practice", "Riverside Medical Centre"
_GP_HEADS = frozenset({"practice", "surgery", "partners"})  # "the partners said": the practice
_GP_END = r"(?:Surgery|Practice|(?:Medical|Health) Cent(?:re|er))"
_GP_PRACTICE = re.compile(rf"\b{_GP_END}$")
_GP_NAMED = re.compile(rf"\b(?:[A-Z][\w’'-]+ )+{_GP_END}\b")


def body_named(text: str, head: str, position: int) -> str | None:
    """Return the nearest organisation before `position` whose name ends in or opens with `head` ("the council":
    Ashby Council; "the university": the University of Ashbridge) or that `head` introduces ("the charity": the
    charity Carers First, "the group": the patient group Voices, or the Save Ashcombe Birth Centre group)."""
    found = _body_ending(text, head, position, lambda words: strip_possessive(words[-1]).lower() == head)
    if found is None and head in _GP_HEADS:  # "the practice" is Quay Street Surgery when no "… Practice" is named,
        found = _body_ending(text, head, position, lambda words: bool(_GP_PRACTICE.search(strip_possessive(
            " ".join(words)))))  # and it is the only practice named: of two merging, the words do not say which
        others = found and {m.group() for m in _GP_NAMED.finditer(text, 0, position)} - {found}
        found = None if others else found
    return found


def _body_ending(text: str, head: str, position: int, ends: Callable[[list[str]], bool]) -> str | None:
    """`body_named`'s search, with `ends` telling a name that ends as that kind of body ends."""
    headed = re.compile(rf" {re.escape(head)}\b")  # "the Save Ashcombe Birth Centre group"
    for run in _runs_back(text, position):
        words = [w for w in word_tokens(run.group()) if w.lower() not in FUNCTION_WORDS]
        if text.endswith(f" {head} ", 0, run.start()) and words:
            goes_on = _NAME_GOES_ON.match(text, run.end(), position)  # "Voices in A&E"
            return strip_possessive(text[run.start() : goes_on.end() if goes_on else run.end()])
        if words and text.endswith("the ", 0, run.start()) and headed.match(text, run.end(), position):
            return f"{run.group()} {head}"  # "organised by the Save Ashcombe Birth Centre group", "the Mercer campaign"
        if words == [head.capitalize()] and text.startswith((" of ", " for the ", " on the "), run.end()) and (
            goes_on := _NAME_GOES_ON.match(text, run.end(), position)
        ):
            return text[run.start() + run.group().lower().rfind(head) : goes_on.end()]  # "the University of X"
        if head == "board" and _HEALTH_BOARD.fullmatch(run.group()):  # "NHS Strathardle": a Scottish health board
            goes_on = _NAME_GOES_ON.match(text, run.end(), position)  # "NHS Lorn and Isles"
            return text[run.start() : goes_on.end() if goes_on else run.end()]
        if head in _COMPANY and (suffix := _INCORPORATED.search(run.group())):  # "… Homes Ltd. A spokesperson"
            return text[run.start() : run.start() + suffix.end()]
        if len(words) > 1 and ends(words) and analyse_run(words)[0] == "org":
            start = run.start()
            while joined := _JOINED_BEFORE.search(text, text.rfind("\n", 0, start) + 1, start):  # "Aged Care
                # Quality and Safety Commission" (a name stays on its line)
                start = joined.start()
            named_on = text.startswith((" of ", " for "), run.end())  # "Royal College of Nursing", "… Centre for X"
            goes_on = _NAME_GOES_ON.match(text, run.end(), position) if named_on else None  # not "… and NHS England"
            end = run.start() + run.group().rfind(words[-1]) + len(words[-1])  # not "Haddon Surgery's Saturday"
            return strip_possessive(text[start : goes_on.end() if goes_on else end])  # "… Board's": the board
    return None


# The bodies that inspect health and care services in the UK and Ireland, by name or initials
_INSPECTORATE = re.compile(
    r"\b(?:Care Quality Commission|CQC|Care Inspectorate(?: Wales)?|Healthcare Inspectorate Wales|Ofsted"
    r"|Regulation and Quality Improvement Authority|RQIA|Health Information and Quality Authority|HIQA)\b"
)
_INSPECTORS = re.compile(r"(?:(?:the|its|their) )?inspectors", re.I)
# The professional regulators, which "the regulator" may mean as well as an inspectorate
_REGULATOR = re.compile(
    r"\b(?:Nursing and Midwifery Council|NMC|General Medical Council|GMC|Health and Care Professions Council|HCPC"
    r"|Social Work England|Social Care Wales|General Pharmaceutical Council|GPhC|General Dental Council|GDC)\b"
)


def inspectorate(text: str, nominal: str, position: int) -> str | None:
    """Return the inspectorate named last before `position` when `nominal` is its inspectors: "Inspectors found
    staffing was “frequently below planned levels”" after "the Care Quality Commission rated the unit …" quotes
    the body's report; or the inspectorate or professional regulator named last when it is "the regulator"."""
    regulator = re.fullmatch(r"the (?:care |health )?(?:regulator|watchdog)", nominal, re.I)
    found = list(_INSPECTORATE.finditer(text, 0, position)) if _INSPECTORS.fullmatch(nominal) or regulator else []
    found += list(_REGULATOR.finditer(text, 0, position)) if regulator else []  # the last named, of either kind
    return max(found, key=lambda body: body.start()).group() if found else None


def _runs_back(text: str, position: int) -> Iterator[re.Match[str]]:
    """The capitalised runs before `position`, nearest first, read a line at a time: a run never crosses a line
    and the body asked for is mostly near, so a long article is not read from its start for every "the council"."""
    end = position
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        yield from reversed(list(CAP_RUN.finditer(text, start, end)))
        end = start - 1


def document_author(text: str, position: int, letter: bool) -> Mention | None:
    """Return who the nearest "… by the Fairholme Foundation" or "signed by …, Dr Ann Lee" before `position` names.

    Reports are published by bodies ("by the X" is one, whatever its words) or written by someone named after
    their role ("A report by the council's director, Michael Lindqvist"), letters signed by people.
    """
    for by in reversed(list(_BY.finditer(text, 0, position))):
        run = CAP_RUN.search(text, by.end(), position)
        between = text[by.end() : run.start()] if run is not None else ""
        if run is None or len(between) > _BY_REACH or any(mark in between for mark in ".;:“\"\n"):
            continue
        if by.start() == 0 or text[by.start() - 1] == "\n":  # "by Tom Ashworth, Editor": the page's byline, whose
            continue  # writer wrote the article, not the report it is about
        if _COUNT_BEFORE.search(between) or between[:1].isdigit():  # "responses from 94 NHS trusts" counts bodies,
            continue  # "data from 6,200 practices in England" counts others
        if _READ_BY.search(text, max(0, by.start() - 40), by.start()):
            continue
        if letter and not _WRITTEN_BY.search(SENTENCE_BREAK.split(text[max(0, by.start() - 300) : by.start()])[-1]):
            continue  # whoever a letter is from, the sentence saying so names a letter, or its signing or sending
        if letter and (someone := _SOMEONE_FROM.fullmatch(between)):  # "sent by a constituent in Dunmarran": the
            return Mention("nominal", f"{someone[1]} {run.group()}")  # name is where the unnamed writer lives
        kind, tail = analyse_run(word_tokens(run.group()))
        # "by its director, Ann Lee", "by director of finance Karen Abiola": a role in lower case, then the name
        role = between[:1].islower() and len(between.split()) > 1  # a role, not "the"
        named = by.group() == "by " and not between  # "A report by Helen Oduya": by its writer ("from X" is not)
        if kind == "person" and (letter or (len(tail) > 1 and ("," in between or role or named))):
            return Mention("person", " ".join(tail))
        if not letter and (kind == "org" or (between.startswith("the ") and not _BY_TIME.match(between))):
            joined = JOINED_RUN.match(text, run.start())  # "by the Centre for Work and Care", whole
            body = strip_possessive(joined.group() if joined else run.group())  # "by NHS England's finance chief"
            return Mention("org", body)  # "by the X", not "by the end of March"
    return None


# Whom a statement was given to, not who gave it: "apologised in a statement to the Daily Sentinel", "told the Post"
_TOLD = re.compile(r"\b(?:to|told) (?:the )?$")


def speaking_org(text: str, sentences: Iterable[tuple[int, int]], named: bool = False) -> Mention | None:
    """Return the organisation an "it said" / "they said" most likely stands for, reading the sentences given as
    (start, end), nearest first: one that speaks in a sentence ("The Welsh Government insisted progress was made",
    "the panel said it had …"), else the last one a sentence names. With `named`, only one that speaks by its name:
    whom "In a statement, the charity said" means."""
    for start, end in sentences:
        for speaking in _cue_subjects(text, start, end):
            if speaking.kind == "org" or (not named and speaking.kind == "nominal" and speaking.definite
                                          and nominal_kind(speaking.name) == ORGANISATION):
                return speaking
            if speaking.kind == "person" and (body := _short_for_body(text, speaking.name)) is not None:
                return Mention("org", body)  # "In a statement, Evergrove said": Evergrove Care Group
        if named:
            continue  # "the charity" is one that spoke, not any body a sentence names ("NHS England", "England")
        runs = [*CAP_RUN.finditer(text, start, end), *JOINED_RUN.finditer(text, start, end)]  # "Health" alone is
        orgs = [(m.end(), m.group()) for m in runs if analyse_run(word_tokens(m.group()))[0] == "org"]  # no one
        orgs += [(m.end(), m.group()) for m in LISTED_ORG.finditer(text, start, end)]
        orgs = [(at, org) for at, org in orgs if not _TOLD.search(text, max(0, at - len(org) - 12), at - len(org))]
        if orgs:  # the last named; of runs ending there, the whole "Caldersfield and District Hospitals NHS Trust"
            last = max(orgs, key=lambda org: (org[0], len(org[1])))[1]  # "… Council's director"
            return Mention("org", strip_possessive(_INDEFINITE.sub("", last)))  # "A Department of … spokesperson"
    return None


def speaking_family(text: str, sentences: Iterable[tuple[int, int]]) -> Mention | None:
    """Return the family a "They added:" stands for when one spoke in these sentences (nearest first): "Her family
    said the funeral would be at St Columba’s Church. They added: …" is theirs, not the church's."""
    for start, end in sentences:
        for speaking in _cue_subjects(text, start, end):
            if speaking.kind == "nominal" and word_tokens(speaking.name)[-1].lower() in FAMILIES:
                return speaking
    return None


def _cue_subjects(text: str, start: int, end: int) -> Iterator[Mention]:
    """Yield the subjects of the cue verbs between `start` (a sentence's start) and `end`, or else of the colon that
    brings in a quotation ("In its judgment, the tribunal found: ‘…’")."""
    cues = list(CUE.finditer(text, start, end))
    for cue in cues:
        speaking = subject_before(text[start : cue.start()].rstrip()) if cue.group("verb") else None
        if speaking is not None:
            yield speaking
    colon = _COLON_QUOTE.search(text, start, end)
    if not cues and colon is not None and (speaking := before_clause(text[start : colon.start() + 1])) is not None:
        yield speaking


class Spokespeople:
    """The spokespeople an article brings in ("a spokeswoman for the health board"), found once per article: "the
    spokesperson said" looks back to the last of them however far, and rereading the text for each grows with its
    square."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: list[re.Match[str]] | None = None
        self._ends: list[int] = []

    def last_before(self, position: int) -> re.Match[str] | None:
        """Return the last spokesperson brought in that ends before `position`."""
        if self._found is None:
            self._found = list(SPOKESPERSON.finditer(self._text))
            self._ends = [found.end() for found in self._found]
        k = bisect.bisect_right(self._ends, position)
        return self._found[k - 1] if k else None
