"""Who speaks in reaction round-ups, hearings, translations and family stories: credit lines over quotes, turns of
an exchange, a relative named once, a name inside someone's description."""

from __future__ import annotations

import pytest

from bot.core.quotes import extract_quotes
from bot.core.quotes.clauses import first_subject
from tests.core.test_quote_speakers import speakers


def test_a_round_ups_credit_lines_name_the_person_after_their_body_or_the_bodys_spokesperson() -> None:
    text = ("Here is how the sector reacted.\n\n"
            "Unite – Dana Crowe, national officer for health\n"
            "“Nurses will read this and wonder who it was written for. It does nothing about pay.”\n\n"
            "Holmfield Homes – Priya Lal, operations director\n"
            "“We welcome the funding, but it arrives in April and our bills arrive now.”\n\n"
            "A spokesperson for the Riverside Carers Alliance\n"
            "“Unpaid carers are missing from every page of this plan. That cannot be right.”")
    assert speakers(text) == [("Dana Crowe", "national officer for health"), ("Priya Lal", "operations director"),
                              ("Riverside Carers Alliance", None)]


@pytest.mark.parametrize(("credit", "speaker"), [
    ("(carer, Eastfield)", ("carer, Eastfield", None)),
    ("(Ann Lee, carer)", ("Ann Lee", "carer")),
])
def test_a_credit_in_brackets_closing_a_quotes_paragraph_names_who_said_it(credit: str, speaker: tuple) -> None:
    text = ("Here is a selection of comments, shared with permission.\n\n"
            f"“I don't drive and the bus to Millbrook takes an hour with a change. I would just stop going.” {credit}")
    assert speakers(text) == [speaker]


def test_a_remark_in_brackets_between_two_parts_of_a_speech_is_no_credit() -> None:
    text = ("The chancellor, Miriam Castell, said the money would go to councils.\n\n"
            "To cheers, she added: “We are ending the era of sticking-plaster funding.” (Hon. Members: Hear, hear!) "
            "“This money is recurring.”")
    assert {name for name, _ in speakers(text)} == {"Miriam Castell"}


def test_they_added_opening_the_paragraph_under_a_familys_long_statement_is_the_family() -> None:
    text = ("Kai Lomas, 19, died in March. His family sat in the front row as the conclusion was read.\n\n"
            "In a statement, the family said: “Kai was funny and kind. He went in because he wanted help. We trusted "
            "them. We believed them. We were wrong to.\n\n"
            "“We have sat through five days of evidence about staffing. None of that brings Kai back.”\n\n"
            "They added: “We don’t want any other family to go through this.”")
    assert speakers(text) == [("the family", None), ("the family", None)]


def test_a_place_in_an_unnamed_persons_description_is_not_who_speaks() -> None:
    text = ("One midwife in the South West, who asked not to be named, said the unit had closed twice this month.\n\n"
            "“We are running on fumes and everybody knows it,” she said.")
    assert speakers(text) == [("One midwife in the South West", None)]


def test_a_relative_named_once_is_that_person_when_the_article_calls_him_so_again() -> None:
    text = ("Ivy Marsh, who ran the village surgery for thirty years, has died aged 88.\n\n"
            "Her husband of 52 years, Walter, said she had kept working long after she retired.\n\n"
            "She trained at St Luke’s in 1958.\n\n"
            "Her husband said the family had been moved by the cards.\n\n"
            "“She would have hated the fuss and loved every one of them,” he said.")
    assert speakers(text)[-1] == ("Walter", "her husband")


def test_a_spokesperson_who_sent_us_a_statement_speaks_for_the_body_we_asked() -> None:
    text = ("We asked Brindle District Council why the centre was closing. A spokesperson sent us this statement: "
            "“Demand for the service has fallen by a third since 2022 and the building needs repairs we cannot "
            "afford.”")
    assert speakers(text) == [("Brindle District Council", None)]


