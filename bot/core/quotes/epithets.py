"""Epithets that stand for someone named before: "the 78-year-old", "the mum-of-three".

An article uses one epithet for one person throughout, so it is read where the article gave it first: "Arthur Lomax,
78," or "78-year-old Arthur Lomax" names him; else the first "The 78-year-old, who …, said" stands for whoever was
named just before it, and so does every later one, whoever has spoken in between.
"""

from __future__ import annotations

import re

EPITHET = re.compile(r"the (?:(\d+)-year-old|[a-z]+-of-[a-z]+)", re.I)  # "the 34-year-old", "the mum-of-three"
_NAME = r"((?:[A-Z][\w’'-]+ ){0,2}[A-Z][\w’'-]+)"


def first_use(text: str, nominal: str, position: int) -> tuple[str | None, int]:
    """Return the name an epithet stands for when the article gave it with that age before `position` ("Arthur Lomax,
    78,", "78-year-old Arthur Lomax"), else None and where the article first used the epithet (or `position`)."""
    epithet = EPITHET.fullmatch(nominal)
    if epithet is not None and epithet[1]:
        age = epithet[1]
        aged = re.compile(rf"{_NAME}, {age},|\b{age}-year-old (?:[a-z]+ ){{0,3}}{_NAME}")
        given = list(aged.finditer(text, 0, position))  # read in place: no copy of the text before `position`
        if given:
            return given[-1][1] or given[-1][2], given[-1].start()
    first = re.compile(re.escape(nominal), re.I).search(text, 0, position)
    return None, first.start() if first else position
