"""Who said it: the person, not their organisation; the whole role; later references resolved."""

from __future__ import annotations

import pytest

from bot.core.pipeline import process_article
from bot.core.quotes import extract_quotes


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """Return (speaker, role) of each full quotation."""
    return [(q.speaker, q.role) for q in extract_quotes(text) if not q.partial]


@pytest.mark.parametrize(
    ("text", "speaker", "role_has"),
    [
        (
            "Carers Forum chair Nadia Okafor from Leeds City Council said: ‘We cannot recruit enough staff "
            "to keep every home open this winter.'",
            "Nadia Okafor",
            ("Carers Forum chair", "Leeds City Council"),
        ),
        (
            "Lead nurse Tom Briggs of the Royal Borough Trust said: “Beds are full and the wards are short "
            "of staff every night.”",
            "Tom Briggs",
            ("lead nurse", "Royal Borough Trust"),
        ),
        (
            "Homecare Alliance's policy director Ruth Adeyemi said: “Fees have not kept pace with wages for "
            "a decade now.”",
            "Ruth Adeyemi",
            ("Homecare Alliance's policy director",),
        ),
        (
            "Ruth Adeyemi, policy director at the Homecare Alliance, said: “Fees have not kept pace with "
            "wages for a decade now.”",
            "Ruth Adeyemi",
            ("policy director at the Homecare Alliance",),
        ),
        (
            "“Fees have not kept pace with wages for a decade now,” said Ruth Adeyemi from the Homecare "
            "Alliance.",
            "Ruth Adeyemi",
            (),
        ),
    ],
)
def test_the_person_is_the_speaker_and_the_organisation_is_their_affiliation(
    text: str, speaker: str, role_has: tuple[str, ...]
) -> None:
    [(name, role)] = speakers(text)
    assert name == speaker
    assert all(part in (role or "") for part in role_has)


def test_a_long_role_before_the_name_is_kept_whole_without_the_title() -> None:
    text = (
        "Answering the minister, vice-chair of the County Councils Network's Adult Care Panel councillor "
        "Priya Shah said: “There is no new money for councils in this plan at all.”"
    )
    [(name, role)] = speakers(text)
    assert name == "Priya Shah"
    assert role == "vice-chair of the County Councils Network's Adult Care Panel"


def test_a_hyphenated_role_after_said_leads_to_the_name() -> None:
    text = ("“That worries us a great deal,” said co-author Professor Martin Okafor, who directs the centre. "
            "“It suggests the poorest bear the cost.”")
    assert speakers(text) == [("Martin Okafor", "co-author")]


def test_a_named_persons_solicitor_named_after_a_comma_is_the_speaker() -> None:
    text = ("Deborah Fenwick won her case.\n\n"
            "Deborah’s solicitor, Anjali Rao of Greaves Hollis, said the judgment confirmed that the assessment "
            "“is a right, not a favour”.\n\n"
            "“The court has made clear that a council cannot fold a carer’s needs into someone else’s,” she said.")
    assert speakers(text)[-1] == ("Anjali Rao", "Deborah’s solicitor")


def test_the_spokesperson_is_the_one_the_report_brought_in_as_someones() -> None:
    text = ("Ellis Warrender, a consultant, said the picket was cheerful.\n\n"
            "The prime minister's official spokesperson told reporters the strike would cause real harm.\n\n"
            "\"The government has made a fair offer to resident doctors,\" the spokesperson said.")
    assert speakers(text)[-1][0] == "the prime minister's official spokesperson"


def test_a_mens_shed_is_no_person_a_later_he_could_mean() -> None:
    text = ("Alder Lane Men’s Shed opened eighteen months ago in a storage unit.\n\n"
            "The shed was set up by Keith Dunmore, 67, a retired joiner who lost his wife, Carol, in 2022.\n\n"
            "‘After Carol died I didn’t really leave the house for the best part of a year,’ he says.")
    assert speakers(text) == [("Keith Dunmore", None)]


def test_the_office_a_person_was_named_with_brings_them_back_for_she() -> None:
    text = ("Cllr Bernadette Fallows, cabinet member for adult social care, said the council had no good options.\n\n"
            + "Parents spoke against the closure for two hours. Several held placards in the gallery. " * 6 + "\n\n"
            "Winding up the debate, the cabinet member for adult social care said the council would work with every "
            "family.\n\n"
            "‘I have listened to what has been said tonight and I do not take it lightly,’ she added.")
    assert speakers(text)[-1][0] == "Bernadette Fallows"


def test_a_person_named_after_a_description_of_them_opens_the_sentence() -> None:
    text = ("Dennis Ockleford collapsed while walking his dog.\n\n"
            "The cyclist, 29-year-old teacher Josh Merriweather, also attended the reunion. He said: \"I'd done a "
            "first aid course years ago but never thought I'd use it.\"")
    assert speakers(text) == [("Josh Merriweather", "cyclist")]


def test_someone_presented_with_their_role_before_their_name_is_whom_he_means() -> None:
    text = ("Shop manager Mark Stennett said the shop needs 20 volunteers.\n\n"
            "Among those who have already signed up is retired postman Arthur Penhaligon, 79, of Cherry Lane, who "
            "will be sorting book donations.\n\n"
            "‘My wife, Jean, was cared for at Greenbank, and here I am,’ he said.")
    assert speakers(text)[-1][0] == "Arthur Penhaligon"


def test_a_dashed_aside_about_someone_before_said_leaves_them_the_speaker() -> None:
    text = ("My crewmate, Marcus – who has been doing this job for 19 years, twice as long as me – said quietly at "
            "about 3am: “This is the worst I’ve ever seen it. And I said that last year.”")
    assert speakers(text) == [("Marcus", None)]


def test_an_unnamed_person_after_a_time_without_a_comma_is_whom_she_means() -> None:
    text = ("We waited with Edith Lowe for five hours in the corridor.\n\n"
            "At about 6am a charge nurse, who looked as tired as I felt, came over to apologise. “We’ve got a bed "
            "coming on the orthopaedic ward,” she said.")
    assert speakers(text)[-1][0] == "a charge nurse"


def test_an_organisation_speaks_only_when_no_person_is_named() -> None:
    text = (
        "The Care Standards Board said: “Providers must publish their fees by April.”\n\n"
        "“Inspections will resume next month in every region,” said a spokesperson for the Care Standards Board."
    )
    assert [name for name, _ in speakers(text)] == ["Care Standards Board", "Care Standards Board"]


def test_later_references_resolve_to_the_named_person() -> None:
    text = (
        "Homecare Alliance policy director Ruth Adeyemi from Leeds said: “Fees have not kept pace.”\n\n"
        "Ms Adeyemi said: “Providers are handing back contracts every week.”\n\n"
        "“Some towns have no agency left at all,” she added.\n\n"
        "The Alliance represents 900 providers."
    )
    assert [name for name, _ in speakers(text)] == ["Ruth Adeyemi"] * 3


def test_it_said_continues_the_organisation_that_spoke_before() -> None:
    text = (
        "“Waiting lists have grown in every region this year,” the Patients Council said.\n\n"
        "“Nobody should wait a year for a hip operation,” it added."
    )
    assert [name for name, _ in speakers(text)] == ["Patients Council", "Patients Council"]


def test_it_continued_after_a_long_quotation_is_the_body_that_spoke_before_it() -> None:
    """The sentences of the quotation between are the body's own words: "It continued" looks past them."""
    text = ("A fitness to practise panel struck off the nurse on Friday.\n\n"
            "In its written decision, the Nursing and Midwifery Council said: “The panel was satisfied that the "
            "entries were false. The observations she recorded gave a misleading picture. Her colleagues relied on "
            "them.”\n\nIt continued: “Honesty in record keeping is fundamental to the safety of patients.”")
    assert [name for name, _ in speakers(text)] == ["Nursing and Midwifery Council"] * 2


def test_a_company_spokesperson_speaks_for_the_solutions_firm_that_spoke_before() -> None:
    """"ParkSure Solutions" is a firm: "A company spokesperson" after it is its, not the trust's further up."""
    text = ("A spokesperson for Wexmoor NHS Foundation Trust said: “We are sorry for the stress it has caused.\n\n"
            "“We have asked ParkSure to pause enforcement while we review the arrangements.”\n\n"
            "ParkSure Solutions said its attendants followed the terms agreed with the trust.\n\n"
            "A company spokesperson said: “Any driver who believes a charge was unfair can appeal.”")
    assert [name for name, _ in speakers(text)] == ["Wexmoor NHS Foundation Trust", "ParkSure Solutions"]


def test_a_spokesperson_speaks_for_the_company_that_spoke_by_its_short_name() -> None:
    """"In a statement, Brightfield said" is Brightfield Care Group's, not the regulator's named after it."""
    text = (
        "Brightfield Care Group, which runs 46 homes, reported profits of £61m.\n\n"
        "Most of its homes are rated good by the Care Quality Commission.\n\n"
        "In a statement, Brightfield said the payments were standard across the sector.\n\n"
        "“We are proud of the care our colleagues provide,” a spokesperson said."
    )
    assert [s for s, _ in speakers(text)] == ["Brightfield Care Group"]


def test_a_one_word_surname_that_a_body_shares_is_still_the_persons() -> None:
    """"Brightfield said" after "Kerry Brightfield" is hers: her spokesperson is not the company's."""
    text = (
        "Brightfield Care Group, which runs 46 homes, reported profits of £61m.\n\n"
        "Kerry Brightfield, the founder's daughter, has left the board.\n\n"
        "Most of its homes are rated good by the Care Quality Commission.\n\n"
        "In a statement, Brightfield said she had been forced out.\n\n"
        "“She will be taking legal advice,” a spokesperson said."
    )
    assert "Brightfield Care Group" not in [s for s, _ in speakers(text)]


def test_a_capital_opening_local_councillor_is_no_body_a_spokesperson_speaks_for() -> None:
    text = ("The 9.40pm bus was withdrawn last month.\n\nLocal councillor Sandra Pike said she had written to the "
            "company.\n\nShe said: “It's disgraceful that a woman was left to walk along that road.”\n\n"
            "A Wexdale Buses spokesperson said: “We're sorry to hear about Ms Dobson's experience.”")
    assert [name for name, _ in speakers(text)] == ["Sandra Pike", "A Wexdale Buses spokesperson"]


def test_they_said_goes_to_the_organisation_just_named() -> None:
    text = (
        "After a long meeting, the Fair Pay Commission published its report.\n\n"
        "“Care workers should be paid at least the living wage from next year,” they said."
    )
    assert [name for name, _ in speakers(text)] == ["Fair Pay Commission"]


def test_a_nickname_in_quote_marks_is_part_of_the_name_not_a_quotation() -> None:
    text = (
        "“We have waited long enough for this hospital,” local campaigner Margaret “Peggy” Hollis said. "
        "“The town deserves better care than this.”"
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.partial) for q in quotes] == [("Margaret Hollis", False)]


@pytest.mark.parametrize("marks", ["''", "‘’", "“”"])
def test_a_nickname_opening_a_paragraph_leaves_the_name_whole(marks: str) -> None:
    opening, closing = marks
    text = (
        "A retired postman has rowed the length of the canal for the ward that nursed him.\n\n"
        f"Derek {opening}Dez{closing} Whitlow, 74, finished on Saturday.\n\n"
        "The retired postman spent a month on the hospital's Rowan Ward last spring.\n\n"
        "“I couldn't lift a cup when I came in,” he said."
    )
    assert [(q.speaker, q.partial) for q in extract_quotes(text)] == [("Derek Whitlow", False)]


def test_a_passive_cue_after_being_names_no_speaker() -> None:
    """"… for a private assessment for her daughter after being told …": she was told; the assessment said nothing."""
    text = ("Another mother, Amira, said she had paid more than two thousand pounds for a private assessment for her "
            "teenage daughter after being told the NHS wait in her part of the county was nearly four years.\n\n"
            "“We borrowed the money from my brother,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Amira"]


@pytest.mark.parametrize("one", ["One delegate", "One relative", "Another guest"])
def test_one_of_those_present_left_unnamed_is_the_she_of_their_own_sentence(one: str) -> None:
    text = ("The minister told the conference the plan would work.\n\n"
            f"{one}, a home care manager who did not give her name, drew applause when she asked: "
            "‘When you say social care is in the room, which room?’")
    assert [q.speaker for q in extract_quotes(text)] == [one]


def test_the_minister_is_the_nearest_of_two_ministers_named_with_a_relative_clause() -> None:
    """"The care minister, Sunita Varma, who will …, said" gives her the office as a plain appositive would."""
    text = ("The health minister, Nathan Brierley, said the fund would cut waits.\n\n"
            "The care minister, Sunita Varma, who will oversee the councils' share, said it must reach carers.\n\n"
            "Speaking later at a care home, the minister added: “I started my working life in a care home kitchen.”")
    assert speakers(text) == [("Sunita Varma", "care minister")]


@pytest.mark.parametrize(
    "cue", ["In the words of {} councillor Bev Marchant, who chairs the committee:", "{} councillor Bev Marchant said:"]
)
@pytest.mark.parametrize("standing", ["local", "senior"])
def test_a_title_after_words_of_standing_stays_in_the_role(cue: str, standing: str) -> None:
    text = cue.format(standing.capitalize() if cue.startswith("{") else standing) + " “That is not good enough.”"
    assert speakers(text) == [("Bev Marchant", f"{standing} councillor")]


def test_one_of_some_places_set_beside_an_unnamed_speaker_is_not_the_speaker() -> None:
    text = ("A care assistant at Fernleigh House, one of the homes affected, who asked not to be named, said: "
            "“I came in with a chest infection because it was that or not pay the gas bill.”")
    assert speakers(text) == [("A care assistant at Fernleigh House", None)]


def test_a_groups_demands_listed_under_its_open_letter_are_the_groups() -> None:
    """"the group sets out five demands:" over a bulleted list: "demands" is a noun there, the group the body the
    article named with "group" after its name, and each bullet continues it."""
    text = ("The march was organised by the Save Eastfield Clinic group.\n\n"
            "In an open letter to the board, signed by 4,000 people, the group sets out three demands:\n\n"
            "• ‘Keep the clinic open at night, seven days a week.’\n\n"
            "• ‘Publish the staffing figures behind the proposal.’")
    assert [q.speaker for q in extract_quotes(text)] == ["Save Eastfield Clinic group"] * 2


@pytest.mark.parametrize("cue", ["The mum-of-two said:", "Shannon, who has cared for her mum since she was 11, says:"])
def test_a_number_before_a_cue_verb_leaves_it_a_verb(cue: str) -> None:
    text = f"Shannon Pryce waited nine hours with her gran.\n\n{cue} “It was like a war zone in there.”"
    assert [q.speaker for q in extract_quotes(text)] == ["Shannon Pryce"]


@pytest.mark.parametrize("body", ["the Mercer campaign", "the Eastfield Labour group"])
def test_a_body_named_before_its_lowercase_head_is_what_the_head_means(body: str) -> None:
    head = body.split()[-1]
    text = (f"Ministers were criticised by {body} on Friday.\n\n"
            f"In a statement, the {head} said: “This record speaks for itself and will not change.”")
    assert [q.speaker for q in extract_quotes(text)] == [body.removeprefix("the ")]


@pytest.mark.parametrize(("said", "speaker"), [("campaigners said in a statement", "campaigners"),
                                                ("local residents told the meeting", "local residents"),
                                                ("patients had asked for more", None)])
def test_people_spoken_of_together_right_after_a_quote_are_its_speakers(said: str, speaker: str | None) -> None:
    text = f"“We have stood outside that hospital with placards every month for a year,” {said}."
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("named", ["Mx Penhallow said", "said Ash Penhallow, who uses they/them pronouns"])
def test_they_said_is_the_person_the_article_gives_they_not_their_network(named: str) -> None:
    text = ("Ash Penhallow founded the Harrowdale Trans Network in 2019.\n\n"
            f"“I was referred in 2020 and I am still waiting,” {named}.\n\n"
            "They said many people on the list had been left without any contact from services.\n\n"
            "“What people need most is a named person to contact,” they said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Ash Penhallow"] * 2


@pytest.mark.parametrize("counsel", ["Julian Ashworth KC, prosecuting", "Julian Ashworth, prosecuting"])
def test_the_barrister_is_the_one_named_as_counsel_not_the_witness_just_quoted(counsel: str) -> None:
    text = (f"Leanne Marsh was taken through the night hour by hour by {counsel}.\n\n"
            "‘You were on your own on that floor, with 22 residents, weren't you?’ he asked.\n\n"
            "‘Yes,’ Marsh said. ‘Twenty-two residents and me.’\n\n"
            "‘Mrs Pellow's call bell rang at 1.12am. Did you check on her?’ asked the barrister.")
    assert [q.speaker for q in extract_quotes(text)] == ["Julian Ashworth", "Leanne Marsh", "Julian Ashworth"]


@pytest.mark.parametrize(("her", "him"), [("Amina", "Farid"), ("Agnieszka", "Marek"), ("Kavita", "Rahul")])
def test_he_of_a_couple_sharing_a_surname_is_the_husband_by_his_given_name(her: str, him: str) -> None:
    text = (f"Dr {her} Khan and Dr {him} Khan joined the surgery in 1995.\n\n"
            f"Dr {her} Khan, 63, said she had looked after three generations of some families.\n\n"
            f"“We used to finish at half six,” Dr {him} Khan said. “Now the paperwork takes us into the night.”\n\n"
            "Dr Khan, who chairs the GP federation, said the list had doubled while partners had not.\n\n"
            "“The maths doesn't work without a proper team,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == [f"{him} Khan"] * 2


def test_a_nominal_speaker_keeps_the_phrase_that_says_which_one() -> None:
    text = "“The review was rushed and nobody asked the staff,” said one senior source on the board."
    assert speakers(text) == [("one senior source on the board", None)]


def test_a_pronoun_can_stand_for_a_relative_the_writer_names() -> None:
    text = (
        "My grandmother ran a care home for thirty years. Even now she still says, "
        "“You look after people the way you would want to be looked after.”"
    )
    assert [name for name, _ in speakers(text)] == ["my grandmother"]


def test_a_relative_named_by_name_is_that_person() -> None:
    text = (
        "Dr Alan Moss spoke first. His wife, Jean Moss, sat beside him.\n\n"
        "“The clinic has to stay open for the whole valley,” he said."
    )
    assert [name for name, _ in speakers(text)] == ["Alan Moss"]


def test_a_speaker_described_by_age_home_town_and_a_relative_clause_is_the_person() -> None:
    """ "Name, 71, from Place, whose …, said": the place is where she lives and "she" later is her."""
    text = (
        "Maureen Tully, 71, from Kelbrook, whose husband Frank was cared for at the centre, said the closure "
        "was ‘cruel’.\n\n‘The staff there were wonderful,’ she said. ‘I do not know how we would have coped.’"
    )
    assert speakers(text) == [("Maureen Tully", None)]


def test_a_scottish_health_boards_spokeswoman_speaks_for_the_board_however_many_quotes_later() -> None:
    """ "NHS Glenbrae" is the health board ("a spokeswoman for the health board"), and "the spokeswoman" after a
    councillor's quotes is still hers."""
    text = (
        "NHS Glenbrae confirmed that the ward at Aulton Hospital will close in May.\n\n"
        "“Our priority is safe care for every patient,” a spokeswoman for the health board said.\n\n"
        "Local councillor Ewan Reid said the decision was a betrayal. “People here were never asked,” he said.\n\n"
        "“Most patients will still be treated in Aulton,” the spokeswoman said."
    )
    assert [speaker for speaker, _ in speakers(text)] == ["NHS Glenbrae", "Ewan Reid", "NHS Glenbrae"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a tabloid's epithet for the person just named, like "the 34-year-old"
            "But mum Kerry, 38, says her son waited eleven hours.\n\n"
            "The mum-of-two, from Harlow, said: “He was in agony and nobody came near us all night.”",
            "Kerry",
        ),
        (  # a first name alone, with an age and a relative clause, brings someone in
            "The newest member of the team is Pawel, 39, who trained as a paramedic in Gdansk.\n\n"
            "“The roads here are the hardest part of the job,” he says.",
            "Pawel",
        ),
        (  # but a wife so brought in is no "he"
            "Frank Dobbs, 84, moved in first, with his wife Val, 80, who has dementia.\n\n"
            "“We had lived in that house for forty years,” he said.",
            "Frank Dobbs",
        ),
    ],
)
def test_people_named_by_first_name_and_age_or_by_an_epithet(text: str, speaker: str) -> None:
    assert [name for name, _ in speakers(text)] == [speaker]


def test_an_unnamed_resident_named_after_an_age_and_a_two_word_role_is_the_person() -> None:
    text = (
        "One resident, 88-year-old retired postman Arthur Pell, said the visits were the best part of his week.\n\n"
        "‘I walked every street in this town for forty years, and now the town comes to me,’ he said."
    )
    assert [speaker for speaker, _ in speakers(text)] == ["Arthur Pell"]


def test_a_resident_from_a_town_keeps_a_role_given_after_the_age() -> None:
    text = "Sam Reid, 45, a carer from Kelbrook, said: “We were given two days’ notice and nowhere else to go.”"
    assert speakers(text) == [("Sam Reid", "carer from Kelbrook")]


@pytest.mark.parametrize(
    ("introduced", "pronoun", "name"),
    [
        (
            "The quiz was hosted by Priya Mandal, drive-time presenter on community station Bayford Wave, who "
            "also set the questions.",
            "She",
            "Priya Mandal",
        ),
        (
            "The panel was chaired by Tom Akers, a columnist for the magazine Lowland Voice, who has run homes "
            "for twenty years.",
            "He",
            "Tom Akers",
        ),
    ],
)
def test_a_person_described_by_an_outlet_is_the_speaker(introduced: str, pronoun: str, name: str) -> None:
    """ "Name, role on station X, who …": X is a station or magazine, the person is whom "he"/"she" means."""
    text = f"{introduced}\n\n{pronoun} said: “I have never seen a room this full for a fundraiser in this town.”"
    assert [speaker for speaker, _ in speakers(text)] == [name]