def test_unattributed_answers_and_questions_at_a_hearing_take_turns() -> None:
    text = ("Giving evidence, Mr Okafor was asked about the rota by counsel to the inquiry, Helen Marr KC.\n\n"
            "“Were you told the ward was short of nurses?” Ms Marr asked.\n\n"
            "“I was told it was busy,” Mr Okafor said. “Busy is not the same thing.”\n\n"
            "“Did you ask anyone what busy meant?”\n\n"
            "“No. I should have done.”")
    assert [name for name, _ in speakers(text)] == ["Helen Marr", "Okafor", "Helen Marr", "Okafor"]


def test_once_counsel_has_put_a_question_to_a_witness_her_later_questions_are_put_to_him_too() -> None:
    text = ("Counsel to the inquiry, Helen Marr KC, took Mr Okafor through the report.\n\n"
            "“Did you read it, Mr Okafor?” she asked.\n\n"
            "“I read the summary,” he said.\n\n"
            "“Only the summary?”\n\n"
            "“Yes. I relied on the director of nursing to take me through the detail.”")
    assert [name for name, _ in speakers(text)] == ["Helen Marr", "Okafor", "Helen Marr", "Okafor"]


def test_a_speakers_own_question_goes_on_in_her_next_paragraph() -> None:
    text = ("Dr Lena Ford said the nearest unit was now in Carlow. “It is a long way at night,” she said.\n\n"
            "Mother of two Gemma Hart was blunter. “Where are we supposed to go?” she said.\n\n"
            "“The bus takes an hour and it stops at six.”")
    assert [name for name, _ in speakers(text)][-1] == "Gemma Hart"


def test_a_first_name_someone_asked_us_to_use_is_their_name() -> None:
    text = ("One resident on Elm Ward, who asked us to use only her first name, Jo, said the night staff had been "
            "kind.\n\n"
            "“They sat with me when I could not sleep,” she said.")
    assert speakers(text) == [("Jo", "One resident on Elm Ward")]


def test_a_place_after_in_is_not_the_next_she() -> None:
    text = ("Rosa Quint has run Eastgate General for two years.\n\n"
            "She grew up above a bakery in Ashby Green, trained as a midwife and moved into management by chance.\n\n"
            "“My father counted loaves and I count beds,” she says.")
    assert speakers(text) == [("Rosa Quint", None)]


def test_people_named_in_a_quote_with_its_own_attribution_are_no_speakers() -> None:
    text = ("Rosa Quint took over the trust in 2024.\n\n"
            "“Managers said to me it would pass, and it did not,” she recalls.\n\n"
            "“There was a lot of goodwill. Nurses staying late, porters covering wards,” she says.")
    assert [name for name, _ in speakers(text)] == ["Rosa Quint", "Rosa Quint"]


@pytest.mark.parametrize("lead_in", ["In English: ", "That translates as: ", "Translated, that means: "])
def test_a_translation_is_the_same_speakers_words(lead_in: str) -> None:
    text = ("The board’s chair, Owain Tudur, said: “Rydym yn falch iawn o’r tîm a’r gwaith caled.”\n\n"
            f"{lead_in}“We are very proud of the team and of its hard work.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Owain Tudur", "Owain Tudur"]


def test_concerns_raised_by_a_council_do_not_make_the_report_the_councils() -> None:
    text = ("Inspectors visited Larch House in May after concerns were raised by a relative and by Dunmere Council.\n\n"
            "The home was rated inadequate in every area.\n\n"
            "The report said: “People were not always given their medicines on time, and staff were not sure "
            "what to do when they were not.”")
    assert speakers(text)[0][0] != "Dunmere Council"


def test_someone_named_inside_an_attributed_quote_is_not_the_next_she() -> None:
    text = ("In Kelbury, Dawn Pryce cares for her daughter Ellie, 29, who has cerebral palsy.\n\n"
            "“They have counted her benefits as income,” Pryce said. “Ellie needs taxis because she cannot manage "
            "buses.”\n\n"
            "She has appealed but has been told it may take months. “Meanwhile the letters keep coming.”")
    assert [name for name, _ in speakers(text)] == ["Dawn Pryce", "Dawn Pryce"]


