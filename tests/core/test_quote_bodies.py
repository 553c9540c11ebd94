"""Which body "a spokesperson for …" or "the report" speaks for, however the article introduced it; and when a
spokesperson speaks for a person, whose own words they are not."""

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


@pytest.mark.parametrize(("text", "body"), [
    ("The van is run by the charity Wheels for Wellbeing.\n\nIt carries 40 people a week.\n\n“We hate saying no,” "
     "the charity’s statement added.", "Wheels for Wellbeing"),
    ("Parents were told by Thornbury Council that the centre would shut.\n\nA consultation closes in March.\n\n"
     "“No decision has been made,” the council's statement said.", "Thornbury Council"),
])
def test_the_bodys_statement_is_the_words_of_the_body_the_article_named(text: str, body: str) -> None:
    assert speakers(text) == [body]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ruth Abbott, the care minister, was asked about the leak.\n\nA spokesperson for Ms Abbott said: “The "
     "messages have been taken out of context.”", "A spokesperson for Ms Abbott"),
    ("Nurses voted to strike.\n\nA spokeswoman for the health secretary, Alan Pryor, said: “The door remains "
     "open to talks.”", "A spokeswoman for the health secretary"),
])
def test_a_spokesperson_for_a_person_is_not_that_person(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_the_spokesperson_who_spoke_for_a_person_keeps_speaking_for_them() -> None:
    text = ("A spokesman for Dr Hale said: “She has not seen the report.”\n\nDr Hale is on leave.\n\n"
            "“She will reply next week,” the spokesman added.")
    assert speakers(text) == ["A spokesman for Dr Hale", "A spokesman for Dr Hale"]


def test_the_report_said_far_from_where_it_was_introduced_is_the_body_that_wrote_it() -> None:
    text = ("Older people wait longer for a hip operation, according to a report published today.\n\n"
            "The Linmoor Institute analysed data from 1,200 hospitals in England.\n\n"
            "Dr Ann Hale, a surgeon, said the figures were stark. “We see it every week,” she said.\n\n"
            "Patients described long waits. One man waited two years. His wife said he could barely walk.\n\n"
            "“Waits are longest where need is greatest,” the report says.")
    assert speakers(text)[-1] == "Linmoor Institute"


def test_a_report_is_not_from_a_place_a_count_of_its_sources_is_in() -> None:
    text = ("The Linmoor Institute analysed appointment data from 6,200 practices in England.\n\n"
            "“The gap has widened,” the report says.")
    assert speakers(text) == ["Linmoor Institute"]


@pytest.mark.parametrize("recipient", ["his daughter, Joanne Pettit", "the health secretary, Tom Reeve"])
def test_a_letter_to_someone_named_is_by_the_writer_named_after_them(recipient: str) -> None:
    text = (f"In a letter to {recipient}, the chief executive of Ellerby Hospitals NHS Trust, Dr Miriam Okafor, "
            "accepts that the care fell below the standard.\n\nThe letter was shared with the Post.\n\n"
            "“I want to apologise unreservedly,” the letter reads.")
    quotes = extract_quotes(text)
    assert [(q.speaker, q.role) for q in quotes if not q.partial] == [("Miriam Okafor", "chief executive")]


def test_the_statement_given_to_a_paper_is_the_bodys_that_gave_it_not_the_papers() -> None:
    text = ("Ravensmoor Hospitals NHS Foundation Trust, which runs the hospital, apologised in a statement to the "
            "Daily Sentinel.\n\n“We are deeply sorry,” the statement said.")
    assert speakers(text) == ["Ravensmoor Hospitals NHS Foundation Trust"]


@pytest.mark.parametrize("post", ["the post read", "the message read", "the email said"])
@pytest.mark.parametrize(("who", "poster"), [("The Royal College of Nursing has", "Royal College of Nursing"),
                                             ("Dr Ann Hale, a GP in Fenby,", "Ann Hale")])
def test_the_post_read_is_whoever_posted_it(post: str, who: str, poster: str) -> None:
    text = (f"{who} posted a message to patients on X.\n\n"
            f"“To every patient whose appointment has been moved today: we are sorry,” {post}.")
    assert speakers(text) == [poster]


@pytest.mark.parametrize("noun", ["tweet", "post"])
@pytest.mark.parametrize(("who", "poster"), [("Councillor Jane Rigby, who represents the ward,", "Jane Rigby"),
                                             ("The Fenby Patients Group", "Fenby Patients Group")])
def test_the_tweet_named_again_is_the_one_sent_before(noun: str, who: str, poster: str) -> None:
    text = ("The trust announced the closure of the ward on Monday.\n\n"
            f"{who} sent a {noun} within the hour. The {noun} read: “This is a shameful decision and we will fight it "
            "every step of the way.”")
    assert speakers(text) == [poster]


@pytest.mark.parametrize(("opening", "speaker"), [("Messages from Sarah Jones included", "Sarah Jones"),
                                                  ("Tributes from the Royal College of Nursing included",
                                                   "Royal College of Nursing"),
                                                  ("Comments from respondents quoted in the report include", None)])
def test_words_from_someone_are_theirs_not_the_words_own(opening: str, speaker: str | None) -> None:
    text = f"The ward closed on Friday.\n\n{opening}: “We are at breaking point and nobody is listening to us.”"
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("body", ["Royal Society for the Protection of Birds", "Commission on the Care Workforce",
                                  "Foundation for the Study of Later Life", "Department of the Environment"])
def test_a_body_named_with_the_inside_its_name_speaks_whole(body: str) -> None:
    text = (f"The {body} published its report on Tuesday.\n\n"
            "“The sector cannot recruit its way out of this crisis,” the report said.\n\n"
            f"In a statement, the {body} said: “We call on ministers to act now.”\n\n"
            f"The {next(w for w in body.split() if w != 'Royal').lower()} added: “There is no time to lose.”")
    assert speakers(text)[1:] == [body, body]


@pytest.mark.parametrize(("sentence", "sender"), [
    ("The council received a letter from Jane Roe, which read:", "Jane Roe"),
    ("Staff received an email from the chief executive, Dr Paul Lane, which said:", "Paul Lane"),
    ("The trust issued a statement on Friday, which read:", "Ravensmoor Hospitals NHS Trust"),
])
def test_a_documents_words_after_which_read_are_its_senders(sentence: str, sender: str) -> None:
    text = ("Ravensmoor Hospitals NHS Trust closed the ward on Friday.\n\n"
            f"{sentence} “We are sorry for the distress this has caused to patients and their families.”")
    assert speakers(text) == [sender]


@pytest.mark.parametrize("family", ["Mr Sykes' family", "Mr Sykes’ family"])
def test_a_family_named_with_an_apostrophe_after_s_is_the_family_not_the_man(family: str) -> None:
    text = (f"In a statement read to the court by their solicitor, {family} said: ‘Dad worked down the pit for 38 "
            "years and never asked anyone for anything.’")
    assert speakers(text) == [family]


@pytest.mark.parametrize(("before", "body"), [
    ("Dr Ruth Kay, of the Society of Palliative Care Physicians, spoke against the bill.", "A government spokesperson"),
    ("The Department of Health and Social Care said it was aware of the report.",
     "Department of Health and Social Care"),
])
def test_a_government_spokesperson_speaks_for_a_government_body_not_the_society_just_named(before: str,
                                                                                          body: str) -> None:
    text = f"{before}\n\nA government spokesperson said: “The government remains neutral on assisted dying.”"
    assert speakers(text) == [body]


def test_the_letter_is_the_bodys_that_had_written_to_someone() -> None:
    text = ("Dr Ann Marsh, chair of the Home Care Alliance, said rates were too low.\n\n"
            "Dr Marsh added that the alliance had written to the health secretary asking for emergency funding.\n\n"
            "The letter states: “Without urgent action, we expect providers to leave the market.”")
    assert speakers(text) == ["Home Care Alliance"]


def test_the_letter_after_an_answer_to_a_letter_is_not_the_first_writers() -> None:
    text = ("Margaret Hale, of Mill Lane, has been in touch.\n\nWhen she wrote to Dalebus, they replied that no "
            "decision had been taken, but the letter went on: “Passenger numbers are being closely monitored.”")
    assert speakers(text) != ["Margaret Hale"]


def test_the_report_with_its_title_in_marks_between_commas_says_what_its_authors_say() -> None:
    text = ("The Centre for Later Life Policy found that people who pay for their own care pay more.\n\n"
            "The report, “Paying Twice: the hidden cross-subsidy in adult social care”, says: “The current system "
            "relies on a cross-subsidy that is hidden from the people who pay it.”")
    assert speakers(text) == ["Centre for Later Life Policy"]


@pytest.mark.parametrize(("body", "speaks"), [("NHS England's Midlands region", "NHS England"),
                                              ("the King's Fund think tank", "King's Fund")])
def test_a_spokesperson_for_a_part_of_a_body_speaks_for_the_body(body: str, speaks: str) -> None:
    text = f"A spokesperson for {body} said: “All systems are required to deliver balanced plans.”"
    assert speakers(text) == [speaks]


def test_it_read_after_someone_posted_an_appeal_is_their_appeal() -> None:
    text = ("His wife, Julie Whitfield, 56, said the family had been desperate to find his rescuer.\n\n"
            "She posted an appeal on a local Facebook group which was shared more than 4,000 times.\n\n"
            "It read: “To the young lady in the blue scrubs who saved my husband’s life – please get in touch.”")
    assert speakers(text) == ["Julie Whitfield"]


def test_its_conclusion_before_a_colon_is_the_bodys_that_published_it() -> None:
    text = ("The Linmoor Institute published its final report on Tuesday.\n\n"
            "Its conclusion is blunt: “Without a credible plan, the sector will be short of 160,000 workers.”")
    assert speakers(text) == ["Linmoor Institute"]


def test_a_letter_that_the_sentence_makes_its_own_writer_is_no_author_of_itself() -> None:
    text = "The letter has written to every councillor in the county.\n\n“We need help,” the letter says."
    assert speakers(text) == ["the letter"]


@pytest.mark.parametrize("writers", ["We have written", "They have written"])
def test_the_letter_is_not_from_the_town_a_person_named_before_comes_from(writers: str) -> None:
    text = ("Ruth Harker, 71, from Dunmore, waited two years for her diagnosis. “Nobody listened to me,” she said.\n\n"
            f"{writers} to the health secretary asking for a named lead in every area.\n\n"
            "The letter says: “No one should wait two years to be told what is wrong with them.”")
    assert speakers(text)[-1] not in ("Dunmore", "Ruth Harker")


@pytest.mark.parametrize(("opening", "who"), [("In their report, published this week, inspectors said:", "inspectors"),
                                              ("At the hearing, campaigners said:", "campaigners")])
def test_people_of_one_kind_named_without_a_determiner_after_a_comma_speak(opening: str, who: str) -> None:
    text = f"The home was rated good.\n\n{opening} “People told us they felt safe and well cared for.”"
    assert speakers(text) == [who]


@pytest.mark.parametrize(("named", "called", "body"), [
    ("Millgate Road Surgery", "the practice", "Millgate Road Surgery"),
    ("Kelbrook Medical Practice", "the surgery", "Kelbrook Medical Practice"),
    ("Ashfield Medical Centre", "the practice", "Ashfield Medical Centre"),
    ("Ashfield Medical Centre", "the partners", "Ashfield Medical Centre"),
])
def test_a_gp_practice_is_the_practice_or_the_surgery_whatever_its_name_ends_in(named: str, called: str,
                                                                                body: str) -> None:
    text = (f"The partners at {named} have told patients it will close in March. Pat Hollins said she was worried.\n\n"
            f"In a letter sent to patients this week, {called} said: “This is the hardest decision we have made.”")
    assert speakers(text)[-1] == body


def test_the_practice_is_left_unnamed_when_two_practices_whose_names_end_otherwise_are_named() -> None:
    text = ("Hollins Lane Surgery and Ashfield Medical Centre will merge in April, and patients will be seen at one "
            "site.\n\n"
            "In a letter sent to patients this week, the practice said: “This is the hardest decision we have made.”")
    assert speakers(text)[-1] == "the practice"


@pytest.mark.parametrize("found", ["The CQC's report, published last week, found", "The report finds"])
def test_what_a_report_found_quoted_in_fragments_is_its_authors(found: str) -> None:
    text = ("The Care Quality Commission inspected the maternity unit at Hallam Vale General in May.\n\n"
            f"{found} that midwife staffing was “frequently below planned levels”.")
    assert [q.speaker for q in extract_quotes(text)] == ["Care Quality Commission"]


@pytest.mark.parametrize("text", [
    "Her son, Tom Baird, said the family were “horrified” by what they found when they arrived at A&E.",
    "Tom Baird said he was “tickled pink” that the old phone box found a new life as a library.",
    "Tom Baird, prosecuting, said one resident was found with sores and staff were told to call “only if dying”.",
])
def test_what_someone_or_something_found_is_no_finding_that_speaks(text: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Baird"]


@pytest.mark.parametrize(("named", "inspectorate"), [
    ("Ofsted", "Ofsted"), ("The Care Inspectorate", "Care Inspectorate"),
    ("The Care Quality Commission (CQC)", "Care Quality Commission")])
def test_inspectors_are_the_inspectorate_named_before(named: str, inspectorate: str) -> None:
    text = (f"{named} rated the home inadequate after a visit in June.\n\n"
            "Inspectors found that residents were left for “unacceptably long periods” without a drink.")
    assert [q.speaker for q in extract_quotes(text)] == [inspectorate]


def test_people_of_one_role_opening_the_sentence_speak_unnamed() -> None:
    text = "Campaigners said the closure of the unit was “a betrayal of the town”."
    assert [q.speaker for q in extract_quotes(text)] == ["Campaigners"]


@pytest.mark.parametrize("noun", ["organisation", "charity"])
def test_the_organisation_in_a_statement_is_the_body_that_spoke_just_before(noun: str) -> None:
    text = ("The Association of Directors of Adult Social Services said councils were struggling to find home care. "
            f"In a statement, the {noun} said: “Directors share the concerns about pay and conditions.”")
    assert speakers(text) == ["Association of Directors of Adult Social Services"]


@pytest.mark.parametrize(("opening", "body"), [
    ("Her speech comes as the Hartwell Trust, a think tank, publishes a report on the cost of dementia care.",
     "Hartwell Trust"),
    ("Its announcement comes as the Fenbrook Institute, an independent charity, published a report on respite.",
     "Fenbrook Institute"),
])
def test_a_report_is_the_bodys_that_published_it_in_a_clause(opening: str, body: str) -> None:
    text = (f"{opening} The report, Counting the Cost, draws on interviews with 40 families. It found long waits. "
            "Carers described sleepless nights.\n\n"
            "The report states: “Families are left to fill the gap with their own savings and their own health.”")
    assert speakers(text) == [body]


def test_its_report_is_the_body_just_named() -> None:
    text = ("The Lowmoor Foundation, which has tracked care costs for a decade, estimates 40,000 people have sold "
            "their homes.\n\nIts latest report, ‘Waiting Room’, published on Thursday, concludes: ‘Each year of delay "
            "moves the bill from the state to families.’")
    assert speakers(text) == ["Lowmoor Foundation"]


@pytest.mark.parametrize("inspectorate", ["Care Quality Commission", "Care Inspectorate"])
def test_an_inspection_report_is_the_inspectorates_whose_inspectors_found(inspectorate: str) -> None:
    text = (f"The {inspectorate} visited Brookside Court in March. The home was previously rated good.\n\n"
            "Inspectors found: “Call bells were not always answered.”\n\n"
            "The home was rated inadequate for being safe.\n\n"
            "On staffing, the report said: “Agency staff did not know people’s needs.”")
    assert speakers(text) == [inspectorate, inspectorate]


def test_the_regulators_report_is_the_regulator_named_last() -> None:
    text = ("The General Pharmaceutical Council has opened an inquiry into the pharmacy. Its owner, Raj Patel, said "
            "he would co-operate.\n\n"
            "In its report, published on Monday, the regulator found: “Controlled drugs were not stored securely.”")
    assert speakers(text) == ["General Pharmaceutical Council"]


def test_the_decision_of_a_panel_is_the_panels() -> None:
    text = ("A fitness to practise panel struck off the nurse on Thursday.\n\n"
            "In its written decision, the panel said his conduct was “deplorable”.\n\n"
            "He did not attend the hearing. His union said it would not comment.\n\n"
            "“Honesty is fundamental to nursing,” the decision said.")
    assert speakers(text)[-1] == "the panel"


def test_a_byline_names_no_reports_author() -> None:
    text = ("by Sam Whitley, Health Editor\n\n"
            "Nursing homes are closing fastest on the coast, according to analysis compiled by healthcare analysts "
            "Marlow Health Analytics in its report Closing Time.\n\n"
            "“Areas with the most need are left with the least provision,” the report warns.")
    assert speakers(text) == ["Marlow Health Analytics"]


def test_a_law_or_agreement_named_in_capitals_is_nobody() -> None:
    text = ("Providers want the Fair Pay Agreement funded in full.\n\n"
            "In her report to the board, the regulator's chief executive wrote: “We are not yet where we need to be.”")
    assert speakers(text) == ["the regulator's chief executive"]


def test_what_someone_says_a_body_found_is_in_their_words() -> None:
    text = "Dr Ravi Sen said his trust had found “huge variation” between the two wards."
    assert [q.speaker for q in extract_quotes(text)] == ["Ravi Sen"]


def test_a_letter_someone_used_to_warn_is_theirs() -> None:
    text = ("The national medical director, Professor Ruth Alder, used a letter to trusts on Tuesday to warn of a "
            "hard winter.\n\nThe letter says: “Trusts should plan for the most difficult December in years.”")
    assert speakers(text) == ["Ruth Alder"]