@pytest.mark.parametrize("opener", ["Of Larch Grange, she said:", "About Westerby Hall, she added:"])
def test_a_place_named_after_of_or_about_opening_the_sentence_is_its_topic_not_she(opener: str) -> None:
    """ "Of Larch Grange, she said": the home is what she speaks about; "she" is the director named before."""
    text = (
        "The group's director of care, Abi Mensah, said most of its homes had improved.\n\n"
        f"{opener} “We expected that rating and we already have a plan to put it right.”"
    )
    assert [speaker for speaker, _ in speakers(text)] == ["Abi Mensah"]


@pytest.mark.parametrize("cue", ["As one care home manager put it:", "One care home manager summed it up:"])
def test_put_it_and_summed_it_up_introduce_a_quotation(cue: str) -> None:
    text = f"The survey heard the same story everywhere. {cue} “We are running to stand still every winter.”"
    assert [q.speaker.lower() for q in extract_quotes(text) if q.speaker] == ["one care home manager"]


@pytest.mark.parametrize("presented", [
    "Among the residents who wrote to the council was Owen Pritchard, 80, who has lived in Pentre all his life.",
    "Those who signed the petition include Owen Pritchard, a retired miner from Pentre.",
])
def test_he_after_a_person_the_writer_presents_is_that_person(presented: str) -> None:
    """ "Among those … is NAME": no cue verb names him, yet he is who the next "he said" means."""
    text = (
        "Councillor Ruth Gwynne said the surgery would be missed.\n\n"
        f"{presented}\n\n"
        "“It is the only place I can walk to,” he said."
    )
    assert speakers(text)[-1][0] == "Owen Pritchard"


@pytest.mark.parametrize("presented", [
    "Among those waiting was a man in his 70s who had been sent by his GP.",
    "On a chair by the door sat a retired nurse, who had driven 40 miles.",
])
def test_he_after_someone_unnamed_the_writer_presents_is_that_person(presented: str) -> None:
    """ "Among them was a man in his 70s who …": no name and no cue verb, yet he is who the next "he said" means,
    not a doctor named further on."""
    text = (
        "The clinic opened at eight.\n\n"
        f"{presented}\n\n"
        "“I have waited since March,” he said.\n\n"
        "Dr Owen Pask, the lead consultant, said demand had doubled."
    )
    assert speakers(text)[0][0].lower() in presented.lower()


@pytest.mark.parametrize(("sentence", "department"), [
    ("A Department for Culture, Media and Sport spokesperson said: “Libraries will get more money.”",
     "Department for Culture, Media and Sport"),
    ("The Ministry of Housing, Communities and Local Government said: “Councils will get more money.”",
     "Ministry of Housing, Communities and Local Government"),
    ("“Councils will get more money,” a spokeswoman for the Department for Science, Innovation and Technology said.",
     "Department for Science, Innovation and Technology"),
])
def test_a_department_whose_name_is_a_list_speaks_under_its_whole_name(sentence: str, department: str) -> None:
    assert speakers(sentence) == [(department, None)]


def test_a_bare_spokesperson_speaks_for_the_organisation_just_named() -> None:
    text = (
        "Northmoor Community Health Trust said it had hired twelve more district nurses. "
        "“We know families have waited too long,” a spokesman said."
    )
    assert speakers(text) == [("Northmoor Community Health Trust", None)]


@pytest.mark.parametrize(("text", "body"), [
    ("Harrowgate Hospitals NHS Trust was fined £80,000 after a patient fell. Harrowgate Council said it would review "
     "its contract. “We are deeply sorry,” a spokeswoman for the trust said.", "Harrowgate Hospitals NHS Trust"),
    ("Cwm Tirion University Health Board was placed in special measures on Tuesday. A spokesman for the health "
     "board said: “We will do everything we can to improve care for patients.”", "Cwm Tirion University Health Board"),
    ("The Local Government and Social Care Ombudsman found that Kelbrook Borough Council failed Mrs B. Kelbrook "
     "Borough Council's director, Helen Marsh, apologised. A spokesperson for the ombudsman said the case was a "
     "warning. “Councils rely on agencies to deliver care,” the spokesperson said.",
     "Local Government and Social Care Ombudsman"),
])
def test_a_spokesperson_for_the_body_named_in_lower_case_speaks_for_the_body_named_before(text: str, body: str) -> None:
    """"A spokeswoman for the trust" is the trust the article named, not a nominal nor the last body named."""
    assert speakers(text)[-1] == (body, None)


def test_an_ombudsman_in_a_bodys_name_is_the_body_and_the_ombudsman_it_later() -> None:
    text = ("The Housing and Care Ombudsman upheld the complaint. In its report, the ombudsman said: “Mrs B was "
            "left without care.”")
    assert speakers(text) == [("Housing and Care Ombudsman", None)]


def test_a_spokesperson_after_a_bodys_officer_speaks_for_the_body_not_its_possessive() -> None:
    text = ("Kelbrook Borough Council's director of adult social care, Helen Marsh, apologised on Monday. “We will act "
            "on every one of the recommendations made,” a spokesperson said.")
    assert speakers(text) == [("Kelbrook Borough Council", None)]


def test_a_bare_spokesperson_with_no_organisation_named_stays_a_nominal() -> None:
    text = "Residents said they had not been asked. “We will reply to every letter,” a spokesperson said."
    assert speakers(text) == [("a spokesperson", None)]


def test_an_ordinal_opening_a_point_is_not_a_speaker() -> None:
    text = (
        "Third, the waiting lists keep growing. A district nurse we spoke to described it bluntly: "
        "“We see the same patients get worse every month.”"
    )
    assert all(name != "Third" for name, _ in speakers(text))


def test_a_role_that_points_back_with_its_loses_the_pointer() -> None:
    text = "The hospice said costs had risen. Its medical director, Dr Ian Shaw, said: “We cannot go on like this.”"
    assert speakers(text) == [("Ian Shaw", "medical director")]


@pytest.mark.parametrize(
    ("opening", "role"),
    [
        ("Chief executive Gareth Penrose", "chief executive"),
        ("Former health secretary Gareth Penrose", "former health secretary"),
        ("Chief Executive Gareth Penrose", "Chief Executive"),  # the outlet's own capitals stay
        ("Labour leader Gareth Penrose", "Labour leader"),  # a party's name keeps its capital
        ("Manager Gareth Penrose", "manager"),
        ("Sister Gareth Penrose", "Sister"),  # a ward sister's title, not his sibling
    ],
)
def test_a_role_opening_a_sentence_loses_only_the_capital_the_sentence_gave_it(opening: str, role: str) -> None:
    text = f"The hospice is cutting beds. {opening} said: “We have done everything we can to avoid this.”"
    assert speakers(text) == [("Gareth Penrose", role)]


def test_a_name_inside_a_quote_is_never_who_the_next_pronoun_means() -> None:
    text = ("Harriet Nwosu-Bell, chief executive of Carers Lantern, said: “These figures should shame us. Unpaid "
            "carers are holding up the whole system.”\n\n“A break is not a luxury,” she continued.\n\n"
            "Jennifer Hollis MP, who chairs the All-Party Parliamentary Group on Unpaid Carers, said: “The survey "
            "paints a stark picture and ministers must act.”")
    assert [name for name, _ in speakers(text)] == ["Harriet Nwosu-Bell", "Harriet Nwosu-Bell", "Jennifer Hollis"]


def test_a_role_given_to_one_of_a_family_is_not_given_to_another_of_that_surname() -> None:
    text = ("Pauline Greaves, 58, gave up her job to look after her father.\n\n"
            "Her brother, Stephen Greaves, 61, visits once a month.\n\n"
            "“I feel guilty every time I drive away,” he admitted.\n\n"
            "“When I rang the council, I was told there was an eight-month wait,” she said.")
    assert speakers(text) == [("Stephen Greaves", "her brother"), ("Pauline Greaves", None)]


def test_a_name_after_a_clock_time_is_the_subject_the_next_pronoun_means() -> None:
    text = ("Grace Oduya has been a care worker for nine years.\n\n"
            "Her manager, Helen Achterberg, runs the rota from an office in town.\n\n"
            "By 2pm Oduya has done nine calls. She eats a sandwich in a bus shelter.\n\n"
            "“This is my office,” she says.")
    assert speakers(text) == [("Grace Oduya", None)]


def test_a_charitys_our_before_a_role_is_dropped() -> None:
    text = "Our chief executive, Tamsin Greer, said: “Nobody should be pulling their own teeth in 2026.”"
    assert speakers(text) == [("Tamsin Greer", "chief executive")]


def test_her_role_tells_her_gender_past_the_owners_pronoun() -> None:
    text = ("Peninsula Ambulance said crews had waited outside the hospital all night.\n\n"
            "His daughter, Maxine Faulkner, said he spent nine hours in the back of an ambulance.\n\n"
            "“He was frightened, he was cold and he kept asking why nobody would let him in,” she told the paper.")
    assert speakers(text) == [("Maxine Faulkner", "his daughter")]


def test_a_person_presented_before_a_place_is_who_the_next_he_means() -> None:
    text = ("Across Wales, the number of two-year waits fell slightly.\n\n"
            "One of those waiting is Eirian Pugh, 67, a retired farmer from near Llanfair Dyffryn, who was put on "
            "the list for a knee replacement in November 2023.\n\n"
            "‘I can’t walk the length of the yard now without stopping,’ he said.")
    assert speakers(text) == [("Eirian Pugh", None)]


def test_the_report_says_is_the_person_it_is_by() -> None:
    text = ("A report by Helen Oduya warned that some care homes could leave the market.\n\n"
            "'Several providers have told the council that they are operating at a loss,' the report says.")
    assert [name for name, _ in speakers(text)] == ["Helen Oduya"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # "Kelly quit Harbour Lane": what a person did, not a role before a name
            "Soap star Kelly Marsh has praised the nurses who cared for her mother.\n\n"
            "Kelly quit Harbour Lane in 2023 to spend more time with her family.\n\n"
            "Last year she told The Blaze: “Mum is my hero and always will be.”",
            "Kelly Marsh",
        ),
        (  # a greeting is no part of the name it greets
            "Soap star Kelly Marsh posted a photo of her mother on a trolley.\n\n"
            "Hi Kelly, thank you for sharing, wrote one fan.\n\n"
            "Later Kelly wrote: “Mum is on a ward now and cracking jokes with the nurses.”",
            "Kelly Marsh",
        ),
    ],
)
def test_a_first_name_opening_a_sentence_or_greeted_is_the_person_not_part_of_a_name(text: str, speaker: str) -> None:
    assert [name for name, _ in speakers(text)][-1:] == [speaker]


def test_an_acronym_the_article_spells_out_anywhere_speaks_under_its_full_name() -> None:
    """ "the CQC" first, "the Care Quality Commission’s inspectors" later, no brackets: "A CQC spokesperson" speaks
    for the Care Quality Commission; an acronym no body of the article spells out stays as it is."""
    text = (
        "Managers tried to keep corridor care from the CQC during its visit, the emails suggest.\n\n"
        "Staff said the Care Quality Commission’s inspectors were shown only the wards.\n\n"
        "A CQC spokesperson said: “We are aware of these reports and are looking into them.”\n\n"
        "An RCN spokesperson said: “Nurses should never be asked to hide where patients are.”"
    )
    assert [speaker for speaker, _ in speakers(text)] == ["Care Quality Commission", "RCN"]


def test_a_plural_acronym_is_people_of_a_kind_not_a_person() -> None:
    text = ("Care minister Jane Roe gave evidence to the committee on Tuesday.\n\n"
            "Later, MPs questioned officials about the workforce strategy.\n\n"
            "“The strategy will be published before the end of the year,” she said.")
    assert speakers(text) == [("Jane Roe", "care minister")]


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("The chief executive of the trust", "chief executive of the trust"),
        ("Kindred’s registered manager for the branch", "Kindred’s registered manager for the branch"),
        ("Chief operating officer", "chief operating officer"),
        ("Chief technology officer", "chief technology officer"),
        ("Unison branch secretary", "Unison branch secretary"),
        ("Unite regional officer", "Unite regional officer"),
        ("The trust’s chief financial officer", "the trust’s chief financial officer"),
    ],
)
def test_a_role_before_the_name_is_kept_whole_past_its_own_article_and_capital(role: str, shown: str) -> None:
    comma = "," if role.startswith(("The", "Kindred")) else ""
    text = f"{role}{comma} Colin Weatherall{comma} said: “We accept the findings and we have changed our rota system.”"
    assert speakers(text) == [("Colin Weatherall", shown)]


def test_a_role_after_and_opening_a_new_clause_stops_at_the_clause() -> None:
    text = ("The pilot’s funding runs out next March. NHS England has asked for an evaluation, and Tarrowmouth "
            "Partnership’s chief executive, Graham Lisle, said: “We are committed to making the case for it.”")
    assert speakers(text) == [("Graham Lisle", "Tarrowmouth Partnership’s chief executive")]


def test_the_capitalised_office_is_the_one_person_titled_with_it_though_named_only_as_an_object() -> None:
    text = ("Precious Nyathi, a care worker from Leeds, described working 60-hour weeks.\n\n"
            "Later in the session, MPs questioned Minister for Care Ben Harrow MP and officials. The Minister told "
            "the Committee that the workforce strategy would come “before the end of the year” and that talks were "
            "“on track”.")
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Ben Harrow", "before the end of the year"), ("Ben Harrow", "on track")
    ]


@pytest.mark.parametrize("office", ["Minister of State for Care", "Secretary of State for Health and Social Care"])
def test_an_office_of_state_before_a_comma_and_a_name_is_that_persons_for_a_later_the_minister(office: str) -> None:
    """A name set after its office of state and a comma, in the middle of a sentence, is whom "The minister opened"
    and the "he" after it mean."""
    noun = office.split()[0].lower()
    text = (f"Many of you will have followed the speech by the {office}, Stephen Ashby, at the Care Futures "
            "conference. For those who didn’t, I want to set out what was said.\n\n"
            f"The {noun} opened by paying tribute to the workforce. “Care workers are the unsung heroes of our "
            "communities,” he told delegates.\n\nFew of us would disagree. Asked whether the rise would be offset, "
            "Mr Ashby replied:\n\n“I’m not going to pre-empt the review.”\n\n"
            f"The {noun} also confirmed that the Fair Pay Agreement consultation will open “in the spring”.")
    assert [q.speaker for q in extract_quotes(text)] == ["Stephen Ashby"] * 3


@pytest.mark.parametrize("where", ["also at Brackwater", "from Brackwater"])
def test_a_place_after_the_name_and_a_comma_is_where_they_work_not_the_name(where: str) -> None:
    text = (f"Principal social worker Tom Ridley, {where}, said practitioners now had time to think. "
            "“It sounds small, but it has changed the culture,” he said.")
    assert speakers(text) == [("Tom Ridley", "principal social worker")]


def test_a_spokesperson_speaks_for_the_whole_body_named_with_and() -> None:
    text = ("Caldersfield and District Hospitals NHS Trust apologised and said it had brought in new checks. "
            "“We are deeply sorry for the failings in Mrs Ellery’s care,” a spokesperson said.")
    assert [name for name, _ in speakers(text)] == ["Caldersfield and District Hospitals NHS Trust"]


def test_the_role_noun_refers_to_the_unnamed_source_just_introduced_not_the_last_named_person() -> None:
    text = (
        "Dr Priya Nair, the trust's medical director, said beds were full. “We are at capacity,” she said.\n\n"
        "A ward sister on the night shift, who asked not to be named, described the corridors. "
        "“Patients wait on trolleys for hours,” the sister said."
    )
    assert speakers(text)[-1][0] == "a ward sister"


def test_a_sentence_that_opens_with_a_name_and_a_meeting_is_about_that_person() -> None:
    """Neither a title ("met the minister" is no "campaign spokesman") nor a heading, though full of names."""
    text = "Sarah Jenkins met the minister, Paul Grey, on Monday. “He listened to every word,” she said."
    assert speakers(text) == [("Sarah Jenkins", None)]


def test_a_welsh_patronymic_particle_stays_in_the_name() -> None:
    text = "Rhodri ap Hywel, who runs a day centre in Bala, said: “We have lost three drivers since spring.”"
    assert speakers(text)[0][0] == "Rhodri ap Hywel"


