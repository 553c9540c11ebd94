"""A pasted page as blocks: its non-empty lines, hard-wrapped lines of one paragraph joined, each read for its
shape (prose, a short sentence, a long line that lost its full stop, a bullet, a heading) and flagged as furniture
or a byline or date line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from bot.core.bylines import MEDIA_WORD, byline, desk_byline, hosted_by, is_job_title, person_with_role
from bot.core.dates import is_dateline
from bot.core.furniture import CLOSERS, ends_sentence, has_quote, is_furniture
from bot.core.pullquotes import CREDITED

# The boundaries str.splitlines() uses, so our offsets agree with anyone who splits lines themselves.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_FIELDS = re.compile(r"\s+[·|•]\s+")
BULLETS = "•·*-–—▪►‣◦"

_PROSE_WORDS = 8  # a sentence-shaped line this long is prose
_LONG_WORDS = 21  # an unpunctuated line this long is prose that lost its full stop (headlines are shorter)
_WRAP_CHARS = 40  # a line shorter than this is never a hard-wrapped piece of a paragraph
# A line break inside a block, and a word the page's wrapping broke at it with a hyphen: "aver-" of "average"
_WRAP = re.compile(r"(?<=[^\W\d_]{2})(-)[ \t]*\n[ \t]*(?=[a-z])|[ \t]*\n[ \t]*")
_MARKED = re.compile(r"[@:|/]|www\.")  # what labels, addresses and links have and running text seldom does
_MID_SENTENCE = re.compile(r"[a-z,]$")  # a line that stops mid-sentence: a word or a comma last
_COLUMN_SHARE = 0.6  # in narrow columns, a wrapped line fills at least this share of the width
_NARROWEST = 20  # no column is read as narrower
_COLUMN_LINES = 20  # lines enough to tell a page's column width
_ACROSS = 1.25  # a line this much wider than the column is set across columns (a headline), not in one
_LONGEST_WRAPPED = 100  # no hard-wrapped page has lines longer than this


class Kind(Enum):
    """How a block of lines reads."""

    FURNITURE = "furniture"
    PROSE = "prose"  # a full sentence or more
    SHORT = "short"  # a short line that ends like a sentence
    LONG = "long"  # a long line that lost its full stop
    BULLET = "bullet"
    HEADING = "heading"  # short, unpunctuated: a headline, sub-heading, list item or label


BODY_KINDS = frozenset({Kind.PROSE, Kind.SHORT, Kind.LONG, Kind.BULLET})


@dataclass(slots=True)
class Block:
    """One paragraph of the page: a line, or hard-wrapped lines joined, located in the raw text."""

    start: int
    end: int
    text: str
    lines: list[str]
    furniture: bool = False
    meta: bool = False  # a byline or date line
    # furniture only for a word that headlines use too ("Junk food advertising ban delayed", "Winter newsletter: …")
    worded: bool = False
    kind: Kind = Kind.HEADING
    words: int = 0


def _is_meta(text: str) -> bool:
    """A byline or date line, or a row of fields holding one ("Posted in News and stories · 18 November 2026")."""
    return len(text) <= 160 and (is_dateline(text) or byline(text) is not None or hosted_by(text) is not None
                                 or desk_byline(text) or any(map(is_dateline, _FIELDS.split(text)[1:])))


def page_blocks(raw: str, repeated: frozenset[str]) -> list[Block]:
    """Split the page into non-empty lines, joining hard-wrapped lines of one paragraph into a block."""
    lines: list[Block] = []
    for m in _LINE.finditer(raw):
        run = m.group()
        stripped = run.strip()
        if stripped:
            start = m.start() + len(run) - len(run.lstrip())
            line = Block(start, start + len(stripped), stripped, [stripped])
            line.meta = _is_meta(stripped)
            line.furniture = line.meta or is_furniture(stripped, repeated)
            line.worded = line.furniture and not line.meta and not is_furniture(stripped, repeated, by_words=False)
            lines.append(line)
    for i, line in enumerate(lines):  # "Rhys Penhallow and Cerys Morgan" over the date, or over "Political reporter"
        following = lines[i + 1 : i + 3]
        job = following[:1] if following and is_job_title(following[0].text) else []
        below = following[len(job)] if len(following) > len(job) else None
        under = following[0].text if following else ""  # "Lucy Tarrant" over "Kelbridge Sound News": her newsroom
        desk = len(under.split()) <= 5 and under.istitle() and MEDIA_WORD.search(under) is not None
        if not line.meta and below and ((below.meta and is_dateline(below.text)) or desk) and person_with_role(
            line.text
        ):
            for credit in (line, *job):
                credit.meta = credit.furniture = True
    column = _column_width([len(b.text) for b in lines if not b.furniture])
    reach = _wrap_reach(column)
    long_lines = [b.text for b in lines if len(b.text) >= reach and not b.furniture]  # a footer's copyright is not
    # set in the column
    wrapped = (
        len(long_lines) >= 4
        and max(len(t) for t in long_lines) <= _LONGEST_WRAPPED
        and sum(not ends_sentence(t) for t in long_lines) >= len(long_lines) / 2
    )
    across = min(_LONGEST_WRAPPED, int(_ACROSS * (column or _LONGEST_WRAPPED))) if wrapped else None
    blocks: list[Block] = []
    for line in lines:
        if blocks and _continues(raw, blocks[-1], line, across, reach):
            last = blocks[-1]
            last.end = line.end
            last.lines.append(line.text)
            last.text = raw[last.start : line.end]
        else:
            blocks.append(line)
    return blocks


def flowed(text: str) -> str:
    """A block's hard-wrapped lines as the one line of text they are: "aver-" and "age" make "average"."""
    return _WRAP.sub(lambda m: "" if m[1] else " ", text) if "\n" in text else text


