"""Where an article's paragraphs and sentences start and end: the geometry every speaker look-up reads by."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from bot.core.quotes.lexicon import sentence_breaks

CLAUSE_REACH = 400  # characters an attribution clause may span on either side of a quotation
_LIST_MARKS = "•·*–— "  # what may stand before a quotation that opens a paragraph as a list's item
_DOCUMENT_SENTENCES = 4  # how far back "The report said" looks first for the body it comes from


class ArticleLayout:
    """The paragraphs and sentences of one article's text, found once, and the questions asked of them: which
    sentence holds a position, where the sentences before it start."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], quoted: Sequence[tuple[int, int]] = ()) -> None:
        self._text = text
        self._quoted = sorted(quoted)  # the spans inside quotation marks: the speakers' words, not the writer's
        self._paragraphs = paragraphs
        self._para_starts = [start for start, _ in paragraphs]
        self._starts: list[int] = []  # sentence starts, in order
        self._ends: list[int] = []  # where each sentence's text ends
        for para_start, para_end in paragraphs:
            self._starts.append(para_start)
            for m in sentence_breaks(text, para_start, para_end):
                self._ends.append(m.end(1))
                self._starts.append(m.end())
            self._ends.append(para_end)

    def inside_quote(self, position: int) -> bool:
        k = bisect.bisect_right(self._quoted, (position, len(self._text))) - 1
        return k >= 0 and self._quoted[k][0] <= position < self._quoted[k][1]

    def _paragraph(self, n: int) -> str:
        return self._text[slice(*self._paragraphs[n])]

    def _paragraph_of(self, position: int) -> int:
        """Return the index of the paragraph holding `position`."""
        return max(0, bisect.bisect_right(self._para_starts, position) - 1)

    def opens_paragraph(self, position: int) -> bool:
        """Say whether a quotation's mark at `position` opens its paragraph, perhaps as a list's item ("• ‘…’")."""
        return not self._text[self._para_starts[self._paragraph_of(position)] : position].strip(_LIST_MARKS)

    def sentence_opens_paragraph(self, position: int) -> bool:
        """Say whether the sentence holding `position` is its paragraph's first ("They added: “…”" under a quote)."""
        return self._starts[self._sentence_of(position)] == self._para_starts[self._paragraph_of(position)]

    def _close_before(self, start: int, position: int) -> bool:
        """Say whether `start` lies in the paragraph of `position` or the one before it."""
        return start >= self._para_starts[max(0, self._paragraph_of(position) - 1)]

    def _sentence_bounds(self, position: int) -> tuple[int, int]:
        """Return where the sentence holding `position` starts and ends."""
        sentence = self._sentence_of(position)
        return self._starts[sentence], self._ends[sentence]

    def _start_back(self, position: int, count: int) -> int:
        """Where the sentence `count` sentences before the one holding `position` starts."""
        return self._starts[max(0, self._sentence_of(position) - count)]

    def _sentences_back(self, position: int, count: int) -> list[tuple[int, int]]:
        """The `count` sentences up to `position`, nearest first, as (start, end)."""
        last = self._sentence_of(position)
        return [(self._starts[k], min(position, self._ends[k])) for k in range(last, max(-1, last - count), -1)]

    def _about_document(self, noun: str, position: int) -> list[tuple[int, int]]:
        """The sentences that may say whose a document is: a few up to `position`, nearest first, then those around
        where the article brings it in ("a report", "its report", "the ombudsman's report"): that one, the one before
        and the one after ("…, according to a report published today. The Fairhaven Institute analysed …")."""
        near = self._sentences_back(position, _DOCUMENT_SENTENCES)
        first = re.search(rf"\b(?:[Aa]n?|[Ii]ts|[Tt]heir|\w+['’]s)(?: [\w-]+){{0,3}} {noun}\b", self._text)
        if first is None or first.start() >= position:
            return near
        k, seen = self._sentence_of(first.start()), {start for start, _ in near}
        around = [(self._starts[j], self._ends[j]) for j in (k, k - 1, k + 1) if 0 <= j < len(self._starts)]
        return near + [(start, end) for start, end in around if start < position and start not in seen]

    def _told_back(self, position: int, count: int) -> list[tuple[int, int]]:
        """The `count` sentences of the writer's own up to `position`, nearest first: the sentences of a long
        quotation between are the speaker's words and do not count ("In its decision, the panel said: “…. ….”
        It continued:" is the panel's)."""
        back = self._sentences_back(position, 4 * count)
        return [(start, end) for start, end in back if not self.inside_quote(start + 1)][:count]

    def _sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._starts, position) - 1)

    def _clause_start(self, position: int) -> int:
        """Return where the clause before `position` starts: its sentence start, but never too far back."""
        return max(self._starts[self._sentence_of(position)], position - CLAUSE_REACH)

    def _led_in(self, first_open: int, last_close: int) -> bool:
        """Say whether a quotation follows a lead-in ending in a comma or colon and ends its own sentence ("In the
        morning she said, “…, don’t you?” I cried on the way"): the lead-in's cue says whose it is, and the sentence
        after it is the writer's again, whatever cue verb it holds."""
        lead_in = self._text[max(0, first_open - 3) : first_open].rstrip()
        return lead_in.endswith((",", ":")) and self._text[last_close - 1] in ".?!"

    def _pronoun_chain(self, position: int, pronoun: str) -> int:
        """How many sentences just before the one at `position` open with this pronoun: "… seen by Dr Oliver Brandreth.
        He diagnosed …. He was careful with his words. “…,” he said": each goes on with the same person."""
        count, sentence = 0, self._sentence_of(position) - 1
        opens = re.compile(rf"{pronoun}\b", re.IGNORECASE)  # matched in place: no copy of the text after it
        while sentence >= 0 and opens.match(self._text, self._starts[sentence]):
            count, sentence = count + 1, sentence - 1
        return count
