"""Publisher and author from the page's own words; nothing invented when the page does not say.

Every page here is invented for these tests: outlets, people and places are fictional.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.clean import clean
from bot.core.meta import extract_metadata
from bot.core.models import Metadata

HEADLINE = "Wexford Vale to recruit 40 more social workers after inspection"
BODY = [
    "Wexford Vale Council is to recruit 40 more social workers after inspectors found that caseloads in its "
    "children's services had grown too large to manage safely.",
    "The council said the posts would be paid for from reserves this year and built into the budget from April, "
    "when a new workforce plan is due.",
    "Inspectors said staff were committed but that too many families waited weeks for a first visit.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def meta(raw: str) -> Metadata:
    return extract_metadata(raw, clean(raw))


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("Get unlimited access to The Care Ledger with a subscription, plus our weekly magazine.", "The Care Ledger"),
        ("Enjoy full access to Social Work Now and our archive of 20 years of reporting.", "Social Work Now"),
        ("Would you like to become a Frontline Weekly columnist? Get in touch.", "Frontline Weekly"),
        ("Subscribe to Wexford Vale Courier today and never miss a story.", "Wexford Vale Courier"),
        ("Sign up to The Care Operator newsletter", "The Care Operator"),
        ("Sign up to The Beacon's health newsletter", "The Beacon"),
    ],
)
def test_publisher_from_a_subscription_or_contributor_line(line: str, publisher: str) -> None:
    assert meta(page(HEADLINE, "By Jane Doe", *BODY, line)).publisher == publisher


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter for the latest news.",
        "SUBSCRIBE TO CONTINUE READING",
        "Subscribe to Our Daily Bulletin",
        "Sign up to our newsletter",
    ],
)
def test_no_publisher_from_a_subscription_line_that_names_no_one(line: str) -> None:
    assert meta(page(HEADLINE, "By Jane Doe", *BODY, line)).publisher is None


def test_run_together_publisher_is_shown_as_the_page_writes_it() -> None:
    raw = page(HEADLINE, *BODY, "Source: CareLedger", "Read more from the Care Ledger team every Friday")
    assert meta(raw).publisher == "Care Ledger"


def test_run_together_publisher_is_split_at_its_capitals_into_whole_words() -> None:
    assert meta(page(HEADLINE, *BODY, "Source: SocialWorkWeekly")).publisher == "Social Work Weekly"
    assert meta(page(HEADLINE, *BODY, "Source: CareGovNow")).publisher == "CareGovNow"  # maybe the brand's spelling


def test_organisation_that_leads_its_own_release_is_the_publisher() -> None:
    body = [
        "Carers Alliance Wexford has welcomed the council's decision to recruit 40 more social workers, saying "
        "families have waited too long for help.",
        "Dr Amira Shah, chief executive of Carers Alliance Wexford, said: “This is the right decision, and it "
        "must be followed by a plan to keep the staff we have.”",
    ]
    assert meta(page(HEADLINE, *body)).publisher == "Carers Alliance Wexford"


def test_no_publisher_when_the_organisation_leading_the_story_does_not_speak_for_itself() -> None:
    body = [
        "Carers Alliance Wexford has welcomed the council's decision to recruit 40 more social workers, saying "
        "families have waited too long for help.",
        "Councillor Tom Reid, who leads on children's services, said: “We have listened to the inspectors.”",
    ]
    assert meta(page(HEADLINE, *body)).publisher is None


def test_nothing_is_invented_for_a_page_that_names_no_publisher() -> None:
    found = meta(page(HEADLINE, "Jane Doe 8 June 2022", *BODY, "Sign up for our free daily bulletin"))
    assert found.publisher is None
    assert found.author == "Jane Doe"


@pytest.mark.parametrize(
    "box",
    [
        ["Jane Doe", "Popular articles by Jane Doe"],
        ["More stories by Jane Doe"],
        ["Latest articles by Jane Doe, Social Affairs Editor"],
    ],
)
def test_author_from_the_author_box_after_the_article(box: list[str]) -> None:
    assert meta(page(HEADLINE, *BODY, *box, "Subscribe to our newsletter")).author == "Jane Doe"


@pytest.mark.parametrize("line", ["More articles by Wexford Vale Council", "More stories from Northern Ireland"])
def test_author_box_naming_an_organisation_or_a_place_is_not_an_author(line: str) -> None:
    assert meta(page(HEADLINE, *BODY, line)).author is None


def test_run_together_publisher_is_not_spelled_from_a_lower_case_phrase_or_a_banner() -> None:
    raw = page(HEADLINE, *BODY, "It covers social care ledger reform.", "Source: CareLedger", "THE CARE LEDGER")
    assert meta(raw).publisher == "Care Ledger"


@pytest.mark.parametrize(
    ("furniture", "publisher"),
    [
        # the owning company in the copyright line, the title's own name in the masthead
        (["Ashdown Echo", "© 2024 Ridgeway Media Group Ltd. All rights reserved."], "Ashdown Echo"),
        (["Care Ledger Today", "Copyright 2023 Northgate Publishing Limited or its affiliated companies"],
         "Care Ledger Today"),
        (["Ashdown Echo", "Copyright © 2026 Ridgeway Media Partners. All rights reserved."], "Ashdown Echo"),
        # a trade mark line and a press regulator line name the title
        (["© 2025 Harbour Publishing Limited. Ward Weekly is a registered trade mark."], "Ward Weekly"),
        (["© 2024 Harbour Media Ltd. Fenland Gazette is a member of the Independent Press Standards Organisation."],
         "Fenland Gazette"),
        # a subscribe line followed by the title's tagline after a dash
        (["© 2024 Practice Media Ltd", "Subscribe to Surgery Today – the independent voice of general practice"],
         "Surgery Today"),
        # a community station run by a company that is not a "Ltd"
        (["Harbour Sound 104.3FM", "Share this story", "Privacy | Cookies | Accessibility",
          "Harbour Sound 104.3FM is operated by Harbour Community Media CIC. Registered office: Quay Street.",
          "© 2026 Harbour Community Media CIC"], "Harbour Sound"),
    ],
)
def test_a_title_is_named_for_itself_not_for_the_company_that_owns_it(furniture: list[str], publisher: str) -> None:
    found = meta(page(furniture[0], HEADLINE, "By Nia Hart", "12 March 2024", *BODY, *furniture[1:]))
    assert found.publisher == publisher


def test_only_an_owning_company_is_still_the_publisher() -> None:
    found = meta(page(HEADLINE, "By Nia Hart", "12 March 2024", *BODY, "© 2024 Vale News & Media Limited"))
    assert found.publisher == "Vale News & Media Limited"


def test_crown_copyright_is_not_a_publisher_name() -> None:
    found = meta(page("Skip to main content", HEADLINE, "Published 12 March 2024", *BODY, "© Crown copyright"))
    assert found.publisher != "Crown"


@pytest.mark.parametrize(("outlet", "publisher"), [
    ("Meridian News Service", "Meridian News Service"),
    ("Tidewater Sentinel Washington Bureau", "Tidewater Sentinel"),  # the paper, not its desk
])
def test_the_outlet_named_under_the_byline_is_the_publisher(outlet: str, publisher: str) -> None:
    assert meta(page(HEADLINE, "By Grant Ellison and Nadia Ferrell", outlet, "Sept. 28, 2016", *BODY)).publisher \
        == publisher


def test_a_place_or_a_job_under_the_byline_is_no_publisher() -> None:
    for line in ("Health Correspondent", "Chief Reporter", "Washington", "Ann Lee"):
        assert meta(page(HEADLINE, "By Grant Ellison", line, "Sept. 28, 2016", *BODY)).publisher is None


def test_a_wire_dateline_and_an_issued_by_line_name_the_publisher() -> None:
    wire = page(HEADLINE, "Oct. 7, 2022", "GENEVA (Meridian Wire) — " + BODY[0], *BODY[1:])
    assert meta(wire).publisher == "Meridian Wire"
    issued = page("Press release issued by the Hearthside Trust press office", HEADLINE, "6 February 2017", *BODY)
    assert meta(issued).publisher == "Hearthside Trust"


@pytest.mark.parametrize(("lead", "officer", "publisher"), [
    ("Mercia Vale Ambulance Service NHS Trust is to roll out mental health response cars across its area.",
     "Dr Joanna Pell, chief executive of Mercia Vale Ambulance Service NHS Trust, said:",
     "Mercia Vale Ambulance Service NHS Trust"),
    ("Kestermoor Council's cabinet has agreed a budget that increases spending on adult social care.",
     "Councillor Nadia Farrant, Leader of Kestermoor Council, said:", "Kestermoor Council"),
])
def test_a_body_leading_its_own_news_with_its_own_officer_quoted_is_the_publisher(lead: str, officer: str,
                                                                                  publisher: str) -> None:
    body = [lead, f"{officer} “This is the right decision, and it must be followed by a plan for the staff we have.”"]
    assert meta(page(HEADLINE, "14/09/2021", *body)).publisher == publisher


@pytest.mark.parametrize("menu", ["Advertise", "Jobs", "Newsletter"])
def test_a_menu_item_named_again_in_the_footer_is_not_the_site(menu: str) -> None:
    raw = page("Skip to main content", "Login / Register", menu, "Home", HEADLINE, "By Jane Doe", *BODY,
               "About us", menu, "Privacy policy")
    assert meta(raw).publisher is None


def test_a_radio_station_is_its_page_s_publisher_and_the_writer_beside_the_time_its_author() -> None:
    raw = "\n".join([
        "Harbourside FM 96.4", "Listen Live", "News", "Sport", "Harbourside FM News", HEADLINE,
        "Tamsin Rowe | 2 hours ago", "Share", *BODY, "More from Harbourside FM News",
        "Harbourside FM 96.4 is part of Saltline Radio Ltd. Registered in England and Wales No. 04412345.",
        "© 2026 Saltline Radio Ltd",
    ])
    found = meta(raw)
    assert (found.author, found.publisher) == ("Tamsin Rowe", "Harbourside FM")


@pytest.mark.parametrize("product", ["Herald Rewards", "Herald Bingo", "Herald Puzzles"])
def test_the_papers_own_product_link_above_its_masthead_is_not_the_publisher(product: str) -> None:
    raw = "\n".join(["Sign in", product, "Search", "The Kelmouth Herald", "News", "Sport", HEADLINE,
                     "3 March 2026 By Oliver Pennock", *BODY, "© 2026 Kelmouth Media Group Ltd"])
    assert meta(raw).publisher == "The Kelmouth Herald"


def test_the_site_name_under_a_cookie_banner_is_the_publisher_and_its_buttons_are_not() -> None:
    raw = "\n".join([
        "We value your privacy", "We and our partners use cookies to measure and improve our service.", "ACCEPT ALL",
        "MORE INFORMATION", "Subscribe", "Sign in", "The Kelmouth Herald", "Ireland", "World", "News", HEADLINE,
        "3 March 2026 By Oliver Pennock", *BODY, "Contact the Kelmouth Herald newsroom", "© 2026 Kelmouth Herald",
    ])
    found = meta(raw)
    assert (found.publisher, found.author, str(found.published)) == ("The Kelmouth Herald", "Oliver Pennock",
                                                                      "2026-03-03")  # as its masthead shows it


@pytest.mark.parametrize(
    "lines",
    [
        ["Search KBN", "KBN News", "West Marches", HEADLINE, "3 March 2026"],  # a search box and a region's page
        [HEADLINE, "Published 03/03/2026", "Willowmere Court, Station Road, Ashby Fen"],  # where, not who
        ["UK Parliament", "MPs and Lords", HEADLINE, "3 March 2026"],  # a parliament site's menu item
        ["Newyddion | News   Chwaraeon | Sport   Busnes | Business", HEADLINE, "13:45, 20 MAY 2026"],  # a menu
    ],
)
def test_navigation_regions_and_addresses_beside_the_headline_are_no_author(lines: list[str]) -> None:
    assert meta(page(*lines, *BODY)).author is None


def test_a_newsletter_pasted_from_an_email_is_published_by_its_sender_not_the_mail_app() -> None:
    raw = page("Mail", "Compose", "Inbox 3,412", "From: The Care Brief <newsletter@thecarebrief.co.uk>",
               "Date: Friday, 13 November 2026 at 07:02", f"Subject: {HEADLINE}", HEADLINE, *BODY)
    assert meta(raw).publisher == "The Care Brief"


def test_a_syndicated_storys_copyright_credit_is_not_the_site_that_runs_it() -> None:
    raw = "\n".join([
        "Northmoor Gazette", "News", "Sport", HEADLINE, "By Priya Lal", "4 March 2026", *BODY,
        "This story was supplied by Central Press Wire and has not been edited by Gazette staff.",
        "© Central Press Wire 2026. All rights reserved.", "Contact us", "Northmoor Gazette, 3 Tanner Row",
        "© 2026 Moorside Community Media Ltd. All rights reserved.",
    ])
    assert meta(raw).publisher == "Northmoor Gazette"


def test_a_masthead_spelled_by_the_sites_email_address_is_the_publisher_not_its_owning_company() -> None:
    raw = "\n".join([
        "West Fenland Clarion", "Trending: Flood defences | Christmas lights", HEADLINE, "By Priya Lal",
        "4 March 2026", *BODY, "Got a story? Email newsdesk@westfenlandclarion.co.uk",
        "© Clarion Newspapers Ltd 2026. Registered in England 04821773.",
    ])
    assert meta(raw).publisher == "West Fenland Clarion"


def test_a_stations_name_with_its_frequency_is_the_publisher_not_its_listen_live_button() -> None:
    raw = "\n".join([
        "Kinloch FM 102.4", "Listen Live", "Now Playing: Tide Lines - Far Side", "Home | News | Travel | Weather",
        "News", "Tuesday 24 November 2026, 7:05am", HEADLINE, "Ewan MacRae", *BODY,
        "Download the Kinloch FM app", "© 2026 Kinloch Radio Ltd. Registered in Scotland SC612048.",
    ])
    assert meta(raw).publisher == "Kinloch FM"


@pytest.mark.parametrize("owned", ["Brackwater 103.9 is part of Estuary Radio Group", "Listen to Brackwater on DAB"])
def test_a_station_named_by_a_place_and_its_frequency_keeps_the_frequency(owned: str) -> None:
    """ "Brackwater" alone is the town the station covers; "Brackwater 103.9" is the station."""
    raw = "\n".join([
        "Brackwater 103.9", "Listen Live", "Home | News | Travel | Weather", HEADLINE, "Ewan MacRae", *BODY,
        owned, "© 2026 Estuary Radio Ltd",
    ])
    assert meta(raw).publisher == "Brackwater 103.9"


def test_the_line_of_a_sites_back_to_home_link_names_it_however_far_down_the_menus_go() -> None:
    """A national paper's page opens on a dozen widget lines before "The Morning Ledger - Back to home"; its owner
    company in the copyright line is not the title."""
    widgets = ["Skip to main content", "Skip to navigation", "Close dialogue", "1/4", "Next image",
               "Previous image", "Toggle caption", "Print subscriptions", "Sign in", "Search jobs", "UK edition"]
    raw = "\n".join([
        *widgets, "The Morning Ledger - Back to home", "News", "Opinion", HEADLINE, "By Priya Lal", "4 March 2026",
        *BODY, "© 2026 Morning Ledger News & Media Limited or its affiliated companies. All rights reserved.",
    ])
    assert meta(raw).publisher == "The Morning Ledger"


@pytest.mark.parametrize("owner", ["a Moorside Media company", "a Moorside Media subsidiary"])
def test_a_copyright_line_describing_the_owner_is_not_the_sites_name(owner: str) -> None:
    raw = "\n".join([
        "Northmoor Gazette", "News", "Sport", HEADLINE, "By Priya Lal", "4 March 2026", *BODY,
        "Northmoor Gazette", "Contact us", "Privacy notice", f"©2026 {owner}",
    ])
    assert meta(raw).publisher == "Northmoor Gazette"


def test_a_long_bodys_name_in_its_copyright_line_is_the_publisher() -> None:
    raw = "\n".join([
        "Skip to content", HEADLINE, "Published: 4 March 2026", *BODY,
        "Accessibility | Privacy | Contact us", "© 2026 South Wexford and Vale Health and Social Care Trust",
    ])
    assert meta(raw).publisher == "South Wexford and Vale Health and Social Care Trust"


def test_a_sentence_before_the_copyright_mark_is_not_the_publisher() -> None:
    raw = "\n".join([
        "Northmoor Gazette", "News", "Sport", HEADLINE, "By Priya Lal", "4 March 2026", *BODY,
        "Our journalism abides by the Editors' Code of Practice. © 2026 Moorside Community Media Ltd",
    ])
    assert "journalism" not in (meta(raw).publisher or "")


def test_by_on_a_line_of_its_own_credits_the_name_under_it() -> None:
    raw = "\n".join(["Northmoor Gazette", "News", "Health", "Wexford Vale General Hospital", HEADLINE, "By",
                     "Priya Lal", "Health Reporter", "09:15, Thursday 26 November 2026", *BODY])
    assert meta(raw).author == "Priya Lal"


def test_about_us_in_the_footer_names_no_publisher() -> None:
    raw = page("Most read", "Hospital trust scraps car parking charges for carers", *BODY,
               "Follow us", "About Us", "Contact Us", "Advertise With Us")
    assert meta(raw).publisher != "Us"


def test_a_masthead_with_its_tagline_after_a_dash_is_the_publisher_and_a_menu_item_is_not() -> None:
    raw = ("Skip to main content\nSign in\nUK edition\nThe Evening Lantern - independent journalism since 1902\n"
           "News\nOpinion\nSport\nShow more\nUK\nWorld\nHealth\n"
           "Coroner warns of more deaths after discharge without care package\n"
           "By Tom Ashby\nFri 6 Mar 2026 18.02 GMT\n\n"
           "A coroner has warned that more patients will die unless hospitals stop discharging frail people before "
           "their care at home has been arranged, after the death of an 84-year-old man in Northfield.\n\n"
           "The man was sent home on a Friday evening with no carers booked and was found on the floor on Sunday. "
           "The trust said it had changed its discharge checklist since his death.\n\n"
           "Related: Clinical staff warn of discharge pressure\nUK hospitals face winter squeeze\n"
           "© 2026 Lantern News & Media Limited or its affiliated companies. All rights reserved.\n")
    assert extract_metadata(raw, clean(raw)).publisher == "The Evening Lantern"


def test_one_word_between_other_one_word_menu_lines_is_no_masthead() -> None:
    raw = ("Home & Community Nursing\nLog in\nSubscribe\nNews\nClinical\nCareers\nOpinion\n"
           "Nurses to be balloted on strike over the pay award\n11 November, 2025\nBy Helen Ward\n\n"
           "Nurses in England are to be balloted on strike action after their union rejected the government's "
           "pay award as the lowest in the public sector this year.\n\n"
           "The ballot opens next month and will run for six weeks, the union said on Tuesday.\n\n"
           "Clinical placements: students priced out\nClinical supervision time to be protected\n"
           "© 2025 Larkspur Health Media Ltd. All rights reserved.\n")
    assert extract_metadata(raw, clean(raw)).publisher != "Clinical"


def test_a_podcasts_episodes_menu_is_no_publisher() -> None:
    raw = ("Menu\nNight Rota Stories\nEpisodes\nAbout the podcast\nNewsletter\nA podcast from Caremark Voices\n"
           "'It never stops': two night carers on winter\nEpisode 12\n40 min\n\n"
           "Host Amy Lowe talks to two night carers about winter, staffing and what keeps them in the job.\n\n"
           "Amy Lowe: Thanks for coming in. What does a night look like now?\n\n"
           "Tom Reid: Busy. We are down two people most weeks and the calls keep coming.\n\n"
           "More episodes\nEpisode 11: the cost of fuel\nEpisode 10: training on the job\n")
    assert extract_metadata(raw, clean(raw)).publisher != "Episodes"


@pytest.mark.parametrize("told", ["“It was terrifying,” he told Vale Tonight.", "Speaking to Vale Tonight, he said it "
                                  "had been terrifying."])
def test_the_name_the_sources_spoke_to_that_heads_the_page_outvotes_the_owners_copyright(told: str) -> None:
    raw = page("Vale Tonight", "Watch live", "News", "Weather", HEADLINE, "Published 18 June 2026", *BODY, told,
               "Watch: Vale Tonight at 6pm", "© Vale Broadcasting 2026")
    assert meta(raw).publisher == "Vale Tonight"


@pytest.mark.parametrize("told", ["Figures obtained by the Daily Clarion show fines rose by half.",
                                  "“It is a scandal,” she told the Daily Clarion."])
def test_a_title_named_in_the_story_is_the_publisher_over_its_owners_company_that_shares_its_name(told: str) -> None:
    raw = page("Home", "News", "Sport", "Health", HEADLINE, "By Dan Mercer", "9 January 2025", *BODY, told,
               "Back to top", "Published by Clarion Newspapers Ltd", "© Clarion Newspapers Ltd")
    assert meta(raw).publisher == "Daily Clarion"


def test_a_trade_title_the_sources_spoke_to_is_the_site_over_its_menu() -> None:
    raw = page("Social Work Week", "Log in", "Subscribe", "News", "Practice business", "Clinical", "Workforce",
               "Opinion", HEADLINE, "By Rebecca Thornley", "9 March 2026", *BODY,
               "‘We will do our best,’ she told Social Work Week.", "© Harland Media Ltd 2026")
    assert meta(raw).publisher == "Social Work Week"


def test_a_blogs_name_over_a_tagline_of_sentences_is_its_publisher() -> None:
    raw = page("Blue Lights After Dark", "Notes from the back of an ambulance. Names, places and details changed, "
               "always.", "Home", "About", "Archive", "Thursday, 14 August 2025", HEADLINE, *BODY)
    assert meta(raw).publisher == "Blue Lights After Dark"


@pytest.mark.parametrize("by", ["By GARETH PRYCE FOR THE DAILY LANTERN", "By Gareth Pryce for the Daily Lantern"])
def test_the_paper_a_byline_writes_for_outvotes_its_owners_company(by: str) -> None:
    raw = page("Home", "News", "Showbiz", "Femail", HEADLINE, by, "Published: 07:14 GMT, 5 February 2026", *BODY,
               "Published by Lantern Newspapers Ltd", "© Lantern Newspapers Ltd")
    assert meta(raw).publisher == "Daily Lantern"


def test_a_papers_name_over_its_menu_is_its_owners_company_without_the_and_ltd() -> None:
    raw = page("The Wexford Vale Sentry", "Subscribe", "Log in", "News", "Sport", "Farming & Crofting", "Community",
               "Notices", HEADLINE, "By Rebecca Thornley", "9 March 2026", *BODY, "Community", "Contact us",
               "© 2026 Wexford Vale Sentry Ltd. Registered in Scotland.")
    assert meta(raw).publisher == "The Wexford Vale Sentry"


def test_a_cookie_banners_ok_button_is_no_site_name_though_cookies_and_facebook_spell_ok() -> None:
    raw = page("Wexford Vale Today uses cookies. By continuing to browse you agree to our use of cookies.", "OK",
               "More info", "Wexford Vale Today", "News", "Sport", HEADLINE, "By Rebecca Thornley", "9 March 2026",
               *BODY, "Share on Facebook", "Wexford Vale Today © 2026 Vale Media Ltd")
    assert meta(raw).publisher == "Wexford Vale Today"


def test_a_welsh_owners_company_cyf_is_an_owner_not_the_site() -> None:
    raw = page("Skip to main content", "Dyffryn Live", "Cymraeg", "Sign in", "News", HEADLINE, "By Rhys Tudor",
               "9 March 2026", *BODY, "Follow Dyffryn Live", "© 2026 Cambrian Media Cyf")
    assert meta(raw).publisher == "Dyffryn Live"


def test_a_bilingual_sites_language_switch_is_no_site_name() -> None:
    raw = page("Skip to content", "Cymraeg", "Dyffryn Post", "News", "Sport", HEADLINE, "By Rhys Tudor", "9 March 2026",
               *BODY, "Cymraeg", "© 2026 Dyffryn Post Cyf")
    assert meta(raw).publisher == "Dyffryn Post"


def test_a_footers_about_row_of_links_names_no_publisher() -> None:
    raw = page("Wexford Vale Herald", "News", "Sport", HEADLINE, "By Rebecca Thornley", "9 March 2026", *BODY,
               "Most read", "Wexford Vale Herald, part of Tern Regional Media",
               "About   Contact   Advertise   Complaints   Privacy   Cookies", "© Tern Regional Media Ltd 2026")
    assert meta(raw).publisher == "Wexford Vale Herald"


def test_a_company_named_for_its_title_votes_for_the_title_not_its_newsletter() -> None:
    """"Sentinel News & Media Limited" owns "The Daily Sentinel"; "Sign up to The Morning Pulse" sells a newsletter."""
    raw = page("Skip to main content", "The Daily Sentinel", "Support the Sentinel | Subscribe | Sign in", HEADLINE,
               "Rebecca Thornley Health correspondent", "Tue 17 Mar 2026 06.00 GMT", *BODY,
               "Sign up to The Morning Pulse", "Our free daily newsletter, in your inbox every weekday morning.",
               "© 2026 Sentinel News & Media Limited or its affiliated companies. All rights reserved.")
    assert meta(raw).publisher == "The Daily Sentinel"


@pytest.mark.parametrize("company", ["Marlowshire Media", "Marlowshire Newspapers", "Marlowshire Publications"])
def test_a_media_company_named_for_the_place_votes_for_its_masthead(company: str) -> None:
    """"© Marlowshire Media 2026" under "Marlowshire Evening Echo": the company owns the paper the page is."""
    raw = page("Marlowshire Evening Echo", "Menu", "News    Crime    Health", HEADLINE, "By Oliver Maddox",
               "Saturday, 7 March 2026 at 8:00am", *BODY, "Marlowshire Evening Echo",
               f"© {company} 2026. All rights reserved.")
    assert meta(raw).publisher == "Marlowshire Evening Echo"


def test_a_masthead_in_capitals_is_named_as_the_page_also_writes_it() -> None:
    raw = page("SOCIAL WORK STANDARD", "News    Practice    Jobs", HEADLINE, "By Grace Oyelaran", "9 March 2026", *BODY,
               "© 2026 The Social Work Standard, published by Pelham Trade Media Ltd. All rights reserved.")
    assert meta(raw).publisher == "The Social Work Standard"


def test_a_broadcasters_initials_stay_its_name_beside_its_news_brand() -> None:
    raw = page("NBS", "Home    News    Sport", HEADLINE, "By Grace Oyelaran", "9 March 2026", *BODY, "NBS News",
               "© 2026 NBS")
    assert meta(raw).publisher == "NBS"


def test_a_paper_shortening_its_name_in_a_sales_line_is_named_by_its_masthead() -> None:
    """Prose calls "The Daily Courant" "the Courant"; the masthead and the copyright line give its name."""
    raw = page("Become a Courant supporter from £4 a month.", "The Daily Courant", "News   Opinion   Obituaries",
               HEADLINE, "By Marion Keddie",
               "Thu 5 Feb 2026 16.20 GMT", *BODY, "© 2026 The Daily Courant Ltd. All rights reserved.")
    assert meta(raw).publisher == "The Daily Courant"


def test_an_outlets_own_desk_in_the_byline_names_it() -> None:
    raw = page(HEADLINE, "Posted by Care Sector Daily newsdesk", "3 February 2026", *BODY)
    assert meta(raw).publisher == "Care Sector Daily"


def test_a_press_release_a_trade_site_reprints_is_published_by_the_site_not_its_issuer() -> None:
    """ "Source: Hearth Care" over Hearth Care's own release credits the issuer; the site that posts it publishes."""
    body = ["Hearth Care Group is to open two extra care schemes in Ashcombe next spring, it announced today.",
            "Priya Vasu, chief executive of Hearth Care Group, said: “People want a home of their own with help "
            "on hand.”", "The schemes will have 120 apartments between them."]
    raw = page("Care Sector Daily", "News   Home care   Workforce", "PRESS RELEASE",
               "Hearth Care Group to open two extra care schemes in Ashcombe", "Posted by Care Sector Daily newsdesk",
               "3 February 2026", "Source: Hearth Care Group", *body, "ENDS", "Notes to editors",
               "About Hearth Care Group",
               "Hearth Care Group provides home care to 6,500 people across the Midlands.",
               "© 2026 Care Sector Media Ltd")
    assert meta(raw).publisher == "Care Sector Daily"


