"""Who speaks in first-person pieces (a carer's blog, a volunteer's diary): the narrator's "I told him" is the
byline's writer; the people the narrator meets keep their own words."""

from __future__ import annotations

import pytest

from bot.core.pipeline import process_article
from bot.core.quotes import extract_quotes

BLOG = """Caring for Dad: the year nobody warned me about
By Megan Throssell
12 March 2026

Mum was finally seen by Dr Ivor Penhallow, a geriatrician, in January. He explained the scan results slowly. He \
was patient with both of us.

“There is more we can do than you might think,” he said.

Last month I finally said what I had been rehearsing for weeks. “I cannot keep doing nights on my own,” I told \
the social worker. “I need a plan for when I can’t.”

For a while Dad would not talk about it, and I told him, “That’s fine. I’ll be here when you want to.” A week \
later he put down his paper and asked, “Will they let me keep the dog?”
"""


def _speaker(raw: str, opening: str) -> str | None:
    return next(q.speaker for q in process_article(raw).quotes if q.text.startswith(opening))


def test_the_narrators_own_words_are_the_bylines_writer() -> None:
    assert _speaker(BLOG, "I cannot keep doing") == "Megan Throssell"
    assert _speaker(BLOG, "That’s fine.") == "Megan Throssell"


def test_without_a_byline_the_narrators_words_name_no_one() -> None:
    text = "“I cannot keep doing nights on my own,” I told the social worker. “I need a plan.”"
    assert [q.speaker for q in extract_quotes(text)] == [None]
    assert [q.speaker for q in extract_quotes(text, "Ann Lee and Tom Roe")] == [None]  # "I" is not two writers


def test_a_quote_brought_in_by_its_own_cue_is_not_the_one_befores() -> None:
    assert _speaker(BLOG, "Will they let me") != "Megan Throssell"  # "he … asked," though his name went unread


def test_a_pronoun_goes_on_through_sentences_that_open_with_it() -> None:
    assert _speaker(BLOG, "There is more") == "Ivor Penhallow"


def test_a_told_clause_with_its_own_words_is_not_the_attribution_of_the_question_before() -> None:
    text = ("Our GP, Dr Nadia Farouk, first mentioned respite. I had gone in about Dad’s tablets and she asked, "
            "“And how are you keeping, Megan?” I told her I was fine.")
    assert [q.speaker for q in extract_quotes(text, "Megan Throssell")] == ["Nadia Farouk"]


def test_a_sentence_opening_on_a_phrase_with_mums_name_is_not_about_mum() -> None:
    text = ("Mum’s consultant, Dr Ruth Allingham, is kind but brisk.\n\n"
            "Dr Allingham put it better than I can. At Mum’s last review I said I felt guilty, and she said: "
            "“Carers always say that. You noticed, and you acted.”")
    assert [q.speaker for q in extract_quotes(text, "Megan Throssell")] == ["Ruth Allingham"]


def test_a_first_name_described_by_a_who_clause_is_whom_a_later_he_means() -> None:
    text = ("Kwame Asante has worked nights in home care for nine years. He said the rota had not changed.\n\n"
            + "Managers spoke about recruitment, fuel, rotas, training and the cost of agency cover. " * 12 + "\n\n"
            "We are grateful to everyone who came, and above all to Kwame, who had driven in after a night shift. "
            "As he said at the close, “We are not asking for thanks. We are asking to do the job properly.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Kwame Asante"]


def test_someone_the_writer_brings_in_as_called_so_is_who_speaks_next() -> None:
    text = ("Mum's physio, Dr Ruth Okafor, had warned us about the stairs.\n\n"
            "On the Monday I had a call from the ward, from a young woman called Kezia who was clearly run off her "
            "feet. “Good news,” she said. “Your mum can go home this afternoon.”\n\n"
            "The crew were kind. One of them, an older man called Dev, looked round and said quietly to me: "
            "“She’ll need a bed downstairs, won’t she?”")
    assert [q.speaker for q in extract_quotes(text)] == ["Kezia", "Dev"]


def test_someone_named_by_title_and_surname_alone_is_whom_she_means() -> None:
    text = ("Every person we dealt with was kind, but nobody owned the whole thing. When I finally got hold of "
            "Dr Penrose, the registrar on the ward, she was straight with me. “Honestly, the pressure on beds is "
            "enormous,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Penrose"]


