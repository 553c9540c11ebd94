"""Quote text exactly as the reader should see it: whole, joined with the right punctuation, never run on."""

from __future__ import annotations

import pytest

from bot.core.quotes import extract_quotes


def texts(text: str) -> list[tuple[str, bool]]:
    """Return (text, partial) of each quotation."""
    return [(q.text, q.partial) for q in extract_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ann Cole said: ‘The plan reflects both charities' thinking on respite care, and we back it.'",
            "The plan reflects both charities' thinking on respite care, and we back it.",
        ),
        (
            "Ann Cole said: ‘Mr Reid's report is the best since the '90s and we don't disagree with it.'",
            "Mr Reid's report is the best since the '90s and we don't disagree with it.",
        ),
        (
            "She said: ‘Families tell us the councils’ charges keep rising every single year.’",
            "Families tell us the councils’ charges keep rising every single year.",
        ),
    ],
)
def test_single_mark_quotes_survive_apostrophes(text: str, expected: str) -> None:
    assert texts(text) == [(expected, False)]


def test_a_single_closer_after_a_plural_still_closes_before_an_attribution() -> None:
    text = "‘We owe it to the nurses' she said, ‘and to every carer in the county.'"
    assert texts(text) == [("We owe it to the nurses and to every carer in the county.", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Funding is part of the answer,” the minister said. “But if you ignore staff, nothing changes.”",
            "Funding is part of the answer. But if you ignore staff, nothing changes.",
        ),
        (
            "“Funding is part of the answer,” the minister said, “and staff are the rest of it.”",
            "Funding is part of the answer and staff are the rest of it.",
        ),
        (
            "“Is funding the answer?” the minister asked. “Only in part, and only for a while.”",
            "Is funding the answer? Only in part, and only for a while.",
        ),
        (
            "“Funding is part of the answer,” the minister said, “I think, but not all of it.”",
            "Funding is part of the answer, I think, but not all of it.",  # the comma stays before "I"
        ),
    ],
)
def test_split_quotes_join_as_sentences(text: str, expected: str) -> None:
    assert texts(text) == [(expected, False)]


def test_paragraph_marks_inside_one_pasted_paragraph_are_not_kept() -> None:
    text = (
        "Jo Dunn, director of Care Wales, said: “We are glad to have taken this step. "
        "“We want to keep working with every council. “The work is far from done.” The group meets in May."
    )
    assert texts(text) == [
        (
            "We are glad to have taken this step. We want to keep working with every council. "
            "The work is far from done.",
            False,
        )
    ]


def test_multi_paragraph_quotes_drop_each_paragraphs_opening_mark() -> None:
    text = (
        "Jo Dunn said: ‘We are glad to have taken this step.\n\n"
        "‘We want to keep working with every council.\n\n"
        "‘The work is far from done.'\n\n"
        "The group meets in May."
    )
    assert texts(text) == [
        (
            "We are glad to have taken this step. We want to keep working with every council. "
            "The work is far from done.",
            False,
        )
    ]


@pytest.mark.parametrize("closer", ['"', "’"])
def test_a_quote_closed_with_the_other_family_of_mark_does_not_run_on(closer: str) -> None:
    text = f"Jo Dunn said: ‘Families cannot be left to pick up the bill.{closer} Ministers say a plan is coming."
    assert texts(text) == [("Families cannot be left to pick up the bill.", False)]


def test_a_fragment_in_the_next_paragraph_is_not_glued_to_a_full_quote() -> None:
    text = (
        "Jo Dunn said: “We want to see how the service is working.\n\n"
        "“radical change and reform” is what the report asks for."
    )
    assert texts(text) == [
        ("We want to see how the service is working.", False),
        ("radical change and reform", True),
    ]


def test_a_fragment_after_adding_that_is_not_part_of_the_quote() -> None:
    text = (
        "“We have a tired workforce that is more tired every month,” she said, "
        "adding that “some of the rotas are simply unsafe.”"
    )
    assert texts(text) == [
        ("We have a tired workforce that is more tired every month", False),
        ("some of the rotas are simply unsafe.", True),
    ]


