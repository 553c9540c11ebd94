"""Read dates as news pages write them: "8 June 2022", "June 8, 2022", "2022-06-08", "08/06/2022".

Numeric dates are read day first, as in the UK, unless the page writes its dates the American way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import chain

from bot.core.quotes.lexicon import MONTHS, WEEKDAYS, wordset

_MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, 1)}  # "jan" -> 1
# the first letter checked before the alternation: trying twelve months at every word is slow on a long page
_MONTH = (
    r"(?=[adfjmnos])(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "8th June 2022", "08 Jun 2022", "Wed, 08 Jun 2022 10:00:00 GMT", "8 June, 2022", and a bilingual page's
# "5 Tachwedd / November 2026" (the Welsh month, then the English one)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s./-]+(?:[^\W\d_]+ / )?{_MONTH}[\s,./-]+(\d{{4}})\b", re.I
)
# "June 8, 2022", "Jun 8th 2022", "January 23,2015"
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{{4}})\b", re.I)
# "2022-06-08", "2022-06-08T10:00:00Z", "2022/06/08"
_ISO = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{2})\2(\d{2})(?!\d)")
# "24/07/2018", "11.08.17", "24-07-2018": day first unless the page is American (see month_first).
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|\.\d)")

# A day and month without a year, in either order: "on May 31" (American), "on 31 May" (British), on one line (not
# "… until June" above a list's "2. …").
_MONTH_DAY = re.compile(rf"\b{_MONTH}[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?\b(?![:.]?\d)", re.I)
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+{_MONTH}\b", re.I)
# An American time zone after a clock time ("02/09/23 4:47 PM ET", "10:02 a.m. EDT").
_US_ZONE = re.compile(r"\d:\d\d\s*(?:[AaPp]\.?[Mm]\.?\s*)?[ECMP][SD]?T\b")
# A day named relative to the day of writing: "on Tuesday", "last Friday", "yesterday", "last night".
_RELATIVE_DAY = re.compile(
    r"\b(?:(last|next)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(yesterday|today|tonight|last night)\b", re.I
)
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_DIGITS = re.compile(r"\d\d")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words that may sit beside a date on a date line without making it a sentence.
DATE_FILLER = WEEKDAYS | wordset(
    "published posted updated last first on date at am pm gmt bst utc cet est min mins minute minutes read "
    "reading time mon tue tues wed thu thur thurs fri sat sun modified issue edition"
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2099:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_first(*texts: str) -> bool:
    """Say whether a page writes its dates the American way ("Sept. 28, 2016", "on May 31", a time in ET), so
    that its "02/09/23" is 9 February; one that also writes "28 September 2016" is British. The first of the
    texts that shows either way decides: the article before the page around it, whose comment thread may be
    stamped "June 3, 2026 at 9:14 pm" by its blogging software under a British article."""
    for page in texts:
        if _DAY_MONTH_YEAR.search(page):
            return False
        if _MONTH_DAY_YEAR.search(page) or _US_ZONE.search(page):
            return True
        month_day, day_month = len(_MONTH_DAY.findall(page)), len(_DAY_MONTH.findall(page))
        if month_day or day_month:
            return month_day > day_month + 1  # one "on February 27" is a UK paper's style too
    return False


def _dates(text: str, us: bool = False) -> Iterable[tuple[int, int, date]]:
    """Yield (start, end, date) for every well-formed date, by pattern; callers pick the earliest."""
    for m in _DAY_MONTH_YEAR.finditer(text):
        found = _make_date(int(m[3]), _MONTH_NUMBERS[m[2][:3].lower()], int(m[1]))
        if found:
            yield m.start(), m.end(), found
    for m in _MONTH_DAY_YEAR.finditer(text):
        found = _make_date(int(m[3]), _MONTH_NUMBERS[m[1][:3].lower()], int(m[2]))
        if found:
            yield m.start(), m.end(), found
    for m in _ISO.finditer(text):
        found = _make_date(int(m[1]), int(m[3]), int(m[4]))
        if found:
            yield m.start(), m.end(), found
    for m in _NUMERIC.finditer(text):
        first, second, year = int(m[1]), int(m[3]), _year(m[4])
        if us:
            first, second = second, first
        # The page's order; the other only when the page's reading is impossible (07/24/2018 on a British page).
        found = _make_date(year, second, first) or (_make_date(year, first, second) if second > 12 else None)
        if found:
            yield m.start(), m.end(), found


def find_date(text: str, us: bool = False) -> tuple[int, int, date] | None:
    """Return where the first full date in `text` starts and ends, and the date."""
    if not _DIGITS.search(text):
        return None
    return min(_dates(text, us), key=lambda hit: hit[0], default=None)


def parse_date(text: str, us: bool = False) -> date | None:
    """Return the first full date written in `text` (numeric ones day first, or month first when `us`)."""
    found = find_date(text, us)
    return found[2] if found else None


def _relative_day(found: re.Match[str], written: date) -> date:
    """The date a weekday or "yesterday" names, seen from the day it was written: a bare weekday is the last
    one on or before that day (news reports what happened), "next Friday" the one after it."""
    if found[3]:
        return written - timedelta(days=1) if found[3].lower() in ("yesterday", "last night") else written
    back = (written.weekday() - _WEEKDAY_NUMBERS[found[2].lower()]) % 7
    if (found[1] or "").lower() == "next":
        return written + timedelta(days=7 - back)
    return written - timedelta(days=back or (7 if found[1] else 0))


def names_day(text: str) -> bool:
    """Say whether text names a day of a month, with or without its year ("Published 2 January")."""
    return _DAY_MONTH.search(text) is not None or _MONTH_DAY.search(text) is not None


def days_named(text: str, written: date) -> frozenset[date]:
    """Every day a text names, as dates: full dates, a day and month without a year (the year nearest the day
    of writing), and weekdays, "yesterday" and "today" seen from `written`. Two reports of one event name the
    day it happened, however each words it ("on Tuesday", "yesterday", "10 March")."""
    found = list(_dates(text))
    spans = [(start, end) for start, end, _ in found]
    days = {day for _, _, day in found}
    for m in chain(_DAY_MONTH.finditer(text), _MONTH_DAY.finditer(text)):
        if not any(start <= m.start() < end for start, end in spans):
            month, number = _MONTH_NUMBERS[m[1][:3].lower()], int(_NUMBER.search(m[0])[0])
            candidates = [d for year in (written.year - 1, written.year, written.year + 1)
                          if (d := _make_date(year, month, number))]
            days.update(sorted(candidates, key=lambda d: abs((d - written).days))[:1])
    days.update(_relative_day(m, written) for m in _RELATIVE_DAY.finditer(text))
    return frozenset(days)


# The paper's name after the date and time, set off by a comma: "…, 6.00pm GMT, The Morning Ledger"
_SOURCE_AFTER = re.compile(r",\s*(?:[A-Z][\w&'’-]*\s?){1,4}$")


# A time given relative to now ("3 hours ago", "Updated 2 hours ago"): it says where a page's date line sits, though
# it gives no date
RELATIVE_TIME = re.compile(
    r"^\W*(?:(?:published|updated|posted)\s+)?(?:\d+\s+(?:mins?|minutes?|hours?|hrs?|days?|weeks?)\s+ago|yesterday"
    r"|just now)\W*$", re.I)


def is_dateline(line: str) -> bool:
    """Say whether a line is only a date (with labels, weekday, time or reading time), not a sentence."""
    if len(line) > 120:
        return False
    found = find_date(line)
    if found is None:
        return False
    start, end, _ = found
    if source := _SOURCE_AFTER.search(line, end):  # "Saturday March 14 2026, 6.00pm GMT, The Morning Ledger"
        line = line[: source.start()]
    rest = [w for w in _WORD.findall(line[:start] + " " + line[end:]) if w.lower() not in DATE_FILLER]
    if line.rstrip().endswith(".") and rest:
        return False
    return len(rest) <= 2


_PAGE_DIGITS = 3  # a page's number, not a year
_MONTH_WORD = re.compile(_MONTH, re.I)  # "MARCH" after a paper's name begins its day
_HEAD_WORD = re.compile(r"(?:[A-Z][\w&'’.-]*|&|of|and),?")  # a word of a paper's name, in capitals or not


def running_head(line: str) -> tuple[str, str] | None:
    """The paper's name and the day a printed page's running head gives: its number, the name and the day, in either
    order ("12 SEVERN VALLEY EVENING POST Tuesday, March 11, 2025", "THE ECHO    TUESDAY, MARCH 11, 2025    5")."""
    words = line.split()
    page = [n for n in (0, -1) if words and words[n].isdigit() and len(words[n]) <= _PAGE_DIGITS]
    if len(words) < 4 or not page:
        return None
    words = words[1:] if page[0] == 0 else words[:-1]
    for ordered in (words, words[::-1]):  # the name before the day, or after it
        for end in range(_name_words(ordered), 0, -1):  # the longest name that leaves a day ("THE ECHO MARCH 11")
            name, day = ordered[:end], ordered[end:]
            if ordered is not words:
                name, day = name[::-1], day[::-1]
            if is_dateline(" ".join(day)):
                return " ".join(name).strip(","), " ".join(day).strip(",")
    return None


def _name_words(words: list[str]) -> int:
    """How many of the first words may be a paper's name: capitalised, not a weekday or a month, up to a comma
    ("Dunmore Evening Telegraph, Tuesday, …")."""
    count = 0
    for word in words:
        if not _HEAD_WORD.fullmatch(word) or word.lower().strip(",") in WEEKDAYS or _MONTH_WORD.fullmatch(word):
            break
        count += 1
        if word.endswith(","):
            break
    return count
