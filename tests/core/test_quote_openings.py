"""Who a sentence opens on when no cue verb names them, and who the next "she said" then means."""

from __future__ import annotations

import pytest

from bot.core.clean import clean
from bot.core.quotes import extract_quotes
from bot.core.quotes.lexicon import given_gender
from tests.core.test_quote_speakers import speakers


def test_a_name_ending_in_s_owns_with_a_bare_apostrophe() -> None:
    text = ("Mark Evans’ mother, Joan, moved into a care home in Porthcawl in May. He visits every evening.\n\n"
            "‘Mum just stopped eating when she got there,’ he said. ‘Nobody noticed for a fortnight.’")
    assert speakers(text) == [("Mark Evans", None)]


@pytest.mark.parametrize(("name", "gender"), [("Siân", "f"), ("Seán", "m"), ("Zoë", "f"), ("Bev", "f"), ("Bríd", "f"),
                                             ("Nia", "f"), ("Gwilym", "m"), ("Seren", "f"), ("Maisie", "f"),
                                             ("Yusuf", "m"), ("Reuben", "m")])
def test_a_given_name_keeps_its_gender_with_an_accent(name: str, gender: str) -> None:
    assert given_gender(name) == gender


def test_a_woman_keeps_her_she_when_a_man_shares_her_surname() -> None:
    """"Mr Rowlands" is her brother: her given name, not the surname's honorific, says who "she" is."""
    text = ("Siân Prosser cares for her father in Llanwerydd. She says he now speaks almost no English.\n\n"
            "‘He stopped talking because nobody answered him,’ she said.\n\n"
            "Her brother, Gareth Prosser, visits twice a week. Mr Prosser said the home had tried its best.")
    assert speakers(text) == [("Siân Prosser", None)]


def test_a_relative_she_owns_is_not_the_she_of_her_quote() -> None:
    text = ("Maureen is 64 and has looked after her father, who has dementia, for five years. Her dad's day centre "
            "shut in June.\n\n‘I get no break at all now,’ she said. ‘Not one afternoon.’")
    assert speakers(text) == [("Maureen", None)]


def test_a_mother_in_a_first_person_story_is_still_the_she_of_her_quote() -> None:
    text = ("My mother is 88 and lives alone in Swansea. She still walks to the shops every day.\n\n"
            "‘I’m not going into a home,’ she says.")
    assert speakers(text) == [("my mother", None)]


def test_an_unnamed_person_the_writer_spoke_to_is_the_she_of_her_quote() -> None:
    text = ("I spoke to a nurse at a hospital in Kent, who asked me not to name her. She said the ward had been "
            "full since October.\n\n‘We have patients in the corridor every single night,’ she said.")
    assert speakers(text) == [("a nurse at a hospital in Kent", None)]


@pytest.mark.parametrize("spoke", ["We've been speaking to", "We have been talking to", "I have spoken to"])
def test_an_unnamed_person_the_writer_has_been_speaking_to_is_the_she_of_the_quote_after_her(spoke: str) -> None:
    text = ("Health secretary Wes Street said the NHS was coping.\n\n"
            f"{spoke} a senior nurse at one of the affected hospitals, who asked not to be named.\n\n"
            "She describes the past week as the hardest of her 19-year career.\n\n"
            "“On Monday night we had 41 patients in a department built for 24.”")
    assert speakers(text) == [("a senior nurse at one of the affected hospitals", None)]


@pytest.mark.parametrize("posting", ["posting as @LarkbeckLad", "who posts on X as @LarkbeckLad",
                                     "commenting under the handle @LarkbeckLad"])
def test_a_resident_known_only_by_a_social_media_handle_is_called_by_it(posting: str) -> None:
    text = ("The partners at Station Road Surgery have confirmed that it will close in June.\n\n"
            f"One resident, {posting}, said: ‘Been with Station Road 40 years. This village is losing everything.’")
    assert [q.speaker.lstrip("@") for q in extract_quotes(text)] == ["LarkbeckLad"]


def test_a_person_who_gave_only_a_first_name_is_called_by_it() -> None:
    text = ("A porter from Dunmere, who gave his name only as Kofi, said he had worked nights for six years.\n\n"
            "‘I move the same patients three times a shift,’ he said. ‘There is nowhere to put them.’")
    assert speakers(text) == [("Kofi", "A porter from Dunmere")]


def test_a_long_unnamed_role_with_a_place_is_the_speaker_not_a_body_in_the_sentence() -> None:
    text = ("One hospital chief executive in the Midlands, who did not want to be named because of talks with their "
            "ICB, was more blunt. “This is the biggest risk to our winter plan,” they said.")
    assert speakers(text) == [("One hospital chief executive in the Midlands", None)]


def test_an_unnamed_person_with_a_clause_is_named_by_the_noun_alone() -> None:
    text = ("A senior nurse who worked at the Holmwood home until last spring, and who asked not to be named, said "
            "night cover had been cut. ‘We wrote it up every time,’ she said.")
    assert speakers(text) == [("A senior nurse", None)]


def test_a_single_name_with_a_clause_about_his_own_family_is_a_person() -> None:
    text = ("Ewa Nowak, the charity's director, said breaks had been cut.\n\nRavi, who looks after his mother in "
            "Leeds, took part in the film. “People think a break is a luxury,” he said.")
    assert speakers(text)[-1][0] == "Ravi"


def test_a_quote_after_a_sentence_on_what_she_does_opened_by_a_clause_is_hers() -> None:
    text = ("Kerry Dunmore, 44, cares for her son. Paul has gone to bed. Kerry is on the sofa with a cup of tea.\n\n"
            "Asked what would help most, she does not hesitate. ‘Three nights. That’s all.’")
    assert speakers(text) == [("Kerry Dunmore", None)]


