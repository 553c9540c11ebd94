"""Who publishes a pasted page: the outlet named by source, copyright and "published by" lines, by lines
selling a subscription, by the site header and by the headline's suffix, weighed against each other."""

from __future__ import annotations

import re

from bot.core.bylines import MEDIA_WORD, REGION_WORDS, WRITERS, byline, capitalised, is_person_name, tidy_name
from bot.core.dates import is_dateline, running_head
from bot.core.furniture import is_furniture
from bot.core.normalise import WEB_ADDRESS
from bot.core.quotes.lexicon import ORG_WORDS, strip_possessive, wordset

_SOURCE = re.compile(r"^\W{0,3}source\s*:\s*(?P<name>.+)$", re.I)
# The outlet crediting its own desk: "Posted by CareTrade Weekly newsdesk", "By the Echo news team"
_DESK = re.compile(
    r"^(?:(?:Posted|Written) by|By)\s+(?:the\s+)?(?P<name>[^,|]{2,50}?)\s+(?:news ?desk|news team|editorial team)$",
    re.I,
)
_SENDER = re.compile(r"^From:\s*(?P<name>[^<>@]{2,60}?)\s*<[^<>@\s]+@[^<>\s]+>\s*$")  # "From: The Care Brief <…>"
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.I)
# A company that owns a title ("Courier Media Group Ltd"): readers know the title by its own name, when the page
# gives it (a masthead, "Subscribe to …"); "Cyf" is Welsh for Ltd
_COMPANY = "ltd|limited|plc|llp|inc|group|holdings|partners|publishing|cyf|cyfyngedig"
_MEDIA = "media|newspapers?|publications"  # a publisher's trade named in its company's name
_OWNER = re.compile(rf"\b(?:{_COMPANY}|{_MEDIA})\.?$", re.I)  # "© Marlowshire Media": a company
# The words a publishing company adds to its title's name: "Sentinel News & Media Limited", "Courant Group plc"
_COMPANY_WORDS = re.compile(rf"(?:\s+(?:news|{_MEDIA}|{_COMPANY})\b\.?|\s+(?:&|and)(?=\s))+$", re.I)
_OWNER_TAIL = re.compile(r"\s+(?:or|and)\s+its\s+(?:affiliated|associated|group|licensors).*$", re.I)
_NAME_THEN_YEAR = re.compile(  # "© Westmoor Television Ltd 2024 Terms …", not "© Copyright 2026 Pellbury Post"
    r"(?:©|\(c\)|copyright)\s*(?!copyright\b)(?P<name>[^\W\d][^©\d]*?)\s*\b(?:19|20)\d\d\b", re.I
)
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
# "Marram Bay FM 102.7 is part of Coastline Broadcasting Ltd", "Saltmere Sound 104.3FM is operated by Saltmere
# Community Media CIC": the outlet, not its owner, publishes the page
_BRAND_OF = re.compile(
    _NAME_PHRASE + r"(?P<frequency>\s+\d[\d.]*(?:FM|AM)?)?,?\s+is\s+(?:part\s+of|(?:owned|published|operated|run)\s+by"
    r"|a\s+(?:brand|division)\s+of)\s+(?:the\s+)?[A-Z]"
)
_FREQUENCY = re.compile(r"\s+\d{2,3}(?:\.\d)?\s*(?:FM|AM)?$")
# What a note says a body is: "a registered charity", "the professional body", "a membership organisation"; not a
# place ("in the UK") nor a street
_BODY_WORDS = (ORG_WORDS | wordset("body membership members")) - wordset(
    "uk england scotland wales street road avenue square crescent house court")
