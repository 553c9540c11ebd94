"""Find direct quotations in a cleaned article body and attribute each to a speaker.

Extraction works paragraph by paragraph (see `_paragraphs` for what separates them):

* Every quote mark is classified from its neighbours, not only its glyph, because news text mixes
  straight and curly marks and sometimes opens with a closing glyph.  A single mark between two
  letters or digits (don't, the 1990’s) is an apostrophe; a single mark after "s" followed by a
  word (councils’ funding, the 1990s') closes a quotation only when no later closer could.
* Marks are matched on a stack per family (double / single), so a quote inside a quote stays part
  of the outer one and mismatched glyphs of one family (‘…' or "…”) still pair up.
* A single mark after "s" before a lower-case word (organisations' thinking) is a possessive unless
  an attribution follows ("…for the nurses' she said").
* A quotation left open at the end of a paragraph ends there, unless the next paragraph opens
  with a capitalised quote mark: then it continues (the multi-paragraph convention).  An opening
  mark of the same family right after a sentence end inside an open quotation is such a paragraph
  pasted onto one line; a closing mark of the other family after a sentence end still ends it.
* Two quotations in one paragraph separated only by a short attribution ("…,” he said. “…") are
  one quotation in several parts; the comma that hands over to the attribution is not kept, and a
  capitalised next part starts a new sentence ("answer. But if…").  A part after "adding that" is
  reported speech, not the next part.
* A nickname in marks between two names (Marcia "Cia" Price, John 'Jack' Ellison) is part of the name.
* A quotation is partial (a scare quote, fragment or title) as `bot.core.quotes.partial` tells.

Attribution lives in `bot.core.quotes.people`.  A full quotation with no attribution clause of its own
continues the previous quotation's speaker when it follows it in the same or the next paragraph,
and otherwise goes to the person the text just before it is about; a partial one gets no speaker.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.core.models import ORGANISATION, Quote
from bot.core.quotes.clauses import is_attribution_gap
from bot.core.quotes.exchange import Turn, is_question, other_turn
from bot.core.quotes.kinds import NOBODY, Speaker
from bot.core.quotes.lexicon import CUE
from bot.core.quotes.organisations import FAMILIES
from bot.core.quotes.partial import is_partial
from bot.core.quotes.people import ArticleSpeakers
from bot.core.quotes.transcript import (
    interview_answers,
    interview_quotes,
    labelled_lines,
    merge_answers,
    transcript_quotes,
)

__all__ = ["extract_quotes"]

_PARAGRAPH_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")
_LINE_END = frozenset(".!?:;\"'”’…)]")
_LINE_START = frozenset("\"'“”‘’„-–—•*")
_MARK = re.compile(r"[\"'“”„‟‘’‚‛]")
_DOUBLE = frozenset('"“”„‟')
_OPEN_GLYPHS = frozenset("“„‟‘‚‛")
_CLOSE_GLYPHS = frozenset("”’")
# A mark after one of these (or after whitespace) may open a quotation.
_OPEN_CONTEXT = frozenset("([{—–-―/:\"“”„‘’'")
# A mark before one of these (or before whitespace) may close one.
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-―…\"“”'‘’*")
# Elisions that start with an apostrophe: 'em, 'n', 'til, ’cause, '90s.
_ELISION = re.compile(r"(?:em|n|til|cause|bout|tis|twas|round|\d\ds?)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# Lower-case words that open an attribution after a closing mark ("…for nurses' she said").
_ATTRIBUTION_START = re.compile(r"(?:(?:he|she|they|we|i)\s+)?" + CUE.pattern)
_SENTENCE_END = frozenset(".?!…")
_PRONOUN_I = re.compile(r"I(?:$|['’]|\W)")
# A quoted nickname inside a name (Marcia "Cia" Price, Robert C. “Bobby” Scott, John 'Jack' Ellison) is no quotation.
_NICKNAME = re.compile(r"[\"“](?<=\w [\"“])[A-Z][\w.-]*[\"”](?= [A-Z])|['‘](?<=\w ['‘])[A-Z][\w.-]*['’](?= [A-Z])")
_GAP_MAX_WORDS = 10
_MAX_RESCANS = 8
_LOWER_BODY = re.compile(  # "Harlingford Hospitals NHS foundation trust", "Brackenshire county council"; not
    r"((?!(?:The|A|An|Our|Its|Their|This|That|Each|Every|Your|His|Her|My) )[A-Z][\w'’-]* (?:NHS )?)"  # "The NHS trust"
    r"((?<=NHS )(?:foundation trust|trust)|(?<!NHS )(?:county|city|borough|district) council)\b")
_TRANSLATION = re.compile(  # "In English: “…”", "That translates as: “…”", "Translated, that means: “…”"
    r"\b(?:[Tt]ranslation|[Tt]ranslated|[Tt]ranslates as|[Ii]n English|[Ii]n Welsh)"
    r"(?:,? (?:that|this|it) (?:means|is|reads))?\s*[:-]\s*$")

_OPEN, _CLOSE, _EITHER, _WEAK_CLOSE, _NONE = range(5)


@dataclass(slots=True)
class _Segment:
    """One run of quoted text inside a paragraph; `end_mark` is None when never closed."""

    mark: int
    end_mark: int | None
    paragraph: int
    start: int = 0
    end: int = 0
    stop: int | None = None  # where a run left open stops before its paragraph's end
    restart: bool = False  # the run continues the one before it in the same paragraph


def extract_quotes(text: str, writer: str | None = None, heading: str = "") -> list[Quote]:
    """Return the article's direct quotations, in order, each with its speaker when one is stated: those in
    quote marks, the lines of a transcript ("Jack Penhaligon: Minister, has the Department…") and an interview's
    answers. `writer` is the byline's name: in a first-person piece, "“…,” I told him" is the writer's; `heading` is
    the headline and the lines under it, which may say the piece is an interview and with whom ("Q&A: Hartwell's
    Sunita Marwaha on …", "Interview by Tom Fennimore")."""
    paragraphs = _paragraphs(text)
    named = _capital_bodies(_blank_nicknames(text))  # same offsets, nicknames' marks gone
    segments = [seg for i, (start, end) in enumerate(paragraphs) for seg in _scan(named, start, end, i)]
    lines = labelled_lines(text, paragraphs)
    answers = interview_answers(text, paragraphs, heading)
    if not segments and not lines and not answers:
        return []  # most articles without quote marks: no speakers to work out
    speakers = ArticleSpeakers(named, paragraphs, [(seg.start, seg.end) for seg in segments], writer)
    marked = _marked(text, named, segments, paragraphs, speakers) if segments else []
    transcript = transcript_quotes(text, lines, speakers)
    if transcript:  # a transcript's lines say who speaks: they are no questions and answers to guess at
        spoken = {quote.spans[-1][1] for quote in transcript}
        answers = interview_answers(text, [p for p in paragraphs if p[1] not in spoken], heading)
    marked, interview = merge_answers(marked, interview_quotes(text, paragraphs, answers, speakers, heading))
    return sorted(marked + transcript + interview, key=lambda quote: quote.start)


def _marked(
    text: str, named: str, segments: list[_Segment], paragraphs: list[tuple[int, int]], speakers: ArticleSpeakers
) -> list[Quote]:
    """Group the quote-mark segments into quotations and attribute each."""
    groups = _group(named, segments, paragraphs, speakers)
    quotes: list[Quote] = []
    previous = NOBODY
    previous_paragraph = previous_end = -2
    turns: list[Turn] = []  # the full quotations so far, for an exchange of questions and answers
    for group in groups:
        last = group[-1]
        if last.end_mark is not None:
            last.end = _strip(text, last.start, last.end, ",;")[1]  # “…care,” he said.
        group = [seg for seg in group if seg.end > seg.start]  # a mark around only a comma quotes nothing
        if not group:
            continue
        first = group[0]
        parts = [text[seg.start : seg.end] for seg in group]
        partial = is_partial(parts, text, first.mark)
        mention = speakers.attribute(_marks(group))
        speaker = speakers.resolve(mention, first.mark)
        impersonal = mention is not None and mention.kind == "pronoun" and mention.name in ("it", "they")
        if previous.name is not None and _TRANSLATION.search(text, max(0, first.mark - 40), first.mark):
            speaker = previous  # “Rydym yn falch …” / In English: “We are very proud …”: the same words
        elif (mention is None or impersonal) and not partial:
            starts_paragraph = speakers.opens_paragraph(first.mark)
            follows_quote = previous_paragraph == first.paragraph or (
                starts_paragraph and previous_paragraph == first.paragraph - 1
            )
            if follows_quote and previous.name is not None and not _introduced(text, previous_end, first.mark):
                # an unattributed quote, or one "it added" / "they said", continues the previous speaker, unless it
                # answers a question put to someone else or puts the next question back
                speaker = other_turn(turns, first.paragraph, is_question(parts[-1])) if starts_paragraph else None
                speaker = speaker or previous
            elif mention is None:
                speaker = speakers.recent_subject(first.mark)
                gap = range(previous_paragraph + 1, first.paragraph)  # a line of narrative, perhaps a crosshead
                narrative = [n for n in gap if not _crosshead(text[slice(*paragraphs[n])])]
                if (speaker.name is None and previous.name and starts_paragraph and len(narrative) == 1 and len(gap) < 3
                        and not speakers.names.names_another(*paragraphs[narrative[0]], previous.name)):
                    speaker = previous  # a profile's quote under a line of narrative that names no one else
            else:
                under = previous_paragraph == first.paragraph - 1 and speakers.sentence_opens_paragraph(first.mark)
                speaker = _impersonal(speakers, mention.name, first.mark, previous if under else NOBODY)
        quotes.append(
            Quote(
                text=_join(parts, [text[a.end : b.start] for a, b in itertools.pairwise(group)]),
                speaker=speaker.name,
                role=speaker.role,
                partial=partial,
                spans=tuple((seg.start, seg.end) for seg in group),
                speaker_kind=speaker.kind,
            )
        )
        if not partial or speaker.name:  # an unattributed phrase in the narrative ("spinning plates") hands on nothing
            previous, previous_paragraph, previous_end = speaker, group[-1].paragraph, group[-1].end
        if not partial:
            turns.append(Turn.of(text, (first.paragraph, group[-1].paragraph), group[-1].end, parts[-1], speaker))
    return quotes


def _impersonal(speakers: ArticleSpeakers, pronoun: str, mark: int, above: Speaker) -> Speaker:
    """Whom "It reads:" / "They added:" stand for: the body or family whose quotation is right `above` (NOBODY if
    none), else the writing or the body just named ("It reads:" after "a statement from X")."""
    if above.kind == ORGANISATION or (pronoun == "they" and (above.name or "").lower().rsplit(" ", 1)[-1] in FAMILIES):
        return above
    speaker = (speakers.written if pronoun == "it" else speakers.unnamed_they)(mark)
    return speaker if speaker.name else speakers.recent_org(mark)


def _introduced(text: str, since: int, mark: int) -> bool:
    """Whether a cue verb of its own brings a quotation in after the quotation before it ("…,” I told him. On the
    eighth day he looked up and asked, “…”): it is someone's, though whose was not read, so not the one before's."""
    before = text[max(since, mark - 40) : mark].rstrip()
    return before[-1:] in (",", ":") and any(m.end() == len(before) - 1 for m in CUE.finditer(before))


def _crosshead(paragraph: str) -> bool:
    """A sub-heading between paragraphs ("Complex needs"): a few words and no sentence's end."""
    return len(paragraph.split()) <= 8 and paragraph.rstrip()[-1:] not in ".!?:;”’\"'"


def _blank_nicknames(text: str) -> str:
    """Blank out each nickname between a first name and a surname, keeping every offset in place."""
    pieces: list[str] = []
    done = 0
    for m in _NICKNAME.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].split()  # the word before: a first name or an initial
        if before and before[-1][0].isupper():
            pieces += [text[done : m.start()], " " * (m.end() - m.start())]
            done = m.end()
    return "".join([*pieces, text[done:]]) if pieces else text


