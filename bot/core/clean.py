"""Strip page furniture (menus, banners, bylines, adverts, share bars, comments) from a copied web page."""

from __future__ import annotations

import itertools
import logging
import re

from bot.core.blocks import BODY_KINDS, Block, Kind, block_kind, flowed, page_blocks
from bot.core.bylines import BARE_BY, person_with_role
from bot.core.furniture import (
    CLOSERS,
    LIST_MARKS,
    SHORT,
    ends_sentence,
    has_quote,
    pattern,
    picture_credit,
    spaced_rows,
    starts_with,
)
from bot.core.models import CleanText
from bot.core.normalise import normalise_text
from bot.core.pullquotes import QUOTE_MARKS, pull_quotes, teasers
from bot.core.titles import bylined, credits_quote, find_title, under_time

log = logging.getLogger(__name__)

_LINE_PENALTY = 8
_GAP_CAP = 40  # a run of furniture inside an article costs at most this much
_BODY_BEFORE_END = 40  # words of prose needed before "Comments" or "ENDS" can close the article
_SHORT_BODY = 100  # words of prose: less is a paragraph or two, not yet an article
_PROSE_AFTER_END = 4  # this many times as much prose after "Comments" as before it: the article is still to come
_CAPTION_WORDS = 60  # a picture's caption at most
_ROLE_WORDS = 14  # a speaker's role in a credit line over a quotation ("GP partner and chair of X")
# A heading after which come lists of other articles or jobs, until the prose resumes.
_RELATED_HEAD = starts_with(
    r"related\b|read (?:more|next|also)\b|see also\b|also read\b|further reading|in this section|popular\b"
    r"|more (?:from|on|stories|news|articles)\b|you (?:may|might) (?:also )?like|recommended\b|top stories"
    r"|most (?:read|popular|viewed|shared)|trending\b|latest (?:news|stories|articles|jobs)\b|events\b"
    r"|(?:featured |top )?jobs\b|jobs? of the week"
)
# A heading after which nothing belongs to the article: comments, a press release's closing notes, the author's bio.
_END_HEAD = pattern(
    r"^\W{0,3}(?:(?:\d+\s+)?(?:readers?['’]?\s+)?comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)|post a comment"
    r"|have your say|join the (?:conversation|discussion)|\d+\s+(?:responses|replies|thoughts)\b.*"
    r"|-*\s*ends\s*-*|#\s*#\s*#|notes? (?:to|for) editors?|editors?['’]?s? notes?|about the authors?|references"
    r"|bibliography)\W{0,3}$"
)
# Comment-section headings that also head an article's own section ("Have your say" on a consultation)
_SAY_HEAD = pattern(r"^\W{0,3}(?:have your say|join the (?:conversation|discussion))\W{0,3}$")
# A blog's comments under the post, however long its title: "2 Responses to “…”", "14 thoughts on “…”"
_REPLIES_TO = re.compile(r"\d+ (?:responses?|replies|thoughts|comments?) (?:to|on) [“\"‘']", re.I)
# The writer's bio under an article: "Callum O'Rourke is a Local Democracy Reporter covering …", "Joe Hall is The
# Common Ground's north of England correspondent.", by first name too: "Gemma is deputy editor of Care Today."
_BIO = re.compile(  # or the scheme's credit: "This article was written by a Local Democracy Reporter, part of …"
    r"^(?:This (?:article|story|report|piece) (?:was|is|has been) (?:written|produced|supplied) by |"
    r"(?:(?:Dr|Prof|Professor) )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3} is )"
    r"(?:(?:a|an|the|our|[A-Z][\w'’ ]{1,40}['’]s) )?"
    r"(?:[\w'’-]+ ){0,5}(?i:correspondent|reporter|journalist|columnist|writer|editor|contributor)\b"
)
_BIO_WORDS = 60  # a bio is a sentence or two
_BIO_AFTER = 30  # words of prose after it at most: an appeal or a credit, not more of the article
# "About Kindred Care" closes a press release only when the boilerplate that defines the body follows it.
_ABOUT_HEAD = re.compile(r"^(?:About|ABOUT) (?:us|[Tt]he [A-Z].*|[A-Z].*)$")
_DEFINITION = re.compile(r"^(?:[A-Z][\w&'’.-]*\s+){1,8}?(?:is|are|was|were)\s+(?:the|a|an|one)\b")
_TO_READER = re.compile(r"\b(?:you|your)\b", re.I)  # a teaser's prompt over links: "You may also be interested in:"
_SUBJECT = re.compile(r"Subject:\s*(?:(?:Re|Fwd?|FW):\s*)*(.+)", re.I)  # an email's, pasted with its header
_PARTS = re.compile(r"\s+[|:–—-]\s+")  # "HSM Daily Briefing | Trusts given six weeks …"
_NUMBERED = re.compile(r"\d{1,2}\. [A-Z]")  # "2. People want information": a section's number
_AD_LABELS = frozenset({"sponsored", "promoted", "partner content", "paid content", "ad"})
# A printed story jumping to another page ("Continued on page 25") and resuming there ("From page 24"): the page's
# running heads between are furniture, and its section label ("COMMENT") no end of the article
_JUMP_OUT = pattern(r"^\W*(?:(?:continued|story continues|more) on|turn to) (?:page|p\.?) ?\d+\W*$")
_JUMP_IN = pattern(r"^\W*(?:continued )?from (?:page|p\.?) ?\d+\W*$")


