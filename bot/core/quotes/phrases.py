"""Read the noun phrases that name speakers: names, organisations, roles, pronouns and appositives."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.models import ORGANISATION
from bot.core.quotes.kinds import nominal_head, nominal_kind
from bot.core.quotes.lexicon import (
    AFFILIATIONS,
    CUE,
    DETERMINERS,
    DOCUMENTS,
    FUNCTION_WORDS,
    HONORIFICS,
    MODIFIERS,
    ORG_WORDS,
    PLACE_BEFORE,
    PLACED,
    PRONOUNS,
    RELATIVES,
    ROLE_NOUNS,
    RUN_CONNECTORS,
    SEAT_MEMBERS,
    SKIPPABLE,
    SOMEONE,
    SOURCES,
    SPLITTERS,
    Token,
    gender_of,
    in_listed_org,
    is_cap,
    joins_run,
    name_gender,
    the_in_name,
    token_spans,
)
from bot.core.quotes.rolewords import clean_role, is_plural_role, is_role_word, kin_title, role_gender, role_plural
from bot.core.quotes.runs import analyse_run, is_office

_PREMODIFIER_TOKENS = 16  # how far back a role written before a name may reach (or before its comma)
_QUALIFIER_TOKENS = 4  # words of a phrase like "on the panel" after a nominal speaker
_ROLE_LINKS = frozenset(("of", "for", "and", "&", "at", "on"))
_BODY_NOUNS = frozenset("group charity campaign organisation union network alliance coalition forum".split())
_FINITE = frozenset("is was are were has have had would will could should can may might must says said".split())
_OUTSIDE_ROLE = _FINITE | {"by"}  # words a role written before a name never holds: a clause's verbs, "by"
_CLAUSE_ADVERBS = frozenset("also then later still again already never always often too however".split())  # a clause's
_LINKS = SPLITTERS | {"with", "to", "by", "&", "and"}  # what joins two phrases into one
_DEGREE = frozenset("most more less least very well best better worst".split())  # "the most experienced nurse"


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker as written in an attribution clause, before it is resolved within the article."""

    kind: str  # "person", "org", "pronoun", "nominal" or "participle" (subject is the sentence's)
    name: str
    role: str | None = None
    gender: str | None = None
    definite: bool = False  # a nominal introduced by "the" refers back to someone already named
    start: int = 0  # offset of the mention in the clause it was parsed from


def phrase_start(tokens: list[Token], end: int) -> int | None:
    """Return where a role phrase ("the chief executive of NHS England", "director of nursing, policy and
    practice") ending at `end` starts."""
    j, reach = end, _PREMODIFIER_TOKENS
    while j >= 0 and end - j < reach:
        word = tokens[j][0]
        if word == "and" and j > 0 and tokens[j - 1][0] == ",":
            break  # ", and Tarrowmouth Partnership's chief executive": a new clause, not a list
        if word == "," and reach == _PREMODIFIER_TOKENS and "and" in (w for w, _, _ in tokens[j + 1 : end + 1]):
            word, reach = "and", _PREMODIFIER_TOKENS + 4  # a list inside: "director of nursing, policy and practice"
        if not (word[0].isalpha() or word in ("&", "’s", "'s") or _plural_owner(tokens, j)):  # "Workers' Union"
            break
        if word.lower() in DETERMINERS and not (j > 0 and tokens[j - 1][0] in SPLITTERS):
            return tokens[j][1]  # not "the trust" in "The chief executive of the trust": the phrase goes on back
        j -= 1
    start = tokens[j + 1][1] if j + 1 <= end else None
    words = [w.lower() for w, _, _ in tokens[j + 1 : end + 1]]
    return start if any(w in ROLE_NOUNS for w in words) else None


def _plural_owner(tokens: list[Token], j: int) -> bool:
    """Say whether token j is the apostrophe of a plural possessive ("Workers' Union", "20 years’ service")."""
    return tokens[j][0] in ("'", "’") and j > 0 and tokens[j - 1][0].endswith("s")