def test_a_pet_called_by_name_is_no_speaker() -> None:
    text = ("Gwen Talbot trained at the county hospital and joined the surgery in March. She lives in the village "
            "with her husband and a very energetic spaniel called Pickle.\n\n"
            "‘Coming back to work where I grew up is lovely,’ she told me.")
    assert [q.speaker for q in extract_quotes(text)] == ["Gwen Talbot"]


def test_a_participle_opening_a_sentence_is_not_part_of_a_name() -> None:
    text = ("You may already have met Mina Castell, the surgery’s new nurse practitioner.\n\n"
            "‘Having Mina here means more appointments every day,’ said Dr Ruth Alder, the senior partner.\n\n"
            "Mina, for her part, is glad to be home. ‘It is a lovely village,’ she said.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Mina Castell"


def test_the_narrators_present_tense_i_tell_her_is_the_bylines_writer() -> None:
    text = ("Dorothy is 91 and sharp as a tack.\n\n"
            "'Is it Tuesday today?' she asks. It is Thursday. 'Close enough for me,' I tell her, and we laugh.")
    assert [q.speaker for q in extract_quotes(text, "Shanice Obi")] == ["Dorothy", "Shanice Obi"]


def test_a_tell_after_did_not_is_no_cue() -> None:
    text = ("Janet Coles, of the Save Hatherby group, told Marcliffe FM the figures did not tell the whole story:\n\n"
            "\"Six people a night might not sound like a lot to someone sitting in an office.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Janet Coles"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Our GP is Dr Efua Osei. She looked at me over her glasses and said: ‘You’re not fine, are you, love?’",
         "Efua Osei"),
        ("Once in my early 20s, when my mother mentioned the devil, I laughed and said, \"I don't believe in the "
         "devil at all.\"", "Megan Throssell"),
        ("Among those treated is Bríd, a retired teacher, who had surgery and says it gave her “a new lease of "
         "life”.\n\n“I was on the list for the best part of two years.”", "Bríd"),
    ],
)
def test_a_cue_verb_coordinated_after_another_is_its_clauses_subjects(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, "Megan Throssell") if not q.partial] == [speaker]


def test_a_pseudonym_takes_the_gender_the_writer_introduces_it_with() -> None:
    text = ("I'll call him Frank, which was not his name. He was 79, married for fifty years to a woman I'll call "
            "Jean.\n\n"
            "In March he came in on his own. Jean normally came too. I asked where she was. \"She's got her own "
            "appointments this week,\" he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Frank"]


def test_the_narrator_asking_with_a_participle_is_the_bylines_writer() -> None:
    text = ("Frank died in the spring.\n\n"
            "Since Frank died, I have started asking every older patient who comes in alone: \"Who's at home with "
            "you, and who's looking after who?\"")
    assert [q.speaker for q in extract_quotes(text, "Ruth Kellaway")] == ["Ruth Kellaway"]


