"""Strip page furniture (menus, banners, bylines, adverts, share bars, comments) from a copied web page."""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass
from enum import Enum

from bot.core.dates import is_dateline
from bot.core.headline import TitleLine, pick_headline, shared_stems
from bot.core.meta import byline
from bot.core.models import CleanText
from bot.core.normalise import line_key, normalise_text
from bot.core.quotes.lexicon import wordset

log = logging.getLogger(__name__)

# The boundaries str.splitlines() uses, so our offsets agree with anyone who splits lines themselves.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CLOSERS = "\"'”’»)]*"
_BULLETS = "•·*-–—▪►‣◦"

_SHORT = 15  # words: furniture phrases only count on lines at most this long
_PROSE_WORDS = 8  # a sentence-shaped line this long is prose
_LONG_WORDS = 21  # an unpunctuated line this long is prose that lost its full stop (headlines are shorter)
_LINE_PENALTY = 8
_GAP_CAP = 40  # a run of furniture inside an article costs at most this much
_BODY_BEFORE_END = 40  # words of prose needed before "Comments" or "ENDS" can close the article
_WRAP_CHARS = 40  # a line shorter than this is never a hard-wrapped piece of a paragraph


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.I)


def _starts_with(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"^\W{{0,3}}(?:{alternatives})", re.I)


def _padded(*groups: str) -> tuple[str, ...]:
    return tuple(f" {phrase} " for group in groups for phrase in group.split("|"))