def _before_brackets(tokens: list[Token], end: int, text: str) -> Mention | None:
    """Parse the noun phrase before the brackets that close at token `end`: "Dr Ann Roe (pictured) said"."""
    j = end - 1
    while j >= 0 and end - j < 12 and tokens[j][0] != "(":
        j -= 1
    return np_backward(tokens, j - 1, text) if j >= 1 and tokens[j][0] == "(" else None


def _run_start(tokens: list[Token], end: int, text: str) -> int:
    """Return where the run of capitalised words (and the connectors inside a body's name) ending at `end` starts."""
    j = end
    while j > 0:
        prev = tokens[j - 1][0]
        # a capitalised "Later" or "After" goes on a name when a connector and a capital stand before it: it is a
        # word of "the Foundation for Later Life", not the "Later" that opens a sentence
        inside = j > 2 and tokens[j - 2][0].lower() in RUN_CONNECTORS and is_cap(tokens[j - 3][0])
        if (is_cap(prev) and (prev.lower() not in FUNCTION_WORDS or inside)) or the_in_name(tokens, j - 1) or (
            (prev.lower() in RUN_CONNECTORS or (prev == "," and in_listed_org(text, tokens[j - 1][1])))
            and j > 1
            and is_cap(tokens[j - 2][0])
        ):
            j -= 1
        else:
            break
    return j


def _plural_role(word: str) -> bool:
    """Tell an acronym's plural that names several people ("the MPs wrote", "the GPs said"), none of them one."""
    return word[:-1].isupper() and role_plural(word.lower())


def np_backward(tokens: list[Token], end: int, text: str) -> Mention | None:
    """Parse the noun phrase that ends at token `end`: a pronoun, a name, an organisation or a nominal."""
    if end < 0:
        return None
    word, start, _ = tokens[end]
    low = word.lower()
    if low in PRONOUNS:
        return Mention("pronoun", low, start=start)
    if is_cap(word) and low in FUNCTION_WORDS and end >= 2 and tokens[end - 1][0] in ("in", "on"):
        return np_backward(tokens, end - 2, text)  # "… Joint Board in September stated": the board
    if word == ")":
        return _before_brackets(tokens, end, text)
    if (word[0].isalpha() and word.islower()) or word.endswith("-year-old"):  # "the 34-year-old"
        nominal = _nominal_backward(tokens, end, text)
        if nominal is None or not nominal.definite or nominal_kind(nominal.name) != ORGANISATION:
            return nominal
        first = next(k for k in range(end, -1, -1) if tokens[k][1] == nominal.start)
        return _member_of(tokens, first, end, text, named=True) or nominal  # "Jane Roe of the local branch said"
    if (low in HONORIFICS or _plural_role(word)) and end and tokens[end - 1][0] in ("the", "The"):  # "the Bishop said"
        return Mention("nominal", text[tokens[end - 1][1] : tokens[end][2]], definite=True, start=tokens[end - 1][1])
    if end == 0 and role_plural(low):  # "Inspectors found …", "Campaigners said …": those people, unnamed
        return Mention("nominal", word, start=start)
    if not is_cap(word) or word[-2:] in ("'s", "’s"):
        return None  # "Trump's remarks": a possessive is not the subject
    j = _run_start(tokens, end, text)
    words = [w for w, _, _ in tokens[j : end + 1]]
    kind, tail = analyse_run(words)
    first = j - 1 if j > 0 and tokens[j - 1][0].lower() == "the" else j
    if kind == "person" and first < j and low in SEAT_MEMBERS and _seat(words, tail):  # "the Ayr MSP"
        return Mention("nominal", text[tokens[first][1] : tokens[end][2]], definite=True, start=tokens[first][1])
    if (described := _described_body(tokens, j)) is not None:  # "from the campaign group Patients First"
        kind, first = ("org" if kind == "person" else kind), described
    # "ADASS president Peter Hay from Birmingham City Council said": the body after "from" says where he works
    member = _member_of(tokens, first, end, text, named=kind == "person")
    if member is not None:
        return member
    if kind == "person" and first < j == end:  # "the Gazette", "the Royal": no one's name takes "the"
        kind = "org"
    speaks_for = _speaks_for(tokens, first, text)
    if kind == "person" and speaks_for is not None and words[0].lower() in HONORIFICS:  # "a spokesperson for Mr X"
        return Mention("nominal", text[speaks_for : tokens[end][2]], start=speaks_for)
    if kind == "person":
        premod = _premodifier_start(tokens, j)
        role = _run_role(words, tail)
        if premod is not None:
            first = premod  # "… Wellbeing Board councillor Izzi Seccombe": a title before the name is not the role's
            titled = tokens[j - 1][0].lower() in HONORIFICS and not _title_kept([w for w, _, _ in tokens[premod:j]])
            last = j - 2 if premod < j - 1 and titled else j - 1
            role = clean_role(text[tokens[premod][1] : tokens[last][2]] + (" " + role if role else ""))
        kin = tokens[j - 1][0] if j and tokens[j - 1][0].islower() else ""  # "Proud mum Kerry Brennan": a woman
        gender = name_gender(words, tail) or role_gender(role or "") or gender_of(kin)
        return Mention("person", " ".join(tail), role=role, gender=gender, start=tokens[first][1])
    if kind == "org":
        return Mention("org", _surface(tokens[j : end + 1]), start=tokens[first][1] if speaks_for is None else
                       speaks_for)
    if kind == "role":
        role_start = phrase_start(tokens, end)
        start = tokens[first][1] if role_start is None else min(role_start, tokens[first][1])
        return Mention("nominal", text[start : tokens[end][2]], definite=first < j, start=start)
    return None