_ORG_IS = re.compile(_NAME_PHRASE + r",?\s+(?:is|are)\s+(?:the|a|an)\s+\w")
# "About the Ferrier Institute" names the site's owner; "About Us" no one
_ABOUT = re.compile(r"^(?:About|ABOUT)\s+(?!(?:Us|US|Me|This|Our)\b)(?P<name>(?:[Tt]he\s+)?[A-Z][^.!?:|]{1,80})$")
_PRESS_END = re.compile(r"^\W*(?:ends|notes?\s+(?:to|for)\s+editors?|editors?['’]?s?\s+notes?)\W*$", re.I)
# The page viewer's words after a masthead: "Calderbridge Evening Star ePaper"
_VIEWER = re.compile(r"\s+(?:e-?paper|e-?edition|digital edition|replica edition)$", re.I)
_TITLE_SPLIT = re.compile(r"\s+(?:\||-|–|—|::)\s+")
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40} \((?P<name>[A-Z][\w .&'-]{1,40})\) [—–-]")
# "Press release issued by the Hearthside Trust press office"
_ISSUED_BY = re.compile(
    r"\b(?:issued|published) by (?:the )?(?P<name>[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|for|and|&))*?)"
    r"(?: press office| communications team)?$"
)
# the paper a byline's writer writes for: "By Darren Holt for the Daily Beacon", in capitals on some tabloids
_WRITES_FOR = re.compile(r"\s(?:for|FOR)\s+(?:the\s+|THE\s+)?(?P<name>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})\s*$")
_BUREAU = re.compile(r"(?:\s+[A-Z][a-z]+)?\s+Bureau$")  # "Tidewater Sentinel Washington Bureau": the paper's desk
# Section names that sit after the site name in a page title ("Headline | Site | News").
_SECTION_NAMES = wordset("news blog home articles features opinion analysis comment health care") | {
    "latest news", "press releases", "news and views"}

# Words that make up menu and section labels ("News & Social Media", "Press and Events", "Latest Updates");
# furniture._NAV_WORDS is the broader list for whole navigation lines (see there why they stay two).
_MENU_WORDS = _SECTION_NAMES | wordset(
    "and & latest media social press events views updates releases resources stories insights publications "
    "blogs video videos podcasts episodes newsroom announcements jobs advertise advertising careers contact about "
    "login register subscribe newsletter newsletters shop awards magazine webinars membership account search menu "
    "world business sport sports lifestyle culture politics travel money science technology entertainment weather "
    "obituaries letters puzzles motors property"
)

_NOT_SITE = re.compile(
    r"[:@]|^home\b|\bhome ?page\b"  # the menu's "Home", not "Care at Home Journal"
    r"|\b(?:release|skip|menu|search|cookies?|log ?in|sign (?:in|up)|subscribe|accept|reject|settings|listen"
    r"|(?:more|further) (?:information|info|options)|manage|preferences|privacy)\b"
    r"|^(?:ok|okay|got it|i agree|allow all)$"  # a cookie banner's button
    r"|^(?:breaking(?: news)?|just in|live|latest|trending)$"  # a ticker's label over another story
    r"|^(?:cymraeg|english|gaeilge|gàidhlig)$"  # a bilingual site's language switch
    r"|\b(?:rewards|offers|deals|vouchers|bingo|dating|puzzles|games|shop)$", re.I  # the paper's "Beacon Rewards"
)

_LABEL_REACH = 5  # lines over a headline an aggregator's label for its outlet may stand
_SCOPES = wordset("local national regional international community uk")  # a section's: "Local News"
_TITLE_SMALL_WORDS = frozenset("of at in on for and the to &".split())  # lower case inside a title's name
_TRAIL_WORDS = 4  # a breadcrumb's section has few words ("Health and social care")
_TRAIL_SECTIONS = 2  # and a trail laid out one a line, few sections under "Home"
# The masthead's link text pasted after its name: "The Daily Ledger - Back to home"
_HOME_LINK = re.compile(r"(?:back|return|go) to (?:the )?home(?: ?page)?", re.I)
# A first line that asks something of the reader ("Support the Sentinel", "Join the Voice") is no site's name.
_ASKS = wordset("support subscribe donate join follow sign register become give")

_BRAND = (
    r"(?!(?:Our|Your|This|My|Us|All)\b)(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:(?:\s+(?:of|and|&|from\s+the))?\s+"
    r"[A-Z][\w&'’.-]*){0,4})"  # "Dispatches from the Glen" too
)
# Lines where a site names itself to sell a subscription or ask for writers: "Get unlimited access to The MJ",
# "Subscribe to Care Weekly", "Would you like to become a PSE columnist?".
_SELLING = re.compile(
    r"\b(?i:(?:unlimited|full|digital|premium|free)\s+access\s+to|subscribe\s+to|sign\s+up\s+to|become\s+an?"
    r"|thanks\s+for\s+reading)\s+"  # a newsletter's "Thanks for reading Dispatches from the Glen! Subscribe …"
    + _BRAND
    + r"(?=\s+[a-z]|\s[-–—]\s|[.,!?:;]|$)"
)
# The newsroom a source spoke to, as the body names it: "she told Vale Tonight", "Speaking to the Courier, …"
_TOLD = re.compile(r"\b(?:told|telling|[Ss]peaking to|spoke to|talking to|obtained by)\s+(?:the\s+)?" + _BRAND)
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
# A body's name may run long ("Mid Ulster and Erne Health and Social Care Trust"); a copyright line's words past
# this are a sentence, not a name
_NAME_WORDS = 12
_DESCRIBED_OWNER = re.compile(
    r"an? (.+?) (?:company|group|business|brand|title|publication|subsidiary|division|imprint)"
)
_WEIGHTS = {
    "source": 5, "publication": 4, "masthead": 4, "header": 3, "copyright": 3, "about": 3, "selling": 3, "suffix": 2,
    "release": 1, "owner": 2, "credit": 1, "told": 2, "address": 2, "running": 3,
}  # fmt: skip

_VOTES_ONLY = frozenset(("told", "selling", "address", "running"))


def title_parts(title: str | None) -> tuple[str | None, str | None]:
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
        site_like = piped or (MEDIA_WORD.search(suffix) and suffix[0].isupper()) or (  # not a live page's "– live"
            sectioned and capitalised(words))
        if 1 <= len(words) <= 5 and len(head.split()) >= 3 and site_like:
            return head, suffix
        break
    return title, None


def _station(name: str) -> str:
    """A station's name without its frequency ("Strathmurran FM 102.4" is "Strathmurran FM"), unless a place's name
    alone would be left: "Hexmoor 106.4" keeps its number, "Hexmoor" is the town."""
    bare = _FREQUENCY.sub("", name)
    return bare if len(bare.split()) > 1 else name


def _shown(header: list[str]) -> list[int]:
    """The header's lines a reader sees as the page's own, by index: not furniture, not the site's address."""
    return [n for n, ln in enumerate(header) if not (is_furniture(ln, frozenset()) or WEB_ADDRESS.fullmatch(ln))]


def _site_header(
    header: list[str], shown: list[int], footer: list[str], title: str | None, body: str, told: set[str]
) -> str | None:
    """Find a site-name line above the headline (`shown`, the lines not furniture): a media word, "The XYZ", named
    again outside the body, or a body's own news page that the article names as itself ("Carers Compass" over "…
    published today by Carers Compass")."""
    outside = "\n".join([*header, *footer]).lower()
    menu = {item.strip().lower() for ln in header if ln.count("|") >= 2 for item in ln.split("|")}  # its sections
    homed = [n for n in shown[6:] if _HOME_LINK.fullmatch(_TITLE_SPLIT.split(header[n])[-1])]
    for n in shown[:6] + homed[:1]:  # past cookies; and however far down, "The Courier - Back to home"
        line = header[n]
        if title and line == title:
            break
        if _in_trail(header, n):
            continue  # a section on a breadcrumb trail laid out one a line: "Home" / "Health and social care" / …
        if 0 < n < len(header) - 1 and all(len(x.split()) == 1 for x in header[n - 1 : n + 2]):
            continue  # one word between two others: a menu's item ("News" / "Clinical" / "Careers")
        parts = _TITLE_SPLIT.split(line)
        # "Site Name - News", or with its tagline: "The Daily Meridian - independent journalism since 1887"
        sectioned = len(parts) == 2 and (parts[1].lower() in _SECTION_NAMES or parts[1][:1].islower()
                                         or _HOME_LINK.fullmatch(parts[1]) is not None)
        if n and byline(header[n - 1]) and line.split()[-1].lower() in WRITERS:
            continue  # the writer's job under the byline ("Local Democracy Reporter"), not "The Reporter"
        station = _VIEWER.sub("", parts[0] if sectioned else line)  # "Strathmurran FM 102.4" is "Strathmurran FM"
        name = _FREQUENCY.sub("", station)
        words = name.split()
        if not 1 <= len(words) <= 6 or name[-1] in ".!?:" or is_dateline(name) or byline(name):
            continue
        if any(sep in name for sep in ("|", ">", "  ", "/", "•")) or _NOT_SITE.search(name):
            continue
        if all(w.lower() in _MENU_WORDS or w.lower() in REGION_WORDS for w in words) or name.lower() in menu:
            continue  # a menu or section label ("Ireland", "World", one the menu row lists), not a site name
        # the page's first line over its tagline: "Scrubs to Sunshine" / "One nurse, one suitcase, one long flight"
        tagged = (n == shown[0] and len(words) > 1 and words[0].lower() not in _ASKS and n + 1 < len(header)
                  and _tagline(header[n + 1], title))
        titled = words[0][0].isupper() and words[-1][0].isupper() and words[0].lower() not in _ASKS and all(
            w[0].isupper() or w in _TITLE_SMALL_WORDS for w in words)  # "Care at Home Journal", not "Support the X"
        if not (capitalised(words) or titled or (tagged and words[0][0].isupper() and words[-1][0].isupper())):
            continue
        bare = name.lower().removeprefix("the ")  # "The Strathcarrach Courant" is "© Strathcarrach Courant Ltd"'s
        again = len(re.findall(rf"\b{re.escape(bare)}\b", outside)) > 1 or _web_name(name, outside)  # "OK" is no
        again = again or (len(words) > 1 and body.count(name) > 1)  # word of "cookies"
        again = again or (len(words) > 1 and name in told)  # "he told Primary Care Week"
        owned = len(words) > 1 and words[0].lower() not in _ASKS and _owner_named(words[-1], outside)
        again = again or owned  # "© Insider Media Ltd" under "CareHome Insider"; not "Support The Meridian"
        the_caps = len(words) >= 2 and words[0] == "The" and words[1].isupper()
        # the page's first line over the site's menu row: "The Pharmacy Counter" / "News | Business | Clinical | …"
        menued = n == shown[0] and len(words) > 1 and n + 1 < len(header) and header[n + 1].count("|") >= 2
        if sectioned or again or the_caps or tagged or menued or MEDIA_WORD.search(name):
            return _station(station)
    return None


def _masthead(first: str, site: str) -> bool:
    """Say whether the site's name is the page's first line, its masthead: the title readers know, over the company
    a copyright line names ("Upton Vale Weekly", "© Vale Community Press"); not a button's "Join AHCU"."""
    return _station(_FREQUENCY.sub("", first)) == site and first.split()[0].lower() not in _ASKS


def _printed(header: list[str]) -> list[tuple[str, str]]:
    """The names a page pasted from print or a reader view keeps: the paper in its running head, the site's address."""
    running = [("running", _paper(name)) for name in _running_names(header)]
    return running + [("address", line) for line in header if WEB_ADDRESS.fullmatch(line)]


def _running_names(header: list[str]) -> list[str]:
    """The paper's names in a printed page's running heads: on one line, or, pasted from a PDF, on three ("8" /
    "THE STRATHMORE CLARION" / "Thursday, February 27, 2025"), the name then in capitals as a masthead is."""
    lines = [*header, *(" ".join(header[n : n + 3]) for n, line in enumerate(header[:-2])
                        if line.isdigit() and header[n + 1].isupper())]
    return [head[0] for line in lines if (head := running_head(line))]


def _paper(name: str) -> str:
    """The paper's name in a running head, after the page's section ("NEWS Dunmore Evening Telegraph")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _MENU_WORDS:
        words.pop(0)
    return " ".join(words)


def _in_trail(header: list[str], n: int) -> bool:
    """Say whether line n is a section on a breadcrumb trail laid out one a line: one of the two short lines right
    under "Home" ("Home" / "Health and social care" / "Nursing"). A menu has more items, a masthead among them."""
    trail = header[max(0, n - _TRAIL_SECTIONS) : n + 1]
    home = next((m for m, line in enumerate(trail) if line == "Home"), None)
    return home is not None and home < len(trail) - 1 and all(len(ln.split()) <= _TRAIL_WORDS for ln in trail[home:])


def _owner_named(word: str, outside: str) -> bool:
    """Whether a copyright line names the company that owns the title after its last word: "CareHome Insider" is
    the masthead of the page that says "© 2025 Insider Media Publishing Ltd"."""
    return any(re.search(rf"\b{re.escape(word)}\b", line[m.end() :], re.I)
               for line in outside.splitlines() if (m := _COPYRIGHT.search(line)))


def _tagline(line: str, title: str | None) -> bool:
    """Whether a line under a page's first line is its tagline ("One nurse, one suitcase, one very long flight",
    "Notes from the back of an ambulance. Names and places changed, always."): words in lower case, not a question
    or a colon's lead-in, not the headline; a blog's or paper's name stands over it."""
    words = line.split()
    return line != title and 3 <= len(words) <= 16 and line[-1] not in "!?:" and sum(w.islower() for w in words) >= 2


def _told(body: str) -> set[str]:
    """The names of the newsroom the article's sources spoke to ("she told Vale Tonight"): the outlet's own; not
    "told MPs"."""
    names = {tidy_name(m["name"]) for m in _TOLD.finditer(body)}
    return {name for name in names if len(name) > 2 and not name.endswith("s")}


def _web_name(name: str, text: str) -> bool:
    """Whether the site's web or email address spells a name, run together ("South Ulster Clarion":
    newsdesk@southulsterclarion.co.uk): a site's address is its own name."""
    squashed = re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))
    return len(squashed) >= 6 and re.search(rf"(?:@|www\.|//)(?:the)?{squashed}\.", text) is not None


