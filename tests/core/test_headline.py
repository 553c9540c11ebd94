"""Headlines of pasted pages from outlets never seen: the page line above the article is not the headline.

Every page here is invented for these tests: outlets, people and places are fictional.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.clean import clean
from bot.core.furniture import is_furniture
from bot.core.headline import TitleLine, pick_headline
from bot.core.meta import extract_metadata


def page(*lines: str) -> str:
    return "\n\n".join(lines)


CARE_BODY = [
    "Home care workers employed by agencies in Northmoor will get a £1.20 an hour pay rise from July, the county "
    "council has confirmed after agreeing a new rate with providers.",
    "The council said the rise would help agencies recruit staff and cut the number of people waiting for home "
    "care, which stood at 412 at the end of May.",
    "Providers had warned that without an increase several agencies would hand back their contracts before the "
    "winter, leaving hundreds of people without visits.",
]
CARE_HEADLINE = "Home care workers in Northmoor to get £1.20 an hour pay rise"

HOSPITAL_BODY = [
    "Carers visiting relatives at Ashbury General Hospital will no longer have to pay to park, the hospital trust "
    "has said, after a campaign by local families.",
    "The trust said about 1,800 carers a month would benefit, and that permits would be issued at the main "
    "reception from next Monday.",
    "Campaigners said the charges had cost some families more than £60 a week during long hospital stays.",
]
HOSPITAL_HEADLINE = "Hospital trust scraps car parking charges for carers"

# (lines above the headline, lines between the headline and the body)
CASES = {
    "navigation row with pipes": (
        CARE_BODY,
        CARE_HEADLINE,
        ["Northmoor Gazette", "Care homes | Hospital discharge | Mental health services and support | Jobs"],
        ["By Ellen Marsh", "Wednesday 14 June 2023"],
    ),
    "live ticker": (
        HOSPITAL_BODY,
        HOSPITAL_HEADLINE,
        ["LIVE: Storm Ciaran latest as flood warnings issued across the south coast", "Ashbury Echo"],
        ["Ashbury Echo reporter | 3 November 2023"],
    ),
    "privacy banner": (
        CARE_BODY,
        CARE_HEADLINE,
        ["We and our partners store and access information on your device to personalise ads and content"],
        ["Ellen Marsh, Social Affairs Reporter", "14/06/2023"],
    ),
    "site tagline": (
        CARE_BODY,
        CARE_HEADLINE,
        ["Care Frontline", "The independent voice of home care workers and agencies since 1998"],
        ["Posted on 14 June 2023 by Ellen Marsh"],
    ),
    "phone number": (
        HOSPITAL_BODY,
        HOSPITAL_HEADLINE,
        ["Got a story? Call the newsdesk on 01632 960 123 or 07700 900 456"],
        ["By Raj Patel", "3 November 2023"],
    ),
    "competition promo": (
        HOSPITAL_BODY,
        HOSPITAL_HEADLINE,
        ["Win a two-night spa break for you and a friend in the Fells"],
        ["3 November 2023"],
    ),
    "market prices": (
        CARE_BODY,
        CARE_HEADLINE,
        ["FTSE 100 7,512.30 up 0.4% Pound $1.2650 Brent crude $82.10"],
        ["By Ellen Marsh", "14 June 2023"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_headline_is_found_below_a_page_line_that_looks_like_one(case: str) -> None:
    body, headline, above, between = CASES[case]
    result = clean(page(*above, headline, *between, *body))
    assert result.title == headline
    assert result.body.split("\n\n") == body


@pytest.mark.parametrize("case", sorted(CASES))
def test_headline_is_found_without_a_byline_or_date(case: str) -> None:
    body, headline, above, _ = CASES[case]
    assert clean(page(*above, headline, *body)).title == headline


def test_an_ordinary_first_line_headline_still_wins() -> None:
    """A sub-heading-like line between the headline and the body does not displace the first headline."""
    raw = page(CARE_HEADLINE, "Ellen Marsh", "14 June 2023", "Agencies say the rise is overdue", *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_labelled_headline_that_matches_the_lead_is_kept() -> None:
    headline = "Analysis: why home care workers in Northmoor are getting a pay rise"
    assert clean(page("Northmoor Gazette", headline, "By Ellen Marsh", *CARE_BODY)).title == headline


def test_pick_headline_prefers_the_line_beside_the_article_that_shares_the_lead_words() -> None:
    lines = [
        TitleLine("Win a two-night spa break for you and a friend", distance=2, position=0),
        TitleLine(HOSPITAL_HEADLINE, distance=1, position=1),
    ]
    assert pick_headline(lines, HOSPITAL_BODY[0]) == HOSPITAL_HEADLINE


def test_pick_headline_takes_the_first_line_when_nothing_tells_them_apart() -> None:
    """Without a lead or a byline to go by, the page's first title-shaped line is the headline."""
    lines = [
        TitleLine("Council agrees new budget", distance=None, position=0),
        TitleLine("Mayor opens new park", distance=2, position=3),
    ]
    assert pick_headline(lines, "") == "Council agrees new budget"
    assert pick_headline(lines, "The mayor of Ashbury has opened a new park.") == "Mayor opens new park"
    assert pick_headline([], "anything") is None


def test_a_headline_sharing_no_word_with_the_lead_is_found_when_the_article_follows_it() -> None:
    headline = "Be careful what you wish for"
    raw = page("Win a two-night spa break for you and a friend in the Fells", headline, *HOSPITAL_BODY)
    assert clean(raw).title == headline


