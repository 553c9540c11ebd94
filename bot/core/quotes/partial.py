"""Whether a quotation is whole or partial: a scare quote, a fragment inside a sentence or a title.

A quotation is partial when it does not start with a capital or a digit (unless it runs on past the end of the
reporter's sentence into one of its own: 'were “delivering more than ever. Patients are not imagining it.”' is the
speaker's words, not a fragment, and neither is a sentence taken up mid-speech after an ellipsis: 'he went on:
“…and that is why we decided to close it.”'), or is a short run of capitalised words
("All Bets Are Off", "Justice Against Sponsors of Terrorism Act"): a title, not something said (but a one-word
answer said as a sentence is: "she said: ‘No.’"). Of the rest, one of
fewer than four words is whole only when it is said as a sentence of its own: it opens a sentence (“Not once,” she
said; she asked: “Checking how?”) or ends one (‘Tired, but good.’); "a “Do not resuscitate” order" is a phrase.
"""

from __future__ import annotations

import re

from bot.core.quotes.lexicon import CUE, DOCUMENTS

_WORD = re.compile(r"\w+")
_TITLE_WORD = re.compile(r"\w+(?:[’']\w+)*")  # "Can’t" is one word of "Care Can’t Wait"
_TITLE_WORDS = 10  # a capitalised run longer than this is shouting, not a title
# The words a title leaves in lower case (articles, conjunctions, short prepositions): "Care at Home" is a title,
# "There he is" is said.
_TITLE_LOWER = frozenset("a an the and but or nor for of in on at to by up as via per vs with from into".split())
_SENTENCE_START = frozenset(".?!…:\n\"“”‘’'")  # what may stand before a quotation said as a sentence
_SENTENCE_END = frozenset(".?!…")
_FEW_WORDS = 4
# A sentence's end inside the quotation and a capitalised sentence after it: "…can deliver. Patients are…"
_EXCERPT = re.compile(r"\s*(?:\.\.\.|…|\. \. \.)")  # an ellipsis opening the quotation: its start cut away
_RUNS_ON = re.compile(r"\w\w[.?!]\s+[A-Z][a-z]+\s+\w+")
# A document (a report, a strategy, a plan …) named just before, then a comma: the quotation set off after it is its
# title ("The report, ‘Hands off: restrictive practice in the community’, was published"), or right after it ("in the
# report ‘Hands off: …’"); and so is one "entitled" or "called" so
_DOCUMENTS = "|".join(sorted(DOCUMENTS | {"strategy", "plan", "policy", "programme", "framework", "guidance"}))
_DOCUMENT_NAMED = re.compile(
    rf"(?:\b(?:{_DOCUMENTS})\b(?:[^.!?;:“”\"‘’]{{0,120}},)?|\b(?:entitled|titled|called))\s*$", re.I
)


def is_partial(parts: list[str], text: str, mark: int) -> bool:
    """Tell a short embedded phrase, scare quote or title from a full quotation; `parts` are its texts and `mark`
    the offset in `text` of its opening quote mark."""
    first = parts[0].lstrip("‘’'\"“”([…. -–—")
    if not first or not (first[0].isupper() or first.lstrip("£$€")[:1].isdigit()):  # "£135 a year to be told off …"
        # taken up mid-speech ("he went on: '...and that is why we decided …'"): a sentence said, cut at its start
        excerpt = _EXCERPT.match(parts[0]) is not None and _opens_sentence(text, mark)
        return not (excerpt and len(_WORD.findall(" ".join(parts))) >= _FEW_WORDS) and not _RUNS_ON.search(
            " ".join(parts))
    words = [w for part in parts for w in _WORD.findall(part)]
    end = parts[-1].rstrip()[-1:]
    ended = end in _SENTENCE_END
    if end not in ".…" and len(parts) == 1 and _names_document(text, mark):  # a title may ask: "Discharged too soon?"
        return True
    if ended and len(words) == 1 and _opens_sentence(text, mark):  # a one-word answer ("she said: ‘No.’"), though
        return False  # a heading of capitalised words in marks ("‘All Bets Are Off.’") is a title
    titled = [w for part in parts for w in _TITLE_WORD.findall(part)]
    if len(titled) <= _TITLE_WORDS and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_LOWER for w in titled):
        return True
    return len(words) < _FEW_WORDS and not (_opens_sentence(text, mark) or ended)


def _opens_sentence(text: str, mark: int) -> bool:
    """Whether a quote mark opens a sentence: at a paragraph's start, after a sentence's end, a colon or another
    quotation, not inside a sentence."""
    before = text[max(0, mark - 40) : mark].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_START


def _names_document(text: str, mark: int) -> bool:
    """Whether a quotation is a document's title: set off by a comma after the document's noun, with no cue verb
    between ("A survey of 1,200 social workers, ‘Stretched thin: caseloads in 2024’, found"), or "entitled" it."""
    before = text[max(0, mark - 160) : mark]
    named = _DOCUMENT_NAMED.search(before)
    return named is not None and not any(cue["verb"] for cue in CUE.finditer(before, named.start()))