@pytest.mark.parametrize(
    "title",
    ["Fixing Social Care for Good", "The Care Workforce Plan 2025", "All Bets Are Off.", "Care Can’t Wait",
     "We'll Meet Again", "Living Well with Dementia in Ashby 2025–2030"],
)
def test_a_quoted_title_is_not_a_full_quotation(title: str) -> None:
    text = f"The charity published “{title}” on Monday, its chief executive said."
    assert texts(text) == [(title, True)]


@pytest.mark.parametrize("text", [
    "The report, ‘Hands off: restrictive practice in the community’, was published on Tuesday by researchers.",
    "A survey of 1,200 social workers published last month by the association, “Stretched thin: caseloads and "
    "wellbeing in 2024”, found that most were considering leaving.",
    "The council's review, entitled “Living well at home for longer”, will go to cabinet next week.",
    "The figures are set out in the annual report ‘Restrictive practice: the state of care 2024’, which draws on "
    "national data.",
    "The network's report, ‘Sent home too soon?’, found that most discharges were decided by bed counts.",
    "The council's review, entitled “Where did the money go?”, will go to cabinet next week.",
    "The strategy, “Ageing well at home in Ashby 2025–2030”, was approved by the cabinet on Tuesday.",
])
def test_a_documents_title_in_sentence_case_set_off_after_its_noun_is_not_a_full_quotation(text: str) -> None:
    assert [partial for _, partial in texts(text)] == [True]


def test_a_quotation_after_a_report_and_its_cue_verb_is_still_said() -> None:
    text = "The report, published on Tuesday, says, “Families were never asked what they needed”, and calls for change."
    assert [partial for _, partial in texts(text)] == [False]


def test_a_split_quote_that_goes_on_with_i_keeps_its_comma() -> None:
    text = "Margaret was in tears. ‘I’m not a nuisance,’ she told us, ‘I just didn’t know what else to do.’"
    assert [q.text for q in extract_quotes(text)] == ["I’m not a nuisance, I just didn’t know what else to do."]


def test_a_split_quote_going_on_with_i_after_a_full_stop_starts_a_new_sentence() -> None:
    text = ("“The practices are already stretched, a recipe for longer waits for everyone,” Mr Halloway said. "
            "“I want to see the ICB test whether another provider will take the contract on.”")
    assert [q.text for q in extract_quotes(text)] == [
        "The practices are already stretched, a recipe for longer waits for everyone. I want to see the ICB test "
        "whether another provider will take the contract on."
    ]


def test_a_sentence_cut_in_two_by_a_long_scene_setting_attribution_is_one_quote() -> None:
    text = ("Pryce has worked nights for a decade. “You learn the back roads,” she says later, parked in a lay-by, "
            "pouring tea from a flask, “because the satnav has never heard of half these farms.”")
    assert [q.text for q in extract_quotes(text)] == [
        "You learn the back roads because the satnav has never heard of half these farms."]


def test_a_fragment_after_a_long_attribution_that_reports_more_is_its_own_quote() -> None:
    text = ("“Waiting lists should not be a lottery for patients in this county,” the committee chairman, Cllr Ann "
            "Lee, said on Friday, adding that the trust's figures were “frankly embarrassing”.")
    assert [q.text for q in extract_quotes(text)] == [
        "Waiting lists should not be a lottery for patients in this county", "frankly embarrassing"]


def test_a_single_mark_reopened_after_an_attribution_runs_on_into_the_next_paragraph() -> None:
    text = ("Jo Bloggs, chief executive of the pharmacy group, said margins were vanishing.\n\n"
            "‘When a contractor is told late, they have no way to claw that back,’ she told the paper. ‘Multiply "
            "that across 20 lines a month and you have a business that cannot survive.\n\n"
            "‘We are not asking for special treatment.’\n\nThe group wants weekly prices.")
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [(
        "Jo Bloggs",
        "When a contractor is told late, they have no way to claw that back. Multiply that across 20 lines a month "
        "and you have a business that cannot survive. We are not asking for special treatment.",
    )]


def test_an_apostrophe_after_a_sentence_end_opens_nothing_before_a_lower_case_word() -> None:
    text = "Dr Ann Lee said the ward was full. ’til then, nobody had asked, she said."
    assert extract_quotes(text) == []


