"""Quotation extraction and speaker attribution on short hand-written cases, plus property tests."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.core.models import Quote
from bot.core.quotes import extract_quotes, speaker_key

# (id, article text, expected [(quote text, speaker, partial)])
CASES = [
    (
        "straight-double-said-after",
        'Care homes are full. "We cannot take any more residents this winter," said Ann Booth.',
        [("We cannot take any more residents this winter", "Ann Booth", False)],
    ),
    (
        "curly-double-name-said-colon-before",
        "Ann Booth said: “We cannot take any more residents this winter.”",
        [("We cannot take any more residents this winter.", "Ann Booth", False)],
    ),
    (
        "single-curly-as-quotation-marks",
        "‘Staff are leaving faster than we can hire them,’ said Raj Patel.",
        [("Staff are leaving faster than we can hire them", "Raj Patel", False)],
    ),
    (
        "mismatched-single-opened-curly-closed-straight",
        "‘Staff are leaving faster than we can hire them,' said Raj Patel.",
        [("Staff are leaving faster than we can hire them", "Raj Patel", False)],
    ),
    (
        "straight-single-after-colon-then-space-never-closed",
        "The council leader, Cllr Joan Hardy, said:' There is no money left for adult social care.\n\n"
        "The budget is set next week.",
        [("There is no money left for adult social care.", "Joan Hardy", False)],
    ),
    (
        "straight-single-after-comma-runs-over-paragraphs",
        "The committee chair, Jeremy Hunt, said, 'Understaffing poses a serious risk to patients.\n\n"
        "'This must be a top priority for the new prime minister.'",
        [
            (
                "Understaffing poses a serious risk to patients. This must be a top priority for the new prime "
                "minister.",
                "Jeremy Hunt",
                False,
            )
        ],
    ),
    (
        "unclosed-double-ends-at-paragraph-end",
        "Raj Patel said: “We are at breaking point and nobody is listening\n\nThe trust did not comment.",
        [("We are at breaking point and nobody is listening", "Raj Patel", False)],
    ),
    (
        "split-by-attribution-joined",
        "“We welcome the funding,” Ann Booth said. “But it will not fix the workforce crisis.”",
        [("We welcome the funding. But it will not fix the workforce crisis.", "Ann Booth", False)],
    ),
    (
        "parts-with-their-own-attributions-stay-apart",
        "“We must act now,” Ann Booth said. “I disagree with every word of that,” Raj Patel replied.",
        [("We must act now", "Ann Booth", False), ("I disagree with every word of that", "Raj Patel", False)],
    ),
    (
        "multi-paragraph-quotation",
        "Ann Booth, chief executive of Carewell, said:\n\n"
        "“The pandemic showed what care workers can do.\n\n"
        "“Now the government must pay them properly.”",
        [
            (
                "The pandemic showed what care workers can do. Now the government must pay them properly.",
                "Ann Booth",
                False,
            )
        ],
    ),
    (
        "same-speaker-attributed-again-in-the-next-paragraph-is-one-quotation",
        "“We have made progress,” said Ann Booth. “The work will take time.\n\n"
        "“Not every council felt welcome,” Booth continued. “But we are now seeing results.”",
        [
            (
                "We have made progress. The work will take time. Not every council felt welcome. "
                "But we are now seeing results.",
                "Ann Booth",
                False,
            )
        ],
    ),
    (
        "another-speaker-in-the-next-paragraph-starts-a-new-quotation",
        "“We have made progress,” said Ann Booth. “The work will take time.\n\n"
        "“Not every council felt welcome,” Raj Patel replied.",
        [
            ("We have made progress. The work will take time.", "Ann Booth", False),
            ("Not every council felt welcome", "Raj Patel", False),
        ],
    ),
    (
        "double-mark-adrift-between-spaces-closes",
        "Ann Booth said: “We will build back better. “ The rest of the speech was on housing.",
        [("We will build back better.", "Ann Booth", False)],
    ),
    (
        "quote-inside-a-quote",
        "“A resident told me ‘I feel forgotten’ and I could not argue,” said Raj Patel.",
        [("A resident told me ‘I feel forgotten’ and I could not argue", "Raj Patel", False)],
    ),
    (
        "apostrophes-are-not-quote-marks",
        "Care England's members don't expect a return to the 1990s' funding levels, and councils’ budgets "
        "are stretched.",
        [],
    ),
    (
        "apostrophe-inside-single-quotation",
        "‘It is the councils’ job to commission care, not ours,’ said Nadia Khan.",
        [("It is the councils’ job to commission care, not ours", "Nadia Khan", False)],
    ),
    (
        "name-cue-after",
        "“Waiting lists will keep growing without more beds,” Raj Patel added.",
        [("Waiting lists will keep growing without more beds", "Raj Patel", False)],
    ),
    (
        "according-to",
        "“Waiting lists will keep growing without more beds,” according to Raj Patel.",
        [("Waiting lists will keep growing without more beds", "Raj Patel", False)],
    ),
    (
        "name-with-role-appositive-before",
        "Professor Martin Green OBE, Chief Executive of Care England, said: “The review is a window of "
        "opportunity for the sector.”",
        [("The review is a window of opportunity for the sector.", "Martin Green", False)],
    ),
    (
        "inverted-cue-with-title",
        "“Councils need certainty over funding,” said Cllr James Jamieson, chairman of the Local Government "
        "Association (LGA).",
        [("Councils need certainty over funding", "James Jamieson", False)],
    ),
    (
        "other-cue-verbs",
        "Nadia Khan warned: “Hospices will close their doors this year.” "
        "“Families will pay the price,” Raj Patel insisted. "
        "Ann Booth told the BBC: “We are running out of options.”",
        [
            ("Hospices will close their doors this year.", "Nadia Khan", False),
            ("Families will pay the price", "Raj Patel", False),
            ("We are running out of options.", "Ann Booth", False),
        ],
    ),
    (
        "present-tense-cue",
        "Nadia Khan says: “Hospices will close their doors this year.”",
        [("Hospices will close their doors this year.", "Nadia Khan", False)],
    ),
    (
        "pronoun-resolved-to-named-person",
        "Health secretary Matt Hancock visited the hospital on Friday.\n\n"
        "“Technology offers a way past this binary approach,” he said.",
        [("Technology offers a way past this binary approach", "Matt Hancock", False)],
    ),
    (
        "role-noun-resolved-to-named-person",
        "Care minister Helen Whately visited a home in Kent.\n\n"
        "“We owe care staff a huge debt of thanks,” the minister said.",
        [("We owe care staff a huge debt of thanks", "Helen Whately", False)],
    ),
    (
        "unattributed-paragraph-continues-previous-speaker",
        "“We are pleased with this report,” said Ann Booth.\n\n“Social care remains in a fragile position.”",
        [
            ("We are pleased with this report", "Ann Booth", False),
            ("Social care remains in a fragile position.", "Ann Booth", False),
        ],
    ),
    (
        "lead-in-paragraph-ending-with-colon",
        "Cllr James Jamieson, chairman of the LGA, said:\n\n“Social care remains in a fragile position.”",
        [("Social care remains in a fragile position.", "James Jamieson", False)],
    ),
    (
        "canonical-fullest-name",
        "Matt Hancock visited a care home in Leeds.\n\n"
        "“This is a great day for the sector,” Mr Hancock said.\n\n"
        "Hancock added: “We will fix social care once and for all.”",
        [
            ("This is a great day for the sector", "Matt Hancock", False),
            ("We will fix social care once and for all.", "Matt Hancock", False),
        ],
    ),
    (
        "organisation-as-speaker-with-acronym",
        "The Local Government Association (LGA) published its response.\n\n"
        "“Councils need certainty over funding for the next three years,” the LGA said.",
        [("Councils need certainty over funding for the next three years", "Local Government Association", False)],
    ),
    (
        "organisation-behind-a-spokesperson",
        "A Department of Health and Social Care spokesperson said: “We are investing record sums in the NHS.”",
        [("We are investing record sums in the NHS.", "Department of Health and Social Care", False)],
    ),
    (
        "question-mark-then-attribution-as-new-sentence",
        "“Why is this clear to everyone except the board?” Raj Patel demanded.",
        [("Why is this clear to everyone except the board?", "Raj Patel", False)],
    ),
    (
        "dash-attribution-one-quote-per-line",
        "“We need more beds in every hospital.” ― Ann Booth\n“We need more nurses on every ward.” ― Raj Patel",
        [
            ("We need more beds in every hospital.", "Ann Booth", False),
            ("We need more nurses on every ward.", "Raj Patel", False),
        ],
    ),
    (
        "clause-after-a-full-stop-introduces-the-next-quote",
        "Ann Booth says the plan is “a con.” Raj Patel adds, “Nobody believes the numbers in this plan.”",
        [("a con.", "Ann Booth", True), ("Nobody believes the numbers in this plan.", "Raj Patel", False)],
    ),
    (
        "no-attribution-gives-no-speaker",
        "“Nobody saw this coming and nobody was prepared for it.”",
        [("Nobody saw this coming and nobody was prepared for it.", None, False)],
    ),
    (
        "pronoun-without-antecedent-gives-no-speaker",
        "“We are very worried about the winter ahead,” she said.",
        [("We are very worried about the winter ahead", None, False)],
    ),
    (
        "plural-pronoun-gives-no-speaker",
        "Ann Booth met the unions. “We want a fair deal for every care worker,” they said.",
        [("We want a fair deal for every care worker", None, False)],
    ),
    (
        "scare-quote-is-partial",
        "The plans for a ‘shake-up’ of services were welcomed by the Nuffield Trust.",
        [("shake-up", None, True)],
    ),
    (
        "lowercase-fragment-is-partial",
        "Raj Patel said the offer was “an insult to every nurse in the country”.",
        [("an insult to every nurse in the country", "Raj Patel", True)],
    ),
    (
        "short-capitalised-phrase-is-partial",
        "Ann Booth called the plan “Too Little” and walked out.",
        [("Too Little", None, True)],
    ),
]


def _summary(quotes: list[Quote]) -> list[tuple[str, str | None, bool]]:
    return [(q.text, q.speaker, q.partial) for q in quotes]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_extracts_and_attributes(text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    assert _summary(extract_quotes(text)) == expected


def test_split_quote_has_one_span_per_part() -> None:
    text = "“We welcome the funding,” Ann Booth said. “But it will not fix the workforce crisis.”"
    (quote,) = extract_quotes(text)
    assert [text[start:end] for start, end in quote.spans] == [
        "We welcome the funding,",
        "But it will not fix the workforce crisis.",
    ]
    assert quote.start == text.index("We welcome")


def test_role_is_kept_apart_from_the_name() -> None:
    text = (
        "Professor Martin Green OBE, Chief Executive of Care England, said: “The review is a window of "
        "opportunity.”\n\n“It must be delivered across health and social care,” Professor Green added."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Martin Green", "Chief Executive of Care England"),
        ("Martin Green", "Chief Executive of Care England"),
    ]


def test_role_written_before_the_name() -> None:
    text = "“Technology offers a way forward,” said health and social care secretary Sajid Javid."
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.role) == ("Sajid Javid", "health and social care secretary")


@pytest.mark.parametrize(
    ("appositive", "role"),
    [("the chief executive", "chief executive"), ("the trust’s medical director", "the trust’s medical director")],
)
def test_role_drops_its_article_unless_a_possessive_follows(appositive: str, role: str) -> None:
    (quote,) = extract_quotes(f"“We are ready for winter,” said Dr Hamid Qureshi, {appositive}.")
    assert (quote.speaker, quote.role) == ("Hamid Qureshi", role)


def test_quotes_come_in_order_of_appearance() -> None:
    text = "“First of all, thank you,” said Ann Booth. Later Raj Patel said: “Second, we must act now.”"
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ann Booth", "Raj Patel"]
    assert quotes[0].start < quotes[1].start


@pytest.mark.parametrize(
    "name",
    ["Matt Hancock", "Hancock", "Mr Hancock", "health secretary Matt Hancock", "Hancock's", "Matt Hancock MP"],
)
def test_speaker_key_is_shared_by_forms_of_one_person(name: str) -> None:
    assert speaker_key(name) == "hancock"


def test_speaker_key_strips_honorifics_and_post_nominals() -> None:
    assert speaker_key("Professor Martin Green OBE") == speaker_key("Dr Martin Green") == "green"


def test_speaker_key_keeps_organisations_whole() -> None:
    assert speaker_key("the LGA") == "lga"
    assert speaker_key("NHS England") == "nhs england"
    assert speaker_key("NHS England") != speaker_key("Care England")


QUOTE_CHARS = "‘’“”\"'"
_fragments = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "\n",
        "\n\n",
        " ",
        ", ",
        ". ",
        ": ",
        "said",
        " said ",
        "says",
        "added",
        "according to",
        "he",
        "she",
        "the minister",
        "Mr",
        "Dr",
        "Cllr",
        "Ann Booth",
        "Hancock",
        "OBE",
        ", chief executive of Care England,",
        "(LGA)",
        "don't",
        "councils’",
        "1990s'",
        "We will",
        "act now",
        "the LGA",
        "—",
        "…",
    ]
)
_articles = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(QUOTE_CHARS + "\n")),
    st.lists(_fragments, max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_articles)
@example("0““,“")  # marks around only a comma once made an empty quotation
def test_spans_are_verbatim_and_text_is_their_join(text: str) -> None:
    quotes = extract_quotes(text)
    previous_end = 0
    for quote in quotes:
        parts = [text[start:end] for start, end in quote.spans]
        assert quote.spans and all(0 <= start < end <= len(text) for start, end in quote.spans)
        assert all(part and part in text for part in parts)
        # the text is the parts in order, joined by at most a full stop and a space ("answer. But")
        at = 0
        for part in parts:
            found = quote.text.find(part.rstrip(" ,;"), at)
            assert found >= 0 and quote.text[at:found].strip(" .") == ""
            at = found + len(part.rstrip(" ,;"))
        assert quote.text[at:].strip(" ,;") == ""
        assert quote.start >= previous_end
        previous_end = quote.spans[-1][1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(QUOTE_CHARS + "\n")))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for quote in extract_quotes(text):
        assert isinstance(quote, Quote)
        assert quote.speaker is None or quote.speaker.strip()