def test_a_paragraph_of_quotation_in_single_marks_ending_in_a_question_stays_in_the_body() -> None:
    """A question under 20 words reads like a sub-heading, but not when it is someone's quoted words."""
    para = "‘I’m his respite,’ Jean says. ‘Seventy-six and I’m the respite service. What does that tell you?’"
    raw = "\n\n".join([
        "Jean Dunmore, 76, comes over most afternoons so that Kerry can go to the supermarket or for a walk.",
        para,
        "Kerry uses the time to chase the council. She keeps a spreadsheet of every call and every email.",
    ])
    assert para in clean(raw).body


def test_a_person_a_body_owns_is_named_in_full_for_her_later_she() -> None:
    """"the Ferrier Institute’s Nadia Coulter" names her: "Coulter … she says" is hers, not the last woman's."""
    text = ("In this episode, the Ferrier Institute’s Nadia Coulter is joined by Marianne Oyelaran, a director of "
            "adult social services.\n\nOyelaran says councils were not asked.\n\nCoulter presses her on whether "
            "savings will ever reach councils.\n\n“That is the question every finance director asks,” she says.")
    assert speakers(text) == [("Nadia Coulter", None)]


def test_a_sentence_opening_on_a_given_names_possessive_is_about_her() -> None:
    text = ("Mark Ashby cares for his mother at home.\n\nRachel’s burden is different. A teacher, she has cut her "
            "hours to four days a week.\n\n“Last March Mum went out at two in the morning,” she says.")
    assert speakers(text) == [("Rachel", None)]


def test_a_couple_opening_a_sentence_are_the_he_the_she_and_his_wife_of_the_next_quotes() -> None:
    text = ("“Nobody has knocked on my door,” said Jerome Battle, 41, an electrician.\n\nAt a table outside the café, "
            "Alistair and Morag Lennie, both 67 and retired, were sharing a pot of tea.\n\n“I have voted the same "
            "way since I was 19,” he said.\n\nHis wife laughed. “He says that every four years,” she said.")
    assert [name for name, _ in speakers(text)] == ["Jerome Battle", "Alistair Lennie", "Morag Lennie"]


def test_a_quote_paragraph_under_a_line_on_what_she_does_is_hers() -> None:
    text = ("Mr Ian Kerr, a surgeon, has 4,000 patients on his list. Dr Ann Roe, a consultant, has more.\n\nAsked on "
            "this week's Ward Round what a clinic is like, she did not hesitate.\n\n“I apologise to patients every "
            "single day.”")
    assert speakers(text)[-1][0] == "Ann Roe"


def test_a_quote_paragraph_under_we_asked_her_to_tell_us_is_hers() -> None:
    text = ("Dr Carys Lloyd has become a partner at the practice.\n\nThe practice manager, Tom Hale, said he was "
            "delighted.\n\nWe asked Dr Lloyd to tell patients a little about herself.\n\n“I grew up in a village "
            "where everybody knew the GP by name.”")
    assert speakers(text)[-1][0] == "Carys Lloyd"


def test_a_person_presented_with_a_role_and_who_clause_is_the_he_of_the_next_quote() -> None:
    """"… is Dr Felix Amankwah, a geriatrician who helped set up the service" presents him, though no comma comes
    before "who"."""
    text = ("Ken Albright, 82, is on the virtual ward with pneumonia.\n\n"
            "The consultant on the other end of that call is Dr Felix Amankwah, a geriatrician who helped set up "
            "the service. Back at the hub, between calls, he explained why it matters.\n\n"
            "“Older people lose muscle strength remarkably quickly in hospital.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Felix Amankwah"]


def test_a_person_introduced_after_from_by_her_given_name_is_the_she_of_her_quote() -> None:
    text = ("“We were holding 120 patients,” Dr Ruth Mallinson, the trust's chief executive, told the committee.\n\n"
            "The committee also published evidence from Lorraine Fitch, whose father waited 11 hours in an ambulance. "
            "He died five days later.\n\nIn her submission, she wrote: “My father was a proud man.”")
    assert speakers(text)[-1][0] == "Lorraine Fitch"


def test_a_quote_paragraph_under_when_i_asked_her_with_her_role_between_is_hers() -> None:
    text = ("Tom Hale, our finance director, ran the numbers.\n\nWhen I asked Janette, our head of care at Rosehill, "
            "what had changed, she didn't hesitate.\n\n“People have a life again,” she said.")
    assert speakers(text)[-1][0] == "Janette"


def test_an_unnamed_person_described_by_a_participle_is_named_by_the_noun() -> None:
    text = ("One care worker employed by another provider in the county, who asked not to be named, said she was "
            "given 15 minutes a visit.\n\n“You’re watching the clock the whole time,” she said.")
    assert speakers(text) == [("One care worker", None)]


def test_an_unnamed_person_with_two_jobs_is_who_speaks_not_the_paper_she_told() -> None:
    text = ("A staff nurse and community midwife at the birth centre, who asked not to be named, told Nursing "
            "Frontline the unit was short of staff.\n\n“We cover every gap ourselves,” she said.")
    assert speakers(text) == [("A staff nurse and community midwife at the birth centre", None)]


def test_an_unnamed_person_described_by_a_who_clause_before_said_is_who_speaks_next() -> None:
    text = ("Ward manager Joanne Pike said the trust was doing all it could.\n\n"
            "A nurse who has worked in the department for more than a decade said staff had been left firefighting "
            "from the start of every shift.\n\n"
            "‘We had 31 people in the corridor at one point and two nurses to look after them,’ she said.")
    assert speakers(text)[-1] == ("A nurse", None)


def test_a_quote_paragraph_under_her_mum_named_after_her_role_is_her_mums() -> None:
    text = ("Jodie had struggled with anxiety at school.\n\nHer mum, Karen, knew something was wrong.\n\n“She has "
            "always been a chatterbox, and suddenly I was getting one-word answers.”")
    assert speakers(text) == [("Karen", "her mum")]


def test_a_line_on_what_he_thinks_with_commas_in_it_gives_him_the_quote_after_it() -> None:
    text = ("Dr Tomasz Nowak, a GP, visits the home every week. The nurses call him first.\n\nHe is clear, though, "
            "that the model depends on continuity. “It only works because it’s the same faces every week.”")
    assert speakers(text)[-1][0] == "Tomasz Nowak"


