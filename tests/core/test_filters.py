"""Digest filters match whole words and phrases in any case, and exclusion beats inclusion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.filters import Filters, apply_filters, keeps, mentions, normalise_phrase
from bot.core.models import StoredArticle
from bot.errors import InputError


def article(title: str, body: str, number: int = 1) -> StoredArticle:
    return StoredArticle(number, title, None, f"{number}.txt", None, None, None, body, (), "2026-03-01")


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("Three CARE HOMES will close", "care homes", True),
        ("care\n   homes across the county", "care homes", True),
        ("careers in care", "care homes", False),
        ("Careers fair", "care", False),  # whole words only
        ("the NHS's plan", "nhs", True),
        ("A&E waits grew", "a&e", True),
        ("mental-health services", "mental", True),
        ("İstanbul clinics", "İstanbul", True),  # lower() would add a combining dot on one side only
        ("Straße works", "STRASSE", True),
    ],
)
def test_mentions_whole_words_in_any_case(text: str, phrase: str, found: bool) -> None:
    assert mentions(text, phrase) is found


def test_include_keeps_any_match_and_exclude_removes_even_those() -> None:
    homes = article("Care homes to close", "The council voted.", 1)
    football = article("Cup final", "Care homes raised money at the football.", 2)
    nurses = article("Nurses vote on pay", "A ballot opens.", 3)
    rows = [("include", "care homes"), ("include", "nurses"), ("exclude", "football")]
    assert apply_filters(Filters.from_rows(rows), [homes, football, nurses]) == [homes, nurses]
    assert apply_filters(Filters(), [homes, football]) == [homes, football]
    assert not keeps(Filters(exclude=("care homes",)), homes)


@given(st.text())
def test_normalised_phrases_are_what_is_stored_or_refused(text: str) -> None:
    try:
        phrase = normalise_phrase(text)
    except InputError:
        return
    assert phrase == phrase.casefold() == " ".join(phrase.split()) and 0 < len(phrase) <= 100
    assert mentions(f"before {text} after", phrase)  # a phrase always matches the text it came from


def test_bad_phrases_say_why() -> None:
    with pytest.raises(InputError, match="at least one word"):
        normalise_phrase(" -- ")
    with pytest.raises(InputError, match="at most 100"):
        normalise_phrase("word " * 30)
