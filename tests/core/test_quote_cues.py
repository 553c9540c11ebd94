"""Speakers found through the words around a quotation: cue verbs, post-nominals, role nouns, given names."""

import pytest

from bot.core.pipeline import process_article
from bot.core.quotes import extract_quotes
from bot.core.quotes.clauses import first_subject


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


def test_a_name_in_what_a_spokeswoman_is_said_to_have_said_does_not_take_her_next_quote() -> None:
    text = ("Dr Isla Munro bought the practice last month.\n\n"
            "A spokeswoman for Glenbrae Health Board said it had backed Dr Munro’s application for a grant.\n\n"
            "She said: ‘We are pleased that dental services will continue in the village.’")
    assert [q.speaker for q in extract_quotes(text)] == ["Glenbrae Health Board"]


def test_a_relative_named_after_a_time_phrase_is_whom_she_said_means() -> None:
    text = ("I met a man I’ll call Stan.\n\nSix weeks later, his wife, Maureen, rang the office.\n\n"
            "‘He made me a cup of tea this morning,’ she told me.")
    assert [q.speaker for q in extract_quotes(text, "Rhiannon Gale")] == ["Maureen"]


def test_a_relative_named_by_first_name_in_the_middle_of_a_sentence_is_a_person() -> None:
    text = ("I was 44, just made redundant, and my wife Carol had seen an advert while she was at the hospital. "
            "“You never stop talking about records,” she said.")
    assert [q.speaker for q in extract_quotes(text, "Derek Allsop")] == ["Carol"]


