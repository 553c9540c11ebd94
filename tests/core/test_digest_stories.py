"""Same-story grouping: one event from several outlets is one story; another event on the topic is not."""

from __future__ import annotations

import random
import time
from dataclasses import replace
from datetime import date

import pytest

from bot.core.digest import build_digest
from bot.core.models import StoredArticle
from bot.core.pipeline import process_article
from bot.core.stories import group_stories
from tests.conftest import SHARED

# One event (a council decision) told by two outlets in their own words, with different people quoted.
CLOSURE_COUNCIL = (
    "Tennford council to shut Alder Court respite centre",
    "Tennford Borough Council will close the Alder Court respite centre in March, its cabinet decided on "
    "Tuesday, after a review found the building needed £3.2m of work. Cabinet member Lydia Fanshawe said "
    "families would be offered overnight breaks at two care homes instead. The centre has 14 beds.",
)
CLOSURE_PAPER = (
    "Parents angry as Alder Court closure approved",
    "Parents of disabled adults who stay at Alder Court say they were not consulted before Tennford "
    "councillors voted to close the respite centre. The council says the repairs would cost £3.2m. "
    "\"We found out from a letter,\" said Gareth Mbeki, whose son has used the 14-bed centre for ten years.",
)
# Same topic, another place and another decision.
CLOSURE_ELSEWHERE = (
    "Harwick respite unit to close after staffing review",
    "Harwick County Council is to close the Birchfield respite unit in June because it cannot recruit enough "
    "night staff, the council said. Cabinet member Oliver Stanwick said the unit's 9 beds had often been "
    "empty. Families will be offered direct payments.",
)
UNRELATED = (
    "Pharmacy opening hours cut in Selby Moor",
    "Three pharmacies in Selby Moor will close on Saturdays from next month, the integrated care board said, "
    "blaming a shortage of pharmacists. Patients were told to use the late-night pharmacy in the town centre.",
)


# Most articles here are dated Tuesday. Reports dated within NEAR_DAYS (three) that share rare names and many
# words are one story whatever their openings say (a follow-up opens on its own angle), so the same people's
# other event is dated Saturday, where what the openings say decides.
SATURDAY = date(2026, 11, 28)


def article(number: int, title_body: tuple[str, str], published: date | None = date(2026, 11, 24)) -> StoredArticle:
    title, body = title_body
    return StoredArticle(
        id=number, title=title, url=None, source_key=f"{number:03d}.txt", published=published, author=None,
        publisher=f"Outlet {number}", body=body, summary=(body.split(". ")[0] + ".",), ingested_at="2026-11-25",
    )


def story_ids(groups: list[list[StoredArticle]]) -> list[list[int]]:
    return sorted(sorted(a.id for a in group) for group in groups)


def test_one_event_from_two_outlets_is_one_story_and_the_same_topic_elsewhere_is_not() -> None:
    arts = [article(1, CLOSURE_COUNCIL), article(2, UNRELATED), article(3, CLOSURE_ELSEWHERE),
            article(4, CLOSURE_PAPER)]
    assert story_ids(group_stories(arts)) == [[1, 4], [2], [3]]


def test_reports_published_weeks_apart_are_different_stories() -> None:
    arts = [article(1, CLOSURE_COUNCIL, date(2026, 1, 5)), article(2, CLOSURE_PAPER, date(2026, 11, 24))]
    assert story_ids(group_stories(arts)) == [[1], [2]]
    undated = [article(1, CLOSURE_COUNCIL, None), article(2, CLOSURE_PAPER)]
    assert story_ids(group_stories(undated)) == [[1, 2]]


def test_openings_with_different_figures_are_different_reports() -> None:
    monthly = "Care home fees in Westmarch rose by {0} this quarter, figures from the Westmarch Care Association show."
    body = (" Owners blamed wage costs and energy bills, and Westmarch Care Association chair Nadia Okafor warned that"
            " small homes in Westmarch could close. The association surveyed its members across the county.")
    first = ("Westmarch care home fees rise by 4%", monthly.format("4%") + body)
    second = ("Westmarch care home fees rise by 6%", monthly.format("6%") + body)
    assert story_ids(group_stories([article(1, first), article(2, second)])) == [[1], [2]]
    assert story_ids(group_stories([article(1, first), article(2, first)])) == [[1, 2]]


