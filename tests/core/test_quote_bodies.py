"""Which body "a spokesperson for …" speaks for, however the article introduced it."""

from __future__ import annotations

import pytest

from bot.core.quotes import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if not q.partial]


@pytest.mark.parametrize(("text", "body"), [
    ("The plans were criticised by the charity Carers First. A spokesperson for the charity said: “Families were "
     "never asked what they needed.”", "Carers First"),
    ("The figures were welcomed by the patient group Voices in A&E. A spokeswoman for the group said: “Nobody should "
     "spend their last hours in a corridor.”", "Voices in A&E"),
    ("Staff are represented by the union Unison. A spokesman for the union said: “Our members were told by text "
     "message that the home would shut.”", "Unison"),
])
def test_a_spokesperson_for_the_charity_speaks_for_the_charity_the_article_named(text: str, body: str) -> None:
    assert speakers(text) == [body]


def test_a_spokesperson_for_a_body_described_after_its_name_speaks_for_it() -> None:
    text = ("A spokesperson for Harwell Grant Partners, the administrators of Caledon Homecare, said: “All staff "
            "have now received their final salary payments.”")
    assert speakers(text) == ["Harwell Grant Partners"]


@pytest.mark.parametrize(("text", "body"), [
    ("Harwell and Ashby Hospitals NHS Trust has declared a critical incident.\nThe trust says the longest wait was "
     "31 hours, and it is asking people to use the minor injuries unit at Ashby Community Hospital.\nA trust "
     "spokesperson said: “Please only come to the emergency department if you are seriously ill.”",
     "Harwell and Ashby Hospitals NHS Trust"),
    ("Students at the University of Ashbridge say they wait weeks for a GP. The practice and the SU will meet. "
     "A university spokesperson said: “We recognise the pressure the practice is under.”", "University of Ashbridge"),
    ("The Department of Health and Social Care was asked whether it would act. “We are working with the sector on "
     "the next funding settlement,” the department said.", "Department of Health and Social Care"),
])
def test_a_bodys_own_spokesperson_speaks_for_the_body_of_that_kind_named_before(text: str, body: str) -> None:
    assert speakers(text) == [body]


def test_a_quote_under_a_letter_read_aloud_is_its_writers() -> None:
    text = ("Ruth Penhale, the MP for Ashby, read from a letter sent to her by a constituent, Maureen, whose husband "
            "died at home.\n\n“For three nights I rang the number and was told someone would come tomorrow.”\n\n"
            "“No family should have to write a letter like that,” Ms Penhale said.")
    assert speakers(text) == ["Maureen", "Ruth Penhale"]
    assert extract_quotes(text)[1].role == "MP for Ashby"


def test_a_quote_under_a_letter_read_aloud_with_no_writer_named_stays_with_the_reader() -> None:
    text = ("Ruth Penhale, the MP for Ashby, read from a letter she had received.\n\n“For three nights I rang the "
            "number and was told someone would come tomorrow.”")
    assert speakers(text) == ["Ruth Penhale"]


def test_a_body_introduced_by_its_kind_is_no_person_for_the_next_she() -> None:
    text = ("The study was carried out with the charity Later Life Links, whose chief executive, Gwen Harcourt, said "
            "the findings \"echoed what families tell us\".\n\n\"We hear from daughters and sons whose parents went "
            "into hospital,\" she said.")
    assert speakers(text) == ["Gwen Harcourt"]


@pytest.mark.parametrize(("text", "body"), [
    ("A spokesperson for Marks & Spencer said: “We are reviewing the findings and will respond shortly.”",
     "Marks & Spencer"),
    ("A Marks & Spencer spokesman said: “We are reviewing the findings and will respond shortly.”",
     "Marks & Spencer"),
    ("Hollins & Vane, the solicitors acting for the family, said: “They want answers, not sympathy.”",
     "Hollins & Vane"),
])
def test_names_joined_by_an_ampersand_are_a_firm_not_its_last_word(text: str, body: str) -> None:
    assert speakers(text) == [body]


@pytest.mark.parametrize(("text", "person"), [
    ("Tom & Linda Barrow said: “We were never told the home was closing.”", "Linda Barrow"),
    ("Mr & Mrs Barrow said: “We were never told the home was closing.”", "Barrow"),
])
def test_a_couple_joined_by_an_ampersand_stays_people(text: str, person: str) -> None:
    assert speakers(text) == [person]


def test_a_statement_from_a_body_set_off_after_a_places_operator_is_the_bodys() -> None:
    text = ("In a statement, Larch Lodge's operator, Evercare Homes Ltd, said it had dismissed the worker.\n\n"
            "“The safety of our residents is our absolute priority,” the statement added.")
    assert speakers(text) == ["Evercare Homes Ltd"]
