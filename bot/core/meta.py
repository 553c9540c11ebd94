"""Find an article's headline, publication date, author and publisher in a copy-pasted web page."""

from __future__ import annotations

import logging
import re
from datetime import date

from bot.core.bylines import (
    BARE_BY,
    WRITERS,
    byline,
    capitalised,
    hosted_by,
    is_job_title,
    is_person_name,
    person_with_role,
    tidy_name,
    two_writers,
)
from bot.core.dates import (
    DATE_FILLER,
    RELATIVE_TIME,
    find_date,
    is_dateline,
    month_first,
    names_day,
    parse_date,
    running_head,
)
from bot.core.models import CleanText, Metadata
from bot.core.normalise import normalise_field, normalise_text, readable_name
from bot.core.publisher import find_publisher, title_parts
from bot.core.quotes.lexicon import ROLE_NOUNS, is_given_name, wordset

log = logging.getLogger(__name__)
_FOOT_DATE_LINES = 2  # an undated header's article may be dated right under its end, or under a one-line bio
_HEADING_LINES = 4  # a standfirst, a byline, a date and a picture's caption
_THANKS = re.compile(r"thanks for reading\b", re.I)  # a newsletter names itself amid its post: "… X! Subscribe"

_DATE_LABEL = re.compile(
    r"^\W*(?:(?:this\s+)?(?:article|story|page|post|entry)\s+(?:was\s+)?)?(?:first\s+)?(?:published|posted|date|dated"
    r"|released|issued|appeared)\b", re.I
)  # "This article first appeared in the Town Hall Review daily bulletin on 26 January 2026."
# Another day's paper or post, linked from this one: "Previous edition: 14/03/2024"
_OTHER_EDITION = re.compile(r"\W*(?:previous|next|last|earlier|older|newer)\s+(?:edition|issue|post|story)\b", re.I)
# A journal's citation line: "BCJ 2026;379:q1187 doi: … (Published 19 May 2026)"
_CITED = re.compile(r"\((?:first\s+)?published:?\s+(?:online\s+)?(?:on\s+)?(?P<date>[^()]{6,30})\)", re.I)
# Where a page files the article, with its date: "Filed under: Reports, Hospital discharge | 02 June 2023"
_FILED = re.compile(r"^\W*(?:(?:filed|posted)\s+(?:under|in)|tags?|tagged|categor(?:y|ies))\b", re.I)
# A date in the page's address or a breadcrumb of it: "example.co.uk › news › 2024 › 11 › 19 › councils-warn"
_ADDRESS_DATE = re.compile(r"[/›»]\s*((?:19|20)\d\d)\s*[/›»]\s*(\d\d?)\s*[/›»]\s*(\d\d?)\s*(?:[/›»]|$)")
_OPENING_DATE = re.compile(r"([^:—–\n]{8,40}?)\s*[:—–]\s")  # a dateline opening the body: "THURSDAY 13 FEBRUARY 2025:"
# A date line that goes on to the categories a blog files the post in: "October 3, 2024 in Adults, Mental health"
_FILED_IN = re.compile(r"(?P<day>.+?\d{4}) in [A-Z][\w ,&-]*")
_COMMENTS = re.compile(r"^\W*(?:\d+\s+)?(?:comments?|replies|leave a (?:reply|comment)|join the discussion)\b", re.I)
_COMMENTER = re.compile(r"^\W*posted\b.*\bby\b", re.I)  # "Posted by Jim on 1 Dec": a comment, not the article
_UPDATED_LABEL = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
# A page's own "Page last updated: 2 February 2026" at its foot: a council's news page may give no other date
_PAGE_UPDATED = re.compile(r"^\W*(?:page\s+)?last\s+(?:updated|modified)\b", re.I)
_UPDATED_FIELD = re.compile(r"\b(?:updated|modified)\b", re.I)  # "Filed 16:48 | Updated 19/02/2025 08:05"
_FIELD_SPLIT = re.compile(r"\s*[|·•,–—]\s*|\s-\s|\s{2,}|\t")
# Between the fields of a header row such as "13 May 2021 | Written by Jane Doe" (commas stay in dates).
_ROW_SPLIT = re.compile(r"\s*[|·•]\s*|\s[-–—]\s|\s(?=By [A-Z])")  # "1 December 2026 By Oliver Pennock" too
# An author box: "More articles by Jane Doe", "Popular stories by Jane Doe" ("from" is left out: "More stories
# from Northern Ireland" names a place).
_AUTHOR_BOX = re.compile(
    r"^\W{0,3}(?:(?:more|popular|latest|recent|other|all)\s+)?(?:articles|stories|posts|columns|blogs|news)"
    r"\s+by\s+(?P<name>.+)$",
    re.I,
)