# One event (an ambulance trust's critical incident) from two outlets, and the same trust in another event.
INCIDENT_TRUST = (
    "Wexley ambulance trust declares critical incident",
    "Wexley Ambulance Service declared a critical incident on Friday evening after 27 ambulances were held "
    "outside emergency departments waiting to hand over patients. Callers with minor injuries were asked to "
    "get to hospital by other means. Operations director Amara Quist said crews had waited up to nine hours.",
)
INCIDENT_PAPER = (
    "Ambulances stuck outside Wexley hospitals for hours",
    "Patients across Wexley waited hours for an ambulance on Friday as 27 vehicles queued at emergency "
    "departments, prompting the county's ambulance trust to declare a critical incident. \"I waited on the "
    "kitchen floor all night,\" said Ronald Pike, 84, who broke his hip.",
)
TRUST_APPOINTMENT = (
    "Wexley ambulance trust appoints new chair",
    "Wexley Ambulance Service has appointed former paramedic Lorna Everitt as its chair from January. She "
    "succeeds Geoffrey Hale, who stepped down after eight years. Operations director Amara Quist said staff "
    "would welcome a chair who had worked on the road.",
)


def among_a_weeks_news(arts: list[StoredArticle]) -> list[list[int]]:
    """Group these articles in a batch the size of a week's news (a name in every article is not rare)."""
    others = [replace(other, id=other.id + 1000) for other in distinct_stories(200)]
    groups = [[a.id for a in group if a.id < 1000] for group in group_stories(arts + others)]
    return sorted(sorted(group) for group in groups if group)


def test_the_same_organisation_in_another_event_later_that_week_is_another_story() -> None:
    arts = [article(1, INCIDENT_TRUST), article(2, TRUST_APPOINTMENT, SATURDAY), article(3, INCIDENT_PAPER)]
    assert among_a_weeks_news(arts) == [[1, 3], [2]]


# One provider at two stages of one inquiry: the same people and words, but the openings tell another event.
INQUIRY_RATING = (
    "Harlow Grange care home rated inadequate by inspectors",
    "Inspectors have rated the Harlow Grange care home in Penmore inadequate after finding residents left "
    "without food for hours. Corvell Care, which runs the home, said it was disappointed. Regional manager "
    "Tamsin Orde said agency staff had been brought in and residents' families told.",
)
INQUIRY_REPORT = (
    "Penmore families shocked as Harlow Grange gets inadequate rating",
    "Relatives of residents at Harlow Grange in Penmore say they were shocked by the home's inadequate "
    "rating, which followed an inspection in which residents went hours without food. Corvell Care said "
    "Tamsin Orde, its regional manager, was visiting families this week.",
)
INQUIRY_SALE = (
    "Harlow Grange put up for sale",
    "The owner of Harlow Grange in Penmore, Corvell Care, is to sell the home to a buyer with other homes "
    "nearby. No resident would have to move, the firm said. The sale is expected to complete in the spring. "
    "Staff were told on Monday. Families of residents, told of the inspection last month in which residents "
    "were left without food, said they had heard nothing. Regional manager Tamsin Orde said a buyer was sought.",
)


def test_the_same_people_in_a_later_event_are_another_story_unless_the_openings_share_the_event() -> None:
    arts = [article(1, INQUIRY_RATING), article(2, INQUIRY_SALE, SATURDAY), article(3, INQUIRY_REPORT)]
    assert among_a_weeks_news(arts) == [[1, 3], [2]]


