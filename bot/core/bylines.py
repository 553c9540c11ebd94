"""Names and bylines on a page's lines, shared by the cleaner and by the author and publisher finders."""

from __future__ import annotations

import re

from bot.core.dates import find_date
from bot.core.furniture import ends_sentence
from bot.core.quotes.lexicon import MONTHS, NAME_PARTICLES, WEEKDAYS, is_given_name, wordset

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# "By Jane Smith", "Posted on 24/07/2018 by Jane Doe", "Written by Jane Doe", "Words by ...", "Show notes by ..."
_BY_VERBS = (r"(?:posted|published|written|words|story|reported|reporting|report|text|interview|article|compiled"
             r"|edited|live|hosted|presented|(?:show )?notes)")
# "By" or "Posted by" on a line of its own, over the writer's name
BARE_BY = re.compile(rf"\W*(?:{_BY_VERBS}\s+)?by\W*$", re.I)
_BY = re.compile(
    rf"^\W{{0,3}}(?:{_BY_VERBS}\b[^|\n]{{0,40}}?\s"
    # a blog's "This entry was posted in News and tagged hospital radio, Penford … on 14 May by Jean Whitlock."
    r"|this (?:entry|post) was (?:posted|published)\b[^|\n]{0,160}?\s)?"
    r"(?:by\s*:?|as told to)\s+(?P<name>\S.*)$",  # a first-person account's "As told to Hannah Pryce"
    re.I,
)
# A reporter filing from where the story is: "From Liam Stokes at Brantwick Crown Court"
_FROM_PLACE = re.compile(r"^\W{0,3}From\s+(?P<name>[A-Z][^,:]*?\s(?:at|in)\s+[A-Z][^,:]*)$")
_LABELLED_AUTHOR = re.compile(  # "Words and pictures: Sam Orrell" too
    r"^\W{0,3}(?:authors?|writer|reporter|words(?: and (?:pictures|photos|photographs))?|byline|by)\s*:\s*"
    r"(?P<name>\S.*)$",
    re.I,
)
_HOSTED = re.compile(r"^[Ww]ith (?P<name>[A-Z][\w'’.-]*(?: [\w'’.-]+){1,3})$")  # a column's "with Jean Tomkins"
_NAME_END = re.compile(r"\s*(?:[,|·•(/;:–—]|\s-\s|\s(?:on|at|in|for|from|via|ON|AT|IN|FOR|FROM|VIA)\s|\d)")
# A byline name may hold these too ("Jane and John Smith", "Ana dos Santos", "Tom St John"). The quote code
# leaves "dos ter el mac" out of NAME_PARTICLES: it drops particles that open a name, and there a capitalised
# "El" or "Mac" is more often a first name.
_PARTICLES = NAME_PARTICLES | wordset("dos ter el mac and & st")
_JOB_HEADS = wordset(
    "correspondent reporter editor writer journalist columnist contributor staff team desk chief commentator critic"
)
_WRITER = re.compile(r"writer\b", re.I)  # a writer of one kind: "sketchwriter", "leader writer"
_ROLE_WORDS = _JOB_HEADS | wordset(
    "senior deputy political health social care news digital features local reporting data investigations business "
    "court courts crime education transport environment science consumer community"  # "Tom Garside Court Reporter"
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
    "newsroom web website release statement notice committee commons select share download pdf print mps lords "
    "sport sports weather subscribe log login register sign "
    "for to the and with from by your our search menu skip road street lane avenue on in what's"  # a line's words,
    # not a name's: "FOR IMMEDIATE RELEASE", "Search KBN", "Station Road", "What's On", "MPs and Lords", "By Meridian",
    # "Subscribe   Log in   Register"
)

