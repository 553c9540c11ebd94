"""Find an article's headline, publication date, author and publisher in a copy-pasted web page."""

from __future__ import annotations

import itertools
import logging
import re
from datetime import date

from bot.core.dates import DATE_FILLER, find_date, is_dateline, month_first, parse_date
from bot.core.furniture import is_furniture
from bot.core.models import CleanText, Metadata
from bot.core.normalise import normalise_field, normalise_text, readable_name
from bot.core.quotes.lexicon import MONTHS, NAME_PARTICLES, WEEKDAYS, wordset

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DATE_LABEL = re.compile(
    r"^\W*(?:(?:this\s+)?(?:article|story|page|post)\s+(?:was\s+)?)?(?:first\s+)?(?:published|posted|date|dated"
    r"|released|issued|appeared)\b", re.I
)  # "This article first appeared in the Town Hall Review daily bulletin on 26 January 2026."
# Where a page files the article, with its date: "Filed under: Reports, Hospital discharge | 02 June 2023"
_FILED = re.compile(r"^\W*(?:(?:filed|posted)\s+(?:under|in)|tags?|tagged|categor(?:y|ies))\b", re.I)
# A date in the page's address or a breadcrumb of it: "example.co.uk › news › 2024 › 11 › 19 › councils-warn"
_ADDRESS_DATE = re.compile(r"[/›»]\s*((?:19|20)\d\d)\s*[/›»]\s*(\d\d?)\s*[/›»]\s*(\d\d?)\s*(?:[/›»]|$)")
_COMMENTS = re.compile(r"^\W*(?:\d+\s+)?(?:comments?|replies|leave a (?:reply|comment)|join the discussion)\b", re.I)
_COMMENTER = re.compile(r"^\W*posted\b.*\bby\b", re.I)  # "Posted by Jim on 1 Dec": a comment, not the article
_UPDATED_LABEL = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited)\b", re.I)

# "By Jane Smith", "Posted on 24/07/2018 by Jane Doe", "Written by Jane Doe", "Words by ..."
_BY = re.compile(
    r"^\W{0,3}(?:(?:posted|published|written|words|story|reported|report|text|interview|article|compiled|edited)\b"
    r"[^|\n]{0,40}?\s)?by\s*:?\s+(?P<name>\S.*)$",
    re.I,
)
_LABELLED_AUTHOR = re.compile(r"^\W{0,3}(?:authors?|writer|reporter|words|byline|by)\s*:\s*(?P<name>\S.*)$", re.I)
_NAME_END = re.compile(r"\s*(?:[,|·•(/;:–—]|\s-\s|\s(?:on|at|in|for|from|via)\s|\d)")
# A byline name may hold these too ("Jane and John Smith", "Ana dos Santos", "Tom St John"). The quote code
# leaves "dos ter el mac" out of NAME_PARTICLES: it drops particles that open a name, and there a capitalised
# "El" or "Mac" is more often a first name.
_PARTICLES = NAME_PARTICLES | wordset("dos ter el mac and & st")
_ROLE_WORDS = wordset(
    "correspondent reporter editor writer journalist columnist contributor staff team desk chief senior "
    "deputy political health social care news digital features local reporting data investigations "
    "business"
)
# Capitalised words that start a "By ..." phrase in ordinary sentences, never a byline.
_NOT_NAMES = frozenset(MONTHS) | WEEKDAYS | wordset(
    "christmas easter spring summer autumn winter then now contrast comparison law default far the this "
    "that these those its their our his her signing registering clicking continuing using"
)
# Capitalised words that make a "name" an organisation or a desk rather than a person.
_NON_PERSON = _ROLE_WORDS | wordset(
    "admin administrator press office agency agencies council nhs trust association weekly daily times "
    "journal magazine online group services sector today network federation uk england home homes "
    "society institute foundation department government ministry media communications comms pa reuters "
    "newsroom web website release statement notice committee commons select share download pdf print "
    "for to the and with from by your our search menu skip road street lane avenue on in what's"  # a line's words,
    # not a name's: "FOR IMMEDIATE RELEASE", "Search KBN", "Station Road", "What's On", "In Pictures", "By Meridian"
)

