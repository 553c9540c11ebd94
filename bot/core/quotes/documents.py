"""Whose words a document gives: "The report said" is its author's, "It reads:" whoever the statement is from."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.core.models import PERSON
from bot.core.quotes.clauses import sentence_subject, subject_before
from bot.core.quotes.kinds import nominal_head, nominal_kind
from bot.core.quotes.lexicon import CUE, DOCUMENTS, LETTERS, MESSAGES, ORG_WORDS, token_spans, word_tokens
from bot.core.quotes.organisations import body_named, document_author, inspectorate
from bot.core.quotes.phrases import Mention, np_forward
from bot.core.quotes.runs import analyse_run

WRITINGS = DOCUMENTS | LETTERS
# Documents, notes and messages: what a later "It reads:" or "it said" stands for; and putting one out ("read a
# statement", "issued a short statement", "released an open letter")
_WRITTEN = re.compile(r"\b(?:" + "|".join(sorted(WRITINGS | MESSAGES | {"appeal"})) + r")\b")
_AGAIN = re.compile(r"(?:The|This|That) ")  # a document named again, as the subject of its own sentence
_IN_DOCUMENT = re.compile(r"(?:In|in) (?:a|an|the|its|his|her|their)(?: [\w-]+){0,3} ")  # "In a joint statement"
_ON_BEHALF = re.compile(r"\bon behalf of (?=\S)")  # whose words a statement read out by another holds
_ISSUED = re.compile(  # "Susan Clegg read a statement", "Healthway Pharmacies said in a statement that …"
    r"\b(?:read|reads|issued|issues|released|releases|sent|sends|posted|shared|said in|says in)(?: out)? (?:a|an|the)"
    r"(?: [\w-]+){0,2} $"
)


def document_source(
    text: str, start: int, position: int, sentence: Callable[[int], tuple[int, int]]
) -> tuple[Mention | None, str | None]:
    """Return who the last document named between `start` and `position` is from, and that document's noun:
    "a statement from its chief nurse, Dr Owen Farrant" (from, by, signed by …) or "Susan Clegg read a statement".
    `sentence` gives the start and end of the sentence holding an offset."""
    documents = list(_WRITTEN.finditer(text, start, position))
    if not documents:
        return None, None
    found = documents[-1]
    first, last = sentence(found.start())
    if len(documents) > 1 and _AGAIN.fullmatch(text[first : found.start()]):  # "She sent a tweet. The tweet read:"
        found = documents[-2]  # is the tweet she sent
        first, last = sentence(found.start())
    cue = CUE.search(text, first, found.start())  # "In a statement, the family said the report was …": the statement
    found = next((d for d in documents if first <= d.start() < cue.start()), found) if cue and cue["verb"] else found
    clause = text[found.start() : min(position, last)]  # named in its own sentence, before what was said in it:
    if (cue := CUE.search(clause)) and cue.group("verb"):  # "In a statement, the council said it was disappointed by
        clause = clause[: cue.start()]  # Brightside's decision": not Brightside's statement
    behalf = _ON_BEHALF.search(clause)  # "read a victim impact statement on behalf of Mrs Hale's son, Peter Hale"
    named = np_forward(token_spans(clause[behalf.end() :]), 0) if behalf else None  # ("on behalf of the family"
    author = named if named is not None and named.kind == "person" else (  # leaves its reader)
        document_author(clause, len(clause), letter=True) or document_author(clause, len(clause), False))
    opening = text[first : found.start()]
    if author is None and (issued := _ISSUED.search(opening)):
        author = sentence_subject(opening[: issued.start()]) or subject_before(opening[: issued.start()])
    elif author is None and _IN_DOCUMENT.fullmatch(opening):  # "In a statement, the senior partner, Dr X, said"
        author = sentence_subject(text[first : min(position, last)])
        comma = text.find(", ", found.end(), min(position, last))
        if _is_document(author) and comma > 0:  # "In a statement read to the court, the victim's son said": "read"
            author = sentence_subject(text[comma + 2 : min(position, last)])  # is no cue, the statement no author
    # "In a statement, a Brightwell spokesperson said": a nominal too, for the caller to resolve; but no document is
    # its own author (the caller would ask the statement whose it is again)
    keep = author is not None and author.kind in ("person", "org", "nominal") and not _is_document(author)
    if author is not None and author.kind == "pronoun":  # "she posted a long message": whoever "she" is, there
        return replace(author, start=first + author.start), found.group()
    return author if keep else None, found.group()


def _is_document(mention: Mention | None) -> bool:
    """Whether a mention is a document itself ("a statement"), not someone who can write one."""
    return mention is not None and mention.kind == "nominal" and bool(_WRITTEN.fullmatch(mention.name.split()[-1]))


# Writing to someone, with no answer in the same sentence: "When I wrote to the company, they replied: …, but the
# letter went on" is their answer, not the writer's letter
_WROTE_TO = re.compile(r"\b(?:wrote|written|writes|write) to\b(?![^.]*\b(?:replied|responded|answered|wrote back)\b)")


def writer_of(sentence: str, documents: frozenset[str]) -> Mention | None:
    """Return who a sentence says wrote or sent a document of one of these kinds: "In a letter to the committee,
    the Justice Department said …" for "the letter said", "X put it bluntly in its analysis" for "the report"."""
    # the document is how its subject speaks, not the subject: "in a report", "published a report", "used a letter"
    verb = r"in|with|sent|wrote|us(?:es|ed)|publish(?:es|ed)|issu(?:es|ed)|releas(?:es|ed)"
    nouns = "|".join(sorted(documents))
    if wrote := documents == LETTERS and _WROTE_TO.search(sentence):  # "Dr Marsh added that the alliance had
        found = subject_before(sentence[: wrote.start()])  # written to the health secretary": the alliance's letter
        kinds = ("person", "org", "pronoun", "nominal")  # but no letter writes itself
        return found if found is not None and found.kind in kinds and not _is_document(found) else None
    put_out = re.search(rf"\b(?:{verb}) (?:an?|the|its|their|his|her) (?:[\w-]+ ){{0,4}}(?:{nouns})\b", sentence, re.I)
    if not put_out:
        return None
    subject = sentence_subject(sentence)  # "In its written decision, the panel said": the panel, for the caller
    if subject is not None and subject.definite and nominal_head(subject.name) in ORG_WORDS:
        return subject
    clause = None if put_out.group().lower().startswith(("in ", "with ")) else sentence[: put_out.start()]
    for found in (subject, clause and subject_before(clause)):  # "She has now issued
        if found is not None and found.kind == "nominal" and not found.definite and nominal_kind(found.name) == PERSON:
            return found  # a prevention of future deaths report": she; "In a letter …, a consultant warned": unnamed
        if found is not None and found.kind in ("person", "org", "pronoun"):  # "Her intervention comes as the Calder
            return found  # Institute, an independent think tank, publishes a report": the institute, the clause's
    return None