def _seat(words: list[str], tail: tuple[str, ...]) -> bool:
    """Say whether the words before a member's title are their seat ("the Ayr MSP", "the Inverbrae and Glen Ardle
    MSP"), not a body and a person ("the Health and Social Care Committee Sarah Pendleford MP")."""
    places = " ".join(words[:-1]).replace(" & ", " and ").split(" and ")
    return len(tail) == len(words) - 1 or all(0 < len(place.split()) < 3 for place in places)


def _described_body(tokens: list[Token], j: int) -> int | None:
    """Return where "the campaign group" starts before a name at tokens[j] it describes ("the charity X"), else None."""
    if j == 0 or tokens[j - 1][0] not in _BODY_NOUNS:
        return None
    first = j - 1
    while j - first < 4 and first > 0 and tokens[first - 1][0].islower() and tokens[first - 1][0] not in AFFILIATIONS:
        first -= 1
    return first


def _member_of(tokens: list[Token], first: int, end: int, text: str, named: bool) -> Mention | None:
    """Return the person named just before "from/at/of ORG" (tokens[first:end+1]), the org in their role.

    An organisation is the speaker only when no person is named: in "Jane Roe from the RCN said" the subject
    of "said" is Jane Roe, and the organisation only says where she works."""
    if first < 2 or tokens[first - 1][0] not in AFFILIATIONS | PLACE_BEFORE:
        return None
    person = np_backward(tokens, first - 2, text)
    if (person is not None and person.kind == "nominal" and tokens[first - 1][0] in PLACED and not person.definite
            and nominal_head(person.name) in SOMEONE and not (named and tokens[first - 1][0] == "of")):
        # "One nurse in the north of England wrote": an unnamed person and where they are, not the place (but
        # "Local Member of the Senedd Rhodri Bevan" names him)
        return replace(person, name=text[person.start : tokens[end][2]])
    if person is None or person.kind != "person" or tokens[first - 1][0] in PLACE_BEFORE:
        return None
    org = text[tokens[first][1] : tokens[end][2]]
    role = f"{person.role} {tokens[first - 1][0]} {org}" if person.role else org
    return replace(person, role=clean_role(role))