def test_a_reply_introduced_with_a_colon_after_a_fragment_is_its_own_quotation() -> None:
    text = ("The exchanges became heated. When Cllr Ann Parfitt said the opposition had “never run anything bigger "
            "than a jumble sale”, Cllr Deborah Quayle replied: “At least a jumble sale looks after what it’s been "
            "given.”")
    full = [(q.speaker, q.text) for q in extract_quotes(text) if not q.partial]
    assert full == [("Deborah Quayle", "At least a jumble sale looks after what it’s been given.")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“Not once,” she said, when asked whether anyone had checked the bed rails.", "Not once"),
        ("The nurse asked how he was. ‘Tired, but good.’ It became his script.", "Tired, but good."),
        ("Cllr Pat Hale asked the officer: “Checking how?”", "Checking how?"),
        ("She read the letter twice. “There he is,” she says.", "There he is"),
    ],
)
def test_a_few_words_said_as_a_sentence_of_their_own_are_a_whole_quotation(text: str, said: str) -> None:
    assert (said, False) in texts(text)


@pytest.mark.parametrize(
    ("text", "quoted", "partial"),
    [
        ("When the room had settled, he went on: '...and that is why we are closing the branch.'",
         "...and that is why we are closing the branch.", False),
        ("“…they have badly misjudged this village,” Mr Rook told the meeting.",
         "…they have badly misjudged this village", False),
        ("She called the plan “…a scandal hiding in plain sight” and left the room.",
         "…a scandal hiding in plain sight", True),
    ],
)
def test_a_sentence_taken_up_after_an_ellipsis_is_whole_not_a_phrase(text: str, quoted: str, partial: bool) -> None:
    """A quotation opening on "…" is cut from longer speech: whole when said as a sentence, partial mid-sentence."""
    assert (quoted, partial) in texts(text)


@pytest.mark.parametrize("answer", ["No.", "Rarely.", "Never!"])
def test_a_one_word_answer_said_as_a_sentence_is_a_whole_quotation(answer: str) -> None:
    text = f"Asked whether she could promise that no patient would be sent away, she said: ‘{answer}’"
    assert (answer, False) in texts(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The trust signed a “Do not resuscitate” order without asking the family.", "Do not resuscitate"),
        ("Her nickname, “Dr Peggy”, stuck for forty years.", "Dr Peggy"),
        ("The podcast opens with its theme, ‘Care at Home’, every Friday.", "Care at Home"),
    ],
)
def test_a_short_capitalised_phrase_inside_a_sentence_or_a_title_stays_partial(text: str, phrase: str) -> None:
    assert (phrase, True) in texts(text)


@pytest.mark.parametrize(
    ("text", "quoted", "partial"),
    [
        ("He said district nurses were “seeing more patients than ever. The rota simply cannot stretch any further, "
         "and we are losing good people.”", "seeing more patients than ever. The rota simply cannot stretch any "
         "further, and we are losing good people.", False),
        ("She said the hub was ‘a lifeline for carers who have nowhere else to go’ and urged the council to keep it.",
         "a lifeline for carers who have nowhere else to go", True),
        ("The report called the delays “unacceptable in any hospital, in any year” before listing six failings.",
         "unacceptable in any hospital, in any year", True),
    ],
)
def test_a_quote_opening_mid_sentence_is_whole_only_when_it_runs_on_into_a_sentence_of_its_own(
    text: str, quoted: str, partial: bool
) -> None:
    assert (quoted, partial) in texts(text)


@pytest.mark.parametrize("said", ["£450m sounds like a lot of money, but it will not transform anything on its own.",
                                  "$2bn is what it would take to fix the roofs alone."])
def test_a_sentence_said_opening_with_a_sum_is_a_full_quotation(said: str) -> None:
    text = f"Hannah Lye, chief executive of the institute, said: “{said}”"
    assert texts(text) == [(said, False)]


@pytest.mark.parametrize(
    "text",
    [
        "In its latest annual report, ‘The state of care in England 2024/25’, the regulator acknowledged that its "
        "registration performance had “not been where we want it to be”.",
        "Its report, titled ‘Doing the job, not getting the pay’, says the role has “drifted well beyond what was "
        "intended” as trusts struggle to fill vacancies.",
    ],
)
def test_a_title_in_single_marks_is_not_joined_to_the_phrase_in_double_marks_after_it(text: str) -> None:
    texts = [quote.text for quote in extract_quotes(text)]
    assert texts[-1] in ("not been where we want it to be", "drifted well beyond what was intended")
    assert not any("’" in t or "”" in t for t in texts) and len(texts) == 2