def test_a_title_and_first_name_opening_a_sentence_is_who_she_then_means() -> None:
    filler = " ".join(f"The group opened home number {n} that year." for n in range(2, 16))
    text = (
        f"Dame Ruth Amadi founded the group in 1994.\n\n{filler}\n\n"
        "Dame Ruth, who was honoured in 2023, is blunt about the money.\n\n"
        "“We are paid less than it costs to care,” she says."
    )
    assert speakers(text)[-1][0] == "Ruth Amadi"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The cafe opens at night. In the words of one regular visitor, who asked not to be named: “It is the only "
         "place I can go at two in the morning.”", "one regular visitor"),
        ("“We kept the lights on for ten years,” in the words of its founder, Ruth Ede.", "Ruth Ede"),
    ],
)
def test_in_the_words_of_names_the_speaker_as_according_to_does(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_person_named_after_according_to_is_who_a_later_pronoun_means() -> None:
    text = (
        "Paul Kerr, a porter, spoke first.\n\n"
        "According to Dr Nadia Qureshi, the new rota would be “the end of proper handovers”.\n\n"
        "“We will lose the overlap between shifts,” she says."
    )
    quotes = [(q.speaker, q.role) for q in extract_quotes(text)]
    assert quotes[-1][0] == "Nadia Qureshi"
    assert quotes[0][1] is None  # "the new rota would be" is a clause, not her role


def test_a_workplace_and_a_relative_clause_after_the_name_leave_the_person_as_speaker() -> None:
    text = (
        "Night carer Tomasz Nowak from Fernlea's Mill Road home, who also spoke to the panel, says he nearly quit.\n\n"
        "“My visa was tied to one employer,” he says."
    )
    assert speakers(text) == [("Tomasz Nowak", "Night carer")]


def test_a_relative_in_a_speakers_own_words_is_not_who_the_writer_means_by_she() -> None:
    text = (
        "Gail Brent, 52, gave up work two years ago. ‘I love my mum but I cannot do this alone,’ "
        "she said.\n\nShe told the Echo: ‘Nobody from the council has visited since March.’"
    )
    assert [name for name, _ in speakers(text)] == ["Gail Brent", "Gail Brent"]


@pytest.mark.parametrize("clause", [
    "who represents Ashby North",
    "whose daughter Ellie, 9, has a rare condition",
])
def test_names_inside_a_relative_clause_about_the_speaker_are_not_the_speaker(clause: str) -> None:
    text = f"Local MP Ben Hollis, {clause}, said: “This cut will fall on the families least able to bear it.”"
    assert speakers(text)[0][0] == "Ben Hollis"


def test_it_said_goes_to_the_organisation_that_spoke_not_the_last_place_named() -> None:
    text = (
        "The Scottish Government insisted progress was being made across Scotland. "
        "A spokesperson said: “Waits have fallen for six months in a row.”"
    )
    assert speakers(text) == [("Scottish Government", None)]


def test_a_person_introduced_with_who_at_the_end_of_a_sentence_is_who_he_means() -> None:
    text = (
        "Dr Hannah Cole, the clinical lead, showed visitors round.\n\n"
        "The unit was opened on Friday by Sir Idris Penhale, who chairs the trust board. "
        "He said: “Patients asked for care closer to home.”"
    )
    assert speakers(text)[0][0] == "Idris Penhale"


def test_a_place_before_who_is_not_a_person_introduced() -> None:
    text = (
        "Among them is Glenys Ward, 71, a retired nurse from Pen Y Bryn, who needs a new knee.\n\n"
        "“I was told a year at most,” she said."
    )
    assert speakers(text)[0][0] == "Glenys Ward"


def test_the_report_said_gives_the_words_of_the_body_the_article_says_it_is_by() -> None:
    text = (
        "One in four patients goes home without care, according to research published today by the Ashgrove Trust.\n\n"
        "It surveyed 1,200 people over 70. Most were discharged at night.\n\n"
        "The report said: “Moving risk from the ward to the living room is not a success.”"
    )
    assert speakers(text) == [("Ashgrove Trust", None)]


def test_the_letter_said_gives_the_words_of_the_person_who_signed_it() -> None:
    text = (
        "The letter to patients, signed by the practice's senior partner, Dr Aled Morgan, said the decision was "
        "hard.\n\n“We have been unable to recruit a single salaried GP,” the letter said."
    )
    assert speakers(text)[0][0] == "Aled Morgan"


def test_the_letter_says_gives_the_words_of_the_writer_the_article_named_in_the_letter() -> None:
    """ "In the three-page letter, Dame Ruth writes": a titled given name is whom the article named in full."""
    text = (
        "Dame Ruth Pellow, chair of Vale Hospitals, has written to the health secretary about corridor care.\n\n"
        "In the three-page letter, Dame Ruth writes: “I do not write this letter lightly.”\n\n"
        "Ministers have not yet replied, Alan Fisk, a spokesman for the campaign group Fair Care, said.\n\n"
        "“These are frail people spending nights on trolleys,” the letter says."
    )
    assert speakers(text)[-1][0] == "Ruth Pellow"


@pytest.mark.parametrize("noun", ["charity", "organisation", "group"])
def test_the_charity_said_is_the_body_that_just_spoke_whatever_its_name_ends_in(noun: str) -> None:
    text = (
        "Lily's parents said staff did not listen to them.\n\n"
        "The Fenby Sepsis Trust said her case showed the need for parents' concerns to count.\n\n"
        f"“Parents know their children better than anyone,” the {noun} said in a statement."
    )
    assert speakers(text)[-1] == ("Fenby Sepsis Trust", None)


def test_a_report_by_the_body_whose_name_reads_like_a_person_is_that_body() -> None:
    text = (
        "The findings echo a report published in June by the Rural Health Observatory, a research unit. "
        "The report said: “Forty clinics have closed since 2019.”"
    )
    assert speakers(text) == [("Rural Health Observatory", None)]


@pytest.mark.parametrize(("named", "nominal"), [("Ashby Borough Council", "the council"),
                                                ("Harlow Valley NHS Foundation Trust", "the trust")])
def test_the_body_referred_back_to_is_the_one_named_not_a_person_whose_role_names_it(named: str, nominal: str) -> None:
    text = (
        f"{named} said the clinic would close. Cllr Dee Park, cabinet member at {named}, said: “It is hard.”\n\n"
        f"In a statement, {nominal} said: “Nobody with symptoms will be turned away.”"
    )
    assert speakers(text)[-1] == (named, None)


def test_she_said_tells_her_gender_so_a_later_he_is_the_man_before_her() -> None:
    text = (
        "Finance director Owen Pask said the deficit was £14m. “We are not pretending this is easy,” he said.\n\n"
        "The chief executive, Dr Mina Sethi-Rao, said theatres had been lost to winter. Dr Sethi-Rao runs the "
        "hospital.\n\n“Every cancelled list hurts,” she said.\n\n"
        "“Our agency bill is falling, but not fast enough,” he told the board."
    )
    assert [name for name, _ in speakers(text)] == ["Owen Pask", "Mina Sethi-Rao", "Owen Pask"]


@pytest.mark.parametrize(
    "body",
    ["Healthwatch Kent", "Healthwatch Avonmere and Selbury", "Brightwell Care Homes", "Elmbridge Healthcare",
     "Orchard Road Surgery", "St Cuthbert's Hospice", "Bluebird Care", "Macmillan Cancer Support",
     "Citizens Advice Tarrow", "Unison"],
)
def test_a_body_named_with_its_places_or_its_kind_is_not_a_person(body: str) -> None:
    text = f"A spokesperson for {body}, which represents patients, said: “People are in pain and in limbo.”"
    assert speakers(text) == [(body, None)]


def test_the_report_said_is_its_author_named_after_a_role_not_a_month_after_by() -> None:
    text = (
        "A report to the cabinet, by director of finance Imelda Szabo, says reserves will fall to £6m by the end "
        "of March.\n\nThe report said: ‘The council’s financial position is now critical and a balanced budget "
        "may not be possible.’"
    )
    assert [s for s, _ in speakers(text)] == ["Imelda Szabo"]


def test_a_report_by_a_body_with_for_and_and_in_its_name_is_that_whole_body_s() -> None:
    text = (
        "The study, by the Centre for Pay and Care at the University of Westmere, analysed 9,000 shift records.\n\n"
        "The report said: “The journey between one visit and the next is work, and it is not being paid.”"
    )
    assert [s for s, _ in speakers(text)] == ["Centre for Pay and Care"]


def test_the_body_that_runs_a_home_is_not_the_author_of_the_report_on_it() -> None:
    text = (
        "Inspectors visited Strathmore House, which is run by Glenview Care, after complaints from relatives.\n\n"
        "The report said: “People had not been offered anything to eat or drink for up to seven hours.”"
    )
    assert speakers(text)[0][0] != "Glenview Care"


def test_her_as_the_object_of_a_named_person_does_not_make_them_a_woman() -> None:
    text = (
        "Gemma Hollis is on her third night shift this week. Tonight she is working with Jordan Bastable, a "
        "technician who joined the service last year.\n\nAt the first house an old woman has fallen. Bastable "
        "talks to her about her garden while Hollis checks her over.\n\n"
        "“The fall is rarely the worst of it,” he says later. “It is the hours on the floor.”"
    )
    assert [s for s, _ in speakers(text)] == ["Jordan Bastable"]


def test_a_first_name_opening_a_sentence_is_the_person_named_in_full_before() -> None:
    text = (
        "Wynne Talbot is up before six most mornings to wash and dress her husband.\n\n"
        "Bartholomew Achebe, who runs the carers’ helpline, said: “Calls went up by a third this year.”\n\n"
        "Wynne finally sits down with a cup of tea that has long gone cold.\n\n"
        "“I worry about what happens to him if something happens to me,” she says."
    )
    assert [s for s, _ in speakers(text)] == ["Bartholomew Achebe", "Wynne Talbot"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a quote under what someone left unnamed told the reporter is theirs
            "Dr Ama Boateng said the figures were the worst on record.\n\n"
            "One porter, who asked not to be named, told us trolleys were queuing down the corridor.\n\n"
            "“You come in and the corridor is already full. By lunchtime you cannot get a wheelchair past.”",
            "One porter",
        ),
        (  # "they" for someone left unnamed, not a body
            "Calder Royal Infirmary said it was doing all it could.\n\n"
            "One registrar at the infirmary, who did not want to be named, said morale was low.\n\n"
            "“We are running on empty,” they told the Courier.",
            "One registrar at the infirmary",
        ),
        (  # "she" for the spokesperson of a body is the body
            "Mr Tull said the change was worrying.\n\n"
            "A spokesperson for the Care Standards Board said employers were responsible for staffing.\n\n"
            "“Every worker must work within their competence,” she said.",
            "Care Standards Board",
        ),
        (  # a quote under "She said …" is hers
            "Care minister Joanna Pettifer said £80m had been set aside for hospices.\n\n"
            "She said new guidance would be published in the spring.\n\n"
            "“I will not promise the House something today that I cannot deliver.”",
            "Joanna Pettifer",
        ),
        (  # a first name with an age is a person, though the article never gives the surname
            "Carers told us what would help.\n\nNeville, 74, looks after his wife, who has dementia. Every week they "
            "go to a group at the church hall. “She sings and I sit next door with the paper, and nobody asks me "
            "for anything for two hours.”",
            "Neville",
        ),
        (  # "For Mrs Hale, …" says whom the sentence is about, after a spokeswoman spoke
            "Brenda Hale, 80, has visited her husband on the ward every day since August.\n\n"
            "A Wrenford Council spokeswoman said: “We are working hard to find a care package for Mr Hale.”\n\n"
            "For Mrs Hale, the waiting goes on. Every afternoon she takes two buses to the hospital.\n\n"
            "“I tell him soon. I have been telling him soon since September,” she said.",
            "Brenda Hale",
        ),
        (  # someone unnamed called "she" is not the next "he"
            "Tom Reid, the union's regional officer, said talks had failed.\n\n"
            "One nurse, who asked not to be named, said the rota had got worse since the spring.\n\n"
            "“There is no overlap at all between the day and night staff,” she said.\n\n"
            "“Nobody goes into nursing to walk out in the middle of a handover,” he added.",
            "Tom Reid",
        ),
    ],
)
def test_a_quote_after_someone_spoken_of_is_theirs(text: str, speaker: str) -> None:
    assert [s for s, _ in speakers(text)][-1] == speaker


def test_a_quote_opening_with_i_m_names_no_one_called_i_m() -> None:
    text = (
        "‘We know the phone queue has not worked,’ said Dr Piotr Nowak, senior partner.\n\n"
        "Jan Hill, who chairs the patient group, called it ‘a lottery’.\n\n"
        "‘They were in tears about it,’ she said. ‘I'm pleased the practice has listened.’\n\n"
        "‘We will review it in March,’ he added."
    )
    assert speakers(text)[-1][0] == "Piotr Nowak"


def test_her_mother_in_what_the_speaker_reported_is_not_who_she_means() -> None:
    text = (
        "His daughter, Kerry Vance, who visits three times a week, said she had found her mother in a cold room.\n\n"
        "“Mum can't tell you what's wrong any more,” she said."
    )
    assert speakers(text)[0][0] == "Kerry Vance"


def test_the_statement_said_speaks_for_the_organisation_that_made_it() -> None:
    text = (
        "In a statement, the home's owners, Evercroft Homes Ltd, said they accepted the findings.\n\n"
        "“We are deeply sorry,” the statement said."
    )
    assert speakers(text) == [("Evercroft Homes Ltd", None)]


def test_a_report_from_a_body_speaks_for_it() -> None:
    text = (
        "Our inspection report from the Care Quality Commission picked this up. The report said: “Some people "
        "did not know the names of the staff supporting them.”"
    )
    assert speakers(text) == [("Care Quality Commission", None)]


def test_a_person_whose_role_names_a_company_after_a_comma_is_still_the_speaker() -> None:
    text = (
        "Tom Kay, chief executive of the app's developer, Quillon Health, explained the change.\n\n"
        "“Older callers were dropping out,” he said."
    )
    assert speakers(text) == [("Tom Kay", "chief executive of the app's developer, Quillon Health")]


def test_a_date_after_a_body_is_not_part_of_its_name() -> None:
    text = "A report prepared for the Glenmorven Joint Board in September stated: “Delays remain the largest pressure.”"
    assert speakers(text) == [("Glenmorven Joint Board", None)]


def test_one_his_after_her_name_does_not_make_her_a_man() -> None:
    text = (
        "Prof Ada Nwosu led the study. Callum Reid, an economist, said the costs were high.\n\n"
        "Prof Nwosu said stories like his were common. “People described a kind of invisibility,” she said."
    )
    assert speakers(text)[-1][0] == "Ada Nwosu"


def test_an_assistant_coroner_named_after_an_opening_phrase_is_who_he_means() -> None:
    text = (
        "Albert Ash, 84, fell at home in January and died eight days later.\n\n"
        "At Harwick Coroner's Court on Thursday, assistant coroner John Fox-Bram recorded a narrative conclusion.\n\n"
        "‘Mr Ash was a proud, independent man,’ he said."
    )
    assert speakers(text)[0][0] == "John Fox-Bram"


def test_a_person_heard_from_with_an_age_and_whose_clause_is_who_she_means() -> None:
    text = (
        "Cllr Joan Eck said the service had to change. “We are seeing people later,” she said.\n\n"
        "Before the debate, councillors heard from Brenda Oko, 63, whose son Dan, 29, attends the centre.\n\n"
        "“The day centre is where his friends are,” she said."
    )
    assert speakers(text)[-1][0] == "Brenda Oko"


def test_transcript_lines_are_quotations_of_the_people_their_labels_name() -> None:
    text = (
        "Care minister Owen Pask told the committee that visas were under review. Cllr Rhian Tate, who chairs "
        "the LGA's care board, said councils were worried.\n\n"
        "Rhian Tate: Councils cannot fill these posts from the local workforce alone, whatever we pay.\n\n"
        "Owen Pask: We keep the workforce under review and are working very closely with the sector.\n\n"
        "Rhian Tate: With respect, that is not what I asked. Is there a number or not?\n\n"
        "The minister: There is no single number, because it depends on decisions that councils make."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Rhian Tate", "Owen Pask", "Rhian Tate", "Owen Pask"]
    assert quotes[1].text.startswith("We keep the workforce")


@pytest.mark.parametrize("titled", [
    "Call handler Owen Pryce quickly established that the man was not breathing.",
    "Owen Pryce, 26, has been a call handler for three years. At 10.14pm a woman is on the line.",
])
def test_a_calls_transcript_lines_are_the_person_the_article_titles_with_the_label(titled: str) -> None:
    text = (
        f"{titled}\n\n"
        "An edited transcript of the call reads:\n\n"
        "Call handler: Ambulance service. Tell me exactly what's happened.\n\n"
        "Caller: It's my husband, he's just fallen down on the floor.\n\n"
        "Call handler: Is he breathing? Look at his chest for me.\n\n"
        "Read more: Ambulance service praises bystanders who started CPR"
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.text[:9]) for q in quotes] == [("Owen Pryce", "Ambulance"), ("Owen Pryce", "Is he bre")]


