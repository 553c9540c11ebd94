"""A quotation's speaker is a person or an organisation, decided from how the attribution names them."""

from __future__ import annotations

import pytest

from bot.core.digest import Digest, DigestItem
from bot.core.markdown import quote_attribution, render_markdown, speaker_label
from bot.core.models import ORGANISATION, PERSON, StoredQuote
from bot.core.quotes import extract_quotes
from bot.core.quotes.kinds import nominal_kind

SAID = "“Providers cannot keep absorbing these rising costs on their own,”"


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, kind) of each full quotation in `text`."""
    return [(q.speaker, q.speaker_kind) for q in extract_quotes(text) if not q.partial]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"{SAID} said Ruth Adeyemi, chief executive of the Harbour Care Trust.", "Ruth Adeyemi"),
        (f"Ruth Adeyemi from Westmoor Borough Council said: {SAID}", "Ruth Adeyemi"),
        (f"Harbour Care Association chair Ruth Adeyemi said: {SAID}", "Ruth Adeyemi"),
        (f"Westmoor Council's director of care, Ruth Adeyemi, said: {SAID}", "Ruth Adeyemi"),
        (f"Ruth Adeyemi, who runs two homes for the Harbour Care Trust, said: {SAID}", "Ruth Adeyemi"),
    ],
)
def test_a_named_person_with_an_organisation_is_a_person(text: str, speaker: str) -> None:
    assert speakers(text) == [(speaker, PERSON)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"Harbour Care Association said in a statement: {SAID}", "Harbour Care Association"),
        (f"{SAID} said the Westmoor Borough Council.", "Westmoor Borough Council"),
        (f"{SAID} the RCN said.", "RCN"),
        (f"{SAID} Brightwell Homes Ltd said.", "Brightwell Homes Ltd"),
        (f"Westmoor Borough Council has shut two homes. {SAID} the council said.", "Westmoor Borough Council"),
        (f"{SAID} the department said.", "the department"),
    ],
)
def test_an_organisation_speaking_with_no_person_named_is_an_organisation(text: str, speaker: str) -> None:
    assert speakers(text) == [(speaker, ORGANISATION)]


@pytest.mark.parametrize(
    "text",
    [
        f"{SAID} a spokesperson for the Ministry of Care said.",
        f"A spokeswoman for the Ministry of Care said: {SAID}",
        f"{SAID} said a spokesman for the Ministry of Care.",
        f"{SAID} a Ministry of Care spokesperson said.",
    ],
)
def test_a_spokesperson_for_an_organisation_gives_the_organisation_as_speaker(text: str) -> None:
    assert speakers(text) == [("Ministry of Care", ORGANISATION)]


def test_a_one_word_name_with_a_spokesperson_is_the_organisation() -> None:
    assert speakers(f"{SAID} a Brightwell spokesman said.") == [("Brightwell", ORGANISATION)]
    # a spokesperson for a named person speaks for them, not for an organisation
    assert ORGANISATION not in {kind for _, kind in speakers(f"{SAID} a spokesman for Ruth Adeyemi said.")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"Shares in Brightwell fell on Monday. {SAID} Brightwell said.", None),  # a company? a person?
        (f"{SAID} the report said.", None),  # a document: neither
        (f"Mr Baxter runs the union branch. {SAID} Baxter said.", PERSON),  # a title says who
        (f"Baxter runs the union branch, and he is angry. {SAID} Baxter said.", PERSON),  # so does "he"
        (f"Tom Baxter runs the union branch. {SAID} Baxter said.", PERSON),  # and the full name
    ],
)
def test_a_one_word_name_is_a_person_only_when_the_article_says_so(text: str, kind: str | None) -> None:
    assert [k for _, k in speakers(text)] == [kind]


def test_a_pronoun_resolved_to_a_person_is_a_person() -> None:
    text = f"Ruth Adeyemi runs three care homes for the Harbour Care Trust in Leeds.\n\nShe said: {SAID}"
    assert speakers(text) == [("Ruth Adeyemi", PERSON)]


def test_a_relative_the_writer_names_is_a_person() -> None:
    text = f"My mother moved into the home last spring.\n\nShe said: {SAID}"
    assert speakers(text) == [("my mother", PERSON)]


def test_it_said_after_an_organisation_is_that_organisation() -> None:
    text = f"The Harbour Care Association wrote to ministers on Monday. {SAID} it said."
    assert speakers(text) == [("Harbour Care Association", ORGANISATION)]


def test_a_quotation_continuing_an_organisations_statement_keeps_its_kind() -> None:
    text = f"{SAID} Harbour Care Association said.\n\n“Ministers must act before the winter comes for all of us.”"
    assert speakers(text) == [("Harbour Care Association", ORGANISATION)] * 2


def test_people_and_organisations_in_one_article_each_keep_their_kind() -> None:
    text = (
        f"{SAID} said Westmoor Borough Council.\n\n"
        "“We will not close a single home without asking the families first,” said Ruth Adeyemi, the"
        " council's cabinet member for adult care."
    )
    assert speakers(text) == [("Westmoor Borough Council", ORGANISATION), ("Ruth Adeyemi", PERSON)]


def test_a_quotation_with_no_speaker_has_no_kind() -> None:
    text = "The report was short.\n\n“Nobody could say where the money had gone in the end.”"
    assert [q.speaker_kind for q in extract_quotes(text)] == [None]


@pytest.mark.parametrize(
    ("nominal", "kind"),
    [
        ("the council", ORGANISATION),
        ("the trust", ORGANISATION),
        ("the government", ORGANISATION),
        ("a spokesperson", PERSON),
        ("the trust's spokesperson", PERSON),
        ("one senior source on the board", PERSON),
        ("the health secretary", PERSON),
    ],
)
def test_a_nominal_is_an_organisation_when_its_head_is_an_organisation_noun(nominal: str, kind: str) -> None:
    assert nominal_kind(nominal) == kind


def test_a_digest_quote_line_gives_an_organisations_words_as_its_statement() -> None:
    said = "We will not close a single home without asking the families first."
    org = StoredQuote(1, said, "Harbour Care Association", None, 1, None, None, None, 0, ORGANISATION)
    person_quote = StoredQuote(2, said, "Ruth Adeyemi", "chair of the association", 1, None, None, None, 1, PERSON)
    story = DigestItem("Homes stay open", ("The homes stay open.",), (), org)
    text = render_markdown(Digest("2026-W48", (story,), 1))
    assert f"> “{said}”\n> — Harbour Care Association (statement)\n" in text
    assert quote_attribution("Ruth Adeyemi", person_quote.role, person_quote.speaker_kind) == (
        "Ruth Adeyemi, chair of the association")
    assert quote_attribution("Ruth Adeyemi", None, None) == "Ruth Adeyemi"  # unknown kind: as before
    assert speaker_label("Harbour Care Association", ORGANISATION) == "Harbour Care Association (organisation)"
    assert speaker_label("Ruth Adeyemi", PERSON) == speaker_label("Ruth Adeyemi", None) == "Ruth Adeyemi"