def _outlet_by_byline(header: list[str]) -> str | None:
    """Find the outlet's name in a byline ("By DARREN HOLT FOR THE DAILY BEACON") or on the line under it ("By Ann
    Lee" / "Meridian News Service" / a date)."""
    bylines = [n for n, line in enumerate(header) if byline(line)]
    for n in bylines:
        if (m := _WRITES_FOR.search(header[n])) and MEDIA_WORD.search(m["name"]):
            return m["name"].title() if m["name"].isupper() else m["name"]
    for n in bylines:
        below = header[n + 1] if n + 1 < len(header) else ""
        words = below.split()
        if not (1 <= len(words) <= 6 and capitalised(words)):
            continue
        if MEDIA_WORD.search(below) and not (
            is_dateline(below) or n + 1 in bylines or is_person_name(below) or words[-1].lower() in WRITERS
        ):  # "Chief Reporter" is the writer's job, not the paper
            return _BUREAU.sub("", below)
    return None


def _outlet_label(line: str) -> bool:
    """Say whether a line could be an outlet's name standing alone: a few capitalised words with a media word, not a
    section ("Health News", "Local News"), a date or a byline."""
    words = line.split()
    return (1 < len(words) <= 6 and capitalised(words) and MEDIA_WORD.search(line) is not None
            and not all(w.lower() in _MENU_WORDS | _SCOPES or w.lower() in REGION_WORDS for w in words)
            and not (is_dateline(line) or byline(line)))