def test_an_interviews_initials_labels_are_the_people_whose_initials_they_are() -> None:
    text = (
        "Jamila Mensah and Rory Kettering set up a home care co-op in 2023. We spoke to them together; Jamila "
        "Mensah's answers are marked JM and Rory Kettering's RK.\n\n"
        "JM: I had been a registered manager for a big provider for seven years, and I was good at it.\n\n"
        "RK: And from my side, I was the person writing the contracts for the council.\n\n"
        "JM: And you get a share of the surplus. Last year that was 640 pounds each."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Jamila Mensah", "Rory Kettering", "Jamila Mensah"]


def test_a_group_chats_messages_are_quotations_of_their_senders() -> None:
    text = (
        "Donna Kerslake, who set up the carers' WhatsApp group in 2024, shared the messages with the Post.\n\n"
        "Bev, 06:52: Eleven calls before lunch and the first two are 9 miles apart. Who is writing these?\n\n"
        "Sanjay, 06:58: Same. I have got Mr H at 7.30 and Mrs D at 7.45 across town. Not happening.\n\n"
        "Donna, 07:15: Screenshot your rotas please everyone, I am keeping a record."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Bev", "Sanjay", "Donna Kerslake"]


@pytest.mark.parametrize("text", [
    "Privacy Notice: Newsletters may contain information about charities and content funded by partners.",
    "Tags: social care, workforce, visas, councils, home care, recruitment\n\n"
    "Image Credit: Jane Lowe for the Ashbury Echo, with thanks to the families",
])
def test_labelled_page_lines_are_not_transcripts(text: str) -> None:
    assert extract_quotes("Jane Lowe said the home would close.\n\n" + text) == []


def test_a_person_then_a_possessive_role_then_a_relative_clause_is_the_person() -> None:
    text = (
        "Professor Kofi Ansah, Kingsford's medical director, who worked beside her for nine years, told the "
        "Record: ‘She never once let the board forget that the patients came first.’"
    )
    assert speakers(text) == [("Kofi Ansah", "Kingsford's medical director")]


@pytest.mark.parametrize("attribution", [
    "Senate Majority Leader Ann Colby, R-Ky., said on Tuesday.",
    "Rep. Ann Colby, D-N.Y., told reporters.",
    "On the House side, Rep. Ann Colby, R-Texas, who has a bill of her own, told reporters.",
])
def test_a_party_and_state_between_commas_is_not_the_speaker(attribution: str) -> None:
    text = f"“Our assumption is that the veto will be overridden,” {attribution}"
    assert speakers(text)[0][0] == "Ann Colby"


def test_a_cue_verb_put_before_the_name_is_not_part_of_it() -> None:
    text = (
        "Tom Ellery, a tax consultant, said the plan was costly. “It is hard to avoid,” he said.\n\n"
        "Experts say her plans would make the code more complicated. Said Ellery: “I don’t get the sense she is "
        "interested in reform.”"
    )
    assert [name for name, _ in speakers(text)] == ["Tom Ellery", "Tom Ellery"]


def test_she_is_the_person_a_relative_clause_just_described_not_an_earlier_speaker() -> None:
    text = (
        "The losses would outstrip the gains, said Lily Barr.\n\n"
        "It has become a major issue, with Joan Hale — who’s called for higher taxes on the rich — attacking "
        "the plan.\n\n"
        "“That plan would be trickle-down economics all over again,” she said in the debate."
    )
    assert speakers(text)[-1][0] == "Joan Hale"


@pytest.mark.parametrize(("attribution", "speaker"), [
    ("said one GOP source in the room.", "one GOP source in the room"),  # an unnamed source speaks for nobody
    ("said an NHS source.", "an NHS source"),
    ("said a spokesperson for NHS England.", "NHS England"),  # a spokesperson speaks for the body
])
def test_an_unnamed_source_is_not_the_organisation_it_belongs_to(attribution: str, speaker: str) -> None:
    assert speakers(f"“The mood turned the minute somebody said the words,” {attribution}")[0][0] == speaker


def test_military_ranks_are_titles_before_the_name() -> None:
    text = "“No decision has been made,” Navy spokeswoman Lt. Cmdr. Dana Pruett said in an email."
    assert speakers(text) == [("Dana Pruett", "Navy spokeswoman")]


def test_a_person_and_a_long_relative_clause_with_commas_is_the_person() -> None:
    text = (
        "Harlan Reece, who served two terms as governor and now chairs the Chesapeake Maritime Foundation, a "
        "nonprofit that lobbies for the shipbuilders, said: “When they see us together, they notice.”"
    )
    assert speakers(text)[0][0] == "Harlan Reece"


def test_a_person_with_a_role_and_then_a_whose_clause_naming_another_is_still_the_person() -> None:
    text = (
        "Dr Imran Qadir said hospices were stretched.\n\n"
        "Owen Marsh, a spokesman for the campaign group Last Word, whose wife, Carol, died in a care home two years "
        "ago, said the concerns were real.\n\n"
        "“Carol had wonderful staff around her,” he said."
    )
    assert speakers(text)[-1] == ("Owen Marsh", "spokesman for the campaign group Last Word")


def test_a_sentence_whose_subject_is_a_role_names_no_one_else_it_mentions() -> None:
    """"The physiotherapist said the Riverside Mile had been her idea": the place is no person "she added" means."""
    text = (
        "Ruth Ambler, a community physiotherapist, visited Mrs Cole twice a week.\n\n"
        "The physiotherapist said the Harbour Walk had been Mrs Cole’s own idea.\n\n"
        "“Goals have to mean something to the person,” she added."
    )
    assert speakers(text)[-1][0] == "Ruth Ambler"


def test_a_role_a_quote_was_found_to_mean_keeps_meaning_that_person_later() -> None:
    """"the opposition leader said" was Cllr Pryce; so is a later "the opposition leader said", and the "he" after."""
    text = (
        "Cllr Owen Pryce, who leads the Green opposition group, called the plan “a false economy”.\n\n"
        "“Families found out from a leaflet,” the opposition leader said.\n\n"
        "The cabinet member, Cllr Tom Reid, said the decision had been hard. He offered to meet the families.\n\n"
        "After the vote the opposition leader said his group would ask for the decision to be called in.\n\n"
        "“This isn’t over,” he said."
    )
    assert speakers(text)[-1][0] == "Owen Pryce"


def test_a_sentence_opening_on_an_unnamed_role_is_about_that_one_for_the_next_she() -> None:
    """"The carer was unconvinced. “…,” she said.": the carer left unnamed, not the woman named since."""
    text = (
        "A home carer in Leeds, who asked not to be named, said she had 14 visits on Monday.\n\n"
        "“Corridor care is routine now,” said Dr Helen Marsh of the Carers Union.\n\n"
        "The carer was unconvinced. “Nothing changes on my rota,” she said."
    )
    assert speakers(text)[-1][0].lower().startswith("a home carer")


def test_a_name_with_its_description_before_the_verb_is_the_subject_the_next_she_means() -> None:
    """"The oldest walker, Maureen Tindall, a retired school cook, completed …": she is whom "she said" means."""
    text = (
        "The youngest walker, Lucy Marchetti, 19, wore a horse costume.\n\n"
        "“It was warm inside the horse,” joked Lucy.\n\n"
        "The oldest walker, Maureen Tindall, a retired school cook from Kettleby, completed the ten miles.\n\n"
        "“My husband had dementia for eleven years,” she said."
    )
    assert speakers(text)[-1][0] == "Maureen Tindall"


def test_a_role_then_a_name_opening_a_sentence_makes_that_person_its_subject() -> None:
    """"The registrar, Dr S, came up … She … said:": the registrar, not the daughter named before."""
    text = (
        "At 6am I rang his daughter, who I will call Anne, because he had been asking for her.\n\n"
        "\"Tell him I will be in at ten,\" she said.\n\n"
        "The registrar, Dr S, came up at half six to see the lady in bed 9, who had been going downhill since "
        "midnight. She looked at the board, then at me, and said: \"How many of you are there tonight?\""
    )
    assert [s for s, _ in speakers(text)] == ["Anne", "Dr S"]


def test_she_means_the_woman_of_two_people_who_share_a_surname() -> None:
    """"Since then Harwood, a school business manager, has turned her kitchen …. “…,” she says.": the mother
    Denise Harwood, not her son Liam Harwood, named last."""
    text = (
        "The last time Denise Harwood saw her son alive, he was sitting on the edge of a bed.\n\n"
        "Eleven hours later Liam Harwood, 23, was found unresponsive in a bathroom on the ward.\n\n"
        "Since then Harwood, a 54-year-old school business manager, has turned her kitchen table into a campaign "
        "office.\n\n"
        "“I set out to find out what happened to my boy,” she says."
    )
    assert speakers(text)[-1][0] == "Denise Harwood"


def test_a_person_after_from_with_a_role_who_warns_is_the_one_who_warns() -> None:
    """"A sceptical note came from Ann Roe, director of X, who warns that …": the quote under it is hers."""
    text = (
        "A more sceptical note came from Felicity Marr, director of the Institute for Care Economics, who warns "
        "that paying staff more could destabilise homes.\n\n"
        "“There is a real risk this could backfire.”"
    )
    assert speakers(text) == [("Felicity Marr", "director of the Institute for Care Economics")]


def test_a_nominal_then_a_name_with_its_own_role_before_said_is_that_person() -> None:
    """"The first patient, retired bus driver Geoffrey Tallis, said …": him, so the "he said" after is his too."""
    text = (
        "Consultant surgeon Imran Shafiq, who led the operation, said the team had spent a year preparing.\n\n"
        "The first patient, retired bus driver Geoffrey Tallis, said he had jumped at the chance.\n\n"
        "‘My wife thought I was mad,’ he said from his hospital bed."
    )
    assert speakers(text) == [("Geoffrey Tallis", "retired bus driver")]


@pytest.mark.parametrize("suffix", ["Systems", "Technologies", "Software", "Labs", "Networks", "Consulting"])
def test_a_company_named_by_its_first_word_is_no_person_a_she_could_mean(suffix: str) -> None:
    """"Quillon charges per bed, and she says …": Quillon is the short name of Quillon Systems, a company."""
    text = (
        f"Ruth Kenning, managing director of Quillon {suffix}, said the sector was changing.\n\n"
        "Quillon charges per bed per month, and she says prices have come down.\n\n"
        "“A digital record shouldn’t be a luxury.”"
    )
    assert speakers(text) == [("Ruth Kenning", f"managing director of Quillon {suffix}")]


def test_the_mayor_is_the_one_the_article_titled_mayor_not_the_person_named_last() -> None:
    """"The award was presented by the Mayor of Thrushley, Cllr Raymond Fenn, …. ‘…,’ the mayor said.": him."""
    text = (
        "Dorothy Whitcombe, 84, has volunteered at the hospital for sixty years.\n\n"
        "The award was presented by the Mayor of Thrushley, Cllr Raymond Fenn, at a small ceremony attended by four "
        "generations of Mrs Whitcombe’s family.\n\n"
        "‘Sixty years is an extraordinary gift to give to your community,’ the mayor said."
    )
    assert speakers(text)[0][0] == "Raymond Fenn"


def test_a_body_named_after_someone_at_a_place_names_the_place_not_the_speaker() -> None:
    """"a receptionist at the town’s other practice, Lifeboat Lane Medical Centre, said": the body's name is where
    the unnamed receptionist works, and she speaks."""
    text = (
        "Keith Varley, 71, a retired fisherman, said he had been told to ring back every day.\n\n"
        "Speaking on condition of anonymity, a receptionist at the town’s other practice, Lifeboat Lane Medical "
        "Centre, said staff were facing abuse.\n\n"
        "“People are scared and they take it out on us.”"
    )
    assert speakers(text)[-1][0] == "a receptionist at the town’s other practice"


def test_a_statement_is_from_the_one_who_gave_it_not_a_name_in_what_they_said() -> None:
    """"In a statement, the council said it was disappointed by Brightside's decision. “…,” the statement said.":
    the council's statement; "by Brightside" is inside what the council said."""
    text = (
        "Brightside Homecare will stop providing care next month.\n\n"
        "In a statement, Harlowmere County Council said it was disappointed by Brightside's decision.\n\n"
        "\"We want to thank Brightside Homecare and its staff for many years of service,\" the statement said."
    )
    assert speakers(text) == [("Harlowmere County Council", None)]


def test_the_statement_is_the_one_given_not_a_report_named_in_what_was_said() -> None:
    """"In a statement, the family said the report was “an important step”. “…,” the statement said.": the family's
    statement, not the report they spoke of."""
    text = (
        "The coroner's report was published on Monday.\n\n"
        "In a statement issued through their solicitors, the family said the report was an important step.\n\n"
        "\"Aaron was funny, clever and loved,\" the statement said."
    )
    assert speakers(text) == [("the family", None)]


def test_someone_unnamed_in_a_report_who_said_is_that_someone_not_the_words_before() -> None:
    text = (
        "“Staff knew people well,” the report said.\n\n"
        "One resident told inspectors: “I feel at home.”\n\n"
        "The report also included comments from a relative, who said: “The nurses made sure we were never alone.”"
    )
    assert [s for s, _ in speakers(text)] == ["the report", "One resident", "a relative"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("On his first visit an investigator asked for “something strong for a chest infection”.", "an investigator"),
    ("In its decision the panel said it had “anxiously considered” the nurse's record.", "the panel"),
    ("Recalling the crash, the A&E nurse told the Clarion she had smelt “petrol everywhere”.", "the A&E nurse"),
    ("The report included comments from one carer, who said it was “a lifeline”.", "one carer"),
    ("One carer quoted in the report said it was “a lifeline”.", "One carer quoted in the report"),
])
def test_a_speaker_after_an_opening_phrase_is_the_last_noun_phrase_only(sentence: str, speaker: str) -> None:
    """Two determiners with nothing joining them start two phrases: "the first visit" and "an investigator"."""
    assert [q.speaker for q in extract_quotes(sentence)] == [speaker]


def test_someone_unnamed_and_described_by_their_employer_is_that_someone() -> None:
    text = ("Mr Furey said strikes could begin in May.\n\nHe said the union was not asking providers to pay.\n\n"
            "A community nurse employed by one of the providers in the north west, who asked not to be named, told "
            "HSB: ‘I love my job. I just can’t afford to do it any more.’")
    assert speakers(text)[-1][0] == "A community nurse employed by one of the providers in the north west"


def test_a_surname_that_is_also_a_title_is_a_name_after_a_given_name() -> None:
    text = (
        "Gov. Raymond Bishop has made his case in private. In a letter, Bishop called the plan a gut punch.\n\n"
        "“I ask that you pause this plan,” the governor wrote."
    )
    assert speakers(text)[0][0] == "Raymond Bishop"


def test_he_can_be_the_parent_the_writer_calls_dad() -> None:
    text = (
        "My brother Danny said he would vote. “It is over,” Danny said.\n\n"
        "I asked Dad whether he thought about her when he decided to sit this one out.\n\n"
        "“Your grandmother would kill me,” he said."
    )
    assert speakers(text)[-1][0] == "Dad"


def test_she_is_the_person_a_dash_relative_clause_describes_not_a_party_named_before() -> None:
    text = (
        "Nevada Republicans were divided, with chairman Doug Feeney calling the tape “old news” and Gov. Lorraine "
        "Abernathy — who has called on him to apologise in person — criticising his campaign.\n\n"
        "“A statement is not an apology,” she said at an event."
    )
    assert speakers(text)[-1][0] == "Lorraine Abernathy"


@pytest.mark.parametrize(("opening", "speaker", "role"), [
    ("Mercer's Democratic opponent, Rep. Adela Quiroga, moved quickly.", "Adela Quiroga",
     "Mercer's Democratic opponent"),
    ("The trust's chief executive, Ann Lee, moved quickly.", "Ann Lee", "trust's chief executive"),
])
def test_a_sentence_opening_with_a_role_then_a_name_is_about_that_person(opening: str, speaker: str,
                                                                         role: str) -> None:
    text = f"{opening} Within an hour, she tweeted: “My father served 22 years in the Army, and he is no cheat.”"
    assert speakers(text) == [(speaker, role)]


def test_a_spouse_introduced_by_role_name_and_age_is_who_he_means() -> None:
    text = (
        "Bronwen Pritchard, 58, cares for their son. “I am asking to be able to keep going,” she said.\n\n"
        "Her husband, Gareth Pritchard, 61, gave up his job in 2021 and now does most of the nights.\n\n"
        "“She is the organiser, I am the muscle,” he says."
    )
    assert [name for name, _ in speakers(text)] == ["Bronwen Pritchard", "Gareth Pritchard"]


def test_a_broadcast_transcript_in_capitals_names_the_people_the_article_names() -> None:
    text = (
        "Mercer spoke to UBN anchor Jake Marlowe on Friday. Part of the exchange follows:\n\n"
        "MARLOWE: Mr. Mercer, is that your voice on the recording we played?\n\n"
        "MERCER: It is. I'm not going to stand here and tell you it isn't.\n\n"
        "Brent Mercer is running for the Senate."
    )
    assert [name for name, _ in speakers(text)] == ["Jake Marlowe", "Brent Mercer"]


@pytest.mark.parametrize(("intro", "speaker"), [
    ("Dorsey shot back.", "Marisol Dorsey"),  # another cue verb
    ("The governor repeated the figure in a tweet the next morning:", "Marisol Dorsey"),  # a colon, no cue verb
])
def test_a_quote_introduced_without_said_goes_to_the_sentences_subject(intro: str, speaker: str) -> None:
    text = (
        "Gov. Marisol Dorsey spoke at a rally on Monday, where Dorsey told supporters the rolls were wrong.\n\n"
        f"Sen. Colin Whitaker disagreed with the claim. {intro} “Two hundred thousand dead voters are on the rolls.”"
    )
    assert speakers(text)[-1][0] == speaker


def test_the_letter_said_is_whoever_the_article_says_sent_the_letter() -> None:
    text = (
        "Rep. Ann Pettaway, who represents Baltimore, said she had concerns about the contract.\n\n"
        "In a letter to the committee last week, the Justice Department said it had provided 4,000 pages.\n\n"
        "“The Department remains committed to the Committee’s legitimate oversight interests,” the letter said."
    )
    assert speakers(text)[-1][0] == "Justice Department"


def test_a_report_that_warned_is_not_written_by_the_first_word_of_its_sentence() -> None:
    text = (
        "Nearly half of county councils expect to spend most of their budgets on care, a new report has warned.\n\n"
        "Analysis by the Shire Authorities Alliance of its members found spending had risen by 27%.\n\n"
        "The report said: “Without a multi-year settlement, authorities will be forced to choose.”"
    )
    assert speakers(text)[-1][0] == "Shire Authorities Alliance"


def test_the_answers_of_a_labelled_interview_are_the_interviewees_words() -> None:
    text = (
        "Dame Celia Armitage-Boyd steps down after 41 years. She talks to Tessa Lindqvist about burnout.\n\n"
        "Dame Celia Armitage-Boyd joined the NHS as a student nurse in Leeds in 1984.\n\n"
        "Q: You qualified in the 1980s. What has changed most since then?\n\n"
        "A: The acuity. The patients we nursed on a general ward would be on a step-down unit now.\n\n"
        "Q: How did you cope with burnout yourself?\n\n"
        "A: Badly, for a while. In the first winter of the pandemic I didn't take a day off for 11 weeks."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.text[:10]) for q in quotes] == [("Celia Armitage-Boyd", "The acuity"),
                                                           ("Celia Armitage-Boyd", "Badly, for")]


def test_the_paragraphs_under_labelled_questions_with_no_answer_label_are_the_interviewees_words() -> None:
    text = (
        "Bea Okafor became chief executive of the Home Care Forum in January. Our editor Tom Lyle asked her about "
        "fees and recruitment.\n\n"
        "Q: What is the biggest difference from running a provider?\n\n"
        "Honestly, the inbox. I hear from 900 members, and the problems are the same ones.\n\n"
        "Q: Councils say fees are rising. Isn't that progress?\n\n"
        "It's progress from a very low base. Our survey found councils pay £24.60 an hour.\n\n"
        "Meanwhile, Vale Council said fees would rise by 5% in April."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.text[:10]) for q in quotes] == [("Bea Okafor", "Honestly, "), ("Bea Okafor", "It's progr")]


def test_an_unlabelled_interview_is_by_the_person_its_introduction_names() -> None:
    text = (
        "The hub opened on Monday, said Dr Declan O'Neill. Dr O'Neill hopes to add Sunday sessions.\n\n"
        "Five minutes with... Bronagh Keane, lead nurse practitioner at the hub\n\n"
        "What does a typical evening look like?\n\n"
        "Busy! We see a real mix of people who work during the day and children after school.\n\n"
        "What has surprised you most so far?\n\n"
        "How grateful people are. Several patients have told me it is the first time they have been seen."
    )
    assert {q.speaker for q in extract_quotes(text)} == {"Bronagh Keane"}


def test_an_interview_its_headline_calls_a_q_and_a_is_by_the_person_the_headline_names() -> None:
    text = (
        "Sunita Marwaha joined Hartwell Care Group as chief executive in November, succeeding founder Martin "
        "Hartwell, who remains on the board. Martin Hartwell said she was the right person for Hartwell.\n\n"
        "Marwaha previously spent six years at Brightwater Living. Hartwell operates 64 care homes across the East "
        "Midlands and Yorkshire, and Hartwell reported turnover of £212m and occupancy of 89 per cent last year.\n\n"
        "What made you take the job?\n\n"
        "Honestly, the homes. I visited about a dozen before I said yes, and I saw teams that clearly cared.\n\n"
        "What is your first priority?\n\n"
        "Workforce, without question. We spent £14m on agency staff last year and we must bring that down."
    )
    title = "Q&A: Hartwell Care Group’s Sunita Marwaha on agency spend, fees and the next five years"
    assert extract_quotes(text) == []  # the body alone never says it is an interview
    assert {q.speaker for q in extract_quotes(text, heading=title)} == {"Sunita Marwaha"}


def test_an_interview_its_byline_calls_one_is_by_whom_the_standfirst_names_not_the_interviewer() -> None:
    raw = (
        "Chemist Counter\nNews\nBusiness\n"
        "Meet the independent: the 29-year-old who bought her first pharmacy\n"
        "Sana Qureshi took over Bellhaven Pharmacy last summer. She tells us about financing the deal\n"
        "Interview by Tom Fennimore\n12 Mar 2026\n\n"
        "Sana Qureshi qualified as a pharmacist in 2019 and spent five years working for a large multiple, latterly "
        "as a store manager, before buying Bellhaven Pharmacy on Corrisdale's high street.\n\n"
        "Why did you want to own a pharmacy?\n\n"
        "I always knew I wanted my own place. My dad ran a newsagent's for 25 years and I grew up behind it.\n\n"
        "How did you finance the purchase?\n\n"
        "With great difficulty! It was a mix of a bank loan and money from the sale of my flat.\n"
    )
    assert {q.speaker for q in process_article(raw).quotes} == {"Sana Qureshi"}


def test_an_interview_whose_standfirst_says_the_writer_asked_her_about_it_is_hers() -> None:
    text = ("Natasha Ellery-Mensah took over as director of adult social services at Westmarsh County Council in July, "
            "after a career that began as a care assistant in a residential home in the late 1990s.\n\n"
            "You have been in post for a little over three months. What has surprised you?\n\n"
            "How much goodwill there is, honestly. People warned me about the providers, but I found them open.\n\n"
            "What is your first priority?\n\n"
            "Home care. We have around 640 hours a week that we cannot place, and I want that number down.")
    heading = ("‘We can’t keep buying our way out of this’: Westmarsh’s new adult care chief\n"
               "Natasha Ellery-Mensah took over in July. Owen Tremlett asked her about her first three months")
    assert extract_quotes(text) == []
    assert {q.speaker for q in extract_quotes(text, heading=heading)} == {"Natasha Ellery-Mensah"}


def test_questions_and_answers_that_no_one_calls_an_interview_are_not_quotations() -> None:
    text = (
        "Frequently asked questions about the new booking system.\n\n"
        "How do I book an appointment?\n\nYou can book online or by phone from 8am on weekdays.\n\n"
        "Can I still walk in?\n\nWalk-in appointments end on 5 January, except for urgent cases."
    )
    assert extract_quotes(text) == []


def test_the_letter_said_is_the_person_who_sent_it_named_by_surname() -> None:
    text = (
        "Sen. Patricia Lund opened the hearing on insulin prices.\n\n"
        "On Wednesday, Lund sent a letter, co-signed by 10 other senators, to the Food and Drug Administration.\n\n"
        "“Competition is the surest way to bring prices down,” the letter said."
    )
    assert speakers(text)[-1][0] == "Patricia Lund"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("In a statement, the Centers for Medicare & Medicaid Services said:", "Centers for Medicare & Medicaid Services"),
    ("One ward sister at a hospital in the West Midlands, who asked not to be named, said:",
     "One ward sister at a hospital in the West Midlands"),
])
def test_bodies_with_for_and_ampersand_and_unnamed_people_described_by_a_clause(sentence: str, speaker: str) -> None:
    assert speakers(f"{sentence} “States are best placed to design these programmes for themselves.”")[0][0] == speaker


def test_the_report_said_is_the_body_that_published_the_analysis() -> None:
    text = (
        "The Whitlock Center for Budget Research put it bluntly in its analysis last month. The report said: "
        "“Six in ten adults on the programme are already working.”"
    )
    assert speakers(text)[0][0] == "Whitlock Center for Budget Research"


def test_a_bodys_role_then_a_name_after_the_quote_is_that_person() -> None:
    text = (
        "Dr Sofia Amundsen, director of the fund, said talks would resume. “We are close,” she said.\n\n"
        "“Every company we talk to says the same thing,” warned the Global Medicines Access Network's director, "
        "Jonas Eklund."
    )
    assert speakers(text)[-1] == ("Jonas Eklund", "Global Medicines Access Network's director")


def test_a_person_introduced_with_an_age_and_a_description_is_who_he_means() -> None:
    text = (
        "I spent an afternoon last month with Luis Carrasco, 44, a line cook who lost his cover last year.\n\n"
        "“I did not even know there was anything to comply with,” he said."
    )
    assert speakers(text) == [("Luis Carrasco", None)]


def test_an_interview_introduced_by_a_paragraph_that_presents_someone_is_theirs() -> None:
    text = (
        "Half of councils cannot staff a safe rota. We asked one principal social worker how his team copes.\n\n"
        "The forum's chair, Jo Castellano, said people were waiting. “We are losing people,” Castellano added.\n\n"
        "Marcus Ellery-Dunn is principal social worker for adults at Northvale Council, where the team has 14 "
        "warranted staff against an establishment of 22, and he has done the job for nine years.\n\n"
        "What does a bad night look like?\n\n"
        "Three assessments come in between 6pm and 10pm and we have got two people on shift.\n\n"
        "What would help?\n\n"
        "A proper national allowance, so councils are not poaching from each other. I would start there."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Jo Castellano", "Marcus Ellery-Dunn", "Marcus Ellery-Dunn"]


def test_the_health_board_said_is_the_board_named_before_with_a_possessive() -> None:
    text = (
        "The letter, signed by Hywel Prosser, Bae Teifi University Health Board's director of primary care, set "
        "out the closure.\n\nIn a statement, the health board said: “We have met the local councillor.”"
    )
    assert speakers(text)[-1][0] == "Bae Teifi University Health Board"


def test_the_report_said_is_the_coroner_who_issued_it() -> None:
    text = (
        "Area coroner Philippa Drummond-Hayes recorded a narrative conclusion last month. She has now issued a "
        "prevention of future deaths report to the ambulance service.\n\n"
        "The report said: “In my opinion there is a risk that future deaths will occur.”"
    )
    assert speakers(text)[-1][0] == "Philippa Drummond-Hayes"


def test_an_interview_answer_of_two_paragraphs_is_kept_whole_but_not_the_reporting_after_the_last() -> None:
    text = (
        "Dame Morwenna Treloar retired last year. In this episode she talks to Priya Nandakumar.\n\n"
        "You started out as a social worker. What did that teach you?\n\n"
        "That the NHS and social care speak completely different languages.\n\n"
        "It took me years to understand that the hospital was being measured on beds.\n\n"
        "Have integrated care boards fixed that?\n\n"
        "Partly. The relationships are much better than they were when I started.\n\n"
        "The board she led was merged with its neighbour in April."
    )
    quotes = extract_quotes(text)
    assert [q.text[:8] for q in quotes] == ["That the", "It took ", "Partly. "]
    assert {q.speaker for q in quotes} == {"Morwenna Treloar"}


def test_an_unnamed_person_introducing_a_quote_with_a_colon_is_its_speaker() -> None:
    text = (
        "Hospital discharge is the clearest example. A consultant geriatrician we interviewed described the "
        "pressure candidly: “We ask families whether they can cope, and they say yes because they feel they must.”"
    )
    assert speakers(text) == [("A consultant geriatrician", None)]


def test_a_bodys_report_is_the_body_named_before_whole_with_and_in_its_name() -> None:
    text = (
        "The Aged Care Quality and Safety Commission imposed sanctions on Banksia Grove on Tuesday.\n\n"
        "The commission's report said: “Residents were exposed to serious risk of harm.”"
    )
    assert speakers(text) == [("Aged Care Quality and Safety Commission", None)]


def test_an_explainers_questions_are_answered_by_the_reporter_not_an_interviewee() -> None:
    text = (
        "The health secretary, Owen Pask, defended the plan in an interview with BBC Breakfast on Monday.\n\n"
        "What is the row about?\n\n"
        "The government wants councils to publish waiting times for care assessments every month.\n\n"
        "What happens next?\n\n"
        "Councils have until March to respond, and ministers will then decide whether to make it law."
    )
    assert extract_quotes(text) == []


def test_a_given_name_tells_which_of_two_people_she_is() -> None:
    text = (
        "Martin Crowe, a porter, said the lifts had been broken for weeks.\n\n"
        "Helen Stroud, whose husband waited 19 hours, said staff were exhausted.\n\n"
        "Peter Lamb, the trust's director of operations, said repairs were under way.\n\n"
        "“Nobody should wait like that,” she said."
    )
    assert [s for s, _ in speakers(text)] == ["Helen Stroud"]


def test_a_fathers_title_does_not_make_his_daughter_a_man() -> None:
    text = (
        "Judith Sandle, a ward manager, said the unit was full.\n\n"
        "Linda Okafor said her father, Desmond, 84, had been left in a corridor for 26 hours.\n\n"
        "“He was lying under a strip light all night,” she said.\n\n"
        "The trust said it had contacted Mr Okafor to apologise."
    )
    assert [s for s, _ in speakers(text)] == ["Linda Okafor"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Labour’s Ravi Bansal, the MP for Northam Heath, said: “Does the member agree?”",
        "Intervening, Unison’s Ravi Bansal said: “Does the member agree?”",
        "“Does the member agree?” asked Plaid’s Ravi Bansal.",
    ],
)
def test_a_person_of_a_party_or_body_named_with_its_possessive_is_the_speaker(sentence: str) -> None:
    assert [s for s, _ in speakers(sentence)] == ["Ravi Bansal"]