def test_a_name_a_speaker_introduces_in_her_own_words_is_not_whom_the_next_she_means() -> None:
    text = ("Maricel Dizon arrived from Manila in 2021, after seven years as a cardiac nurse.\n\n"
            "‘I nearly went home in my first month,’ she says. ‘I was cold all the time.\n\n"
            "‘What kept me here was a ward sister called Bev. She noticed, and she didn’t make a fuss.’\n\n"
            "Five years on, she runs the same ward.\n\n"
            "‘You can have the best induction in the world, but people remember who asked if they had eaten,’ "
            "she says.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Maricel Dizon"


def test_a_she_after_an_opening_phrase_with_a_contraction_is_whom_the_quote_is_by() -> None:
    text = ("Anju Thomas came to the UK from Kerala in 2019.\n\n"
            "Asked what she would tell trusts recruiting from overseas, she doesn’t hesitate. ‘Don’t recruit "
            "people to fill a rota and then forget them.’")
    assert [q.speaker for q in extract_quotes(text)] == ["Anju Thomas"]


def test_a_question_the_writer_asks_about_someone_makes_them_whom_she_means() -> None:
    text = ("Margaret Ashby has volunteered at the hospice for 25 years.\n\n"
            "His mother, Joan, was cared for here, and he nominated Margaret for the Saltmarsh Community Awards, "
            "where she received a special award.\n\n"
            "So what’s next for Margaret? She has no plans to stop. ‘My daughter keeps asking when I’m going to "
            "retire,’ she laughs.")
    assert [q.speaker for q in extract_quotes(text)] == ["Margaret Ashby"]


def test_she_after_and_then_in_the_clause_before_said_is_the_woman_named() -> None:
    text = ("I remember a woman, Mrs Aldana, who I took down for a biopsy. She didn’t say a word until the lift "
            "doors closed, and then she grabbed my wrist and said: “Don’t leave me on my own down there, will you?”")
    assert [q.speaker for q in extract_quotes(text, "Darren Fulwell")] == ["Aldana"]


def test_he_after_and_and_a_phrase_of_time_in_the_clause_before_said_is_the_man_named() -> None:
    text = ("I cared for Alan for six years before I asked anyone for help.\n\nThe turning point came last winter, "
            "when I slipped on the ice outside the surgery. We waited in the cold for twenty minutes for the "
            "ambulance, and at some point he looked across at me and said: “We cannot keep doing this on our own.”")
    assert [q.speaker for q in extract_quotes(text, "Sue Carver")] == ["Alan"]


def test_someone_called_so_after_a_role_with_an_ampersand_is_whom_she_means() -> None:
    text = ("I remember a woman, Mrs Aldana, who I took down for a biopsy. She grabbed my wrist and said: “Don’t "
            "leave me on my own down there, will you?”\n\n"
            "A few winters ago, an A&E sister called Bernadette Kyle rang the lodge at about 2am. I’ll never forget "
            "what she said, because it’s the nicest thing anyone has ever said to me at work: “I don’t care what "
            "else you’ve got on. You lot are the only reason this place hasn’t fallen over.”")
    assert [q.speaker for q in extract_quotes(text, "Darren Fulwell")] == ["Aldana", "Bernadette Kyle"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("When I told Bev, my ward manager, the next morning, she gave me a hug and said: “You did everything you "
         "could with what you had.”", "Bev"),
        ("I took it to my manager, Ruth, who has been doing this work for 25 years.\n\n"
         "‘Nobody is going to thank you for slowing this down,’ she said.", "Ruth"),
    ],
)
def test_someone_the_writer_names_by_first_name_and_what_they_are_to_her_is_whom_she_means(
    text: str, speaker: str
) -> None:
    assert [q.speaker for q in extract_quotes("Karen rang me on Monday.\n\n" + text, "Megan Hollis")] == [speaker]


@pytest.mark.parametrize(
    "said",
    [
        "Then he looked at me and said, ‘You’ve been a good wife to me, Mo.’",
        "Halfway through he put his fork down, looked at me and said: ‘You’ve been a good wife to me, Mo.’",
    ],
)
def test_he_after_words_of_time_in_the_clause_before_and_said_is_the_man_named(said: str) -> None:
    text = ("Dennis is 78 and was diagnosed with Alzheimer’s two years ago.\n\n"
            "Our daughter, Claire, rings every evening from Marwick.\n\n" + said)
    assert [q.speaker for q in extract_quotes(text, "Maureen Aldridge")] == ["Dennis"]


def test_someone_called_so_after_adjectives_with_a_comma_is_whom_she_means() -> None:
    text = ("Dennis was diagnosed two years ago. The memory nurse, a kind, unhurried woman called Ruth, told us the "
            "disease would take a great deal from us, but\n\n"
            "‘There will still be good days,’ she said. ‘Don’t let the bad ones make you forget them.’")
    assert [q.speaker for q in extract_quotes(text, "Maureen Aldridge")] == ["Ruth"]


def test_a_cue_just_before_a_quote_outranks_the_narrators_next_sentence() -> None:
    """ "In the morning he said, “…, don’t you?” I cried all the way there": the crying is the writer's own next
    sentence, not an attribution; the quote is the father's."""
    text = (
        "I have looked after my dad since I was eleven.\n\n"
        "The night before my driving test Dad had a bad night and I sat up with him. In the morning he said, "
        "“Pass or fail, I’m proud of you. You know that, don’t you?” I cried all the way to the test centre."
    )
    assert [q.speaker for q in extract_quotes(text, "Owen Pryce")] == ["Dad"]