def _story_label(header: list[str], footer: list[str], title: str | None, body: str) -> str | None:
    """Name the outlet an aggregator (MSN, Yahoo) labels a story with, over its headline or under a bare byline, and
    credits below it: the story's publisher, not the platform framing it. Not a section of the site's own: one its
    menu lists, or one sharing a word with its masthead ("Wearmouth News" on the Wearmouth Evening Post)."""
    shown = _shown(header)
    if not title or title not in header or not shown:
        return None
    at = header.index(title)
    # the nearest over it, past "Follow", a section, the byline: "Ashworth Gazette" / "Follow" / "Story by …"
    above = [n for n in range(max(0, at - _LABEL_REACH), at) if _outlet_label(header[n])][-1:]
    below = [at + 2] if at + 2 < len(header) and (byline(header[at + 1]) or is_person_name(header[at + 1])) else []
    for n in above + below:
        label, after = header[n], [*header[n + 1 :], *body.split("\n"), *footer]  # below it: captions, cards
        in_menu = any(header[k] == label and len(header[k - 1].split()) <= 2 and len(header[k + 1].split()) <= 2
                      for k in range(1, n))
        if _outlet_label(label) and not in_menu and _credited(label, after):  # the masthead only then: rarely
            site = _site_header(header, shown, footer, title, body, _told(body)) or _FREQUENCY.sub("", header[shown[0]])
            if not {w for w in _norm_words(site) if not MEDIA_WORD.fullmatch(w)} & _norm_words(label):
                return next((m[0] for m in re.finditer(re.escape(label), "\n".join(after), re.I) if m[0].istitle()),
                            label)  # "THE SEVERNSIDE POST" as the page also writes it
    return None