def _speaks_for(tokens: list[Token], first: int, text: str) -> int | None:
    """Return where "a spokesperson for" starts before the name at tokens[first], if it does: an unnamed someone
    speaking for a body ("a spokesperson for the Department of Health said") gives its statement, for a person ("a
    friend of Ms Roe") their own words; "the chief executive of X" is someone already named."""
    if first < 2 or tokens[first - 1][0] not in AFFILIATIONS:
        return None
    nominal = np_backward(tokens, first - 2, text)
    return nominal.start if nominal is not None and nominal.kind == "nominal" and not nominal.definite else None


_PEOPLE_OF_A_BODY = ROLE_NOUNS | SOURCES  # "an NHS spokesman", "one GOP source": a person, not the body
def _run_role(words: Sequence[str], tail: Sequence[str]) -> str | None:
    """Return the title inside a capitalised run ("Health Secretary" in "Health Secretary Matt Hancock")."""
    head: list[str] = []
    for word in words:
        if word.lower() in SPLITTERS and head:
            break
        head.append(word)
    if len(head) < len(words) and tuple(head[-len(tail) :]) != tuple(tail) and is_office(head[-1]):
        return clean_role(" ".join(words[: -len(tail)]))  # a seat's: "Liberal Democrat MP for Lindfield South"
    titles = [w for w in head[: len(head) - len(tail)] if w.lower().rstrip(".") not in HONORIFICS]
    titles = [w for w in titles if w.lower() not in FUNCTION_WORDS]
    return clean_role(" ".join(titles)) if titles and titles[-1].lower() in ROLE_NOUNS else None


def _nominal_backward(tokens: list[Token], end: int, text: str) -> Mention | None:
    """Parse "the health secretary" / "a Department of Health spokesperson" / "Care England's chief"."""
    det, linked = None, False  # linked: a word since the last determiner joins a phrase before it ("of", "'s")
    j = end
    while j >= 0 and end - j < 14:  # "One practice nurse at a surgery in the east of the city said"
        word = tokens[j][0]
        low = word.lower()
        joins_name = 0 < j < end and is_cap(tokens[j - 1][0]) and is_cap(tokens[j + 1][0])  # or an office's fields:
        joins_name = joins_name or (j > 1 and is_role_word(tokens[end][0].lower()) and tokens[j - 1][0].islower()
                                    and tokens[j - 2][0].lower() == "the"  # "the work and pensions secretary"
                                    and not any(t[0].lower() in DETERMINERS for t in tokens[j + 1 : end]))
        # "a Marks & Spencer spokesman"; but "Voices in A&E. A spokesman" ends at the full stop
        firm = word == "&" and joins_name and tokens[j + 1][0][-1] != "."
        owned = _plural_owner(tokens, j)  # "with 20 years’ service"
        listed = word == "," and in_listed_org(text, tokens[j][1])  # a comma inside a body's listed name
        if (not word[0].isalnum() and not (firm or owned or listed)) or low in PRONOUNS:
            break
        if (low in ("who", "which", "that", "and", "but") and not (low == "and" and joins_name)) or low in _FINITE:
            break  # nor past a verb: "One of the care assistants said in a statement read …" is not one phrase
        if low in _CLAUSE_ADVERBS or _past_verb(tokens, j):
            break
        linked = linked or low in _LINKS
        if low in DETERMINERS and not (j < end and tokens[j + 1][0] == "&"):  # not the A of "A&E"
            if det is not None and not linked:
                break  # "After the meeting the opposition leader said": two phrases, not "the chair of the board"
            det, linked = j, False
        elif word[-2:] in ("'s", "’s") or (owned and is_cap(tokens[j - 1][0])):  # "Mr Sykes' family"
            det, linked = j, True
            while det > 0 and is_cap(tokens[det - 1][0]):
                det -= 1  # the whole possessor: "Care England's chief"
        j -= 1
    if det is None:  # "In their report, inspectors said": people of one kind, with no determiner, after a comma
        bare = end - j <= 2 and (j < 0 or tokens[j][0] in ",.:;") and is_plural_role(tokens[end][0].lower()) and (
            tokens[j + 1][0].lower() not in FUNCTION_WORDS and end + 1 == len(tokens))  # not "after staff", "had"
        return Mention("nominal", text[tokens[j + 1][1] : tokens[end][2]], start=tokens[j + 1][1]) if bare else None
    phrase = text[tokens[det][1] : tokens[end][2]]
    definite = tokens[det][0].lower() in ("the", "this", "that")
    return Mention("nominal", phrase, definite=definite, gender=role_gender(phrase), start=tokens[det][1])


