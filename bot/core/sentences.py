"""Sentence splitting with verbatim offsets, and a sumy tokenizer that needs no NLTK data."""

from __future__ import annotations

import copy
import logging
import re
from functools import lru_cache

import nupunkt

from bot.core.models import Sentence
from bot.core.quotes.lexicon import ABBREVIATIONS, TITLE_ABBREVIATIONS

log = logging.getLogger(__name__)

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Abbreviations after which a full stop never ends a sentence, whatever follows.
_ALWAYS_JOIN = frozenset({"e.g", "i.e", "cf", "viz", "approx", "vs"})
_LEADING_PUNCT = "([{\"“'‘"
_QUOTE_MARK = re.compile(r"[\"“”]")
_OPENING_CONTEXT = frozenset(" \t\n\r([{—–-/")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


@lru_cache(maxsize=1)
def _punkt() -> nupunkt.PunktSentenceTokenizer:
    """Build a news-tuned copy of nupunkt's model once; loading costs far more than splitting an article."""
    # The stock model was trained on legal and web text and lists thousands of ordinary words ("tax.",
    # "series.", "sent.") as abbreviations, so it misses breaks like "income tax. Mr Blair". Keep dotted
    # forms (u.s, e.g, a.m), single letters (initials) and real abbreviations (ABBREVIATIONS). Copy the parameters so
    # other users of nupunkt.load("default") in this process keep the stock model.
    params = copy.deepcopy(nupunkt.load("default")._params)
    keep = {a for a in params.abbrev_types if "." in a or len(a) == 1 or a in ABBREVIATIONS}
    params.abbrev_types.intersection_update(keep)
    params.invalidate_patterns()
    params.freeze_sets()
    tokenizer = nupunkt.PunktSentenceTokenizer(params, include_common_abbrevs=False)
    log.debug("nupunkt model pruned to %d abbreviations", len(params.abbrev_types))
    return tokenizer


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Locate paragraphs (text between blank lines) so sentences never cross one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(body)))
    return [(a, b) for a, b in spans if body[a:b].strip()]


def _opens_quote(text: str, i: int) -> bool:
    """Tell an opening double quote from a closing one by its neighbours (straight quotes look alike)."""
    if text[i] != '"':
        return text[i] == "“"
    after = text[i + 1 : i + 2]
    return (i == 0 or text[i - 1] in _OPENING_CONTEXT) and after != "" and not after.isspace()


def quote_intervals(text: str) -> list[tuple[int, int]]:
    """Find (open, close) positions of the double quotations that both open and close within `text`."""
    intervals: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        i = match.start()
        if _opens_quote(text, i):
            # A second opening mark means the first never closed here (a quote running on from the
            # previous paragraph); only the newest one can pair with a closing mark.
            open_at = i
        elif open_at is not None:
            intervals.append((open_at, i))
            open_at = None
    return intervals


def _joins(previous: str, following: str) -> bool:
    """Say whether nupunkt broke after an abbreviation that never ends a sentence, so the pieces rejoin."""
    previous = previous.rstrip()
    following = following.lstrip()
    if not previous.endswith(".") or not following:
        return False
    words = previous[:-1].rsplit(None, 1)
    token = words[-1].lstrip(_LEADING_PUNCT) if words else ""
    lowered = token.lower()
    if lowered in TITLE_ABBREVIATIONS or lowered in _ALWAYS_JOIN:
        return True
    if lowered == "no":
        return following[0].isdigit()
    # An initial ("J. K. Smith"): a lone capital letter followed by a capitalised word.
    return len(token) == 1 and "A" <= token <= "Z" and following.lstrip(_LEADING_PUNCT)[:1].isupper()


def _split_paragraph(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into (start, end) pieces, re-joining breaks inside quotations or after titles."""
    pieces = list(_punkt().span_tokenize(text))
    quotes = quote_intervals(text) if any(c in text for c in '"“') else []
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged:
            last_start, _ = merged[-1]
            inside_quote = any(a < start <= b for a, b in quotes)
            if inside_quote or _joins(text[last_start:start], text[start:end]):
                merged[-1] = (last_start, end)
                continue
        merged.append((start, end))
    return merged


def split_sentences(body: str) -> list[Sentence]:
    """Split a cleaned body into sentences whose text is exactly body[start:end], paragraph by paragraph."""
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(body)):
        text = body[p_start:p_end]
        for start, end in _split_paragraph(text):
            piece = text[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            offset = p_start + start + (len(piece) - len(piece.lstrip()))
            sentences.append(Sentence(stripped, offset, offset + len(stripped), paragraph))
    return sentences


class OfflineTokenizer:
    """Stand in for sumy's default English tokenizer, which needs NLTK data we cannot download."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        """Give sumy our sentence splitting so its parsers agree with split_sentences."""
        return tuple(s.text for s in split_sentences(text))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Give sumy plain word tokens (letters/digits, inner apostrophes, hyphens and dots kept)."""
        return tuple(_WORD.findall(sentence))