def _credited(label: str, lines: list[str]) -> bool:
    """Say whether lines credit an outlet's story to it ("© Fenmarsh Star", "(Image: …)", "Source: …", "More from
    …"), or list several of its stories, its name over or under each headline (one may be a sister title's)."""
    named = rf"(?:the\s+)?{re.escape(label.removeprefix('The '))}"
    credit = rf"(?i)(?:\bmore from|©|\b(?:source|image|photograph|picture|photo)s?:|\()\s*{named}\b"
    if any(re.search(credit, line) for line in lines):
        return True
    words = [len(line.split()) for line in [*lines, ""]]
    return sum(re.fullmatch(named, line, re.I) is not None and max(words[k - 1], words[k + 1]) > 3
               for k, line in enumerate(lines) if k) > 1


def _norm_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w != "the"}


def _describes_body(description: str) -> bool:
    """Say whether a note's "X is …" says what kind of body X is ("… is the professional body for …", "… is a
    registered charity"), not what an illness is ("Parkinson's is the fastest growing neurological condition …")."""
    first = re.split(r"[.;:](?:\s|$)", description, maxsplit=1)[0]
    return any(word in _BODY_WORDS for word in re.findall(r"[a-z]+", first.lower()))


def _copyright_line(line: str) -> bool:
    """Say whether a line claims copyright for a name, not for a picture ("Image © Jane Doe")."""
    return _COPYRIGHT.search(line) is not None and not _IMAGE_WORDS.search(line)