def _column_width(widths: list[int]) -> int | None:
    """The width of the page's text: nine lines in ten fit in it (None when too few lines tell)."""
    return sorted(widths)[int(0.9 * (len(widths) - 1))] if len(widths) >= _COLUMN_LINES else None


def _wrap_reach(column: int | None) -> int:
    """The length below which a line is never a hard-wrapped piece of a paragraph: _WRAP_CHARS, or less on a page
    set in narrow columns (an e-paper's 38 characters), where a wrapped line is most of the column's width."""
    return _WRAP_CHARS if column is None else max(_NARROWEST, min(_WRAP_CHARS, int(_COLUMN_SHARE * column)))


def _continues(raw: str, previous: Block, line: Block, across: int | None, reach: int) -> bool:
    """Say whether a line carries on the previous line's paragraph (the page was hard-wrapped). On a page wrapped
    in columns (`across` set), a line longer than that is set across them, as a headline is, not in a column."""
    before, first = previous.lines[-1], line.text[0]
    # a wrapped line's piece is no menu or tagline ("for older people run by …"): it goes on a sentence
    piece = line.furniture and not line.meta and first.islower() and not ends_sentence(before) and not (
        _MARKED.search(line.text)) and len(line.text.split()) >= 3  # but "in hospital. Picture: Sam Whitley", an
    # address, a link or a lone button ("e-mail") is furniture
    if previous.furniture or (line.furniture and not piece) or len(_BREAK.findall(raw[previous.end : line.start])) != 1:
        return False
    if len(before) < reach or ends_sentence(before) or (not first.isalnum() and first not in "\"'“‘("):
        return False
    # a capital goes on a sentence that stopped mid-way ("… run by Fernbrook Care" / "Group, was placed"); not a
    # headline's closing quote mark, a phone number, or a label in capitals ("SERVICES THIS SUNDAY")
    opening = line.text.split()[0].strip("\"'“‘(")
    capital = _MID_SENTENCE.search(before) is not None and not (len(opening) > 1 and opening.isupper())
    # and no wrap broke a line whose next word fitted on it: a headline over a longer standfirst
    fitted = len(before) + 1 + len(line.text.split()[0]) <= len(line.text)
    return first.islower() or (across is not None and len(line.text) >= 20 and len(before) <= across and capital
                               and not fitted)


def _credited_sentence(text: str) -> bool:
    """Say whether a line is a quoted sentence with its speaker after a dash ("“…he still hasn't had an
    assessment.” — Joanne Pilkington"): a paragraph of the story, though its last word is a name."""
    credit = CREDITED.search(text)
    return credit is not None and ends_sentence(text[: credit.start() + 1])


def block_kind(block: Block) -> Kind:
    """Read a block's shape: sentence or not, long or short, bullet or heading."""
    if block.furniture:
        return Kind.FURNITURE
    text = block.text
    if text[0] in BULLETS and text[1:2] in (" ", "\t"):
        return Kind.BULLET
    if text.rstrip(CLOSERS).endswith("?") and block.words <= 20 and not has_quote(text):
        return Kind.HEADING  # "What happens next?" reads as a sub-heading, and questions make headlines
    if ends_sentence(text) or _credited_sentence(text):
        return Kind.PROSE if block.words >= _PROSE_WORDS else Kind.SHORT
    return Kind.LONG if block.words >= _LONG_WORDS else Kind.HEADING