def _classify(blocks: list[Block]) -> None:
    """Label every block, then let section headings (Related, Comments, ENDS) claim what follows them."""
    listing = False
    for i, block in enumerate(blocks):
        block.words = len(block.text.split())
        block.kind = block_kind(block)
        if block.kind is Kind.LONG and bylined(blocks, i):
            block.kind = Kind.HEADING  # a long headline or standfirst: a byline never follows a paragraph at once
        # "It will:" / "tell you your position in the queue" / "offer a call-back": a list that lost its bullets,
        # each item in lower case going on with the sentence (a headline, a menu or a related link is capitalised)
        listing = block.kind in (Kind.HEADING, Kind.LONG) and block.text[0].islower() and (
            listing or (i > 0 and _announces(blocks[i - 1])))  # a long item goes on with the list too
        block.kind = Kind.BULLET if listing else block.kind
        if i + 1 < len(blocks) and block.words <= _CAPTION_WORDS and picture_credit(blocks[i + 1].text):
            block.kind = Kind.FURNITURE  # the picture's caption, over its credit
    prose_words = 0
    mode: str | None = None
    for i, block in enumerate(blocks):
        if mode == "end":
            block.kind = Kind.FURNITURE
            continue
        if _JUMP_OUT.match(block.text) or (mode == "jump" and block.kind is not Kind.PROSE):
            block.kind = Kind.FURNITURE  # the next page's running heads, up to its "From page 24"
            mode = None if _JUMP_IN.match(block.text) else "jump"
            continue
        mode = None if mode == "jump" else mode
        heading = (block.words <= 10 or _REPLIES_TO.match(block.text) is not None) and not ends_sentence(
            block.text.rstrip(":"))
        if (heading or _bio(blocks, i)) and prose_words >= _BODY_BEFORE_END and _closes_article(blocks, i, prose_words):
            mode = "end"
            block.kind = Kind.FURNITURE
        elif heading and _RELATED_HEAD.match(block.text) and not _in_menu(blocks, i):
            mode = "related"
            block.kind = Kind.FURNITURE
        elif mode == "related":
            # The list ends where prose resumes, or at a headline (a byline or date line follows it).
            if (block.kind in (Kind.PROSE, Kind.LONG) and block.words >= 12) or _before_meta(blocks, i):
                mode = None
            else:
                block.kind = Kind.FURNITURE
        elif block.text.strip(" :-–—|").lower() in _AD_LABELS and i + 1 < len(blocks):
            following = blocks[i + 1]  # a bare "Sponsored" label heads advert copy on the next line
            if following.words <= 2 * SHORT:  # an advert of a sentence or two
                following.kind = Kind.FURNITURE
        if block.kind is Kind.PROSE:
            prose_words += block.words