def test_the_name_a_writer_says_they_will_call_someone_is_theirs() -> None:
    text = ("Last spring I sat with a young woman I’ll call Amira, who had been admitted after a crisis. For days I "
            "just told her I would be around.\n\n"
            "“I thought nobody came back from a ward like this,” she said.\n\n"
            "A patient I'll call Mr T was on the next bay. “You lot never stop, do you?” he asked me one night.")
    assert [name for name, _ in speakers(text)] == ["Amira", "Mr T"]


def test_he_after_a_named_person_in_the_same_sentence_is_that_person() -> None:
    text = ("A patient I'll call Mr T was on the next bay for a month.\n\n"
            "I later read an interview with the chair of the students' committee, Omar Rashid, where he said: "
            "“Students are there to learn, and they are not spare staff.”")
    assert speakers(text)[-1][0] == "Omar Rashid"


def test_an_unnamed_person_with_a_figure_in_their_description_is_not_cut_at_its_comma() -> None:
    text = ("‘We already triage every request that comes in,’ said one manager at a 9,000-patient practice in "
            "Lincolnshire.")
    assert "9" not in (speakers(text)[0][0] or "")


def test_an_unnamed_person_with_a_relative_clause_and_no_commas_is_who_speaks_next() -> None:
    text = ("Dr Ravi Menon, a GP in Leeds, said: “We were not consulted on any of it.”\n\n"
            "Not everyone was gloomy. A manager in Bristol whose practice moved to the new model last year said the "
            "change had been ‘hard for a month and then better’.\n\n"
            "“Once the team trusted the system, our phone queue fell by half,” he said.")
    assert speakers(text)[-1][0] == "A manager in Bristol"


def test_an_office_the_article_gave_someone_far_back_is_theirs() -> None:
    others = " ".join(f"{name} said the night had been hard." for name in (
        "Helen Garside", "Tom Fry", "Ann Lees", "Raj Patel", "Joan Hoyle", "Ken Ward", "Mia Lowe", "Sam Reid",
        "Lucy Hart"))
    text = ("Dr Simon Achebe, Medical Director, said the trust had apologised to the family.\n\n"
            f"{others}\n\n"
            "The medical director added: “We will keep working with our partners to end long handover delays.”")
    assert speakers(text)[-1][0] == "Simon Achebe"


def test_a_paper_opening_a_sentence_is_no_person_and_an_interviewee_from_a_town_is_the_next_she() -> None:
    text = ("The Daily Courier says ministers will delay the cap. One source tells the paper: “It is dead for now, "
            "whatever anyone says in public.”\n\n"
            "The Evening Ledger takes a harder line in its editorial.\n\n"
            "It also carries an interview with Joan Pryor, 74, from Ashby, who sold her home to pay for her "
            "husband's care.\n\n"
            "“I did everything I was told to do,” she tells the paper. “And it all went on fees.”")
    assert speakers(text)[-1][0] == "Joan Pryor"


def test_an_unnamed_worker_who_told_the_paper_is_the_next_he() -> None:
    text = ("A consultant in the emergency department, who asked not to be named, said the corridor was full by "
            "noon. “It is every day now,” she said.\n\n"
            "A porter on the night shift told the Courier that patients were also lined up outside the lifts.\n\n"
            "“You push a trolley past forty people and you know every one of them is waiting,” he said.")
    assert speakers(text)[-1][0] == "A porter on the night shift"


def test_a_member_of_the_senedd_is_of_either_sex() -> None:
    text = ("Cwm Aran MS Dylan Pryce, who raised the case in the Senedd on Wednesday, said such waits were common.\n\n"
            "“I hear from constituents every week,” he said.")
    assert [name for name, _ in speakers(text)] == ["Dylan Pryce"]


def test_someone_presented_after_also_on_the_picket_line_was_is_the_next_he() -> None:
    text = ("Our reporter Sam Reid is outside the infirmary, where 60 nurses have gathered.\n\n"
            "Also on the picket line was Ray Dunn, a retired porter whose wife is a nurse there. “She has never "
            "asked for anything,” he said.")
    assert speakers(text) == [("Ray Dunn", None)]


