"""Who an article is about: the person a profile's far-off "she says" means."""

from __future__ import annotations

from bot.core.quotes.names import ArticleNames


def test_the_main_person_of_a_couple_sharing_a_surname_is_the_one_of_the_pronouns_gender() -> None:
    text = (
        "Linda Lockhart retires this month after ten years as chief nurse. Lockhart is 60.\n\n"
        "Her husband, David Lockhart, says she has never switched off.\n\n"
        "Lockhart was made a dame in the new year honours. She still finds it faintly ridiculous."
    )
    names = ArticleNames(text, lambda at: False)
    main = names.main_person("f"), names.main_person("m")
    assert [person.name if person else None for person in main] == ["Linda Lockhart", "David Lockhart"]