def _announces(block: Block) -> bool:
    """Say whether a paragraph ends by announcing a list ("The charity is calling for:")."""
    return block.kind in BODY_KINDS and block.text.rstrip().endswith(":")


def _closes_article(blocks: list[Block], i: int, prose_before: int) -> bool:
    """Say whether a heading starts what follows every article: comments, ENDS, notes, 'About us'. Not after
    a paragraph or two when four times as much prose follows: that was a cookie notice over the page, and
    "Comments" a link in the share bar under the headline."""
    if prose_before < _SHORT_BODY and prose_before * _PROSE_AFTER_END < sum(
        b.words for b in blocks[i + 1 :] if b.kind is Kind.PROSE
    ):
        return False
    text = blocks[i].text
    if text[0] in LIST_MARKS:
        return False  # "• Comment" in a share bar links to the comments; it does not head them
    if _END_HEAD.match(text) or _BIO.match(text):
        return not (_SAY_HEAD.match(text) and _section_goes_on(blocks, i))
    following = blocks[i + 1].text if i + 1 < len(blocks) else ""
    return bool(_ABOUT_HEAD.match(text) and _DEFINITION.match(following))


def _section_goes_on(blocks: list[Block], i: int) -> bool:
    """Say whether the two paragraphs under heading i go on reporting, addressing no reader: a comment thread
    opens on a prompt ("Do you have a relative there?"), a sign-in line or a commenter's name instead."""
    following = blocks[i + 1 : i + 3]
    return len(following) == 2 and all(
        b.kind is Kind.PROSE and b.words >= SHORT and not _TO_READER.search(b.text) for b in following
    )


def _bio(blocks: list[Block], i: int) -> bool:
    """Say whether a block is the writer's bio: a sentence or two on who they are, with no more article after it."""
    if blocks[i].words > _BIO_WORDS or not _BIO.match(blocks[i].text):
        return False
    return sum(b.words for b in blocks[i + 1 :] if b.kind is Kind.PROSE) <= _BIO_AFTER


def _in_menu(blocks: list[Block], i: int) -> bool:
    """Say whether a "Jobs" or "Events" line is an item of a menu (one short line after another), not the
    heading of a list of links: a menu at the top of a page would otherwise swallow the headline below it."""
    return i > 0 and blocks[i - 1].words <= 3 and not ends_sentence(blocks[i - 1].text)


def _before_meta(blocks: list[Block], i: int) -> bool:
    """Say whether a byline or date line follows closely, which marks the line before as a headline; a byline may
    open with "By" on a line of its own, over the name. The share buttons under a standfirst ("Bookmark", "Share",
    "Comments") come between them on some pages, and are not counted."""
    lines = (b for b in blocks[i + 1 :] if b.meta or not b.furniture)
    return any(b.meta or BARE_BY.match(b.text) for b in itertools.islice(lines, 2))


def _score(block: Block) -> int:
    """Weigh a block for the body search: prose by its length, headings and furniture against."""
    match block.kind:
        case Kind.PROSE:
            return min(block.words, 100)
        case Kind.LONG:
            return block.words // 2
        case Kind.SHORT:
            return 2
        case Kind.BULLET:
            return 3 if ends_sentence(block.text) or block.words >= 6 else -2
        case Kind.HEADING:
            return -4
    return -_LINE_PENALTY