# Furniture whatever the line's length: news prose never says these.
_ALWAYS = _pattern(
    r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b",
    r"\bcookie (?:policy|settings|preferences|notice)|\baccept (?:all )?cookies\b|\buse of cookies\b",
    r"\bmanage (?:cookies|preferences|consent)\b|\byou(?:'|’)ve consented\b|\byour sign-?up\b",
    r"\bsubscribe (?:to|and) (?:continue|read|keep|unlock)|\bto continue reading\b|\balready a subscriber\b",
    r"\bsubscribers? only\b|\b(?:get|enjoy) (?:unlimited\b|(?:full|unrestricted) access\b)",
    r"\bunlimited access (?:to (?:all|our)|from)",
    r"\bwould you like to (?:become an?|write for|contribute to)\b",
    r"\b\d+ free articles?\b|\bfree articles? (?:left|remaining|this month|per month)\b",
    r"\byou(?:'|’)?(?:ve| have) (?:read|reached) (?:your|\d+|the (?:maximum|limit))|\bstart your free trial",
    r"\bbecome a subscriber\b|\bsign (?:up|me up) (?:to|for) (?:our|the latest|updates)|\bsubscribe to our\b",
    r"\b(?:delivered|straight|direct|sent) (?:to|into) your inbox\b|\benter your e-?mail\b|\bby signing up\b",
    r"\bfollow (?:us|[\w&' ]{1,30}) on (?:facebook|twitter|x|instagram|linkedin|tiktok|youtube|bluesky)\b",
    r"\bclick (?:here|the link|below)\b|\btap here\b|\ball rights reserved\b|\bregistered in england\b",
    r"\bregistered office\b|\bcompany (?:no|number|registration)\b|\btrading name of\b",
    r"\bis (?:the|a|an) (?:[\w'’-]+ ){0,3}?(?:publication|magazine|newspaper|news ?site|website) "
    r"(?:for|of|covering|serving|dedicated)\b",
    r"\b(?:enable|allow|consent to (?:the |our )?use(?: of)?) cookies\b|\bcookies (?:are )?disabled\b",
    r"\byour browser (?:is (?:no longer|not) supported|is out of date|appears to have)\b",
    r"\b(?:upgrade|update) (?:to a newer version|your browser)\b",
)
# Every _ALWAYS phrase contains one of these; checking them first spares most lines the big regex.
_ALWAYS_HINTS = (
    "cookie", "consent", "sign-up", "sign up", "sign me up", "signing up", "subscri", "continue reading",
    "free article", "free trial", "unlimited", "full access", "unrestricted access", "would you like",
    "you have", "you've", "you’ve", "become a", "newsletter",
    "inbox", "enter your", "facebook", "twitter", "instagram", "linkedin", "tiktok", "youtube", "bluesky",
    " on x", "click", "tap here", "reserved", "registered", "company", "trading name", "publication",
    "magazine", "newspaper", "news site", "newssite", "website", "browser", "newer version",
)  # fmt: skip
_URL_HINTS = ("http", "www.", "@")
# Furniture when a short line starts with it: labels, calls to action, widgets.
_SHORT_START = _starts_with(
    r"skip to|share (?:this|on|via|the|:)|follow us|read (?:more|next|the full)|related\b|sponsored by"
    r"|more (?:from|on|stories|news|articles)\b|you (?:may|might) (?:also )?like|recommended\b|top stories"
    r"|most (?:read|popular|viewed|shared)|trending\b|latest (?:news|stories|articles|jobs)\b|filed under"
    r"|tags?\s*:|topics?\s*:|categories\s*:|posted in\b|in partnership with|listen to this|print this"
    r"|save (?:this|article)|sort by|load more|leave a (?:comment|reply)|post a comment|add a comment"
    r"|join the (?:conversation|discussion)|have your say|show (?:more|comments)|view (?:all|more)"
    r"|see (?:all|more)|back to\b|(?:previous|next) (?:article|post|story)|download (?:the|our)|watch\s*:"
    r"|listen\s*:|media (?:contact|enquiries)|press (?:contact|office|enquiries)|for (?:media|press) enq"
    r"|notes? (?:to|for) editors|for immediate|press release\b|embargoed|about us\b|contact us\b|privacy\b"
    r"|terms (?:and|&) conditions|terms of use|cookies?\b|accessibility\b|log ?in\b|sign (?:in|up)\b"
    r"|register\b|subscribe\b|already a\b|newsletter|image\s*:|images? (?:by|courtesy)|credit\s*:"
    r"|photo(?:graph)?s?\s*(?:by|:)|pictures?\s*(?:by|:)|pictured\s*:|illustration\s*:|source\s*:|via\s*:"
    r"|(?:image|photo|picture|main image|top image|header image) credit|advert|sponsored|promoted"
    r"|partner content|paid (?:content|post)|you are here|breadcrumb|search\b|menu\b|reply\b|report\b"
    r"|like\b|apply (?:now|by|today)|closing date|all jobs|jobs? (?:of the week|board)|featured jobs?"
    r"|find (?:a|more) jobs?|more information|further information|find out more|learn more|book a demo"
    r"|request a demo|free trial|get in touch|invalid e-?mail"
)
# Furniture anywhere in a short unpunctuated line (matched as whole words, punctuation ignored).
_SHORT_PHRASES = _padded(
    "newsletter|newsletters|subscribe|subscription|subscriber|subscribers|sign up|signup|signing up|min read",
    "mins read|minute read|minutes read|reading time|click|cookie|cookies|privacy policy|privacy notice",
    "advert|adverts|advertisement|advertising|sponsored|your email|your e mail|email address|e mail address",
    "emails free|log in|logged in|login|follow us|share this|unsubscribe|book a demo|free trial|copyright",
    "shutterstock|getty images|alamy|istock|pa wire|pa images|pa media",
)
# On a short line that reads as a sentence only these count: ordinary sentences never say them.
_SENTENCE_PHRASES = _padded(
    "newsletter|subscribe|click|cookies|min read|your email|your e mail|email address|follow us|unsubscribe",
    "book a demo|free trial|sign up now|sign up today|sign up here|shutterstock|getty images",
)
_CREDIT_MARKS = ("©", "(photo:", "(image:", "(picture:", "(pictures:")
# A caption that ends with its credit: "… at the hospital. Photograph: Jane Doe/Alamy".
_CAPTION = re.compile(r"\b(?:photograph|photo|picture|image|illustration)s?\s*:\s*[^.!?:]{1,60}$", re.I)
_CAPTION_LABEL = re.compile(r"(?:image|media|video|picture) (?:caption|source|credit)\b", re.I)  # "Image caption, …"
_LIST_MARKS = "•·*▪►‣◦"  # bullets proper, not the dashes that also frame "- ENDS -"
_COMMENT_COUNT = re.compile(r" \d+ comments? | comments? \d+ ")
_TOKEN = re.compile(r"[^\W_]+")
_URL = _pattern(r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|@\w{3,}")
_JOB_WORD = _pattern(
    r"\b(?:director|manager|officer|worker|head of|lead|leader|co-?ordinator|assistant|nurse|practitioner)\b",
    r"\b(?:therapist|advis[eo]r|consultant|executive|administrator|analyst|commissioner|supervisor|carer)\b",
    r"\b(?:salary|per annum|pro rata|negotiable|competitive|full[- ]time|part[- ]time|permanent)\b",
    r"\b(?:fixed[- ]term|locum|interim)\b",
)
_JOB_AD_HINTS = ("per annum", "pro rata", "apply ")
_JOB_AD_PHRASE = _pattern(r"\bper annum\b|\bpro rata\b|£\s?\d[\d,.]*k?\s?[-–]\s?£|\bapply (?:now|by|today)\b")
# A salary standing as its own field of a listing: "Head of Service, £68,500 per annum, Anytown Council".
_SALARY_FIELD = _pattern(
    r"(?:^|[,|:–—]\s*|\s-\s*)£\s?\d[\d,.]*k?(?:\s*(?:[-–]|to)\s*£?\s?\d[\d,.]*k?)?"
    r"(?:\s*(?:per annum|pa|p\.a\.|pro rata|a year|per year|plus benefits|\+\s*\w+))?\s*(?:[,|–—]|\s-\s|$)"
)
_SEPARATED = re.compile(r"\s*(?:\||·|•|»|›|>|/|\t|\s{2,})\s*")
# Words of menus, breadcrumbs and share bars. Not meta._MENU_WORDS: that one judges a site-name line and holds
# section names ("health", "care") that are prose here; sharing one list changes which lines are cut.
_NAV_WORDS = wordset(
    "home news jobs job events about contact login log in sign register subscribe search menu opinion "
    "features analysis podcasts podcast video videos awards magazine newsletters newsletter advertise "
    "advertising careers sections topics blog blogs webinars resources shop account skip content main "
    "navigation back top press releases membership members publications media centre us our work sport "
    "sports business comment comments reply report like share tweet facebook twitter x linkedin email "
    "e-mail whatsapp print copy link pinterest reddit instagram youtube bluesky threads tiktok on this "
    "article story page via follow privacy terms cookies accessibility sitemap policy conditions and "
    "settings accept reject manage preferences more all view load next previous close open newest oldest"
)
# A heading after which come lists of other articles or jobs, until the prose resumes.
_RELATED_HEAD = _starts_with(
    r"related\b|read (?:more|next|also)\b|see also\b|also read\b|further reading|in this section|popular\b"
    r"|more (?:from|on|stories|news|articles)\b|you (?:may|might) (?:also )?like|recommended\b|top stories"
    r"|most (?:read|popular|viewed|shared)|trending\b|latest (?:news|stories|articles|jobs)\b|events\b"
    r"|(?:featured |top )?jobs\b|jobs? of the week"
)
# A heading after which nothing belongs to the article: comments, or a press release's closing notes.
_END_HEAD = _pattern(
    r"^\W{0,3}(?:(?:\d+\s+)?comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)|post a comment|have your say"
    r"|join the (?:conversation|discussion)|\d+\s+(?:responses|replies|thoughts)\b.*|-*\s*ends\s*-*|#\s*#\s*#"
    r"|notes? (?:to|for) editors?|editors?['’]?s? notes?)\W{0,3}$"
)
# "About Kindred Care" closes a press release only when the boilerplate that defines the body follows it.
_ABOUT_HEAD = re.compile(r"^(?:About|ABOUT) (?:us|[Tt]he [A-Z].*|[A-Z].*)$")
_DEFINITION = re.compile(r"^(?:[A-Z][\w&'’.-]*\s+){1,8}?(?:is|are|was|were)\s+(?:the|a|an|one)\b")
_EMAIL_HEADER = _pattern(r"^(?:from|to|cc|subject|sent|date)\s*:")
_AD_LABELS = frozenset({"sponsored", "promoted", "partner content", "paid content", "ad"})


class Kind(Enum):
    """How a block of lines reads."""

    FURNITURE = "furniture"
    PROSE = "prose"  # a full sentence or more
    SHORT = "short"  # a short line that ends like a sentence
    LONG = "long"  # a long line that lost its full stop
    BULLET = "bullet"
    HEADING = "heading"  # short, unpunctuated: a headline, sub-heading, list item or label


_BODY_KINDS = frozenset({Kind.PROSE, Kind.SHORT, Kind.LONG, Kind.BULLET})


@dataclass(slots=True)
class _Block:
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


def _ends_sentence(text: str) -> bool:
    tail = text.rstrip(_CLOSERS + " ")
    return bool(tail) and tail[-1] in ".!?…:;"


def _has_quote(text: str) -> bool:
    return any(c in text for c in '"“”')


def _is_navigation(text: str, words: list[str]) -> bool:
    """Spot menus, breadcrumbs and share bars: separated short items, or nothing but menu words."""
    if len(words) > 20 or _ends_sentence(text):
        return False
    parts = [p for p in _SEPARATED.split(text) if p]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts):
        return True
    lowered = [w for w in (w.strip(":,.()|·•").lower() for w in words) if w]
    if not lowered or len(lowered) > 12:
        return False
    navish = sum(1 for w in lowered if w in _NAV_WORDS)
    return navish == len(lowered) or (len(lowered) >= 3 and navish / len(lowered) >= 0.6)