def test_different_counts_in_the_openings_are_different_orders() -> None:
    order = ("Corran Health orders {0} electric ambulances from Velmont",
             "Corran Health has ordered {0} electric ambulances from the Velmont works in Tarrow, its board said. "
             "Chief executive Idris Vane said Velmont vehicles were cheaper to run. Corran Health runs the "
             "patient transport service for the Tarrow and Ebbing hospitals.")
    first, second = (tuple(part.format(n) for part in order) for n in (30, 36))
    assert story_ids(group_stories([article(1, first), article(2, second)])) == [[1], [2]]
    assert story_ids(group_stories([article(1, first), article(2, first)])) == [[1, 2]]


def test_a_round_up_of_two_events_does_not_chain_them_into_one_story() -> None:
    closure = CLOSURE_COUNCIL
    opening = ("Tennford council to open Birch Lane day centre",
               "Tennford Borough Council will open the Birch Lane day centre for adults with dementia in May, its "
               "cabinet decided on Tuesday, after a £1.8m refit of the old library. Cabinet member Lydia Fanshawe "
               "said the centre would take 30 people a day.")
    round_up = ("Tennford cabinet: Alder Court to close, Birch Lane to open",
                "Tennford Borough Council's cabinet on Tuesday agreed to close the Alder Court respite centre, "
                "whose 14 beds need £3.2m of repairs, and to open the Birch Lane day centre after a £1.8m refit. "
                "Cabinet member Lydia Fanshawe said families at Alder Court would be offered breaks elsewhere.")
    groups = story_ids(group_stories([article(1, closure), article(2, opening), article(3, round_up)]))
    assert [1, 2] not in groups and not any({1, 2} <= set(group) for group in groups)


def distinct_stories(count: int) -> list[StoredArticle]:
    """Articles that share the common words of news but each name their own people, places and figures."""
    rng = random.Random(count)
    syllables = ["ka", "lo", "mer", "tis", "ban", "dor", "vel", "sha", "rin", "pol", "gra", "bes", "tun", "wic"]

    used: set[str] = set()

    def name() -> str:  # each name once: no two stories share a person, place or body
        while (made := "".join(rng.choice(syllables) for _ in range(5)).title()) in used:
            pass
        used.add(made)
        return made

    arts = []
    for n in range(count):
        place, person, body_name = name(), f"{name()} {name()}", name()
        text = (f"{place} council has agreed to spend £{rng.randint(2, 900)}m on the {body_name} care service, "
                f"its cabinet decided. Cabinet member {person} said the {body_name} service would help families "
                f"across {place}. The {body_name} plan was backed by the {name()} trust and {name()} charity.")
        arts.append(article(n, (f"{place} backs {body_name} care plan", text)))
    return arts


def test_distinct_stories_stay_apart_and_grouping_grows_about_linearly() -> None:
    small, large = distinct_stories(500), distinct_stories(2000)
    started = time.process_time()
    assert len(group_stories(small)) == 500
    small_seconds = time.process_time() - started
    started = time.process_time()
    assert len(group_stories(large)) == 2000
    large_seconds = time.process_time() - started
    assert large_seconds < 8 * max(small_seconds, 0.05)  # 4x the articles: linear is 4x, quadratic 16x


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is absent")
def test_the_real_seed_digest_has_four_items_with_the_two_reports_of_the_leadership_review_together() -> None:
    files = sorted((SHARED / "seeds").glob("*.txt"))
    arts = []
    for number, path in enumerate(files):
        done = process_article(path.read_text(encoding="utf-8"))
        arts.append(StoredArticle(
            id=number, title=done.meta.title, url=None, source_key=path.name, published=done.meta.published,
            author=None, publisher=done.meta.publisher, body=done.body, summary=tuple(done.summary_sentences),
            ingested_at="2026-11-25",
        ))
    digest = build_digest(arts, "2026-W48")
    assert (len(digest.items), digest.article_count) == (4, 5)
    together = [item for item in digest.items if len(item.sources) == 2]
    assert [sorted(ref.source_key[:3] for ref in item.sources) for item in together] == [["000", "001"]]


