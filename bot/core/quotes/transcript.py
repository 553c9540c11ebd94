"""Transcript lines as quotations: in a committee write-up or an interview a speaker's label, not quote marks,
says who is speaking ("Jack Penhaligon: Minister, has the Department modelled…", "The minister: There isn't…",
a 999 call's "Call handler: …" where the article titles someone so);
in an interview's questions and answers ("Q: …" / "A: …", or a question and the paragraph below it), the answers
are the interviewee's words."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.models import Quote
from bot.core.quotes.kinds import NOBODY, Speaker
from bot.core.quotes.lexicon import CAP_RUN, CUE, ORG_WORDS, ROLE_NOUNS, occurrences, word_tokens
from bot.core.quotes.names import name_words
from bot.core.quotes.people import ArticleSpeakers
from bot.core.quotes.phrases import Mention
from bot.core.quotes.runs import analyse_run

# A paragraph that opens with a speaker's label: a name ("Nuala", "Dr Ann Lee") or "The minister", then a colon
_LINE = re.compile(  # or a chat message's sender and time: "Bev, 06:52: Eleven calls before lunch …"
    r"(?P<label>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}|(?:The|[A-Z][a-z]+) [a-z]+(?: [a-z]+)?)"
    r"(?:, \d{1,2}[:.]\d\d)?: (?=\S)"
)
_MIN_WORDS = 6  # "Update: see below" is no one speaking
_MIN_LINES = 2
_QUESTION_LABEL = re.compile(r"(?:Q|Question)\s*[:.]\s+(?=\S)")
_ANSWER_LABEL = re.compile(r"(?:A|Answer)\s*[:.]\s+(?=\S)")
# Without labels, questions and answers are an interview only where the article says it is one.
_TALKS_TO = r"talks? to|talked to|spoke to|speaks to"
_ASKED_HER_ABOUT = r"ask(?:s|ed)? (?:her|him) about"  # "Owen Tremlett asked her about her first three months"
_INTERVIEW = re.compile(
    rf"\b(?:interview|{_TALKS_TO}|in conversation|Q&A|podcast\b|minutes with|we asked|{_ASKED_HER_ABOUT})", re.I
)
_QUESTION_WORDS = 30  # an interviewer's question is short
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm][ey]|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|us|[Oo]ur)\b")  # not "US"
# Whoever asks the questions: "she talks to Priya Nandakumar", "Interview by Priya Nandakumar", "Dhillon puts the
# same three questions to each guest".
_INTERVIEWER = re.compile(
    rf"(?:{_TALKS_TO}|[Ii]nterview(?:ed)? by|[Aa]sked by) ((?:[A-Z][\w'’-]+ ?)+)"
    r"|((?:[A-Z][\w'’-]+ )+)(?:puts|put|asks|asked|poses|posed) (?:[\w-]+ ){0,3}questions\b"
)
_SPOKEN_TO = re.compile(rf"\b(?:{_TALKS_TO}|talked with|spoke with|sat down with|asked) (her|him)\b")
_INTRO_WORDS = 20  # a line that introduces a Q&A ("Five minutes with… Bronagh Keane, lead nurse")
_ABOUT_QA = re.compile(r"\b(?:questions|answers)\b")  # "Dame Eluned's answers have been lightly edited"
_PRESENTS = re.compile(r"(?:[A-Z][\w'’-]+ ){1,3}(?:is|was|has been) ")
_MARKS = "\"“”‘’'"
_QUOTED = re.compile(r"“[^”]*(?:”|$)|‘[^’]*(?:’(?!\w)|$)|\"[^\"]*(?:\"|$)")  # what is inside quote marks
_ADDRESSED = re.compile(r"(?:(?:Q|Question)\s*[:.]\s+)?([A-Z][\w'’-]+), ")  # a question that calls its guest by name


def labelled_lines(text: str, paragraphs: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Return the paragraphs that open with a speaker's label and say enough to be someone speaking."""
    found = (_LINE.match(text, start, end) for start, end in paragraphs)
    return [line for line in found if line is not None and len(text[line.end() : line.endpos].split()) >= _MIN_WORDS]


def transcript_quotes(text: str, lines: list[re.Match[str]], speakers: ArticleSpeakers) -> list[Quote]:
    """Return the labelled lines whose label names someone the article names elsewhere, as their quotations.

    A label the article never uses for a person ("Tags:", "Inquiry:", "Read more:") is page furniture, and so
    is a lone labelled line ("Privacy Notice: …"): a transcript gives each speaker a line, or one several.
    """
    found = []
    for line in lines:
        speaker = None if speakers.inside_quote(line.pos) else _labelled(text, line["label"], line.pos, speakers)
        if speaker is not None:
            found.append(_said(text, line.end(), line.endpos, speaker))
    return found if len(found) >= _MIN_LINES else []