def test_a_masthead_with_small_words_is_the_site_and_a_section_from_its_menu_is_not() -> None:
    """"Care at Home Journal" is a title's name for all its "at"; "Workforce" over the headline is one of the
    sections its menu row lists, though the tags name it again."""
    raw = page("Care at Home Journal", "News | Analysis | Workforce | Technology | Jobs", "Workforce", HEADLINE,
               "By Nia Hart", "12 March 2024", *BODY, "Tags: Workforce, Recruitment", "Care at Home Journal",
               "© 2026 Fielding Trade Publishing Ltd")
    assert meta(raw).publisher == "Care at Home Journal"


def test_a_section_label_the_menu_lists_is_no_site_name() -> None:
    raw = page("News | Analysis | Workforce | Technology | Jobs", "Workforce", HEADLINE, "By Nia Hart",
               "12 March 2024", *BODY, "Tags: Workforce, Recruitment", "© 2026 Fielding Trade Publishing Ltd")
    assert meta(raw).publisher == "Fielding Trade Publishing Ltd"


@pytest.mark.parametrize(("masthead", "owner"), [("CareHome Insider", "Insider Media Publishing Ltd"),
                                                 ("The West Vale Clarion", "Clarion Newspapers Ltd")])
def test_a_masthead_whose_last_word_the_owners_copyright_names_is_the_site(masthead: str, owner: str) -> None:
    """A company's copyright under the story names the title it owns by the masthead's last word: readers know the
    title, so the masthead named once at the top is the publisher, not its owner's company."""
    raw = page(masthead, "Subscribe", "Log in", "News", "Workforce", HEADLINE, "By Nia Hart", "12 March 2024", *BODY,
               f"© 2025 {owner}")
    assert meta(raw).publisher == masthead