def _past_verb(tokens: list[Token], j: int) -> bool:
    """Tell a verb after a noun phrase ("the report included") from a participle ("the newly qualified nurse")."""
    word, before, after = tokens[j][0], tokens[j - 1][0], tokens[j + 1][0].lower() if j + 1 < len(tokens) else ""
    inside = before in _DEGREE or before.endswith("ly") or after in _LINKS  # "one carer quoted in the report"
    return j > 1 and word.endswith("ed") and word.islower() and tokens[j - 2][0].lower() in DETERMINERS and (
        before.isalpha() and before.islower() and not inside)


def person_in(text: str) -> Mention | None:
    """Return the person the noun phrase opening `text` names, else None."""
    found = np_forward(token_spans(text), 0)
    return found if found is not None and found.kind == "person" else None


def np_forward(tokens: list[Token], i: int) -> Mention | None:
    """Parse the noun phrase that starts at token `i` (after "said", "according to" or a dash)."""
    if i >= len(tokens):
        return None
    word, start, _ = tokens[i]
    low = word.lower()
    if low in PRONOUNS:
        return Mention("pronoun", low, start=start)
    if low in ("someone", "somebody"):  # "muttered someone on the benches behind Mr Beattie": no one named
        return Mention("nominal", _surface(tokens[i : _qualifier_end(tokens, i + 1)]), start=start)
    determiner = low in DETERMINERS
    j = i + 1 if determiner else i
    # lower-case and numeric premodifiers: "health secretary", "9/11 widow"
    while (
        j < len(tokens) and j - i < 7 and (tokens[j][0].islower() or tokens[j][0][0].isdigit() or tokens[j][0] == "/")
    ):
        if tokens[j][0] in SPLITTERS or tokens[j][0] in SKIPPABLE or tokens[j][0] in PRONOUNS:
            break
        if tokens[j][0] in _OUTSIDE_ROLE:  # "The centre was opened by ICB chair X": a clause, not premodifiers; but
            return np_forward(tokens, j + 1) if j > i and tokens[j - 1][0] in DOCUMENTS else None  # "a report by X"
        j += 1
    premod = [w for w, _, _ in tokens[i + determiner : j]]
    k = j
    while k < len(tokens) and (is_cap(tokens[k][0]) or (k > j and joins_run(tokens, k))):
        k += 1
    title_end = k  # after the last role noun of up to three lower-case words: "the New York businessman"
    scan = k
    while scan < len(tokens) and tokens[scan][0].islower() and scan - k < 3 and tokens[scan][0] not in FUNCTION_WORDS:
        scan += 1  # not past "the": "Sarah Jenkins met the minister" is a sentence, not a title
        if tokens[scan - 1][0] in ROLE_NOUNS or kin_title(tokens[scan - 1][0]):  # "First-time mum Aisha" too
            title_end = scan
    if k > j and title_end > k:
        return _run_before_title(tokens, i, title_end)
    run = [w.lower() for w, _, _ in tokens[j:k]]
    named = FUNCTION_WORDS.isdisjoint(premod) and bool(HONORIFICS.intersection(run[:1]) or name_gender((), run))
    if k > j and (not premod or is_role_word(premod[-1]) or premod[-1] in HONORIFICS or kin_title(premod[-1]) or named):
        return _forward_run(tokens, i, j, k, premod)  # any job before a given name or title: "says cook Joe Bright"
    if not (determiner and premod):
        return None
    return _forward_nominal(tokens, i, j)


