"""Same-story grouping: which articles report one event, from shared rare words, names and figures.

Reports of one event from different outlets use different wording and quote different people, but they
name the same people, organisations and places and give the same figures, and those are rare across
a week's news. The same company or person also turns up in other events that week (another order,
the next stage of a court case), so names alone never join two articles: they must also agree on the
figures their openings state or on what happened (their words that are not names), and figures that
disagree keep them apart. Their headlines and ledes must also share a figure or two event phrases (two
neighbouring words that are not names, "takeover bid", "contempt vote"), or each report's text must give
much of what the other's headline and lede say (a second report restates the event in its own words): a
later stage of the same case opens with something the earlier report never says. Reports dated within
a few days of each other that name the same rare people and bodies and are close in all their words are one
event whatever their openings say: the next day's reaction opens on its own angle; the same or the next day's
reports need only one rare name in common and a little less closeness. A bare number ("19",
"27") or a whole percentage ("21%") agrees only when the texts also agree on what happened: ages, scores,
days and poll results coincide by chance. Two reports that name the same day for what happened ("on Tuesday",
"yesterday" the day after, "10 March") agree on when, a fourth way to agree beside who, how much and what.
Two reports that alone in the batch name the same people in their openings, each restating the other's, agree on
who twice over: among a week of one sector's news, the words of what they report are everyone's words.
Articles are compared as idf-weighted sparse vectors, and only pairs that share two of their most
distinctive rare terms or names are compared at all (an inverted index, at most CANDIDATES per article),
so the work grows with the number of articles, not with its square.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, pairwise

from bot.core.dates import days_named
from bot.core.models import StoredArticle

# words of three letters or more ("Pollard's" counts as "pollard"), and figures: "£14m", "81%", "2,500"
_WORD = re.compile(r"[^\W\d_]{3,}(?:[-'’][^\W\d_]{2,})*|[£$€]?\d[\d,.]*\d(?:%|bn|m)?|[£$€]?\d%?")
_LEAD_END = re.compile(r"[.!?][”’\"']?\s")
_LOG = [0.0, *(math.log(k) for k in range(1, 64))]
_YEAR = re.compile(r"(?:19|20)\d\d")
# a figure that states an event: an amount or share ("£14m", "4.99%") or a count of ten or more ("36 planes")
_FIGURE = re.compile(
    r"[£$€]\d[\d,.]*(?:bn|m|k)?|(?<![\w.,])(?:\d[\d,.]*(?:%|bn\b|m\b)|\d{1,3}(?:,\d{3})+|\d{2,})(?![\d.,]?\d)"
)
_AMOUNT = re.compile(r"(?P<currency>[£$€]?)(?P<number>\d[\d,]*(?:\.\d+)?)(?P<unit>%|bn|m|k)?")
_SCALES = {"bn": 1e9, "m": 1e6, "k": 1e3}
_SPELLED = re.compile(r"(\d)\s+(million|billion)\b")
# a number under 100 with no unit (an age, a score, a day, a count of anything) or a whole percentage ("21%"):
# a hundred values, so two articles share one by chance
_BARE = re.compile(r"\d\d|\d\d?%")
_NAME = re.compile(r"[A-Z](?<=[\w,] [A-Z])[\w'’-]*")  # the capital first: scanning for it is fast
# Words too common in any news text to say two articles tell the same story.
_STOP = frozenset(
    (
        "about above after again against also among and another any are around because been before being "
        "between both but can could did does doing down during each even every few for from further had has "
        "have having her here hers him his how however into its itself just last least less made make many "
        "more most much must new news not now off once only other our out over own said same says she should "
        "since some still such than that the their them then there these they this those through too under "
        "until very was way were what when where which while who whom why will with within without would "
        "year years you your week today yesterday told one two three first people time mr mrs ms dr "
        "january february march april may june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday"
    ).split()
)
SAME_EVENT = 0.2  # idf cosine of the words that are not names at which two texts tell of the same happening
LEAD_CHARS = 300  # the opening of a body that states its event (a sentence or two)
SHARED_NAMES = 2  # rare names (people, bodies, places) two reports of one event have in common
RARE_SHARE = 0.02  # a name in more than this share of the batch (and more than RARE_FLOOR articles) is not rare
# In a week's few dozen articles a name in several can still be one event's: three or four outlets report it,
# and the same trust, council or town has other news that week. At 2 (the share's old floor), a story that
# three outlets covered lost every name it has: 5 of 30 same-event pairs of a blind week were joined, 14 at 8.
RARE_FLOOR = 8
STORY_DAYS = 7  # reports of one event are published within a week of each other
# A report and the follow-ups to its event (an MP's reaction, the family's story, the money behind it) come out
# within days of each other, and open on different angles: their headlines and ledes need not share a phrase or
# figure. Dated that close, several shared rare names, whole texts this close (idf cosine; chosen on weeks 1-3 and
# on weeks 4-6 apart, each half chose 0.22) and what happened this close (0.14, below SAME_EVENT: the angles differ)
# make them one event. Undated articles can be months apart, the next stage of a long case: they need the rest.
NEAR_DAYS = 3
CLOSE = 0.22
RELATED = 0.14
BACKGROUND_DOCS = 20  # a small batch says little about which words are common: count this many unseen
TOP_TERMS = 20  # an article's most distinctive terms, used to find candidate stories
SHARED_TOP_TERMS = 2  # two reports of one event share at least this many of them
INDEX_DOCS = 20  # one event is rarely reported by more outlets in a week; a term in more is a topic word
EVENT_SENTENCES = 4  # a report states its event in its headline and first few sentences (lede and nut graf)
STEM = 5  # words cut to this many letters, a crude stem: "seized" and "seizure", "bids" and "bid" agree
EVENT_PHRASES = 2  # one shared word pair can be a stock phrase; two, or a shared figure, state one event
CANDIDATES = 30  # at most this many earlier articles, those sharing most distinctive terms, are compared
# Share of what one report's headline and lede say (stems, idf-weighted) that the other's whole text also says, at
# which each restates the other's event in its own words: less than half, as each opening also has its own angle
# (who reacted, who was quoted) that the other need not give. 0.40 to 0.50 score the same on the tuning pairs.
RESTATED = 0.4
# Within a day of each other, two reports that share a rare name and are this close in all their words (idf
# cosine, looser than CLOSE) are one event, whatever their openings say: the chance that the same rare people or
# bodies make two events with this much in common shrinks with the days between them. Chosen on blind weeks 1-10
# (same or next day, from 0-2 days and 0.15-0.23) and kept when chosen on weeks 11-20 instead; weeks 11-20 went from
# pair precision 0.791 / recall 0.779 to 0.778 / 0.873.
NEXT_DAY = 1
DAY_CLOSE = 0.17
ROUNDED = 0.05  # an outlet rounding an amount or share moves it by less than a twentieth: "£6.8m" to "£7m"


@dataclass(slots=True)
class _Profile:
    """What grouping needs from one article (`mentioned`, `lede` and `stems` are filled in when first needed:
    scanning a whole body for figures is slow, and only pairs whose openings both state figures ask; only
    pairs whose ledes share no figure or event phrase ask what each restates of the other)."""

    vector: dict[str, float]
    event: dict[str, float]  # the words that are not names (what happened), as a unit vector
    names: frozenset[str]  # its names (people, bodies, places) that are rare in the batch
    speakers: frozenset[str]  # surnames of the people it quotes, when they are rare in the batch
    figures: frozenset[str]  # figures in the headline and opening: "£14m", "81%", "36" (planes)
    phrases: frozenset[str]  # neighbouring word pairs of its headline and lede: "bid takeo" ("takeover bid")
    opening: str  # its headline and lede
    idf: dict[str, float]  # the batch's idf of each term (one dict shared by all profiles)
    published: date | None
    keys: tuple[str, ...]  # its most distinctive rare terms, the index that finds candidate stories
    text: str  # headline and body
    days: frozenset[date]  # the days its headline and lede name ("on Tuesday", "10 March"), as dates
    alone: frozenset[str]  # its names that only one other article of the batch gives
    mentioned: frozenset[str] | None = None  # every figure in the headline and body
    lede: dict[str, float] | None = None  # the stems and figures of its headline and lede, with their idf
    stems: frozenset[str] | None = None  # the stems and figures of its headline and body


def _count(text: str) -> tuple[Counter[str], Counter[str]]:
    """Count the content words (three letters or more, possessive "'s" dropped) and figures of a text,
    and, apart, the words as often as they are written in lower case."""
    written = Counter(_WORD.findall(text))
    lower = Counter({w: k for w, k in written.items() if w.islower()})
    counts = lower.copy()
    for word, k in written.items():
        if not word.islower():
            counts[word.lower()] += k
    for word in _STOP & counts.keys():
        del counts[word]
    for short in [t for t in counts if t.isdigit() and len(t) < 3]:  # "3 homes": too common to tell
        del counts[short]
    return counts, lower


def _terms(title: str, body: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Count an article's content words and figures (the title twice); and, in the body (titles are
    often in title case), how often each word is written with a capital inside a sentence ("review by
    Dame Pollard") and how often in lower case."""
    counts, lower = _count(body)
    for term, k in _count(title)[0].items():
        counts[term] += 2 * k
    capitals = Counter(_WORD.findall(" ".join(_NAME.findall(body)).lower()))
    return counts, lower, capitals