def test_a_call_to_support_the_title_is_no_masthead_though_the_copyright_names_it() -> None:
    raw = page("Support The Meridian", "News", "Health", HEADLINE, "By Nia Hart", "12 March 2024", *BODY,
               "© 2025 Meridian Media Ltd")
    assert meta(raw).publisher != "Support The Meridian"


@pytest.mark.parametrize("footer", ["© Vale News & Media Limited 2024   Terms   Privacy   Cookies   Accessibility",
                                    "© Copyright 2024 Vale News & Media Limited. All rights reserved."])
def test_a_copyright_name_ends_at_its_year_not_at_the_links_after_it(footer: str) -> None:
    found = meta(page(HEADLINE, "By Nia Hart", "12 March 2024", *BODY, footer))
    assert found.publisher == "Vale News & Media Limited"


@pytest.mark.parametrize(("head", "paper"), [
    ("6 Marlow Evening Star Tuesday, February 18, 2025", "Marlow Evening Star"),
    ("12 NEWS Marlow Evening Star, Tuesday, February 18, 2025", "Marlow Evening Star"),
    ("Tuesday, February 18, 2025   The Marlow Star   13", "The Marlow Star"),
])
def test_a_printed_pages_running_head_names_the_paper_and_the_day(head: str, paper: str) -> None:
    """A page pasted from print has no masthead of its own: the running head over it (page number, paper, day, a
    section's label before them) names both."""
    found = meta(page(head, "Weather: rain clearing later", HEADLINE, "By RACHEL ORMOND", *BODY))
    assert (found.publisher, found.published) == (paper, date(2025, 2, 18))