def test_she_after_someone_left_unnamed_on_purpose_is_that_person() -> None:
    text = (
        "Dr Priya Varma, who led the study, said: “Staffing is the problem.”\n\n"
        "One charge nurse at a hospital in the study, who asked not to be named, said the results were no surprise.\n\n"
        "“Most nights I am the only one who can give IV drugs,” she said."
    )
    assert [s for s, _ in speakers(text)] == ["Priya Varma", "One charge nurse at a hospital in the study"]


def test_someone_merely_mentioned_with_a_before_a_cue_verb_is_not_who_she_is() -> None:
    text = (
        "Dr Priya Varma said a colleague had resigned over the rota.\n\n"
        "“It was the last straw,” she said."
    )
    assert [s for s, _ in speakers(text)] == ["Priya Varma"]


def test_a_role_with_a_list_in_it_stays_whole_before_the_name() -> None:
    text = (
        "The college’s director of nursing, policy and practice, Dr Fiona Harkins, said: "
        "“Boards must listen to the people on their wards.”"
    )
    assert speakers(text) == [("Fiona Harkins", "the college’s director of nursing, policy and practice")]


def test_a_sentence_opening_with_a_role_of_a_body_then_the_name_introduces_who_he_is() -> None:
    text = (
        "Council leader Cllr Maria Dunne said: “This is a hard day for the city.”\n\n"
        "The leader of the opposition group, Cllr Owen Tranter, blamed years of mismanagement.\n\n"
        "He said: “Residents were promised this would never happen.”"
    )
    assert [s for s, _ in speakers(text)] == ["Maria Dunne", "Owen Tranter"]


def test_a_relative_introduced_after_an_opening_phrase_is_who_she_is() -> None:
    text = (
        "The coroner, Graham Leckie, recorded a narrative conclusion.\n\n"
        "In a statement read to the inquest, Mr Holt's daughter, Janine Holt, described her father as kind.\n\n"
        "She said: “Dad trusted the people looking after him, and so did we.”"
    )
    assert [s for s, _ in speakers(text)][-1] == "Janine Holt"


def test_she_after_a_womans_father_is_named_is_the_woman() -> None:
    text = (
        "Dr Ian Marsh, the medical director, said beds were full.\n\n"
        "Ffion Rees's father, Emrys, 88, spent 11 weeks on a ward after being told he could go home.\n\n"
        "“Every week they told us next week,” she told the paper."
    )
    assert [s for s, _ in speakers(text)][-1] == "Ffion Rees"


def test_a_witness_the_report_says_was_not_named_is_not_the_last_man_named() -> None:
    text = (
        "The home's manager, Tomasz Nowak, said staff had been trained.\n\n"
        "In a written statement read to the court, the agency worker, who was not named during the hearing, said: "
        "“I did not know he was on a special diet. Nobody told me.”"
    )
    assert [s for s, _ in speakers(text)][-1] == "the agency worker"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A spokesperson for the Queen’s Nursing Institute said: “District nurses are doing intensive work.”",
         "Queen’s Nursing Institute"),
        ("“We are stretched beyond anything we planned for,” said a King’s Fund spokesman.", "King’s Fund"),
        ("The Department of Health and Social Care issued a statement on Monday.\n\n"
         "A spokesperson said: “We have made a fair offer to resident doctors.”",
         "Department of Health and Social Care"),
    ],
)
def test_a_body_named_with_a_possessive_or_with_of_and_and_speaks_under_its_whole_name(text: str, body: str) -> None:
    assert [s for s, _ in speakers(text)] == [body]


@pytest.mark.parametrize("cue", ["The spokesperson added:", "The spokeswoman went on:"])
def test_the_spokesperson_is_the_body_whose_spokesperson_spoke_before_not_the_last_person(cue: str) -> None:
    text = (
        "Gareth Lowry, who owns a 28-bed home, said smaller operators had little room for manoeuvre.\n\n"
        "A spokeswoman for the Care Quality Commission said inspections would continue.\n\n"
        f"{cue} “We will act wherever care is unsafe, whatever the cost.”"
    )
    assert [s for s, _ in speakers(text)][-1] == "Care Quality Commission"


def test_she_said_her_mother_keeps_she_as_the_daughter() -> None:
    text = (
        "Her daughter, Carys Webb, said the wait had been unbearable.\n\n"
        "She said her mother, a retired teacher, had since had surgery.\n\n"
        "“I don't blame the staff at all,” she added. “I blame whoever let it get this bad.”"
    )
    assert [s for s, _ in speakers(text)] == ["Carys Webb"]


def test_a_sentence_opening_with_someone_left_unnamed_introduces_who_she_is() -> None:
    text = (
        "Dr Imogen Raikes, who wrote the report, said carers were hidden.\n\n"
        "One carer, who works for a bank and asked not to be named, describes getting up at five.\n\n"
        "“I’m terrified that if they find out, they’ll see me as unreliable,” she says."
    )
    assert [s for s, _ in speakers(text)][-1] == "One carer"


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        ("Her daughter, Ceri Lloyd, said her mother waited nine hours.", "Ceri Lloyd"),
        ("Her brother, Gareth Lloyd, said their mother waited nine hours.", "Elinor Lloyd"),
    ],
)
def test_ms_and_a_surname_shared_in_a_family_is_the_woman_named_last(middle: str, speaker: str) -> None:
    text = (
        "Elinor Lloyd, 89, fell at her home and waited in an ambulance all night.\n\n"
        f"{middle}\n\n"
        "“She was frightened and in pain,” Ms Lloyd told the paper."
    )
    assert [s for s, _ in speakers(text)] == [speaker]


def test_a_title_and_surname_keep_the_gender_of_the_given_name_the_article_gives() -> None:
    text = (
        "The senior partner, Dr Iain Buchanan, said the decision had been agonising.\n\n"
        "“We were told it was a done deal,” said Morag Fairlie, who chairs the community council.\n\n"
        "Ms Fairlie said 400 people had signed a petition. Dr Buchanan said the partners asked for time.\n\n"
        "“Those are fair questions and so far nobody has answered them,” she added."
    )
    assert [s for s, _ in speakers(text)][-1] == "Morag Fairlie"


@pytest.mark.parametrize(
    "clause",
    [
        "A paper to the board, signed by its director of strategy, Owen Pargeter, states:",
        "A letter to the minister, written by Owen Pargeter, says:",
    ],
)
def test_a_document_speaks_in_the_words_of_who_signed_it(clause: str) -> None:
    text = f"{clause} “Neither organisation, acting alone, can deliver the savings required.”"
    assert [s for s, _ in speakers(text)] == ["Owen Pargeter"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The hospital has sent us a statement from its medical director, Dr Imran Sheikh. It reads:\n"
            "“Cancer and maternity services are running as normal today.”",
            "Imran Sheikh",
        ),
        (
            "Parents were sent a letter from the head of children’s services, Jane Ross. It said: “The unit "
            "will close to new admissions from Friday.”",
            "Jane Ross",
        ),
        (
            "The figures come from a review published in May by the Northfield Patients Trust. It looked at "
            "waiting lists at Hallam Hospitals NHS Trust.\n\n"
            "The review was blunt: “Waiting lists have grown in every specialty we looked at,” it said.",
            "Northfield Patients Trust",
        ),
        (
            "Outside the hearing, Mr Pryor's son, Daniel Pryor, read a statement on behalf of the family.\n\n"
            "“Dad gave forty years to this town and deserved far better care at the end,” the statement said.",
            "Daniel Pryor",
        ),
        (
            "Harton Hospitals NHS Trust issued a short statement on Friday evening. It said: “We are sorry for the "
            "distress caused and have changed how the ward is staffed at night.”",
            "Harton Hospitals NHS Trust",
        ),
        (
            "In a statement, the practice’s senior partner, Dr Kofi Mensah, said the decision was made with "
            "sadness.\n\n‘We have advertised for a salaried GP for three years without a single applicant,’ the "
            "statement said.",
            "Kofi Mensah",
        ),
        (
            "Westmoor Hospitals NHS Trust, which runs the hospital, said its department had been very busy. “When "
            "our department is full, patients in the community wait longer, and we are sorry,” a statement said.",
            "Westmoor Hospitals NHS Trust",
        ),
        (  # "read" is no cue here: the statement is not its own author
            "In a statement read to the court, the victim's son said his father had always been careful with "
            "money.\n\n“What hurts most is that Dad trusted her completely,” the statement said.",
            "the victim's son",
        ),
        (
            "In a brief statement the chief executive, Marion Hale, said the ward would reopen.\n\n“We are sorry "
            "for the worry this has caused,” the statement said.",
            "Marion Hale",
        ),
    ],
)
def test_it_said_after_a_document_is_whoever_the_document_is_from(text: str, speaker: str) -> None:
    assert [s for s, _ in speakers(text)] == [speaker]


def test_he_after_the_unnamed_porter_spoke_again_is_the_porter() -> None:
    """"The porter said …" refers back to the porter the article agreed not to name, so the "he added" after it is
    his, though no sentence near it says he is unnamed."""
    text = "\n\n".join([
        "Patients at a hospital in Westmoor are being carried down the stairs on chairs, a porter has said.",
        "The porter, who works nights at Westmoor General Hospital and asked not to be named, said what had once "
        "been a rare breakdown was now \"just how it is\".",
        "The Westmoor Hospitals NHS Trust said it was mending two lifts and was \"sorry\" that some patients had "
        "waited longer than they should.",
        "Figures published last week showed the hospital's lifts were out of action for 19 days in November, up "
        "from about four a year earlier.",
        "The porter, who has worked at the hospital for more than a decade, said there were days when no lift in "
        "the tower was working by mid-morning.",
        "\"We have patients waiting at the top of the stairs from the wards to the X-ray department,\" he said.",
        "\"Some of them are frail, some are frightened, some are in pain and we have no chair that fits the "
        "stairwell. You take a deep breath and hope for the best.\"",
        "He said he had recently carried a man in his nineties who waited two hours at the top of the fourth floor.",
        "\"His son kept asking me when the lift would work and I had no answer for him,\" he said. \"I went home "
        "that night and could not sleep. That is not why I came into this job.\"",
        "The porter said staff were being asked to move up to eight extra patients a shift by hand on top of their "
        "usual rounds.",
        "\"It's not safe, and everyone knows it's not safe,\" he added. \"We are doing our best, but the best we "
        "can do on a staircase is nowhere near good enough.\"",
    ])
    assert [s for s, _ in speakers(text)] == ["a porter"] * 4  # as the article brought him in


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In its decision, the committee said it had weighed the pressure on the ward that night. It said: "
            "“Families must be able to trust what is written in a nurse’s records.”",
            "the committee",
        ),
        (
            "Rowanfield Borough Council has set its budget. Announcing the rise, the council said it had no choice. "
            "It added: “Every other option would mean closing a day centre.”",
            "Rowanfield Borough Council",
        ),
        (
            "Carrow Hospitals NHS Trust runs the unit. Last night the trust said it was reviewing the case.\n\n"
            "“We are sorry for the distress this has caused,” a spokesperson said.",
            "Carrow Hospitals NHS Trust",
        ),
    ],
)
def test_it_said_after_an_unnamed_body_spoke_is_that_body(text: str, speaker: str) -> None:
    """"the committee said it had …. It said:" is the committee, not nobody; "the council" is the council named."""
    assert [s for s, _ in speakers(text)] == [speaker]


def test_a_feature_that_names_its_subject_mid_sentence_gives_she_says_to_her() -> None:
    text = (
        "It is 7.40am and Maureen Cathcart is already on her second cup of tea in the health centre car park.\n\n"
        "“They always add them on,” she says, not looking up from the list of visits."
    )
    assert [s for s, _ in speakers(text)] == ["Maureen Cathcart"]


@pytest.mark.parametrize("opening", ["During the wait Maisie missed most of year nine.",
                                     "By early afternoon Maisie has seen nine patients."])
def test_a_name_after_a_short_opening_phrase_is_whom_a_later_she_means(opening: str) -> None:
    text = (
        "Maisie Trelawny, 15, was referred in 2024. “I stopped checking my phone,” Maisie said.\n\n"
        "Her father, Gareth Trelawny, said the family had been told to wait. “We rang and rang,” he said.\n\n"
        "Mr Trelawny said he had changed his shifts. He works nights. He drives a lorry. He sleeps in the day.\n\n"
        "“I sat outside her door,” he said. “I was frightened. I'm not blaming the staff. They work hard.”\n\n"
        "The trust said demand had risen. It has recruited six clinicians. Waits remain long.\n\n"
        f"{opening} She is now back at school.\n\n"
        "“It does get better,” she said."
    )
    assert speakers(text)[-1][0] == "Maisie Trelawny"


def test_the_report_said_is_the_person_named_as_its_author_after_a_long_role() -> None:
    text = (
        "A report by the council’s director of adult social services, Michael Lindqvist, said both buildings "
        "needed work.\n\nThe report said: “The current model of day services no longer reflects what people want.”"
    )
    assert [s for s, _ in speakers(text)] == ["Michael Lindqvist"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A midwife at the unit, who did not want to be named, told the BBC staff were exhausted.",
         "A midwife at the unit"),
        ("Inside, the nurse in charge, who asks not to be named, looks exhausted.", "the nurse in charge"),
        ("In the control room, 30 miles away, Dev Arora watches the numbers on the wall climb.", "Dev Arora"),
    ],
)
def test_she_or_he_says_after_the_person_a_feature_brings_in(sentence: str, speaker: str) -> None:
    pronoun = "he" if speaker == "Dev Arora" else "she"
    text = (
        "Jordan Pell, who started the petition, said families were angry.\n\n"
        f"{sentence}\n\n“Some nights there are two of us covering the whole ward,” {pronoun} says."
    )
    assert [s for s, _ in speakers(text)][-1] == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Retired postman Derek Holm, 81, was sent home after a hip replacement in January.", "Derek Holm"),
        ("The Conservative MP for Brackenford and Stallingham, Hugh Tarrant, called it a spreadsheet decision.",
         "Hugh Tarrant"),
    ],
)
def test_a_sentence_opening_with_a_description_then_the_name_introduces_who_he_is(sentence: str, speaker: str) -> None:
    text = f"Joan Mayhew said families were furious.\n\n{sentence}\n\n“I got home at half past ten at night,” he said."
    assert [s for s, _ in speakers(text)][-1] == speaker


def test_a_place_after_an_opening_phrase_is_not_a_person() -> None:
    text = (
        "Bridie Lenihan, 84, has waited five months for a carer.\n\n"
        "Back on Chapel Lane, Mrs Lenihan has the kettle on.\n\n“I'll wait,” she said. “I've waited longer for worse.”"
    )
    assert [s for s, _ in speakers(text)] == ["Bridie Lenihan"]


def test_adding_after_an_unnamed_source_said_is_that_source() -> None:
    text = (
        "A government source said ministers were confident of winning the vote, adding: "
        "“The Lords have had their say. The elected house will have the final word.”"
    )
    assert [s for s, _ in speakers(text)] == ["A government source"]


def test_she_after_a_sentence_about_a_named_persons_father_is_that_person() -> None:
    text = (
        "Dr Ian Hale said reviews were fair.\n\n"
        "Alex Brennan’s father, who has dementia, lost his funding after a review. She said it came as a shock.\n\n"
        "“Dad hadn’t got any better. If anything he was worse,” she said."
    )
    assert [s for s, _ in speakers(text)][-1] == "Alex Brennan"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("One nurse, who has worked on the unit for six years, said records were filled in late.", "One nurse"),
        ("A second whistleblower, a healthcare assistant, described it as normal.", "A second whistleblower"),
    ],
)
def test_an_unnamed_witness_introduced_as_one_of_several_is_who_she_is(sentence: str, speaker: str) -> None:
    text = (
        "Most said their shifts were short-staffed. Dr Ruth Ellery, the medical director, said care was safe.\n\n"
        f"{sentence}\n\n“You’d see someone sit down at 6am with a stack of forms,” she said."
    )
    assert [s for s, _ in speakers(text)][-1] == speaker


def test_one_bad_winter_is_nobody() -> None:
    text = (
        "Tom Reyes runs the only hospital for ninety miles.\n\n"
        "One bad winter could close it, he said.\n\n“I don’t say that to be dramatic,” he said."
    )
    assert [s for s, _ in speakers(text)] == ["Tom Reyes"]


def test_the_letter_said_is_its_unnamed_writer_not_the_paper_that_saw_it() -> None:
    text = (
        "Dr Ann Ledger said staffing was fine.\n\n"
        "In a letter to the trust’s chief executive in June, seen by the Courier, a consultant psychiatrist "
        "warned that staffing had fallen to “dangerous levels”.\n\n"
        "The letter said: “I can no longer give assurance that patients are being observed.”"
    )
    assert [s for s, _ in speakers(text)] == ["a consultant psychiatrist"]


def test_the_spokesperson_of_a_department_named_with_of_and_and_keeps_its_whole_name() -> None:
    text = (
        "A spokesperson for the Department of Health and Social Care said the government would respond.\n\n"
        "The spokesperson said: “Ambulance response times are improving, but there is more to do.”"
    )
    assert [s for s, _ in speakers(text)] == ["Department of Health and Social Care"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council leader, Yasmin Darr, was right when she told a meeting the council had become a care agency.",
        "The shadow health secretary, Yasmin Darr, accused the government of recycling old money.",
    ],
)
def test_a_sentence_opening_with_the_role_then_the_name_introduces_who_she_is(sentence: str) -> None:
    text = f"Cllr Nadia Ferreira said the figures were wrong.\n\n{sentence}\n\nShe went on: “We have cut everything.”"
    assert [s for s, _ in speakers(text)][-1] == "Yasmin Darr"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Alistair and Morag Lennie have lived in Corrie for 40 years. “We were told nothing,” said Mrs Lennie. "
         "“It is a scandal,” Mr Lennie added.", "Morag Lennie", "Alistair Lennie"),
        ("Hugh and Carys Bevan run the shop. “Nobody asked us what we thought of it,” Mr Bevan said. "
         "“We found out from a letter,” said Mrs Bevan.", "Hugh Bevan", "Carys Bevan"),
    ],
)
def test_a_couple_named_together_are_two_people(text: str, first: str, second: str) -> None:
    assert [speaker for speaker, _ in speakers(text)] == [first, second]


@pytest.mark.parametrize(
    "text",
    [
        "A statement from Ann Moss was read out by her solicitor, Tim Gale. It said: “We are heartbroken and we "
        "want answers from the trust.”",
        "Tim Gale, for the family, spoke first.\n\nIn an impact statement read to the inquest by Mr Gale, the "
        "patient’s sister, Ann Moss, described the last week of his life.\n\n“We are heartbroken and we want "
        "answers from the trust about what happened on that ward.”",
    ],
)
def test_who_reads_a_statement_out_did_not_write_it(text: str) -> None:
    assert speakers(text)[-1][0] == "Ann Moss"


def test_a_name_only_called_out_in_a_quote_is_not_who_she_is() -> None:
    text = ("Jo Pryor has been a district nurse for 20 years, and she still loves it. Her last visit is to Kyle, "
            "who lives with his mother.\n\nKyle rolls his eyes. “Mum,” he says. “I am in the room.”\n\nThe visit "
            "runs over. By the time Pryor gets back to the car it is dark.\n\n“Most weeks I think about leaving,” "
            "she says. “Then someone tells me their leg is better.”")
    assert speakers(text)[-1][0] == "Jo Pryor"


@pytest.mark.parametrize("opening", ["Consider Eleanor Waite.", "Meet Eleanor Waite."])
def test_she_who_speaks_of_mum_is_not_the_woman_brought_in_as_her_mother(opening: str) -> None:
    text = (f"Care home fees keep rising. {opening} Her mother, Joan, has lived at Larchmont for three years. Joan "
            "sold her bungalow to pay for it.\n\n“Mum worked at the post office for 40 years and never claimed a "
            "penny from anybody,” she says.")
    assert speakers(text) == [("Eleanor Waite", None)]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Care Inspectorate made an unannounced visit to Rowan House, which is run by Hillcrest Care, in June.\n\n"
         "Inspectors rated the home as weak.\n\nThe report said: “People had not been offered anything to drink for "
         "hours at a time.”", "Care Inspectorate"),
        ("Councils face bankruptcy, a Lords committee has warned. The Lords Public Services Committee's report, "
         "Holding the Line, was published today.\n\nThe report said: ‘Short-term grants have done nothing to put the "
         "system on a sustainable footing.’", "Lords Public Services Committee"),
        ("The Halden Institute’s Frontline Care Workforce Survey 2026, which gathered 6,412 responses, found that 42% "
         "plan to leave.\n\nIn its conclusions, the report states: “The sector is losing its most experienced "
         "people.”", "Halden Institute"),
    ],
)
def test_the_report_said_is_the_body_the_article_says_made_it(text: str, body: str) -> None:
    assert speakers(text) == [(body, None)]


@pytest.mark.parametrize(("writer", "speaker"), [("Caroline Hesketh, NHS England's regional director of finance",
                                                   "Caroline Hesketh"),
                                                  ("NHS England’s regional operations directorate", "NHS England")])
def test_the_memo_says_is_whoever_the_article_says_wrote_it(writer: str, speaker: str) -> None:
    text = ("The memo, sent last week to the chief executives of 23 trusts, warns of a deficit of £410m.\n\n"
            f"It was written by {writer}, and is marked official-sensitive.\n\n"
            "“Where trusts are delivering activity above plan, this should not continue,” the memo says.")
    assert [name for name, _ in speakers(text)] == [speaker]