# One event whose two reports lead with different figures of it, each giving the other's figure further down.
WARD_TRUST = (
    "Ashby trust opens 40-bed virtual ward",
    "Ashby Vale NHS Trust has opened a 40-bed virtual ward so that frail older patients can be watched over at "
    "home. Patients wear a sensor patch and community nurses visit them daily. The scheme cost £2.1m. Chief nurse "
    "Priya Lindqvist said most people recover better in their own beds.",
)
WARD_PAPER = (
    "£2.1m scheme lets Ashby patients leave hospital early",
    "A £2.1m virtual ward run by Ashby Vale NHS Trust is sending elderly patients home with a sensor patch. "
    "Community nurses will visit every day and a control room watches readings around the clock. GP Tomasz "
    "Ferreira said the 40 places would free hospital beds over winter.",
)


def test_reports_leading_with_different_figures_of_one_event_are_one_story() -> None:
    assert story_ids(group_stories([article(1, WARD_TRUST), article(2, WARD_PAPER)])) == [[1, 2]]


# The same minister and town in two events of one week: the ledes share one stock phrase ("care minister").
MINISTER_CARERS = (
    "Helena Marsh promises Dunwold carers more respite breaks",
    "Care minister Helena Marsh has promised unpaid carers in Dunwold more respite breaks, speaking at the "
    "Dunwold carers centre. Councils will be told to publish how long carers wait for a break, she said. "
    "Carers groups welcomed the promise but asked how the breaks would be paid for.",
)
MINISTER_OPENING = (
    "Helena Marsh opens Dunwold dementia day centre",
    "Care minister Helena Marsh opened the new dementia day centre on Dunwold high street, where families can "
    "leave relatives for a day of activities. She met carers and staff, and said the centre would give "
    "respite to families. Carers welcomed it. The centre will take 25 people a day and is run by a charity.",
)


def test_the_same_minister_in_two_events_sharing_a_stock_phrase_are_two_stories() -> None:
    assert story_ids(group_stories([article(1, MINISTER_CARERS), article(2, MINISTER_OPENING, SATURDAY)])) == [[1], [2]]


def long_feature(title_body: tuple[str, str], words: list[str]) -> tuple[str, str]:
    """A report that goes on at length in its own specialist words, which outweigh its names."""
    more = " ".join(f"The {w} was there, and the {w} was about the {w}." for w in words)
    return title_body[0], f"{title_body[1]} {more}"


def test_long_reports_of_one_event_are_found_by_their_shared_names() -> None:
    rng = random.Random(7)
    made = ["".join(rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(4)) for _ in range(60)]
    council, paper = long_feature(CLOSURE_COUNCIL, made[:30]), long_feature(CLOSURE_PAPER, made[30:])
    assert among_a_weeks_news([article(1, council), article(2, paper)]) == [[1, 2]]


# Two events that share two uncommon names and a bare number by chance: a match score and a firm's founders' age.
DERBY_RESULT = (
    "Hollins 24-19 Farrow: late try settles the derby",
    "Hollins beat Farrow 24-19 at Mill Lane on Saturday as winger Callum Reddy went over in the last minute. "
    "Prop Dean Askew was sent off before half-time for a high tackle, and the visitors led for most of the "
    "second half. Coach Marcus Tolley praised his side's nerve.",
)
CATERING_CONTRACT = (
    "School meals contract for Reddy and Askew's kitchen firm",
    "A catering firm founded by Callum Reddy and Dean Askew when they were 19 has won the contract to cook "
    "lunches for primary schools across Wenlow. The firm will take over from the council's own kitchens in "
    "September, and parents were promised menus with less sugar.",
)


def test_a_bare_number_shared_by_chance_does_not_join_two_events_of_the_same_names() -> None:
    arts = [article(1, DERBY_RESULT), article(2, CATERING_CONTRACT)]
    assert among_a_weeks_news(arts) == [[1], [2]]