def test_a_running_heads_short_name_does_not_replace_the_masthead() -> None:
    raw = page("Teesmouth Evening Gazette ePaper", "Editions", "Back to editions", "Page 4 / 48",
               "4  EVENING GAZETTE  TUESDAY, JANUARY 14, 2025", HEADLINE, "By RACHEL ORMOND", *BODY)
    assert meta(raw).publisher == "Teesmouth Evening Gazette"


def test_a_date_updated_the_next_day_is_no_running_head() -> None:
    assert meta(page(HEADLINE, "By Nia Hart", "4 November 2024 | Updated: 5 November 2024", *BODY)).published == date(
        2024, 11, 4)


@pytest.mark.parametrize(("credit", "publisher"), [("Picture: Brackenford Herald", "Brackenford Herald"),
                                                   ("Picture: supplied", "brackenfordherald.co.uk")])
def test_a_reader_views_address_line_is_the_site_as_the_page_spells_it(credit: str, publisher: str) -> None:
    """A reader view keeps only the site's address over the headline: the publisher, in the words the page writes
    it with, else as the address."""
    raw = page("brackenfordherald.co.uk", HEADLINE, "3–4 minutes", "By Nia Hart", "Thursday 6 February 2025",
               f"Social workers at the council offices. {credit}", *BODY)
    assert meta(raw).publisher == publisher


