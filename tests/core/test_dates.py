"""Days a text names, read as dates from the day it was written: how grouping tells that two reports name one day."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.dates import days_named

WEDNESDAY = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board voted on Tuesday to close the ward.", {date(2026, 3, 10)}),
        ("The board voted yesterday.", {date(2026, 3, 10)}),
        ("Nurses walked out last night.", {date(2026, 3, 10)}),
        ("The report is published today.", {WEDNESDAY}),
        ("Inspectors returned on Wednesday.", {WEDNESDAY}),
        ("Inspectors first visited last Wednesday.", {date(2026, 3, 4)}),
        ("Councillors will vote next Friday.", {date(2026, 3, 13)}),
        ("The strike begins on 30 March.", {date(2026, 3, 30)}),
        ("The strike begins on March 30.", {date(2026, 3, 30)}),
        ("Figures for 30 December were late.", {date(2025, 12, 30)}),  # the nearest 30 December
        ("The review of 8 June 2022 said so.", {date(2022, 6, 8)}),
        ("Nobody may say when; 31 February is no day.", set()),
        ("The trust has 2,300 staff and 14 wards.", set()),
    ],
)
def test_days_named_are_read_from_the_day_of_writing(text: str, expected: set[date]) -> None:
    assert days_named(text, WEDNESDAY) == expected


def test_two_wordings_of_one_day_name_the_same_date() -> None:
    first = days_named("The board voted on Tuesday.", date(2026, 3, 10))
    second = days_named("The board, which met yesterday, backed the plan.", date(2026, 3, 11))
    assert first == second == {date(2026, 3, 10)}