# A body owning a document: "The Lords Public Services Committee's report, Holding the Line, …"
_OWNED = re.compile(
    r"((?:[A-Z][\w&-]*)(?: (?:[A-Z][\w&-]*|of|for|and|&|on))*)['’]s (?:[\w-]+ ){0,3}?(?P<noun>(?i:"
    + "|".join(sorted(DOCUMENTS)) + r"))\b"  # its name too: "The Halden Institute’s Frontline Care Workforce Survey"
)
# A body named before owning one: "The panel’s report, Lives Cut Short, said": the panel's
_BODY_OWNED = re.compile(r"\b[Tt]he (\w+)['’]s (?:[\w-]+ ){0,3}?(?P<noun>" + "|".join(sorted(DOCUMENTS)) + r")\b")
_OWN_KIND = frozenset({"decision", "document"})  # owned only as themselves: "the council's audit" made no ruling


def document_of(text: str, head: str, position: int, about: Sequence[tuple[int, int]]) -> Mention | None:
    """Return whose words "the report said" (`head` its noun) at `position` gives when no sentence says who sent or
    wrote it, reading `about`, the sentences that may say, nearest first. A report is the body a possessive makes it
    of ("The Lords Public Services Committee's report", "The panel’s report": closer ties than any "from the NHS"
    elsewhere in the article); else, as a letter or memo is, whom the nearest "by" or "from" names; else the body a
    sentence is about ("The Care Inspectorate made an unannounced visit to …", "Last Thursday the Foxhollow
    Institute published its analysis"): inspectors and researchers are the news."""
    owner = head in DOCUMENTS and next((found for start, end in about if (found := _owner(text, start, end, head))),
                                       None)
    if owner:
        return Mention("org", owner)
    # whoever a sentence says put it out (its last line: not a caption run into it): a body, a name in full, or "In
    # its written decision, the panel said" for the caller to say which panel
    lines = (text[start:end].rsplit("\n", 1)[-1] for start, end in about)
    writers = (writer_of(line, DOCUMENTS) for line in lines) if head in DOCUMENTS else ()
    author = next((found for found in writers if found is not None and (
        found.kind == "org" or found.definite or (found.kind == "person" and " " in found.name))), None)
    author = author or document_author(text, position, letter=head == "letter")
    if author is not None or head not in DOCUMENTS:
        return author
    subjects = (_body(text, sentence_subject(text[start:end]), start) for start, end in about)
    return next((subject for subject in subjects if subject is not None), None)


def _body(text: str, subject: Mention | None, start: int) -> Mention | None:
    """The body a sentence about a document has as its subject: a named one, "the council" named before it, or the
    inspectorate whose "Inspectors found" ("The Care Quality Commission inspected …. Inspectors found: …")."""
    if subject is not None and subject.kind == "org" and _common_noun(text, start + subject.start, subject.name):
        return None
    if subject is None or subject.kind == "org":
        return subject
    head = nominal_head(subject.name) if subject.kind == "nominal" else ""
    body = subject.definite and head in ORG_WORDS and body_named(text, head, start + subject.start)
    body = body or inspectorate(text, subject.name, start + subject.start)
    return Mention("org", body) if body else None


def _owner(text: str, start: int, end: int, head: str) -> str | None:
    """The body one sentence names as the owner of a document of `head`'s kind, if any."""
    sentence = text[start:end]
    kind = {head} if head in _OWN_KIND else DOCUMENTS - _OWN_KIND
    owners = [m[1] for m in _OWNED.finditer(sentence) if m["noun"].lower() in kind
              and analyse_run(word_tokens(m[1]))[0] == "org"]
    if owners:
        return owners[-1]
    owned = next((m for m in _BODY_OWNED.finditer(sentence) if m["noun"] in kind), None)
    return body_named(text, owned[1], start + owned.start()) if owned and owned[1] in ORG_WORDS else None


def _common_noun(text: str, at: int, name: str) -> bool:
    """Say whether a body's word alone at `at` opens a common noun ("Care workers with five years' experience were
    paid …", "Council tax will rise"), no body's name: a word bodies' names end in, with a lower-case word after it."""
    after = text[at + len(name) : at + len(name) + 2]
    return name.lower() in ORG_WORDS and after[:1] == " " and after[1:].islower()