def _lines(text: str) -> list[str]:
    return [s for s in (line.strip() for line in text.splitlines()) if s]


def _regions(raw: str, cleaned: CleanText) -> tuple[list[str], list[str]]:
    """Split the raw page into the lines before the body (header) and after it (footer). Date and byline lines
    among the body's paragraphs ("Published: …", "Interview by …" under a standfirst) belong with the header."""
    paragraphs = [p for p in cleaned.body.split("\n\n") if p.strip()]
    if not paragraphs:
        lines = _lines(raw)
        return lines[:40], []
    first, last = cleaned.edges if cleaned.edges[0] else (paragraphs[0], paragraphs[-1])  # as the page wraps them
    start = raw.find(first)
    end_at = raw.find(last, max(start, 0))
    if start < 0 or end_at < 0:
        return [], []
    end = end_at + len(last)  # the last paragraph too: "This article first appeared in … on 26 January"
    inside = [ln for ln in _lines(raw[start:end]) if _DATE_LABEL.match(ln) or _AUTHOR_BOX.match(ln)
              or byline(ln) or _writer_line(ln) or (_THANKS.match(ln) and ln not in cleaned.body)]
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
    return name if name and is_job_title(role) and WRITERS.intersection(role.lower().split()) else None


def _published(header: list[str], footer: list[str], us: bool, title: str | None) -> date | None:
    """The article's date, its numbers read the page's way; but never read month first into a date after the page's
    own "today" (a US-style "Friday, September 13, 2024" banner over a British "12/09/2024" byline date)."""
    found = _published_as(header, footer, us, title)
    if not us or found is None or (british := _published_as(header, footer, False, title)) in (None, found):
        return found
    spelled = [d for line in header if (d := parse_date(line, True)) is not None and d == parse_date(line, False)]
    return british if spelled and british <= max(spelled) < found else found


def _published_as(header: list[str], footer: list[str], us: bool, title: str | None) -> date | None:
    """Prefer labelled dates (top, then a bare one right under the headline, then foot), then the bare date line
    nearest the article (not a "today" banner over the masthead; then one right under it), then 'updated' ones."""
    labelled = [ln for ln in header if _DATE_LABEL.match(ln) or byline(ln)]
    labelled += [found["date"] for ln in header if (found := _CITED.search(ln))]
    updated = [ln for ln in header if _UPDATED_LABEL.match(ln) or _UPDATED_FIELD.search(ln)]
    bare = [ln for ln in header if is_dateline(ln) and ln not in updated and not _OTHER_EDITION.match(ln)]
    bare += [day for ln in header if (day := _running_day(ln) or _filed_in(ln))]
    above = footer[: next((n for n, ln in enumerate(footer) if _COMMENTS.match(ln)), len(footer))]  # not comments
    # a comment's "Posted by Jim on 1 Dec" is no date of the article's; the line right under the article, a blog's
    # "Posted by Dev Malik on 27 November 2026 in Council", is the article's own
    closing = [_UPDATED_FIELD.split(ln)[0] for n, ln in enumerate(above)  # not "Date last updated: 20 November"
               if (_DATE_LABEL.match(ln) or _FILED.match(ln)) and (n == 0 or not _COMMENTER.search(ln))]
    # several: "Published …" under each related story, and "Published 2 January" (no year) is one of them too;
    # a blog's "Tags: …" or "Posted in Community News" under its "Posted on …" is not
    dates = {found for line in closing if (found := parse_date(line, us)) or names_day(line)}
    # "14 March 2024" under the headline, before "Published 2 November 2023" under a related story at the foot
    headed = [ln for n, ln in enumerate(header) if n and header[n - 1] == title and ln in bare]
    if found := _first_date(labelled, us) or _first_date(headed, us) or (
            dates.pop() if len(dates) == 1 else None) or _first_date(bare[::-1], us):
        return found
    for line in header:
        if (address := _ADDRESS_DATE.search(line)) and 1 <= int(address[2]) <= 12 and 1 <= int(address[3]) <= 31:
            return date(int(address[1]), int(address[2]), int(address[3]))
    # a date line right under the article, or under the writer's one-line bio ("Sat 21 Mar 2026 09.00 GMT")
    foot = above[: _FOOT_DATE_LINES + _letter_foot(above)]
    return (_first_date([ln for ln in foot if is_dateline(ln)], us) or _first_date(updated, us)
            or _first_date([ln for ln in above if _PAGE_UPDATED.match(ln)], us))