def test_the_sites_address_votes_for_its_masthead_and_does_not_replace_it() -> None:
    raw = page("hollinsby.org.uk", "Hollinsby Village", "News from the village and its parish council", HEADLINE,
               "By Nia Hart", "12 March 2024", *BODY, "Hollinsby Village is run by volunteers.")
    assert meta(raw).publisher == "Hollinsby Village"


def test_the_writers_job_under_the_byline_is_no_site_name() -> None:
    raw = page("10   Wexford Vale Star   Tuesday, November 12, 2024", "NEWS", HEADLINE, "By JAMES TILLOTSON",
               "Local Democracy Reporter", *BODY)
    assert meta(raw).publisher == "Wexford Vale Star"


def test_a_running_head_pasted_from_a_pdf_over_three_lines_names_the_paper() -> None:
    raw = page("8", "THE STRATHMORE CLARION", "Thursday, February 27, 2025", "NEWS", HEADLINE, "By FIONA MacAULAY",
               *BODY)
    assert meta(raw).publisher == "The Strathmore Clarion"  # shown with small letters


def test_a_dateline_opening_the_body_is_the_articles_date_when_the_page_gives_no_other() -> None:
    raw = page("Wessex Evening Post", "News | Health", HEADLINE, "By Nia Hart",
               "THURSDAY 13 FEBRUARY 2025: " + BODY[0], *BODY[1:])
    assert meta(raw).published == date(2025, 2, 13)


