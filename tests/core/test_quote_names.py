"""Who an article is about: the person a profile's far-off "she says" means."""

from __future__ import annotations

import pytest

from bot.core.quotes import extract_quotes
from bot.core.quotes.names import ArticleNames, analyse_run, word_tokens


def test_the_main_person_of_a_couple_sharing_a_surname_is_the_one_of_the_pronouns_gender() -> None:
    text = (
        "Linda Lockhart retires this month after ten years as chief nurse. Lockhart is 60.\n\n"
        "Her husband, David Lockhart, says she has never switched off.\n\n"
        "Lockhart was made a dame in the new year honours. She still finds it faintly ridiculous."
    )
    names = ArticleNames(text, lambda at: False)
    main = names.main_person("f"), names.main_person("m")
    assert [person.name if person else None for person in main] == ["Linda Lockhart", "David Lockhart"]


def test_a_spouse_named_by_a_given_name_after_someone_named_in_full_shares_the_surname() -> None:
    text = (
        "That is where Colin Ashworth lives now. His wife, Brenda, is 81 and visits him three times a week.\n\n"
        "Dr Priya Sandhu, a researcher at the Ageing Institute, says closures are rising. “It is a retreat,” she "
        "says.\n\n"
        "Ashworth is not convinced. In her kitchen she keeps his letters in a biscuit tin, she says.\n\n"
        "“He wrote to me every week for 50 years. Now he does not know the date.”"
    )
    names = ArticleNames(text, lambda at: False)
    assert set(names.surname_forms("Ashworth")) == {"Colin Ashworth", "Brenda Ashworth"}
    assert extract_quotes(text)[-1].speaker == "Brenda Ashworth"


@pytest.mark.parametrize("line", [
    "His wife, Rachel Moss, is 81.", "Her husband, Tom, is 81.", "His carer, Brenda, is 81."])
def test_no_spouse_is_added_when_the_name_is_whole_or_no_spouse_or_the_pronoun_is_another_gender(line: str) -> None:
    names = ArticleNames(f"That is where Colin Ashworth lives now. {line}", lambda at: False)
    assert set(names.surname_forms("Ashworth")) == {"Colin Ashworth"}


@pytest.mark.parametrize("pronoun, given", [("she", "Nadia"), ("he", "Tariq")])
def test_someone_brought_in_by_a_given_name_alone_is_who_the_next_pronoun_means(pronoun: str, given: str) -> None:
    """The writer never gives the surname ("carers like Nadia, who …"), and the article's other people, named later
    and also by given names alone, are no reason to lose her."""
    text = (
        f"Behind the figures are carers like {given}, who looks after an adult son with epilepsy. He needs someone "
        "with him day and night.\n\n"
        f"“I have not slept through the night in four years,” {pronoun} told us.\n\n"
        "Respite is scarce everywhere. Graham, 74, has cared for his wife Maureen since her stroke in 2019, and "
        "Bernadette looks after her brother."
    )
    assert [quote.speaker for quote in extract_quotes(text)] == [given]


@pytest.mark.parametrize("campaign", ["Save Hollins", "Keep Harrow Lane Open", "Stop Ward Closures", "Hands Off Ashby"])
def test_a_campaign_named_for_what_it_asks_is_a_body_not_a_person(campaign: str) -> None:
    """Nobody is called "Save Hollins": a campaign is named for what it asks, and is nobody's "she"."""
    assert analyse_run(word_tokens(campaign)) == ("org", ())