def _is_job_advert(text: str, lowered: str, words: int, sentence: bool) -> bool:
    """Spot a job listing: a salary standing as its own field, or advert wording beside a job title."""
    if "£" not in text:
        return False
    if (not sentence or words <= _SHORT) and _SALARY_FIELD.search(text):
        return True
    advert = text.count("£") > 1 or any(map(lowered.__contains__, _JOB_AD_HINTS))
    return advert and bool(_JOB_AD_PHRASE.search(text) and _JOB_WORD.search(text))


def _is_furniture(text: str, repeated: frozenset[str], by_words: bool = True) -> bool:
    """Judge one line on its own: does it read like page furniture rather than article text?

    With by_words=False, furniture words alone ("newsletter", "advertising", "cookie") do not decide.
    """
    words = text.split()
    n = len(words)
    if not _TOKEN.search(text):
        return True
    if repeated and line_key(text) in repeated:
        return True
    lowered = text.lower()
    if any(map(lowered.__contains__, _ALWAYS_HINTS)) and _ALWAYS.search(text):
        return True
    if n <= 60 and (_CAPTION.search(text) or _CAPTION_LABEL.match(text)):
        return True
    sentence = _ends_sentence(text)
    if _is_job_advert(text, lowered, n, sentence):
        return True
    if n <= 12 and any(map(lowered.__contains__, _URL_HINTS)) and _URL.search(text):
        return True
    if n > _SHORT:
        return False
    if _SHORT_START.match(text) and (not sentence or n <= 3):
        return True
    if any(map(lowered.__contains__, _CREDIT_MARKS)):
        return True
    plain = f" {' '.join(_TOKEN.findall(lowered))} "
    if by_words and any(map(plain.__contains__, _SENTENCE_PHRASES if sentence else _SHORT_PHRASES)):
        return True
    return (not sentence and _COMMENT_COUNT.search(plain) is not None) or _is_navigation(text, words)