def test_a_gran_named_after_her_role_is_the_woman_not_the_child() -> None:
    found = first_subject("Alfie's gran, Pauline Hext, 61, has started an online fundraiser.", strict=True)
    assert found is not None and (found.name, found.gender) == ("Pauline Hext", "f")


def test_the_age_a_story_gives_someone_is_who_speaks() -> None:
    text = ("Fourteen months on, his mum Gemma says the family are still waiting.\n\n"
            "The 34-year-old, from Wendlesham, said: “Every morning I strap him into a chair that is hurting him.”")
    assert speakers(text)[0][0] == "Gemma"


def test_an_interviews_marked_answer_is_the_interviewees_though_a_body_was_quoted_just_before() -> None:
    text = (
        "Angela Devereux took over as director of adult social services in October. She spoke to CareLeader "
        "about the year so far.\n\n"
        "What did you find when you arrived?\n\n"
        "“Honestly, a workforce that was exhausted. We had been carrying caseloads for years,” she says.\n\n"
        "In its latest update the regulator, the CQC, said the council had made “clear and sustained progress”.\n\n"
        "Why bring reablement back in-house?\n\n"
        "“Because the outsourced model wasn't giving us what we needed. We were paying for hours.\n\n"
        "“Now we've got our own team and we can start within 48 hours.”\n\n"
        "What keeps you awake?\n\n"
        "“Carers. We've got 14,000 unpaid carers and far too few of them have had an assessment.”"
    )
    full = [(q.speaker, q.text[:8]) for q in extract_quotes(text) if not q.partial]
    assert full == [("Angela Devereux", "Honestly"), ("Angela Devereux", "Because "), ("Angela Devereux", "Carers. ")]


def test_a_relative_clause_on_the_body_a_person_leads_is_not_who_speaks() -> None:
    text = ("Priya Nandra, director of the charity Later Years Together, which was not involved in the trial, said: "
            "“These classes work. Every older person who wants one should be offered a place.”")
    assert speakers(text) == [("Priya Nandra", "director of the charity Later Years Together")]


def test_a_relative_clause_with_a_number_and_a_campaigns_name_in_marks_is_not_who_speaks() -> None:
    text = ("Lorna Whitby, general secretary of the Home Carers Union, which represents 42,000 care staff and has run "
            "the “Fair Miles” campaign since 2019, said:\n\n“We welcome today’s deal, and it is overdue.”")
    assert speakers(text) == [("Lorna Whitby", "general secretary of the Home Carers Union")]


def test_a_first_name_with_a_long_relative_clause_is_who_she_is() -> None:
    text = ("District nurse Carys Lumb has been named nurse of the year. Her manager, Joan Pask, nominated her.\n\n"
            "Carys, who lives in Oldmoor with her husband, Graham, and has three sons, said she was not stopping.\n\n"
            "‘They keep asking when I’ll retire,’ she laughed. ‘Not yet.’")
    assert speakers(text)[-1][0] == "Carys Lumb"


def test_one_of_them_named_after_a_comma_is_the_person_the_sentence_is_about() -> None:
    text = ("Six doctors have joined the scheme run by Dr Alun Hopkin this year, the board said.\n\n"
            "One of them, Dr Huw Penrhyn, grew up in Cwm Tawel and had been working in Canada.\n\n"
            "“The scheme made the move possible,” he said.")
    assert speakers(text)[-1][0] == "Huw Penrhyn"


def test_a_spokeswomans_body_is_not_someone_named_after_her() -> None:
    text = ("A spokeswoman for Kilbrannan Health and Social Care Partnership said care staff were hard to find.\n\n"
            "“We recognise how hard the wait is for families,” she said.")
    assert speakers(text) == [("Kilbrannan Health and Social Care Partnership", None)]


def test_a_surname_that_is_also_a_title_says_nothing_of_gender() -> None:
    text = ("The court heard that Mrs Pryor needed stitches after the attack.\n\n"
            "Jenny Baron, mitigating, said her client had written to Mrs Pryor to apologise.\n\n"
            "“He remembers little of that night, but he is appalled by what he did,” she said.")
    assert speakers(text)[-1][0] == "Jenny Baron"


