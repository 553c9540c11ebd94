"""Who holds an office: the one person an article titles "Gov.", "the Bishop of X" or "Branch secretary", whom
"the governor", "the bishop" or "the branch secretary said" means later."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from bot.core.quotes.lexicon import DETERMINERS, HONORIFICS, QUALIFIED_OFFICE, ROLE_NOUNS, word_tokens
from bot.core.quotes.phrases import Mention
from bot.core.quotes.runs import analyse_run

# Titles that name an office, so that "the governor" can be "Gov. Raymond Bishop" (not a role of their own: the
# article's words for it, "the council's cabinet member for adult social care", say more than "councillor").
_OFFICES = {"gov": "governor", "sen": "senator", "rep": "representative", "del": "delegate", "cllr": "councillor",
            "councillor": "councillor"}
# What follows a name to give its office in court reports: "Julian Ashworth KC", "Tom Reid, prosecuting, said"
_AFTER_NAME = {"barrister": "KC|QC|prosecuting|defending|mitigating"}


def holds_office(text: str, surname: str, office: str) -> bool:
    """Say whether a text gives the person a title for that office anywhere ("Gov. Marisol Dorsey", "Julian Ashworth
    KC, prosecuting,": the barrister)."""
    if office in _AFTER_NAME:
        return re.search(rf"\b{re.escape(surname)},? (?:{_AFTER_NAME[office]})\b", text) is not None
    titles = [title.capitalize() for title, held in _OFFICES.items() if held == office]
    name = rf"(?:[A-Z][\w'’-]+ )*{re.escape(surname)}\b"
    return bool(titles) and re.search(rf"\b(?:{'|'.join(titles)})\.? {name}", text) is not None


def in_office(role: str, office: str) -> bool:
    """Say whether a role given to someone is that office itself, not a shadow, former or deputy one: "the health
    secretary" is no "shadow health secretary"."""
    at = role.find(office)
    return at >= 0 and not _qualified(role, at)


def _qualified(text: str, at: int) -> bool:
    """Say whether the office named at `at` is qualified by the word before it ("shadow", "former", "deputy" …)."""
    return QUALIFIED_OFFICE.search(text, max(0, at - 12), at) is not None


_NAMED = r"((?:[A-Z][\w'’-]+ )+[A-Z][\w'’-]+)"  # capitalised words that may be a person's name
_RUN = re.compile(rf"{_NAMED}\Z")  # a run ending where a search's end is set
_RUN_CHARS = 200  # far longer than a name with its titles: how far back of a phrase its run is looked for
_OF_PLACE = r" (?:for|of) (?:the )?[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+)?"  # "Minister for Care Ben Harrow"
_OF_BODY = r" (?:for|of) [A-Z][^,.;:]{0,60}"  # before a comma: "Secretary of State for Health and Social Care, X"


class Offices:
    """The people an article names with an office, each office's matches found once per article: an article asks
    about "the bishop" at every "the bishop said", and rereading the whole text each time grows with its square."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._holders: dict[str, Mention | None] = {}
        self._titled: dict[str, tuple[tuple[int, str] | None, int | None]] = {}
        self._found: dict[str, list[Mention]] = {}  # "the opposition leader": whom quotes' cues were found to mean

    def holder(self, office: str) -> Mention | None:
        """Return the one person the article names with an office beside their name ("the Rt Rev Jonathan Pellow,
        the Bishop of Ambleworth, …", "NHS England's chief people officer, Dr Carys Whitfield,"): whom "the bishop
        said" means when no bishop is near; None when none or several are, or for an office that is no title ("the
        report" is not a person's) nor names one ("cabinet member for adult social care" does: "Cllr Ann Lee,
        cabinet member for adult social care, said")."""
        if office not in self._holders:
            self._holders[office] = _office_holder(self._text, office)
        return self._holders[office]

    def titled(self, office: str, before: int | None = None) -> Mention | None:
        """Return the one person the article titles with the office before `before` ("Minister for Care Ben Harrow
        MP", "Branch secretary Ann Roe", not "Shadow minister Ed Lim"): whom "The Minister told the committee" or
        "the branch secretary said" means."""
        if office not in self._titled:
            text, title = self._text, re.escape(office)
            runs = re.finditer(
                rf"\b(?i:{title})(?:{_OF_BODY},|{_OF_PLACE})? {_NAMED}", text)
            named = [(m.end(), " ".join(tail)) for m in runs
                     if office.lower() == "coroner"  # an assistant or area coroner holds the inquest they hear
                     or not _qualified(text, m.start())
                     for kind, tail in [analyse_run(word_tokens(m[1]))] if kind == "person"]
            first = named[0] if named else None  # and where someone else is titled so too: two then, not one
            other = next((end for end, name in named if first and name != first[1]), None)
            self._titled[office] = (first, other)
        first, other = self._titled[office]
        limit = len(self._text) if before is None else before
        if first is None or first[0] > limit or (other is not None and other <= limit):
            return None
        return Mention("person", first[1])

    def named(self, nominal: Mention, before: int) -> Mention | None:
        """The person the article named with this office beside or before their name ("Cllr Ann Lee, cabinet member
        for adult social care,", "Inspector Gareth Pugh"): whom "the inspector said", "The minister rejected" mean."""
        office = " ".join(w for w in nominal.name.split() if w.lower() not in DETERMINERS)
        found = None  # one word ("nurse") only of whom the article titled so before: not a chief nurse named later
        if " " in office or office.lower() in ROLE_NOUNS:
            found = self.holder(office) or self.titled(office, None if " " in office else before)
        return replace(found, start=nominal.start) if found else self._found_before(nominal, before)

    def found(self, nominal: str, held_by: Mention, at: int) -> None:
        """Remember whom a cue's "the opposition leader said" was found to mean ("Cllr Tariq Hollins, who leads the
        opposition group"), so that a later sentence of "the opposition leader said …" is about him too. Each finding
        is kept with where it was made: quotes are not always resolved in the order they stand."""
        self._found.setdefault(nominal.lower(), []).append(replace(held_by, start=at))

    def _found_before(self, nominal: Mention, before: int) -> Mention | None:
        """Whom the nominal was found to mean before, unless the office came up since in other words ("The care
        minister, Sunita Varma,"): then "the minister" may mean her."""
        found = max((m for m in self._found.get(nominal.name.lower(), ()) if m.start < before),
                    key=lambda m: m.start, default=None)
        if found is None:
            return None
        since = re.sub(re.escape(nominal.name), "", self._text[found.start : before], flags=re.I)
        head = re.escape(nominal.name.split()[-1])
        return None if re.search(rf"\b{head}\b", since, re.I) else replace(found, start=nominal.start)


def naming_sentences(text: str, starts: list[int], office: str, names: Iterable[str]) -> set[int]:
    """The sentences (by where they start) that name an office or a word of a name given it: only their people can
    hold it, so looking for its holder however far back need not read who every sentence of a long article is about."""
    words = {re.escape(word) for name in names for word in word_tokens(name) if word[0].isalnum()}
    found = re.finditer("|".join([re.escape(office), *words]), text, re.I)
    return {bisect.bisect_right(starts, m.start()) - 1 for m in found}


def _office_holder(text: str, office: str) -> Mention | None:
    """The one person `text` names with `office` beside their name (Offices.holder), or says holds it ("Kieran Walsh,
    26, has been a call handler for three years")."""
    if office not in HONORIFICS and " " not in office:
        return None
    title = re.escape(office)
    titled = itertools.chain(  # "the Bishop of Calderbrook, the Rt Rev …", "NHS England’s chief people officer, Dr X,"
        re.finditer(rf"\b(?i:{title}) of (?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+, (?:the )?{_NAMED}", text),
        re.finditer(rf"\b(?i:{title}), {_NAMED}", text),
    )  # but not "the shadow health secretary, Gideon Farrant"
    titled = (m for m in titled if not _qualified(text, m.start()))
    said_to_be = _named_before(text, rf",(?: \d{{1,3}},)? (?:is|has been|was|works as) (?:an?|the) (?i:{title})\b")
    named = _named_before(text, rf", (?:the )?(?i:{title})\b")
    return _one_person(itertools.chain(named, (m[1] for m in titled), said_to_be))


def _named_before(text: str, after: str) -> Iterator[str]:
    """The runs of capitalised words that `after` follows, as `re.finditer(_NAMED + after, text)` finds them (runs of
    up to _RUN_CHARS), but found from `after`: trying a run at every capital letter of a long article takes seconds."""
    done = 0  # where the last run's match ended: the next is looked for after it
    for tail in re.finditer(after, text):
        if run := _RUN.search(text, max(done, tail.start() - _RUN_CHARS), tail.start()):
            done = tail.end()
            yield run[1]


def _one_person(names: Iterable[str]) -> Mention | None:
    """The person the names name, when they all name one person; else None."""
    people = {" ".join(tail) for kind, tail in (analyse_run(word_tokens(name)) for name in names) if kind == "person"}
    return Mention("person", people.pop()) if len(people) == 1 else None


def former_job(nominal: str) -> bool:
    """Say whether a nominal tells what someone used to do ("the former cattle haulier", "the retired farmer", "the
    67-year-old former school cook"): the writer's other name for the person just named, not an office anyone holds."""
    return re.match(r"the (?:\d+-year-old )?(?:former|retired) ", nominal, re.I) is not None