def test_an_irish_deputys_post_nominal_is_not_part_of_his_name() -> None:
    text = "“Health doesn’t stop at the border,” said Pádraig Ó Cuinn TD, who chairs the cross-border committee."
    assert speakers(text) == [("Pádraig Ó Cuinn", None)]


def test_an_unnamed_person_on_a_named_ward_introduced_after_a_named_speaker_gets_the_next_quote() -> None:
    text = ("Ruth Okonedo, one of the ward’s pharmacists, says delays cost patients.\n\n“We see it every week,” "
            "Okonedo says.\n\nThe strain spreads. One staff nurse on the trust’s stroke unit, who asked not to be "
            "named, describes what a delay means for her patients.\n\n“Every bed we cannot free is a patient waiting "
            "in the corridor downstairs.”")
    assert speakers(text)[-1][0] == "One staff nurse on the trust’s stroke unit"


def test_a_person_named_after_her_role_at_a_sentences_end_is_the_next_she() -> None:
    text = ("The person who noticed was my health visitor, Anne Kerslake. She came for the eight-month check and "
            "let me finish.\n\n‘I’ve been doing this job for 23 years,’ she said. ‘You haven’t looked at me once.’")
    assert speakers(text) == [("Anne Kerslake", "my health visitor")]


def test_a_given_name_set_off_after_a_supervisor_is_the_next_she() -> None:
    text = ("My practice supervisor, Donna, found me in the sluice. She did not tell me to pull myself together. "
            "She said: “You are not crying because you are weak.”")
    assert speakers(text) == [("Donna", "My practice supervisor")]


def test_a_pronoun_opening_the_next_sentence_is_not_part_of_a_name_ending_in_an_initial() -> None:
    text = ("A patient I’ll call Mr B. He’d been in for three weeks. He said to me, “You lot are run ragged.”\n\n"
            "I read an interview with the chair of the RCN’s student committee, Tariq Bello, where he said: "
            "“Students are there to learn.”")
    assert [name for name, _ in speakers(text)] == ["Mr B", "Tariq Bello"]  # the name the writer gives him


def test_a_first_name_the_writer_gives_someone_kept_anonymous_is_the_next_she() -> None:
    text = ("When Bernie – not her real name – started her round at 6am, the first call was 20 minutes away.\n\n"
            "‘Nobody pays you for the driving,’ she told the Courier. ‘You just do it.’")
    assert speakers(text) == [("Bernie", None)]


def test_a_second_unnamed_worker_is_the_she_of_the_quote_after_her() -> None:
    text = ("Tom Price, a lawyer who read the rotas, said: ‘The law on travel time is clear.’\n\n"
            "A second worker, who has been with the agency for four years, said she was warned about lateness. "
            "‘They said everyone else copes,’ she said.")
    assert speakers(text)[-1][0] == "A second worker"


def test_someone_the_programme_hears_from_without_her_name_is_the_next_she() -> None:
    text = ("This week Ruth Bell talks to Gwen Pardoe, who fosters teenagers in Alderley.\n\n"
            "We also hear from a social worker in a neighbouring borough, who asked us not to use her name, about "
            "the shortage of carers. “I have six children waiting and one bed,” she said.")
    assert speakers(text)[-1][0] == "a social worker in a neighbouring borough"


@pytest.mark.parametrize(("opening", "unnamed"), [
    ("A district nurse whose caseload doubled last year, and who asked not to be identified,", "A district nurse"),
    ("One AMHP in a rural county, who asked not to be named,", "One AMHP in a rural county"),
])
def test_an_unnamed_person_described_by_a_clause_or_an_acronym_keeps_the_quote(opening: str, unnamed: str) -> None:
    text = ("The Harwell Journal has seen the figures.\n\n"
            f"{opening} told the paper the cuts had gone too far. “We are firefighting every day,” she said.")
    assert speakers(text)[-1][0] == unnamed


def test_a_scene_about_a_named_nurses_phone_makes_her_the_next_she() -> None:
    text = ("Nurse Helen Moss drives the night round. Dr Ann Reyes, who runs the service, said: “It saves beds every "
            "week.”\n\n"
            "Back on the road, a text lights up Moss’s screen: a patient in Eastby needs her. She turns the car.\n\n"
            "“You get to know their kitchens and their dogs,” she said.")
    assert speakers(text)[-1][0] == "Helen Moss"


def test_a_firms_possessive_does_not_make_it_the_next_she() -> None:
    text = ("Dr Ann Reyes of Corvale Systems said: “It saves beds every week.”\n\n"
            "Later that week, a letter questioned Corvale’s contracts with the trust.\n\n"
            "“Nobody has answered me about any of it,” she said.")
    assert speakers(text)[-1][0] == "Ann Reyes"


def test_an_unnamed_manager_with_an_acronym_in_her_title_is_not_the_body_it_names() -> None:
    text = ("One senior ICB manager, who asked not to be named because talks are still going on, was blunt. "
            "“Everyone likes the service until you ask what should close to pay for it,” they said.")
    assert speakers(text) == [("One senior ICB manager", None)]


def test_mr_after_a_granddaughter_with_a_welsh_given_name_is_the_man_not_her() -> None:
    text = ("Her son, Rhys Bowen, drove up from Cardiff. Her granddaughter, Seren Bowen, 19, is training as a "
            "nurse.\n\n"
            "Mr Bowen has since complained to the council. He said he had “rung everyone I could think of for three "
            "days and got nowhere at all”.")
    assert [q.speaker for q in extract_quotes(text)] == ["Rhys Bowen"]


def test_a_sentence_opening_for_the_role_a_woman_was_given_makes_her_the_next_she() -> None:
    text = ("Megan Price, 71, a retired shepherd from Cwm Derw, has waited two years for a new hip.\n\n"
            "A Welsh Government spokesperson said: “We have invested an extra £50m this year in the longest waits.”\n\n"
            "For the retired shepherd, the promise of a new theatre next year feels a long way off.\n\n"
            "“Everyone is very sorry about it all,” she said. “I don’t want sympathy. I want a date.”")
    assert speakers(text)[-1][0] != "Welsh Government"
    assert "shepherd" in (speakers(text)[-1][0] or "")