def _publisher_candidates(header: list[str], footer: list[str], title: str | None, body: str) -> list[tuple[str, str]]:
    """Collect (signal, name) pairs for the publisher from the lines around the body."""
    outside = [*header, *footer]
    found: list[tuple[str, str]] = []
    # the page's own copyright is its last; one above it credits the story's source
    last_copyright = next((ln for ln in reversed(outside) if _copyright_line(ln)), "")
    for line in outside:
        if m := _SOURCE.match(line):
            name = tidy_name(re.split(r"\s+(?:https?://|www\.)", m["name"])[0])
            if name and not name.lower().startswith(("http", "www.")) and len(name.split()) <= 8:
                found.append(("source", name))
        if m := _SENDER.match(line):  # a newsletter pasted from an email: whoever sent it publishes it
            found.append(("source", tidy_name(m["name"])))
        if m := _DESK.match(line):
            found.append(("publication", tidy_name(m["name"])))
        if " is " in line:
            # the name starts after any sentence before it: "© Harbour Publishing Ltd. Ward Weekly is a …"
            for m in (*_PUBLICATION_FOR.finditer(line), *_BRAND_OF.finditer(line)):
                name = m["name"].rsplit(". ", 1)[-1] + (m.groupdict().get("frequency") or "")
                found.append(("publication", tidy_name(_station(name))))
        if _copyright_line(line):
            credit = line != last_copyright  # "© National Press Wire" under a syndicated story: not the site's
            mark = _COPYRIGHT.search(line).start()  # a sentence before the mark names no one: "Our journalism …. ©"
            named = _NAME_THEN_YEAR.match(line, mark)  # "© Westmoor Television Ltd 2024 Terms Privacy": to its year
            rest = _COPYRIGHT_NOISE.sub(" ", named["name"] if named else line[mark:] if line[:mark].rstrip().endswith(
                (".", "!", "?")) else line)
            name = tidy_name(_OWNER_TAIL.sub("", re.split(r"\.\s|\||\s[-–—]\s|,\s", rest.strip())[0]))
            if name.casefold() == "crown":  # "© Crown copyright": the government, not a publisher's name
                continue
            described = _DESCRIBED_OWNER.fullmatch(name)  # "©2026 a Fenmoor Media company": who owns the site
            name = described[1] if described else name
            if name and len(name.split()) <= _NAME_WORDS and any(c.isalpha() for c in name):
                # a company that owns the title, or a writer owning their own newsletter ("© 2025 Tobias Wren")
                owner = described or _OWNER.search(name) or is_person_name(name)
                found.append(("credit" if credit else "owner" if owner else "copyright", name))
    in_press_notes = False
    for line in footer:
        if _PRESS_END.match(line):
            in_press_notes = True
        elif (m := _ABOUT.match(line)) and len(line.split()) <= 8 and line[-1] not in ".!?" and not _NOT_SITE.search(
            m["name"]):  # "About Contact Advertise Privacy Cookies" is a row of footer links
            found.append(("about", tidy_name(re.sub(r"^the\s+", "", m["name"], flags=re.I))))
            in_press_notes = True
        elif in_press_notes and (m := _ORG_IS.match(line)) and _describes_body(line[m.end("name") :]):
            found.append(("about", tidy_name(m["name"])))
    for line in outside:
        if not line.isupper():  # in capitals, "SUBSCRIBE TO CONTINUE READING" would read as a name
            # "Sign up to The Blaze's showbiz newsletter": The Blaze sells it
            found.extend(("selling", tidy_name(strip_possessive(m["name"]))) for m in _SELLING.finditer(line))
    found.extend(_printed(header))
    told = _told(body)
    shown = _shown(header)
    if site := _site_header(header, shown, footer, title, body, told) or _outlet_by_byline(header):
        found.append(("masthead" if shown and _masthead(header[shown[0]], site) else "header", site))
    if told:  # a newsroom the sources spoke to (or its figures were obtained by) that a line of the page names
        lines, text = {_norm(line) for line in outside}, "\n".join(outside)  # alone; or, where the page
        owned = all(kind == "owner" for kind, _ in found)  # names only its owner, the title whose name the owner's
        found.extend(("told", name) for name in told  # has: "Daily Clarion" by "© Clarion Newspapers Ltd"
                     if _norm(name) in lines or (owned and " " in name and _owner_named(name.split()[-1], text)))
    return [(kind, name) for kind, name in found if name]