def _opening_date(body: str, us: bool) -> date | None:
    """The date a body opens with, as a printed story's dateline does ("THURSDAY 13 FEBRUARY 2025: More than 300
    operations …"), when the page gives no other."""
    opening = _OPENING_DATE.match(body)
    return parse_date(opening[1], us) if opening and is_dateline(opening[1]) else None


def _running_day(line: str) -> str | None:
    """The day a printed page's running head gives, beside the paper's name and the page's number."""
    head = running_head(line)
    return head[1] if head else None


def _filed_in(line: str) -> str | None:
    """The day of a date line that names the categories after it ("October 3, 2024 in Adults, Mental health")."""
    filed = _FILED_IN.fullmatch(line)
    return filed["day"] if filed and is_dateline(filed["day"]) else None


def _first_date(lines: list[str], us: bool) -> date | None:
    """The date of the first of these lines that gives one."""
    return next(filter(None, (parse_date(line, us) for line in lines)), None)


def _author(whole: list[str], footer: list[str], title: str | None, masthead: str | None = None) -> str | None:
    """Take the first byline naming a person, else a name line standing beside the headline, a date line or the
    article (`whole` are the header's lines; their fields are read too), never the masthead's name ("Chemist
    Counter" over its tagline reads like a name and a job)."""
    whole = [f"By {line}" if n and BARE_BY.match(whole[n - 1]) else line for n, line in enumerate(whole)]
    header = _with_fields(whole)  # "By" on a line of its own credits the name on the next: "By" / "Priya Ramasamy"
    edited, stop = None, len(header)  # a live page's "Edited by": its reporters may be named above it
    for n, line in enumerate([*header, *footer[:4]]):
        name = byline(line) or (hosted_by(line) if line in whole else None)
        if not (name and (is_person_name(name) or re.search(rf"\b{re.escape(name)}, \d{{1,3}}\b", line))):
            continue  # a first name alone only with an age: "Posted by Maisie, 16, young carer"
        if not _EDITED.match(line):
            return name
        if edited is None:
            edited, stop = name, min(n, stop)
    for line in [*header, *footer]:
        if (m := _AUTHOR_BOX.match(line)) and (name := person_with_role(tidy_name(m["name"]))):
            return name
    # the name line right above the article, or above its dateline's place: "Owen Dacre" / "London"
    above = whole[-1:] + (whole[-2:-1] if whole and len(whole[-1].split()) <= 3 and capitalised(whole[-1].split())
                          else [])
    lines = [line for line in header[:stop] if not _CONTACT.match(line)  # not a writer's email or handle
             and not _is_masthead(line, masthead)]
    # a name line over the headline is a byline only when none stands under it: else it was a section label
    # ("Scottish Politics", "Westminster Hall" over "Health and social care")
    headline_at = lines.index(title) if title in lines else -1
    over_title = None
    for i, line in enumerate(lines):
        beside = [n for n in lines[max(0, i - 1) : i + 2] if n != line]
        name = person_with_role(line) or two_writers(line)
        below = lines[i + 1] if i + 1 < len(lines) else ""
        byline_like = name and (below == title or any(is_dateline(n) or RELATIVE_TIME.match(n) for n in beside)
                                or is_job_title(below) or _writer_line(line) or line in above or _SHARE.match(below)
                                or _bio(name, below))
        if name and (title in lines[i - 1 : i] or (byline_like and i > headline_at)):
            return name
        over_title = over_title or (name if byline_like else None)
        # "Jane Smith | 8 June 2022", "Jane Smith 8 June 2022" or "Jess Carter | 3 hours ago" on one line
        fields = _FIELD_SPLIT.split(line)
        if any(RELATIVE_TIME.match(part) for part in fields[1:]) and is_person_name(name := tidy_name(fields[0])):
            return name
        if is_dateline(line):
            start, end, _ = find_date(line) or (0, 0, None)
            for part in [*fields, line[:start], line[end:]]:
                part = tidy_name(part)
                if is_person_name(part) and not wordset(part.lower()) & DATE_FILLER:
                    return part
    return over_title or _signed_off(footer) or edited