def test_a_place_made_an_adjective_opens_no_name() -> None:
    """"the Hollinbrook-based charity" describes the body; "she" is still the founder named before it."""
    text = ("When Carys Pennant started Tidewell Carers in a church hall in 2012, she had four volunteers. Today the "
            "Hollinbrook-based charity supports 900 families.\n\n"
            "‘We began with a kettle and a list of phone numbers,’ she says.")
    assert speakers(text) == [("Carys Pennant", None)]


def test_the_short_name_of_a_body_opening_a_sentence_is_no_one() -> None:
    """"Ferncliffe" of "Ferncliffe Homecare" stands mid-sentence as a name would, but the "he" after it is the
    founder's."""
    text = ("Owen Treharne founded Ferncliffe Homecare in 2015. Like most providers, Ferncliffe has struggled to "
            "recruit since the visa rules changed.\n\n"
            "Ferncliffe moved to electronic rotas last year, but he is wary of apps that squeeze visits.\n\n"
            "‘Technology should give carers time back,’ he says.")
    assert speakers(text) == [("Owen Treharne", None)]


@pytest.mark.parametrize("relation", ["the daughter of one resident", "the son of a patient"])
def test_someones_unnamed_relation_is_the_she_or_he_after_them(relation: str) -> None:
    """Not the prosecutor named before: "the daughter of one resident" is whom the writer brings in, unnamed."""
    pronoun = "she" if "daughter" in relation else "he"
    text = (f"Prosecuting, Joanna Fairlie said the thefts went on for a year.\n\n"
            f"In a statement read to the court, {relation} said the family had trusted the home.\n\n"
            f"“We believed she was safe there,” {pronoun} said. “Now we question everything.”")
    assert speakers(text) == [(relation, None)]


@pytest.mark.parametrize("lead", ["One respondent, whom we are calling Bernadette, summed up what others told us:",
                                  "Another patient, whom I am calling Bernadette, said:",
                                  "One worker, a 34-year-old carer from Harare whom we are calling Bernadette to "
                                  "protect her identity, said she had borrowed the fee:"])
def test_the_name_a_writer_gives_an_unnamed_source_is_their_speaker_name(lead: str) -> None:
    text = ("More than half of those waiting said their pain had got worse.\n\n"
            f"{lead}\n\n“I have waited 14 months and nobody can tell me where I am on the list.”")
    assert [s for s, _ in speakers(text)] == ["Bernadette"]


def test_a_name_the_writer_gives_someone_else_in_the_sentence_is_not_the_unnamed_sources() -> None:
    """"We are calling" in another clause of the sentence names someone else: the speaker stays unnamed."""
    text = ("More than half of those waiting said their pain had got worse.\n\n"
            "One respondent, a retired teacher, said her neighbour, whom we are calling Bernadette, had waited "
            "longer:\n\n“I have waited 14 months and nobody can tell me where I am on the list.”")
    assert [s for s, _ in speakers(text)] == ["One respondent"]


def test_the_anonymous_source_is_still_the_one_the_article_said_so_of_many_paragraphs_later() -> None:
    """"The ward sister said …" after the union's general secretary has spoken is the sister kept anonymous, not
    the last person named."""
    text = ("A ward sister at one of the busiest trusts, who spoke on condition of anonymity, said the caps were "
            "ignored.\n\n“We ring every agency on the list,” she said.\n\n"
            "The figures show spending rose in twelve trusts. Several trusts missed their targets. The think tank "
            "said the data was worrying. Agency use rose again in the spring. Ministers said the caps would stay.\n\n"
            "Its general secretary, Colin Mabry, told the paper: “Members are leaving for agencies.”\n\n"
            "The ward sister said she was not hopeful. “I have heard it all before,” she said.")
    assert [s for s, _ in speakers(text)] == ["A ward sister at one of the busiest trusts", "Colin Mabry",
                                              "a ward sister"]


def test_someone_identified_only_by_a_first_name_speaks_as_that_name() -> None:
    text = ("The café has helped more than 900 people since it opened.\n\n"
            "One regular visitor, who asked to be identified only as Dean, 41, said the café had kept him going.\n\n"
            "“You can ring a helpline, but there is a difference when someone sits with you,” he said.")
    assert [s for s, _ in speakers(text)] == ["Dean"]


def test_the_spokesperson_is_the_body_with_a_long_name_that_brought_them_in() -> None:
    text = ("The union's general secretary, Martin Oduya, said ministers had walked away from talks.\n\n"
            "“Our members are exhausted,” he told the crowd.\n\n"
            "A Department of Health and Social Care spokesperson said the pay award had been accepted in full.\n\n"
            "“We have been clear that strikes are not the answer,” the spokesperson said.")
    assert [s for s, _ in speakers(text)] == ["Martin Oduya", "Department of Health and Social Care"]


def test_a_one_word_name_after_the_is_a_place_not_the_person_of_the_next_he() -> None:
    """"the Royal" (a hospital) opens the clause after "When Derek started,": "he" is still Derek."""
    text = ("Derek Applegate has pushed his last trolley at Pendlebury Royal Infirmary after 44 years.\n\n"
            "When Derek started, the Royal still had long Nightingale wards with 30 beds down each side.\n\n"
            "“You knew you might be the last face they saw,” he said.")
    assert speakers(text) == [("Derek Applegate", None)]


def test_an_opening_participle_phrase_is_no_name_and_the_subject_after_it_is_the_next_she() -> None:
    text = ("Practice nurse Jean Oakenshaw has retired after 31 years at the village surgery.\n\n"
            "Born in Coldharbour, Jean trained at the old Tarrow Royal Hospital before working as a district nurse.\n\n"
            "‘Then you get to know people, and you can’t leave,’ she said.")
    assert speakers(text) == [("Jean Oakenshaw", None)]