def _best_span(blocks: list[Block]) -> tuple[int, int] | None:
    """Find the run of blocks with the most prose net of furniture (Kadane), capping each furniture gap."""
    best: tuple[int, int, int] | None = None
    total, start, gap = 0, 0, 0
    for i, block in enumerate(blocks):
        if block.kind is Kind.FURNITURE:
            score = -min(_LINE_PENALTY, max(0, _GAP_CAP - gap))
            gap += _LINE_PENALTY
        else:
            score, gap = _score(block), 0
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if block.kind in BODY_KINDS and score > 0 and (best is None or total > best[0]):
            best = (total, start, i)
    return (best[1], best[2]) if best else None


def _subject(header: list[Block], blocks: list[Block]) -> str | None:
    """The subject of an email pasted with its header ("Subject: HSM Daily Briefing | Trusts given six weeks …"): of
    a newsletter's name and its lead story, the part the page also gives as a line of its own."""
    found = next((m[1] for b in header if (m := _SUBJECT.fullmatch(b.text))), None)
    if found is None:
        return None
    lines = {b.text.strip().lower() for b in blocks}
    return next((part for part in _PARTS.split(found) if part.strip().lower() in lines), found)


def _below_masthead(blocks: list[Block], first: int, last: int) -> int:
    """Start the body below the byline and date lines (or a writer's name alone, an opinion page's byline) that stand
    inside the span under one short paragraph: that paragraph (a support line, "Need to talk? Call …", a standfirst)
    is the page's, not the article's; two are the article's own opening, and a byline below them is furniture."""
    start = first
    for m in range(first + 1, last):
        prose = [b for b in blocks[first:m] if b.kind in (Kind.PROSE, Kind.LONG)]
        if len(prose) > 1 or sum(b.words for b in prose) >= _SHORT_BODY:
            break
        if blocks[m].meta or person_with_role(blocks[m].text) == blocks[m].text:  # or a bare name: "Darren Fulwell"
            start = m + 1
    return start


def _opening_headline(blocks: list[Block], first: int, last: int) -> bool:
    """Say whether the page opens straight into the body with a headline that ends in a full stop."""
    head = blocks[first]
    if first != 0 or len(head.lines) != 1 or has_quote(head.text) or head.words > 16:
        return False
    if head.text.rstrip(CLOSERS).endswith((":", ";")):
        return False
    following = [b for b in blocks[first + 1 : min(last, first + 3) + 1] if b.kind is Kind.PROSE]
    return bool(following) and following[0].words > head.words


def _sub_heading(blocks: list[Block], i: int, first: int, last: int) -> bool:
    """Say whether a heading inside the body is the article's own: body text on both sides, one of the items under
    a line ending in a colon, a numbered section's title, a live entry's under its time ("14:05" / "Wards reopen";
    the first one's heads the body), or a section title and the question under it that opens an interview ("Five
    minutes with… Jo Lee" / "What is a typical day?"). A line that is all quotation is a pull quote, repeated from
    the text, not a heading."""
    if not first <= i < last or blocks[i].text[0] in QUOTE_MARKS:
        return False
    body = [j for j in (i - 1, i + 1) if blocks[j].kind in BODY_KINDS]
    if body == [i + 1] and (under_time(blocks, i) or _credits_below(blocks, i)):
        return True
    if i == first:
        return False
    if len(body) == 2:
        return True
    opens = next(j for j in range(i - 1, first - 2, -1) if j < first or blocks[j].kind is not Kind.HEADING)
    if opens >= first and _announces(blocks[opens]) and not _TO_READER.search(blocks[opens].text):
        return True  # items under "Key findings include:" that lost their bullets; not "You may also like:"
    if _NUMBERED.match(blocks[i].text) and body == [i + 1]:
        return True  # "2. People want information": a numbered section of the article
    if _is_question(blocks[i]) and body == [i + 1]:  # the question after a section title
        return i - 2 >= first and blocks[i - 1].kind is Kind.HEADING and blocks[i - 2].kind in BODY_KINDS
    if body == [i - 1] and i + 2 <= last:  # the section title over a question
        return _is_question(blocks[i + 1]) and blocks[i + 2].kind in BODY_KINDS
    return False