def test_a_post_quoted_from_its_start_is_whoever_posted_it() -> None:
    """"It began:" after "she posted a long message": hers, not the surgery's named just before."""
    text = ("Amy Calloway, 41, has worked on the front desk at Riverside Lane Surgery for 11 years. On Monday evening "
            "she posted a long message on Facebook.\n\n"
            "It began: “To the man who called me a useless cow at 8.03 this morning: I heard you.”")
    assert [name for name, _ in speakers(text)] == ["Amy Calloway"]


def test_the_report_said_with_no_body_near_it_is_no_one_guessed() -> None:
    text = ("Our new report is based on a survey of 3,200 carers across the UK.\n\nThe report concludes: “The earnings "
            "limit is a cliff edge for thousands of carers every year.”")
    assert speakers(text)[0][0] == "The report"


def test_she_says_for_pages_in_a_profile_stays_with_the_woman_profiled() -> None:
    paragraphs = [
        "Sarah-Jane Kettlewell has been a district nurse for 26 years. In July she became chair of the college.",
        "“People ask me what a typical day looks like, and there isn't one,” she says.",
    ]
    for topic in ("caseloads", "rotas", "cars", "pensions", "training", "the winter"):
        paragraphs += [f"She has views on {topic}. They are firm. She does not hide them. Nobody expects her to.",
                       f"“We have been talking about {topic} for years and nothing ever changes,” she says."]
    found = speakers("\n\n".join(paragraphs))
    assert [speaker for speaker, _ in found] == ["Sarah-Jane Kettlewell"] * 7


@pytest.mark.parametrize(
    "text",
    [
        "The Rt Rev Jonathan Ashby, the Bishop of Wellmouth, who sits on the committee, asked about recruitment.\n\n"
        "The bishop said he had visited care homes all summer.\n\n“What struck me most was how tired everybody "
        "was,” he said.",
        "The Bishop of Wellmouth, the Rt Rev Jonathan Ashby, has written to the board. In his letter he wrote: "
        "‘Rural communities are already losing their shops, their pubs and their buses.’",
    ],
)
def test_a_bishop_of_a_place_is_the_man_named_not_the_place(text: str) -> None:
    assert speakers(text)[-1] == ("Jonathan Ashby", "Bishop of Wellmouth")


def test_the_report_from_a_body_is_not_the_bodies_it_counts() -> None:
    text = ("Thousands of older people are stuck in hospital, according to a new report from the Hartwell Trust.\n\n"
            "The report draws on responses from 94 NHS trusts and interviews with 61 families.\n\nThe report said: "
            "“Every extra day in a hospital bed costs an older person muscle strength and confidence.”")
    assert speakers(text) == [("Hartwell Trust", None)]


def test_a_word_after_a_possessive_name_is_not_a_name_of_its_own() -> None:
    text = ("The survey was carried out by the Queen’s District Nursing Foundation.\n\nDame Rosalind Achebe, its chief "
            "executive, said: ‘These findings should worry anyone. District nurses are the reason many people can stay "
            "at home.’\n\n‘Nurses’ pay has fallen behind, and goodwill is not a workforce plan,’ she added.")
    assert speakers(text)[-1][0] == "Rosalind Achebe"


def test_the_statement_said_after_in_a_statement_her_daughter_x_is_the_daughter() -> None:
    text = ("Mrs Ainsworth had been at high risk of falls.\n\nIn a victim impact statement read to the court, her "
            "daughter, Gillian Marsh, said the family had been robbed of a goodbye.\n\n“Mum spent her whole working "
            "life looking after other people's children,” the statement said.")
    assert speakers(text) == [("Gillian Marsh", "her daughter")]


def test_a_quote_opening_on_mum_is_not_given_to_her_mother() -> None:
    text = ("When Nkechi Adeyemi-Hart started looking after her mother at 22, nobody called her a carer.\n\n"
            "Describing those years, she explained: “Mum had a stroke when I was in my final year at university.”")
    assert speakers(text)[0][0] == "Nkechi Adeyemi-Hart"


def test_she_said_after_we_asked_someone_a_question_is_who_was_asked() -> None:
    text = ("Baroness Alderney-Fisk posted that the limit should rise with wages.\n\nWe asked Bethan what she "
            "would say to ministers now.\n\n‘Come and do one night with us,’ she said. ‘Then tell me it works.’")
    assert speakers(text)[0][0] == "Bethan"


@pytest.mark.parametrize("mark", ["’", "'"])
def test_the_body_whose_conclusion_a_sentence_is_about_speaks_for_the_report_without_its_possessive(mark: str) -> None:
    text = ("The minister says the government will not be rushed.\n\n"
            f"The Calder Trust{mark}s conclusion is blunter than anything I was allowed to write.\n\n"
            "“Every year of delay,” the report says, “is a year in which experienced staff leave.”")
    assert speakers(text) == [("Calder Trust", None)]


def test_the_report_said_after_last_thursday_the_institute_published_its_analysis_is_the_institute() -> None:
    text = ("Last Thursday the Foxhollow Institute published its annual analysis of board finances. It makes grim "
            "reading. Thirteen boards ended the year in deficit.\n\nThe report said: “The combined shortfall is now "
            "large enough that services will be reduced.”")
    assert speakers(text) == [("Foxhollow Institute", None)]


@pytest.mark.parametrize("action", ["She laughs.", "She pauses for a long time."])
def test_a_quote_after_she_laughs_is_hers(action: str) -> None:
    text = ("Sarah-Jane Kettlewell has been a district nurse for 26 years. She chairs the college.\n\nWhat would she "
            f"say to a student nurse?\n\n{action} “Come and spend a day with us. You will never want to leave.”")
    assert speakers(text) == [("Sarah-Jane Kettlewell", None)]


def test_a_quote_after_he_did_something_on_a_named_day_is_his() -> None:
    text = ("Jamie Whitlock, whose twins were born early, said the charity had helped. “We were 40 miles away,” he "
            "said.\n\nMr Whitlock, who now volunteers for the charity, said both girls were healthy.\n\n"
            "He was among the parents invited to the opening on Tuesday. “Walking round the rooms, I kept thinking "
            "of the families.”")
    assert [s for s, _ in speakers(text)] == ["Jamie Whitlock", "Jamie Whitlock"]


@pytest.mark.parametrize(("lead", "speaker"), [
    ("Lunch is a meal deal eaten in a lay-by, waiting for enough signal to upload her notes.", "Siobhan Garvey"),
    ("The drive back takes forty minutes, and his radio stays off the whole way.", "Arthur Pell"),
])
def test_a_quote_after_a_sentence_that_names_no_one_but_speaks_of_her_is_hers(lead: str, speaker: str) -> None:
    text = ("Siobhan Garvey has been a district nurse for 22 years. Arthur Pell, 91, is her first visit.\n\n"
            "“Siobhan is the only one who does not try to talk me round,” Arthur says.\n\n"
            f"“Half of this job is noticing,” Garvey says.\n\n{lead} “I do an hour of paperwork every three hours.”")
    assert speakers(text)[-1] == (speaker, None)


def test_a_quote_after_the_writers_question_and_her_pause_is_hers() -> None:
    text = ("Sarah-Jane Kettlewell has been a district nurse for 26 years. Her husband Tom is a paramedic.\n\n"
            "“Tom says I bring the work home,” she says.\n\nDoes it wear her down? She pauses for long enough that "
            "the pause becomes part of the answer.\n\n“Of course. I cry in the car, most weeks.”")
    assert speakers(text) == [("Sarah-Jane Kettlewell", None), ("Sarah-Jane Kettlewell", None)]


def test_he_says_after_a_man_named_only_as_whom_she_meets_is_him() -> None:
    text = ("Jo Pryor has been a district nurse for 20 years, and she loves it.\n\nAt the health centre she meets her "
            "colleague Tomasz Nowak, a staff nurse who joined from a hospital ward, to hand over a patient.\n\n“On the "
            "ward you always have someone down the corridor to ask,” he says.")
    assert [name for name, _ in speakers(text)] == ["Tomasz Nowak"]


def test_she_says_far_from_any_name_in_a_profile_is_the_woman_it_names_most() -> None:
    opening = ("Naomi Castellanos runs the only emergency department for ninety miles. Castellanos trained in Leeds. "
               "Castellanos still works nights.")
    filler = " ".join(f"The {n} ward has {n} beds and {n} trolleys." for n in ("first", "second", "third", "fourth",
                                                                          "fifth", "sixth", "seventh", "eighth"))
    text = f"{opening}\n\n{filler} {filler}\n\n“Every week somebody comes in at two in the morning,” she says."
    assert speakers(text) == [("Naomi Castellanos", None)]


def test_quickfire_answers_are_the_guests_not_the_hosts_or_the_magazines() -> None:
    text = (
        "Dame Eluned Harcourt spent six years as chief inspector. On this week's episode of the Care Sector Insider "
        "podcast, she talks to Jaspreet Dhillon about the workforce.\n\n"
        "Kwabena Asante-Darko, a registered manager, also joins the episode. Asante-Darko says recruitment is hard.\n\n"
        "Quickfire questions\n\n"
        "At the end of every episode, Dhillon puts the same three questions to each guest. Dame Eluned's answers have "
        "been lightly edited for this page.\n\n"
        "Q: If you were health secretary for a day, what would you do first?\n\n"
        "A: Announce a national minimum rate of pay for care workers, linked to the NHS pay scale.\n\n"
        "Q: What's the most underrated job in social care?\n\n"
        "A: The night-shift carer. Nobody sees them, and they hold everything together."
    )
    assert {q.speaker for q in extract_quotes(text)} == {"Eluned Harcourt"}


def test_she_says_far_from_any_name_counts_a_dame_called_by_her_first_name_as_her() -> None:
    filler = " ".join(f"The {n} home has {n} beds." for n in ("first", "second", "third", "fourth", "fifth", "sixth",
                                                                  "seventh", "eighth", "ninth", "tenth", "last"))
    text = (f"Dame Eluned Harcourt was chief inspector for six years. Dame Eluned is blunt. Dame Eluned is tired.\n\n"
            f"{filler} {filler}\n\n“That is exactly the point of the whole exercise,” she said.")
    assert speakers(text) == [("Eluned Harcourt", None)]


def test_a_titled_name_after_a_place_with_of_is_the_speaker() -> None:
    text = ("NHS England's regional medical director for the East of England Dr Chidi Onwuemene said: “Community "
            "diagnostic centres are a key part of our plan to bring down waiting times.”")
    assert speakers(text)[0][0] == "Chidi Onwuemene"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Chief executive Rachel Okoro from the campaign group Patients First said: “What happened to Peggy is "
         "happening to thousands of older people every week.”", "Rachel Okoro"),
        ("The charity Carers Forward said: “We are seeing more carers than ever who cannot cope with the cost.”",
         "Carers Forward"),
    ],
)
def test_a_name_after_the_kind_of_body_it_is_is_that_body(text: str, speaker: str) -> None:
    assert speakers(text)[0][0] == speaker


def test_a_first_name_opening_a_clause_after_a_comma_is_who_she_is() -> None:
    text = ("Fiona MacRae cares for her mother in Invercraig.\n\nA Scottish Government spokeswoman said: “We recognise "
            "the pressures facing social care in rural areas.”\n\nBack in Invercraig, Fiona has been told that a carer "
            "may start visiting her mother in January.\n\n“We're the care system now, me and them,” she says.")
    assert speakers(text)[-1][0] == "Fiona MacRae"


def test_a_place_owning_something_at_the_start_of_a_sentence_is_not_who_she_is() -> None:
    text = ("Dame Eunice Abara-Whitfield arrived at Kingsbrook as deputy chief nurse in 2009.\n\nThe pandemic, she "
            "says, was the hardest time. Kingsbrook's intensive care capacity tripled in three weeks.\n\n‘Nurses are "
            "very good at looking after everyone except themselves,’ she admits.")
    assert speakers(text)[-1][0] == "Eunice Abara-Whitfield"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Lord Ravensworth, who chaired the last review, said: “We do not lack answers.”\n\n“We lack the will,” "
         "Ravensworth added.", "Lord Ravensworth"),
        ("Baroness Thirlwell welcomed the report. “We made 22 recommendations,” she said.",
         "Baroness Thirlwell"),
        ("Ravensworth Holdings said: “We will appeal against this decision and we expect to win.”",
         "Ravensworth Holdings"),
    ],
)
def test_a_peer_known_by_title_and_name_keeps_the_title(text: str, speaker: str) -> None:
    assert {name for name, _ in speakers(text)} == {speaker}


def test_a_patron_named_after_a_possessive_is_who_she_is() -> None:
    text = ("Our patron, Jane Stainforth, raised the issue in July. She urged ministers to act.\n\n“If these children "
            "were placed with strangers, we would pay for their care,” she told peers.")
    assert speakers(text)[-1][0] == "Jane Stainforth"


GP_PROFILE = ("“I always said I'd work until they carried me out,” Dr Alun Pryce-Morgan said.\n\n{between}\n\n"
              "“When I started, there were four of us here. For the last 18 months it has been me and a series of "
              "locums, and that is not the continuity patients deserve.”")


def test_a_quote_under_a_line_of_narrative_that_names_no_one_else_goes_on_with_the_last_speaker() -> None:
    text = GP_PROFILE.format(between="The practice has tried and failed to recruit a partner to take over from him.")
    assert [name for name, _ in speakers(text)] == ["Alun Pryce-Morgan", "Alun Pryce-Morgan"]


@pytest.mark.parametrize(
    "between",
    [
        "The new surgery was opened on Wednesday by the Rt Rev Dr Simon Achebe-Laird.",
        "When we were kids, my grandmother used to take us to the surgery with her.",
    ],
)
def test_a_quote_under_narrative_naming_someone_else_is_not_given_to_the_last_speaker(between: str) -> None:
    assert speakers(GP_PROFILE.format(between=between))[-1][0] != "Alun Pryce-Morgan"


def test_a_name_set_off_by_commas_after_an_opening_clause_is_who_the_next_quote_is_from() -> None:
    text = ("When I visited last month, its owner, Malcolm Reddy, showed me the figures. The council pays £842 a "
            "week for a room.\n\n“If I charged everyone what the council pays, I would close within a year. Every "
            "self-funder here is subsidising a council-funded resident down the corridor.”")
    assert speakers(text)[0][0] == "Malcolm Reddy"


@pytest.mark.parametrize(
    "text",
    [
        ("Grace Oduya works in Harrowden. She told the Ledger she was tired.\n\nThe Ledger spent a year following "
         "Oduya through early shifts.\n\nHer hourly rate is £12.85. “I did the maths once on a bad week and it came "
         "to less than that,” she says."),
        ("Grace Oduya works in Harrowden. She found a client on the floor last winter.\n\n“I was sat on a carpet "
         "holding a man’s hand. That’s the job. Nobody writes that bit down.”\n\nAsked whether she will leave, she "
         "is quiet for a long time.\n\n“Every January I say this is the year,” she says eventually."),
    ],
)
def test_a_paper_called_the_x_and_nobody_are_not_who_she_is(text: str) -> None:
    assert speakers(text)[-1][0] == "Grace Oduya"


@pytest.mark.parametrize("verb", ["laughs", "sighs", "whispers", "murmured", "shouts"])
def test_a_quote_she_laughs_or_sighs_is_hers(verb: str) -> None:
    text = ("Marian Lockhart has been a ward sister for 40 years. Her consultant, Dr Peter Hale, says the unit would "
            f"close without her.\n\n“That is true. He was a very bad hider, and he knows it,” she {verb}.")
    assert speakers(text)[-1][0] == "Marian Lockhart"


def test_an_interviews_answers_are_by_the_guest_its_first_question_calls_by_name() -> None:
    text = (
        "This week Tom sits down with Bernadette Hollis, chief executive of the charity Kinship Carers Network.\n\n"
        "Kinship Carers Network runs the Kinship Carers helpline, and Kinship Carers groups meet in 40 towns.\n\n"
        "Transcript excerpt (edited)\n\n"
        "Q: Bernadette, your charity's new report counts five million carers. What does that look like?\n\n"
        "A: It looks like your neighbour. Most carers don't call themselves carers at all.\n\n"
        "Q: What keeps you going?\n\n"
        "A: Carers do. Honestly. I meet people who have been up four times in the night."
    )
    assert {q.speaker for q in extract_quotes(text)} == {"Bernadette Hollis"}


def test_someone_we_hear_from_is_who_the_quote_after_is_by() -> None:
    text = ("This week Tom sits down with Bernadette Hollis, chief executive of Kinship Carers Network.\n\n"
            "We also hear from Daniel Okoro, 52, from Ashby Marsh, who gave up his job as a bus driver to look after "
            "his wife, Grace, after her stroke. “People say I'm a saint. I'm not a saint, I'm a husband who's very "
            "tired,” he tells us.")
    assert speakers(text) == [("Daniel Okoro", None)]


def test_a_letter_sent_by_a_bodys_officer_is_the_body_without_its_possessive() -> None:
    text = ("The letter, sent to ICB chief executives on Friday by NHS England’s chief financial officer, says the "
            "savings are needed.\n\nIt adds: ‘We recognise this is a significant ask of systems that have already "
            "undergone substantial organisational change.’")
    assert speakers(text) == [("NHS England", None)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("At our Sowerton group I met Maureen, who is 76 and cares for her husband.", "Maureen"),
        ("Last week a patient I will call Margaret, who is in her seventies, came to the desk in tears.", "Margaret"),
        ("When I spoke to Mrs Pritchard by phone a week later, she wanted the crew to know.", "Pritchard"),
    ],
)
def test_someone_the_writer_meets_is_who_the_next_she_is(sentence: str, name: str) -> None:
    text = ("Jo Castellano runs the charity. She said carers were exhausted.\n\n"
            f"{sentence} “I haven't had a full night's sleep since 2023, not one,” she said.")
    assert speakers(text)[-1][0].endswith(name)


def test_a_grandchild_named_with_the_relation_is_a_role_not_part_of_the_name() -> None:
    text = ("War widow Edna Pryce was taken to hospital after a fall.\n\nGranddaughter Shannon Pryce, 34, who stayed "
            "by her side, said: “My nan served this country her whole life. She deserved better than a corridor.”")
    assert speakers(text) == [("Shannon Pryce", "granddaughter")]


def test_a_sentence_about_a_named_persons_injury_keeps_her_in_mind() -> None:
    text = ("Grace Oduya has been a home carer in Harrowden for 14 years.\n\nLinda Marsh, whose mother Irene is 88, "
            "said: “Mum has dementia, and new people frighten her. Mum stopped eating when Grace was off.”\n\n"
            "Oduya’s back injury kept her off work for five weeks on statutory sick pay.\n\n"
            "“That was a frightening time,” she admits. “You don’t have savings on this money.”")
    assert speakers(text)[-1][0] == "Grace Oduya"


def test_a_statement_a_body_said_something_in_is_that_bodys_when_it_adds_more() -> None:
    text = ("Healthway Pharmacies said in a statement that the decision had been “extremely difficult”.\n\n"
            "“We understand this news will be disappointing for our customers in Millbeck, and prescriptions will "
            "continue from our Westbrook branch,” the statement added.")
    assert speakers(text) == [("Healthway Pharmacies", None)]


@pytest.mark.parametrize(
    "introduced",
    ["the Rt Rev Jonathan Ashdown-Pryce, the Bishop of Wensley,", "the Bishop of Wensley, the Rt Rev Jonathan "
     "Ashdown-Pryce,"],
)
def test_the_bishop_is_the_one_person_named_as_bishop_even_far_off(introduced: str) -> None:
    text = (f"We were joined by {introduced} who sits on a cross-party group. He spoke about parishioners.\n\n"
            "Dr Folake Whitlock said: “The backlog is growing every month.”\n\n"
            "“Loss of sight is so often loss of independence, of confidence and of company,” the bishop said.")
    assert speakers(text)[-1][0] == "Jonathan Ashdown-Pryce"


def test_the_report_is_no_persons_office() -> None:
    text = ("Philippa Corran, the report's author, spoke at the launch.\n\nThe report said: “Handover delays are no "
            "longer an exception confined to the worst days of winter.”")
    assert speakers(text)[-1][0] != "Philippa Corran"


def test_an_unattributed_phrase_in_the_narrative_does_not_break_a_profiles_run_of_quotes() -> None:
    text = ("Leanne Hobbs cares for her mother and her son.\n\n“Mum can't be left on her own now. She falls, she gets "
            "confused at night,” Leanne says.\n\nShe describes her life as “spinning plates in the dark” and says she "
            "has been on antidepressants since the spring.\n\n“I love them both to bits. But I'm not superhuman. I "
            "just need someone to notice that I'm here too.”")
    assert speakers(text)[-1][0] == "Leanne Hobbs"


def test_a_place_called_after_a_saint_is_not_who_she_is() -> None:
    text = ("It is the hour, Maureen Ashdown says, when people most often die.\n\nThis month St Aidan's marks 40 years "
            "since it opened its first eight beds.\n\n“I remember a man on that ward who died on his own at the end "
            "of a bay,” she says.")
    assert speakers(text)[-1][0] == "Maureen Ashdown"


def test_a_relative_left_unnamed_is_not_the_nearest_person() -> None:
    text = ("Prosecuting, Siân Merriman said the alarm had been off for weeks.\n\nIn a statement read to the court, "
            "the woman's son said: “We chose the home because we were told Mam would be safe there.”")
    assert speakers(text)[-1][0] != "Siân Merriman"


@pytest.mark.parametrize(("text", "speaker"), [
    ("A nurse from Leeds said: “I spent a twelve-hour shift looking after eleven patients in a corridor.”",
     "A nurse from Leeds"),
    ("One emergency department nurse in the north of England wrote: “I spent a twelve-hour shift looking after "
     "eleven patients in a corridor.”", "One emergency department nurse in the north of England"),
    ("An ICB chair in the North East summed it up: “Integration is not a structure. It is a set of relationships.”",
     "An ICB chair in the North East"),
])
def test_an_unnamed_person_and_where_they_are_is_the_speaker_not_the_place(text: str, speaker: str) -> None:
    assert speakers(text) == [(speaker, None)]