# One event (a council ending a phone befriending scheme) told by two outlets in their own words: the ledes
# share no figure and at most one word pair, but each report restates what the other's opening says.
SCHEME_PAUSED = (
    "Freeze on Harbrook befriending calls",
    "A befriending scheme in which volunteers phoned lonely older people in Harbrook appears to have been "
    "put on hold. Volunteers were told by email on Friday to stop ringing the residents they had been matched "
    "with. Nobody at Harbrook Council was available to comment on the future of the Call a Neighbour scheme, "
    "which it had promoted as a cheap answer to isolation.",
)
SCHEME_DROPPED = (
    "Harbrook drops Call a Neighbour scheme",
    "Harbrook Council has ended Call a Neighbour, its scheme of weekly phone calls from volunteers to older "
    "residents living alone. The council said the befriending service had cost more than expected and that "
    "lonely residents would be referred to Age Concern instead. Volunteers said they had been told to stop "
    "phoning with no notice.",
)


def test_two_reports_that_restate_each_others_opening_are_one_story() -> None:
    arts = [article(1, SCHEME_PAUSED), article(2, SCHEME_DROPPED), article(3, MINISTER_CARERS),
            article(4, MINISTER_OPENING, SATURDAY)]
    assert among_a_weeks_news(arts) == [[1, 2], [3], [4]]


CLOSURE_TRADE = (
    "Respite cuts: Tennford's Alder Court to go",
    "Carers' groups have criticised Tennford Borough Council's decision to close Alder Court, its only "
    "respite centre for adults with learning disabilities, after surveyors priced repairs at £3.2m. Lydia "
    "Fanshawe, the cabinet member for adult care, said the 14 beds would be replaced by places in care homes.",
)
BIRCH_LANE = (
    "Tennford council to open Birch Lane day centre",
    "Tennford Borough Council will open the Birch Lane day centre for adults with dementia in May, its "
    "cabinet decided, after a £1.8m refit of the old library. Cabinet member Lydia Fanshawe said the centre "
    "would take 30 people a day and that Alder Court families had asked for more daytime places.",
)


def test_three_outlets_on_one_event_stay_one_story_in_a_small_week_where_their_names_recur() -> None:
    """In a week of forty articles the council and its cabinet member are in four: still names of one event."""
    arts = [article(1, CLOSURE_COUNCIL), article(2, BIRCH_LANE), article(3, CLOSURE_PAPER), article(4, CLOSURE_TRADE)]
    others = [replace(other, id=other.id + 1000) for other in distinct_stories(36)]
    groups = [[a.id for a in group if a.id < 1000] for group in group_stories(arts + others)]
    assert sorted(sorted(group) for group in groups if group) == [[1, 3, 4], [2]]


# One budget from two outlets: the paper rounds the council's figures ("£6.8m" to "nearly £7m", "4.99%" to "5%").
BUDGET_COUNCIL = (
    "Council tax to rise 4.99% as Dunmere cuts £6.8m from adult social care",
    "Dunmere council approved a council tax rise of 4.99% on Wednesday night and savings of £6.8m in adult "
    "social care. Councillors voted 31 to 20 for the budget after a three-hour debate in the council chamber. "
    "Finance chief Ruth Okonjo said the savings would come from fewer residential placements.",
)
BUDGET_PAPER = (
    "Dunmere budget: nearly £7m of care savings and a 5% tax rise",
    "Older people in Dunmere face fewer care home places after the council agreed nearly £7m of savings from "
    "adult social care, with council tax going up by 5%. Campaigners outside the chamber said the budget "
    "would push families to breaking point.",
)
# The same council's other decision that week, with amounts that no outlet would round into the budget's.
BUDGET_LIBRARIES = (
    "Dunmere to spend £5.5m on library repairs and a 3% rise in parking charges",
    "Dunmere council approved £5.5m for library repairs on Wednesday, alongside a 3% rise in parking "
    "charges across its car parks. Councillors said the libraries' roofs had leaked for years.",
)


def test_figures_one_outlet_rounds_agree_and_other_amounts_do_not() -> None:
    arts = [article(1, BUDGET_COUNCIL), article(2, BUDGET_LIBRARIES), article(3, BUDGET_PAPER)]
    assert story_ids(group_stories(arts)) == [[1, 3], [2]]