def _is_meta(text: str) -> bool:
    return len(text) <= 160 and (is_dateline(text) or byline(text) is not None)


def _blocks(raw: str, repeated: frozenset[str]) -> list[_Block]:
    """Split the page into non-empty lines, joining hard-wrapped lines of one paragraph into a block."""
    lines: list[_Block] = []
    for m in _LINE.finditer(raw):
        run = m.group()
        stripped = run.strip()
        if stripped:
            start = m.start() + len(run) - len(run.lstrip())
            line = _Block(start, start + len(stripped), stripped, [stripped])
            line.meta = _is_meta(stripped)
            line.furniture = line.meta or _is_furniture(stripped, repeated)
            line.worded = line.furniture and not line.meta and not _is_furniture(stripped, repeated, by_words=False)
            lines.append(line)
    long_lines = [b.text for b in lines if len(b.text) >= _WRAP_CHARS]
    wrapped = (
        len(long_lines) >= 4
        and max(len(t) for t in long_lines) <= 100
        and sum(not _ends_sentence(t) for t in long_lines) >= len(long_lines) / 2
    )
    blocks: list[_Block] = []
    for line in lines:
        if blocks and _continues(raw, blocks[-1], line, wrapped):
            last = blocks[-1]
            last.end = line.end
            last.lines.append(line.text)
            last.text = raw[last.start : line.end]
        else:
            blocks.append(line)
    return blocks