_COMPASS = wordset("north south east west mid central northern southern eastern western")
REGION_WORDS = _COMPASS | wordset(
    "& wales midlands anglia yorkshire humber highlands islands england scotland ireland counties"
)
_ADDRESS = wordset("road street lane avenue close way drive place square")  # "X Court, Station Road": a place
_AGENCY = re.compile(r"(?:News|Press|Agency|Association|Wire)\b")  # after a byline's one word: an agency's name
MEDIA_WORD = re.compile(
    r"\b(?:news|weekly|daily|times|journal|gazette|review|today|magazine|post|online|bulletin|chronicle|"
    r"herald|observer|monitor|digest|insight|courier|echo|mirror|express|telegraph|guardian|standard|"
    r"record|argus|star|mail|press|tribune|reporter|voice|world|live|hub|matters|update|mj|sentinel|inquirer|dispatch|"
    r"ledger|advertiser|examiner|beacon|bureau|service|wire|fm|radio|tv|television|broadcasting|brief|newsletter)\b",
    re.I,
)
# "… and the Voices Together news team", "… and agencies": the newsroom that wrote it with them
_WITH_TEAM = re.compile(  # "By X and the health team", "Edited by X, with reporting from Y and Z"
    r"(?:and|&) (?:the )?(?:[\w'’-]+ ){0,4}(?:team|desk|staff|agencies|reporters|newsroom)"
    r"|,? ?with (?:additional )?reporting (?:by|from) [^.]{3,80}", re.I
)
_FILED_FROM = re.compile(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
_DESCRIPTION_WORDS = 8  # "Jane Doe, third-year adult nursing student": who writes, in a few words
WRITERS = wordset("reporter editor correspondent writer journalist columnist contributor staff")


def _name_token(token: str) -> bool:
    if token.lower() in _PARTICLES:
        return True
    core = token.rstrip(".")
    return bool(core) and core[0].isupper() and all(c.isalpha() or c in "'’-" for c in core)


_MAC = re.compile(r"(Ma?c)([A-Z'’-]{2,})")  # a Scottish or Irish surname in capitals: "MacAULAY", "McGRATH"


def _in_capitals(token: str) -> bool:
    return token.isupper() or _MAC.fullmatch(token) is not None


def _name_prefix(text: str) -> tuple[str, str]:
    """Split "Jane Smith, Health Correspondent | 8 June" into the name and what follows it."""
    match = _NAME_END.search(text)
    head, tail = (text[: match.start()], text[match.start() :]) if match else (text, "")
    tokens = head.split()
    kept: list[str] = []
    for n, token in enumerate(tokens):
        if kept and token.lower().strip(".") in _ROLE_WORDS:  # "Jane Smith Health Correspondent": the job
            tail = " ".join(tokens[n:]) + (" " + tail if tail else "")
            break
        if kept and kept[-1].isupper() and not _in_capitals(token):  # "ELAINE KOVACS Meridian Press": the agency
            tail = " ".join(tokens[n:]) + (" " + tail if tail else "")
            break
        if not _name_token(token):
            if len(kept) > 2 and kept[-1].lower() in ("and", "&"):  # "Jordan Pike and the news team": the name
                tail = " ".join(tokens[n - 1 :]) + (" " + tail if tail else "")
                kept.pop()
                break
            return "", text
        kept.append(token)
    while kept and kept[-1].lower() in _PARTICLES:
        kept.pop()
    return " ".join(kept), tail


# The newsroom and the writer's job before the name: "By SVTV News reporter Lucy Ferndale", "By Gazette health
# correspondent Ann Lee"
_DESK_ROLE = re.compile(
    r"(?:[A-Z][\w&'’.-]*\s+){1,4}(?:[a-z]+\s+){0,2}(?:[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Jj]ournalist)\s+(?=[A-Z][a-z])"
)


def byline(line: str) -> str | None:
    """Return the name a byline line credits ("By Jane Doe, Health Editor" -> "Jane Doe"), else None."""
    if len(line) > 160:
        return None
    match = _BY.match(line) or _LABELLED_AUTHOR.match(line) or _FROM_PLACE.match(line)
    if match is None:
        return None
    credited = match["name"].strip()
    credited = credited[desk.end() :] if (desk := _DESK_ROLE.match(credited)) else credited
    name, tail = _name_prefix(credited)
    agency = " " not in name and _AGENCY.match(credited[len(name) :].lstrip())  # "By Meridian News …"
    # "From Cardiff in Wales", "From Ashby Crown Court in …" name a place, not a reporter
    place = match.re is _FROM_PLACE and not is_person_name(re.split(r"\s(?:at|in)\s", credited)[0])
    if not name or name.split()[0].lower().strip(".") in _NOT_NAMES or agency or MEDIA_WORD.search(name) or place:
        return None
    # A sentence that happens to start "By ..." runs on with lower-case words; a blog's credit line names the
    # day and the categories after it: "Posted by Dev Malik on 27 November 2026 in Council, Health and social care"
    dated = find_date(tail)
    lowers = sum(1 for w in _WORD.findall(tail[: dated[0]] if dated else tail) if w[0].islower())
    described = _describes_writer(tail, line) or _WITH_TEAM.fullmatch(tail.strip()) is not None
    if (lowers > 3 and not is_job_title(tail.lstrip(", ")) and not described) or (
        line.rstrip().endswith(".") and lowers > 1
    ):
        return None
    name = name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name  # "… by Leah Fordham.", not "J."
    if all(map(_in_capitals, name.split())):  # "By ELAINE KOVACS": Elaine Kovacs; "FIONA MacAULAY": Fiona MacAulay
        return " ".join(m[1] + m[2].title() if (m := _MAC.fullmatch(w)) else w.title() for w in name.split())
    return name


# A newsroom's credit that names no one: "By Gazette Reporter", "by Advertiser reporter", "By the communications team"
_DESK_BYLINE = re.compile(
    r"^by\s+(?:(?:the|an?)\s+)?(?:[\w'’&.-]+\s+){0,3}(?:reporters?|staff|team|desk|newsdesk|correspondent)\s*$", re.I
)


def desk_byline(line: str) -> bool:
    """Say whether a line credits a newsroom, not a person: a byline line all the same, which no headline runs on."""
    return _DESK_BYLINE.match(line) is not None


def hosted_by(line: str) -> str | None:
    """Return the columnist a whole line under a column's headline names ("with Jean Tomkins"); a part of a line
    is not one ("Episode 47: … – with Grace Ndlovu" names the guest)."""
    hosted = _HOSTED.match(line.strip())
    return hosted["name"] if hosted and is_person_name(hosted["name"]) else None


def _describes_writer(tail: str, line: str) -> bool:
    """Say whether what follows a byline's name, set off by a comma, says who the writer is in a few words and no
    sentence ("Words by Amara Oduya-Fenn, third-year adult nursing student"): a line that ends in a full stop is
    prose that happens to open "By …"."""
    return tail.startswith(",") and len(tail.split()) <= _DESCRIPTION_WORDS and not ends_sentence(line)


def is_person_name(text: str) -> bool:
    """Say whether text looks like a person's name (capitalised words, no desk or organisation words)."""
    tokens = text.split()
    named = [t for t in tokens if t.lower() not in _PARTICLES]
    if not 2 <= len(named) <= 8 or len(text) > 80:
        return False
    if len(named) < 3 and {"and", "&"} & {t.lower() for t in tokens}:
        return False  # two people are "Jane and John Smith"; "Harrowfield and Dunmere" is two places
    if not all(_name_token(t) for t in tokens):
        return False
    if all(t.lower() in REGION_WORDS for t in named) or named[0].lower() in _COMPASS:
        return False  # "South East", "Mid & West Wales", "West Marches": a region's page, not a reporter
    given = is_given_name(named[0])  # "Kirsty Lane", "Tom Street": a surname after a given name, not "Station Road"
    lowered = [t.lower().strip(".") for t in named]
    return not any(t in _NON_PERSON and not (given and t in _ADDRESS) for t in lowered) and not MEDIA_WORD.search(text)


def person_with_role(text: str) -> str | None:
    """Return the name of "Jane Smith" or "Jane Smith, Health Reporter", else None."""
    name, tail = _name_prefix(text)
    words = tail.lower().replace(",", " ").replace("|", " ").split()  # "Ruth Okonkwo | Communications Manager" too
    role = tail.lstrip().startswith((",", "|")) and len(words) <= 6 and not _ADDRESS.intersection(words)
    role = role or (is_job_title(tail) and bool(WRITERS.intersection(words)))  # "Carys Meredith Health Correspondent"
    role = role or _FILED_FROM.fullmatch(tail) is not None  # "Oliver Brantwood in London": where the writer files
    if is_person_name(name) and (not tail or role):  # not "Willowmere Court, Station Road, Ashby Fen"
        return name
    return None


def two_writers(line: str) -> str | None:
    """Return the names of two writers on one line, each perhaps with their job: "Hannah Feld Health editor and
    Marcus Oyelaran Political correspondent", "Jessica Thornhill, social policy editor, and Rupert Vance, …"."""
    parts = re.split(r",? (and|&) ", line)
    if len(parts) != 3:
        return None
    first, second = person_with_role(parts[0].rstrip(",")), person_with_role(parts[2])
    return f"{first} {parts[1]} {second}" if first and second else None


def is_job_title(line: str) -> bool:
    """Say whether a line is a writer's job title alone ("Social policy editor"), as under a name in a byline: it
    has a job ("editor"), or a desk's words with more ("BBC News, West Midlands"), not one desk's word alone ("Local",
    "Health": a menu's)."""
    words = [w.lower() for w in _WORD.findall(line)]
    tokens = line.split()
    if not 1 <= len(words) == len(tokens) - tokens.count("&") <= 6:
        return False
    if _JOB_HEADS.intersection(words) or _WRITER.search(line):  # "Health correspondent, Vale & Coast News",
        return True  # "Parliamentary sketchwriter"
    return len(words) > 1 and "&" not in tokens and bool(_ROLE_WORDS.intersection(words))  # "News & Social Media"


def tidy_name(text: str) -> str:
    return text.strip(" \t.,;:|-–—\"'“”‘’")


def capitalised(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in _PARTICLES or w.lower() == "of" for w in words)
