"""Pick an article's headline among the title-shaped lines above its body, by the page's structure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.quotes.lexicon import ORG_WORDS, wordset


@dataclass(frozen=True, slots=True)
class TitleLine:
    """A title-shaped line above the body, and how many lines on it a byline, a date or the body comes.

    `distance` counts the lines that are not furniture: 1 when the byline or body follows at once, None when
    neither comes within two lines.
    """

    text: str
    distance: int | None
    position: int  # the line's place on the page, furniture counted: a standfirst sits right below its headline
    byline: int | None = None  # where the byline or date line that `distance` reaches sits, if it is one


_WORD = re.compile(r"[^\W\d_]{3,}")
# Words too common to show that a line and the lead paragraph tell the same story.
_COMMON = wordset(
    "the and for with from that this are was were has have had will not but its into over after about their "
    "they our your you who what when why how more than new says said can all out one two may just"
)
_STEM = 5  # "workers" and "worker", "parking" and "park": compare words by their first letters
_SEPARATOR = re.compile(r"\s[|•·]\s|\s\||\|\s")
# "Home / News / Title…", "News / NHS dentistry": sections a few words each (a bilingual headline's halves are longer)
BREADCRUMB = re.compile(r"\s[>›»]\s|^home\s/\s|\s/\s.*\s/\s|^(?:\S+ ){0,2}\S+ / (?:\S+ ){0,2}\S+$", re.I)
# "LIVE:", "Breaking news:", "Opinion:"; not an instalment's number, part of its title ("Episode 47: …")
_NUMBERED = r"[A-Z][a-z]+ \d+:"  # a series' part: "Episode 47: …", "Part 3: …", its own headline
_LABEL = re.compile(rf"^(?!{_NUMBERED})[A-Z][\w'’]*(?: [\w'’]+){{0,2}}:\s")
# A ticker over the page ("Breaking: A38 closed after crash"): another story, so the line below is no standfirst
_TICKER = re.compile(r"^(?:breaking(?: news)?|just in|news alert)\b\W", re.I)
# A call to book or register ending a line: a promotion ("FREE WEBINAR: … – book your place"), never a headline
_PROMOTION = re.compile(
    r"\b(?:(?:book|reserve|secure|claim) your (?:free )?(?:place|seat|ticket|spot)s?|(?:register|sign up) (?:(?:for )?"
    r"free(?: now| today| here)?|now|today|here))\W*$", re.I
)
_HASHTAG = re.compile(r"(?<![\w&])#[A-Za-z]\w+")
# A series' kicker over its instalment's headline: "A Sunday Clarion investigation · Part two of three"
_SERIES = re.compile(r"\bpart (?:\d+|one|two|three|four|five|six) of (?:\d+|two|three|four|five|six)\b", re.I)
_NUMBERS_SHARE = 0.3  # prices, scores and phone numbers: a line this full of figures is a ticker or a promo
_MARGIN = 1.0  # lines scoring this close to the best are all plausible; the first of them is the headline
SUMMARY_LINES = 3  # a tabloid's summary lines between its headline and the byline
# A standfirst may be shorter than a long headline ("One in four newly qualified nurses plan to quit within a year,
# survey finds" over "Workload, pay and patchy preceptorship behind early-career exodus, researchers say"), but
# not a few words: a label or a site's name under a headline is no standfirst.
_SHORT_STANDFIRST = 0.6
_SENTENCES = re.compile(r"\w[.!?] [A-Z]")  # a line of two sentences: a standfirst, never a headline
_HEADLINE_STEMS = 3  # content words of a line that says what happened (a section's name has fewer)
CAPITALS_WORDS = 5  # words of a headline in capitals: fewer make a label ("SERVICES THIS SUNDAY")
# Words a headline has and a body's name has not: "… OPENS ITS DOORS ON MARKET STREET", "BEDS AXED AT TOWN'S …"
_SENTENCE_WORDS = wordset("its their his her on at to as after over with from by is are was will has have")
TOLD = 3  # content words a headline shares with the lead when it plainly tells the same story


def _stems(text: str) -> set[str]:
    return {w.lower()[:_STEM] for w in _WORD.findall(text) if w.lower() not in _COMMON}


def shared_stems(line: str, lead: str) -> int:
    """Count the content words (by stem) a line shares with the lead paragraph."""
    return len(_stems(line) & _stems(lead))


def _score(line: TitleLine, lead: set[str]) -> float | None:
    """Weigh a line as the headline: words shared with the lead, position above the article, shape.

    None when nothing speaks for it: no word shared with the lead, and the article does not follow at once.
    """
    stems = _stems(line.text)
    shared = len(stems & lead)
    if (not shared and line.distance != 1) or BREADCRUMB.search(line.text) or _PROMOTION.search(line.text):
        return None  # "Mental health > Approved mental health professionals": where the page sits, no headline
    if _HASHTAG.search(line.text) or _SERIES.search(line.text):
        return None  # a campaign's banner, a post's tag ("… #SickleCellAware") or a series' kicker over its headline
    score = 4 * shared / len(stems) if stems else 0.0
    if line.distance is not None:
        score += 1.5 / line.distance  # a line with another between it and the article is less surely its head
    tokens = line.text.split()
    if sum(1 for t in tokens if any(c.isdigit() for c in t)) >= _NUMBERS_SHARE * len(tokens):
        score -= 2
    if len(_SEPARATOR.findall(line.text)) >= 2:
        score -= 2  # a row of links or fields, not a sentence
    if _LABEL.match(line.text) and line.distance != 1:
        score -= 1  # a ticker or section label; a labelled headline right over the byline ("LIVE: …") is the page's
    if not _worded(line.text):
        if tokens[-1].lower() in ORG_WORDS:
            return None  # "Brackenholt and Colmere Hospitals NHS Foundation Trust": the body whose page it is
        score -= 2  # every word but "and", "of" capitalised: a site's, a body's or a section's name, a banner
        if any(t.lower() in ORG_WORDS for t in tokens):
            score -= 1  # "Royal College of Community Nursing": a body's name, whose words its own news shares
    return score


def _standfirst(headline: TitleLine, line: TitleLine, lead: set[str], above: int) -> bool:
    """Say whether a line is the standfirst, or the picture's caption, of the headline right above it (or right
    below its standfirst, at `above`: a tabloid's summary lines, one a line, that lost their bullets): one that
    plainly tells the lead's story ("New diagnostic centre opens at Colmere Health Park, cutting scan waits" over
    "The new diagnostic centre at Colmere Health Park"), however long the line and however closely it echoes the
    lead (or less plainly, over a standfirst of several sentences or one right over the byline, as pages set the
    three: "NHS 24 callers left on hold …" over "Figures show …"): a standfirst or caption may echo it more
    closely than its headline ("In pictures: Hospice garden bursts into bloom …" over "Staff, patients and
    volunteers celebrate the new sensory garden at …"). A show's or site's tagline tells no story ("Conversations
    with the people who hold health and care together" over "Episode 47: Running a care home on the edge"), nor
    does a ticker of another story.

    A section's name above the headline ("Thornbridge & the West") has too few words to have a standfirst. An
    essay's headline has one however few words it shares with the lead (_essay_head).
    """
    stems = _stems(headline.text)
    # headline, standfirst, byline: the page's own order (but an episode's title over its date is no standfirst)
    stacked = line.byline == line.position + 1 and not re.match(_NUMBERED, line.text)
    shared = len(stems & lead)
    tells = shared >= TOLD or bool(shared and _SENTENCES.search(line.text)) or (stacked and shared >= TOLD - 1)
    tells = tells or bool(stems & lead and _capitals(headline.text) and not line.text.isupper())  # a tabloid's
    return line.position == above + 1 and (_essay_head(headline, line, lead) or (
        tells
        and len(stems) >= _HEADLINE_STEMS
        and not _TICKER.match(headline.text)
        and not _SEPARATOR.search(headline.text)  # "Health and Care | Investigation": a section's label
    ))


def _over_standfirst(lines: Sequence[TitleLine], lead: set[str]) -> list[TitleLine]:
    """Measure a line's distance to the article past the longer line right below it that also tells the story.

    A headline and its standfirst are one unit above the byline; otherwise the standfirst, nearer the byline
    and sharing more words with the lead, outscores the headline it summarises.
    """
    out = list(lines)
    for n in range(len(lines) - 2, -1, -1):  # from the bottom: a headline over several summary lines, then the byline
        line, below = lines[n], out[n + 1]
        own = _score(line, lead)
        if (
            not _TICKER.match(line.text)
            and below.position == line.position + 1
            and below.distance is not None
            and len(below.text.split()) >= _SHORT_STANDFIRST * len(line.text.split())
            and ((own is not None and own > 0 and _stems(below.text) & lead) or _essay_head(line, below, lead))
        ):  # own > 0: not a ticker or a banner
            out[n] = replace(line, distance=below.distance, byline=below.byline)
    return out


def _essay_head(line: TitleLine, below: TitleLine, lead: set[str]) -> bool:
    """Say whether a line is the headline over a longer standfirst when neither shares a word with a lead that
    opens on a scene ("‘What matters to you?’ is still the best question I ask" over "After 14 years in community
    rehabilitation, Rhiannon Gale reflects on …"): a worded line telling something, not a label or a row of links.
    A standfirst of two sentences may share the lead's words: it is never a headline, so the line over it is."""
    stems = _stems(line.text)
    longer = not _stems(below.text) & lead and len(below.text.split()) > len(line.text.split())
    return (
        len(stems) >= _HEADLINE_STEMS
        and not stems & lead
        and (longer or bool(_SENTENCES.search(below.text)))
        and _worded(line.text)
        and not (_LABEL.match(line.text) or _SEPARATOR.search(line.text) or BREADCRUMB.search(line.text))
    )


def _worded(text: str) -> bool:
    """Say whether a line has a lower-case word, as a headline does (a body's or site's name has none); or, set all
    in capitals as a tabloid or a printed page sets a headline, has a headline's length and ends in no body's word
    ("PATIENTS ‘STUCK IN BEDS’ AS HOME CARE RUNS DRY", not "ROYAL COLLEGE OF NURSING")."""
    return _capitals(text) or any(w[:1].islower() and len(w) > 3 for w in text.split())


def _capitals(text: str) -> bool:
    """Say whether a line in capitals reads as a headline: long enough, and ending in no body's word unless it has a
    word no body's name has ("HOSPICE SHOP OPENS ITS DOORS ON MARKET STREET", not "ROYAL COLLEGE OF NURSING")."""
    words = [w.lower() for w in _WORD.findall(text)]
    return text.isupper() and len(words) >= CAPITALS_WORDS and (
        words[-1] not in ORG_WORDS or bool(_SENTENCE_WORDS.intersection(text.lower().split())))


def _caption(line: TitleLine, byline: int | None) -> bool:
    """Say whether a line right above the article comes after the byline or date of a headline above it."""
    return byline is not None and line.position > byline and line.distance == 1 and line.byline is None


def pick_headline(lines: Sequence[TitleLine], lead: str) -> str | None:
    """Return the first line that scores close to the best, so page lines above the article drop out.

    Menus, tickers, banners, taglines, phone numbers, promotions and prices share few words with the lead
    paragraph and sit away from the byline; the headline shares many and sits above it. The line right below
    a headline that tells the lead's story is its standfirst; among lines that look equally good the first wins,
    but a line far from the article only when nothing beside the article does as well. Breadcrumbs ("Health >
    Workforce") are never the headline.
    """
    lead_stems = _stems(lead)
    scored: list[tuple[TitleLine, float]] = []
    above = -1  # where the last headline, or the last line of its standfirst or summary lines, sits
    for line in _over_standfirst(lines, lead_stems):
        score = _score(line, lead_stems)
        # a line counts as the standfirst only of a headline that nothing speaks against (not a "LIVE:" ticker), and
        # so do the summary lines under it, one a line, that lost their bullets; one that shares no word with the
        # lead only between the headline and the byline under them
        follows = bool(scored) and scored[-1][1] > 0 and _standfirst(scored[-1][0], line, lead_stems, above)
        if score is None and not (follows and line.byline is not None):
            continue
        if not follows:
            scored.append((line, score))
        elif line.distance is not None and scored[-1][0].distance is None:  # summary lines shorter than it, one a
            head = replace(scored[-1][0], distance=line.distance, byline=line.byline)  # line: one unit over the byline
            scored[-1] = (head, _score(head, lead_stems) or scored[-1][1])
        above = line.position
    # the byline and date sit under the headline: a line between them and the article is a picture's caption
    byline = next((line.byline for line, score in scored if line.byline is not None and score > 0
                   and _worded(line.text)), None)  # a headline, not a body's name over its press release's date
    scored = [(line, score) for line, score in scored if not _caption(line, byline)]
    if not scored:
        beside = [line for line in lines if line.distance is not None]
        if lead_stems and beside:  # nothing shares the lead's words: the line nearest the article
            return min(beside, key=lambda line: line.distance or 0).text
        return lines[0].text if lines else None  # no lead to compare with: the first line, as pages read
    best = max(score for _, score in scored)
    # where a line sits beside the article, one far from it (a tagline, a body's name at the top) wins only by
    # scoring best outright; and across the site's menu (more lines than a tabloid's summary under its headline),
    # by more than the margin over every line beside the article
    near = [(line.position, score) for line, score in scored if line.distance]
    beside, first = max((score for _, score in near), default=0.0), min((at for at, _ in near), default=0)
    return next(
        line.text for line, score in scored if score >= best - (_MARGIN if line.distance or not near else 0)
        and (line.distance or not near or score > beside + _MARGIN or first - line.position <= SUMMARY_LINES + 1)
    )