# One pollster's two polls in one week, each with a headline share of 21%: a whole percentage, like a bare
# number, is one of a hundred values and coincides by chance.
POLL_GP = (
    "21% waited more than a month to see a GP, Calloway Insight poll finds",
    "Calloway Insight asked 2,100 adults in England about their last appointment: 21% said they had waited "
    "more than a month to see a GP, and many gave up and went to a pharmacy instead. Research director "
    "Priya Sandhu said patients in rural practices waited longest.",
)
POLL_CARERS = (
    "21% of unpaid carers have given up paid work, Calloway Insight research shows",
    "Unpaid carers are leaving jobs to look after relatives, according to Calloway Insight, whose survey of "
    "carers found 21% had given up paid work altogether. Priya Sandhu, its research director, said employers "
    "could keep carers with flexible hours and leave.",
)


def test_a_pollsters_two_polls_sharing_a_whole_percentage_are_two_stories() -> None:
    """Days apart: published within a day of each other, the pollster's and its director's names and this many
    shared words make them one event (NEXT_DAY), a cost that rule pays for joining one day's reports."""
    later = date(2026, 11, 27)
    assert story_ids(group_stories([article(1, POLL_GP), article(2, POLL_CARERS, later)])) == [[1], [2]]


# One fund from two outlets: one spells the amount out, and each leads with its own count of staff, rounded
# by one of them; and the same region's other news that week with its own figures.
FUND_AGENCY = (
    "Norcaster hospitals get £410m to clear waiting lists",
    "NHS England has given Norcaster's three hospital trusts £410m to clear waiting lists, and 9,400 staff "
    "will be offered paid overtime at weekends. Regional director Colm Furey said the money would fund "
    "theatres at Norcaster General and Lyndon Park.",
)
FUND_PAPER = (
    "£410 million for Norcaster waiting lists as weekend clinics return",
    "More than 9,000 Norcaster hospital staff will be asked to work weekend clinics after the region was "
    "awarded £410 million by NHS England. Patients at Norcaster General and Lyndon Park have waited longest.",
)
FUND_OTHER = (
    "Norcaster ambulance hub to open with 1,100 staff and £12m of new vehicles",
    "Norcaster's new ambulance hub at Lyndon Park will open in spring with 1,100 staff and £12m of new "
    "vehicles, NHS England said. Regional director Colm Furey said response times would fall.",
)


def test_an_amount_spelled_out_and_a_count_rounded_are_the_same_figures() -> None:
    arts = [article(1, FUND_AGENCY), article(2, FUND_OTHER), article(3, FUND_PAPER)]
    assert story_ids(group_stories(arts)) == [[1, 3], [2]]


# One event (a hospice closing beds) and, the next day, the reaction to it: the follow-up opens on its own
# angle (an MP's letter), so the openings share no figure or event phrase; the same rare names and many of
# the same words, two days apart, still make them one story.
HOSPICE_BEDS = (
    "Thornbury hospice to close eight beds as deficit grows",
    "St Wendreda's Hospice in Thornbury will close eight of its 20 inpatient beds from January, its trustees "
    "decided on Monday, blaming a growing deficit. Up to 30 nursing and support posts are at risk. Chief "
    "executive Morwenna Pryce said the hospice had cut costs for three years and could no longer draw on its "
    "reserves. Patients already on the ward will not be moved, and the hospice's home care teams will keep "
    "visiting people who choose to die at home.",
)
HOSPICE_MP = (
    "MP writes to health secretary over end-of-life care funding",
    "Gideon Harte, the MP for Thornbury, has asked the health secretary to review how hospices are paid, a day "
    "after St Wendreda's Hospice said it would shrink its ward. \"Families in this town raised the money to "
    "build that hospice,\" he said. \"They should not watch it shrink because the NHS pays for a fraction of "
    "the care it gives.\" He said he would raise it in Parliament. Morwenna Pryce, who runs the hospice, said "
    "the deficit had grown every year and trustees had no choice but to close beds. Nursing staff whose posts "
    "are at risk were told this week, and patients on the ward will stay.",
)