@pytest.mark.parametrize(("put", "pronoun", "answering"), [
    ("When I put Mrs Walsh's and Mr Dolan's points to Mr Buckby, he said", "he", "Alan Buckby"),
    ("When I asked Ruth Okafor about the waits, she said", "she", "Ruth Okafor"),
])
def test_the_one_the_writer_put_a_point_to_is_the_he_or_she_of_the_answer(put: str, pronoun: str,
                                                                          answering: str) -> None:
    text = ("Alan Buckby has been practice manager for six years. Ruth Okafor is the senior partner.\n\n"
            "Further down the road, Kieran Dolan said the system was unfair. Doreen Walsh agreed.\n\n"
            f"{put} the practice would keep some same-day appointments back.\n\n"
            f"“We’re not trying to push anyone online,” {pronoun} said.")
    assert [q.speaker for q in extract_quotes(text)] == [answering]


def test_someone_who_did_not_want_her_name_used_is_left_unnamed_not_the_woman_before() -> None:
    text = ("Doreen Walsh, 79, has lived on Orchard Close since 1971. She doesn't own a smartphone.\n\n"
            "A woman pushing a buggy past the pharmacy, who didn't want her name on the internet, said she had used "
            "the app. \"Honestly, it was easier than ordering a takeaway,\" she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["A woman"]



@pytest.mark.parametrize("opening", ["The minister dismissed the criticism on Tuesday.",
                                     "The care minister, speaking on Tuesday, dismissed the criticism."])
def test_a_sentence_opening_on_a_role_is_about_whom_the_article_gave_it(opening: str) -> None:
    text = ("Care minister Tom Ashby said the plan would protect families from ruinous bills.\n\n"
            "Ruth Lane, who runs the charity Carers Link, said she was worried. “It will not reach the people who "
            "need it,” she said. “Most families will never see a penny of it.”\n\n"
            "Two councils said they had not been consulted. Paul Grieve, a county director of care, said the sums did "
            "not add up, and "
            "warned that assessments would take months. Ms Lane added that families needed advice now.\n\n"
            "What happens next? Councils will open care accounts from April. People already in care will start "
            "counting towards the cap in October. Money spent before then will not count. Guidance for families "
            "is due in the summer. Charities say the helplines are already busy.\n\n"
            f"{opening} “This is the biggest change in a generation,” he told MPs.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Tom Ashby"



def test_a_description_after_a_name_is_no_one_brought_in_unnamed() -> None:
    """"Dr Nina Walsh, a consultant …" describes her: "the consultant" later is her, not "a consultant"."""
    text = ("“Frail patients do better at home when the support is there,” said Dr Nina Walsh, a consultant "
            "geriatrician at the Royal.\n\n"
            "Last winter the ward ran at full stretch for eleven weeks. The hospital's board said staffing was "
            "improving.\n\n"
            "“We cannot keep people in beds they do not need,” the consultant added.")
    assert [q.speaker for q in extract_quotes(text)] == ["Nina Walsh", "Nina Walsh"]


@pytest.mark.parametrize("relation", ["mum", "mum-of-two", "dad"])
def test_a_relation_written_as_a_title_before_a_full_name_names_the_speaker(relation: str) -> None:
    text = ("Baby Isla spent her first month in neonatal intensive care at the Royal.\n\n"
            f"“Nobody was telling us anything,” said {relation} Sam Whitlow, 27. “We just sat by the cot.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Sam Whitlow"]


def test_a_short_form_of_one_persons_given_name_is_that_person() -> None:
    """"Raymond Fairclough … Ray": Ray is him, so the "he" of a quote far on is too."""
    text = ("It is 6.45am, and Raymond Fairclough has already walked further than most of us will all day.\n\n"
            "Ray, as everyone on the wards knows him, joined the portering team in 1996.\n\n"
            "“I thought I'd do it for a year,” says Ray.\n\n"
            "Mohammed Iqbal, his supervisor, says new starters shadow him. “He knows every corridor,” says Mohammed.")
    assert [q.speaker for q in extract_quotes(text)] == ["Raymond Fairclough", "Mohammed Iqbal"]


def test_the_one_title_an_article_gave_before_is_whom_the_role_means() -> None:
    """"Inspector Gareth Pugh … the inspector said." is him; "The nurse, who …" is not a chief nurse named later."""
    text = ("Inspector Gareth Pugh, who leads the force's mental health team, said the café had changed things.\n\n"
            "Officers used to wait up to 12 hours in A&E with a patient, the inspector said.\n\n"
            "“That is a response car off the road for a whole shift.”\n\n"
            "An A&E nurse, Kayleigh Brennan, ran the marathon in her scrubs. The nurse, who had never run so far "
            "before, trained for five months.\n\n"
            "“By mile 18 they were soaked through,” she said.\n\n"
            "Trust chief nurse Angela Ferris said: “We are so proud of her.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Gareth Pugh", "Kayleigh Brennan", "Angela Ferris"]


def test_a_quote_under_a_sentence_opening_on_she_is_hers() -> None:
    text = ("Denise Harrow, 64, lost her sight to glaucoma in her forties. Her husband, Colin, drives her to work.\n\n"
            "Mrs Harrow is now on her third guide dog, a Labrador cross called Juno.\n\n"
            "She describes the difference Juno makes as “like night and day”.\n\n"
            "“With a cane you find things by bumping into them. With Juno, I glide round them.”")
    assert [q.speaker for q in extract_quotes(text) if not q.partial] == ["Denise Harrow"]


@pytest.mark.parametrize("home", ["Oakbank Lodge", "Beech Grange", "Harbour View", "Moor Lane"])
def test_a_care_homes_name_opening_a_sentence_is_no_woman_a_she_could_mean(home: str) -> None:
    text = (f"Rutendo Chikwanha, 34, has worked at {home} in Kidderley since 2023.\n\n"
            f"{home} applied for its own sponsor licence, but the application has not been decided.\n\n"
            "“I did everything they asked me to do,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Rutendo Chikwanha"]


@pytest.mark.parametrize(
    "where", ["Linden Unit was home.", "he lay on the hospital's Rowan Ward, where he learned to walk."]
)
def test_a_hospital_wards_name_is_no_man_a_he_could_mean(where: str) -> None:
    text = ("Nurses cheered Derek Whitlow all the way home on Friday.\n\n"
            f"For a month {where}\n\n"
            "“I couldn't lift a cup when I came in,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Derek Whitlow"]


@pytest.mark.parametrize("name", ["David Lodge", "Penny Lane", "Tobias Ward", "Kerry-Anne Lodge", "Jean-Paul Lane"])
def test_a_person_whose_surname_is_a_building_word_is_still_a_person(name: str) -> None:
    text = f"{name}, 71, chairs the patients' group.\n\n“Nobody asked us,” {'he' if name[0] in 'DTJ' else 'she'} said."
    assert [q.speaker for q in extract_quotes(text)] == [name]


@pytest.mark.parametrize(("named", "speaker"), [
    ("That was the care minister, Gareth Pellow, on Breakfast Politics.", "Gareth Pellow"),
    ("That is the verdict of Jo Bright, who runs the centre.", "Jo Bright"),
    ("That was Dr Ann Lee, speaking to MPs on Tuesday.", "Ann Lee"),
    ("That was in 2019, before the pandemic.", None),
])
def test_a_sentence_after_a_quote_naming_whose_it_was_is_its_attribution(named: str, speaker: str | None) -> None:
    text = f"Ministers say recruitment is up.\n\n‘We have more people in social care than ever.’ {named}"
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("named", ["So says Doris Pennock, who at 91 is the club's oldest member.",
                                   "That advice came from Doris Pennock, 91, who joined the club in May.",
                                   "The words are those of Doris Pennock, the club's oldest member.",
                                   "That was the stark warning on Monday from Doris Pennock, the club's chair.",
                                   "That account was given to the Echo by Doris Pennock, 91, a member since May.",
                                   "Those words were written by Doris Pennock in a letter to the club.",
                                   "Those words, from a statement written by Mrs Boateng's daughter, Doris Pennock, "
                                   "were read at the meeting.",
                                   "These words, from a letter by Doris Pennock, her neighbour, hang in the hall.",
                                   "That was how Doris Pennock described her first morning in the garden.",
                                   "That was the verdict of garden co-ordinator Doris Pennock, who chairs the club.",
                                   "That was the verdict of chief investigator Dr Doris Pennock of Kingsmead.",
                                   "That’s Doris Pennock, who has looked after her husband since 2020.",
                                   "That is Doris Pennock, chair of the club since it opened.",
                                   "Doris Pennock, 91, from Ashcombe, said that was how she felt on her first day."])
def test_a_paragraph_naming_whose_the_quote_above_was_is_its_attribution(named: str) -> None:
    text = ("Larchfield House has turned its car park into a garden. Shanice Boateng runs the activities.\n\n"
            "“I hadn't had my hands in soil for eleven years. The first time I pulled up a carrot I cried.”\n\n"
            f"{named}\n\n"
            "The deployment forms part of Wexcombe's wider plan for the home.")
    assert [q.speaker for q in extract_quotes(text)] == ["Doris Pennock"]


def test_someone_unnamed_from_an_acronymed_department_is_whom_she_means() -> None:
    """"An A&E nurse at a large hospital …, who asked not to be named, said" is the nurse, not a woman named later."""
    text = ("Nurses say corridor care has become routine.\n\n"
            "An A&E nurse at a large hospital in the north, who asked not to be named because staff had been told not "
            "to speak to the media, said her department was “like a field hospital”.\n\n"
            "“We had 19 patients in the corridor on Monday night,” she said.\n\n"
            "Sandra Coyle said her father waited 31 hours. Ms Coyle said the nurses were run ragged. Coyle has since "
            "complained.")
    said = [q.speaker for q in extract_quotes(text) if not q.partial]
    assert said == ["An A&E nurse at a large hospital in the north"]


def test_a_clause_about_someones_loss_is_not_about_the_he_after_it() -> None:
    """"After Pauline's death, he says, …": his words, not hers (she is the one who died, and no "he")."""
    text = ("Keith Pennock has presented the show for 40 years. His wife, Pauline, was a nurse.\n\n"
            "“She used to say she saw more of me on the radio than at home,” he laughs.\n\n"
            "After Pauline's death, he says, the station kept him going. “Coming in here gives you a reason.”")
    assert [s for s, _ in speakers(text)] == ["Keith Pennock", "Keith Pennock"]


def test_a_clause_about_someone_named_then_she_makes_her_the_one_the_quote_under_it_is_by() -> None:
    text = ("When Jess rang the crisis line at 3am one night, she had already written letters to her parents.\n\n"
            "‘I didn’t think anyone would pick up,’ she said.\n\n"
            "Ruth Okafor, 63, a volunteer with the charity, said the calls had become more complex.")
    assert [s for s, _ in speakers(text)] == ["Jess"]


@pytest.mark.parametrize(("told", "speaker"), [("When I told Arthur I was writing this, he", "Arthur Beale"),
                                               ("When I told him about Christmas, he", "Stephen Carraway")])
def test_whom_the_writer_told_is_the_he_who_answers(told: str, speaker: str) -> None:
    """The one told is the name right after "told" ("Christmas" later in the clause is no one)."""
    text = ("At three one morning, Arthur Beale rang his call bell. He is 91, a retired signalman.\n\n"
            "Stephen Carraway, the care minister, visited the home on Friday.\n\n"
            f"{told} asked if he could say something.\n\n"
            "“Tell him the staff here are the only reason I’m not in hospital,” he said.")
    assert [s for s, _ in speakers(text)] == [speaker]


def test_someone_given_a_role_and_named_mid_sentence_is_the_he_after_it() -> None:
    """"the care minister, Stephen Carraway," is whom "he said" means, not the night carer named before."""
    text = ("Within two minutes one of our night carers, Joy, was sitting on his bed.\n\n"
            "Joy came to this country four years ago. Without her, I would have closed.\n\n"
            "So I read with disbelief the speech the care minister, Stephen Carraway, gave to the conference last "
            "week. Providers, he said, had chosen “the easy route” of recruitment abroad.\n\n"
            "“That era is over,” he told delegates.")
    assert [s for s, _ in speakers(text)] == ["Stephen Carraway"]


def test_asked_what_he_would_miss_the_doctor_named_after_the_question_is_the_he_who_answers() -> None:
    """His wife shares his surname: "Fairweather" alone is neither a man nor a woman, so "he" can be him; and "Mrs
    Fairweather" is not he (the article never writes her full name: she is the surname, not her husband)."""
    text = ("Dr Alan Fairweather joined the surgery in 1986.\n\n"
            "His wife, Margaret, said she was looking forward to having him at home.\n\n"
            "“He's been on call for most of our marriage,” said Mrs Fairweather, 66.\n\n"
            "Among those sorry to see him go is Ron Pilbeam, 78, a patient since 1986.\n\n"
            "“He saw me through my heart attack,” said Mr Pilbeam.\n\n"
            "Asked what he would miss most, Dr Fairweather did not hesitate.\n\n"
            "“The people,” he said. “Not the paperwork.”")
    assert [s for s, _ in speakers(text)] == ["Fairweather", "Ron Pilbeam", "Alan Fairweather"]


def test_a_thing_named_by_a_letter_is_no_one_a_she_could_mean() -> None:
    text = ("Jean Mallender, 84, waited 14 hours in A&E after a fall at home.\n\n"
            "Mrs Mallender was eventually moved to a ward, where an X-ray confirmed a fractured hip.\n\n"
            "Speaking from her hospital bed, she said: ‘I didn’t want to make a fuss. They were all so busy.’")
    assert [s for s, _ in speakers(text)] == ["Jean Mallender"]


@pytest.mark.parametrize("source", ["The health visitor who spoke to the Gazette", "The nurse who first contacted the "
                                                                                    "Gazette"])
def test_the_source_who_spoke_to_the_paper_is_no_one_the_paper_named(source: str) -> None:
    """Not the paper ("the Gazette" is no one's name) and not the woman named last: the writer's unnamed source."""
    text = ("A nurse with 15 years’ experience, who asked not to be named, said caseloads were unmanageable.\n\n"
            "Chloe Barraclough, 28, said she did not see anyone after the birth of her second child.\n\n"
            "“This time I got a text with a number to ring,” she said.\n\n"
            f"{source} said the training places were welcome. “We need people now,” she said.")
    assert [s for s, _ in speakers(text)] == ["Chloe Barraclough", source.split(" who")[0]]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Dr Priya Mahendran described the new unit as “a game-changer for early diagnosis”.", "Priya Mahendran"),
    ("Hexford Hospitals NHS Trust declared a critical incident because of what it describes as “extreme pressure”.",
     "Hexford Hospitals NHS Trust"),
    ("Dr Priya Mahendran said she recognised the pressures described by “the frontline”.", "Priya Mahendran")])
