"""Who "the 54-year-old" and "the 78-year-old" are: the person the article gave that age, or named just before the
epithet's first use."""

from __future__ import annotations

import pytest

from tests.core.test_quote_speakers import speakers


def test_a_paragraph_under_the_age_of_someone_just_named_is_their_quote() -> None:
    text = ("Families were given eight weeks to find new places.\n\n"
            "Marion Hartley, whose father has lived at the home since 2019, said the letter came out of nowhere.\n\n"
            "“He has friends here,” she said.\n\n"
            "The 54-year-old said she had rung 11 homes and found two with vacancies, both more than 20 miles from "
            "the village where she lives and where her father grew up.\n\n"
            "“Everyone tells me to be realistic. Moving him could kill him.”")
    assert [s for s, _ in speakers(text)] == ["Marion Hartley", "Marion Hartley"]


def test_an_age_stands_for_whom_the_article_gave_it_whoever_spoke_since() -> None:
    """"Dennis Pollard, 78," is "the 78-year-old" after the choir leader has spoken, not the leader."""
    text = ("The choir meets every Tuesday in the church hall.\n\n"
            "Dennis Pollard, 78, joined after his diagnosis.\n\n"
            "“I don't forget the tunes,” he said.\n\n"
            "Its leader, Bethan Rees, said the social side mattered as much as the singing.\n\n"
            "“Carers are the forgotten people,” she said. “For an hour they get to sing.”\n\n"
            "The 78-year-old put it more simply. “I come in grumpy and I go out happy.”")
    assert [s for s, _ in speakers(text)] == ["Dennis Pollard", "Bethan Rees", "Dennis Pollard"]


def test_an_epithet_used_again_is_whom_its_first_use_meant() -> None:
    text = ("Among the founding members is Dennis Pollard, a former bus driver.\n\n"
            "The 78-year-old, who sang in a choir as a boy, said Tuesdays were the best day of the week.\n\n"
            "Its leader, Bethan Rees, said the social side mattered as much as the singing.\n\n"
            "“Carers are the forgotten people,” she said.\n\n"
            "The 78-year-old put it more simply. “I come in grumpy and I go out happy.”")
    assert [s for s, _ in speakers(text)] == ["Bethan Rees", "Dennis Pollard"]


def test_an_age_before_a_former_job_describes_the_person_just_named_not_someone_new() -> None:
    """"says the 67-year-old former school cook": the woman the paragraph above named, whatever her old job."""
    text = ("Rosa Keane keeps a calendar on her kitchen wall with a cross for every month she has waited for a new "
            "hip.\n\n"
            "“I was put on the list in February 2020,” says the 67-year-old former school cook. “Nobody will give me "
            "a date.”\n\n"
            "“It is the waiting,” says the 71-year-old carpenter Joe Bright, who lives next door.")
    assert [s for s, _ in speakers(text)] == ["Rosa Keane", "Joe Bright"]


@pytest.mark.parametrize("named", ["carpenter Joe Bright", "the carpenter Joe Bright", "retired carpenter Joe Bright",
                                   "the 71-year-old carpenter Joe Bright"])
def test_a_name_after_any_job_is_the_speaker_not_the_job_nor_someone_named_before(named: str) -> None:
    text = ("Rosa Keane keeps a calendar on her kitchen wall.\n\n"
            f"“It is the waiting that wears you down,” says {named}, who lives next door.")
    [(speaker, role)] = speakers(text)
    assert speaker == "Joe Bright" and "carpenter" in (role or "")


@pytest.mark.parametrize("opening", ["First-time mum Aisha", "New mum Aisha", "Proud dad Tariq"])
def test_a_parent_named_by_a_given_name_after_mum_or_dad_is_who_the_next_pronoun_means(opening: str) -> None:
    pronoun = "he" if "dad" in opening else "she"
    text = ("Nadia Fairweather, the trust's head of health visiting, said the hubs would open in May.\n\n"
            f"{opening}, 26, has been going to a drop-in at the hub since the baby was eight weeks old.\n\n"
            f"\"I was really anxious about feeding,\" {pronoun} said. \"Being able to just turn up has helped.\"")
    assert [speaker for speaker, _ in speakers(text)] == [opening.split()[-1]]
