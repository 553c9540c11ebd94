"""Speakers found through the words around a quotation: cue verbs, post-nominals, role nouns, given names."""

import pytest

from bot.core.quotes import extract_quotes


@pytest.mark.parametrize("verb", ["grinned", "smiled", "chuckled"])
def test_a_popular_papers_manner_verb_before_a_colon_cues_the_quotation(verb: str) -> None:
    text = ("Dr Pam Goodliffe turned 100 on Sunday. Her nephew Colin Ware organised the party.\n\n"
            f"Asked what she wished for as she cut the cake, she {verb}: “Another hundred years.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Pam Goodliffe"]


def test_what_a_profile_says_someone_remembers_is_theirs() -> None:
    text = ("Jodie Marsh was 12 when she began caring for her dad. Her teacher, Mr Lyle, noticed.\n\n"
            "“The first time I went to the group I hardly spoke,” she remembers. “But they all understood.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Jodie Marsh"]


def test_a_member_of_the_senedd_named_with_ms_after_the_name_is_a_person() -> None:
    text = ("Dr Owain Price, a GP in Cwmfelin, said his practice had advertised four times.\n\n"
            "Local Senedd Member Iestyn Morgan MS said constituents often contacted him.\n\n"
            "“People are tired of ringing at 8am,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Iestyn Morgan"]


def test_a_scottish_committees_convener_is_a_role_not_a_name() -> None:
    text = ("Councillor Aileen Ross, Convener of the Council's Care Committee, said: \"This is a proud day for "
            "Kilmarden.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Aileen Ross"]


def test_the_former_dinner_lady_is_the_woman_just_named() -> None:
    text = ("Edna Pargeter celebrated her 100th birthday at Willowmere House yesterday.\n\n"
            "The former school dinner lady, who was born in 1926, told the Beacon: \"I don't feel a day over 80.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Edna Pargeter"]


def test_a_common_british_given_name_tells_a_man_from_the_woman_who_speaks() -> None:
    text = ("Maureen Ellery shares her home with Robbie, 34, who has a learning disability.\n\n"
            "Maureen said: \"I'd always had a busy house.\"\n\n"
            "\"Robbie was shy when he first came. Now he is part of the family.\"\n\n"
            "She added: \"You don't need to be an expert.\"")
    assert {q.speaker for q in extract_quotes(text)} == {"Maureen Ellery"}