def _continues(raw: str, previous: _Block, line: _Block, wrapped: bool) -> bool:
    """Say whether a line carries on the previous line's paragraph (the page was hard-wrapped)."""
    if previous.furniture or line.furniture or len(_BREAK.findall(raw[previous.end : line.start])) != 1:
        return False
    before, first = previous.lines[-1], line.text[0]
    if len(before) < _WRAP_CHARS or _ends_sentence(before) or (not first.isalnum() and first not in "\"'“‘("):
        return False
    return first.islower() or (wrapped and len(line.text) >= 20)


def _kind(block: _Block) -> Kind:
    """Read a block's shape: sentence or not, long or short, bullet or heading."""
    if block.furniture:
        return Kind.FURNITURE
    text = block.text
    if text[0] in _BULLETS and text[1:2] in (" ", "\t"):
        return Kind.BULLET
    if text.rstrip(_CLOSERS).endswith("?") and block.words <= 20 and not _has_quote(text):
        return Kind.HEADING  # "What happens next?" reads as a sub-heading, and questions make headlines
    if _ends_sentence(text):
        return Kind.PROSE if block.words >= _PROSE_WORDS else Kind.SHORT
    return Kind.LONG if block.words >= _LONG_WORDS else Kind.HEADING


def _classify(blocks: list[_Block]) -> None:
    """Label every block, then let section headings (Related, Comments, ENDS) claim what follows them."""
    for block in blocks:
        block.words = len(block.text.split())
        block.kind = _kind(block)
    prose_words = 0
    mode: str | None = None
    for i, block in enumerate(blocks):
        if mode == "end":
            block.kind = Kind.FURNITURE
            continue
        heading = block.words <= 10 and not _ends_sentence(block.text.rstrip(":"))
        if heading and prose_words >= _BODY_BEFORE_END and _closes_article(blocks, i):
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
            if following.words <= _SHORT:
                following.kind = Kind.FURNITURE
        if block.kind is Kind.PROSE:
            prose_words += block.words


def _closes_article(blocks: list[_Block], i: int) -> bool:
    """Say whether a heading starts what follows every article: comments, ENDS, notes, 'About us'."""
    text = blocks[i].text
    if text[0] in _LIST_MARKS:
        return False  # "• Comment" in a share bar links to the comments; it does not head them
    if _END_HEAD.match(text):
        return True
    following = blocks[i + 1].text if i + 1 < len(blocks) else ""
    return bool(_ABOUT_HEAD.match(text) and _DEFINITION.match(following))


def _in_menu(blocks: list[_Block], i: int) -> bool:
    """Say whether a "Jobs" or "Events" line is an item of a menu (one short line after another), not the
    heading of a list of links: a menu at the top of a page would otherwise swallow the headline below it."""
    return i > 0 and blocks[i - 1].words <= 3 and not _ends_sentence(blocks[i - 1].text)


def _before_meta(blocks: list[_Block], i: int) -> bool:
    """Say whether a byline or date line follows closely, which marks the line before as a headline."""
    return any(b.meta for b in blocks[i + 1 : i + 3])


def _score(block: _Block) -> int:
    """Weigh a block for the body search: prose by its length, headings and furniture against."""
    match block.kind:
        case Kind.PROSE:
            return min(block.words, 100)
        case Kind.LONG:
            return block.words // 2
        case Kind.SHORT:
            return 2
        case Kind.BULLET:
            return 3 if _ends_sentence(block.text) or block.words >= 6 else -2
        case Kind.HEADING:
            return -4
    return -_LINE_PENALTY


def _best_span(blocks: list[_Block]) -> tuple[int, int] | None:
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
        if block.kind in _BODY_KINDS and score > 0 and (best is None or total > best[0]):
            best = (total, start, i)
    return (best[1], best[2]) if best else None