def test_the_bishop_is_the_bishop_named_before() -> None:
    text = ("The hall was reopened on Friday by the Rt Rev Dr Anne Mallory, Bishop of Wexcombe.\n\n"
            "“A town is judged by how it treats its oldest people,” the Bishop said.")
    assert speakers(text)[0][0] == "Anne Mallory"


def test_an_interview_is_with_whom_the_line_above_the_questions_speaks_to() -> None:
    text = ("When the hospice closed six beds, the local MP, Owen Tarrant, called it a scandal. Owen Tarrant has "
            "since raised it twice in the Commons, and Mr Tarrant wants a national funding formula.\n\n"
            "Maria Lindqvist, chief executive since 2019, took the decision with her board.\n\n"
            "We spoke to her about the sector and what she wants from government.\n\n"
            "How bad is the position?\n\n"
            "It costs us £9m a year to run our services and the NHS pays for about a quarter of that.\n\n"
            "Could you raise more?\n\n"
            "We have tried. Our shops and our supporters have done more every year, but it is not enough.")
    assert {q.speaker for q in extract_quotes(text)} == {"Maria Lindqvist"}


def test_a_statement_read_out_by_someone_else_is_its_makers() -> None:
    text = ("His daughter, Jan Cole, said in a statement read by Mr Price: “Dad spent his life helping other people. "
            "When he needed help, nobody came.”\n\n"
            "One of the night nurses said in a statement read to the court that the buzzer had rung for an hour. "
            "‘I will never forget that night. I went as fast as I could but it was too late,’ the statement said.")
    assert speakers(text) == [("Jan Cole", "his daughter"), ("One of the night nurses", None)]


def test_a_podcast_promo_in_a_news_story_with_question_subheads_makes_no_interview() -> None:
    text = ("What do paramedics say?\n\n"
            "Kev Dorran, a paramedic for 19 years, said staff were \"angry\".\n\n"
            "\"We found out at a briefing that lasted 20 minutes,\" he said.\n\n"
            "He said crews also had concerns about losing their rest room.\n\n"
            "Want a quick briefing on the news? Listen to our latest podcasts to find out more.\n\n"
            "What does the ambulance service say?\n\n"
            "Louise Havell, its director of operations, said: \"Our modelling shows no change in response times.\n\n"
            "\"The building is more than 50 years old. The new hub will give our staff modern facilities.\"\n\n"
            "What has the MP said?\n\n"
            "Caroline Weekes, the MP for Marshfield, said she had written to the trust.\n\n"
            "She added: \"I am not convinced by the modelling and neither are our paramedics.\"")
    quotes = [(q.speaker, q.text[:12]) for q in extract_quotes(text) if not q.partial]
    assert quotes == [("Kev Dorran", "We found out"), ("Louise Havell", "Our modellin"),
                      ("Caroline Weekes", "I am not con")]


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_name_opening_a_sentence_before_a_dashed_aside_is_the_next_he(dash: str) -> None:
    text = ("Her son, Paul Fenn, who has chaired the committee since 2009, said there were now 23 volunteers.\n\n"
            f"Presenter Derek Holloway {dash} known to listeners as 'Dex' {dash} has hosted the Tuesday show for 31 "
            "years.\n\n"
            "'I was a porter here when I started and I have never really left,' he said.")
    assert speakers(text) == [("Derek Holloway", "presenter")]


def test_an_unnamed_person_opening_a_sentence_that_says_she_is_the_next_she() -> None:
    text = ("Managers describe a market in which they have little power. A ward manager at a hospital in Leeds says "
            "she spends the first two hours of a shift “on the phone, begging”.\n\n"
            "“If I’m two nurses short at 6am, I ring the bank, and by then the price has doubled,” she says.\n\n"
            "When an experienced nurse says she doesn’t like the look of someone, you go.\n\n"
            "“I was only resting my eyes,” he said.")
    assert [speaker for speaker, _ in speakers(text)] == ["A ward manager at a hospital in Leeds", None]