def _credits_below(blocks: list[Block], i: int) -> bool:
    """Say whether a heading is a name and role over the quotation it credits, as "What the experts say" sets each
    view ("Dr Anika Sorensen, GP partner and chair of X" / "“…”")."""
    name, _, role = blocks[i].text.partition(", ")
    credits = bool(role) and len(role.split()) <= _ROLE_WORDS and blocks[i + 1].text[0] in QUOTE_MARKS
    return credits and person_with_role(name) == name


def _credit_pair(blocks: list[Block], i: int, last: int) -> bool:
    """Say whether a line is a name alone over a line of its role and body, over the quotation they credit, as a
    round-up of reactions sets them ("Nadia Farouk" / "Chief executive, Carers Together UK" / "“…”")."""
    if not i + 2 <= last or blocks[i].kind is not Kind.HEADING or blocks[i + 2].text[0] not in QUOTE_MARKS:
        return False  # the cheap tests first: most blocks are prose
    role, quoted = blocks[i + 1], blocks[i + 2]
    credits = role.kind is Kind.HEADING and "," in role.text and role.words <= 12 and quoted.kind in BODY_KINDS
    return credits and person_with_role(blocks[i].text) == blocks[i].text


def _is_question(block: Block) -> bool:
    return block.kind is Kind.HEADING and block.text.rstrip(CLOSERS).endswith("?")


def clean(raw: str, repeated: frozenset[str] = frozenset()) -> CleanText:
    """Keep only the article body, so summaries and quotes never come from menus, adverts or comments."""
    repeated = repeated | spaced_rows(raw)  # read before normalising makes every space single
    raw = normalise_text(raw)
    blocks = page_blocks(raw, repeated)
    _classify(blocks)
    span = _best_span(blocks)
    if span is None:
        removed = tuple(line for b in blocks for line in b.lines)
        return CleanText(body="", title=find_title(blocks, len(blocks)), removed=removed)
    first, last = span
    if credits_quote(blocks, last + 1) and blocks[last + 1].kind is Kind.BULLET:
        last += 1  # the credit under the closing quote ("— Linda Quayle") names its speaker
    first = _below_masthead(blocks, first, last)
    first -= under_time(blocks, first - 1)  # the first live entry's heading, under its time, heads the body
    title = find_title(blocks, first) or _subject(blocks[:first], blocks)
    if title is None and _opening_headline(blocks, first, last):
        title = flowed(blocks[first].text)
        first += 1
    credited = {i for i in range(first, last + 1) if _credit_pair(blocks, i, last)}  # a name over its role line
    roles = {i + 1 for i in credited}  # read with the name above them, never on their own
    keep = [
        i
        for i in range(first, last + 1)
        if i not in roles
        and (blocks[i].kind in BODY_KINDS
             or (blocks[i].kind is Kind.HEADING and _sub_heading(blocks, i, first, last))
             or i in credited)
    ]
    paragraphs = {i: flowed(blocks[i].text) for i in keep}
    kept = (set(keep) - pull_quotes(paragraphs) - teasers(paragraphs)) | roles
    keep = [i for i in keep if i in kept]
    removed = tuple(line for i, b in enumerate(blocks) if i not in kept for line in b.lines)
    # the credit as one line over the quotation, as it reads: "Nadia Farouk, Chief executive, Carers Together UK:"
    body = "\n\n".join(flowed(blocks[i].text) + (f", {blocks[i + 1].text}:" if i in credited else "") for i in keep)
    log.debug("kept %d blocks, removed %d lines, title %r", len(keep), len(removed), title)
    edges = (blocks[keep[0]].text, blocks[keep[-1]].text) if keep else ("", "")
    return CleanText(body=body, title=title, removed=removed, edges=edges)
