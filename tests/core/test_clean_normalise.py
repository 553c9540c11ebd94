"""Text normalised once at ingest, and furniture keys that keep headlines differing in numbers apart."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.clean import clean
from bot.core.normalise import line_key, normalise_field, normalise_text
from bot.core.pipeline import process_article
from bot.services.ingest import REPEATED_IN, repeated_lines

BODY = [
    "Wexford Vale Council has agreed to raise the fees it pays care homes by 4% from April, after providers "
    "warned that several homes could close.",
    "The council said the rise would cost £2.1m a year and would be reviewed in the autumn, when the new "
    "national wage rates are known.",
    "Providers said the increase was welcome but fell short of the 9% they had asked for to cover staff costs.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Directors of Adult Social Services (DASS)\u00a0 both", "Directors of Adult Social Services (DASS) both"),
        ("a\u202fnarrow\u2009thin\u3000wide space", "a narrow thin wide space"),
        ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
        ("bidi \u202eoverride\u202c and \u2066isolate\u2069", "bidi override and isolate"),
        ("bell\x07 null\x00 delete\x7f c1\x9b", "bell null delete c1"),
        ("red \x1b[31mwarning\x1b[0m text", "red warning text"),
        ("title \x1b]0;pwned\x07set", "title set"),
        ("line\r\nbreaks\rand\u2028separators", "line\nbreaks\nand\nseparators"),
        ("tab\tstays  and   doubled spaces go", "tab\tstays and doubled spaces go"),
        ("  indented line", "  indented line"),
    ],
)
def test_normalise_text(raw: str, want: str) -> None:
    assert normalise_text(raw) == want
    assert normalise_text(want) == want  # idempotent: normalising twice changes nothing


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalised_text_has_no_control_or_invisible_characters(raw: str) -> None:
    text = normalise_text(raw)
    assert normalise_text(text) == text
    for char in text:
        category = unicodedata.category(char)
        assert char in "\n\t" or category not in ("Cc", "Zl", "Zp"), repr(char)
        assert char == " " or category != "Zs", repr(char)
        assert char not in "\u200b\u200d\u202e\u2066\ufeff", repr(char)
    assert all("  " not in line.strip(" ") for line in text.split("\n"))  # a line's indent is kept, as above


@pytest.mark.parametrize(("raw", "want"), [
    ("Fees rise to Â£300 a week", "Fees rise to £300 a week"),
    ("â€œWe donâ€™t know,â€\x9d said JosÃ© GarcÃ­a.", "“We don’t know,” said José García."),
    ("French President FranÃ\x83Â§ois Hollande", "French President François Hollande"),  # saved wrongly twice
])
def test_text_saved_in_the_wrong_encoding_is_read_back(raw: str, want: str) -> None:
    assert normalise_text(raw) == want


@pytest.mark.parametrize("text", ["São Paulo, café, naïve, £300, €5", "It’s “fine”—really…", "Œuvre™ Ångström"])
def test_text_in_the_right_encoding_is_left_alone(text: str) -> None:
    assert normalise_text(text) == text


def test_normalise_field_makes_one_plain_line() -> None:
    assert normalise_field(" Jane\u00a0Doe\t\x1b[1m ") == "Jane Doe"
    assert normalise_field("\u200b") is None
    assert normalise_field(None) is None


def test_body_and_title_are_normalised_at_ingest() -> None:
    headline = "\x1b[2J\x1b[31mCare home\u00a0fees  rise by 4%\x1b[0m in Wexford Vale"
    dirty = [BODY[0].replace(" ", "\u00a0 ", 2), "\u202e" + BODY[1], BODY[2].replace("9%", "9%\u200b")]
    result = clean(page(headline, *dirty))
    assert result.title == "Care home fees rise by 4% in Wexford Vale"
    assert result.body.split("\n\n") == BODY


def test_metadata_fields_are_normalised() -> None:
    raw = page(
        "Care\u00a0Weekly",
        "Care home fees rise by 4% in Wexford Vale",
        "By Jane\u00a0\x1b[1mDoe\x1b[0m",
        "8 June 2022",
        *BODY,
        "© 2022 Care\u00a0\u00a0Weekly",
    )
    meta = process_article(raw).meta
    assert (meta.title, meta.author, meta.publisher) == (
        "Care home fees rise by 4% in Wexford Vale",
        "Jane Doe",
        "Care Weekly",
    )


def test_line_key_keeps_numbers_that_make_a_line_unique() -> None:
    assert line_key("Care home fees rise by 4%") != line_key("Care home fees rise by 6%")
    assert line_key("1,200 nurses to strike over pay") != line_key("1,300 nurses to strike over pay")
    assert line_key("Call the newsdesk on 01632 960 123") == line_key("Call the newsdesk on 01632 960 123")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Page 1 of 3", "Page 2 of 3"),
        ("12 comments", "3 comments"),
        ("© 2018 Community Care", "© 2024 Community Care"),
        ("Posted on 24/07/2018 by Jane Doe", "Posted on 03/02/2021 by Jane Doe"),
        ("Last updated 8th June 2022 at 10:30am", "Last updated 14 March 2023 at 4.15 pm"),
        ("Published June 8, 2022", "Published March 14, 2023"),
        ("Updated 3 hours ago", "Updated 12 hours ago"),
        ("Images (1)", "Images (4)"),
    ],
)
def test_line_key_ignores_dates_years_times_and_counters(first: str, second: str) -> None:
    assert line_key(first) == line_key(second)
    assert line_key(first)


async def test_headlines_differing_in_numbers_are_not_furniture() -> None:
    """The ingest counts lines across a batch: a headline series must not be taken for page furniture."""
    pages = [page(f"Care home fees rise by {n}% in Wexford Vale", "Page 1 of 2", *BODY) for n in (3, 4, 5, 6)]
    repeated = await repeated_lines(None, pages)
    assert line_key("Page 1 of 2") in repeated and len(pages) >= REPEATED_IN
    for n, raw in zip((3, 4, 5, 6), pages, strict=True):
        assert process_article(raw, repeated=repeated).meta.title == f"Care home fees rise by {n}% in Wexford Vale"