def test_standfirst_below_the_headline_is_not_the_headline() -> None:
    standfirst = (
        "Carers visiting relatives at Ashbury General Hospital will no longer pay to park after a campaign by "
        "local families"
    )
    raw = page("Ashbury Echo", HOSPITAL_HEADLINE, standfirst, "By Raj Patel", "3 November 2023", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_promoted_story_above_a_section_label_is_not_the_headline() -> None:
    """A promoted story two page lines above the headline (a section label and an advert between) shares a
    word with the lead, but the headline stands right above the byline: it is no standfirst of the promotion."""
    promo = "Hospital radio appeal succeeds"
    raw = page("Ashbury Echo", promo, "Advertisement", HOSPITAL_HEADLINE, "By Raj Patel | 3 November 2023",
               *HOSPITAL_BODY)
    assert clean(raw, frozenset({"advertisement"})).title == HOSPITAL_HEADLINE


@pytest.mark.parametrize("label", ["In association with Ashbury Parking Solutions",
                                   "In partnership with Ashbury Parking Solutions"])
def test_a_sponsors_label_above_the_headline_is_furniture_though_the_lead_names_the_sponsor(label: str) -> None:
    """A sponsored page's label shares the sponsor's name with a lead that thanks it; it is no headline."""
    body = ["This article was sponsored by Ashbury Parking Solutions, which had no editorial control.",
            *HOSPITAL_BODY]
    raw = page("Ashbury Echo", label, HOSPITAL_HEADLINE, "By Raj Patel | 3 November 2023", *body)
    cleaned = clean(raw)
    assert (cleaned.title, label in cleaned.body) == (HOSPITAL_HEADLINE, False)


def test_an_organisations_name_above_the_headline_is_not_the_headline() -> None:
    """A trust's name line, every word capitalised and named again in the body, is the site's name."""
    trust = "Ashbury Fellside Hospitals NHS Foundation Trust"
    body = [*HOSPITAL_BODY[:1], f"{trust} said permits would be issued from Monday.", *HOSPITAL_BODY[1:]]
    banner = "If you need urgent help, call NHS 111 and choose option 2."
    raw = page(trust, banner, "Home > News", HOSPITAL_HEADLINE, "Posted: 3 November 2023", *body)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_the_lead_is_the_opening_paragraphs_not_a_line_of_credits_between_them() -> None:
    """A "From:" line under a standfirst is not the lead: a breadcrumb sharing its words loses to the headline."""
    headline = "Thousands more carers to get free respite breaks this winter"
    raw = page(
        "Home", "Health and social care", "Press release", headline,
        "£40 million for short breaks for unpaid carers, paid through councils from December.",
        "From: Department of Health and Social Care", "Published 2 November 2023",
        "Thousands more unpaid carers will get a free short break this winter, the government said today.",
        "Councils will use the money to pay for respite care in care homes and at home.",
    )
    assert clean(raw).title == headline


def test_a_menu_with_jobs_and_events_does_not_swallow_the_headline_below_it() -> None:
    """"Jobs" heads a list of links only under an article; in the menu it is one item among others."""
    raw = "\n".join(["Ashbury Echo", "News", "Health", "Jobs", "Events", "Accept cookies", "Health", HOSPITAL_HEADLINE,
                     "Parents and carers welcome the change after a long campaign by local families",
                     "Raj Patel", "Thursday, 3 November 2023", "", *HOSPITAL_BODY])
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_section_name_above_the_headline_does_not_make_the_headline_its_standfirst() -> None:
    raw = page("Care Frontline", "Northmoor & the Fells", CARE_HEADLINE, "Published 14 June 2023", *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_headline_keeps_its_place_over_a_standfirst_a_little_longer_than_it() -> None:
    """The standfirst sits nearer the byline and repeats more of the lead; headline and standfirst are one unit
    above the byline, and the headline comes first."""
    headline = "Two Ashbury GP surgeries to hand back contracts as patients fear losing their doctor"
    standfirst = ("About 12,000 patients in Ashbury, Fellside and Hinton told they will need to register with a new "
                  "practice")
    lead = ("Two GP surgeries in Ashbury are to hand back their contracts, leaving about 12,000 patients in Ashbury, "
            "Fellside and Hinton needing to register with a new practice by the summer.")
    lines = [TitleLine(headline, distance=2, position=6), TitleLine(standfirst, distance=1, position=7)]
    assert pick_headline(lines, lead) == headline


def test_a_headline_that_shares_little_with_the_lead_keeps_its_place_over_a_standfirst_of_two_sentences() -> None:
    """A feature's lead opens on a scene its headline barely names; the standfirst below, two sentences long,
    retells the scene, and a headline is never two sentences."""
    headline = "Doctor who founded city's homeless clinic hangs up his stethoscope after 28 years"
    standfirst = "Dr Ann Penhallow started with a borrowed couch in a church hall. The clinic now sees 11,000 patients"
    lead = ("When Dr Ann Penhallow opened the doors of a draughty church hall on the quayside in 1998, she had a "
            "borrowed couch, a box of dressings and no idea whether any homeless patients would come.")
    lines = [TitleLine(headline, distance=2, position=6), TitleLine(standfirst, distance=1, position=7)]
    assert pick_headline(lines, lead) == headline


def test_a_headline_keeps_its_place_over_a_standfirst_shorter_than_it() -> None:
    """A long headline can have a shorter standfirst below it that repeats more of the lead; they are still one
    unit above the byline, and the headline comes first."""
    headline = "One in four newly qualified nurses plan to quit within a year, survey finds"
    standfirst = "Workload, pay and patchy preceptorship behind early-career exodus, researchers say"
    lead = ("A quarter of nurses who qualified in the past two years say they intend to leave the NHS within the next "
            "12 months, according to a new survey by researchers. Pay and workload were the reasons most gave.")
    lines = [TitleLine(headline, distance=None, position=4), TitleLine(standfirst, distance=2, position=5)]
    assert pick_headline(lines, lead) == headline


def test_an_image_caption_line_is_not_the_headline() -> None:
    raw = page("Ashbury Echo", HOSPITAL_HEADLINE, "By Raj Patel", "Image source, Ashbury Echo",
               "Image caption, Carers queue at the main car park at Ashbury General Hospital", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_standfirst_a_third_longer_than_the_headline_is_not_the_headline() -> None:
    standfirst = "Agencies in Northmoor will get the rise from July after the council agreed a new rate"
    raw = page("Care Frontline", CARE_HEADLINE, standfirst, "By Ellen Marsh", "14 June 2023", *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_live_ticker_above_the_headline_does_not_make_it_a_standfirst() -> None:
    ticker = "LIVE: Resident doctors' strike talks resume in Westminster"
    raw = page("Ashbury Echo", ticker, CARE_HEADLINE, "By Ellen Marsh", "Social affairs correspondent, Echo",
               *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_breadcrumb_is_not_the_headline() -> None:
    raw = page("Care Frontline", "Home care > Pay and conditions for home care workers", CARE_HEADLINE,
               "By Ellen Marsh", *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_bodys_name_in_title_case_at_the_top_is_not_the_headline() -> None:
    lead = "The Health and Social Care Committee heard that care worker visa rules will change in April."
    lines = [TitleLine("Health and Social Care Committee", None, 4),
             TitleLine("Minister pressed on care worker visa changes", 1, 8)]
    assert pick_headline(lines, lead) == "Minister pressed on care worker visa changes"


def test_a_tagline_at_the_top_loses_to_a_headline_beside_the_article_that_scores_nearly_as_well() -> None:
    lines = [TitleLine("Independent news for home care workers in Northmoor and beyond", None, 1),
             TitleLine("Agencies to raise carers' hourly rates", 1, 5)]
    assert pick_headline(lines, CARE_BODY[0]) == "Agencies to raise carers' hourly rates"


def test_when_no_line_shares_the_leads_words_the_one_beside_the_article_is_the_headline() -> None:
    lines = [TitleLine("News Opinion Money Culture Magazine Travel Puzzles", None, 2),
             TitleLine("Someone has to hold it up: inside the families keeping respite going", 2, 5)]
    assert pick_headline(lines, CARE_BODY[0]).startswith("Someone has to hold it up")


@pytest.mark.parametrize("headline, lead", [
    ("Junk food advertising ban on TV delayed until 2027",
     "A ban on junk food advertising on television before 9pm has been delayed until 2027, ministers confirmed."),
    ("Winter newsletter: changes to how you book, flu clinics and a new GP partner",
     "Welcome to the winter edition of our patient newsletter, with changes to booking and our flu clinics."),
])
def test_a_headline_holding_a_furniture_word_is_still_the_headline(headline: str, lead: str) -> None:
    """Furniture words ("newsletter", "advertising") mark short page lines, but headlines use them too."""
    raw = page("Ashbury Echo", "Sign up to our newsletter", "Advertisement", headline, "By Raj Patel",
               "3 November 2023", lead, *CARE_BODY[1:])
    cleaned = clean(raw)
    assert cleaned.title == headline
    assert "Sign up" not in cleaned.body and headline not in cleaned.body


def test_a_headline_of_two_sentences_is_found_above_its_byline() -> None:
    headline = "My father voted for Wade Harlan three times. This year he's staying home."
    raw = page(headline, "By Lauren Mickelson", "Oct. 30, 2020", *CARE_BODY)
    assert clean(raw).title == headline


def test_a_sentence_ending_in_a_full_stop_with_no_byline_below_is_not_the_headline() -> None:
    raw = page("Ashbury Echo", CARE_HEADLINE, "By Raj Patel", "3 November 2023",
               "Read our guide to home care. It explains your rights.", *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_live_pages_latest_entry_is_not_the_headline_when_bare_names_and_a_date_follow_the_headline() -> None:
    headline = "Live: Health secretary grilled over Glyn Tawe waiting lists as Senedd committee meets"
    raw = "\n".join([
        "WalesLine", "LIVE", headline, "Rhys Penhallow and Cerys Morgan", "Wed 18 Sep 2024 09:02 BST",
        "Key events", "16:47 Summary: what we learned today", "Show all key events", "16:47",
        "Summary: what we learned today",
        "That's where we'll leave our live coverage for today. Here's a recap of the main points:",
        "- The health secretary told the committee that two-year waits at Glyn Tawe were unacceptable",
        "- Opposition members called for the board to be placed in special measures",
        "Thanks for joining us.", "15:30",
        "Consultants have warned of a lost decade for planned operations in the region, as theatre lists shrink.",
    ])
    assert clean(raw).title == headline


def test_a_live_pages_summary_bullets_under_its_headline_are_not_the_headline() -> None:
    headline = "Wenmouth hospitals declare critical incident as cold snap bites"
    raw = "\n".join([
        "Coastline News", "LIVE", headline, "Summary",
        "Wenmouth General Hospital and St Aidan's Hospital have declared a critical incident",
        "Patients are being urged to use A&E only for life-threatening emergencies",
        "Live reporting by Hannah Corrigan and Tomos Reece", "Wednesday 18 November 2026", "",
        "Posted at 17:42", "That's all from us for today",
        "We're going to pause our live coverage now. Thank you for joining us and for all your messages today.",
    ])
    assert clean(raw).title == headline


@pytest.mark.parametrize("headline", [
    "LIVE: Harbury hospital flooding – operations cancelled and patients moved to other wards",
    "Storm Elin live: Harbury hospital floods as patients are moved to other wards",
])
def test_a_live_pages_headline_is_the_live_line_over_its_key_events_not_an_entrys_heading(headline: str) -> None:
    raw = "\n".join([
        "Harbury Post", "News", "Health", headline,
        "Harbury General Hospital has declared a critical incident after its basement flooded overnight",
        "By", "Megan Trewin", "Live reporter", "09:12, 4 DEC 2026", "Share", "Key Events",
        "Theatres to reopen on Monday, trust says", "Ward moves finished", "", "15:40",
        "Theatres to reopen on Monday, trust says", "",
        "The trust has just said that its operating theatres will reopen on Monday after pumps cleared the water, "
        "and that patients whose surgery was cancelled will be contacted this week.", "",
        "“Theatres will reopen on Monday and we will contact everyone affected,” the update says.", "",
        "13:05", "Ward moves finished", "",
        "All patients have now been moved from the two flooded wards, the trust says.",
    ])
    assert clean(raw).title == headline


@pytest.mark.parametrize("top", [["Ashbury Care Today"], ["Ashbury Standard", "Your town, your paper - since 1872"]])
def test_key_points_over_a_trade_pages_headline_leave_the_headline_below_them(top: list[str]) -> None:
    raw = page(*top, "News", "Key points",
               "• Home care workers in Northmoor get a £1.20 an hour rise from July",
               "• The council says the rise will cut waiting lists", CARE_HEADLINE, "By Raj Patel | 3 June 2025",
               *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


@pytest.mark.parametrize("headline", [
    "Register of care workers grows again but more leave within a year, council data shows",
    "Report finds Northmoor home care workers to get £1.20 an hour pay rise too late for winter",
])
def test_a_headline_opening_on_a_buttons_word_is_no_button(headline: str) -> None:
    raw = page("Ashbury Care Today", "Register", "Log in", "News", headline,
               "Agencies say the rise will help them recruit before the winter", "By Raj Patel", "3 June 2025",
               *CARE_BODY)
    assert clean(raw).title == headline


def test_a_long_headline_above_its_byline_is_found_below_a_crisis_banner_that_stays_out_of_the_body() -> None:
    """Charities quote someone and say what their report found in one headline of twenty-five words; a byline
    never follows a paragraph at once, so the line is no body text and the banner above it starts no article."""
    headline = ("“I stopped going to the shops”: carers visiting Ashbury General Hospital paid up to £60 a week to "
                "park, our new survey of families finds")
    banner = ("If you are worried about someone in your care right now, call 999 or go to A&E. You can also call "
              "NHS 111 for advice.")
    raw = page("Carers Together", "Support for carers across Ashbury and the Wyre valley", "Donate", banner,
               "Home > News > Campaigns", headline, "By Sunita Rao, Campaigns Officer", "Share this page",
               *HOSPITAL_BODY)
    cleaned = clean(raw)
    assert cleaned.title == headline
    assert cleaned.body.startswith("Carers visiting relatives") and "call 999" not in cleaned.body


def test_a_long_standfirst_above_the_byline_is_not_the_headline_above_it() -> None:
    headline = "‘Someone has to pay for it’: inside the fight over free parking"
    standfirst = ("When Ashbury General started charging carers to park, families who visit every day found "
                  "themselves paying more than their weekly food shop to sit with the people they love. They are "
                  "not alone")
    raw = page("Ashbury Echo", "The Long Read", headline, standfirst, "By Raj Patel", "3 November 2023",
               *HOSPITAL_BODY)
    assert clean(raw).title == headline


def test_the_body_starts_below_a_byline_and_date_standing_under_a_standfirst_and_the_page_is_dated() -> None:
    """A long read puts its standfirst, byline, photographer and date between headline and text: all of it is the
    page's, and the date line there dates the article."""
    standfirst = ("Carers visiting relatives at Ashbury General Hospital paid up to £60 a week to park. Then the "
                  "families organised.")
    raw = page("The Long Read", "The price of visiting", standfirst, "By Raj Patel", "Photographs by Anna Lees",
               "3 November 2026 · 16 minute read", *HOSPITAL_BODY)
    cleaned = clean(raw)
    assert cleaned.body.startswith("Carers visiting relatives at Ashbury General Hospital will no longer")
    assert extract_metadata(raw, cleaned).published == date(2026, 11, 3)


def test_a_long_tabloid_headline_above_its_standfirst_and_byline_is_the_headline() -> None:
    headline = ("\"I waited 14 hours on a trolley next to the toilets\": Gran, 87, tells of A&E ordeal as corridor "
                "care hits record")
    standfirst = ("Maureen Bassett was left in a hospital corridor overnight with a suspected broken hip and her "
                  "family say she was \"treated like a parcel\"")
    raw = page("The Daily Clarion", "Health > NHS", headline, standfirst, "By Kerry Madden, Health Editor",
               "09:14, 14 Oct 2026", *HOSPITAL_BODY)
    assert clean(raw).title == headline



def test_a_tabloid_headline_over_summary_lines_that_lost_their_bullets_is_the_headline() -> None:
    headline = "Hospital trust scraps car parking charges for carers after two-year campaign by local families"
    summary = ["Families of long-stay patients at Ashbury General had paid up to £60 a week to park",
               "About 1,800 carers a month will benefit from the free permits issued at reception",
               "Campaigners said the charges had been a tax on the families of the sick"]
    raw = "\n".join(["Daily Courant", "Latest Headlines", "Health", headline, *summary,
                     "By Raj Patel, Health Reporter", "Published: 11:24 BST, 3 September 2026", *HOSPITAL_BODY])
    assert clean(raw).title == headline



CENTRE_BODY = [
    "Patients in Ashbury and the surrounding villages can now have CT, MRI and ultrasound scans closer to home "
    "after a new community diagnostic centre opened at Ashbury Health Park on Monday.",
    "The £14m centre will carry out up to 58,000 tests a year and is expected to cut the average wait for a "
    "routine scan from nine weeks to three.",
]
CENTRE_HEADLINE = "New diagnostic centre opens at Ashbury Health Park, cutting scan waits for thousands"


@pytest.mark.parametrize("below", [
    "The new community diagnostic centre at Ashbury Health Park",  # a picture's caption with no credit
    "Scans at the Ashbury Health Park centre",  # a programme's or a picture's strapline
])
def test_a_shorter_line_right_below_a_headline_that_tells_the_leads_story_is_not_the_headline(below: str) -> None:
    raw = page("Ashbury Hospitals NHS Trust", "Published: 12 November 2026", CENTRE_HEADLINE, below, *CENTRE_BODY)
    assert clean(raw).title == CENTRE_HEADLINE


def test_a_bodys_name_sharing_the_leads_words_near_the_article_is_not_the_headline() -> None:
    """A trust's own page carries its name at the top; the lead names the trust too, but a name ending in
    "Trust" is whose page it is, not what happened."""
    lead = ("Carers visiting relatives at Ashbury General Hospital will no longer have to pay to park, Ashbury "
            "Hospitals NHS Foundation Trust has said.")
    lines = [TitleLine("Ashbury Hospitals NHS Foundation Trust", 2, 2), TitleLine(HOSPITAL_HEADLINE, 1, 7)]
    assert pick_headline(lines, lead) == HOSPITAL_HEADLINE


def test_a_section_label_with_a_pipe_does_not_make_the_headline_below_it_a_standfirst() -> None:
    raw = page("Tallyhouse", "Investigations   Data   Health and Care   Housing", "Home care | Investigation",
               CARE_HEADLINE, "By Ellen Marsh", "14 June 2023", *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_tagline_over_the_days_date_is_not_beside_the_article_when_the_article_repeats_the_date() -> None:
    headline = "GP visits for over-75s would cost £20 under fee cap plans"
    standfirst = ("Committee says no islander should be put off seeing a doctor because of cost, but practices warn "
                  "the sums must add up")
    body = ["Islanders aged 75 and over would pay no more than £20 to see a GP under proposals published yesterday by "
            "the island's health committee.",
            "The committee said the cap would be paid for by a grant to practices, which currently charge up to £62 "
            "for a standard appointment."]
    raw = page("Skip to content", "The Island Courant", "Island news, every day", "Tuesday 24 November 2026",
               "Weather: 11°C, showers", "News   Politics   Business   Health   Sport", "Health", headline,
               standfirst, "By Nicola Brehaut", "Tuesday 24 November 2026, 06:12", *body)
    assert clean(raw).title == headline


def test_a_date_in_a_row_of_fields_marks_the_byline_block_so_a_banner_above_stays_out() -> None:
    banner = ("If you are in crisis and need to talk to someone now, call our Listening Line free on 0808 157 0266, "
              "24 hours a day.")
    raw = page("Steady Ground", "Mental health support for young people", "Get help now", banner,
               "Home › News and stories › Care story", CARE_HEADLINE, "Posted in News and stories · 18 November 2026",
               *CARE_BODY)
    result = clean(raw)
    assert result.title == CARE_HEADLINE
    assert banner not in result.body


def test_a_bodys_name_with_its_kind_inside_it_beside_the_article_is_not_the_headline() -> None:
    """A college's own news page opens with its name; its press release's lead says "College" and "nursing" too,
    but "Royal College of District Nursing" names whose page it is."""
    headline = "District nurses caring for twice the safe number of patients, College survey finds"
    lead = ("District nurses are responsible for twice as many patients as is safe, according to a survey of "
            "nursing staff published today by the Royal College of District Nursing.")
    lines = [TitleLine("Royal College of District Nursing", 1, 1), TitleLine(headline, 1, 7)]
    assert pick_headline(lines, lead) == headline


def test_a_papers_issue_banner_does_not_put_its_tagline_beside_the_article() -> None:
    tagline = "Free every Thursday to local families | Serving Ashbury General Hospital's patients"
    raw = page("ASHBURY ADVERTISER", tagline,
               "Thursday, 3 November 2023 | Issue No. 1,212", "News | Sport | Letters | Jobs",
               HOSPITAL_HEADLINE, "By Raj Patel", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_consultation_headline_opening_with_have_your_say_above_its_date_is_the_headline() -> None:
    headline = "Have your say on proposed changes to how we charge for care at home"
    lead = ("Ashby Borough Council is asking residents and carers for their views on proposed changes to how it "
            "charges for care at home.")
    raw = page("Ashby Borough Council", "Home > Adult social care > Consultations > Charging for care at home",
               headline, "Published: 1 September 2026", lead, "The consultation runs until 24 November 2026.",
               "About 1,900 people would pay more under the proposals, an average of £14.60 a week.")
    assert clean(raw).title == headline


def test_a_bare_name_over_its_newsroom_is_a_byline_so_the_headline_above_it_is_beside_the_article() -> None:
    strapline = "Drivetime with Sam Okoro, weekdays 4pm to 7pm on Ashbury Sound"
    raw = page("Ashbury Sound 97.4FM", "News", HOSPITAL_HEADLINE, "Lucy Tarrant", "Ashbury Sound News", strapline,
               *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_live_pages_entry_heading_after_its_time_on_one_line_is_not_the_headline() -> None:
    headline = "LIVE: Critical incident declared at Ashbury General Hospital - latest updates"
    raw = page("Ashbury Gazette", headline, "Priya Nair", "28 November 2026", "21:15 Chief executive's message",
               "The chief executive has asked people to stay away from the hospital's emergency department tonight.",
               "The hospital declared a critical incident at 5pm when it ran out of beds in the emergency department.",
               "Ambulances are being diverted to Wexford, and the chief executive will speak again in the morning.")
    assert clean(raw).title == headline


def test_a_live_pages_entry_heading_under_its_time_is_not_the_headline() -> None:
    headline = "Nurses’ strike live: nurses walk out at 40 NHS trusts in England as pay talks remain stalled"
    raw = page("LIVE", headline, "First day of a 48-hour walkout over pay; the government says its offer is final",
               "Hannah Okafor", "Tue 17 Mar 2026 08.05 GMT", "Key events", "17.32 GMT", "Summary of the day",
               "We will pause our coverage shortly. Here is a summary of the day's main developments.",
               "Nurses at 40 NHS trusts in England walked out at 8am, with pickets at more than 120 hospital sites.",
               "NHS England said about 14,000 planned operations had been postponed because of the strike.",
               "The health minister said the 3.2% offer was final and talks would not reopen this year.")
    assert clean(raw).title == headline


@pytest.mark.parametrize("suffix", ["live", "as it happened"])
def test_a_live_pages_headline_ending_in_live_over_two_summary_lines_is_kept_whole(suffix: str) -> None:
    """"… – live" says the page is live, over its summary lines; the word is no site's name to cut off."""
    headline = f"Nurses’ strike day two: families tell of cancelled operations as talks stall – {suffix}"
    raw = page("The National Ledger", "News", "Health", "Live", headline,
               "Patients describe repeated cancellations as the walkout continues until Friday morning",
               "Health secretary says pay demand ‘not affordable’ but insists talks can resume",
               "Priya Sethi and Tom Gallagher", "Wed 24 Jul 2024 13.40 BST", "Key events",
               "13.31 BST Health secretary: ‘the door remains open’", "13.31 BST",
               "The health secretary has been speaking to broadcasters during a visit to a GP surgery this morning.",
               "Nurses at 40 NHS trusts in England walked out at 8am, with pickets at more than 120 hospital sites.")
    assert extract_metadata(raw, clean(raw)).title == headline


def test_a_live_tickers_run_of_items_over_the_page_is_not_the_live_pages_headline() -> None:
    """The ticker says "LIVE" too, but it runs several items together between bullets; the page's own headline,
    which need not say it is live ("… – as it happened"), stands over its key events."""
    headline = "Nurses’ strike: health secretary says talks will reopen next week – as it happened"
    raw = page("LIVE  Nurses walk out at 40 trusts  •  14,000 operations postponed  •  Talks to reopen",
               "Ashbury Gazette", "Home", "News", "Health", headline, "Hannah Okafor", "Tue 17 Mar 2026 08.05 GMT",
               "Key events", "Summary of the day", "17.32 GMT", "We are closing the live page",
               "We will pause our coverage shortly. Here is a summary of the day's main developments.",
               "Nurses at 40 NHS trusts in England walked out at 8am, with pickets at more than 120 hospital sites.",
               "NHS England said about 14,000 planned operations had been postponed because of the strike.")
    assert clean(raw).title == headline


@pytest.mark.parametrize("tagline", [
    "The news weekly for general practice and its hospitals",
    "For commissioners of adult social care and hospital care",
    "Serving Ashbury, Wexford and the villages since 1887",
])
def test_a_sites_tagline_under_its_name_is_not_the_headline(tagline: str) -> None:
    raw = page("Ashbury Weekly", tagline, "News | Analysis | Jobs", "3 November 2023", HOSPITAL_HEADLINE,
               "By Raj Patel", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


@pytest.mark.parametrize("crumb", ["News / Pharmacy", "Community care / Home visits"])
def test_a_two_part_section_path_above_the_headline_is_not_the_headline(crumb: str) -> None:
    raw = page("Ashbury Weekly", "News | Analysis | Jobs", crumb, HOSPITAL_HEADLINE, "Published: 3 November 2023",
               "Raj Patel | Health reporter", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_pull_quote_and_its_credit_above_the_body_are_not_the_headline() -> None:
    headline = "The week the families stopped paying to visit"
    body = ["It is just after 9am when Ellen Marsh pulls into the multi-storey at Ashbury General Hospital, where her "
            "husband has been on a ward for six weeks.",
            "Until this month she paid £9 a day to park. The trust said about 1,800 carers a month would now park "
            "free.",
            "Campaigners said the charges had cost some families more than £60 a week during long hospital stays."]
    raw = page("The Ashbury Review", "Long read", headline,
               "Families who sit with relatives for weeks on end were paying hundreds of pounds to do it. Then they "
               "took on the trust.", "By Raj Patel", "Saturday 4 November 2023",
               "“We were paying more to park than we spent on food that month”", "Ellen Marsh, carer", *body)
    assert clean(raw).title == headline


def test_a_menu_row_laid_out_with_runs_of_spaces_is_not_the_headline() -> None:
    raw = page("Ashbury Health Monitor", "Parliament  Hospital  Policy  Social care  Carers  Briefings",
               "Start free trial  |  Log in", "NEWS", "Thursday 5 March 2026", HOSPITAL_HEADLINE, "By Raj Patel",
               *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_typists_double_spaces_after_full_stops_do_not_make_prose_a_menu() -> None:
    prose = "Carers said no.  The trust agreed.  Parking is free."
    assert prose.replace("  ", " ") in clean(page(HOSPITAL_HEADLINE, "By Raj Patel", prose, *HOSPITAL_BODY)).body


@pytest.mark.parametrize("tagline", [
    "Independent research and analysis on health and care",
    "The intelligence source for hospital leaders",
    "Supporting carers and their families since 1994",
    "Caring for people in Ashbury, Fellside and the Vale since 1987",
])
def test_a_think_tanks_or_charitys_tagline_is_not_the_headline(tagline: str) -> None:
    assert is_furniture(tagline, frozenset())
    raw = page("Skip to content", "The Ashbury Institute", tagline, "About us  Our work  Publications  Blog  Events",
               "Search", "Home  /  Blog  /  Carers", HOSPITAL_HEADLINE, "Dr Priya Raman",
               "Senior Fellow, Carers Policy", "12 March 2026", "6 minute read",
               "Share  LinkedIn  Bluesky  Email  Copy link", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_standfirst_that_echoes_the_lead_in_more_words_is_not_the_headline() -> None:
    headline = "Hospital trust scraps car parking charges for carers, families say"
    standfirst = "Carers visiting relatives at Ashbury General Hospital will no longer pay"
    raw = page("Ashbury Weekly", "NEWS | 3 November 2023", headline, standfirst, "Raj Patel, health reporter",
               "Share  X  LinkedIn  Email", *HOSPITAL_BODY)
    assert clean(raw).title == headline


@pytest.mark.parametrize("headline", [
    "The source of the outbreak remains unknown", "Waiting lists at their highest since 1991",
    "Independent review finds failings at care home",
])
def test_headlines_shaped_a_little_like_taglines_are_not_furniture(headline: str) -> None:
    assert not is_furniture(headline, frozenset())


@pytest.mark.parametrize("credit", ["Photograph: Tom Hale/The Ashbury Review", "Credit: Ashbury General Hospital"])
def test_a_pictures_caption_over_the_byline_that_tells_the_story_is_not_the_headline(credit: str) -> None:
    caption = f"Carers visiting relatives at Ashbury General Hospital will no longer have to pay to park. {credit}"
    standfirst = "Families who sat with relatives for weeks were paying hundreds of pounds to do it. Then they acted."
    raw = page("The Ashbury Review", "Health", HOSPITAL_HEADLINE, standfirst, caption, "By Raj Patel",
               "3 November 2023", *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_labelled_headline_keeps_its_standfirst_below_it_however_closely_that_echoes_the_lead() -> None:
    headline = "In pictures: families celebrate as Ashbury hospital ends parking fees for carers"
    standfirst = "Carers visiting relatives at Ashbury General Hospital no longer pay to park"
    raw = page("Ashbury Echo", headline, standfirst, "By Raj Patel", "3 November 2023", *HOSPITAL_BODY)
    assert clean(raw).title == headline


def test_an_item_of_a_menu_laid_out_one_item_a_line_is_not_the_headline() -> None:
    menu = "\n".join(["Home", "Our services", "Parking at our hospitals", "Visiting times", "About us", "News"])
    raw = page("Ashbury Hospitals NHS Trust", menu, "Home > News", "Published: 3 November 2023",
               HOSPITAL_HEADLINE, *HOSPITAL_BODY)
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_shows_tagline_over_an_episodes_title_does_not_make_the_title_its_standfirst() -> None:
    tagline = "Conversations with the carers who keep health and social care going"
    episode = "Episode 12: Hospital parking charges scrapped for carers after a long campaign – with Ashbury families"
    raw = page("Ashbury Health Podcast", tagline, episode, "3 November 2023 · 32 min", *HOSPITAL_BODY)
    assert clean(raw).title == episode


@pytest.mark.parametrize("banner", ["In a life-threatening emergency always call 999",
                                    "If you need urgent help, call NHS 111 and choose option 2"])
def test_an_emergency_banner_is_furniture_however_many_words_it_shares_with_the_story(banner: str) -> None:
    assert is_furniture(banner, frozenset())
    assert not is_furniture("Pensioner told to call 999 waited ten hours for an ambulance", frozenset())


def test_a_long_tabloid_headline_over_bullet_points_and_a_byline_is_the_headline() -> None:
    headline = ("'We were told to wait and wait': Carers' fury as hospital parking fees finally scrapped after "
                "three-year fight by families in Ashbury and Fellside")
    bullets = ["• Carers paid up to £60 a week to park during long stays",
               "• Families campaigned for three years to end the charges"]
    raw = "\n".join(["Ashbury Echo", "News  Sport  Health", headline, *bullets, "By Raj Patel, Health Reporter",
                     "3 November 2023", "", *HOSPITAL_BODY])
    assert clean(raw).title == headline


def test_a_consultations_have_your_say_headline_is_the_headline_not_a_comment_prompt() -> None:
    headline = "Have your say on plans to scrap hospital parking charges for carers"
    raw = "\n".join(["Ashbury Borough Council", "Search", "Menu", "Home", "News", headline, *HOSPITAL_BODY])
    assert clean(raw).title == headline
    assert is_furniture("Have your say", frozenset())


@pytest.mark.parametrize("caption", [
    "Carers outside the main entrance of Ashbury General Hospital car park",
    "Families and campaigners photographed at Ashbury General Hospital",
])
def test_a_picture_description_between_the_byline_and_the_article_is_not_the_headline(caption: str) -> None:
    standfirst = ("Families who campaigned for two years say the change will save some carers more than £60 a week "
                  "during long stays")
    raw = "\n".join(["Ashbury Echo", "News", "Health", HOSPITAL_HEADLINE, standfirst, "By Raj Patel",
                     "Thursday 22 January 2026", "Share", "Save", caption, *HOSPITAL_BODY])
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_headline_below_a_press_release_date_under_the_bodys_name_is_kept() -> None:
    raw = "\n".join(["Ashbury Hospitals NHS Trust", "Home > News > Press releases", "Press release",
                     "24 June 2026", HOSPITAL_HEADLINE, *HOSPITAL_BODY])
    assert clean(raw).title == HOSPITAL_HEADLINE


def test_a_caption_with_its_credit_in_capitals_is_not_the_headline_and_the_date_line_may_name_the_paper() -> None:
    raw = ("Sign in\nThe Evening Courant\nHome\nNews\nPolitics\nANALYSIS\n"
           "Hospital building plan quietly drops four new schemes\n"
           "The list is shorter, and nobody in Whitehall wants to say so\n"
           "Ruth Calloway\nHealth Editor\nTuesday June 9 2026, 7.15am BST, The Evening Courant\nShare\n"
           "The health secretary visiting a building site in Leeds on Monday. OWEN MARCH/PA\n\n"
           "Four hospital schemes promised in 2020 have gone from the government's building list, which was "
           "published without announcement on Monday evening and runs to eleven pages.\n\n"
           "Trust leaders in two of the areas said they had not been told before the list appeared. One chief "
           "executive said the trust would keep making the case for its new hospital regardless.\n")
    meta = extract_metadata(raw, clean(raw))
    assert meta.title == "Hospital building plan quietly drops four new schemes"
    assert meta.published == date(2026, 6, 9)


def test_a_long_standfirst_between_headline_and_byline_does_not_let_the_sites_tagline_win() -> None:
    raw = "\n".join([
        "THE OPEN DOOR",
        "Independent investigations into health and care",
        "Investigations | Data | Explainers | About | Donate",
        "",
        "Investigations",
        "Revealed: council paid agencies £12m as carers say home visits were left unfilled until the last minute",
        "Internal emails and accounts from six care workers and managers suggest visits in Northmoor were held back "
        "from the council's own staff and then handed to agencies at up to three times the cost of its own teams",
        "Rachel Oduya",
        "3 November 2026",
        "",
        "A council spent more than £12m on agency carers in a single year while managers say they were told to hold "
        "back home visits from its own care workers, an Open Door investigation has found.",
        "",
        *CARE_BODY,
    ])
    assert clean(raw).title.startswith("Revealed: council paid agencies £12m")


def test_a_columnists_name_under_the_headline_is_a_byline_so_the_job_line_under_it_is_no_headline() -> None:
    raw = "\n".join([
        "Northam Courier",
        "News | Sport | Opinion | Health",
        "",
        "Opinion",
        "Dr Niamh Carrow: Why I ask about loneliness as often as blood pressure",
        "Dr Niamh Carrow",
        "GP and Courier columnist",
        "",
        "Last month a woman in her eighties came to see me about her knees. I will call her Margaret.",
        "",
        "Her knees were stiff and sore but not alarming. We talked about painkillers and the stairs at home.",
    ])
    assert clean(raw).title == "Dr Niamh Carrow: Why I ask about loneliness as often as blood pressure"


def test_an_essays_headline_over_a_longer_standfirst_wins_when_neither_shares_the_scene_it_opens_on() -> None:
    raw = "\n".join([
        "Occupation in Practice",
        "Members' area",
        "Opinion",
        "",
        "‘What matters to you?’ is still the best question I ask",
        "After 14 years in community rehabilitation, Rhiannon Gale reflects on why the simplest question can change "
        "everything",
        "By Rhiannon Gale",
        "1 September 2025",
        "",
        "The first time I understood what my job was for, I was standing in a kitchen in a terraced house, watching a "
        "man I'll call Stan try to make a cup of tea.",
        "",
        "He had been discharged from hospital three days earlier after a stroke. On paper, he was doing well.",
    ])
    assert clean(raw).title == "‘What matters to you?’ is still the best question I ask"


def test_a_features_headline_over_a_two_sentence_standfirst_that_names_the_scene_is_the_headline() -> None:
    """The headline shares no word with a lead that opens on a scene; the standfirst under it, two sentences, does.
    A headline is never two sentences, so the line over them is."""
    raw = "\n".join([
        "Care Kitchen Weekly",
        "Features",
        "‘Nobody wants a sandwich that tastes of the fridge’: the cook who rewrote a care home menu",
        "Priya Soni left hotels for Dunmore. Two years on, residents ask for seconds",
        "Words: Ann Cole",
        "",
        "At nine on a Monday the kitchen at Elm Court smells of bread, and Priya Soni is debating pastry with a "
        "resident in Dunmore.",
        "",
        "Soni, 41, has run the kitchen at the 40-bed house for two years.",
    ])
    assert clean(raw).title == raw.splitlines()[2]  # the quoted headline over the standfirst


def test_a_live_pages_labelled_headline_right_over_its_standfirst_and_byline_is_the_headline() -> None:
    raw = "\n".join([
        "Lindenshire Live",
        "News | Health | Sport",
        "",
        "LIVE: Wexcombe Royal Infirmary IT outage - patients told to avoid A&E unless it's an emergency",
        "",
        "Live updates as a major IT failure hits the Royal Infirmary, with some appointments cancelled",
        "",
        "By Chloe Marsden",
        "08:12, 23 Sep 2026",
        "",
        "16:40",
        "Systems mostly back, trust says",
        "Lindenshire Hospitals NHS Trust says most of its clinical systems at the infirmary are working again.",
    ])
    assert clean(raw).title.startswith("LIVE: Wexcombe Royal Infirmary IT outage")


def test_a_tabloids_long_headline_over_three_summary_lines_and_the_byline_is_the_headline() -> None:
    headline = ("Great-gran, 102, who had NEVER spent a night in hospital is finally admitted after tumble while "
                "pegging out washing – and has the ward wrapped around her finger")
    raw = "\n".join([
        "Daily Lantern", "Home", "News", "Health", "",
        headline, "",
        "Ivy Marchbank, who was born in 1923, broke her wrist after slipping on her back step",
        "It is the first time she has stayed on a ward – all four of her children were born at home",
        "Nurses say she has been teaching a healthcare assistant to crochet between checks",
        "",
        "By Kerry Ashworth, Health Reporter",
        "Published: 08:47 GMT, 18 March 2026",
        "",
        "A great-gran who had never spent a night in hospital in her 102 years has finally been admitted after a "
        "tumble while pegging out her washing.",
        "",
        "Ivy Marchbank slipped on the back step of her home and broke her wrist, and nurses say she has the ward "
        "wrapped around her finger.",
    ])
    assert clean(raw).title == headline


def test_a_tabloids_summary_lines_over_its_byline_stay_under_the_headline_though_one_shares_no_lead_word() -> None:
    headline = ("‘I came in for one shift and stayed for 30 years!’ Home care workers in Northmoor celebrate £1.20 "
                "an hour pay rise agreed by the council")
    summary = ["Northmoor home care agencies had warned the council they would hand back contracts this winter",
               "Margaret Dunn, then 41, popped in to drop off a cake and was asked to stay for the afternoon",
               "Home care workers will line the council chamber tomorrow to clap the new rate through"]
    raw = page("Home", "News", "Femail", headline, *summary, "By JOANNE TATE FOR THE DAILY LANTERN",
               "Published: 07:14 GMT, 5 February 2026", *CARE_BODY)
    assert clean(raw).title == headline


def test_a_caption_under_a_relative_time_is_not_the_headline_over_it() -> None:
    standfirst = "Agencies had warned they would hand back contracts before the winter"
    caption = "Home care workers employed by agencies in Northmoor will get the rise from July"
    raw = page("News", "Health", CARE_HEADLINE, standfirst, "3 hours ago", "Share", caption, *CARE_BODY)
    assert clean(raw).title == CARE_HEADLINE


def test_a_consent_banners_heading_between_the_menu_and_the_headline_is_not_the_headline() -> None:
    headline = "Families' anguish as Northmoor agencies threaten to quit before winter"
    banner = ["We care about your privacy", "We and our partners use cookies to store and access information.",
              "Accept all", "Manage preferences"]
    raw = page("News", "Sport", *banner, "News", "Health", headline, "Relatives say they have been told nothing",
               "Comments", "Bookmark", "Share", "Hannah Morrow", "Health and Social Affairs Reporter",
               "12:41, 13 Feb 2026", *CARE_BODY)
    assert clean(raw).title == headline


def test_a_long_tabloid_headline_over_its_standfirst_and_a_bare_name_byline_is_the_headline() -> None:
    headline = ("Daring Northmoor home care worker, 61, who 'never even went on a bus alone' wins £1.20 an hour rise "
                "for every care worker in the county")
    standfirst = "JEAN Holroyd said she \"couldn't stop grinning\" as the council agreed the new rate on Tuesday"
    raw = page("Home", "News", headline, standfirst, "Chloe Barraclough", "Share", "Published: 10:42, 18 Jun 2026",
               *CARE_BODY)
    assert clean(raw).title == headline


def test_a_tagline_above_the_pages_breadcrumb_trail_is_the_sites_even_when_it_names_the_lead_towns_place() -> None:
    """A weekly's tagline names the towns its lead is about; the trail to the article ("Home > News > Fenby") sits
    between it and the date over the headline, so it is the site's line."""
    headline = "Fenby patients spared 12-mile trip as village surgery opens its own dispensary"
    lead = ("Patients in Fenby will be able to collect their medicines at their own GP surgery from next week, "
            "sparing them a round trip to Harrowden.")
    raw = page("Harrowden Mercury", "Your weekly paper for Harrowden, Fenby and the villages",
               "Subscribe | e-Edition | Log in", "News   Sport   What's On   Jobs", "Home > News > Fenby",
               "Thursday, 15 January 2026", headline, "By Rachel Tuddenham", lead,
               "The practice has converted two former consulting rooms into a dispensing area.")
    assert clean(raw).title == headline


@pytest.mark.parametrize("label", ["NEWS", "OPINION"])
def test_a_promotion_above_the_section_label_over_the_date_and_headline_is_the_sites(label: str) -> None:
    headline = "District nurses 'firefighting' as caseloads climb, survey finds"
    lead = ("District nurses are routinely seeing more than 20 patients a shift and are leaving care undone, a "
            "survey of community nurses has found.")
    raw = "\n".join(["The Nursing Record", "Log in", "Subscribe", "Menu", "Clinical", "Workforce", "Practice",
                     "Free CPD resources for community nurses", "", label, "3 November, 2025", headline,
                     "Nearly three-quarters of district nurses say they left care undone on their last shift",
                     "By Hannah Ferris", "Senior reporter", "Share", "", lead,
                     "The survey was completed by 2,215 nurses working in community teams in England."])
    assert clean(raw).title == headline


def test_a_subscriber_label_between_headline_and_standfirst_keeps_the_headline() -> None:
    headline = "Patients stranded in hospital for months as care-at-home crisis deepens"
    raw = "\n".join(["The Inverbrae Courier", "Subscribe", "News", "Health", "", headline, "SUBSCRIBER EXCLUSIVE",
                     "More than 110 people are stuck on wards despite being fit to go home, and a provider has failed",
                     "", "By Morag Leckie", "Health Correspondent", "Tuesday 24 November 2026 6:00 am", "",
                     "More than 110 patients fit to leave hospital are stuck on wards because no care at home can be "
                     "found for them, figures show.", "The care provider that collapsed in the summer had 40 clients."])
    assert clean(raw).title == headline


def test_an_obituarys_three_word_headline_among_section_labels_is_the_headline() -> None:
    """ "Edna Marsh obituary" is too short for a headline's shape and sits under one-word section labels, but the
    lead opens on her name: it is the headline, not the standfirst under it."""
    raw = page("The Daily Courant", "News   Opinion   Obituaries", "Sign in", "Obituaries", "Social care",
               "Edna Marsh obituary", "Care home owner who opened her doors to residents' families at any hour",
               "Ruth Penhale", "Mon 9 Mar 2026 11.00 GMT",
               "Edna Marsh, who has died aged 88, ran the Larches care home in Fenby for 30 years and was among the "
               "first owners in the county to let families visit at any time of day.",
               "She trained as a nurse in Leeds and bought the home with her husband, Frank, in 1972.",
               "Her son, Peter, said she treated every resident as family.")
    assert clean(raw).title == "Edna Marsh obituary"


def test_a_long_headline_over_shorter_summary_lines_is_one_unit_over_the_byline_not_the_caption_under_it() -> None:
    headline = ("'We paid to park every day for six weeks while Dad was dying': Hospital trust scraps car parking "
                "charges for carers after two-year campaign by families")
    raw = "\n".join(["The Ashbury Lodestar", "News", "Health", headline,
                     "Permits to be issued at main reception from Monday",
                     "About 1,800 carers a month will benefit",
                     "By Raj Patel, Health Reporter", "Published: 10:32 GMT, 22 January 2026",
                     "Ann Reid, 61, from Ashbury, visited her father every day for six weeks", *HOSPITAL_BODY])
    assert clean(raw).title == headline


@pytest.mark.parametrize(("promo", "standfirst"), [
    ("Webinar: Making sense of the new adult social care data rules – Thursday 3 April, 11am. Register free", []),
    ("FREE WEBINAR: Preparing for your adult social care inspection – book your place",
     ["The council says the cost of residential care has risen sharply for the third year running"]),
    ("Town Hall Live London: adult social care finance, 14 November 2024 - register free now", []),
])
def test_a_promotion_calling_readers_to_book_or_register_is_never_the_headline(promo: str,
                                                                                standfirst: list[str]) -> None:
    """A webinar's promotion above the headline shares the lead's topic words ("adult social care"), and may sit
    right over the headline and its standfirst; a line that ends by asking the reader to book or register is a
    promotion all the same."""
    body = ["Northmoor County Council is forecasting a £9.2m overspend on adult social care this year, a report to "
            "its cabinet shows.", "The overspend has grown by £2m since the last forecast, driven by residential care."]
    headline = "Northmoor faces £9.2m adult social care overspend as demand rises"
    raw = "\n".join(["Town Hall Weekly", "News", "Home / News / Finance", promo, headline, *standfirst,
                     "By Hugh Reid", "11.03.2025", *body])
    assert clean(raw).title == headline


@pytest.mark.parametrize("credit", ["by Advertiser reporter", "By Gazette Reporter", "By the communications team"])
def test_a_newsrooms_credit_under_the_headline_keeps_the_headline_a_line_of_its_own(credit: str) -> None:
    """With no blank lines, a headline runs into the line under it unless that line is a byline; a newsroom's
    credit names no one but is a byline all the same, so the headline stands alone (and no author is invented)."""
    lines = ["The Ashbury Advertiser", "Home | News | Sport | Community",
             "BREAKING: Temporary traffic lights on Fore Street until Friday", "Community", "Posted: 20/06/25",
             HOSPITAL_HEADLINE, credit, *HOSPITAL_BODY]
    raw = "\n".join(lines)
    cleaned = clean(raw)
    assert (cleaned.title, extract_metadata(raw, cleaned).author) == (HOSPITAL_HEADLINE, None)


@pytest.mark.parametrize("player", [["Listen to this article", "03:24"], ["Play", "2:15"]])
def test_a_players_length_over_the_headline_is_no_live_entrys_time(player: list[str]) -> None:
    """A live page's entry heading sits under its time ("17.32 GMT"); an audio player's length ("03:24" under
    "Listen to this article") is no time of day, and the headline under it is the page's."""
    headline = "Care service plans scrapped after years of delay and £30m spent"
    raw = "\n".join(["The Caledonian Times", "News", "Politics", *player, headline,
                     "Ministers will instead take forward a slimmed-down Bill including a right to breaks for carers",
                     "By Euan Rankin", "Published 13th Jan 2025, 17:45 GMT",
                     "The government has abandoned plans for a care service after years of delays and more than £30 "
                     "million spent on the project.", "Ministers said a slimmed-down Bill would be taken forward."])
    assert clean(raw).title == headline


@pytest.mark.parametrize("headline", [
    "'Like queuing for festival tickets': patients describe the 8am scramble for appointments",
    "‘Report it and nobody rings back’: patients describe the 8am scramble for appointments",
])
def test_a_headline_opening_on_a_quote_is_no_button_whose_label_it_starts_with(headline: str) -> None:
    page = (f"News\n{headline}\nA survey of 2,000 patients found almost half could not get through by phone\n"
            "By Ann Pike\n9 June 2024\n\nPatients across Hallam Vale describe a daily scramble for appointments: "
            "they ring at 8am and wait for an hour. A survey found almost half could not get through by phone.")
    assert clean(page).title == headline


def test_a_headline_over_a_standfirst_right_over_the_byline_is_the_headline_though_it_shares_few_words() -> None:
    page = ("News\nNHS 24 callers left on hold for three hours as winter waits soar\n"
            "Figures show more than 14,000 calls to 111 took over an hour to answer last winter\n"
            "By Ann Pike\n9 June 2024\n\nThousands of people calling NHS 24 waited more than an hour for their call "
            "to be answered last winter, figures show. More than 14,000 calls to 111 took over an hour.")
    assert clean(page).title == "NHS 24 callers left on hold for three hours as winter waits soar"


def test_an_episodes_title_under_a_tagline_sharing_the_stories_words_is_the_headline_not_its_standfirst() -> None:
    episode = "Episode 31: Keeping a home care agency going – with Nadia Osei"
    raw = ("Ashbury Health Foundation\nPodcast  ›  Care Matters\n\nCARE MATTERS\n"
           "Conversations with the people who keep health and care going\n\n"
           f"{episode}\n4 March 2026  ·  41 min\n\n▶ Play episode\n\n"
           "In this episode, host Sam Reid talks to Nadia Osei, who runs a home care agency in Redlow, about fees, "
           "recruitment and what keeps people in care work.\n\n"
           "Nadia, who started out as a care worker at 18, explains why the people she employs stay.")
    assert clean(raw).title == episode


@pytest.mark.parametrize("between", [
    ["Bookmark", "Share", "By", "Ann Pike"], ["Share", "By Ann Pike"], ["By", "Ann Pike"],
])
def test_a_long_headline_over_its_standfirst_is_found_past_buttons_and_a_by_on_a_line_of_its_own(
        between: list[str]) -> None:
    headline = ("'She was left on a trolley by the toilets for 31 hours': Daughter's anger at corridor care in "
                "Hallam Vale A&E")  # 21 words: longer than a headline is, unless a byline or date is right under it
    raw = "\n".join(["News", headline, "Jo Reed says her mother was treated in a corridor at Hallam Vale Hospital as "
                     "bosses admit the department is under extreme pressure", *between, "06:00, 14 MAR 2025", "",
                     "A woman has described the degrading treatment of her mother, who spent 31 hours on a trolley in "
                     "a hospital corridor before a bed became free.", "",
                     "The trust said the emergency department had been under extreme pressure all winter."])
    assert clean(raw).title == headline


def test_a_live_pages_byline_naming_the_reporter_its_lead_names_is_no_headline() -> None:
    headline = "Heatwave live: Hospitals prepare for busiest weekend as heat alert issued"
    raw = "\n".join(["Vale TV News", "Home | News | Weather | Sport", "LIVE", headline,
                     "Live reporting by Ann Pike and Josh Reed", "Thursday 18 July 2024", "Summary",
                     "An amber heat-health alert is in force across the region until Monday",
                     "Care homes are being urged to check on residents every hour", "Show latest updates",
                     "16:05", "Care home puts paddling pools in the garden",
                     "Our reporter Josh Reed has been to Brambles Court care home in Hampden, where staff have set up "
                     "paddling pools in the shade.",
                     "Manager Denise Fowler said residents had been drinking far more than usual this week."])
    assert clean(raw).title == headline


def test_a_papers_tagline_naming_its_villages_above_the_menu_is_no_headline_over_one_the_byline_follows() -> None:
    """"Serving Brindlecombe … and the Wendle Valley since 1887" shares the lead's place names, but the site's menu
    stands between it and the article, whose headline sits right over the byline."""
    headline = "Village rallies round after farmer's cardiac arrest as 999 wait exposes rural 'black spot'"
    raw = "\n".join([
        "Brindlecombe & District Gazette", "Serving Brindlecombe, Upper Hatherley and the Wendle Valley since 1887",
        "Thursday, March 7, 2024", "Home", "News", "Sport", "Community", "Family Notices", "Contact", "News",
        headline, "By Gareth Tunnicliffe", "Thursday, March 7, 2024",
        "A farmer whose heart stopped while he was feeding cattle near Upper Hatherley has thanked the neighbours in "
        "Brindlecombe who kept him alive until an ambulance arrived, and called for a defibrillator in every village "
        "in the Wendle Valley.",
        "The nearest ambulance was 31 miles away when the call was made, and the crew took 38 minutes to arrive."])
    assert extract_metadata(raw, clean(raw)).title == headline


@pytest.mark.parametrize("kicker", ["A Sunday Clarion investigation · Part two of three", "Part 2 of 3: Locked away"])
def test_a_series_kicker_over_the_instalments_headline_is_not_the_headline(kicker: str) -> None:
    headline = "The families fighting to bring their loved ones home"
    raw = "\n".join([
        "The Sunday Clarion", "News", "Health", "Magazine", "LOCKED AWAY", kicker, headline,
        "More than 2,000 autistic people are still detained in mental health hospitals in England, and their families "
        "say a promise to bring them home has been broken again and again",
        "Words by Miriam Aldous", "Photographs by Kieran Voss", "Sunday 21 April 2024", "16 min read",
        "Geraldine Fitch at home. Photograph: Kieran Voss for the Sunday Clarion",
        "When Callum Fitch was admitted to a hospital unit in 2018, his family were told he would be home in 12 weeks. "
        "Six years later, as this Sunday Clarion investigation found, he is one of 2,000 still detained.",
        "His mother, Geraldine, visits every Sunday, a round trip of 280 miles."])
    assert extract_metadata(raw, clean(raw)).title == headline