def test_whoever_described_something_as_a_phrase_said_it(sentence: str, speaker: str) -> None:
    """"X described the unit as “…”" is X's phrase; "what it describes as" and "described by" name no one new."""
    quotes = [q for q in extract_quotes(f"The unit opened on Monday.\n\n{sentence}") if q.partial]
    assert [q.speaker for q in quotes] == [speaker]


def test_someone_unnamed_with_years_of_service_is_the_she_after_them() -> None:
    text = ("Miriam Oduya, who led the review, said the findings were stark.\n\n"
            "One nurse with more than 20 years’ service told the review team that a relative had abused her.\n\n"
            "“I was the one who was moved,” she said.")
    assert [s for s, _ in speakers(text)] == ["One nurse with more than 20 years’ service"]


@pytest.mark.parametrize("work", ["book, Wards and Waiting Rooms,", "documentary, Night Shift Diaries,"])
def test_a_works_title_after_an_opening_phrase_is_no_one_he_could_mean(work: str) -> None:
    text = ("Sir Alan Pryor, a former health secretary, says he was told about the decision only hours before.\n\n"
            f"In the {work} which comes out next month, he describes the Treasury as “a department of no”.\n\n"
            "“It took them a single afternoon,” he wrote.")
    assert {q.speaker for q in extract_quotes(text)} == {"Alan Pryor"}