def _signed_off(footer: list[str]) -> str | None:
    """The writer signing off under the last paragraph, above the share buttons: "Jo Pike" / "Share this:", or with
    their job on the line: "Sandra Mbeki, Branch Secretary"."""
    signed = bool(footer) and _VALEDICTION.match(footer[0]) is not None  # "Best wishes," / "Bernadette Quayle"
    footer = footer[signed:]
    signer = person_with_role(footer[0]) if footer and len(footer[0].split()) <= _SIGNATURE_WORDS else None
    if signer and signer != footer[0]:
        footer = [signer, *footer[1:]]
    if not (footer and len(footer[0].split()) <= 3 and is_person_name(footer[0])):
        return None
    # perhaps with their job between: "Naomi Fairweather" / "Head of Policy and Campaigns" / "Share this page", or
    # "Dr Imogen Ashworth" / "Senior partner, on behalf of …" / "Previous newsletters"
    after = 2 if len(footer) > 2 and any(w.lower().strip(",") in ROLE_NOUNS for w in footer[1].split()[:3]) else 1
    below = footer[after] if len(footer) > after else ""
    # or over the date ("First published: …") or the writer's bio: "Tom founded the Eye in 2019 and writes …"
    ends = signed or not below or _SIGN_OFF_NEXT.match(below) or is_dateline(below) or _bio(footer[0], below)
    return footer[0] if ends or _letter_foot(footer) else None


def _letter_foot(footer: list[str]) -> bool:
    """Say whether the article is signed off as a letter to the paper is: "Maureen Pickering" / "Threlby" / its
    date. The writer's name and town stand between the letter and its date."""
    if len(footer) < 3 or not is_person_name(footer[0]):
        return False
    return _PLACE_LINE.fullmatch(footer[1]) is not None and is_dateline(footer[2])


def _bio(name: str, below: str) -> bool:
    """Say whether the line under a writer's name is their bio: "Tom founded the Eye in 2019 and writes …"."""
    return below.split(" ", 1)[0] in (name.split()[0], "He", "She") and len(below.split()) > 5


def _is_masthead(name: str, publisher: str | None) -> bool:
    """Say whether a name is the publication's own ("Steady Ground"): the publisher's name, unless it opens with a
    given name, as a writer's own newsletter does."""
    return bool(publisher) and name.casefold() == publisher.casefold() and not is_given_name(name.split()[0])


_EDITED = re.compile(r"^\W*edited by\b", re.I)
_PLACE_LINE = re.compile(r"[A-Z][a-z'’-]+(?:[ -](?:on|upon|in|le|by|[A-Z][a-z'’-]+)){0,3}")  # "Threlby", "Hay-on-Wye"
_SIGNATURE_WORDS = 8  # "Sandra Mbeki, Branch Secretary": a name and a job title, no sentence
_VALEDICTION = re.compile(
    r"(?:(?:best|kind|warm)(?:est)? (?:wishes|regards)|yours (?:sincerely|faithfully)|thank you|thanks)\W*$", re.I
)
_CONTACT = re.compile(r"^\W*(?:\S+@\S+\.\w+|@\w+|(?:email|e-mail|follow)\b.*)$", re.I)
_BYLINE_CHARS = 100
_SHARE = re.compile(r"\W*(?:click to )?share\b", re.I)  # a name line over the share buttons: "Share on Facebook"
_SIGN_OFF_NEXT = re.compile(
    r"\W*(?:share|tags?\b|filed under|posted in|related|follow|previous|more from|read more\b|comments?\b|most read"
    r"|(?:older|newer) (?:posts|entries|stories)|next\W)", re.I  # "‹ Previous: …", "« Older posts", "Next: …"
)


def extract_metadata(raw: str, cleaned: CleanText) -> Metadata:
    """Read headline, date, author and publisher from the page furniture around the cleaned body."""
    return read_page(raw, cleaned)[0]


def read_page(raw: str, cleaned: CleanText) -> tuple[Metadata, str]:
    """Read the metadata and the page's heading: the headline and the lines between it and the article
    (standfirst, byline: "Interview by Tom Fennimore"), which say what kind of piece it is."""
    raw = normalise_text(raw)
    header, footer = _regions(raw, cleaned)
    title, _ = title_parts(normalise_field(cleaned.title))
    rows = _with_fields(header)
    publisher = normalise_field(readable_name(find_publisher(header, footer, cleaned.title, cleaned.body), raw))
    author = normalise_field(_author(header, footer, cleaned.title, publisher))
    if author and _is_masthead(author, publisher):
        author = None  # the masthead's name ("Steady Ground") read as a byline
    meta = Metadata(
        title=title,
        published=_published(rows, footer, us := month_first("\n".join([*header, cleaned.body]), raw), cleaned.title)
        or _opening_date(cleaned.body, us),
        author=author,
        publisher=publisher,
    )
    log.debug("metadata %s from %d header and %d footer lines", meta, len(header), len(footer))
    headline = cleaned.title or ""
    below = header[header.index(headline) + 1 :] if headline in header else []
    return meta, "\n".join([headline, *below[:_HEADING_LINES]])
