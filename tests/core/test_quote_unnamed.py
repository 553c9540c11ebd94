"""People the writer leaves unnamed: a witness known by a letter, a survey's respondents, one nurse at a surgery
somewhere. Each is the speaker of their own words, not whoever was named before them."""

from __future__ import annotations

import pytest

from tests.core.test_quote_speakers import speakers


@pytest.mark.parametrize("witness", [
    "A healthcare assistant told the hearing",
    "A healthcare assistant, referred to in court as Witness C, told the hearing",
    "A porter, who cannot be named for legal reasons, told the inquest",
])
def test_an_unnamed_witness_who_told_the_court_is_who_she_means_not_the_coroner(witness: str) -> None:
    text = ("The coroner, Helen Brackley, said the unit had been short of staff that week.\n\n"
            f"{witness} she had been asked to cover two corridors at once.\n\n"
            "“I said I couldn’t do both properly,” she said. “I was told to do my best.”")
    [(speaker, _)] = speakers(text)
    assert speaker == witness.split(",")[0].removesuffix(" told the hearing").removesuffix(" told the inquest")


@pytest.mark.parametrize("opening", ["Another respondent was blunter:", "Another nurse was more direct:"])
def test_another_unnamed_person_introducing_a_quote_with_a_colon_is_its_speaker(opening: str) -> None:
    text = ("More than 400 dentists answered the survey, and many added comments.\n\n"
            "One dentist wrote: ‘I have done NHS work for 26 years and I lose money on every course.’\n\n"
            f"{opening} ‘The contract rewards volume, not care.’")
    assert [speaker for speaker, _ in speakers(text)] == ["One dentist", opening.rsplit(" was ", 1)[0]]


def test_an_unnamed_person_at_a_place_described_at_length_is_the_person_not_the_place() -> None:
    text = ("Practice nurses say the extra demand is welcome.\n\n"
            "One practice nurse at a surgery in the east of the city said: \"We are seeing families every day who "
            "want to catch up.\"")
    [(speaker, _)] = speakers(text)
    assert speaker is not None and speaker.startswith("One practice nurse")


@pytest.mark.parametrize("cue", [
    "told me his wife had gone eight days without a visit. “I’m 82,” he said.", "said:"])
def test_one_of_those_just_spoken_of_is_the_person_the_commas_then_describe(cue: str) -> None:
    text = ("Dozens of older people are caring for partners with no help from the council.\n\n"
            f"One of them, a retired bus driver from Holcombe Rise who asked not to be named, {cue} "
            "“I’m not supposed to be lifting her. But who else is going to do it?”")
    assert [speaker for speaker, _ in speakers(text)] == ["a retired bus driver from Holcombe Rise"]