def test_the_pages_first_line_over_the_sites_menu_row_is_its_name() -> None:
    raw = page("The Pharmacy Counter", "News | Business | Clinical | CPD | Jobs | Events | Subscribe", "News",
               HEADLINE, "20 Dec 2024 | Rachel Okafor, Senior Reporter", *BODY,
               "© 2024 Hartwell Publishing Ltd. All rights reserved.")
    assert meta(raw).publisher == "The Pharmacy Counter"


@pytest.mark.parametrize(("masthead", "tagline", "company"), [
    ("Wexford Vale Weekly", "Serving Wexford, Ashby and the villages", "© 2026 Vale Community Press"),
    ("Ashby Sound FM", "Your community, your station", "© 2026 Ashby Community Media CIC"),
])
def test_the_pages_masthead_is_the_publisher_over_the_company_its_copyright_names(
    masthead: str, tagline: str, company: str
) -> None:
    raw = page(masthead, tagline, "Home", "News", "Sport", HEADLINE, "By Nia Hart", "12 March 2026", *BODY,
               f"Contact {masthead}", company)
    assert meta(raw).publisher == masthead


def test_a_tickers_label_over_the_masthead_is_no_publisher() -> None:
    raw = page("BREAKING", "Two hurt in crash on Ashby Road", "Wexford Vale Herald", "Subscribe", "News", "Sport",
               HEADLINE, "Social workers say the service is at breaking point", "By Nia Hart", "12 March 2026",
               *BODY, "© Wexford Vale Herald Ltd 2026")
    assert meta(raw).publisher == "Wexford Vale Herald"


