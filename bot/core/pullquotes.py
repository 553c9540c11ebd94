"""Paragraphs that repeat others: pull quotes, which repeat in quotation marks words the article gives elsewhere,
and a paywall's teaser of the opening paragraphs, shown again in full under it."""

from __future__ import annotations

import re

from bot.core.furniture import CLOSERS, TOKEN

QUOTE_MARKS = "\"'“‘«"  # a line opening with one is a quotation
CREDITED = re.compile(r"[”\"’']\s*[–—-]\s*[A-Z][\w .'’-]{1,60}$")  # a pull quote's credit: "“…” – Dame Ann Roe"
_PULL_WORDS = 5  # a pull quote repeats at least this many words: a shorter quoted line may just recur
_TEASER_CHARS = 60  # a paragraph this long is never repeated by chance


def pull_quotes(paragraphs: dict[int, str]) -> set[int]:
    """Find the paragraphs (by number) that only repeat, in quotation marks, words another gives in the same
    order: pull quotes, set apart to catch the eye ("“You learn the roads.”" beside "“You learn the roads,” she
    says."), credited or not. Not the quote under its own credited pull quote ("“…” – Dame Ann Roe")."""
    pulled = set()
    credits = {i: CREDITED.search(line) for i, line in paragraphs.items()}  # read once, not once per pair
    for i, line in paragraphs.items():
        credit = credits[i]  # "“…” — Sister Nuala O'Neill": the words said, not who said them
        text = line[: credit.start() + 1] if credit else line
        words = TOKEN.findall(text.lower())
        if not all_quoted(text) or len(words) < _PULL_WORDS:
            continue
        longest = sorted(words, key=len)[-2:]  # long words are rare: only paragraphs holding them are compared
        for j, whole in paragraphs.items():
            other = whole.lower()
            # longer, or as long when this one is credited: of two like lines, the credited one is the pull quote
            longer = len(other) >= len(text) + (credit is None)
            if j != i and longer and all(word in other for word in longest) and credits[j] is None and _in_order(
                words, TOKEN.findall(other)
            ):
                pulled.add(i)
                break
    return pulled


def teasers(paragraphs: dict[int, str]) -> set[int]:
    """Find the paragraphs (by number) that a later one repeats, whole or cut short ("… most councils s" over "…
    most councils say they aim for."): the teaser a paywall shows before the full text; no article repeats its prose."""
    items = [(i, text.rstrip("…. ")) for i, text in paragraphs.items()]
    return {i for n, (i, text) in enumerate(items)  # not a quotation, which a pull quote below may repeat
            if len(text) >= _TEASER_CHARS and text[:1] not in QUOTE_MARKS
            and any(later.startswith(text) for _, later in items[n + 1 :])}


def all_quoted(text: str) -> bool:
    """Say whether a line is all quotation, as a pull quote is: it opens with a quote mark and ends with one."""
    return text[:1] in QUOTE_MARKS and text[-1:] in CLOSERS


def _in_order(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(word in rest for word in part)
