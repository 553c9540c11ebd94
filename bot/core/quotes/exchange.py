"""Who speaks a quotation that names no one, in an exchange of questions and answers set out as quotes alone (an
inquiry, a court, an interview written up as dialogue): the turns before it say whose turn it is."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.core.quotes.kinds import Speaker

_ADDRESSED = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)  # a question put to someone
_ASKED = re.compile(r"^[^.?!]{0,40}\b(?:asked|asks|put it to)\b")  # "…?” Mr Ferris asked.


@dataclass(slots=True, frozen=True)
class Turn:
    """A full quotation as one turn of an exchange: who, its first and last paragraph, whether it ends on a
    question, and whether that question is put to someone ("you", "Mr Ferris asked")."""

    speaker: Speaker
    first: int
    last: int
    question: bool
    put: bool

    @classmethod
    def of(cls, text: str, paragraphs: tuple[int, int], end: int, last_part: str, speaker: Speaker) -> Turn:
        """The turn of a quotation over `paragraphs` (first, last) that ends at offset `end`."""
        after = text[end : end + 60].split("\n", 1)[0]
        put = bool(_ADDRESSED.search(last_part) or _ASKED.search(after))
        return cls(speaker, *paragraphs, is_question(last_part), put)


def is_question(part: str) -> bool:
    """Say whether a quotation's last part ends on a question, its closing marks and comma aside: a turn to answer."""
    return part.rstrip(" ,\"'”’").endswith("?")


def other_turn(turns: list[Turn], paragraph: int, question: bool) -> Speaker | None:
    """Return who speaks an unattributed quotation in an exchange set out as quotes alone, as at an inquiry
    ("Did you follow it up?" / "Many times."): after a question put to someone, or by one who has put one to them
    before, the answer is theirs, the one who spoke just before the questioner; a question after that answer is the
    questioner's again. Else None: a speaker's own question ("Where are they supposed to go?" she said.) goes on in
    her next paragraph."""
    if len(turns) < 2:
        return None
    before, last = turns[-2:]
    if before.last != last.first - 1 or last.last != paragraph - 1 or before.speaker.name in (None, last.speaker.name):
        return None
    questioned = any(asked.speaker == last.speaker and asked.question and asked.put and answer.speaker == before.speaker
                     for asked, answer in itertools.pairwise(turns))  # once X has put a question to Y, X's are to Y
    if (not question and last.question and (last.put or questioned)) or (question and not last.question and before.put):
        return before.speaker
    return None