@pytest.mark.parametrize("line", [
    "Nia Hart Health editor and Owen Pike Political correspondent",
    "Nia Hart, health editor, and Owen Pike, political correspondent",
])
def test_two_writers_on_one_line_under_the_headline_are_both_its_authors(line: str) -> None:
    raw = page("Wexford Vale Herald", HEADLINE, "Councils told to fill posts before the winter", line,
               "Tue 21 Jan 2025 18.42 GMT", "Share", *BODY)
    assert meta(raw).author == "Nia Hart and Owen Pike"


@pytest.mark.parametrize(("fact", "charity"), [
    ("Parkinson's is the fastest growing neurological condition in the world. Around 150,000 people live with it.",
     "Parkinson's Alliance UK"),
    ("Sepsis is a life-threatening reaction to an infection.", "Sepsis Action Trust"),
])
def test_a_note_to_editors_saying_what_an_illness_is_names_no_publisher(fact: str, charity: str) -> None:
    """A charity named for an illness says what the illness is as it says what the charity is; only the second
    names a body, so the site is the charity, not the illness."""
    raw = page("Skip to main content", charity, "Donate", "News",
               "Thousands of patients miss vital medication in hospital, charity warns", "11 April 2024", *BODY,
               "ENDS", "Notes to editors", fact, f"{charity} is a registered charity in England and Wales (1098765).",
               f"© {charity} 2024 | Privacy policy")
    assert meta(raw).publisher == charity