def test_someone_presented_with_an_age_before_the_name_is_whom_she_told_means() -> None:
    text = ("Joanne Platt, the home's manager, said: “We had practised for this.”\n\n"
            "Among those evacuated was 91-year-old Dorothy Quill, a former headteacher who has lived at the home "
            "since 2019.\n\n“I’ve never been in a boat in my life,” she told reporters.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Dorothy Quill"


def test_a_crewmate_named_by_first_name_is_whom_he_said_means() -> None:
    text = ("My crewmate Jas did what Jas does. He got down on the floor next to her.\n\n"
            "“Right then,” he said. “Let’s get you up.”")
    assert [q.speaker for q in extract_quotes(text, "Sam Lowe")] == ["Jas"]


def test_someone_the_writer_calls_by_an_initial_keeps_the_title_after_an_hour() -> None:
    text = "At about one in the morning Mrs B squeezed my hand and said: “You two have been very kind.”"
    assert [q.speaker for q in extract_quotes(text, "Sam Lowe")] == ["Mrs B"]


@pytest.mark.parametrize("lead_in", ["And her message to other managers? ", "Her message to other managers: ",
                                     "Her advice to other managers is simple. "])
def test_a_lead_in_naming_her_message_gives_the_quotation_to_her(lead_in: str) -> None:
    text = ("Simon Hale cares for his mother. Bev Okonjo manages the home.\n\n"
            "“I felt I had abandoned her,” he says.\n\n"
            "Bev’s advice to families is simple: “Ask to see the visiting policy.”\n\n"
            f"{lead_in}“Families can be hard work.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Simon Hale", "Bev Okonjo", "Bev Okonjo"]


def test_a_tabloids_mum_or_gran_before_a_name_is_her_relation_not_part_of_her_name() -> None:
    text = ("Mum Kerry, 34, first asked for a new chair last April.\n\n"
            "Kerry told the Beacon: \"We're prisoners in our own home.\"\n\n"
            "Gran Janet Pryce, 71, said: \"I have spent more than £400 on parking.\"\n\n"
            "Her own mother was no help. Mum said: \"Stop fussing.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Kerry", "Janet Pryce", "Mum"]


def test_the_person_a_what_clause_presents_is_whom_she_means() -> None:
    text = ("What changed was my daughter, Kate. She came to stay in March and found me asleep at the table. "
            "She sat me down that evening and said: 'Mum, you are no use to Dad if you fall over.'")
    assert [q.speaker for q in extract_quotes(text, "Marion Ebbs")] == ["Kate"]


def test_a_government_spokesperson_in_lower_case_speaks_for_that_government() -> None:
    text = ("Hebridean Ferries said the ship was back in service. The Scottish Ambulance Service said crews were "
            "ready.\n\nA Scottish government spokesperson said: \"We know how important ferries are.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Scottish government"]


def test_a_bodys_statement_announced_without_a_verb_is_that_bodys() -> None:
    text = ("Lindenshire Hospitals NHS Trust declared a critical incident this morning.\n\n"
            "Here is the trust's full statement from this morning:\n\n"
            "\"We are experiencing a major IT outage affecting a number of clinical systems.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Lindenshire Hospitals NHS Trust"]


def test_a_number_word_opening_a_sentence_is_no_ones_name() -> None:
    text = ("Dr Gareth Penn saw the woman in November.\n\n"
            "Three days after her diagnosis, Penn opened her records and added a line stating: \"Discussed referral, "
            "pt declined.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Gareth Penn"]


def test_a_carer_named_by_a_short_first_name_is_whom_she_told_me_means() -> None:
    text = ("Last month one of our carers handed in her notice. Dee had been with us for nine years.\n\n"
            "When I asked her why she was leaving, she didn't mention the pay. “I spend more time in my car than with "
            "clients,” she told me.")
    assert [q.speaker for q in extract_quotes(text, "Nadia Kowal")] == ["Dee"]


def test_in_before_i_left_she_said_the_main_clause_says_who_spoke() -> None:
    text = ("Elsie is 93 and has lived in the same house for 70 years.\n\n"
            "Before I left she held on to my hand and said, \"You'll come Friday?\"")
    assert [q.speaker for q in extract_quotes(text, "Becca Thorn")] == ["Elsie"]


def test_someone_named_at_the_end_of_a_clause_before_who_said_is_the_speaker() -> None:
    text = ("The group, which meets every Wednesday outside the library, was set up by retired GP Dr Alan Whitcombe, "
            "who said: \"It started with four of us and a flask.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Alan Whitcombe"]


def test_one_patient_described_then_named_with_an_age_and_a_place_is_the_patient() -> None:
    text = ("Dr Farah Quddus leads the service.\n\n"
            "One patient quoted in the evaluation, 76-year-old Roy Tindall from Fenn Cross, was admitted.\n\n"
            "“I’d been in hospital four times in a year,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Roy Tindall"]


def test_an_adverb_before_i_opening_a_sentence_is_no_name() -> None:
    text = ("Win is 91 and has opinions on everything. I get as much out of our Tuesdays as she does. "
            "Mostly I've learned to slow down.\n\n"
            "When I told Win I was writing this, she laughed. Then she said, 'Tell them it's the best of my week.'")
    assert [q.speaker for q in extract_quotes(text, "Priya Lal")] == ["Win"]


def test_a_caller_or_listener_before_a_name_is_a_role_not_part_of_the_name() -> None:
    text = ("Rhian Pugh, the charity's chief executive, said demand was rising.\n\n"
            "One caller, Margaret, 84, from the north-east, lost her husband in 2023. She said: \"The first Christmas "
            "I did not open the curtains.\"\n\n"
            "Listener Pat Gorman said: \"The crew were brilliant with him.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Margaret", "Pat Gorman"]


def test_the_relation_before_a_name_and_an_age_tells_the_gender_the_name_does_not() -> None:
    text = ("But Ms Dacre says she has been passed between departments.\n\n"
            "Her son, Jordan Dacre, 34, said he had sent more than 40 emails.\n\n"
            "'It's been one excuse after another,' he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Jordan Dacre"]


def test_one_of_those_i_work_with_then_named_is_whom_she_means() -> None:
    text = ("Kath Bell runs the ward.\n\nOne of the healthcare assistants I work with, Marion, has been doing nights "
            "for 22 years. When I was newly qualified, she took me into the sluice, handed me a biscuit and said: "
            "‘You can’t fix everything.’")
    assert [q.speaker for q in extract_quotes(text, "Amy Lee")] == ["Marion"]


def test_the_office_named_before_a_name_stands_for_that_person_later() -> None:
    text = ("Branch secretary Ade Okoro told the meeting: “Our members have waited long enough.”\n\n"
            "A spokesperson for Vale Hospitals NHS Trust said: “We remain committed to talks.”\n\n"
            "Speaking afterwards, the branch secretary said the door to talks remained open.\n\n"
            "“If the trust makes a serious offer, we will look at it,” he said.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Ade Okoro"




@pytest.mark.parametrize("grade", ["Assistant coroner", "Area coroner", "Senior coroner", "Coroner"])
def test_whichever_coroner_heard_the_inquest_is_the_coroner_later(grade: str) -> None:
    """An assistant or area coroner holds the inquest they hear: "the coroner said" is them, not the man whose
    death the inquest heard, nor the widow who spoke last."""
    text = (f"{grade} Helen Marwood recorded a conclusion of misadventure at the inquest in Fenby.\n\n"
            "Ruth Dyer, his wife, said: “Nobody listened to us.”\n\n"
            "Recording her conclusion, the coroner said Mr Dyer had died of sepsis.\n\n"
            "“He should have been seen within the hour,” she said.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Helen Marwood"


def test_a_shadow_office_before_a_name_is_not_the_office_itself() -> None:
    text = ("Miriam Castell told the conference that corridor care had become normal.\n\n"
            "Ms Castell said she had visited 23 emergency departments.\n\n"
            "Trusts still using corridors will need a plan, and the health secretary said she would replace boards.\n\n"
            "“Most of you are doing extraordinary work,” she told delegates. “But it is grip.”\n\n"
            "Shadow health secretary Piers Wren said the plan was “a press release”.\n\n"
            "“The health secretary has discovered corridors,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Miriam Castell", "Piers Wren", "Piers Wren"]


@pytest.mark.parametrize("body", ["company", "firm"])
def test_the_company_is_the_incorporated_body_named_before(body: str) -> None:
    text = ("Holmwood House is run by Greystone Care Homes Ltd. Manager Rita Parr, 52, was jailed on Friday.\n\n"
            f"A spokesperson for the {body} said it had cooperated fully with the police.\n\n"
            "“We are deeply sorry for the distress this has caused,” the spokesperson said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Greystone Care Homes Ltd"]


@pytest.mark.parametrize("member", ["the Kinnaird East MSP", "the Strangford MLA", "the Wexley North MP"])
def test_the_member_for_a_named_seat_is_the_politician_just_quoted_not_a_name(member: str) -> None:
    text = ("The health secretary, Alasdair Rennie, said the figures were disappointing.\n\n"
            "Opposition health spokeswoman Catriona Dunlop said the figures were “a damning verdict”.\n\n"
            f"“Behind these numbers are thousands of older people,” {member} said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Catriona Dunlop", "Catriona Dunlop"]


def test_someone_in_the_speakers_own_story_does_not_take_her_next_quote() -> None:
    text = ("Speaking from her home, Kayleigh Dobbs told the Clarion: “I honestly thought I was going mad.\n\n"
            "“One nurse told me to get more sleep. I had a toddler and a baby, of course I was tired.”\n\n"
            "The former teaching assistant said her skin had turned a strange colour.\n\n"
            "“People kept asking if I had been on holiday,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Kayleigh Dobbs", "Kayleigh Dobbs"]


def test_the_office_set_before_a_name_with_a_comma_is_that_persons_later() -> None:
    text = ("NHS England’s chief people officer, Dr Carys Whitfield, said the results were sobering.\n\n"
            "Senior fellow Dr Imogen Sallis said: “The best trusts are showing what good looks like.”\n\n"
            "The chief people officer said boards would be expected to respond.\n\n"
            "“We want every board to ask itself some hard questions,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Imogen Sallis", "Carys Whitfield"]


def test_he_after_a_spokespersons_statement_is_the_man_quoted_before_it() -> None:
    text = ("Dafydd Rhys, the union's regional officer, said talks had broken down in September.\n\n"
            "“That offer would have left hundreds of people behind,” he said.\n\n"
            "A spokesperson for Kingsmere Hospitals NHS Trust said: “We value our healthcare assistants.\n\n"
            "“We will put robust plans in place.”\n\n"
            "The union disputes that talks are continuing.\n\n"
            "“The door is open,” he said.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Dafydd Rhys"


def test_she_after_a_spokeswomans_statement_is_still_the_spokeswoman() -> None:
    text = ("Dr Orla Brennan said the findings were stark.\n\n"
            "A spokeswoman for the Department of Health said the minister would consider the report.\n\n"
            "“Reducing waits is one of our highest priorities,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Department of Health"]


def test_a_he_far_from_anyone_is_the_only_man_the_article_names() -> None:
    filler = " ".join(f"Ward {n} has lost {n} nurses this year." for n in range(1, 15))
    text = ("Mark Ellison, the union's regional officer, said members had been left with no choice.\n\n"
            f"{filler}\n\n"
            "One staff nurse, who asked not to be named, said the rota left no time. “I hand over badly,” she said.\n\n"
            "“Nobody goes into nursing to walk out in the middle of a handover,” he added.")
    assert [q.speaker for q in extract_quotes(text)] == ["One staff nurse", "Mark Ellison"]


def test_a_far_he_stays_nobodys_when_another_named_person_may_be_a_man() -> None:
    filler = " ".join(f"Ward {n} has lost {n} nurses this year." for n in range(1, 15))
    text = ("Mark Ellison, the union's regional officer, said members had been left with no choice.\n\n"
            "Councillor Sam Quayle said the committee would discuss the ballot.\n\n"
            f"{filler}\n\n"
            "“Nobody goes into nursing to walk out in the middle of a handover,” he added.")
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_a_sentence_about_someones_advice_by_first_name_makes_her_whose_words_follow() -> None:
    text = ("Nesta Tranmere celebrated her 105th birthday at Rosemount House on Sunday.\n\n"
            "Her daughter, Margaret Lowe, 79, said: “Mum's amazing. She remembers everybody's birthday.”\n\n"
            "And Nesta's advice to younger generations was simple.\n\n"
            "“Be kind, keep busy and eat your greens,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Margaret Lowe", "Nesta Tranmere"]


def test_a_profiles_quote_under_a_crosshead_and_a_line_about_her_is_still_hers() -> None:
    text = ("Aisha Kendrick has been a prison nurse for six years.\n\n"
            "‘I thought it would be all about keys,’ she says. ‘It is not.’\n\n"
            "Complex needs\n\n"
            "Many of the men she cares for have long histories of mental illness.\n\n"
            "‘A lot of the people we see have never had a proper relationship with a health professional.’")
    assert [q.speaker for q in extract_quotes(text)] == ["Aisha Kendrick", "Aisha Kendrick"]


def test_a_quote_under_two_paragraphs_of_narrative_is_not_the_last_speakers() -> None:
    text = ("Bríd Moran, the union's officer, said: “We have patients on trolleys in every corridor.”\n\n"
            "Ms Moran said the union would seek an urgent meeting with managers.\n\n"
            "In a statement, management at the hospital apologised to patients facing long waits.\n\n"
            "“The hospital has seen a sustained increase in attendances.”")
    assert [q.speaker for q in extract_quotes(text)][-1] != "Bríd Moran"


@pytest.mark.parametrize("club", ["Redmoor United", "Kelso Rovers", "Ashby Athletic", "Tarnside FC"])
def test_a_football_clubs_spokesman_speaks_for_the_club(club: str) -> None:
    text = (f"{club} striker Marcus Cole visited the children's ward on Monday.\n\n"
            f"A {club} spokesman said: “Marcus asked if he could do this himself.”")
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(text)] == [(club, "organisation")]


@pytest.mark.parametrize("plural", ["Tests", "Scans", "Results"])
def test_a_plural_opening_a_sentence_with_a_cue_verb_is_no_one_to_quote(plural: str) -> None:
    text = ("Gemma Lowther, 38, from Kelby, went to her GP with stomach pains last spring.\n\n"
            f"{plural} revealed a tumour, and she went on to have surgery.\n\n"
            "“I was fit, I ran round after two kids all day,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Gemma Lowther"]


def test_a_surname_the_article_gave_in_full_still_opens_a_sentence_as_a_name() -> None:
    text = ("Dr Rhys Evans, a GP in Kelby, and Ann Lowe, the practice manager, met patients on Monday.\n\n"
            "Evans said the practice would review the phone lines.\n\n"
            "“We will look again in March,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Rhys Evans"]


def test_a_pronoun_after_a_long_phrase_of_time_is_the_clauses_subject() -> None:
    text = ("Nesta Tranmere is 91, a district nurse for 40 years.\n\n"
            "At the end of that first afternoon she walked me to the door with her frame and said, "
            "'I hope you're coming back.'")
    assert [q.speaker for q in extract_quotes(text)] == ["Nesta Tranmere"]


@pytest.mark.parametrize("group", ["the family", "his family", "their family", "the assembly"])
def test_a_noun_ending_in_ly_after_a_determiner_is_the_speaker_not_an_adverb(group: str) -> None:
    text = ("Arthur Pell, 84, died in hospital in March after a fall on the ward.\n\n"
            f"“We were told Dad would be safe on that ward,” {group} said. “We trusted that.”")
    assert [q.speaker for q in extract_quotes(text)] == [group]


@pytest.mark.parametrize("reading", ["opened the session by reading from an email sent by a constituent in Dunmarran,",
                                     "read out a letter from a constituent in Dunmarran,",
                                     "reads from a letter written by a constituent in Dunmarran,"])
def test_a_quote_read_from_an_unnamed_writers_letter_is_theirs_not_their_towns(reading: str) -> None:
    text = (f"Labour leader Jamie Rennick {reading} whose father has spent 93 days on a ward.\n\n"
            "'My dad walked into that hospital. If this goes on, he will be carried out of it.'")
    assert [q.speaker for q in extract_quotes(text)] == ["a constituent in Dunmarran"]


@pytest.mark.parametrize("role", ["co-star", "actress", "striker", "team-mate captain"])
def test_a_show_or_clubs_name_before_a_role_and_a_name_is_no_speaker(role: str) -> None:
    text = ("Kira Vance returned to the children's ward on Monday.\n\n"
            f"Her Sunset Harbour {role} Danny Roe was among the first to respond, writing: \"So proud of you mate.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Danny Roe"]


@pytest.mark.parametrize("came", ["He came to St Columba's three weeks ago.", "He came to St. Anne’s in May."])
def test_a_saints_name_is_a_place_not_the_he_of_the_next_quote(came: str) -> None:
    text = (f"Room six belongs, for now, to Graham Pirie. He is 67 and has motor neurone disease. {came}\n\n"
            "\"I've made my peace with the building,\" he says.")
    assert [q.speaker for q in extract_quotes(text)] == ["Graham Pirie"]


def test_a_place_after_someones_job_is_not_the_he_of_the_next_quote() -> None:
    text = ("Room six belongs, for now, to Graham Pirie. He is 67, a retired bus driver from Saltley Bay, and he has "
            "motor neurone disease.\n\n\"I've made my peace with the building,\" he says.")
    assert [q.speaker for q in extract_quotes(text)] == ["Graham Pirie"]


def test_a_family_named_by_its_surname_speaks_as_the_family_not_as_the_woman_who_died() -> None:
    text = ("Theresa Mulcahy, a neonatal sister for 31 years, died on 2 January.\n\n"
            "In a statement released through the trust, the Mulcahy family said:\n\n"
            "‘Tess was a wife, a mum, a sister and a nan. She never really switched off.’")
    assert [q.speaker for q in extract_quotes(text)] == ["the Mulcahy family"]


@pytest.mark.parametrize("family", ["Her family", "Her parents", "The couple"])
def test_they_added_after_a_family_spoke_is_the_family_not_a_place_they_named(family: str) -> None:
    text = ("Theresa Mulcahy, a neonatal sister for 31 years, died on 2 January.\n\n"
            f"{family} said the funeral would take place at St Columba’s Church, Ravensmoor, on 21 January. "
            "They added: ‘Tess always said she wanted people to wear something bright.’")
    assert [q.speaker for q in extract_quotes(text)] == [family]


def test_the_member_for_two_places_joined_by_and_is_the_member_not_the_second_place() -> None:
    text = ("Local MSP Fiona Rattray said she had been contacted by worried constituents.\n\n"
            "The Inverbrae and Glen Ardle MSP said: ‘I’d far rather see a merger than a practice closing.’")
    assert [q.speaker for q in extract_quotes(text)] == ["Fiona Rattray"]


@pytest.mark.parametrize("cue", ["Mr Fenner muttered", "he muttered", "muttered Mr Fenner"])
def test_muttered_after_a_quote_attributes_it(cue: str) -> None:
    text = ("Health Secretary Richard Ashdown opened questions.\n\nThen the shadow health secretary, Giles Fenner, "
            "took his turn at the despatch box.\n\n"
            f"\"Mr Speaker, the Health Secretary says everything is getting better,\" {cue}.")
    assert [q.speaker for q in extract_quotes(text)] == ["Giles Fenner"]


def test_a_seat_in_brackets_after_a_members_name_is_not_the_she_of_her_question() -> None:
    text = ("The best question came from Joanna Lisle (Kestle Bay), a former district nurse, who asked about "
            "vacancies.\n\n\"There are three district nurses covering a patch that used to have eleven,\" she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Joanna Lisle"]


def test_someone_unnamed_after_the_cue_is_not_the_previous_speaker() -> None:
    text = ("Minister Priya Kanwal said: \"We have already begun the work.\"\n\n"
            "\"Care workers would quite like it fast,\" muttered someone on the benches, not quite quietly enough.")
    assert [q.speaker for q in extract_quotes(text)] == ["Priya Kanwal", "someone on the benches"]


@pytest.mark.parametrize("whose", ["Mrs Hale's son, Peter Hale,", "her son Peter Hale,"])
def test_a_statement_read_on_behalf_of_someone_is_theirs_not_the_readers(whose: str) -> None:
    text = ("Simon Acheson, prosecuting, said Mrs Hale was found on the floor of her room.\n\n"
            f"Mr Acheson read a victim impact statement on behalf of {whose} who sat in the public gallery.\n\n"
            "\"My mother spent 30 years teaching,\" the statement said. \"We trusted them.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Peter Hale"]


@pytest.mark.parametrize("label", ["Q:", "Question:"])
def test_a_readers_question_under_a_q_label_is_no_one_called_q(label: str) -> None:
    text = ("Dr Ruth Hale answers your health questions.\n\n"
            f"{label} “I am 58 and tired all the time. Should I be asking my GP for tests?”\n\n"
            "Tiredness has many causes, and a blood test is a sensible place to start.")
    assert [q.speaker for q in extract_quotes(text)] == [None]


@pytest.mark.parametrize(("role", "named"), [("The chairwoman", "Kayleigh Dawson"), ("The chairman", "Josh Reid")])
def test_a_role_of_one_sex_is_the_person_of_that_sex_just_named(role: str, named: str) -> None:
    text = ("Kayleigh Dawson, who chairs the trust, and Josh Reid, who chairs the council, visited the crew.\n\n"
            f"{role} said: \"We are proud of the crew.\"")
    assert [q.speaker for q in extract_quotes(text)] == [named]


def test_another_with_a_description_after_it_is_the_one_described() -> None:
    text = ("One nurse in Kent, who asked not to be named, wrote: 'I am tired all the time.'\n\n"
            "Another, a mental health nurse from the North East, wrote: 'I love my patients.'")
    assert [q.speaker for q in extract_quotes(text)] == ["One nurse in Kent",
                                                          "a mental health nurse from the North East"]


@pytest.mark.parametrize(("writing", "speaker"), [
    ("Her post read:", "Fiona Garside"), ("Her letter read:", "Fiona Garside"), ("His email read:", "Tom Reid")])
def test_what_someone_wrote_read_out_is_their_words(writing: str, speaker: str) -> None:
    text = ("Dr Fiona Garside, a GP in Eastholme, posted late on Thursday. Her practice manager, Tom Reid, wrote to "
            "the health board the next day.\n\n"
            f"{writing}\n\n"
            "‘Today I saw 47 patients. Ten minutes each, on paper.’")
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_reports_writer_is_found_past_the_sentences_quoted_from_it() -> None:
    """The sentences of a long quotation are the coroner's words, not narrative: the sentence saying she issued the
    report stays within reach, and an alert "issued by" a body earlier says nothing of whose the report is."""
    text = ("Edith Caraway died on the third day of an amber heat alert issued by the UK Health Security Agency.\n\n"
            "Coroner Helen Marchbank has now issued a prevention of future deaths report to the home's operator.\n\n"
            "In the report, she wrote: “There was no written plan for keeping residents cool. Staff opened windows. "
            "There were not enough fans. Upper windows were restricted. Nobody checked the temperature.”\n\n"
            "“I am concerned that there is no requirement for care homes to record room temperatures,” the report "
            "said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Helen Marchbank", "Helen Marchbank"]


def test_the_titled_name_that_ends_a_run_of_appositives_is_the_writer() -> None:
    """"To his widow, Janet Colley, the trust's medical director, Dr Anil Deshpande, wrote": he wrote, she did not."""
    text = ("Peter Colley, 64, died after a missed scan.\n\n"
            "In a letter to his widow, Janet Colley, the trust's medical director, Dr Anil Deshpande, wrote:\n\n"
            "“I want to say, clearly and without qualification, that Mr Colley should have been scanned.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Anil Deshpande"]


def test_survey_comments_credited_after_a_dash_to_someone_unnamed_are_theirs() -> None:
    """A union quotes its survey's free-text answers, each credited to a job and a region, not a name."""
    text = ("Respondents described their workload in their own words. Among the comments:\n\n"
            "• “I eat at my desk while I type up visits.” – children's social worker, North West\n"
            "• “I have 31 children on my list.” – newly qualified social worker, Yorkshire\n\n"
            "The union said the comments were consistent with last year's.")
    assert [q.speaker for q in extract_quotes(text)] == [
        "children's social worker, North West", "newly qualified social worker, Yorkshire"]


def test_a_cue_after_the_dash_that_follows_a_quote_names_its_speaker() -> None:
    """"“…” — said Dr Kamal Rezaei, a consultant …": the dash hands over to the attribution as a comma would."""
    text = ("Families in Aldermoor wait two years for an assessment.\n\n"
            "“It's a waiting room with no chairs.” — said Dr Kamal Rezaei, a consultant psychiatrist.\n\n"
            "“Everyone else just drifts.” — says Dr Mina Lowe, who runs the service.")
    assert [q.speaker for q in extract_quotes(text)] == ["Kamal Rezaei", "Mina Lowe"]


@pytest.mark.parametrize("office", ["shadow health secretary", "former health secretary", "deputy health secretary"])
def test_the_health_secretary_is_not_someone_given_a_shadow_or_former_office_later(office: str) -> None:
    text = ("Tom Reeve was appointed in her place on Friday.\n\nHe is the fourth in five years.\n\n"
            "Asked about budgets, the health secretary said: “I know where the money is.”\n\n"
            f"“They need an operation date,” said the {office}, Gideon Farrant.")
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Reeve", "Gideon Farrant"]


@pytest.mark.parametrize("aged", ["Pam (67, Eastfield)", "Pam, 67,"])
def test_a_first_name_given_with_an_age_is_the_name_a_later_sentence_opens_on(aged: str) -> None:
    text = (f"{aged} said: “I am on a pension.”\n\nSophie (29, Kingsmead) said she had not known it was free.\n\n"
            "Pam was not hopeful. “I will believe it when I see it,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Pam", "Pam"]


@pytest.mark.parametrize("masthead", ["Care Market Weekly", "Lindford Gazette", "Nursing Practice Journal"])
def test_a_publication_named_in_passing_is_not_the_analyst_who_spoke(masthead: str) -> None:
    raw = (f"{masthead}\nNews\nDeals\nHarcourt Living buys Bramblewood Care Group\n23 March 2026\n"
           "By Adrian Fellowes\n\n"
           "Harcourt Living has agreed to buy Bramblewood Care Group, which runs 32 care homes.\n\n"
           "Priya Raman, a partner at the consultancy Fenwick Lowe, said the price was higher than expected.\n\n"
           "Ms Raman warned that fee rates remained the biggest risk. Councils have raised fees by 6.1%, according "
           f"to figures compiled by {masthead}, compared with 6.7% for the living wage.\n\n"
           "“If fees don't keep pace, the arithmetic gets very uncomfortable,” the analyst said.\n")
    assert [q.speaker for q in process_article(raw).quotes] == ["Priya Raman"]


@pytest.mark.parametrize("role", ["The regional organiser for the Allied Health Workers' Union in the Wyvern area",
                                  "The chief executive of the Eastbrook and Wyvern Community Health NHS Trust"])
def test_a_long_role_before_a_name_set_off_by_commas_is_hers(role: str) -> None:
    text = ("Pauline Edgerton, 81, said her husband had waited 31 hours for a bed.\n\n"
            "“He should not be spending a night in a corridor,” Mrs Edgerton said.\n\n"
            f"{role}, Stacey Munroe, said staff were exhausted.\n\n"
            "“Our members are being asked to do the impossible,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Pauline Edgerton", "Stacey Munroe"]


@pytest.mark.parametrize("clause", ["Sandra Kettle of the Rochdene Home Care branch told conference:",
                                    "Moving the motion, Sandra Kettle of the Rochdene Home Care branch, told them:",
                                    "Opening the debate, Sandra Kettle, who chairs the branch, said:"])
def test_a_delegate_of_a_branch_is_the_speaker_not_her_branch_nor_the_motion_she_moved(clause: str) -> None:
    text = f"The motion was carried by 312 votes to 189.\n\n{clause} ‘I have been a home carer for 16 years.’"
    assert [q.speaker for q in extract_quotes(text)] == ["Sandra Kettle"]


def test_someone_met_at_a_place_with_a_lower_case_name_is_not_the_next_she() -> None:
    text = ("Jade Mellor, 27, rang 999 and was put through to call handler Sophie Tremlett.\n\n"
            "Jade, who is also mum to Lacey, six, met Sophie at the ambulance service’s control centre last week to "
            "say thank you in person.\n\nShe said: “I brought her flowers and a card Lacey had drawn.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Jade Mellor"]


def test_a_debates_interruptions_are_cued_by_called_out_and_began_after_the_quote() -> None:
    text = ("Introducing the budget, Cllr Ben Ashe said the council had no good options left.\n\n"
            "He was interrupted by the leader of the opposition, Cllr Moira Delaney.\n\n"
            "‘You found the money for the new council offices!’ she called out.\n\n"
            "‘If the member would let me finish—’ Cllr Ashe began.\n\n"
            "Cllr Delaney said families were “losing good people every month” before the review began.")
    assert [(q.speaker, q.partial) for q in extract_quotes(text)] == [
        ("Moira Delaney", False), ("Ben Ashe", False), ("Moira Delaney", True)]


@pytest.mark.parametrize("sentence", ["the", "A", "Speaking on Monday, the"])
def test_a_sentence_cut_off_after_its_article_has_no_subject(sentence: str) -> None:
    assert first_subject(sentence) is None  # and reading it raises nothing


def test_a_body_that_continued_to_do_something_is_not_a_speaker() -> None:
    """"continued" cues speech ("“…,” she continued"), not "had continued to pay staff": the sentence's speaker is
    the one who said it, and the quote after it is hers."""
    text = ("Karen Holt, director of Fellgate Home Support, said the change had cost the firm £14,000.\n\n"
            "Ms Holt said Fellgate had continued to pay staff for their full visits but warned that smaller agencies "
            "“simply can't absorb it”.\n\n"
            "“Some providers are already passing the cut on to their workers.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Karen Holt", "Karen Holt"]


def test_a_popular_papers_blasted_ends_a_quote_but_blasting_someone_does_not() -> None:
    """"“…,” she blasted." joins the quote's two parts as one speaker's; "when Kerry blasted him" is no cue for the
    quote before it, which is the one said on the footage."""
    text = ("Kerry Dobson, 34, was left stranded at the stop after her night shift.\n\n"
            "\"We are the people who keep this country running at night,\" she blasted. \"They should tell us.\"\n\n"
            "The ad ends with footage of Marcus Reid saying, \"That makes me smart,\" when Kerry blasted him for not "
            "paying.")
    quotes = [q for q in extract_quotes(text) if not q.partial]
    assert [(q.speaker, q.text.split()[0]) for q in quotes] == [("Kerry Dobson", "We"), ("Marcus Reid", "That")]


@pytest.mark.parametrize(("source", "speaker"), [
    ("a report by chief finance officer Helen Crabtree published alongside the notice", "Helen Crabtree"),
    ("a report by the Care Funding Trust", "Care Funding Trust"),
])
def test_according_to_a_report_by_someone_is_theirs_not_the_last_speakers(source: str, speaker: str) -> None:
    text = ("Anthony Shaw, the council leader, said bin collections and care visits would carry on.\n\n"
            f"\"The council cannot balance its budget without support,\" according to {source}.")
    assert [q.speaker for q in extract_quotes(text) if not q.partial] == [speaker]