def test_a_sidebars_credit_lines_under_each_quotation_name_its_speaker() -> None:
    text = ("The survey found that district nurses were rationing care.\n\n"
            "In their words\n\n"
            "“I had 38 patients on my list today and two of us to see them.”\n\n"
            "Becky Norwood, district nursing sister, Hollinsford\n\n"
            "“Newly qualified nurses are leaving within a year.”\n\n"
            "Samuel Ofori, community matron, Saltmere\n\n"
            "The union said morale was the lowest it had known.")
    assert [q.speaker for q in extract_quotes(text)] == ["Becky Norwood", "Samuel Ofori"]


def test_a_vox_pops_credit_lines_over_each_quotation_still_name_the_quotation_under_them() -> None:
    text = ("We asked patients what they made of the new phone system.\n\n"
            "Margaret Thewlis, 74, retired teacher\n\n"
            "“I was sceptical. But I pressed the button and it rang me back.”\n\n"
            "Darren Oakes, 41, delivery driver\n\n"
            "“It's fine if you just want an appointment.”\n\n"
            "The practice said it would review the system in the spring.")
    assert [q.speaker for q in extract_quotes(text)] == ["Margaret Thewlis", "Darren Oakes"]


@pytest.mark.parametrize("credit", ["Kasia, 19, student, Hollinsford", "Tomasz, 52, Ashworth Park"])
def test_a_vox_pops_credit_by_a_given_name_and_an_age_names_the_quotation_under_it(credit: str) -> None:
    text = ("We asked shoppers what they made of the new clinic.\n\n"
            "Margaret Thewlis, 74, retired teacher\n\n"
            "“I was sceptical. But I pressed the button and it rang me back.”\n\n"
            f"{credit}\n\n"
            "“I didn't know there had been one before. I'll use it, though.”\n\n"
            "Darren Oakes, 41, delivery driver\n\n"
            "“It's fine if you just want an appointment.”\n\n"
            "The practice said it would review the system in the spring.")
    assert [q.speaker for q in extract_quotes(text)] == ["Margaret Thewlis", credit.split(",")[0], "Darren Oakes"]