def _opening(body: str) -> str:
    """The first sentences of a body, up to LEAD_CHARS."""
    head = body.strip()[: LEAD_CHARS * 2]
    cut = [m.end() for m in _LEAD_END.finditer(head) if m.end() >= LEAD_CHARS // 2]
    return head[: cut[0]] if cut else head[:LEAD_CHARS]


def _lede(body: str) -> str:
    """The first EVENT_SENTENCES sentences of a body, where a report says what happened."""
    head = body.strip()[: LEAD_CHARS * 4 * EVENT_SENTENCES]
    ends = [m.end() for m in _LEAD_END.finditer(head)]
    return head[: ends[EVENT_SENTENCES - 1]] if len(ends) >= EVENT_SENTENCES else head


def _unit(counts: Counter[str], idf: dict[str, float], rarest: float) -> dict[str, float]:
    """A unit-length tf-idf vector (sublinear term counts)."""
    vec = {t: (1 + _LOG[k] if k < len(_LOG) else 1 + math.log(k)) * idf.get(t, rarest) for t, k in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _event(vector: dict[str, float], names: set[str]) -> dict[str, float]:
    """The part of a vector that says what happened (its words that are not names), of unit length."""
    part = {t: v for t, v in vector.items() if t not in names}
    norm = math.sqrt(sum(v * v for v in part.values())) or 1.0
    return {t: v / norm for t, v in part.items()}


def _profiles(articles: Sequence[StoredArticle]) -> list[_Profile]:
    """Unit tf-idf vectors over this batch, so words common in the week's news do not link stories.

    A word is a name when the batch writes it with a capital inside sentences more often than in lower
    case: "Northvale" is, "patients" (a capital only when it opens a sentence) is not.
    """
    parsed = [_terms(a.title or "", a.body) for a in articles]
    df = Counter(term for counts, _, _ in parsed for term in counts)
    capitalised: Counter[str] = Counter()
    for _, _, capitals in parsed:
        capitalised.update(capitals)
    lower = Counter({t: 0 for t in capitalised})
    for _, lowercase, _ in parsed:
        for term in lowercase.keys() & capitalised.keys():
            lower[term] += lowercase[term]
    names = {t for t, k in capitalised.items() if k > lower[t] and t not in _STOP}
    docs = len(articles) + BACKGROUND_DOCS
    idf = {t: math.log(docs / n) for t, n in df.items()}
    rarest = math.log(docs)
    common = max(RARE_FLOOR, RARE_SHARE * len(articles))
    leads = [f"{a.title or ''}\n{_opening(a.body)}" for a in articles]
    ledes = [f"{a.title or ''}\n{_lede(a.body)}" for a in articles]
    paired = [frozenset(_phrases(lede, names)) for lede in ledes]
    phrase_df = Counter(pair for pairs in paired for pair in pairs)  # "prime minister" is in many: not an event
    profiles = []
    for article, (counts, _, _), lead, lede, pairs in zip(articles, parsed, leads, ledes, paired, strict=True):
        phrases = frozenset(pair for pair in pairs if phrase_df[pair] <= common)
        quoted = {q.speaker.split()[-1].lower() for q in article.quotes if q.speaker and q.speaker.split()}
        speakers = frozenset(n for n in quoted if 0 < df[n] <= common)
        figures = _figures(lead)
        vector = _unit(counts, idf, rarest)
        event = _event(vector, names)
        named = frozenset(t for t in counts.keys() & names if df[t] <= common)
        top = sorted((t for t in vector if df[t] <= INDEX_DOCS), key=lambda t: (-vector[t], t))[:TOP_TERMS]
        keys = sorted(set(top) | {n for n in named if df[n] <= INDEX_DOCS})  # and its rare names
        profiles.append(
            _Profile(vector, event, named, speakers, figures, phrases, lede, idf, article.published, tuple(keys),
                     f"{article.title or ''}\n{article.body}",
                     days_named(lede, article.published) if article.published else frozenset(),
                     frozenset(t for t in named if df[t] == 2))
        )
    return profiles


def _figures(text: str) -> frozenset[str]:
    """The figures of a text that state an event (years only date it); "£410 million" is written "£410m"."""
    text = _SPELLED.sub(lambda m: m[1] + ("m" if m[2] == "million" else "bn"), text)
    return frozenset(f for f in _FIGURE.findall(text) if not _YEAR.fullmatch(f))


@functools.lru_cache(maxsize=8192)  # the same figures are compared again for every candidate pair
def _amount(figure: str) -> tuple[str, float, float] | None:
    """An amount, share or count of thousands as (its currency or "%", its value, half its last written
    digit), or None for a bare number: "£6.8m" is ("£", 6_800_000, 50_000), what another outlet rounds to
    "£7m"; "9,000" is ("", 9000, 500), what "9,400" is rounded to."""
    found = _AMOUNT.fullmatch(figure)
    if not found or not (found["currency"] or found["unit"] or "," in found["number"]):
        return None
    digits = found["number"].replace(",", "")
    whole, _, decimals = digits.partition(".")
    place = -len(decimals) if decimals else len(whole) - len(whole.rstrip("0"))
    scale = _SCALES.get(found["unit"] or "", 1.0)
    kind = found["currency"] + ("%" if found["unit"] == "%" else "")
    return kind, float(digits) * scale, 0.5 * 10.0**place * scale


def _kinds(figures: frozenset[str]) -> set[str]:
    """The kinds of amount among figures: "£", "%", "" for a count of thousands; bare numbers have none."""
    return {found[0] for found in map(_amount, figures) if found}


def _agreeing(figures: frozenset[str], others: frozenset[str]) -> frozenset[str]:
    """The figures that the other set also gives, as written or rounded: outlets round amounts, shares and
    counts ("£6.8m" / "£7m", "4.99%" / "5%", "9,400" / "more than 9,000") by less than ROUNDED of them
    ("$1.5m" is not "$2m", "1,100" is not "1,000")."""
    same = figures & others
    amounts = [a for a in map(_amount, others - same) if a]
    if not amounts:
        return same
    rounded = set()
    for figure in figures - same:
        mine = _amount(figure)
        if mine and any(kind == mine[0] and abs(value - mine[1]) < min(max(half, mine[2]), ROUNDED * value)
                        for kind, value, half in amounts):
            rounded.add(figure)
    return same | rounded


def _mentioned(profile: _Profile) -> frozenset[str]:
    """Every figure an article gives, found once."""
    if profile.mentioned is None:
        profile.mentioned = _figures(profile.text)
    return profile.mentioned


def _phrases(lead: str, names: set[str]) -> list[str]:
    """Pairs of neighbouring words (not names, figures or stop words) of a headline and lede, each word cut
    to its stem, in either order: what happened, said in two words ("contempt vote", "vote on contempt")."""
    words = [w.lower() for w in _WORD.findall(lead)]
    kept = [w[:STEM] for w in words if w[0].isalpha() and w not in _STOP and w not in names]
    return [f"{x} {y}" if x <= y else f"{y} {x}" for x, y in pairwise(kept) if x != y]


def _stem(term: str) -> str:
    """A word cut to STEM letters, so outlets' inflections agree ("phoned", "phones"); a figure as it is."""
    return term[:STEM] if term[0].isalpha() else term


def _given(a: _Profile, b: _Profile) -> float:
    """How much of what a's headline and lede say (their stems and figures, idf-weighted) b also says."""
    if a.lede is None:  # each stem weighs as its rarest word (a word cut off at the lede's end weighs nothing)
        a.lede = {}
        for term in _count(a.opening)[0]:
            a.lede[_stem(term)] = max(a.lede.get(_stem(term), 0.0), a.idf.get(term, 0.0))
    if b.stems is None:
        b.stems = frozenset(map(_stem, b.vector))
    total = sum(a.lede.values()) or 1.0
    return sum(weight for stem, weight in a.lede.items() if stem in b.stems) / total


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


def story_score(a: _Profile, b: _Profile) -> float:
    """How strongly two articles look like reports of one event; 0 when they cannot be.

    The same company or person appears in many events, so shared names alone are not enough. Two reports of one
    event name at least one of the same rare people, bodies or places, and agree on two of four things: who (several
    shared rare names, or the same quoted person), how much (a figure both openings state), what happened (their
    words that are not names) and when (a day both openings name); and their headlines and ledes share a figure or
    EVENT_PHRASES event phrases, or each text gives RESTATED of what the other's headline and lede say. Figures keep
    two reports apart only when neither report mentions anywhere the figures the other opens with: outlets lead with
    different figures of one event ("a 40-bed ward" / "a £2.1m ward") but each gives both, and one may round what
    the other gives exactly; openings naming the same day may lead with different figures of its event unless they
    state amounts of one kind (two sums of money that disagree are two decisions of one meeting). A shared bare
    number under 100 or whole percentage is an agreeing figure only when what happened agrees too: two articles
    share a bare number by chance about seven times as often as an amount or a large count. Reports dated within
    NEAR_DAYS that share SHARED_NAMES rare names and are CLOSE in their whole texts need none of that: a follow-up
    opens on its own angle; nor do reports within NEXT_DAY that share a rare name and are DAY_CLOSE.
    """
    days = _days_apart(a, b)
    if days is not None and days > STORY_DAYS:
        return 0.0
    shared = _agreeing(a.figures, b.figures)
    when = bool(a.days & b.days)  # both name the day it happened
    if a.figures and b.figures and not (when and not _kinds(a.figures) & _kinds(b.figures)) and not (
        _agreeing(a.figures, _mentioned(b)) or _agreeing(b.figures, _mentioned(a))
    ):
        return 0.0  # each opens with figures the other never gives: another order, month or score
    names = len(a.names & b.names)
    if not names:
        return 0.0
    event = _cosine(a.event, b.event)
    closeness = _cosine(a.vector, b.vector)
    if names >= SHARED_NAMES and days is not None and days <= NEAR_DAYS and closeness >= CLOSE and event >= RELATED:
        return closeness  # a report and, days later, the reaction to it: their openings need not agree
    if days is not None and days <= NEXT_DAY and closeness >= DAY_CLOSE:
        return closeness  # the same or the next day's news: the same rare name and this many rare words are one event
    who = names >= SHARED_NAMES or bool(a.speakers & b.speakers)
    what = event >= SAME_EVENT
    # an amount, an exact share or a large count agrees; a bare number only when what happened agrees too
    agree = any(not _BARE.fullmatch(figure) for figure in shared) or (bool(shared) and what)
    # no figure or event phrase in common: one event only when who and what happened agree and each text
    # restates the other's opening (cheap tests first: most pairs fail them); else the same actors elsewhere
    if not (len(a.phrases & b.phrases) >= EVENT_PHRASES or agree) and not (
        who and what and _given(a, b) >= RESTATED and _given(b, a) >= RESTATED
    ):
        return 0.0
    agreements = who + agree + what + when
    if agreements >= 2 or (agreements == 1 and _alone(a, b)):
        return closeness
    return 0.0


def _alone(a: _Profile, b: _Profile) -> bool:
    """Whether two reports are the only articles of the batch whose openings name the same SHARED_NAMES people or
    bodies, and each gives RESTATED of what the other's headline and lede say: who they are about then agrees twice
    over. Two reports of one review by two named people, among a week of other health news, share little else
    that is rare: the week's news says "review", "leadership" and "social care" too."""
    shared = a.alone & b.alone
    if len(shared) < SHARED_NAMES or _given(a, b) < RESTATED or _given(b, a) < RESTATED:
        return False
    return len({_stem(name) for name in shared} & a.lede.keys() & b.lede.keys()) >= SHARED_NAMES  # as _given read


def _days_apart(a: _Profile, b: _Profile) -> int | None:
    """How many days apart two articles were published, or None when either is undated."""
    return abs((a.published - b.published).days) if a.published and b.published else None


def group_stories(articles: Sequence[StoredArticle]) -> list[list[StoredArticle]]:
    """Group articles that report the same story, each group and its articles in input order.

    Two articles are linked when story_score says they report one event. An article joins the story it
    is linked to most, and only when it is linked to at least half of that story's articles: one link
    to a single report of a story is how a neighbouring event (the next stage of a court case, another
    order by the same firm) chains two stories together. Only earlier articles sharing at least two of
    an article's most distinctive terms are compared.
    """
    profiles = _profiles(articles)
    story_of: list[int] = []  # article -> the first article of its story
    members: dict[int, int] = {}  # the first article of a story -> how many articles it has
    index: dict[str, list[int]] = defaultdict(list)  # distinctive term -> articles that have it
    for number, profile in enumerate(profiles):
        shared = Counter(chain.from_iterable(index.get(term, ()) for term in profile.keys))
        links: Counter[int] = Counter()
        for other, count in shared.most_common(CANDIDATES):
            if count >= SHARED_TOP_TERMS and story_score(profile, profiles[other]) > 0:
                links[story_of[other]] += 1
        best = max(links, key=lambda story: (links[story] / members[story], -story), default=None)
        story = best if best is not None and 2 * links[best] >= members[best] else number
        story_of.append(story)
        members[story] = members.get(story, 0) + 1
        for term in profile.keys:
            index[term].append(number)
    groups: dict[int, list[StoredArticle]] = {}
    for number, article in enumerate(articles):
        groups.setdefault(story_of[number], []).append(article)
    return list(groups.values())