def test_a_report_and_the_next_days_reaction_to_its_event_are_one_story() -> None:
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    arts = [article(1, HOSPICE_BEDS, monday), article(2, HOSPICE_MP, tuesday)]
    assert among_a_weeks_news(arts) == [[1, 2]]
    weeks_apart = [article(1, HOSPICE_BEDS, date(2026, 11, 9)), article(2, HOSPICE_MP, tuesday)]
    assert among_a_weeks_news(weeks_apart) == [[1], [2]]


# One day's event (a board vote) from two outlets, each leading with a figure the other never gives (the ward's
# beds and patients, the money saved): naming the same day ("on Tuesday", "yesterday" the next day) makes them
# one story; the same figures with a vote still to come ("next Thursday") are another event.
WARD_BEDS = (
    "Kestwick stroke ward to close as trust board backs merger",
    "Harebell Ward, the 28-bed stroke unit at Kestwick General Hospital, will close in the summer after the "
    "board of Lowmere and Kestwick NHS Trust voted on Tuesday to move stroke care to Lowmere. About 1,200 "
    "patients a year are treated on the ward. Medical director Dr Anil Varga said one specialist unit could "
    "give faster scans and round-the-clock consultant cover. Campaigners said families would face a long "
    "journey to visit.",
)
WARD_MONEY = (
    "Stroke unit move will save £4.6m, board papers show",
    "Moving stroke care out of Kestwick General Hospital will save Lowmere and Kestwick NHS Trust £4.6m a "
    "year, according to papers put to the trust board, which backed the plan yesterday. Harebell Ward has "
    "struggled to fill consultant rotas, and the stroke unit at Lowmere will take its patients. Finance "
    "director Claire Osei said the money would pay for new therapy posts.",
)


def test_reports_naming_the_same_day_are_one_event_whatever_figures_they_lead_with() -> None:
    tuesday, wednesday = date(2026, 11, 24), date(2026, 11, 25)
    assert among_a_weeks_news([article(1, WARD_BEDS, tuesday), article(2, WARD_MONEY, wednesday)]) == [[1, 2]]
    to_come = (WARD_MONEY[0], WARD_MONEY[1].replace("backed the plan yesterday", "will vote on it next Thursday"))
    assert among_a_weeks_news([article(1, WARD_BEDS, tuesday), article(2, to_come, wednesday)]) == [[1], [2]]


# A closure and, the same day, the families' reaction: the home's and the firm's names, and many of the same words,
# but no event phrase or figure in both openings, and what happened told in different words.
CLOSURE_FIRM = (
    "Brackley Court care home to close with loss of 40 beds",
    "Brackley Court, the 40-bed nursing home in Ellsworth run by Tavener Healthcare, will close in February, "
    "the company told residents' families in a letter. Tavener said it could no longer recruit enough nurses "
    "to staff the home safely. Residents will be helped to find new homes, and the firm said staff would be "
    "offered jobs elsewhere in the group.",
)
CLOSURE_FAMILIES = (
    "'We were told by letter': families' shock over Brackley Court closure",
    "Relatives of people living at Brackley Court in Ellsworth say they learned of its closure from a letter "
    "left at reception. Joan Petrie, whose husband has lived there for three years, said she did not know where "
    "he could go. Tavener Healthcare said it was sorry for the distress and would meet every family.",
)


@pytest.mark.parametrize(("days", "stories"), [(0, [[1, 2]]), (1, [[1, 2]]), (2, [[1], [2]])])
def test_reports_of_the_same_or_next_day_close_in_their_words_are_one_story(days: int, stories: list) -> None:
    arts = [article(1, CLOSURE_FIRM), article(2, CLOSURE_FAMILIES, date(2026, 11, 24 + days))]
    assert among_a_weeks_news(arts) == stories