def test_a_quote_under_a_line_of_narrative_opening_with_a_plural_goes_on_with_the_last_speaker() -> None:
    text = ("“We have a waiting list of 2,000,” said Dr Priya Nandra, who runs the practice.\n\n"
            "Dr Nandra said the contract “simply doesn't pay” for complex care.\n\n"
            "Practices are paid in bands, so one filling earns the same as several.\n\n"
            "“When I see a patient who needs three fillings, I know I will lose money.”")
    assert speakers(text)[-1] == ("Priya Nandra", None)


@pytest.mark.parametrize("who", ["Another provider", "One employer"])
def test_a_body_word_asked_not_to_be_named_is_the_she_who_speaks_next(who: str) -> None:
    text = ("Rachel Thorne, who runs a home in Leeds, said the rules were unfair.\n\n"
            f"{who}, who asked not to be named because she feared for her licence, said the pool was “a fiction”.\n\n"
            "“We have tried to recruit from that pool. Most have left,” she said.")
    assert speakers(text)[-1][0] == who


@pytest.mark.parametrize("county", ["Co Armagh", "Co. Down"])
def test_an_irish_county_after_a_home_town_is_no_one_the_next_she_can_be(county: str) -> None:
    text = (f"Among those waiting is Bernadette Quinn, 67, from Drumcarragh, {county}, who was referred in 2019.\n\n"
            "“I used to walk the dog every morning,” she said.")
    assert speakers(text)[-1][0] == "Bernadette Quinn"


def test_someone_brought_in_by_age_and_first_name_alone_is_the_next_she() -> None:
    text = ("‘We have 14 practitioners,’ Dr Priya Nandakumar said.\n\nFor 15-year-old Ellie, a Year 11 pupil at "
            "Harefield, the support came at a crucial moment. She was referred by her form tutor last year.\n\n"
            "‘I’d get to the gates and just not be able to go in,’ she said.")
    assert speakers(text)[-1][0] == "Ellie"


@pytest.mark.parametrize("who", ["one of the nurses", "a young nurse"])
def test_someone_unnamed_who_did_something_and_said_speaks_not_the_he_of_the_clause_before(who: str) -> None:
    text = ("My husband spent nine days on the ward.\n\n"
            f"On the night he was admitted, {who} sat with me and said: ‘He’s in the best place, love.’")
    assert speakers(text) == [(who, None)]


def test_the_person_who_set_something_up_named_last_is_the_next_she() -> None:
    text = ("Edna's sister-in-law, Margaret Pritchard, 89, moved into the home last year.\n\n"
            "The club was set up by activities coordinator Lisa Donnelly after staff mentioned the unit.\n\n"
            "She said: \"It started with three ladies and a bag of wool.\"")
    assert speakers(text)[0][0] == "Lisa Donnelly"


def test_a_body_that_runs_something_is_not_taken_for_a_person() -> None:
    text = ("Gareth Lomax leads the wheelchair service, which is run by Ardent Mobility under contract.\n\n"
            "He said: \"I'm very sorry that Kieran has waited as long as he has.\"")
    assert speakers(text)[0][0] == "Gareth Lomax"


@pytest.mark.parametrize("street", ["Church Lane", "Mill Road", "Foundry Street", "Ash Grove"])
def test_the_town_after_a_street_in_someones_address_is_no_one(street: str) -> None:
    text = (f"Among the patients is Walter Okafor, 82, of {street}, Holme St Giles, who has had his leg dressed at "
            "home since January.\n\n'They are marvellous, all of them,' he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Walter Okafor"]


@pytest.mark.parametrize("street", ["Station Road", "Ash Grove"])
def test_the_town_in_the_address_of_a_speaker_described_by_a_who_clause_is_not_the_speaker(street: str) -> None:
    text = (f"Walter Okafor, 82, of {street}, Little Barton, who has had his leg dressed at home since January, said: "
            "“They are marvellous, all of them.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Walter Okafor"]


@pytest.mark.parametrize("address", ["of Mill Lane, Hatherby", "from Hatherby"])
def test_a_speaker_with_an_address_and_a_who_clause_naming_her_husband_is_the_speaker(address: str) -> None:
    text = ("Carers Forward said its advice line had taken more than 9,000 calls about paying for care.\n\n"
            f"Joan Pettigrew, 88, {address}, who sold the bungalow she shared with her husband, Ken, to pay for his "
            "care, said she had been “naive” about the rules.\n\n“We bought that house in 1971,” she said.")
    assert {q.speaker for q in extract_quotes(text)} == {"Joan Pettigrew"}


@pytest.mark.parametrize("order", ["First", "Next"])
def test_a_points_order_opening_the_line_before_a_letter_is_no_ones_name(order: str) -> None:
    text = (f"Thank you for another bumper postbag.\n\n{order}, Margaret, a retired district nurse who writes from "
            "Lower Ashcombe, responding to last week’s piece:\n\n“When I started in 1979, I knew every one of my "
            "patients by name.”\n\nI have no answer to that.")
    assert [name for name, _ in speakers(text)] == ["Margaret"]


@pytest.mark.parametrize("country", ["Nigeria", "Ireland", "Jamaica"])
def test_the_country_after_a_birthplace_opening_the_sentence_is_no_one_a_pronoun_can_mean(country: str) -> None:
    text = (f"Born in Kingsport, {country}, the eldest of four children of a schoolteacher, Margaret came to Britain "
            "in 1957 to train as a nurse.\n\n"
            "‘My mother told me to go where I was needed, so I did,’ she recalled in 2011.")
    assert [q.speaker for q in extract_quotes(text)] == ["Margaret"]