def test_a_role_before_a_name_holds_no_verb_of_the_sentence() -> None:
    text = ("The centre was opened by ICB chair Dame Patricia Holt, who said: “This is exactly what patients tell us "
            "they want: quicker tests, in a place they can easily get to.”")
    assert speakers(text) == [("Patricia Holt", "ICB chair")]


def test_a_quote_after_a_sentence_about_her_in_her_paragraph_is_hers() -> None:
    text = ("Dionne Achterberg runs a matchmaking service for care workers. “Every name on that board is a deadline,” "
            "she says.\n\nShe is blunt about the employers who caused the problem. “Some of them should never have "
            "been allowed near a vulnerable adult, let alone a work visa.”")
    assert speakers(text) == [("Dionne Achterberg", None), ("Dionne Achterberg", None)]


@pytest.mark.parametrize(("text", "role"), [
    ("Dr Gwen Pritchard, the health board's chief executive, said: “We accept this decision in full and will work "
     "with the government.”", "the health board's chief executive"),
    ("Dr Gwen Pritchard, the CQC's chief inspector, said: “We accept this decision in full and will work with the "
     "government.”", "the CQC's chief inspector"),
    ("Dr Gwen Pritchard, the Hearthside Trust's chief executive, said: “We accept this decision in full and will "
     "work with the government.”", "Hearthside Trust's chief executive"),
    ("The study was run with Later Life Links, whose chief executive, Gwen Pritchard, said: “We accept this decision "
     "in full and will work with the government.”", "chief executive"),
])
def test_a_role_owned_by_a_body_in_lower_case_keeps_its_article(text: str, role: str) -> None:
    """"Gwen Pritchard, health board's chief executive" reads as a slip: "the" belongs to "health board"."""
    assert speakers(text) == [("Gwen Pritchard", role)]


def test_one_who_asked_not_to_be_named_is_no_one_called_one() -> None:
    text = ("Care workers also spoke of their shock. One, who asked not to be named, said staff were told by text. "
            "“We do not know if we will be paid for November, and some of us have worked there for years,” she said.")
    assert "One" not in [name for name, _ in speakers(text)]


def test_a_person_named_by_a_given_name_alone_has_that_names_gender() -> None:
    """"Keith died … She found him." gives Keith a "she" after his name; his name says he is a man, so the
    interviewee's "she says" is hers."""
    text = ("Bernadette Quayle, 61, has run The Larches since 1996. She bought it with her late husband, Keith.\n\n"
            "Keith died at The Larches in 2020, during the first wave of the pandemic. She found him.\n\n"
            "‘I don’t think I grieved properly for about two years,’ she says quietly. ‘There wasn’t time.’")
    assert speakers(text) == [("Bernadette Quayle", None)]


def test_a_nominal_subject_does_not_run_back_over_a_verb() -> None:
    text = ("Mrs Marsh was scalded in a bath at the home in March. One of the care assistants said in a statement read "
            "to the court that Mrs Marsh had 'cried out' as she was lowered into the water.")
    assert all("said" not in (q.speaker or "") for q in extract_quotes(text))


def test_another_resident_who_gave_a_first_name_is_the_she_of_the_next_quote() -> None:
    text = ("Pat Loughlin, 74, said she did not drive. “I don’t know how I will get to a doctor now that the surgery "
            "is closing.”\n\nAnother resident, who gave her name only as Sandra, said she had been “told to ring 111” "
            "when she couldn’t get through.\n\n“It’s not the staff’s fault, they’re lovely,” she added. “But it feels "
            "like the village is being written off.”")
    assert speakers(text)[-1] == ("Sandra", "Another resident")


def test_a_person_presented_by_a_common_given_name_alone_is_the_she_of_the_next_quote() -> None:
    text = ("Femi Adeleke, our chief executive, said the review was overdue.\n\nAmong those who spoke out was "
            "Lorraine, who cares for her son in Dunmore. “I felt like a criminal,” she told us. “I’d done nothing "
            "wrong except earn a few pounds over the limit in some weeks.”")
    assert speakers(text)[-1][0] == "Lorraine"


def test_one_unnamed_worker_who_tells_the_paper_is_the_she_of_the_next_quote() -> None:
    text = ("One care worker told CareWork Today she had found out from a messaging group.\n\n‘Nobody from the company "
            "called us,’ she said. ‘I paid nearly £9,000 to come here. I have a daughter at school here.’")
    assert speakers(text) == [("One care worker", None)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("One hospital chief executive, Aled Prosser of Fenwick General, said: “We opened the unit because we were "
     "told to, not because we had the staff.”", "Aled Prosser"),
    ("One hospital chief executive, Aled Prosser of Fenwick General, was blunt: “We opened the unit because we "
     "were told to, not because we had the staff.”", "Aled Prosser"),
    ("Another caller, Tony from Hesketh Moor, said he paid privately now. “I’m a pensioner. I put a filling on a "
     "credit card,” he said.", "Tony"),
])
def test_a_name_set_off_after_a_role_is_the_speaker_with_where_they_work_after_it(text: str, speaker: str) -> None:
    assert speakers(text)[-1][0] == speaker


@pytest.mark.parametrize("nominal", ["Its operator", "The home’s owner"])
def test_a_body_named_after_a_nominal_that_stands_for_it_is_the_speaker(nominal: str) -> None:
    text = f"{nominal}, Sallowby Care Group, said: ‘We are appalled by what a former employee did.’"
    assert speakers(text) == [("Sallowby Care Group", None)]


@pytest.mark.parametrize("verb", ["fumed", "sobbed", "raged", "snapped"])
def test_a_popular_papers_verbs_of_speech_attribute_a_split_quote(verb: str) -> None:
    text = ("Joan’s daughter Karen Bridger, 61, has complained to the trust.\n\nJoan was sent home at 2.40am and "
            "her tablets were not in her bag.\n\n“We got a call at 3am to say she was home,” Karen "
            f"{verb}. “On her own, in the dark, in December.”")
    assert speakers(text)[-1][0] == "Karen Bridger"


def test_a_person_a_party_of_two_words_owns_is_the_speaker_not_the_party() -> None:
    text = ("Scottish Labour’s Kirsten Adair, who sits on the health committee, added: “These numbers should shame "
            "ministers into action.”")
    assert speakers(text) == [("Kirsten Adair", None)]


def test_the_statement_a_firms_spokesperson_gave_speaks_for_the_firm_by_its_full_name() -> None:
    text = ("Ellen works for Pellham Care Services, which runs homes in four counties.\n\n"
            "The paper has spoken to 12 care workers and read 200 rotas. On average, rotas allowed four minutes of "
            "travel.\n\nPellham is owned by Arden Capital, which bought it in 2021. It paid £3m in interest last year."
            "\n\nIn a statement, a Pellham spokesperson said the firm ‘takes every concern seriously’.\n\n"
            "‘We do not recognise the figures, which come from a handful of rotas,’ the statement said.")
    assert speakers(text) == [("Pellham Care Services", None)]


@pytest.mark.parametrize("subject", [
    "Intervening, Labour's Dr Anil Mehta (Holbeck Vale), a former GP,",
    "Labour's Dr Anil Mehta, a former GP,",
])
def test_a_party_owning_a_titled_name_gives_the_person(subject: str) -> None:
    text = f'{subject} said: "With respect, hospices were in trouble long before last year\'s Budget."'
    assert speakers(text)[0][0] == "Anil Mehta"


@pytest.mark.parametrize(("subject", "unnamed"), [
    ("One patient we spoke to outside the surgery this morning said:", "One patient"),
    ("A nurse I met on the ward last week told me:", "A nurse"),
])
def test_someone_unnamed_the_writer_met_is_the_speaker_not_the_place(subject: str, unnamed: str) -> None:
    text = f"{subject} ‘It’s disgraceful. They build 300 new houses down the road and take the doctors away.’"
    assert speakers(text) == [(unnamed, None)]


@pytest.mark.parametrize(("subject", "unnamed"), [
    ("The paramedic who took her to hospital said:", "The paramedic"),
    ("The consultant who operated on my son told me:", "The consultant"),
    ("The nurse who treated her told the inquest:", "The nurse"),
    ("The court heard that a consultant who treated her said in a report:", "a consultant"),
])
def test_someone_known_by_what_they_did_is_the_speaker_not_the_object_of_the_clause(subject: str, unnamed: str) -> None:
    text = f"{subject} “It was the worst night of my career and I will never forget it.”"
    assert speakers(text) == [(unnamed, None)]


def test_an_interviews_answers_in_quote_marks_are_the_interviewees_and_the_narrative_after_is_not() -> None:
    text = (
        "Ruth Okafor took over as chief executive of the Carers Alliance in May. She talks to Dan Price in this "
        "interview about rationed visits.\n\n"
        "What surprised you most about the national job?\n\n"
        "How little some decision makers know about a home care visit. I don't say that to be rude.\n\n"
        "What are providers raising with you most?\n\n"
        "‘Fees, without question. The rate councils pay our members is £23.40 an hour, and I know it costs more.’\n\n"
        "And to the minister?\n\n"
        "‘Come out with me on a double-up call on a Sunday morning in the rain, and then tell me it's cheap.’\n\n"
        "Responding to the interview, a spokesperson for the Local Government Association said councils faced "
        "rising demand."
    )
    assert [(q.speaker, q.text[:8]) for q in extract_quotes(text)] == [
        ("Ruth Okafor", "How litt"), ("Ruth Okafor", "Fees, wi"), ("Ruth Okafor", "Come out")]


@pytest.mark.parametrize("member", ["the MSP for Carrick Moor", "the MP for Wenmouth and Dale", "the MS for Glanrhyd"])
def test_the_member_for_a_seat_is_the_named_person_not_the_seat(member: str) -> None:
    text = f"Health spokeswoman Alison Kerr, {member}, said: “This is a damning verdict on years of promises.”"
    assert [(name, (role or "").lower()) for name, role in speakers(text)] == [("Alison Kerr", "health spokeswoman")]


def test_someone_presented_where_they_lie_is_whom_the_next_she_means() -> None:
    text = (
        "At 3am the corridor held 14 trolleys. On one of them, wrapped in a foil blanket, was Maureen Tildesley, an "
        "84-year-old former school cook who had fallen in her kitchen.\n\n"
        "She had been there for 22 hours. Every few minutes somebody pushed the door open.\n\n"
        "“I keep apologising to the nurses,” she said."
    )
    assert speakers(text) == [("Maureen Tildesley", None)]