def _labelled(text: str, label: str, position: int, speakers: ArticleSpeakers) -> Speaker | None:
    """Return who a transcript line's label ("Jack Penhaligon:", "Nuala:", "The minister:") names, when the
    article names that person outside the labels too; else None (a label like "Tags:")."""
    if label.isupper() and 2 <= len(label) <= 3 and (initialled := _initialled(text, label)) is not None:
        return speakers.known_as(initialled)  # "JM:" over the answers of Jamila Mensah
    if label.isupper():
        label = label.title()  # a broadcast transcript's "MARLOWE:" is the "Jake Marlowe" the article names
    if label.startswith("The "):
        found = speakers.resolve(Mention("nominal", label, definite=True), position)
        return found if found.kind == "person" and found.name != label else None
    if label.split()[-1].islower() or label.lower() in ROLE_NOUNS:  # "Call handler:": who the article titles so
        held = speakers.offices.named(Mention("nominal", label.lower()), position)  # ("Call handler Owen Pryce")
        return None if held is None else speakers.resolve(held, position)
    if analyse_run(word_tokens(label))[0] != "person":
        return None
    words = name_words(label)
    if not any(re.search(rf"\b{re.escape(w)}\b(?!:)", text) for w in (words[-1], words[0])):
        return None
    return speakers.known_as(label)


def _initialled(text: str, initials: str) -> str | None:
    """Return the one person the article names whose initials a label is ("JM" for Jamila Mensah), else None."""
    named = _people_by_initials(text).get(initials, ())
    return next(iter(named)) if len(named) == 1 else None


@functools.lru_cache(maxsize=8)
def _people_by_initials(text: str) -> dict[str, frozenset[str]]:
    """The people an article names in full, by their initials: read once per article, not once per labelled line."""
    runs = (analyse_run(word_tokens(run.group())) for run in CAP_RUN.finditer(text))
    found: dict[str, set[str]] = {}
    for kind, tail in runs:
        if kind == "person":
            found.setdefault("".join(word[0] for word in tail), set()).add(" ".join(tail))
    return {initials: frozenset(names) for initials, names in found.items()}


def _said(text: str, start: int, end: int, speaker: Speaker) -> Quote:
    """A full quotation of the words between start and end, unmarked, by the speaker."""
    return Quote(text=text[start:end].strip(), speaker=speaker.name, role=speaker.role, partial=False,
                 spans=((start, end),), speaker_kind=speaker.kind)


def interview_answers(text: str, paragraphs: list[tuple[int, int]], heading: str = "") -> list[tuple[int, int]]:
    """Return the spans of an interview's answers: "A: …" paragraphs, or, in an article that calls itself an
    interview (in its text or its heading), the paragraphs under each short question; an answer's later paragraphs
    only where another question follows (after the last, the reporter may be writing again). Fewer than two answers
    are no interview (an FAQ line, a rhetorical question)."""
    asked = sum(1 for start, end in paragraphs if text[start:end].rstrip().endswith("?"))
    labelled = sum(1 for start, end in paragraphs if _QUESTION_LABEL.match(text, start, end)) >= _MIN_LINES
    # "Q: …" over an answer with no "A:" of its own: the paragraph under the question answers it
    answer_labelled = labelled and any(_ANSWER_LABEL.match(text, start, end) for start, end in paragraphs)
    if not labelled and (asked < _MIN_LINES or not (_INTERVIEW.search(text) or _INTERVIEW.search(heading))):
        return []  # most articles: no questions asked
    answers: list[tuple[int, int]] = []
    carried: list[tuple[int, int]] = []  # plain paragraphs after an answer, kept if another question follows
    after_question = False
    for start, end in paragraphs:
        body = text[start:end]
        quoted = any(mark in body for mark in _MARKS[:3]) or body.lstrip()[:1] in _MARKS
        question = _QUESTION_LABEL.match(text, start, end) if labelled else _is_question(body, quoted)
        if question:
            answers += carried
            carried, after_question = [], True
        elif labelled and (answer := _ANSWER_LABEL.match(text, start, end)):
            answers.append((answer.end(), end))
            after_question = False
        elif not answer_labelled and after_question and (not quoted or body.lstrip()[:1] in _MARKS):
            answers.append((start, end))  # in its own words, or all in quote marks: "‘Fees, without question. …’"
            after_question = False
        elif answers and not quoted:
            carried.append((start, end))
    if not labelled and 2 * sum(1 for start, end in answers if _FIRST_PERSON.search(text, start, end)) < len(answers):
        return []  # an explainer's "What happens next?" is answered by the reporter, not in the first person
    return answers if len(answers) >= _MIN_LINES else []


def _is_question(body: str, quoted: bool) -> bool:
    return not quoted and body.rstrip().endswith("?") and len(body.split()) <= _QUESTION_WORDS


def interview_quotes(
    text: str, paragraphs: list[tuple[int, int]], answers: list[tuple[int, int]], speakers: ArticleSpeakers,
    heading: str = "",
) -> list[Quote]:
    """Return an interview's answers as quotations of the interviewee."""
    if not answers:
        return []
    speaker = _spoken_to(text, paragraphs, answers[0][0], speakers)
    if speaker.name is None:
        surname = _interviewee(text, paragraphs, answers[0][0], heading)
        if surname is None:
            return []
        speaker = speakers.known_as(surname)
    return [_said(text, start, end, speaker) for start, end in answers]


