"""Normalise pasted text once, at ingest (odd spaces, control characters, escapes), lines into furniture keys,
and run-together names into the spelling the page shows ("CommunityCare" -> "Community Care")."""

from __future__ import annotations

import re
import unicodedata

from bot.core.quotes.lexicon import MONTHS

# Terminal escape sequences (CSI "ESC[31m", OSC "ESC]0;title BEL", two-byte "ESC c") and the 8-bit CSI.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x9b[0-?]*[ -/]*[@-~]"
)
# Every line boundary str.splitlines() knows becomes "\n", so later steps see one kind of break.
_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 and C1 controls except tab and newline, zero-width characters, soft hyphens, bidi embeddings,
# overrides and isolates, word joiners and byte-order marks: invisible on the page, harmful in a terminal.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# No-break, narrow, figure, em/en and ideographic spaces read as one plain space.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# A site's web address, alone: "ashcombemercury.co.uk", "www.dailyledger.com/"
WEB_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?(?P<label>[a-z0-9][a-z0-9-]*)(?:\.[a-z]{2,6}){1,2}/?", re.I)
_CAPITALISED_NEXT = re.compile(r" [A-Z]")  # a name going on: "Hollinsby" + " Village"
_CAPITALISED_BEFORE = re.compile(r"\b(?!The )[A-Z][\w'’-]* $")  # or begun before it, but for its "The"
_DOUBLE_SPACES = re.compile(r"(?<=\S) {2,}")
# UTF-8 shown as Windows-1252 or Latin-1 ("JosÃ© GarcÃ­a", "Â£300", "donâ€™t"): a lead character and the
# continuation characters of one UTF-8 sequence, each standing for the byte it is in Windows-1252 or Latin-1.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a"
    "\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)
_PASSES = 4
# Every character a pass could change or start a change at, in one class (a mojibake lead is any of À to ô): most
# texts reach normalise_text already plain (the cleaner and the metadata reader get the page the pipeline
# normalised), and one scan for these and for a double space tells so.
_SUSPECT = re.compile(
    "[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\x1b\x9b\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u00c2-\u00f4]"
)

_MONTH_NAMES = "|".join(rf"{m[:3]}(?:{m[3:]})?" for m in MONTHS) + "|sept"
# What changes from page to page of one site: dates in any form (a month with its day), years, clock times.
_KEY_DATE = re.compile(
    rf"\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b|\b\d{{1,2}}[:.]\d\d(?:\s?[ap]\.?m\b)?(?!\d)|\b(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b|\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}\b"
)
_KEY_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_COUNTER_WORDS = 3  # a line of at most this many words holds counters, not content, in its numbers
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CAMEL_PART = re.compile(r"[A-Z][a-z]{3,}")  # split only into whole words: "LocalGov" may be the brand's spelling


def normalise_text(text: str) -> str:
    """Make pasted text plain: one kind of line break, plain single spaces, no invisible or control characters,
    and text saved in the wrong encoding ("Â£300", "donâ€™t") read back.

    Done once, where every article enters the pipeline, so stored text, titles and names never carry a
    non-breaking space into a summary or an escape sequence into someone's terminal. Repeated until nothing
    changes: a page saved wrongly twice needs two readings, and removing a character can join a sequence.
    """
    if "  " not in text and not _SUSPECT.search(text):
        return text
    for _ in range(_PASSES):
        plain = _plain(_MOJIBAKE.sub(_decoded, text))
        if plain == text:
            break
        text = plain
    return text


def _plain(text: str) -> str:
    text = _BREAKS.sub("\n", text)
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return _DOUBLE_SPACES.sub(" ", text)


def _decoded(match: re.Match[str]) -> str:
    """Read the bytes a mis-decoded character sequence stands for as UTF-8; leave it when they are not UTF-8."""
    raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in match.group())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def normalise_field(text: str | None) -> str | None:
    """Normalise a one-line field (title, author, publisher): also fold tabs and breaks into single spaces."""
    if text is None:
        return None
    return " ".join(normalise_text(text).split()) or None


def line_key(line: str) -> str:
    """Normalise a line so furniture matches across articles: case, punctuation and changing numbers ignored.

    Dates, years and times change on every page of a site, and a bare number on a line of a few words is a
    counter ("Page 2 of 3", "12 comments"): both are dropped. Other numbers are what make a headline or a
    sentence unique ("Care home fees rise by 4%" / "by 6%"), so they stay in the key.
    """
    text = _KEY_DATE.sub(" ", unicodedata.normalize("NFKC", line).casefold())
    tokens = [t.replace(",", "") for t in _KEY_TOKEN.findall(text)]
    if sum(1 for t in tokens if not t[0].isdigit()) <= _COUNTER_WORDS:
        tokens = [t for t in tokens if not t[0].isdigit()]
    return " ".join(tokens)


_ACRONYM = 3  # letters at most of a word in capitals kept as an acronym: "ITV", "NHS"
_SMALL_WORDS = frozenset("THE AND OF FOR IN ON AT TO".split())  # "HEALTH AND CARE" is "Health and Care"


def readable_name(name: str | None, page: str) -> str | None:
    """Show a run-together name as the page writes it ("CommunityCare" -> "Community Care", the address
    "ashcombemercury.co.uk" -> "Ashcombe Mercury"), else split it, or keep the address; one in capitals as the page
    writes it in small letters, else with its long words capitalised."""
    if name and (address := WEB_ADDRESS.fullmatch(name)):
        return _as_written(r"[\s-]?".join(map(re.escape, address["label"].replace("-", ""))), page) or name
    if name and name.isupper() and " " in name:  # a masthead's "THE DAILY CLARION"; "ITV NEWS" keeps "ITV"
        return _as_written(r"\s+".join(map(re.escape, name.split())), page) or " ".join(
            word.capitalize() if len(word) > _ACRONYM or (n == 0 and word == "THE") else word.lower()
            if word in _SMALL_WORDS else word for n, word in enumerate(name.split()))
    if not name or " " in name or not _CAMEL.search(name):
        return name
    spaced = _CAMEL.sub(" ", name)
    if not all(_CAMEL_PART.fullmatch(part) for part in spaced.split()):
        return name
    return _as_written(r"\s+".join(map(re.escape, spaced.split())), page) or spaced


def _as_written(pattern: str, page: str) -> str | None:
    """The page's own spelling of a name, its words capitalised and standing alone: "community care" in prose is
    not the name, "COMMUNITY CARE" in a banner is no more readable, and "Hollinsby" in "Hollinsby Village" is
    a longer name's word."""
    for m in re.finditer(r"(?<!\w)" + pattern + r"(?!\w)", page, re.I):
        longer = _CAPITALISED_NEXT.match(page, m.end()) or _CAPITALISED_BEFORE.search(page, 0, m.start())
        if not longer and all(w[0].isupper() and not w.isupper() for w in m.group().split()):
            return " ".join(m.group().split())
    return None