def test_a_newsletters_thanks_between_its_paragraphs_names_it_over_its_writers_copyright() -> None:
    """A newsletter platform sets "Thanks for reading X! Subscribe for free …" inside the post: X is the publication,
    the writer owns the copyright, and the line is no paragraph of the post."""
    thanks = "Thanks for reading Notes from the Fells! Subscribe for free to receive new posts and support my work."
    raw = page("Notes from the Fells", "Subscribe", "Sign in", HEADLINE, "Dr Alis Penhallow", "Mar 3, 2025",
               *BODY[:2], thanks, "Subscribe", BODY[2], "© 2025 Alis Penhallow", "Privacy ∙ Terms")
    found = meta(raw)
    assert found.publisher == "Notes from the Fells"
    assert "Thanks for reading" not in clean(raw).body



CARDS = ["More for you", "Wexford Vale Herald", "Hospital car park charges to rise by 40p from April",
         "Ashby Courier", "Family pays tribute to grandfather, 81, after crash", "Wexford Vale Herald",
         "School uniform grant: how to apply before the deadline"]


@pytest.mark.parametrize("label", [
    ["Wexford Vale Herald", "Follow", HEADLINE, "Story by Nia Hart"],  # over the headline, past its follow button
    [HEADLINE, "Nia Hart", "Wexford Vale Herald", "Thu, 12 March 2026 at 6:02 pm GMT·4 min read"],  # under the byline
    ["WEXFORD VALE HERALD", "Health", HEADLINE, "By Nia Hart"],  # in capitals over the section
])
def test_an_aggregators_page_is_published_by_the_outlet_that_labels_the_story(label: list[str]) -> None:
    """A platform shows other papers' stories under its own masthead and copyright, labelled with the paper's name
    and listed again on its story cards: the paper published the story."""
    raw = page("Skip to content", "Lumen Start", "Search the web", "Sign in", *label, *BODY, *CARDS,
               "© 2026 Lumen Media Inc. All rights reserved.")
    assert meta(raw).publisher == "Wexford Vale Herald"


def test_a_sister_titles_name_over_the_headline_and_on_one_card_leaves_the_page_its_mastheads() -> None:
    """One promoted story of a sister title is no platform's list of that title's stories."""
    raw = page("Ashby Courier", "News", "Sport", "Wexford Vale Herald", HEADLINE, "By Nia Hart", *BODY,
               "From our sister titles", "Wexford Vale Herald", "School uniform grant: how to apply by Friday",
               "© 2026 Ashby Courier")
    assert meta(raw).publisher == "Ashby Courier"


def test_an_agency_under_a_papers_byline_is_not_its_publisher() -> None:
    """Under a byline, an agency ("Local Democracy Reporting Service") the body names again is the reporter's
    employer, not a label: the paper's masthead publishes the story."""
    raw = page("Ashby Courier", "News", "Sport", HEADLINE, "By Nia Hart", "Local Democracy Reporting Service",
               "12 March 2026", *BODY, "Nia Hart spoke to the Local Democracy Reporting Service about it.",
               "© 2026 Ashby Courier")
    assert meta(raw).publisher == "Ashby Courier"


def test_a_first_person_accounts_as_told_to_line_names_its_writer_not_its_headline() -> None:
    standfirst = "Nicola Fenwick, 41, thought she was doing the sensible thing. Here she explains why she wants change"
    raw = page("Wexford Vale Herald", "News", "Real Life", HEADLINE, standfirst, "As told to Hannah Pryce",
               "Sunday 21 April 2024 7:00 am", *BODY)
    found = meta(raw)
    assert (found.title, found.author) == (HEADLINE, "Hannah Pryce")


@pytest.mark.parametrize(("masthead", "shown"), [
    ("THE WEXFORD VALE HERALD", "The Wexford Vale Herald"),
    ("ITV NEWS WEXFORD", "ITV News Wexford"),
    ("HEALTH AND CARE WEEKLY", "Health and Care Weekly"),
])
def test_a_publisher_named_only_in_capitals_is_shown_with_small_letters(masthead: str, shown: str) -> None:
    raw = page(masthead, "News", "Sport", HEADLINE, "By Nia Hart", "12 March 2026", *BODY, f"© 2026 {masthead}")
    assert meta(raw).publisher == shown


@pytest.mark.parametrize(("line", "author"), [
    ("From Liam Stokes at Brantwick Crown Court", "Liam Stokes"),
    ("From Priya Nair in Geneva", "Priya Nair"),
    ("From Brantwick Crown Court in Wexford", None),
])
def test_a_reporter_filing_from_where_the_story_is_is_its_author(line: str, author: str | None) -> None:
    raw = page("Wexford Vale Herald", "News", "Court", HEADLINE, line, "12 March 2026", *BODY)
    assert meta(raw).author == author


@pytest.mark.parametrize(("masthead", "copyright"), [
    ("NBS News", "© NBS 2026"), ("Care at Home Review", "© 2026 Home Review Ltd"),
])
def test_the_masthead_names_the_publisher_as_the_page_shows_it_not_its_copyrights_shorter_name(
    masthead: str, copyright: str
) -> None:
    raw = page(masthead, "Home", "News", "Sport", HEADLINE, "By Nia Hart", "12 March 2026", *BODY, copyright)
    assert meta(raw).publisher == masthead