def _title_kept(words: list[str]) -> bool:
    """Say whether the title word ending a name's premodifiers is part of the role: it is when only words of standing
    go before it ("local councillor Bev Marchant"), not a body ("Wellbeing Board councillor Izzi Seccombe")."""
    return len(words) > 1 and words[-1].lower() in HONORIFICS and all(w.lower() in MODIFIERS for w in words[:-1])


def _run_before_title(tokens: list[Token], i: int, title_end: int) -> Mention | None:
    """Parse a run that modifies a title ("Trump campaign spokesman Jason Miller", "the New York businessman")."""
    start = tokens[i][1]
    role = _surface(tokens[i:title_end])
    named = title_end < len(tokens) and is_cap(tokens[title_end][0])
    # "Meg Lee", or after a comma: "the Global Medicines Access Network's director, Jonas Eklund"
    name = np_forward(tokens, title_end) if named else _forward_appositive_name(tokens, title_end)
    if name is not None and name.kind == "person":
        return with_role(name, name.role or clean_role(role), start)
    definite = tokens[i][0].lower() == "the"
    return Mention("nominal", role, definite=definite, gender=role_gender(role), start=start)


def _forward_run(tokens: list[Token], i: int, j: int, k: int, premod: list[str]) -> Mention | None:
    """Parse the capitalised run tokens[j:k] after an optional title: a person, an organisation or a nominal."""
    start = tokens[i][1]
    words = [w for w, _, _ in tokens[j:k]]
    kind, tail = analyse_run(words)
    lower_next = k < len(tokens) and tokens[k][0].isalpha() and tokens[k][0].islower()
    if kind != "person" and lower_next and (kind != "org" or tokens[k][0] in _PEOPLE_OF_A_BODY):
        # a capitalised modifier inside a nominal: "one Democratic source", "a Labour spokesperson", "an NHS
        # source"; not a body before its verb ("the Justice Department said", "the X Center put it bluntly")
        end = k
        while end < len(tokens) and tokens[end][0].isalpha() and tokens[end][0] not in SPLITTERS | SKIPPABLE:
            if CUE.fullmatch(tokens[end][0]) or end - i > 8:
                break
            end += 1
        if end > k or kind != "org":
            k, kind = end, "role"
    if kind == "person":
        kept = _title_kept(premod)  # "local councillor" keeps its title word
        titles = " ".join(w for w in premod if w not in HONORIFICS or kept) or None
        role = _forward_appositive(tokens, k) or _run_role(words, tail) or titles
        gender = name_gender(words, tail) or role_gender(role or "")
        return Mention("person", " ".join(tail), role=role, gender=gender, start=start)
    if kind == "org":
        return Mention("org", _surface(tokens[j:k]), start=start)
    if kind == "role":
        name = _forward_appositive_name(tokens, k)
        if name is not None:
            return with_role(name, clean_role(_surface(tokens[i:k])), start)
        k = _qualifier_end(tokens, k)  # "one Democratic source on the panel"
        return Mention("nominal", _surface(tokens[i:k]), definite=tokens[i][0].lower() == "the", start=start)
    return None


def with_role(name: Mention, role: str | None, start: int) -> Mention:
    """A name given with a role before it ("His daughter, Maxine Faulkner"): the role may tell the gender."""
    return replace(name, role=role, gender=name.gender or role_gender(role or ""), start=start)


def _qualifier_end(tokens: list[Token], k: int) -> int:
    """Return the end of a short phrase ending the clause that says which one ("… source on the panel.")."""
    if k >= len(tokens) or tokens[k][0] not in SPLITTERS:
        return k
    end = k + 1
    while end < len(tokens) and tokens[end][0][0].isalnum() and end - k <= _QUALIFIER_TOKENS:
        if CUE.fullmatch(tokens[end][0]) or tokens[end][0] in SPLITTERS:
            return k
        end += 1
    return end if end == len(tokens) or tokens[end][0] in (".", ",", ";") else k