def _titleish(block: _Block, need_lower: bool, bylined: bool = False) -> bool:
    """Say whether a block has a headline's shape: 4-20 words, one line, no closing full stop (unless a byline
    or date line follows it at once: "My father voted for him three times. This year he's staying home.")."""
    text = block.text
    if not 4 <= block.words <= 20 or len(block.lines) != 1:
        return False
    if text.rstrip(_CLOSERS).endswith((":", ";", ",")) or (text.rstrip(_CLOSERS).endswith(".") and not bylined):
        return False
    if text[0] in _BULLETS or _EMAIL_HEADER.match(text) or not any(c.isalpha() for c in text):
        return False
    if not need_lower:
        return block.words >= 6
    return any(w[0].islower() and w.isalpha() and len(w) > 1 for w in text.split())


def _find_title(blocks: list[_Block], first: int) -> str | None:
    """Pick the headline among the title-shaped lines above the body, by structure (see bot.core.headline)."""
    # the opening paragraphs, not a "From:" or credit line between them, say what the headline says
    lead = " ".join(itertools.islice((b.text for b in blocks[first:] if b.kind is Kind.PROSE), 2))
    # a line cut only for a furniture word is a headline when it tells the lead's story ("Winter newsletter: …")
    visible = [
        i for i in range(first)
        if blocks[i].kind is not Kind.FURNITURE or (blocks[i].worded and shared_stems(blocks[i].text, lead) >= 2)
    ]
    # A line followed by a credited caption describes the picture ("Doctor preparing a bed").
    lines = [
        TitleLine(blocks[i].text, _distance(blocks, i, first), i)
        for i in visible
        if not _captioned(blocks, i)
        and any(_titleish(blocks[i], lower, _bylined(blocks, i)) for lower in (True, False))
    ]
    return pick_headline(lines, lead)


def _distance(blocks: list[_Block], i: int, first: int) -> int | None:
    """Count the lines (not furniture) to the byline, date or body after line i, when at most two."""
    near = range(i + 1, min(len(blocks), first + 1))
    following = [j for j in near if blocks[j].meta or blocks[j].kind is not Kind.FURNITURE]
    return next((n for n, j in enumerate(following[:2], 1) if j >= first or blocks[j].meta), None)


def _bylined(blocks: list[_Block], i: int) -> bool:
    return i + 1 < len(blocks) and blocks[i + 1].meta


def _captioned(blocks: list[_Block], i: int) -> bool:
    return i + 1 < len(blocks) and _CAPTION.search(blocks[i + 1].text) is not None


def _opening_headline(blocks: list[_Block], first: int, last: int) -> bool:
    """Say whether the page opens straight into the body with a headline that ends in a full stop."""
    head = blocks[first]
    if first != 0 or len(head.lines) != 1 or _has_quote(head.text) or head.words > 16:
        return False
    if head.text.rstrip(_CLOSERS).endswith((":", ";")):
        return False
    following = [b for b in blocks[first + 1 : min(last, first + 3) + 1] if b.kind is Kind.PROSE]
    return bool(following) and following[0].words > head.words


def _sub_heading(blocks: list[_Block], i: int, first: int, last: int) -> bool:
    return first < i < last and blocks[i - 1].kind in _BODY_KINDS and blocks[i + 1].kind in _BODY_KINDS


def clean(raw: str, repeated: frozenset[str] = frozenset()) -> CleanText:
    """Keep only the article body, so summaries and quotes never come from menus, adverts or comments."""
    raw = normalise_text(raw)
    blocks = _blocks(raw, repeated)
    _classify(blocks)
    span = _best_span(blocks)
    if span is None:
        removed = tuple(line for b in blocks for line in b.lines)
        return CleanText(body="", title=_find_title(blocks, len(blocks)), removed=removed)
    first, last = span
    title = _find_title(blocks, first)
    if title is None and _opening_headline(blocks, first, last):
        title = blocks[first].text
        first += 1
    keep = [
        i
        for i in range(first, last + 1)
        if blocks[i].kind in _BODY_KINDS
        or (blocks[i].kind is Kind.HEADING and _sub_heading(blocks, i, first, last))
    ]
    kept = set(keep)
    removed = tuple(line for i, b in enumerate(blocks) if i not in kept for line in b.lines)
    body = "\n\n".join(blocks[i].text for i in keep)
    log.debug("kept %d blocks, removed %d lines, title %r", len(keep), len(removed), title)
    return CleanText(body=body, title=title, removed=removed)