def test_a_person_named_just_before_outranks_a_spokesperson_further_back() -> None:
    text = (
        "A spokesperson for the Department of Health added: “No patient should be treated in a corridor.”\n\n"
        "Back in the corridor, shortly after 5am, a porter arrived for Maureen Tildesley. A bed had come free.\n\n"
        "“Twenty-four hours,” she said. “I’ve had better birthdays.”"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Department of Health", "Maureen Tildesley"]


def test_a_place_named_after_the_is_no_one_a_pronoun_can_mean() -> None:
    text = (
        "A spokesperson for the health board said: “We are delighted with the new centre.”\n\n"
        "The centre stands on the site of the former Glan Tarren colliery. It opens on Monday.\n\n"
        "“Faster diagnosis saves lives,” she said."
    )
    assert [q.speaker for q in extract_quotes(text)][1] != "Glan Tarren"


def test_a_street_is_no_one_a_pronoun_can_mean() -> None:
    text = (
        "When Kieran first walked through the door of our café on Wharf Street last autumn, he almost went home.\n\n"
        "“I’d been standing across the road for twenty minutes,” he says."
    )
    assert speakers(text) != [("Wharf Street", None)]


def test_a_profile_of_someone_named_by_first_name_alone_gives_him_his_later_he_says() -> None:
    text = (
        "Kieran lost his business in the pandemic. By the time Kieran came to us, he says, he had stopped talking.\n\n"
        "Our café is open from 6pm to midnight. You don’t need a referral. You don’t need to explain yourself.\n\n"
        "Deborah Nwosu, who runs the café, remembers that night. “He sat in the corner and said nothing,” she says. "
        "“We don’t push. Our job is to make people feel safe. Once he started talking, he didn’t stop.”\n\n"
        "Over the following months Kieran came back most weeks. With support from the team he was referred to our "
        "Next Steps peer support group, and he has now been sober for seven months.\n\n"
        "“The group was the big thing for me,” he says."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Deborah Nwosu", "Kieran"]


def test_a_spokesperson_whose_office_is_named_speaks_the_quote_under_the_report_of_their_words() -> None:
    text = (
        "The prime minister's official spokesperson told reporters this afternoon that there were no plans for "
        "talks.\n\n"
        "\"The health secretary has made a fair offer. The union should call off this strike.\""
    )
    assert speakers(text) == [("The prime minister's official spokesperson", None)]


def test_each_pull_quote_belongs_to_the_credit_line_under_it() -> None:
    text = (
        "In this episode we go out on a round with the virtual ward team.\n"
        "Highlights\n"
        "“When you walk into someone’s house you learn more in five minutes than in three days on a ward.”\n"
        "— Joanne Kelsall, lead nurse\n"
        "“It isn’t cheaper care and it isn’t a way of emptying beds by the back door.”\n"
        "— Dr Tom Akintola, consultant geriatrician\n"
        "The show is produced by Sam Okoro."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Joanne Kelsall", "Tom Akintola"]


def test_a_road_named_after_on_is_no_one_a_pronoun_can_mean() -> None:
    text = (
        "Kenbury's flood warden, Cllr Terry Vosper, said residents on Mill Lane had been warning about the risk.\n\n"
        "\"This is the third time in five years that the river has come over,\" he said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Terry Vosper"]


@pytest.mark.parametrize("subject", [
    "Local Member of the Senedd Rhodri Bevan",
    "Chair of the Health and Social Care Committee Rhodri Bevan MP",
])
def test_a_capitalised_office_of_a_body_before_the_name_leaves_the_named_person_the_speaker(subject: str) -> None:
    text = (f"A spokesperson for Glanmor Care said the company accepted the findings.\n\n{subject} said he had "
            "written to the company.\n\n‘Families need to know their loved ones are safe at night,’ he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Rhodri Bevan"]


def test_a_capitalised_professorship_at_a_place_is_a_role_not_a_name() -> None:
    text = ("Lead author Professor Catherine Adeyemi, Professor of Clinical Neuroscience at Northgate, said: "
            "“Parkinson’s is the fastest-growing neurological condition in the world.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Catherine Adeyemi"]


@pytest.mark.parametrize("subject", [
    "Dr Helen Tranter, Regional Medical Director, NHS England, said:",
    "Dr Helen Tranter, regional medical director, NHS England – East of England, said:",
])
def test_a_person_given_a_role_and_then_a_body_between_commas_is_the_speaker(subject: str) -> None:
    text = f"{subject} \"Community diagnostic centres are one of the best ways to bring down waiting times.\""
    assert [q.speaker for q in extract_quotes(text)] == ["Helen Tranter"]


def test_people_in_general_are_no_one_a_later_she_says_can_mean() -> None:
    text = (
        "Ms Jennings reopened the discharge lounge. ‘People said we couldn’t afford to open it,’ she says.\n\n"
        "‘People said it again last week. My view was that we couldn’t afford not to.’\n\n"
        "On finances she is more cautious.\n\n"
        "‘I am not going to pretend this will be painless,’ she says."
    )
    assert {q.speaker for q in extract_quotes(text)} == {"Jennings"}


@pytest.mark.parametrize("group", ["Ashcombe Silver Band", "Fenmouth Community Choir", "Wenmouth Youth Orchestra"])
def test_a_band_or_choir_that_played_is_no_one_a_later_she_means(group: str) -> None:
    text = (f"Dr Pam Goodliffe retired on Friday. {group} played a selection of tunes at her party.\n\n"
            "“Sleep, mainly,” she laughed.")
    assert [q.speaker for q in extract_quotes(text)] != [group]


def test_she_just_said_is_hers() -> None:
    text = ("My supervisor, Kerry-Ann Doyle, has been brilliant. When I told her about it the next morning, she just "
            "said: “Good. It means you still care.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Kerry-Ann Doyle"]


def test_a_body_named_with_a_capitalised_later_is_a_body_in_an_appositive_not_a_person() -> None:
    """"the Centre for Later Life, a charity that …" names where Dr Roe works: "Later" is a word of its name here,
    not the "Later" that opens a sentence, so "Life" is no person to say the quote."""
    text = ("Dr Ann Roe, the director of the Centre for Later Life, a charity that has long campaigned for a cap, said "
            "the plan was late.\n\n‘We have had two white papers and no money,’ she said.")
    assert [s for s, _ in speakers(text)] == ["Ann Roe"]


def test_the_former_job_the_writer_gives_someone_just_named_is_theirs() -> None:
    """"the former cattle haulier" is the writer's other name for Eugene McKee, named a paragraph before, though the
    article gave no one that job."""
    text = ("Eugene McKee, 71, from Drumcolla, has waited three years for a new hip.\n\n"
            "“Some days I can hardly get out of the chair,” the former cattle haulier said.")
    assert [s for s, _ in speakers(text)] == ["Eugene McKee"]


@pytest.mark.parametrize(("said", "body"), [
    ("A spokesperson for Wendle Vale NHS foundation trust said", "Wendle Vale NHS Foundation Trust"),
    ("Wendle Vale NHS foundation trust said", "Wendle Vale NHS Foundation Trust"),
    ("A spokesperson for Marlshire county council said", "Marlshire County Council"),
])
def test_a_body_named_in_lower_case_as_some_papers_print_it_is_the_whole_body(said: str, body: str) -> None:
    text = f"{said}: “We are sorry, and our NHS trust board will review what happened.”"
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [body]
    assert quotes[0].text == "We are sorry, and our NHS trust board will review what happened."


@pytest.mark.parametrize("phrase", ["Through Brannock Days", "Without Brannock Days", "Across the Brannock Days"])
def test_a_sentence_opening_on_a_phrase_is_about_the_subject_after_its_comma(phrase: str) -> None:
    """"Through Brannock Days, Graham learned …": the day service is no person, Graham is whom "he said" means."""
    text = ("One of them was Graham Tresize, 71, a retired fisherman from Trewen.\n\n"
            "“When they told me what I had, I shut myself away,” Graham said.\n\n"
            f"{phrase}, Graham learned breathing techniques with the physiotherapy team, and joined a weekly art "
            "group run by one of the volunteers.\n\n"
            "“The breathing exercises have made a massive difference,” he said.")
    assert [s for s, _ in speakers(text)] == ["Graham Tresize", "Graham Tresize"]


def test_a_tabloids_proud_mum_before_a_name_tells_her_gender_though_her_son_shares_the_surname() -> None:
    text = ("Alfie Brennan, nine, scooted 50 miles for the ward that saved his sister. He wanted to say thank you.\n\n"
            "Donations flooded in after his mum shared his challenge on Facebook.\n\n"
            "Proud mum Kerry Brennan, 36, said: “We told him £500 was a lot of money.”\n\n"
            "She added: “He did it in the pouring rain, and he never once complained.”")
    assert [s for s, _ in speakers(text)] == ["Kerry Brennan", "Kerry Brennan"]


def test_an_unnamed_official_who_told_the_writer_is_the_he_that_follows() -> None:
    """"A senior official who spent years at the Treasury told me …" is one person the writer spoke to, though the
    clause about them has no comma, so the "he said" after is theirs, not the last man the article named."""
    text = ("Jonathan Sallis, the former minister, wrote the foreword.\n\n"
            "A senior official who spent several years at the Treasury told me that the phrase most used was ‘a "
            "bottomless pit’. ‘Nobody ever says that about the NHS,’ he said.")
    assert [s for s, _ in speakers(text)] == ["A senior official"]


@pytest.mark.parametrize(("pair", "pronoun", "speaker"), [
    ("Ms Ashby and Mr Thwaite", "she", "Kerry Ashby"), ("Mr Thwaite and Ms Ashby", "she", "Kerry Ashby"),
    ("Ms Ashby and Mr Thwaite", "he", "Gary Thwaite"),
])
def test_two_titled_people_joined_by_and_are_two_people(pair: str, pronoun: str, speaker: str) -> None:
    """ "Ms Ashby and Mr Thwaite crossed the line": not one person called Thwaite whom "Ms" makes a woman."""
    text = ("Kerry Ashby, 43, ran with her neighbour, Gary Thwaite, 51.\n\n"
            f"{pair} crossed the line together in an hour and nine minutes.\n\n"
            f"“We are already talking about next year,” {pronoun} said.")
    assert speakers(text)[-1][0] == speaker


def test_a_body_called_by_its_place_and_initials_speaks_under_the_name_the_article_spells_out() -> None:
    text = ("The committee wrote to the Eastmoor Integrated Care Board asking for a review.\n\n"
            "An Eastmoor ICB spokesperson said: “Community pharmacies play a vital role.”")
    assert speakers(text) == [("Eastmoor Integrated Care Board", None)]


def test_what_the_experts_say_credits_over_each_quotation_name_its_speaker() -> None:
    raw = (
        "Wexcombe Courier\nNews\nHealth\n\nGP practices must take online requests all day from October\n\n"
        "By Hannah Greaves\n3 March 2026\n\n"
        "Practices in England will have to keep their online request forms open all day from October, under the "
        "new contract agreed between the government and the British Medical Association.\n\n"
        "Some practices say demand has simply moved online and staff now triage hundreds of requests a day.\n\n"
        "What the experts say\n\n"
        "Dr Anika Sorensen, GP partner and chair of Wexcombe Local Medical Committee\n"
        "“Opening the front door all day is right for patients, but it does not create a single extra appointment.”"
        "\n\nMarcus Fell, director of the Patients First Alliance\n"
        "“Being able to ask for help at 2pm rather than 8am is a real improvement for people who work.”\n\n"
        "Jo Tennant, practice manager, Riverside Surgery, Ashby Fold\n"
        "“We switched over last autumn. The first six weeks were hard, honestly.”\n"
    )
    assert [q.speaker for q in process_article(raw).quotes] == ["Anika Sorensen", "Marcus Fell", "Jo Tennant"]


def test_a_body_bringing_in_a_quotation_with_a_colon_is_whom_it_added_stands_for() -> None:
    text = ("The Eastmoor employment tribunal found that Northgate Hospitals NHS Trust had acted unlawfully.\n\n"
            "In its judgment, the tribunal found: ‘The claimant raised genuine concerns in good faith.’\n\n"
            "It added: ‘The timing of the disciplinary process speaks for itself.’")
    assert speakers(text) == [("the tribunal", None), ("the tribunal", None)]


def test_a_man_named_by_his_title_mid_sentence_is_not_the_she_of_the_next_quotation() -> None:
    text = ("Thomas Beale, 29, died at home in November. The coroner, Helen Marsh, has written to the trust.\n\n"
            "In the report, published this week, she set out how Mr Beale waited six hours after being triaged.\n\n"
            "“No member of staff reassessed him during that time,” she wrote.\n\n"
            "His wife, Lucy Beale, 28, said the report confirmed what the family knew.")  # a Beale who is a "she"
    assert speakers(text) == [("Helen Marsh", "coroner")]


@pytest.mark.parametrize("several", ["the MPs", "the GPs", "the nurses"])
def test_a_plural_of_people_is_several_speakers_not_one_named_before(several: str) -> None:
    text = ("Fifty MPs have written to the health secretary, Ruth Carden, and to Dr Ian Moss, a GP and an MP.\n\n"
            f"In the letter, {several} wrote:\n\n“We support the ambition. But it will fail without more staff.”")
    assert speakers(text) == [(several, None)]


@pytest.mark.parametrize("anonymous", ["Patient A", "Resident C"])
def test_someone_a_hearing_keeps_anonymous_by_a_letter_is_the_speaker(anonymous: str) -> None:
    text = ("The panel chair, Ruth Ellery, said the case was serious.\n\n"
            f"{anonymous}, who gave evidence by video link, told the panel she had felt safe at first.\n\n"
            "“He was the one person on that ward who made me feel human,” she said.")
    assert speakers(text) == [(anonymous, None)]


def test_a_role_opening_a_sentence_after_a_short_phrase_of_place_is_whom_the_next_she_means() -> None:
    text = ("District nurse Gwen Tallis has 14 patients on her list today. Her first is Edith Crane, 91.\n\n"
            "Mrs Crane is tired but clear. “I was born in that bed,” she says.\n\n"
            "Back in the car, the district nurse sits for a minute before she starts the engine.\n\n"
            "“You carry them with you,” she says.")
    assert [name for name, _ in speakers(text)] == ["Edith Crane", "Gwen Tallis"]


def test_a_thing_a_sentence_goes_on_about_as_it_is_not_whom_the_next_quotation_is_by() -> None:
    text = ("Callum Reid started cooking for carers in 2019 with one big pan.\n\n"
            "As for the pan, it now hangs on a hook above the cooker in the charity’s unit.\n\n"
            "‘It stays. That’s where all this came from,’ he says.")
    assert speakers(text) == [("Callum Reid", None)]


@pytest.mark.parametrize("body", ["the Friends of Dunmarran Infirmary", "the hospital's League of Friends"])
def test_a_hospitals_friends_are_a_body_not_the_she_of_the_next_quotation(body: str) -> None:
    text = ("Irene Castleton has volunteered on the wards for forty years.\n\n"
            f"She started when a neighbour who ran {body} asked her to help out on Saturdays.\n\n"
            "“I thought it would be for a month or two,” she said. “Forty years later, here I am.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Irene Castleton"]


@pytest.mark.parametrize("asked", [
    "I asked Maureen, a senior carer who has worked at one of our homes in Ashby Wold for 19 years,",
    "We asked Ayesha Noor, a senior nurse who has worked at the surgery in Calder Moor for six years,",
])
def test_someone_the_writer_asks_is_who_she_is_though_the_question_says_she(asked: str) -> None:
    text = ("I run a company with 640 staff across 14 care homes.\n\n"
            f"{asked} what she made of the minister’s speech. She had watched a clip of it on her break.\n\n"
            "“It was lovely to hear,” she told me. “But I’ve heard lovely before.”")
    assert [s for s, _ in speakers(text)] == [asked.split(",")[0].split(" ", 2)[2]]



def test_an_infirmary_where_she_was_treated_is_no_one_the_next_she_means() -> None:
    text = ("When Joan Pryde came round on the kitchen floor, she could not find the words to tell her husband.\n\n"
            "She was taken to Dunmarran Royal Infirmary, where she was given a clot-busting drug.\n\n"
            "“I couldn’t even say the children’s names,” she said.")
    assert [s for s, _ in speakers(text)] == ["Joan Pryde"]


@pytest.mark.parametrize("all_of_them", ["All asked not to be named", "They spoke on condition of anonymity"])
def test_the_nurse_the_writer_said_were_all_unnamed_is_whom_the_next_she_means(all_of_them: str) -> None:
    text = (f"Several nurses contacted the Evening Post after the changes. {all_of_them} for fear of reprisals.\n\n"
            "One nurse, who has worked on the acute medical unit for 11 years, said she now parks a mile away.\n\n"
            "A spokesperson for Harbridge Hospitals NHS Trust said staff could book an escort at night.\n\n"
            "But the nurse on the acute medical unit said she had never been told an escort was available.\n\n"
            "“If that's on offer, great, but nobody has told us,” she said.")
    assert [s for s, _ in speakers(text)] == ["the nurse on the acute medical unit"]


@pytest.mark.parametrize("title", ["Lives Cut Short", "Left Behind"])
def test_a_reports_title_in_apposition_is_no_one_the_report_is_the_bodys_named_before(title: str) -> None:
    text = ("The Dunmarran Mortality Review Panel examined 4,213 deaths in 2024.\n\n"
            f"The panel’s report, {title}, said the gap had barely moved despite commitments from the NHS.\n\n"
            "“Too often, a change in someone’s behaviour was put down to their disability,” the report said.")
    assert speakers(text) == [("Dunmarran Mortality Review Panel", None)]


@pytest.mark.parametrize("body", ["Royal College of Emergency Nursing", "Halden Centre for Care Research"])
def test_the_body_a_short_reference_means_keeps_the_rest_of_its_name(body: str) -> None:
    head = body.split()[1].lower()
    text = (f"Nurses at the {body} were surveyed in March.\n\n"
            "Most said they had cared for a patient in a corridor in the past month.\n\n"
            f"The {head} said: “Corridor care is now routine rather than exceptional.”")
    assert speakers(text) == [(body, None)]


@pytest.mark.parametrize("who", ["One Labour MP", "A Tory councillor"])
def test_someone_unnamed_with_a_party_before_the_role_is_the_speaker_not_the_object_of_their_relative_clause(
        who: str) -> None:
    text = (f"{who} who voted for the bill in November, speaking on condition of anonymity, said: “I voted for the "
            "principle. I am not sure I can vote for this version of it.”")
    assert [q.speaker for q in extract_quotes(text)] == [who]


def test_the_role_said_is_the_one_at_a_body_left_unnamed_not_the_named_holder_of_the_role_before() -> None:
    text = ("Neville Oduya, managing director of Oduya Care, said the rate was too low. “It is hard,” he said.\n\n"
            "The managing director of one provider, which asked not to be named because it intends to bid, said the "
            "council had underestimated travel costs.\n\n"
            "“Everyone is going to put a bid in because nobody can afford not to,” the managing director said.")
    assert speakers(text)[-1] == ("the managing director", None)


def test_a_man_whose_given_name_is_not_known_takes_no_gender_from_a_surname_his_wife_shares() -> None:
    """"Pete" is no given name the lexicon knows; "Colley" was a woman's ("Marianne Colley … she"), but with two
    Colleys named the surname says nothing of Pete's, so the "he" after his own sentence is his, not their son's."""
    text = ("Marianne Colley, 56, took on extra shifts as a cleaner. She was fined £400.\n\n"
            "“I wasn’t hiding anything,” she said.\n\n"
            "Her son, Jordan, 29, has cerebral palsy and needs help with washing.\n\n"
            "Her husband, Pete Colley, 58, a delivery driver, said the family had read every letter. “There is nothing "
            "in any of them,” he said.")
    assert [name for name, _ in speakers(text)] == ["Marianne Colley", "Pete Colley"]


def test_a_surname_alone_is_the_one_named_in_full_before_not_one_named_later_whose_given_name_is_unknown() -> None:
    text = ("Graham Whitcombe, chief executive, said the business was in good shape.\n\n"
            "“We are paying our carers more than ever,” Whitcombe said.\n\n"
            "Kerry Whitcombe, an organiser at the Care Workers’ Alliance and no relation, said pay gains were fragile. "
            "“Care workers are not a cost line,” she said.")
    assert [name for name, _ in speakers(text)] == ["Graham Whitcombe", "Kerry Whitcombe"]


@pytest.mark.parametrize("seen", ["seen by The Sentinel", "obtained by the BBC"])
def test_the_paper_that_saw_a_letter_set_off_by_commas_is_not_its_writer(seen: str) -> None:
    text = (
        "The family received a letter from the council in the spring.\n\n"
        f"The letter, {seen}, stated: “As your mother’s capital exceeds the upper limit, she will pay in full.”"
    )
    assert [s for s, _ in speakers(text)] == ["The letter"]


def test_they_after_a_bodys_spokesperson_is_the_body_without_the_article() -> None:
    text = (
        "Nurses say they are exhausted.\n\n"
        "A Department of Health and Social Care spokesperson has responded to the criticism.\n\n"
        "“We inherited an NHS that was broken, and this winter we have put an extra £450m in,” they said."
    )
    assert [s for s, _ in speakers(text)] == ["Department of Health and Social Care"]


def test_a_place_ending_a_list_of_places_is_no_one_for_the_next_she() -> None:
    text = (
        "The practice, which has 14,500 patients across Kettlewick, Ashworth and Low Fold, switched to a new phone "
        "system in February.\n\n"
        "I went to the surgery to ask practice manager Janet Oduya what was going on. She did not dodge it.\n\n"
        "“I'm not going to pretend the first week went well,” she said."
    )
    assert [s for s, _ in speakers(text)] == ["Janet Oduya"]


def test_a_body_named_with_the_in_it_is_no_one_for_the_next_she() -> None:
    text = (
        "This is The Welcome Table, a kitchen that cooks free meals for people discharged from hospital.\n\n"
        "Its founder, Bernadette Okoro – ‘Bernie’ to everyone here – spent 26 years as a dinner lady.\n\n"
        "“My neighbour came home after a hip replacement with nothing to eat,” she says."
    )
    assert [s for s, _ in speakers(text)][-1] == "Bernadette Okoro"


def test_a_word_of_a_bodys_name_opening_a_sentence_before_a_plural_is_no_one() -> None:
    text = (
        "Optometrist Priya Nandakumar, who runs Brookfield Eye Care on the High Street, sees patients daily.\n\n"
        "Ms Nandakumar said anyone should get their eyes tested. Eye tests are free for people over 60.\n\n"
        "She said: “Come in that week.”"
    )
    assert [s for s, _ in speakers(text)] == ["Priya Nandakumar"]


def test_and_in_a_statement_added_is_the_sentences_own_subject_not_the_statement() -> None:
    text = (
        "The waiting list has fallen for five months in a row.\n\n"
        "Health secretary Marcus Ellery welcomed the figures, and in a statement added: “Waiting lists are coming "
        "down because NHS staff are seeing more patients than ever.”"
    )
    assert [s for s, _ in speakers(text)] == ["Marcus Ellery"]


@pytest.mark.parametrize(("name", "pronoun"), [("Liam Porter", "he"), ("Jane Porter", "she")])
def test_a_surname_that_is_also_a_job_after_a_given_name_is_a_persons_name(name: str, pronoun: str) -> None:
    text = (
        "The council wants to recover unspent direct payments.\n\n"
        f"{name}, 34, who employs three personal assistants, said the plans were a misunderstanding.\n\n"
        f"“That so-called surplus is money put aside to cover holiday pay,” {pronoun} said."
    )
    assert [s for s, _ in speakers(text)] == [name]


def test_a_job_before_a_name_is_still_the_persons_role() -> None:
    text = "Staff are tired.\n\nHospital porter John Smith said the plans were wrong.\n\n“They are wrong,” he said."
    assert speakers(text) == [("John Smith", "Hospital porter")]


def test_a_name_after_a_time_and_a_place_opening_the_sentence_is_the_next_she() -> None:
    text = (
        "District nurse Claire Hodgson has worked in Daleside for 20 years.\n\n"
        "Nadia Pereira, head of community nursing, said the trust had recruited 14 nurses.\n\n"
        "At 3.50pm, back at the health centre, Claire sat down to write up her notes. I asked whether she would "
        "recommend the job.\n\n"
        "“In a heartbeat,” she said."
    )
    assert [s for s, _ in speakers(text)] == ["Claire Hodgson"]


@pytest.mark.parametrize(
    ("member", "name", "role"),
    [
        ("Liberal Democrat MP for Lindfield South Tom Everleigh", "Tom Everleigh", "MP for Lindfield South"),
        ("Scottish Conservative MSP for North Strathallan Alasdair Beattie", "Alasdair Beattie", "MSP for North"),
        ("Plaid Cymru MS for Mid and West Wales Rhys Bevan", "Rhys Bevan", "MS for Mid and West Wales"),
        ("Minister for Care Ben Harrow", "Ben Harrow", "Minister for Care"),
    ],
)
def test_a_member_named_after_the_seat_is_the_person_and_the_seat_the_role(member: str, name: str, role: str) -> None:
    text = (
        f"{member} said the figures were “utterly damning”.\n\n"
        "“Families are being let down, and the knock-on effect is felt in A&E,” he said."
    )
    found = speakers(text)
    assert [speaker for speaker, _ in found] == [name]
    assert role in (found[0][1] or "")


def test_a_given_name_opens_a_name_after_a_title_the_lexicon_does_not_know() -> None:
    text = "The trial ended on Friday.\n\nProsecutor Simon Harlow said: “These were people who could not speak up.”"
    assert [s for s, _ in speakers(text)] == ["Simon Harlow"]


@pytest.mark.parametrize("name", ["Mary Jane Holloway", "Anna Maria Kowalski"])
def test_two_given_names_before_a_surname_stay_one_name(name: str) -> None:
    text = f"Staff are tired.\n\n{name} said: “We cannot go on like this.”"
    assert [s for s, _ in speakers(text)] == [name]


@pytest.mark.parametrize(
    ("introduced", "name", "pronoun"),
    [("Pilot Dominic Sayer", "Dominic Sayer", "he"), ("Gardener Rosalind Tate", "Rosalind Tate", "she")],
)
def test_a_word_before_a_common_british_given_name_is_not_part_of_the_name(
    introduced: str, name: str, pronoun: str
) -> None:
    text = (
        "The scheme began last spring.\n\n"
        f"{introduced}, who joined the team in 2022, said the weather was the biggest challenge. "
        f"“Up there the wind can change in seconds,” {pronoun} said."
    )
    assert [s for s, _ in speakers(text)] == [name]


@pytest.mark.parametrize(("introduced", "name"), [("9/11 widow Terry Strada", "Terry Strada"),
                                                   ("GP partner Dr Olu Adebanjo", "Olu Adebanjo")])
def test_a_given_name_used_for_both_sexes_takes_either_pronoun(introduced: str, name: str) -> None:
    text = (
        "The White House says the bill is dangerous.\n\n"
        f"“The rationales do not hold weight,” said {introduced}.\n\n"
        "She continued, “All we are asking for is an opportunity to be heard.”"
    )
    assert [s for s, _ in speakers(text)] == [name, name]


def test_a_speaker_named_later_only_by_title_and_surname_keeps_the_role_given_where_they_were_brought_in() -> None:
    text = ("Nadia Ferris, chief executive of Harbour Lung Care, will lead the merged charity. Tom Rigby, the "
            "Lowfield Community Trust’s chair since 2020, will step down.\n\n"
            "Ms Ferris said the charities had been “chasing the same donors” for years.\n\n"
            "“Nobody cares which logo is on the leaflet,” she said.\n\n"
            "“There is a lot of love for the old name,” Mr Rigby said.")
    assert speakers(text) == [("Nadia Ferris", "chief executive of Harbour Lung Care"),
                              ("Tom Rigby", "Lowfield Community Trust’s chair since 2020")]


def test_a_role_given_where_someone_was_brought_in_stops_before_a_clause_about_them() -> None:
    text = ("Ruth Okoro, a midwife on the same ward – and one of the babies she delivered, was at the party.\n\n"
            "“It was lovely to see her,” Ms Okoro said.")
    assert speakers(text) == [("Ruth Okoro", "midwife on the same ward")]


def test_a_role_noun_after_someone_left_unnamed_is_theirs_not_the_person_named_before_them() -> None:
    """The reporter calls the anonymous source by other words for the same job; the chief executive named
    before them holds no such job."""
    text = ("Ann Lee, chief executive of the board, said the plans were sensible.\n\n"
            "Providers reacted with alarm. The finance chief of one hospital in the county, speaking on condition of "
            "anonymity, said the savings were “fantasy accounting”.\n\n"
            "“You cannot take 6 per cent out of a full hospital without closing beds,” the finance director said.")
    assert speakers(text) == [("The finance chief of one hospital in the county", None)]


@pytest.mark.parametrize(("county", "named"), [("Essex", "Kerry"), ("Lancashire", "Jo Platt")])
def test_the_county_after_a_speakers_town_is_no_name(county: str, named: str) -> None:
    text = (f"{named}, 29, a hairdresser from Stanbury, {county}, told The Beacon: “When they first told us, it was "
            "like the floor had gone from under us.”")
    assert [name for name, _ in speakers(text)] == [named]


def test_a_co_ordinator_spelled_with_a_hyphen_is_a_role_before_the_name() -> None:
    text = ("Our new Carers' Café started in August at the Lowther Valley Community Hub.\n\n"
            "\"Lots of carers tell us they haven't had a conversation about themselves in months,\" said café "
            "co-ordinator Lorraine Fitch.")
    assert speakers(text) == [("Lorraine Fitch", "café co-ordinator")]


@pytest.mark.parametrize("day", ["Saturday", "Monday"])
def test_the_practice_is_the_surgery_named_before_a_weekday(day: str) -> None:
    text = (f"More than 400 people came to Haddon Surgery's {day} morning flu clinic, the first of three at the "
            "village practice this autumn.\n\n"
            "Practice nurse Sue Carrick said it had been one of the busiest she could remember.\n\n"
            "In a post on its Facebook page, the practice said: “A huge thank you to everyone who came along.”")
    assert speakers(text) == [("Haddon Surgery", None)]


@pytest.mark.parametrize(("opening", "body"), [("Care workers", "Care Providers Federation"),
                                               ("Council tax bills", "Council Tax Payers Alliance")])
def test_a_common_noun_opening_the_sentence_before_a_report_is_not_its_author(opening: str, body: str) -> None:
    text = (f"{opening} with five or more years' experience were paid just 7p an hour more on average.\n\n"
            "The report states: “Pay differentials remain extremely narrow.”\n\n"
            f"Nadeem Chaudhry, chief executive of the {body}, said providers wanted to pay staff more.")
    assert speakers(text)[0][0] == "The report"  # whose, the article does not say


@pytest.mark.parametrize("office", ["health and social care secretary", "work and pensions secretary"])
def test_an_office_named_for_two_fields_is_one_role_after_the_quote(office: str) -> None:
    text = f"Ministers met providers on Monday.\n\n‘We will not rush out a plan,’ the {office} told MPs."
    assert [name for name, _ in speakers(text)] == [f"the {office}"]


@pytest.mark.parametrize("office", ["health and social care secretary", "work and pensions secretary"])
def test_the_one_a_long_when_clause_names_before_she_holds_the_office_named_next(office: str) -> None:
    text = ("When Rachel Ormond stood up in the Commons last month to announce that the independent commission on "
            "adult social care would not now report until 2026, she was careful to frame the delay as a virtue.\n\n"
            f"‘We will not rush out a plan that cannot be paid for,’ the {office} told MPs.")
    assert [name for name, _ in speakers(text)] == ["Rachel Ormond"]


@pytest.mark.parametrize("noun", ["judgment", "ruling"])
def test_what_a_tribunals_judgment_says_is_the_judges(noun: str) -> None:
    text = ("A nurse who was sacked after warning managers about staffing was unfairly dismissed, a tribunal has ruled."
            f"\n\nIn a {noun} published this week, Employment Judge Ruth Hallam said the decision was “tainted from "
            "the outset”.\n\n"
            f"“The claimant was a conscientious nurse who raised concerns,” the {noun} said.")
    assert [name for name, _ in speakers(text)] == ["Ruth Hallam"]



@pytest.mark.parametrize("job", ["mental health champion", "dementia champion"])
def test_a_bodys_champion_named_after_the_job_is_the_speaker_not_the_body(job: str) -> None:
    text = (f"Kelsworth Town Council’s {job}, Cllr Martin Ashby, said: ‘We’ve lost people in this town who might "
            "still be here if there’d been somewhere to go.’")
    assert speakers(text) == [("Martin Ashby", f"Kelsworth Town Council’s {job}")]