def _capital_bodies(text: str) -> str:
    """Spell "Harlingford Hospitals NHS foundation trust" and "Brackenshire county council", as some papers print
    them, as the bodies' names, capitalised: the speakers are read from this copy, every offset in place, and the
    quotations from the page's own text."""
    return _LOWER_BODY.sub(lambda m: m[1] + m[2].title(), text)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Split the body into paragraph offsets.

    Blank lines separate paragraphs; so does a single line break after a sentence or before a
    quote mark (some sources use one newline per paragraph), while other line breaks are wraps.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        blank = brk.group().count("\n") > 1
        after_sentence = brk.start() > 0 and text[brk.start() - 1] in _LINE_END
        before_quote = brk.end() < len(text) and text[brk.end()] in _LINE_START
        if blank or after_sentence or before_quote:
            spans.append((start, brk.start()))
            start = brk.end()
    spans.append((start, len(text)))
    return [span for span in (_strip(text, a, b) for a, b in spans) if span[0] < span[1]]


def _classify(text: str, pos: int, start: int, end: int) -> int:
    """Decide from the neighbouring characters whether the mark at `pos` opens, closes or neither."""
    mark = text[pos]
    prev = text[pos - 1] if pos > start else " "
    nxt = text[pos + 1] if pos + 1 < end else " "
    opens = (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace()
    closes = (nxt.isspace() or nxt in _CLOSE_CONTEXT) and not prev.isspace()
    if mark in _DOUBLE:
        if opens != closes:
            return _OPEN if opens else _CLOSE
        if prev.isspace() and nxt.isspace():
            return _EITHER  # a mark adrift between spaces ("… better. “") closes an open quotation
        if mark in _OPEN_GLYPHS:
            return _OPEN
        return _CLOSE if mark in _CLOSE_GLYPHS else _EITHER  # a straight mark: the state decides
    if prev.isalnum() and nxt.isalnum():
        return _NONE  # don't, O'Neill, the 1990’s
    if opens:
        return _NONE if prev.isspace() and _ELISION.match(text, pos + 1, end) else _OPEN
    if prev == ":" or (prev.isspace() and pos - 2 >= start and text[pos - 2] == ":"):
        return _OPEN  # said:' There is …
    if closes:
        if prev in "sS" and nxt.isspace() and pos + 2 < end and text[pos + 2].isalpha():
            if _ATTRIBUTION_START.match(text, pos + 2, end):
                return _CLOSE  # "… for the nurses' she said"
            if text[pos + 2].islower():
                return _NONE  # a plural possessive: "both organisations' thinking", "the councils’ funding"
            return _WEAK_CLOSE  # "… the 1990s' Smith said": it may close
        return _CLOSE
    return _OPEN if mark in _OPEN_GLYPHS and not nxt.isspace() else _NONE


def _scan(text: str, start: int, end: int, paragraph: int) -> list[_Segment]:
    """Return the top-level quoted runs of one paragraph."""
    marks = [(m.start(), text[m.start()] in _DOUBLE) for m in _MARK.finditer(text, start, end)]
    kinds = [_classify(text, pos, start, end) for pos, _ in marks]
    # A weak closer (councils’ funding) is an apostrophe when a real single closer follows it.
    closer_follows = [False] * (len(marks) + 1)
    for i in range(len(marks) - 1, -1, -1):
        closer_follows[i] = closer_follows[i + 1] or (kinds[i] == _CLOSE and not marks[i][1])
    segments: list[_Segment] = []
    stack: list[bool] = []  # one entry per open quotation, True for the double-mark family
    depth = {True: 0, False: 0}  # open quotations per family, so membership tests stay O(1)
    opened = 0
    rescans = 0
    i = 0
    while i < len(marks):
        pos, double = marks[i]
        kind = kinds[i]
        if kind == _EITHER:
            kind = _CLOSE if depth[double] else _OPEN
        elif kind == _WEAK_CLOSE:
            kind = _CLOSE if depth[False] and not closer_follows[i + 1] else _NONE
        after_sentence = _follows_sentence_end(text, start, pos)
        if kind == _OPEN and stack == [double] and after_sentence:
            # “… this step. “We want …: a paragraph break lost in pasting, not a quote inside the quote
            _restart_run(segments, marks[opened][0], pos, paragraph)
            opened = i
        elif kind == _OPEN:
            if not stack:
                opened = i
            stack.append(double)
            depth[double] += 1
        elif kind == _CLOSE and stack and (depth[double] or after_sentence):
            # a closer of the other family after a sentence end (‘… the bill." There …) still ends it
            while depth[double]:
                family = stack.pop()
                depth[family] -= 1
                if family is double:
                    break
            else:
                stack.clear()
                depth = {True: 0, False: 0}
            if not stack:
                _close_run(segments, marks[opened][0], pos, paragraph)
        i += 1
        if i == len(marks) and stack:
            if _runs_to_end(text, start, marks[opened]) or rescans == _MAX_RESCANS:
                _close_run(segments, marks[opened][0], None, paragraph)
            else:
                # A single mark left open mid-paragraph is more likely an apostrophe: scan again without it.
                if segments and segments[-1].restart and segments[-1].mark == marks[opened][0]:
                    segments.pop()  # and the run it restarted ends where it stood
                kinds[opened] = _NONE
                stack.clear()
                depth = {True: 0, False: 0}
                rescans += 1
                i = opened + 1
    for seg in segments:
        stop = seg.stop if seg.stop is not None else end if seg.end_mark is None else seg.end_mark
        seg.start, seg.end = _strip(text, seg.mark + 1, stop)
    return [seg for seg in segments if seg.start < seg.end]


def _follows_sentence_end(text: str, start: int, pos: int) -> bool:
    """Tell whether the mark at `pos` comes right after a sentence's end (". “We…" / "bill.' There")."""
    before = pos - 1
    while before > start and text[before].isspace():
        before -= 1
    return before >= start and text[before] in _SENTENCE_END


def _restart_run(segments: list[_Segment], mark: int, pos: int, paragraph: int) -> None:
    """End the run opened at `mark` just before `pos` and start its next part there."""
    _close_run(segments, mark, None, paragraph, stop=pos)
    segments.append(_Segment(pos, None, paragraph, restart=True))


def _close_run(
    segments: list[_Segment], mark: int, end_mark: int | None, paragraph: int, stop: int | None = None
) -> None:
    """End the run that opened at `mark`: a restarted run (see `_scan`) is already in the list."""
    if segments and segments[-1].mark == mark and segments[-1].restart:
        segments[-1].end_mark, segments[-1].stop = end_mark, stop
    else:
        segments.append(_Segment(mark, end_mark, paragraph, stop=stop))


def _runs_to_end(text: str, start: int, opener: tuple[int, bool]) -> bool:
    """Tell whether a quotation left open runs to the paragraph's end (else its mark was an apostrophe)."""
    first, first_double = opener
    lead = text[max(start, first - 3) : first].rstrip()
    # said: 'There is … / said, 'Persistent … / he said. 'Multiply … open a quotation that runs to the paragraph's
    # end (the next paragraph reopens it)
    introduced = lead.endswith(":") or (lead.endswith((",", *_SENTENCE_END)) and text[first + 1 : first + 2].isupper())
    return first_double or first == start or introduced


def _strip(text: str, start: int, end: int, trailing: str = "") -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace (nor ends with a `trailing` mark)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def _group(
    text: str, segments: list[_Segment], paragraphs: list[tuple[int, int]], speakers: ArticleSpeakers
) -> list[list[_Segment]]:
    """Join the runs that form one quotation: continued paragraphs and quotes split by attribution."""
    groups: list[list[_Segment]] = []
    for seg in segments:
        if groups and _continues(text, groups[-1], seg, paragraphs, speakers):
            groups[-1].append(seg)
        else:
            groups.append([seg])
    return groups


def _continues(
    text: str,
    group: list[_Segment],
    seg: _Segment,
    paragraphs: list[tuple[int, int]],
    speakers: ArticleSpeakers,
) -> bool:
    """Tell whether `seg` is the next part of the quotation `group`."""
    last = group[-1]
    if seg.restart:
        return True
    if last.end_mark is not None:
        # “…,” Smith said. “…” is one quotation; “…,” Smith said. “…,” Jones replied. is two
        return (
            seg.paragraph == last.paragraph
            and (text[seg.mark] in _DOUBLE) == (text[last.mark] in _DOUBLE)  # not a title in single marks: "report,
            and _is_attribution_gap(text, last, seg)  # ‘State of Care’, the CQC said it had “not been …”"
            and (seg.end_mark is None or speakers.attribution_after(seg.end_mark) is None)
        )
    if seg.paragraph != last.paragraph + 1 or seg.mark != paragraphs[seg.paragraph][0]:
        return False
    if text[seg.start].islower():
        return False  # a fragment ("“tremendous change” is …") is not the next paragraph of a quotation
    # A quote left open continues in a paragraph that opens with a quote mark, unless both carry an
    # attribution: then the first was left open by mistake and the second is someone else's.  The
    # attribution of a quote running over paragraphs sits in or before its first paragraph.
    # When both name the same person ("…,” Pearson continued.), it is still one quotation.
    opening = list(itertools.takewhile(lambda part: part.paragraph == group[0].paragraph, group))
    here, before = speakers.attribute(_marks([seg])), speakers.attribute(_marks(opening))
    if not (here and before):
        return True
    speaker = speakers.resolve(here, seg.mark).name
    return speaker is not None and speaker == speakers.resolve(before, opening[0].mark).name


def _marks(group: list[_Segment]) -> list[tuple[int, int | None]]:
    """Return where each part of a quotation opens and closes (None when it is never closed)."""
    return [(seg.mark, seg.end_mark) for seg in group]


def _is_attribution_gap(text: str, before: _Segment, after: _Segment) -> bool:
    """Tell whether the text between two runs is only a short attribution (", he said. ")."""
    assert before.end_mark is not None
    gap = text[before.end_mark + 1 : after.mark]
    words = _WORD.findall(gap)
    # a sentence the attribution cuts in two ("…now,” she says later, back in the car, eating, “except that…") may
    # carry more of the scene than one cut between sentences, but not a clause that reports more ("adding that …")
    halved = text[before.end - 1] == "," and text[after.start : after.start + 1].islower() and "that" not in words
    if len(words) > _GAP_MAX_WORDS and not halved:
        return False
    if words and words[-1].lower() == "that":
        return False  # “…,” he said, adding that “a fragment”: reported speech, not the next part
    if gap.rstrip()[-1:] == ":" or (text[before.end - 1] in ".?!" and gap.rstrip()[-1:] == ","):
        return False  # “…change.” She adds, “…”, and “…”, Cllr Lee replied: “…”: the clause introduces the next
    return is_attribution_gap(gap)


def _join(parts: list[str], gaps: list[str]) -> str:
    """Join the parts of a split quotation as the reader should see them (`gaps` is the text between them).

    "…the whole answer,” she said. “But if…" reads "…the whole answer. But if…": a capitalised
    continuation starts a new sentence; a lower-case one continues it after a space.  The comma that
    handed over to the attribution is not the speaker's, except before "I" when the attribution runs on
    with a comma ("I'm not a nuisance,” she said, “I just didn't know what to do" keeps "nuisance, I just";
    "…for everyone,” he said. “I want…" reads "…for everyone. I want…").
    """
    joined = parts[0]
    for part, gap in zip(parts[1:], gaps, strict=True):
        i_part = _PRONOUN_I.match(part.lstrip("‘’'\"“”(["))
        comma = joined.rstrip(" ").endswith(",") and i_part and not gap.rstrip(" ‘’'\"“”").endswith(".")
        joined = joined.rstrip(" ,;") + ("," if comma else "")
        if (_starts_sentence(part) or (i_part and not comma)) and joined[-1:] not in _SENTENCE_END and (
            joined[-1:] not in "\"'”’—–-:"
        ):
            joined += "."
        joined += " " + part
    return joined


def _starts_sentence(part: str) -> bool:
    """Tell whether a quotation's next part opens a sentence (a capital, but not the pronoun "I")."""
    word = part.lstrip("‘’'\"“”([").split(" ", 1)[0]
    return bool(word) and word[0].isupper() and not _PRONOUN_I.match(word)