def _intro(paragraphs: list[tuple[int, int]], answer: int) -> int:
    """The paragraph above an interview's first question (the first answer at `answer`), or -1."""
    return next(n for n, (start, end) in enumerate(paragraphs) if start <= answer <= end) - 2


def _spoken_to(text: str, paragraphs: list[tuple[int, int]], answer: int, speakers: ArticleSpeakers) -> Speaker:
    """Whom the line above the questions says the writer spoke to: "We spoke to her about …" is the woman the
    article was just about, whoever else it names more often."""
    first = _intro(paragraphs, answer)
    found = _SPOKEN_TO.search(text, *paragraphs[first]) if first >= 0 else None
    if found is None:
        return NOBODY
    return speakers.resolve(Mention("pronoun", "she" if found[1] == "her" else "he"), found.start())


def merge_answers(marked: list[Quote], interview: list[Quote]) -> tuple[list[Quote], list[Quote]]:
    """Give an answer the interviewer put in quote marks to the interviewee, once: the marked quotation opening an
    answer's paragraph that names no speaker, or whose paragraph has no "she says" of its own (its speaker was only
    the last one named), is theirs, and the unmarked copy of that paragraph goes."""
    marked = list(marked)
    kept: list[Quote] = []
    for answer in interview:
        start, end = answer.spans[0]
        if answer.text[:1] not in _MARKS:  # in the interviewee's own words, which may quote someone else
            kept.append(answer)
            continue
        inside = [n for n, quote in enumerate(marked) if start <= quote.start < end]
        if not inside:
            kept.append(answer)
        unattributed = CUE.search(_QUOTED.sub(" ", answer.text)) is None
        for n in inside:
            if (marked[n].speaker is None or unattributed) and not marked[n].partial:
                marked[n] = replace(marked[n], speaker=answer.speaker, role=answer.role,
                                    speaker_kind=answer.speaker_kind)
    return marked, kept


def _interviewee(text: str, paragraphs: list[tuple[int, int]], answer: int, heading: str = "") -> str | None:
    """Return the surname of whom an interview's answers (the first at `answer`, below its question) are by: the
    person named in full whom the first question calls by name ("Q: Bernadette, your charity's report …"), else the
    person a short line above the questions names ("Five minutes with… Bronagh Keane, lead nurse"), else the one the
    heading names as the article does in full ("Q&A: Hartwell Care Group’s Sunita Marwaha on …"), else the person
    named in full whom the article names most often, never its interviewer ("she talks to Priya Lee", "Interview by
    Tom Fennimore")."""
    first = _intro(paragraphs, answer)
    intro = text[slice(*paragraphs[first])] if first >= 0 else ""
    if len(intro.split()) > _INTRO_WORDS and not _ABOUT_QA.search(intro):  # "Marcus Lee is principal social …"
        presented = _PRESENTS.match(intro)
        intro = presented.group() if presented else ""
    asking = {(m[1] or m[2]).split()[-1] for m in _INTERVIEWER.finditer(f"{heading}\n{text}")}
    full_names = [tail for tail in map(_person_words, CAP_RUN.finditer(text)) if len(tail) > 1]
    in_full = {word for tail in full_names for word in tail}
    addressed = _ADDRESSED.match(text, *paragraphs[first + 1]) if first + 1 >= 0 else None
    if addressed and addressed[1] in in_full:  # "Q: Bernadette, your charity's new report says …": the guest
        return next((tail[-1] for tail in full_names if addressed[1] in tail and tail[-1] not in asking), None)
    # "Dame Eluned's answers …": her, in full; a headline's capitals are no name unless the article gives it
    for part, alone, given in ((intro, True, False), (heading, False, True), (text, False, False)):
        runs = (m for m in CAP_RUN.finditer(part) if not part.endswith("The ", 0, m.start()))
        tails = [tail for tail in map(_person_words, runs) if len(tail) > 1 or (alone and tail and tail[0] in in_full)]
        if given:  # "Last Hospital for Ninety Miles"
            tails = [tail for tail in tails if set(tail) <= in_full]
        names = {tail[-1] for tail in tails if tail[-1] not in asking}
        if names:
            count = {name: sum(1 for _ in occurrences(text, name)) for name in names}
            return max(names, key=lambda name: (count[name], -text.find(name)))
    return None


def _person_words(run: re.Match[str]) -> Sequence[str]:
    """The words of a person's name in a capitalised run ("Dame Celia Armitage-Boyd"), else nothing: not a title's
    words after a body's ("Care Sector Insider" is a magazine), but a name after a body's possessive ("Hartwell Care
    Group’s Sunita Marwaha")."""
    words = word_tokens(run.group())
    kind, tail = analyse_run(words)
    owned = words[: len(words) - len(tail)]
    ours = bool(owned) and owned[-1].endswith(("’s", "'s"))
    return tail if kind == "person" and (ours or not any(w.lower() in ORG_WORDS for w in owned)) else ()