def _forward_nominal(tokens: list[Token], i: int, j: int) -> Mention | None:
    """Parse a lowercase nominal ("the health secretary"), the name after it, or the organisation it is for."""
    start = tokens[i][1]
    name = _forward_appositive_name(tokens, j)
    if name is not None:
        return with_role(name, clean_role(_surface(tokens[i:j])), start)
    if j + 1 < len(tokens) and tokens[j][0] in ("for", "at", "of", "from"):
        org = np_forward(tokens, j + 1)
        if org is not None and org.kind == "org":
            return replace(org, start=start)
    phrase = _surface(tokens[i : _qualifier_end(tokens, j)])  # "one senior source on the board"
    definite = tokens[i][0].lower() in ("the", "this")
    return Mention("nominal", phrase, definite=definite, gender=role_gender(phrase), start=start)


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
    if not looks_like_role([w for w, _, _ in tokens[k + 1 : end]]):
        return None
    return clean_role(_surface(tokens[k + 1 : end]))


def looks_like_role(words: list[str]) -> bool:
    """Tell a role ("chief executive of Care England", "a GP in Leeds") from ", who said…" or ", 84,"."""
    lows = {w.lower() for w in words}
    if not words or words[0].lower() in RELATIVES:
        return False  # a relative clause describes the speaker but is not their role
    if lows & _FINITE:
        return False  # a clause: "According to Dame Ann, a pay floor would be …"
    # a body's word counts in a name or after a body's word ("Age UK", "care home staff"), not in a verb's clause
    # (", accepts that the care fell")
    opener = words[0].lower()
    named = words[0][0].isupper() or opener in ORG_WORDS | MODIFIERS
    return opener in ("a", "an", "the") or bool(lows & ROLE_NOUNS) or (named and bool(lows & ORG_WORDS))


def _surface(tokens: list[Token]) -> str:
    """Rebuild the text of consecutive tokens, with a space only where the original had one."""
    parts = [tokens[0][0]] if tokens else []
    for (_, _, prev_end), (word, start, _) in itertools.pairwise(tokens):
        parts.append(f" {word}" if start > prev_end else word)
    return "".join(parts)


def _forward_appositive_name(tokens: list[Token], k: int) -> Mention | None:
    """Return the name in "the chief executive of Care England, Martin Green" that follows a role."""
    start = k
    while k < len(tokens) and tokens[k][0] not in (",", ".", ";", ":") and k - start < 14:
        k += 1
    if k + 1 < len(tokens) and tokens[k][0] == ",":
        name = np_forward(tokens, k + 1)
        if name is not None and name.kind == "person":
            return name
    return None


def _premodifier_start(tokens: list[Token], j: int) -> int | None:
    """Return the token where a role written before a name starts.

    "health secretary Sajid Javid", "Care England's chief executive Martin Green" and "chairman of the
    Local Government Association's (LGA) Community Wellbeing Board councillor Izzi Seccombe": the
    walk back takes role nouns, modifiers and the organisation they belong to, and stops at anything
    else (a comma, a verb, a sentence-opening "The").
    """
    if j == 0 or tokens[j - 1][0].lower() not in ROLE_NOUNS or not tokens[j - 1][0].islower():
        return None
    k = j - 1
    while k > 0 and j - k < _PREMODIFIER_TOKENS:
        word = tokens[k - 1][0]
        low = word.lower()
        named = word in ("(", ")") or (word[0].isupper() and low not in FUNCTION_WORDS)
        if named or (word.islower() and (is_role_word(low) or low in MODIFIERS or low in _ROLE_LINKS)):
            k -= 1
        elif low == "the" and k > 1 and tokens[k - 2][0] in _ROLE_LINKS and is_cap(tokens[k][0]):
            k -= 1  # "chairman of the Local Government Association"
        else:
            break
    while k < j - 1 and (tokens[k][0] in _ROLE_LINKS or tokens[k][0] in ("(", ")")):
        k += 1  # a role never opens with a link word or a bracket
    return k
