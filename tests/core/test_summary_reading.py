"""News summaries a reader does not trip on, and summaries whose cost stays bounded on huge articles."""

from __future__ import annotations

import tracemalloc

import pytest

from bot.core.sentences import split_sentences
from bot.core.summarise import (
    MAX_RANKED_SENTENCES,
    inside_quotations,
    quote_balance,
    reads_alone,
    summarise,
)

# Plain reported sentences about one story, each long enough to be a summary sentence.
REPORTED = [
    "Northshire council will close two day centres for older people in the spring, its cabinet decided.",
    "The council said the day centres cost £2m a year to run and were used by fewer older people.",
    "Families of older people who use the day centres said the council had not consulted them properly.",
    "The council cabinet will review the closure of the day centres again in the autumn.",
]


def _summary(paragraphs: list[str], count: int = 3) -> list[str]:
    sentences = split_sentences("\n\n".join(paragraphs))
    return [sentences[i].text for i in summarise(sentences, count)]


@pytest.mark.parametrize(
    "text, balanced",
    [
        ("“We need more money for older people in the day centres,” the leader said.", True),
        ("‘We need more money for older people,’ the leader said.", True),
        ("“We need more money for older people in the day centres and the council knows it.", False),
        ("‘We need more money for older people in the day centres and the council knows it.", False),
        ('The leader said: "We need more money for the day centres and their older people.', False),
        ("The leader said:' We need more money for the day centres and older people.", False),
        ("the day centres,” the leader said of the council's plans for older people.", False),
        ("The council's plans for the organisations' day centres don't add up, Hay's union said.", True),
    ],
)
def test_quote_balance_tells_closed_quotations_from_open_ones(text: str, balanced: bool) -> None:
    assert quote_balance(text)[0] is balanced


@pytest.mark.parametrize(
    "text, alone",
    [
        ("But the council said the day centres cost too much to run for so few people.", False),
        ("However, families said the council had not consulted them about the centres.", False),
        ("He said the day centres were used by fewer older people than ten years ago.", False),
        ("“It is a disgrace to close the day centres,” she said on Tuesday evening.", False),
        ("“It is a disgrace to close the day centres,” said Jane Smith, a carer.", True),
        ("“It is a disgrace to close the day centres,” Jane Smith said on Tuesday.", True),
        ("Jane Smith, a carer, said the council had not listened to families at all.", True),
        ("The union says the staff have for years done clinical work on the lowest pay band.", False),
        ("The health secretary said the day centres were a matter for the council alone.", False),
        ("The council will close two day centres for older people in the spring.", True),
        ("The Royal College of Nursing said the day centres had saved hospital beds.", True),
    ],
)
def test_reads_alone_spots_sentences_that_lean_on_the_one_before(text: str, alone: bool) -> None:
    assert reads_alone(text) is alone


@pytest.mark.parametrize(
    "bad",
    [
        "“The closure of the day centres for older people in Northshire is a disgrace and the council knows it.",
        "‘The closure of the day centres for older people in Northshire is a disgrace and the council knows.",
        "“The closure of the day centres for older people in Northshire council is a disgrace to us all.”",
    ],
    ids=["unclosed-double", "unclosed-single", "bare-quote-wall"],
)
def test_news_never_shows_open_or_unattributed_quotations(bad: str) -> None:
    # the bad line shares most words with the story, so only the rule keeps it out
    for count in (2, 3, 4):  # fewer than the article holds, so there is always a reported choice
        assert bad not in _summary([REPORTED[0], bad, *REPORTED[1:]], count)


@pytest.mark.parametrize(
    "leaning",
    [
        "But the council said the day centres for older people cost £2m a year to run.",
        "He said the council day centres for older people cost £2m a year and were half empty.",
        "“The council day centres for older people cost £2m a year,” she said of the plans.",
    ],
)
def test_news_never_opens_a_summary_with_a_sentence_that_needs_the_one_before(leaning: str) -> None:
    chosen = _summary([leaning, *REPORTED], 3)
    assert chosen and chosen[0] != leaning


def test_news_shows_a_quotation_said_by_a_pronoun_only_under_the_sentence_that_names_the_speaker() -> None:
    """"'…,' she said." as a summary's third sentence names nobody when her own sentence is left out."""
    named = "Jane Smith, who runs the carers' group, said families were told of the plans by letter."
    quoted = "“The council day centres for older people cost £2m a year and the council never told us,” she said."
    for count in (2, 3):
        chosen = _summary([*REPORTED[:2], named, quoted, *REPORTED[2:]], count)
        assert quoted not in chosen or named in chosen


def test_inside_quotations_follows_a_quotation_across_sentences_of_one_paragraph() -> None:
    paragraphs = [
        ["The leader said: “We will keep the centres open.", "We owe it to families.", "It is right.”"],
        ["“Families matter.", "They always have,” she said.", "The vote is next week."],
        ["Carers said it was ‘a relief'.", "The council agreed."],
    ]
    assert inside_quotations(paragraphs) == [False, True, True, False, True, False, False, False]


def test_news_leaves_out_a_first_person_line_whose_speaker_is_in_the_sentence_before() -> None:
    # a quotation running over paragraphs: each opens with a mark, only the last one closes
    opening = "The council leader said: “Northshire will keep its day centres for older people open."
    voice = (
        "We told the families of older people that the council day centres cost £2m a year to run"
        " and the council will review the day centres in the spring."
    )
    closing = "“We will listen to families,” she added."
    for count in (2, 3, 4):
        chosen = _summary([REPORTED[0], f"{opening} {voice}", closing, *REPORTED[1:]], count)
        assert voice not in chosen and opening not in chosen


def test_news_tops_up_but_never_with_an_open_quotation() -> None:
    body = "\n\n".join(["Beds cut on Monday.", "“Wards shut and staff quit in the night.", "Staff quit."])
    sentences = split_sentences(body)
    picked = summarise(sentences, 3)
    assert [sentences[i].text for i in picked] == ["Beds cut on Monday.", "Staff quit."]


def _huge_article(sentences: int) -> str:
    words = "council care home staff funding hospital patients minister plan beds waiting report".split()
    lines = [" ".join(words[(i * 7 + j) % len(words)] for j in range(5 + i % 9)).capitalize() + "."
             for i in range(sentences)]
    return "\n\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5))


def test_news_summary_memory_grows_linearly_not_with_the_square() -> None:
    sentences = split_sentences(_huge_article(20_000))
    tracemalloc.start()
    try:
        picked = summarise(sentences, 3)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(picked) == 3
    # a sentence x sentence float array alone would take 20,000**2 * 8 bytes = 3.2 GB
    assert peak < 200_000_000


@pytest.mark.parametrize("algorithm", ["textrank", "lexrank", "lsa"])
def test_sumy_algorithms_rank_a_bounded_window(algorithm: str) -> None:
    sentences = split_sentences(_huge_article(MAX_RANKED_SENTENCES * 3))
    picked = summarise(sentences, 3, algorithm)
    assert len(picked) == 3 and max(picked) < MAX_RANKED_SENTENCES
