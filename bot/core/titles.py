"""Gather the title-shaped lines above an article's body, and where each stands, for the headline's pick: a
headline set in capitals over lines, a standfirst under it, not a menu's item, a caption, a live entry or a pull
quote's credit."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from bot.core.blocks import BULLETS, Block, Kind, flowed
from bot.core.bylines import BARE_BY, person_with_role
from bot.core.dates import RELATIVE_TIME, is_dateline, parse_date
from bot.core.furniture import CAPTION, CLOSERS, pattern
from bot.core.headline import BREADCRUMB, CAPITALS_WORDS, SUMMARY_LINES, TOLD, TitleLine, pick_headline, shared_stems
from bot.core.pullquotes import all_quoted
from bot.core.quotes.lexicon import HONORIFICS, is_given_name

_HEADLINE_WORDS = 20  # a headline is shorter than this
_CREDIT_WORDS = 2  # words before a picture credit on a line of its own ("Picture: PA", "Staff photo (PA)")
# A photographer's credit in capitals on a line of its own: "SIMON TRELAWNY FOR THE DAILY LEDGER", "JO LAKE/PA"
_PHOTOGRAPHER = re.compile(r"(?!BY )[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){1,2}(?: FOR THE | ?/ ?)[A-Z][A-Z ]+")
_MENU_ITEMS = 4  # short lines in a row, one under another: a menu laid out one item a line
# Right above a byline or date line, a line may be longer: charities and campaign pages quote a young person and
# say what the report found in one headline ("“I felt …”: young people wait 14 months …, our new report finds")
_BYLINED_HEADLINE_WORDS = 30
_SECTION_WORDS = 4  # a section's name is a few words ("Children and young people"); a trail may end in a headline
_TRAIL_STEP = re.compile(r"\s+[>›»/]\s+")  # what parts a trail's steps: "Home › News › Health"
_ISSUE = re.compile(r"\b(?:issue|vol(?:ume)?\.?|edition)\s*(?:no\.?\s*)?\d", re.I)  # a paper's issue number
# The label over a live page's bullets under its headline ("Summary", "Key points")
_SUMMARY_LABEL = re.compile(r"(?:summary|key points|key events|in short|at a glance|what we know(?: so far)?)\W*", re.I)
# A live page's own headline, above its list of key events: "LIVE: Major incident at …", "Budget 2026 live: …",
# "Strike day two: families tell of cancelled operations – live", "… – as it happened"
_LIVE_HEADLINE = re.compile(r"live\b|[^:]{0,60}\blive:|.+\s[-–—]\s(?:live|as it happened)$", re.I)
_CLOCK = re.compile(r"\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC)?", re.I)  # a live entry's time
_PLAYER = re.compile(r"(?:listen|play|watch)\b", re.I)  # an audio or video player's label over its length
_LIVE_WORDS = 5  # a live page's headline says what is happening; "Live" alone is a label
_HEADLINE_LINES = 3  # a headline set in a narrow column wraps onto this many lines at most
_CAPITALS_LINE = 6  # words on one line of a headline in capitals wrapped in a narrow column: fewer than this
# An obituary's headline is the name its lead opens on ("Peggy Tulloch obituary" over "Peggy Tulloch, who has died
# aged 94, …"): three words, too few for a headline's shape, but the lead says whose it is.
_OBITUARY = re.compile(r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+) obituary")
# a section's label in capitals over the headline ("NEWS"); not "SUBSCRIBER EXCLUSIVE", which may stand under it
_SECTION_LABEL = re.compile(r"(?:LATEST )?NEWS|OPINION|ANALYSIS|FEATURES?|COMMENT|BLOG")
_EMAIL_HEADER = pattern(r"^(?:from|to|cc|subject|sent|date)\s*:")


def _titleish(block: Block, need_lower: bool, over_byline: bool = False, over_summary: bool = False) -> bool:
    """Say whether a block has a headline's shape: 4-20 words (30 right above a byline or date line, or above the
    standfirst right above one), one line, no closing full stop (unless a byline or date line follows it at once:
    "My father voted for him three times. This year he's staying home.")."""
    text = block.text
    longest = _BYLINED_HEADLINE_WORDS if over_byline or over_summary else _HEADLINE_WORDS
    if not 4 <= block.words <= longest or len(block.lines) > _HEADLINE_LINES:  # a headline wraps in a narrow column
        return False
    if text.rstrip(CLOSERS).endswith((":", ";", ",")) or (text.rstrip(CLOSERS).endswith(".") and not over_byline):
        return False
    if text[0] in BULLETS or _EMAIL_HEADER.match(text) or not any(c.isalpha() for c in text):
        return False
    if not need_lower:
        return block.words >= 6
    return any(w[0].islower() and w.isalpha() and len(w) > 1 for w in text.split())


def find_title(blocks: list[Block], first: int) -> str | None:
    """Pick the headline among the title-shaped lines above the body, by structure (see bot.core.headline)."""
    # the opening paragraphs, not a "From:" or credit line between them, say what the headline says
    lead = " ".join(itertools.islice((b.text for b in blocks[first:] if b.kind is Kind.PROSE), 2))
    # a live page's "Summary" or "Key points" heads the bullets under its headline: the headline is above it
    above = next((i for i in range(first) if _SUMMARY_LABEL.fullmatch(blocks[i].text.strip())), first)
    # a live page's lead is its latest entry, which that entry's heading tells better than the page's headline:
    # over "Key events", the headline is the line that says it is live
    if above < first and blocks[above].text.strip().lower().startswith("key events"):
        live = (b.text for b in blocks[:above] if _LIVE_HEADLINE.match(b.text) and b.words >= _LIVE_WORDS
                and b.text.count("•") < 2)  # not the ticker's "LIVE  Campaign launches  •  1.2m letters sent  •  …"
        if (headline := next(live, None)) is not None:
            return headline
    # a trade page's box may stand over its headline instead, which then stands right over the byline below it
    above = first if any(_over_byline(blocks, i) for i in range(above + 1, first)) else above
    # a line cut only for a furniture word is a headline when it tells the lead's story ("Winter newsletter: …"),
    # and so is one the article's date or byline follows at once that tells it fully ("Have your say on …")
    visible = [i for i in range(above) if blocks[i].kind is not Kind.FURNITURE or _tells_lead(blocks, i, lead)]
    # A line followed by a credited caption describes the picture ("Doctor preparing a bed"); one under or after a
    # time heads a live page's entry ("17.32 GMT" / "Summary of the day"); a pull quote and its credit are neither.
    capitals = _capitals_heads(blocks, visible)
    inner = {k for i, j in capitals.items() for k in range(i + 1, j + 1)}
    lines = [  # an obituary's few words among the section labels above it are its headline all the same
        _capitals_line(blocks, i, capitals[i], first) if i in capitals else _title_line(blocks, i, first)
        for i in visible
        if i not in inner and (i in capitals or _obituary_of(blocks[i].text, lead) or (
            not _captioned(blocks, i) and not _live_entry(blocks, i) and not _menu_column(blocks, i)
            and not _section(blocks, i) and not _PHOTOGRAPHER.fullmatch(blocks[i].text)
            and not credits_quote(blocks, i) and not credits_quote(blocks, i + 1)
            and any(_titleish(blocks[i], lower, bylined(blocks, i), _over_summary(blocks, i))
                    for lower in (True, False))))
    ]
    # a line longer than a headline right below a title-shaped line is that headline's standfirst
    lines = [line for n, line in enumerate(lines) if len(line.text.split()) <= _HEADLINE_WORDS
             or not (n and lines[n - 1].position == line.position - 1)]
    return pick_headline(lines, lead)


def _obituary_of(text: str, lead: str) -> bool:
    """Say whether a line is the obituary headline of the person the lead opens on."""
    obituary = _OBITUARY.fullmatch(text.strip())
    return obituary is not None and lead.startswith(obituary["name"])


def credits_quote(blocks: list[Block], i: int) -> bool:
    """Say whether a line names who said the pull quote right above it ("“We are the ward now…”" / "Aisha Kareem,
    senior nurse", or "— Aisha Kareem"): neither the quote nor its credit is a headline, and a body that ends on the
    quote keeps the credit."""
    if not 0 < i < len(blocks):
        return False
    return all_quoted(blocks[i - 1].text) and person_with_role(blocks[i].text.lstrip("—–― ")) is not None


def _menu_column(blocks: list[Block], i: int) -> bool:
    """Say whether a line is an item of a menu laid out one item a line ("Our services" / "Health in your area" / …),
    or of a breadcrumb trail laid out so, which opens on "Home" ("Home" / "Health and social care" / "Nursing")."""
    first = next((n for n in range(i, 0, -1) if not _stacked(blocks, n)), 0)  # where the run of short lines starts
    end = next((n for n in range(i + 1, len(blocks)) if not _stacked(blocks, n)), len(blocks))  # and where it stops
    return end - first >= _MENU_ITEMS or (end - first > 1 and blocks[first].text.strip().lower() == "home")


def _section(blocks: list[Block], i: int) -> bool:
    """Say whether a line repeats an item of the page's menu above it, or the last step of its trail ("Home › News ›
    Children and young people"): the label of the section the article is in, again over the headline."""
    label = blocks[i].text.casefold()
    menu = any(blocks[j].text.casefold() == label and _menu_column(blocks, j) for j in range(i))
    return menu or (blocks[i].words <= _SECTION_WORDS and any(_last_step(blocks[j].text) == label for j in range(i)))


def _last_step(text: str) -> str | None:
    """Return a trail's last step ("Home › News › Health" -> "health"), or None for a line that is no trail."""
    return _TRAIL_STEP.split(text)[-1].casefold() if BREADCRUMB.search(text) else None


def _stacked(blocks: list[Block], j: int) -> bool:
    """Say whether line j and the one above it are short lines with no blank line between, as a menu's items."""
    pair = blocks[j - 1 : j + 1]
    return all(b.words <= 4 and len(b.lines) == 1 and not b.meta for b in pair) and pair[1].start - pair[0].end <= 1


def _live_entry(blocks: list[Block], i: int) -> bool:
    """Say whether a line heads a live page's entry: under its time ("17.32 GMT") or opening with it ("21:15 …")."""
    return under_time(blocks, i) or _CLOCK.match(blocks[i].text) is not None


def under_time(blocks: list[Block], i: int) -> bool:
    """Say whether line i sits right under a live entry's time ("17.32 GMT"), not a player's length ("Listen to this
    article" / "03:24")."""
    played = i > 1 and _PLAYER.match(blocks[i - 2].text) is not None
    return i > 0 and _CLOCK.fullmatch(blocks[i - 1].text) is not None and not played


def _tells_lead(blocks: list[Block], i: int, lead: str) -> bool:
    """Say whether a furniture line tells the lead's story as a headline does: cut only for a word, with two of
    its words; right above the date or byline, with TOLD of them."""
    over_byline = bylined(blocks, i)
    if not (blocks[i].worded or over_byline) or CAPTION.search(blocks[i].text) or blocks[i].meta:
        return False  # most furniture is neither; a picture's caption and a byline name the story's people, no headline
    shared = shared_stems(blocks[i].text, lead)
    return (blocks[i].worded and shared >= 2) or (over_byline and shared >= TOLD)


def _capitals_heads(blocks: list[Block], visible: list[int]) -> dict[int, int]:
    """Find headlines set in capitals over two or three lines, as a printed page sets them ("WALK-IN CENTRE" /
    "SAVED AFTER" / "FIVE-YEAR FIGHT"): the first line's index to the last's. A section's label ("NEWS") is none."""
    shown = set(visible)

    def capital(i: int) -> bool:
        text = blocks[i].text
        return (i in shown and text.isupper() and len(blocks[i].lines) == 1 and blocks[i].words < _CAPITALS_LINE
                and not _SECTION_LABEL.fullmatch(text))  # a longer line is a headline alone, under its kicker

    heads: dict[int, int] = {}
    i, end = 0, max(visible, default=-1) + 1  # the lines above the body
    while i < end:
        j = i
        while capital(i) and j + 1 < end and capital(j + 1) and blocks[j + 1].start - blocks[j].end <= 1:
            j += 1
        if 0 < j - i < _HEADLINE_LINES and sum(blocks[k].words for k in range(i, j + 1)) >= CAPITALS_WORDS:
            heads[i] = j
        i = j + 1
    return heads


def _capitals_line(blocks: list[Block], i: int, j: int, first: int) -> TitleLine:
    """The headline in capitals on lines i to j as one line, standing where its last line does."""
    return replace(_title_line(blocks, j, first), text=" ".join(blocks[k].text.strip() for k in range(i, j + 1)))


def _title_line(blocks: list[Block], i: int, first: int) -> TitleLine:
    """Line i, and how many lines (not furniture) on the byline, date or body comes, when at most two."""
    near = range(i + 1, min(len(blocks), first + 1))
    following = [j for j in near if _credited(blocks[j]) or blocks[j].kind is not Kind.FURNITURE]
    # a headline and its standfirst (longer than any headline, and than it) are one unit over the byline or article
    below = blocks[i + 1] if i + 1 < first and following[:1] == [i + 1] else None
    after = following[1] if len(following) > 1 else None
    if below and not below.meta and below.words > max(blocks[i].words, _HEADLINE_WORDS) and after is not None and (
            after >= first or _credited(blocks[after])):
        following = following[1:]
    n, j = next(((n, j) for n, j in enumerate(following[:2], 1) if j >= first or (
        _credited(blocks[j]) and not _banner(blocks, j, first))), (None, first))
    if any(BREADCRUMB.search(blocks[k].text) or _SECTION_LABEL.fullmatch(blocks[k].text) for k in range(i + 1, j)):
        n = None  # above the trail ("Home > News > Fenby") or label ("NEWS") that heads the article: the site's line
    return TitleLine(flowed(blocks[i].text), n, i, byline=j if j < first else None)


def _credited(block: Block) -> bool:
    """A byline or date line (or "3 hours ago"), or a writer's name alone as an opinion page gives it, by a given
    name or a title ("Darren Fulwell", "Dr Niamh Carrow"; not a button's "Join ACSU", nor "Access Forward")."""
    first = "" if block.meta or not block.text.strip() else block.text.split(maxsplit=1)[0]
    named = is_given_name(first) or first.lower().rstrip(".") in HONORIFICS
    return block.meta or RELATIVE_TIME.match(block.text) is not None or (
        named and person_with_role(block.text) == block.text)


def _banner(blocks: list[Block], j: int, first: int) -> bool:
    """Tell the day's date under a masthead: it names the paper's issue ("Thursday, November 26, 2026 | Issue No.
    1,412"), or the article's own date line repeats it nearer the body, or the site's menu ("Home", "News", …) comes
    between it and the article's own date line."""
    day = parse_date(blocks[j].text) if is_dateline(blocks[j].text) else None
    if day is None or _ISSUE.search(blocks[j].text):
        return day is not None
    dated = [(k, found) for k in range(j + 1, first) if blocks[k].meta and (found := parse_date(blocks[k].text))]
    menu = dated and sum(blocks[k].kind is Kind.FURNITURE for k in range(j + 1, dated[0][0])) >= _MENU_ITEMS
    return bool(menu) or any(found == day for _, found in dated)


def bylined(blocks: list[Block], i: int) -> bool:
    """Say whether a byline or date comes right under line i, or under the bullet points that sum the story up, or
    past a button's one word ("Bookmark", "Share") or a lone "By" or "Posted by" over the writer's name."""
    j = next((j for j in range(i + 1, len(blocks)) if not _before_byline(blocks[j])), len(blocks))
    return j < len(blocks) and _credited(blocks[j])  # "By Ann Lee", a date, "Ann Lee" alone or "3 hours ago"


def _before_byline(block: Block) -> bool:
    """Say whether a block may stand between a headline or standfirst and its byline: a bullet point, a button."""
    button = block.kind is Kind.FURNITURE and block.words == 1 and not _credited(block)
    return block.kind is Kind.BULLET or button or BARE_BY.match(block.text) is not None


def _over_byline(blocks: list[Block], i: int) -> bool:
    """Say whether line i, under a box's bullet points, is shaped as a headline with a byline or date right under it:
    "Prescription charge to rise to £9.90 …" / "By Ailsa McIntyre | 30 Apr 2024"; not a byline over its date."""
    line, box = blocks[i], blocks[i - 1].kind is Kind.BULLET
    return box and line.kind is not Kind.BULLET and not _credited(line) and _titleish(line, True) and bylined(blocks, i)


def _over_summary(blocks: list[Block], i: int) -> bool:
    """Say whether a byline or date comes under line i, at once or past up to three lines summing the story up."""
    summary = itertools.takewhile(lambda j: blocks[j].kind in (Kind.HEADING, Kind.LONG) and blocks[j].words >= 6,
                                  range(i + 1, min(i + 1 + SUMMARY_LINES, len(blocks))))  # a tabloid's bullets, lost
    return any(bylined(blocks, j) for j in [i + 1, *summary])


def _captioned(blocks: list[Block], i: int) -> bool:
    """Say whether a picture's credit alone follows line i ("Doctor preparing a bed" / "Photograph: PA"); a caption
    with its own description ("Willowmere House on Chapel Lane (Image: Google Street View)") describes the picture
    itself, and a byline crediting words and pictures is no caption's."""
    credit = CAPTION.search(blocks[i + 1].text) if i + 1 < len(blocks) and not blocks[i + 1].meta else None
    if credit is None:  # or a photographer's credit in capitals
        return i + 1 < len(blocks) and _PHOTOGRAPHER.fullmatch(blocks[i + 1].text) is not None
    return len(blocks[i + 1].text[: credit.start()].split()) <= _CREDIT_WORDS
