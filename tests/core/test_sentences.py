"""Sentence splitting on hand-written news text, and the sumy tokenizer that needs no NLTK data."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sumy.parsers.plaintext import PlaintextParser

from bot.core.sentences import OfflineTokenizer, quote_intervals, split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones on Monday. They spoke for an hour.",
            ["Mr. Smith met Dr. Jones on Monday.", "They spoke for an hour."],
        ),
        (
            "Prof. Jane Green led the review. It reported in May.",
            ["Prof. Jane Green led the review.", "It reported in May."],
        ),
        (
            "Some councils, e.g. Leeds and York, paused it. Others, i.e. Hull, did not.",
            ["Some councils, e.g. Leeds and York, paused it.", "Others, i.e. Hull, did not."],
        ),
        (
            "The Prime Minister spoke at No. 10 on Tuesday. Reporters waited.",
            ["The Prime Minister spoke at No. 10 on Tuesday.", "Reporters waited."],
        ),
        (
            "The clinic on St. Mary's Road closed. Patients moved.",
            ["The clinic on St. Mary's Road closed.", "Patients moved."],
        ),
        (
            "Mrs. Patel and Ms. Brown joined Sgt. Lee. All three spoke.",
            ["Mrs. Patel and Ms. Brown joined Sgt. Lee.", "All three spoke."],
        ),
    ],
)
def test_no_break_after_titles_and_latin_abbreviations(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_initials_stay_with_the_name() -> None:
    assert texts("J. K. Rowling gave £1m to the charity. It supports care leavers.") == [
        "J. K. Rowling gave £1m to the charity.",
        "It supports care leavers.",
    ]


def test_decimals_and_money_do_not_break() -> None:
    assert texts("Spending rose by 2.5% to £1.2bn last year. It will rise by 3.1% this year.") == [
        "Spending rose by 2.5% to £1.2bn last year.",
        "It will rise by 3.1% this year.",
    ]


def test_ordinary_words_are_not_abbreviations() -> None:
    # nupunkt's stock model lists "tax", "series" and "chase" as abbreviations and would miss these breaks.
    assert texts("The council tax rose. Mr Blair defended it. It was a TV series. A film followed.") == [
        "The council tax rose.",
        "Mr Blair defended it.",
        "It was a TV series.",
        "A film followed.",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '"We are pleased. It is good news for patients," he said. The trust agreed.',
            ['"We are pleased. It is good news for patients," he said.', "The trust agreed."],
        ),
        (
            "“We are pleased. It is good,” she said. The board met later.",
            ["“We are pleased. It is good,” she said.", "The board met later."],
        ),
        (
            'The nurse said: "Stop. Now." Then she left the ward.',
            ['The nurse said: "Stop. Now."', "Then she left the ward."],
        ),
        (
            '"It has changed a lot, " he said. Nobody disagreed.',
            ['"It has changed a lot, " he said.', "Nobody disagreed."],
        ),
    ],
)
def test_no_break_inside_a_quotation(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_quote_left_open_by_the_paragraph_does_not_swallow_it() -> None:
    # A quotation running on from the previous paragraph opens here but never closes.
    body = '"Funding is the real issue. She called the plan "mad". The board disagreed.'
    assert texts(body) == [
        '"Funding is the real issue.',
        'She called the plan "mad".',
        "The board disagreed.",
    ]


def test_quote_intervals_pair_opening_and_closing_marks() -> None:
    text = 'He said "yes" and then “no”.'
    assert [text[a : b + 1] for a, b in quote_intervals(text)] == ['"yes"', "“no”"]


def test_sentences_never_cross_paragraphs() -> None:
    body = "Care homes face a crisis\n\nThe report was published today. It calls for reform.\n \n  Last one."
    sentences = split_sentences(body)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Care homes face a crisis", 0),
        ("The report was published today.", 1),
        ("It calls for reform.", 1),
        ("Last one.", 2),
    ]


def test_windows_line_endings_separate_paragraphs() -> None:
    sentences = split_sentences("First paragraph here.\r\n\r\nSecond paragraph here.")
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("First paragraph here.", 0),
        ("Second paragraph here.", 1),
    ]


def test_offsets_are_verbatim_and_stripped() -> None:
    body = "  Leading space. Two  spaces  inside.\n\n\tTabbed paragraph follows.  \n"
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == [
        "Leading space.",
        "Two  spaces  inside.",
        "Tabbed paragraph follows.",
    ]
    for sentence in sentences:
        assert body[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("body", ["", "   ", "\n\n\n", " \t \n \n "])
def test_blank_body_has_no_sentences(body: str) -> None:
    assert split_sentences(body) == []


def test_offline_tokenizer_speaks_sumy() -> None:
    tokenizer = OfflineTokenizer()
    body = "Dr. Jones spoke. The NHS's £2.5bn plan covers care-homes, e.g. in Leeds."
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences(body) == (
        "Dr. Jones spoke.",
        "The NHS's £2.5bn plan covers care-homes, e.g. in Leeds.",
    )
    assert tokenizer.to_words("The NHS's £2.5bn plan covers care-homes, e.g. in Leeds.") == (
        "The",
        "NHS's",
        "2.5bn",
        "plan",
        "covers",
        "care-homes",
        "e.g",
        "in",
        "Leeds",
    )
    document = PlaintextParser.from_string("First sentence here. Second one here.", tokenizer).document
    assert [str(s) for s in document.sentences] == ["First sentence here.", "Second one here."]


_NEWSY = st.lists(
    st.sampled_from(
        [
            "Mr.",
            "Dr.",
            "No.",
            "e.g.",
            "J.",
            "2.5",
            " ",
            " ",
            "\n",
            "\n\n",
            "\r\n",
            '"',
            "“",
            "”",
            ".",
            "?",
            "!",
            "The",
            "care",
            "said",
            "NHS",
            "a",
            "'",
            "(",
            ")",
            "\t",
            "é",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _NEWSY))
def test_spans_are_verbatim_on_any_text(body: str) -> None:
    sentences = split_sentences(body)
    previous_end, previous_paragraph = 0, 0
    for sentence in sentences:
        assert sentence.text
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert not re.search(r"\n[^\S\n]*\n", sentence.text)  # never crosses a blank line
        assert sentence.start >= previous_end
        assert sentence.paragraph >= previous_paragraph
        previous_end, previous_paragraph = sentence.end, sentence.paragraph