_COMPASS = wordset("north south east west mid central northern southern eastern western")
_REGION_WORDS = _COMPASS | wordset(
    "& wales midlands anglia yorkshire humber highlands islands england scotland ireland counties"
)
_ADDRESS = wordset("road street lane avenue close way drive place square")  # "X Court, Station Road": a place
_SOURCE = re.compile(r"^\W{0,3}source\s*:\s*(?P<name>.+)$", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.I)
# A company that owns a title ("Courier Media Group Ltd"): readers know the title by its own name, when the page
# gives it (a masthead, "Subscribe to …")
_OWNER = re.compile(r"\b(?:ltd|limited|plc|llp|inc|group|holdings|publishing)\.?$", re.I)
_OWNER_TAIL = re.compile(r"\s+(?:or|and)\s+its\s+(?:affiliated|associated|group|licensors).*$", re.I)
_COPYRIGHT_NOISE = re.compile(
    r"(?:©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)?\d\d)?|\ball rights reserved\b)", re.I
)
_IMAGE_WORDS = re.compile(r"\b(?:image|photo|pictures?|photograph|shutterstock|getty|alamy|istock)\b", re.I)
_NAME_PHRASE = r"(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|for|and|&|the|in|on)){0,7})"
_PUBLICATION_FOR = re.compile(
    _NAME_PHRASE + r",?\s+is\s+(?:(?:the|a|an|our)\s+(?:[\w'’-]+\s+){0,4}?(?:publication|magazine|newspaper"
    r"|news\s+(?:site|service|website)|website|journal|title|newsletter)\b|a\s+trading\s+name\s+of\b"
    r"|a\s+registered\s+trade\s*mark\b|a\s+member\s+of\s+(?:the\s+)?(?:Independent\s+Press\s+Standards|IPSO)\b)"
)
# "Marram Bay FM 102.7 is part of Coastline Broadcasting Ltd": the outlet, not its owner, publishes the page
_BRAND_OF = re.compile(
    _NAME_PHRASE + r"(?:\s+\d[\d.]*)?,?\s+is\s+(?:part\s+of|owned\s+by|published\s+by|a\s+(?:brand|division)\s+of)"
    r"\s+(?:the\s+)?[A-Z]"
)
_ORG_IS = re.compile(_NAME_PHRASE + r",?\s+(?:is|are)\s+(?:the|a|an)\s+\w")
_ABOUT = re.compile(r"^(?:About|ABOUT)\s+(?P<name>(?:[Tt]he\s+)?[A-Z][^.!?:|]{1,80})$")
_PRESS_END = re.compile(r"^\W*(?:ends|notes?\s+(?:to|for)\s+editors?|editors?['’]?s?\s+notes?)\W*$", re.I)
_FIELD_SPLIT = re.compile(r"\s*[|·•,–—]\s*|\s-\s|\s{2,}|\t")
# Between the fields of a header row such as "13 May 2021 | Written by Jane Doe" (commas stay in dates).
_ROW_SPLIT = re.compile(r"\s*[|·•]\s*|\s[-–—]\s|\s(?=By [A-Z])")  # "1 December 2026 By Oliver Pennock" too
_TITLE_SPLIT = re.compile(r"\s+(?:\||-|–|—|::)\s+")
_AGENCY = re.compile(r"(?:News|Press|Agency|Association|Wire)\b")  # after a byline's one word: an agency's name
_MEDIA_WORD = re.compile(
    r"\b(?:news|weekly|daily|times|journal|gazette|review|today|magazine|post|online|bulletin|chronicle|"
    r"herald|observer|monitor|digest|insight|courier|echo|mirror|express|telegraph|guardian|standard|"
    r"record|argus|mail|press|tribune|reporter|voice|world|live|hub|matters|update|mj|sentinel|inquirer|dispatch|"
    r"ledger|advertiser|examiner|beacon|bureau|service|wire|fm|radio|tv|television|broadcasting|brief|newsletter)\b",
    re.I,
)
_AGO = re.compile(r"^\W*(?:\d+\s+(?:mins?|minutes?|hours?|hrs?|days?|weeks?)\s+ago|yesterday|just now)\W*$", re.I)
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40} \((?P<name>[A-Z][\w .&'-]{1,40})\) [—–-]")
# "Press release issued by the Hearthside Trust press office"
_ISSUED_BY = re.compile(
    r"\b(?:issued|published) by (?:the )?(?P<name>[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|for|and|&))*?)"
    r"(?: press office| communications team)?$"
)
_WRITERS = wordset("reporter editor correspondent writer journalist columnist contributor staff")
_BUREAU = re.compile(r"(?:\s+[A-Z][a-z]+)?\s+Bureau$")  # "Tidewater Sentinel Washington Bureau": the paper's desk
# Section names that sit after the site name in a page title ("Headline | Site | News").
_SECTION_NAMES = wordset("news blog home articles features opinion analysis comment health care") | {
    "latest news", "press releases", "news and views"}

# Words that make up menu and section labels ("News & Social Media", "Press and Events", "Latest Updates");
# clean._NAV_WORDS is the broader list for whole navigation lines (see there why they stay two).
_MENU_WORDS = _SECTION_NAMES | wordset(
    "and & latest media social press events views updates releases resources stories insights publications "
    "blogs video videos podcasts newsroom announcements jobs advertise advertising careers contact about login "
    "register subscribe newsletter newsletters shop awards magazine webinars membership account search menu "
    "world business sport sports lifestyle culture politics travel money science technology entertainment weather"
)

_NOT_SITE = re.compile(
    r"[:@]|\b(?:release|skip|menu|search|home|cookies?|log ?in|sign (?:in|up)|subscribe|accept|reject|settings"
    r"|(?:more|further) (?:information|info|options)|manage|preferences|privacy)\b", re.I
)

_BRAND = (
    r"(?!(?:Our|Your|This|My|Us|All)\b)(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:(?:\s+(?:of|and|&))?\s+[A-Z][\w&'’.-]*){0,4})"
)
# Lines where a site names itself to sell a subscription or ask for writers: "Get unlimited access to The MJ",
# "Subscribe to Care Weekly", "Would you like to become a PSE columnist?".
_SELLING = re.compile(
    r"\b(?i:(?:unlimited|full|digital|premium|free)\s+access\s+to|subscribe\s+to|sign\s+up\s+to|become\s+an?)\s+"
    + _BRAND
    + r"(?=\s+[a-z]|\s[-–—]\s|[.,!?:;]|$)"
)
# An author box: "More articles by Jane Doe", "Popular stories by Jane Doe" ("from" is left out: "More stories
# from Northern Ireland" names a place).
_AUTHOR_BOX = re.compile(
    r"^\W{0,3}(?:(?:more|popular|latest|recent|other|all)\s+)?(?:articles|stories|posts|columns|blogs|news)"
    r"\s+by\s+(?P<name>.+)$",
    re.I,
)
# A press release opens with its organisation as the subject: "Care Homes UK has today welcomed the review".
_LEAD_ORG = re.compile(
    r"^(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|for|and|&)){0,5}?)(?:['’]s\s+(?:cabinet|board))?,?"
    r"\s+(?:(?:has|have)\s+(?:today\s+|this\s+week\s+)?(?:welcomed|announced|launched|responded|called|warned"
    r"|published|urged|criticised|backed|released|set\s+out|agreed)|(?:is|are)\s+to\s+\w+)\b"
)
_OFFICER = (
    r"(?:chief\s+executive|chief\s+officer|ceo|chair|chairman|chairwoman|chairperson|president|director"
    r"|spokesperson|spokesman|spokeswoman|head|leader)"
)
_WEIGHTS = {
    "source": 5, "publication": 4, "header": 3, "copyright": 3, "about": 3, "selling": 3, "suffix": 2, "release": 1,
    "owner": 2,
}  # fmt: skip


def _name_token(token: str) -> bool:
    if token.lower() in _PARTICLES:
        return True
    core = token.rstrip(".")
    return bool(core) and core[0].isupper() and all(c.isalpha() or c in "'’-" for c in core)


def _name_prefix(text: str) -> tuple[str, str]:
    """Split "Jane Smith, Health Correspondent | 8 June" into the name and what follows it."""
    match = _NAME_END.search(text)
    head, tail = (text[: match.start()], text[match.start() :]) if match else (text, "")
    tokens = head.split()
    kept: list[str] = []
    for n, token in enumerate(tokens):
        if kept and token.lower().strip(".") in _ROLE_WORDS:
            break
        if kept and kept[-1].isupper() and not token.isupper():  # "ELAINE KOVACS Meridian Press": the agency
            tail = " ".join(tokens[n:]) + (" " + tail if tail else "")
            break
        if not _name_token(token):
            return "", text
        kept.append(token)
    while kept and kept[-1].lower() in _PARTICLES:
        kept.pop()
    return " ".join(kept), tail


def byline(line: str) -> str | None:
    """Return the name a byline line credits ("By Jane Doe, Health Editor" -> "Jane Doe"), else None."""
    if len(line) > 160:
        return None
    match = _BY.match(line) or _LABELLED_AUTHOR.match(line)
    if match is None:
        return None
    name, tail = _name_prefix(match["name"].strip())
    agency = " " not in name and _AGENCY.match(match["name"].strip()[len(name) :].lstrip())  # "By Meridian News …"
    if not name or name.split()[0].lower().strip(".") in _NOT_NAMES or agency or _MEDIA_WORD.search(name):
        return None
    # A sentence that happens to start "By ..." runs on with lower-case words.
    lowers = sum(1 for w in _WORD.findall(tail) if w[0].islower())
    if (lowers > 3 and not is_job_title(tail.lstrip(", "))) or (line.rstrip().endswith(".") and lowers > 1):
        return None
    return name.title() if name.isupper() else name  # "By ELAINE KOVACS": shown as Elaine Kovacs


def is_person_name(text: str) -> bool:
    """Say whether text looks like a person's name (capitalised words, no desk or organisation words)."""
    tokens = text.split()
    named = [t for t in tokens if t.lower() not in _PARTICLES]
    if not 2 <= len(named) <= 8 or len(text) > 80:
        return False
    if not all(_name_token(t) for t in tokens):
        return False
    if all(t.lower() in _REGION_WORDS for t in named) or named[0].lower() in _COMPASS:
        return False  # "South East", "Mid & West Wales", "West Marches": a region's page, not a reporter
    return not any(t.lower().strip(".") in _NON_PERSON for t in named) and not _MEDIA_WORD.search(text)


def _lines(text: str) -> list[str]:
    return [s for s in (line.strip() for line in text.splitlines()) if s]


def _regions(raw: str, cleaned: CleanText) -> tuple[list[str], list[str]]:
    """Split the raw page into the lines before the body (header) and after it (footer). Date and byline lines
    among the body's paragraphs ("Published: …", "Interview by …" under a standfirst) belong with the header."""
    paragraphs = [p for p in cleaned.body.split("\n\n") if p.strip()]
    if not paragraphs:
        lines = _lines(raw)
        return lines[:40], []
    start = raw.find(paragraphs[0])
    end_at = raw.find(paragraphs[-1], max(start, 0))
    if start < 0 or end_at < 0:
        return [], []
    end = end_at + len(paragraphs[-1])  # the last paragraph too: "This article first appeared in … on 26 January"
    inside = [ln for ln in _lines(raw[start:end]) if _DATE_LABEL.match(ln) or _AUTHOR_BOX.match(ln)
              or byline(ln) or _writer_line(ln)]
    return _lines(raw[:start]) + inside, _lines(raw[end:])


def _with_fields(lines: list[str]) -> list[str]:
    """List each line, then its fields when it is a row of them, so a date or byline field counts alone."""
    out: list[str] = []
    for line in lines:
        out.append(line)
        fields = [f for f in _ROW_SPLIT.split(line) if f.strip()]
        if len(fields) > 1 and len(line) <= 160 and line.rstrip()[-1] not in ".!?":
            out.extend(fields)
    return out


def _writer_line(line: str) -> str | None:
    """Return the name of a line that is a journalist and their job: "Marcus Tiernan, Social Affairs Editor"."""
    if len(line) > _BYLINE_CHARS:  # a paragraph of the article, not a byline
        return None
    name = person_with_role(line)
    role = line[len(name or "") :].strip(" ,")
    return name if name and is_job_title(role) and _WRITERS.intersection(role.lower().split()) else None


def person_with_role(text: str) -> str | None:
    """Return the name of "Jane Smith" or "Jane Smith, Health Reporter", else None."""
    name, tail = _name_prefix(text)
    words = tail.lower().replace(",", " ").split()
    role = tail.lstrip().startswith(",") and len(words) <= 6 and not _ADDRESS.intersection(words)
    role = role or (is_job_title(tail) and bool(_WRITERS.intersection(words)))  # "Carys Meredith Health Correspondent"
    if is_person_name(name) and (not tail or role):  # not "Willowmere Court, Station Road, Ashby Fen"
        return name
    return None


def _published(header: list[str], footer: list[str], us: bool) -> date | None:
    """Prefer labelled dates (top, then foot), then bare date lines (a "today" banner too), then 'updated' ones."""
    labelled = [ln for ln in header if _DATE_LABEL.match(ln) or byline(ln)]
    bare = [ln for ln in header if is_dateline(ln) and not _UPDATED_LABEL.match(ln)]
    updated = [ln for ln in header if _UPDATED_LABEL.match(ln)]
    above = footer[: next((n for n, ln in enumerate(footer) if _COMMENTS.match(ln)), len(footer))]  # not comments
    closing = [ln for ln in above if (_DATE_LABEL.match(ln) or _FILED.match(ln)) and not _COMMENTER.search(ln)]
    dates = {parse_date(line, us) for line in closing} - {None}  # several: "Published …" under each related story
    if found := _first_date(labelled, us) or (dates.pop() if len(dates) == 1 else None) or _first_date(bare, us):
        return found
    for line in header:
        if (address := _ADDRESS_DATE.search(line)) and 1 <= int(address[2]) <= 12 and 1 <= int(address[3]) <= 31:
            return date(int(address[1]), int(address[2]), int(address[3]))
    return _first_date(updated, us)


def _first_date(lines: list[str], us: bool) -> date | None:
    """The date of the first of these lines that gives one."""
    return next(filter(None, (parse_date(line, us) for line in lines)), None)


def _author(header: list[str], footer: list[str], title: str | None) -> str | None:
    """Take the first byline naming a person, else a name line standing beside the headline or a date line."""
    for line in [*header, *footer[:4]]:
        name = byline(line)
        if name and is_person_name(name):
            return name
    for line in [*header, *footer]:
        if (m := _AUTHOR_BOX.match(line)) and (name := person_with_role(_tidy_name(m["name"]))):
            return name
    lines = [line for line in header if not _CONTACT.match(line)]  # a writer's email or handle under the name
    for i, line in enumerate(lines):
        beside = [n for n in lines[max(0, i - 1) : i + 2] if n != line]
        name = person_with_role(line)
        below = lines[i + 1] if i + 1 < len(lines) else ""
        if name and (title in beside or any(is_dateline(n) or _AGO.match(n) for n in beside) or is_job_title(below)
                     or _writer_line(line)):
            return name
        # "Jane Smith | 8 June 2022", "Jane Smith 8 June 2022" or "Jess Carter | 3 hours ago" on one line
        fields = _FIELD_SPLIT.split(line)
        if any(_AGO.match(part) for part in fields[1:]) and is_person_name(name := _tidy_name(fields[0])):
            return name
        if is_dateline(line):
            start, end, _ = find_date(line) or (0, 0, None)
            for part in [*fields, line[:start], line[end:]]:
                part = _tidy_name(part)
                if is_person_name(part) and not wordset(part.lower()) & DATE_FILLER:
                    return part
    # a writer signing off under the last paragraph, above the share buttons: "Jo Pike" / "Share this:"
    if footer and len(footer[0].split()) <= 3 and is_person_name(footer[0]):
        return footer[0] if len(footer) == 1 or _SIGN_OFF_NEXT.match(footer[1]) else None
    return None


_CONTACT = re.compile(r"^\W*(?:\S+@\S+\.\w+|@\w+|(?:email|e-mail|follow)\b.*)$", re.I)
_BYLINE_CHARS = 100
_SIGN_OFF_NEXT = re.compile(r"(?:share|tags?\b|filed under|posted in|related|follow)", re.I)


def is_job_title(line: str) -> bool:
    """Say whether a line is a writer's job title alone ("Social policy editor"), as under a name in a byline."""
    words = _WORD.findall(line)
    return 1 <= len(words) == len(line.split()) <= 6 and any(w.lower() in _ROLE_WORDS for w in words)


def _tidy_name(text: str) -> str:
    return text.strip(" \t.,;:|-–—\"'“”‘’")


def _capitalised(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in _PARTICLES or w.lower() == "of" for w in words)


def _title_parts(title: str | None) -> tuple[str | None, str | None]:
    """Split "Headline | Site Name" (or "Headline - Daily News") into the headline and the site name."""
    if not title:
        return title, None
    separators = list(_TITLE_SPLIT.finditer(title))
    end, sectioned = len(title), False
    while separators:
        separator = separators.pop()
        suffix, head = title[separator.end() : end].strip(), title[: separator.start()].strip()
        if suffix.lower() in _SECTION_NAMES and separators:
            end, sectioned = separator.start(), True  # "Headline - Site - News": the site is one further left
            continue
        words = suffix.split()
        piped = separator.group().strip() in ("|", "::")
        site_like = piped or _MEDIA_WORD.search(suffix) or (sectioned and _capitalised(words))
        if 1 <= len(words) <= 5 and len(head.split()) >= 3 and site_like:
            return head, suffix
        break
    return title, None


def _site_header(header: list[str], footer: list[str], title: str | None, body: str) -> str | None:
    """Find a site-name line above the headline: a media word, "The XYZ", named again outside the body, or a body's
    own news page that the article names as itself ("Carers Compass" over "… published today by Carers Compass")."""
    outside = "\n".join([*header, *footer]).lower()
    for line in itertools.islice((ln for ln in header if not is_furniture(ln, frozenset())), 6):  # past cookies
        if title and line == title:
            break
        parts = _TITLE_SPLIT.split(line)
        sectioned = len(parts) == 2 and parts[1].lower() in _SECTION_NAMES  # "Site Name - News"
        name = parts[0] if sectioned else line
        words = name.split()
        if not 1 <= len(words) <= 6 or name[-1] in ".!?:" or is_dateline(name) or byline(name):
            continue
        if any(sep in name for sep in ("|", ">", "  ", "/", "•")) or _NOT_SITE.search(name):
            continue
        if all(w.lower() in _MENU_WORDS or w.lower() in _REGION_WORDS for w in words):
            continue  # a menu or section label ("Ireland", "World"), not a site name
        if not _capitalised(words):
            continue
        again = outside.count(name.lower()) > 1 or (len(words) > 1 and body.count(name) > 1)
        the_caps = len(words) >= 2 and words[0] == "The" and words[1].isupper()
        if sectioned or again or the_caps or _MEDIA_WORD.search(name):
            return name
    return None


def _outlet_by_byline(header: list[str]) -> str | None:
    """Find the outlet's name on the line under a byline ("By Ann Lee" / "Meridian News Service" / a date)."""
    for line, below in itertools.pairwise(header):
        words = below.split()
        if not (byline(line) and 1 <= len(words) <= 6 and _capitalised(words)):
            continue
        if _MEDIA_WORD.search(below) and not (
            is_dateline(below) or byline(below) or is_person_name(below) or words[-1].lower() in _WRITERS
        ):  # "Chief Reporter" is the writer's job, not the paper
            return _BUREAU.sub("", below)
    return None


def _publisher_candidates(header: list[str], footer: list[str], title: str | None, body: str) -> list[tuple[str, str]]:
    """Collect (signal, name) pairs for the publisher from the lines around the body."""
    outside = [*header, *footer]
    found: list[tuple[str, str]] = []
    for line in outside:
        if m := _SOURCE.match(line):
            name = _tidy_name(re.split(r"\s+(?:https?://|www\.)", m["name"])[0])
            if name and not name.lower().startswith(("http", "www.")) and len(name.split()) <= 8:
                found.append(("source", name))
        if " is " in line:
            # the name starts after any sentence before it: "© Harbour Publishing Ltd. Ward Weekly is a …"
            found.extend(("publication", _tidy_name(m["name"].rsplit(". ", 1)[-1]))
                         for pattern in (_PUBLICATION_FOR, _BRAND_OF) for m in pattern.finditer(line))
        if _COPYRIGHT.search(line) and not _IMAGE_WORDS.search(line):
            rest = _COPYRIGHT_NOISE.sub(" ", line)
            name = _tidy_name(_OWNER_TAIL.sub("", re.split(r"\.\s|\||\s[-–—]\s|,\s", rest.strip())[0]))
            if name.casefold() == "crown":  # "© Crown copyright": the government, not a publisher's name
                continue
            if name and len(name.split()) <= 8 and any(c.isalpha() for c in name):
                # a company that owns the title, or a writer owning their own newsletter ("© 2025 Tobias Wren")
                found.append(("owner" if _OWNER.search(name) or is_person_name(name) else "copyright", name))
    in_press_notes = False
    for line in footer:
        if _PRESS_END.match(line):
            in_press_notes = True
        elif (m := _ABOUT.match(line)) and len(line.split()) <= 8 and line[-1] not in ".!?":
            found.append(("about", _tidy_name(re.sub(r"^the\s+", "", m["name"], flags=re.I))))
            in_press_notes = True
        elif in_press_notes and (m := _ORG_IS.match(line)):
            found.append(("about", _tidy_name(m["name"])))
    for line in outside:
        if not line.isupper():  # in capitals, "SUBSCRIBE TO CONTINUE READING" would read as a name
            found.extend(("selling", _tidy_name(m["name"])) for m in _SELLING.finditer(line))
    if site := _site_header(header, footer, title, body) or _outlet_by_byline(header):
        found.append(("header", site))
    if suffix := _title_parts(title)[1]:
        found.append(("suffix", suffix))
    return [(kind, name) for kind, name in found if name]


def _norm(name: str) -> str:
    return re.sub(r"^the", "", re.sub(r"[^a-z0-9]+", "", name.casefold()))


def _publisher(candidates: list[tuple[str, str]]) -> str | None:
    """Vote: names that several signals agree on (one containing the other) beat a single signal."""
    groups: list[tuple[set[str], list[tuple[str, str]]]] = []
    for kind, name in candidates:
        key = _norm(name)
        if not key:
            continue
        for keys, members in groups:
            if any(key in k or k in key for k in keys):
                keys.add(key)
                members.append((kind, name))
                break
        else:
            groups.append(({key}, [(kind, name)]))
    if not groups:
        return None
    _, members = max(groups, key=lambda g: (sum(_WEIGHTS[kind] for kind, _ in g[1]), len(g[1])))
    return min((name for _, name in members), key=len)


def _own_release(body: str) -> str | None:
    """Name the organisation whose own release this is: it leads the story and its own officer speaks."""
    m = _LEAD_ORG.match(body)
    if m is None:
        return None
    org = re.escape(m["name"])
    own_voice = rf"\b{_OFFICER}\s+(?:of|at)\s+(?:the\s+)?{org}\b|\b{org}['’]s\s+(?:[\w-]+\s+)?{_OFFICER}\b"
    return m["name"] if re.search(own_voice, body, re.I) else None


def extract_metadata(raw: str, cleaned: CleanText) -> Metadata:
    """Read headline, date, author and publisher from the page furniture around the cleaned body."""
    raw = normalise_text(raw)
    header, footer = _regions(raw, cleaned)
    title, _ = _title_parts(normalise_field(cleaned.title))
    candidates = _publisher_candidates(header, footer, cleaned.title, cleaned.body)
    if release := _own_release(cleaned.body):
        candidates.append(("release", release))
    if wire := _WIRE_DATELINE.match(cleaned.body):  # "GENEVA (Meridian Wire) — …": the agency's own credit
        candidates.append(("header", wire["name"]))
    candidates.extend(("publication", _tidy_name(m["name"])) for line in header if (m := _ISSUED_BY.search(line)))
    rows = _with_fields(header)
    meta = Metadata(
        title=title,
        published=_published(rows, footer, month_first("\n".join([*header, cleaned.body]), raw)),
        author=normalise_field(_author(rows, footer, cleaned.title)),
        publisher=normalise_field(readable_name(_publisher(candidates), raw)),
    )
    log.debug("metadata %s from %d header and %d footer lines", meta, len(header), len(footer))
    return meta