def _norm(name: str) -> str:
    return re.sub(r"^the", "", re.sub(r"[^a-z0-9]+", "", name.casefold()))


def _vote_key(kind: str, name: str) -> str:
    """The part of a candidate's name that votes: "Sentinel News & Media Ltd", the company, votes for "The Daily
    Sentinel", and so does the address "dailysentinel.co.uk"."""
    if kind == "owner":
        return _norm(_COMPANY_WORDS.sub("", name))
    return _norm(WEB_ADDRESS.fullmatch(name)["label"] if kind == "address" else name)


def _publisher(candidates: list[tuple[str, str]]) -> str | None:
    """Vote: names that several signals agree on (one containing the other) beat a single signal."""
    groups: list[tuple[set[str], list[tuple[str, str]]]] = []
    for kind, name in candidates:
        key = _vote_key(kind, name)
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
    # "she told UBN", "Become a Courant supporter", a running head's "EVENING GAZETTE", an address: votes for the
    named = [(kind, name) for kind, name in members if kind not in _VOTES_ONLY]  # page's name, which they shorten
    if named and all(kind == "owner" for kind, _ in named):  # only the company's name: the title its newsroom goes by
        named += [(kind, name) for kind, name in members if kind == "told" and " " in name]  # ("the Daily Clarion")
    # the masthead's name as shown ("NBS News", not "© NBS"), else the shortest: "The Courant", not "Courant Ltd"
    best = min(named or members, key=lambda member: (member[0] == "owner", member[0] != "masthead", len(member[1])))[1]
    if best.isupper():  # a masthead's capitals ("SOCIAL WORK STANDARD"): the name as the page also writes it
        return next((name for _, name in members if name.casefold().removeprefix("the ") == best.casefold()
                     and not name.isupper()), best)
    return best


def _own_release(body: str) -> str | None:
    """Name the organisation whose own release this is: it leads the story and its own officer speaks."""
    m = _LEAD_ORG.match(body)
    if m is None:
        return None
    org = re.escape(m["name"])
    own_voice = rf"\b{_OFFICER}\s+(?:of|at)\s+(?:the\s+)?{org}\b|\b{org}['’]s\s+(?:[\w-]+\s+)?{_OFFICER}\b"
    return m["name"] if re.search(own_voice, body, re.I) else None


def find_publisher(header: list[str], footer: list[str], title: str | None, body: str) -> str | None:
    """Name the publisher from the lines around the body, the page title and the body's own credits."""
    if label := _story_label(header, footer, title, body):
        return label
    candidates = _publisher_candidates(header, footer, title, body)
    if suffix := title_parts(title)[1]:
        candidates.append(("suffix", suffix))
    if release := _own_release(body):  # "Source: X" over X's own release credits its issuer, not a paper it came from
        candidates = [("release" if kind == "source" and _norm(name) == _norm(release) else kind, name)
                      for kind, name in candidates]
        candidates.append(("release", release))
    if wire := _WIRE_DATELINE.match(body):  # "GENEVA (Meridian Wire) — …": the agency's own credit
        candidates.append(("header", wire["name"]))
    candidates.extend(("publication", tidy_name(m["name"])) for line in header if (m := _ISSUED_BY.search(line)))
    return _publisher(candidates)
