"""Boilerplate cleaning: furniture goes, every body paragraph stays verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.blocks import flowed, page_blocks
from bot.core.clean import clean
from bot.core.normalise import line_key, normalise_text
from bot.core.quotes import extract_quotes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

HEADLINE = "Hallam Vale raises home care rates to clear waiting list"
BODY = [
    "Hallam Vale Council has agreed to spend an extra £2.4m on home care after a review found that more "
    "than 300 people were waiting for support.",
    "The money will be used to raise the hourly rate paid to agencies and to recruit 45 reablement workers "
    "over the next year.",
    "Councillor Nadia Brook, who leads on adult services, said: “People should not be stuck in hospital "
    "because we cannot find them a carer.”",
    "Agencies welcomed the increase but warned that it would not close the gap on its own, and called on "
    "ministers to act.",
]

# Page furniture of many kinds, written for these tests (none is taken from the sample articles).
FURNITURE = [
    "Skip to navigation",
    "Home | Adult care | Children | Workforce | Opinion | Jobs",
    "Home > Adult social care > Funding",
    "Menu  Search  Sign in",
    "This site uses cookies to improve your experience. Find out more in our cookie policy.",
    "Accept cookies",
    "We and our partners use technologies, such as cookies, and process personal data to personalise ads.",
    "We and our vendors store and/or access information on a device for personalised ads and content.",
    "By Harriet Lowe, Chief Reporter",
    "Posted on 03/02/2021 by Tom Reid",
    "12 March 2023",
    "Wed, 08 Jun 2022 10:00:00 GMT",
    "Last updated: 2022-06-08T10:00:00Z",
    "5 min read",
    "Advertisement",
    "Image: Getty Images",
    "Photo credit: Hallam Vale Council",
    "Pictured: the new reablement team",
    "READ MORE: Care home fees to rise by 9%",
    "Click here to download the full report.",
    "Share on Facebook",
    "Twitter  LinkedIn  WhatsApp  Email",
    "Sign up to our free daily bulletin",
    "Enter your email address",
    "Head of Commissioning, £72,000 - £80,000, Hallam Vale Council",
    "Care Home Manager | £45k + benefits | Leeds",
    "SUBSCRIBE NOW TO KEEP READING",
    "You have reached your limit of free articles this month.",
    "Continue reading",
    "¹ The review team examined the records of families who came forward between January 2015 and December 2023.",
    "This article is for Casework Weekly subscribers. Log in to read the full story, or subscribe for unlimited "
    "access to news, practice guidance and our CPD library.",
    "Source: Hallam Vale Council press office",
    "Tags: home care, funding, workforce",
    "Follow us on LinkedIn",
    "© 2024 Northgate Media Group. All rights reserved.",
    "Copyright 2021 Care Matters Ltd",
    "Privacy policy | Terms of use | Accessibility",
    "Care Matters is the magazine for care home owners and managers.",
    "www.hallamvale-example.gov.uk/homecare",
    "press@caremedia-example.co.uk",
    "Get the latest news delivered straight to your inbox every morning, free of charge.",
    "Your browser is no longer supported",
    "For the best experience on our site we recommend you upgrade to a newer version of your browser.",
    "Your browser appears to have cookies disabled, so please enable cookies to keep reading this page.",
    "We will assume that you consent to the use of cookies on our pages from now on, for example to log you in.",
    "Care workers at the Hallam Vale reablement centre on the first day of the new rota. Photograph: Ann Lee/PA",
    "You are receiving this email because you signed up to the Hallam Vale Carers bulletin.",
    "You're reading one of our premium articles. Thank you for supporting independent journalism in Hallam Vale.",
    "If you value local journalism in Hallam Vale, please chip in. A donation of £3 pays for ten minutes of reporting.",
    "Got a story about care in Hallam Vale? Email news@hallamvale-example.co.uk or message us on WhatsApp.",
    "Care Talk is presented by Ann Lee and produced by Tom Reid. Music by Northgate Sound.",
    "Councillor Nadia Brook at Tuesday's briefing. Picture by Tom Reid",
    "Photo: Castle Street surgery, one of the two practices in Hallam Vale that will merge in the spring.",
    "Pictured: the reablement team with their first client, Ann Lee, on the opening day of the new service",
    "Home    Our hospitals    Patients and visitors    Services    Work for us    About us    Contact us",
    "Home | This month | Church news | What's on | Clubs & societies | Directory | Advertisers | Contact the editor",
    "Chart: hourly home care rates paid by 48 councils, 2026-27, against the minimum price. Source: FOI responses",
    "Listen to the whole conversation using the player above, or find Care Talk wherever you get your podcasts.",
    "Care Matters Awards 2026 – entries close 30 April. Enter now",
    "… we have a small favour to ask. Thousands of readers in Hallam Vale turn to us for news. Please support us.",
    "Privacy Notice: Newsletters may contain information about charities, online ads and content funded by others.",
    "Story Saved",
    "You can find this story in My Bookmarks. Or by navigating to the user icon in the top right.",
    "Sign up to the Hallam Vale Health newsletter for the latest NHS news from across the city",
    "If you are affected by any of the issues raised in this article, help and support is available online.",
    "Interactive chart: home care hours by council, 2024-25. Source: FOI responses. May not display on all devices.",
    "Tap a council on the map to see how many hours it commissioned, and darker colours show more hours per head.",
    "The full spreadsheet is available to subscribers here.",
]

# Body lines that carry furniture-like words or shapes but are article text.
BODY_LINES = [
    "He added: “We will act.”",
    "“It is a start,” she said.",
    "The vote was unanimous.",
    "Nobody did.",
    "By 2030, the council expects demand for home care to double.",
    "By contrast, neighbouring authorities have frozen their rates.",
    "Like many councils, Hallam Vale has struggled to recruit.",
    "Providers will be asked to sign up to a new charter on pay.",
    "Use the interactive map below to see how many hours your council commissioned.",
    "The council will share its findings with the NHS in the spring.",
    "The role pays £95,000 a year, according to the advert.",
    "Some 2,300 people signed the petition on 8 June 2022.",
    "Comments from residents were overwhelmingly negative.",
    "Report after report has warned about the workforce.",
    "Families said they were receiving this support only after months of asking.",
    "'We have been here before,' said one manager.",
    "'She said it so plainly,' he said. 'I went home and thought, how many others are there?",  # an open question
    "• 45 new reablement workers;",
    "The director of adult social care, who earns £95,000, said the rise was overdue.",
    "The charity said it had got a story like this every week since the rise.",
    "The trust said it had a favour to ask of families: to collect relatives by 11am.",
    "Her privacy notice was never sent, the tribunal heard.",
    "If you have any questions, you can call the adult social care team on 01632 960 412, Monday to Friday.",
    "“Please donate if you can,” she said, “because journalism alone will not pay for beds.”",
    # a speaker's call to sign up is the article's news, not the page's sign-up box
    "Our chief executive, Dana Whitfield, said: “We are asking every school in the county to sign up to our pledge "
    "this week.”",
    '"We want every employer to sign up to our charter by April," Ms Okafor said.',
    # a gallery's labelled paragraphs are its story, not captions
    "Pictured: Margaret Hollis, 91, who has lived in the village all her life and joined the choir when it started, "
    "said: “We sing every Tuesday and I wouldn't miss it for the world, even in the snow.”",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def paragraphs(body: str) -> list[str]:
    return body.split("\n\n") if body else []


@pytest.mark.parametrize("position", ["top", "middle", "bottom"])
@pytest.mark.parametrize("furniture", FURNITURE)
def test_furniture_line_is_removed_and_body_kept(furniture: str, position: str) -> None:
    lines = [HEADLINE, *BODY]
    at = {"top": 1, "middle": 3, "bottom": len(lines)}[position]
    lines.insert(at, furniture)
    result = clean(page(*lines))
    assert paragraphs(result.body) == BODY
    assert normalise_text(furniture) in result.removed  # the page is normalised first: doubled spaces go


@pytest.mark.parametrize("line", BODY_LINES)
def test_short_or_tricky_body_line_is_kept(line: str) -> None:
    raw = page(HEADLINE, BODY[0], BODY[1], line, BODY[2], BODY[3])
    result = clean(raw)
    assert paragraphs(result.body) == [BODY[0], BODY[1], line, BODY[2], BODY[3]]
    assert result.removed == (HEADLINE,)


def test_headline_byline_and_date_are_not_body() -> None:
    raw = page("Northgate Care Review", "News", HEADLINE, "By Harriet Lowe", "8th June 2022", *BODY)
    result = clean(raw)
    assert result.title == HEADLINE
    assert paragraphs(result.body) == BODY
    assert result.removed == ("Northgate Care Review", "News", HEADLINE, "By Harriet Lowe", "8th June 2022")


def test_title_skips_navigation_and_breadcrumbs() -> None:
    raw = page("Home  News  Jobs  Events", "You are here: Home / News / Care", HEADLINE, *BODY)
    assert clean(raw).title == HEADLINE


def test_title_case_headline_with_small_words_is_found() -> None:
    headline = "Window on the Future of Care Home Funding"
    assert clean(page(headline, *BODY)).title == headline


def test_headline_ending_in_a_full_stop_on_the_first_line() -> None:
    headline = "Care homes brace for a hard winter."
    result = clean(page(headline, *BODY))
    assert result.title == headline
    assert paragraphs(result.body) == BODY


def test_no_headline_when_the_page_opens_with_prose() -> None:
    result = clean(page(*BODY))
    assert result.title is None
    assert paragraphs(result.body) == BODY


def test_related_list_after_the_article_is_removed() -> None:
    related = ["Related stories", "Council cuts day centre hours", "Nurses vote on new pay offer"]
    result = clean(page(HEADLINE, *BODY, *related))
    assert paragraphs(result.body) == BODY
    assert result.removed[-3:] == tuple(related)


def test_related_list_inside_the_article_is_removed_and_the_article_resumes() -> None:
    related = ["You might also like", "Council cuts day centre hours", "Nurses vote on new pay offer"]
    result = clean(page(HEADLINE, BODY[0], BODY[1], *related, BODY[2], BODY[3]))
    assert paragraphs(result.body) == BODY


@pytest.mark.parametrize(
    "comments",
    [
        ["7 comments", "Pat Hughes", "14/03/2023 at 09:12",
         "My father waited four months for a carer and nobody from the council ever called us back about it.", "Reply"],
        ["Readers' comments (2)", "Anonymous | Practice Manager | 25 Apr 2025 10:12am",
         "We gave 4% and had to cut locum sessions to fund it. There is no magic money tree in general practice.",
         "Unsuitable or offensive? Report this comment", "Anonymous | Practice Nurse | 25 Apr 2025 1:03pm",
         "Nine years qualified and I earn less than my daughter's friend who went to work at the hospital instead."],
    ],
)
def test_comments_section_is_removed_even_though_it_is_prose(comments: list[str]) -> None:
    result = clean(page(HEADLINE, *BODY, *comments))
    assert paragraphs(result.body) == BODY


def test_comments_link_under_a_consent_notice_does_not_end_the_article_below_it() -> None:
    notice = ("Your choices matter to us. With your permission we and selected advertisers keep small files on "
              "this device and use where you are to show you tailored adverts, measure their reach and develop and "
              "improve the products we offer you every day.")
    more = [
        "The review found that families had waited an average of eleven weeks for a first visit, and that one in "
        "five people discharged from hospital went home without the support they had been assessed as needing.",
        "Reablement workers help people relearn everyday tasks after an illness or a fall, and the council says "
        "most people who receive it need less care six weeks later than they did on leaving hospital.",
        "The council will review the new rates in the autumn, when it expects to know how many agencies have "
        "signed the new contract and how many of the people on its waiting list have been given a package.",
    ]
    menu = ["I Accept", "Hallam Vale Gazette", "Sign In", "News", "Health", "Politics", "Sport", "What's On"]
    result = clean(page(notice, *menu, HEADLINE, "Share", "Comments", *BODY, *more))
    assert paragraphs(result.body) == [*BODY, *more]


def test_headline_over_a_standfirst_a_name_a_job_and_a_date_beats_a_promo_and_a_credited_picture() -> None:
    promo = "Get the Hallam Vale Gazette morning briefing – free, every weekday at 7am"
    standfirst = "Councillors agreed the money after hearing that hundreds of people were waiting for a carer at home"
    picture = "Care workers at the council's reablement hub on Monday afternoon (PA Media)"
    lines = [promo, "Sign up", HEADLINE, standfirst, "Mina Okafor", "Local democracy reporter", "12 March 2023",
             picture, *BODY]
    result = clean("\n".join(lines))
    assert (result.title, paragraphs(result.body)) == (HEADLINE, BODY)


def test_headline_over_a_name_with_its_job_over_the_date_beats_the_site_tagline() -> None:
    tagline = "Independent news on home care, council money and the people waiting for support"
    standfirst = ("Councillors agreed the extra money on Tuesday night after hearing that hundreds of people in the "
                  "borough were still waiting for a carer at home")
    lines = ["Care Policy Bulletin", tagline, "Subscribe", "News", "Analysis", HEADLINE, standfirst,
             "Mina Okafor, Political Correspondent", "12 March 2023", *BODY]
    assert clean("\n\n".join(lines)).title == HEADLINE


def test_a_breaking_news_ticker_over_the_headline_is_not_its_headline() -> None:
    ticker = "Breaking: Hallam bypass shut after crash"
    lines = [ticker, HEADLINE, "Mina Okafor", "Local democracy reporter", "12 March 2023", *BODY]
    result = clean("\n\n".join(lines))
    assert result.title == HEADLINE


def test_bulleted_comment_link_before_the_article_does_not_end_it() -> None:
    banner = "For the best experience on our site we recommend you upgrade to a newer version of your browser."
    result = clean(page(banner, HEADLINE, "• Comment", *BODY))
    assert (result.title, paragraphs(result.body)) == (HEADLINE, BODY)


def test_picture_description_above_a_credited_caption_is_not_the_headline() -> None:
    picture = "Care workers preparing a bed on the new ward"
    caption = "The ward opened on Monday after two years of building work. Photograph: Ann Lee/PA"
    result = clean(page(picture, caption, HEADLINE, *BODY))
    assert (result.title, paragraphs(result.body)) == (HEADLINE, BODY)


def test_press_release_notes_after_ends_are_removed() -> None:
    notes = [
        "-ENDS-",
        "Notes to editors",
        "Kindred Care Trust is a charity supporting older people in the north east since 1987.",
    ]
    result = clean(page(HEADLINE, *BODY, *notes))
    assert paragraphs(result.body) == BODY


def test_about_sub_heading_inside_the_article_does_not_end_it() -> None:
    about = "About the reablement service"
    rest = "The service, launched in March, has already helped more than 400 people to return home safely."
    result = clean(page(HEADLINE, *BODY, about, rest))
    assert paragraphs(result.body)[-1] == rest


def test_about_section_with_organisation_boilerplate_ends_the_article() -> None:
    about = [
        "About Kindred Care Trust",
        "Kindred Care Trust is a charity supporting older people since 1987.",
    ]
    result = clean(page(HEADLINE, *BODY, *about))
    assert paragraphs(result.body) == BODY


def test_multi_paragraph_quote_is_kept_whole() -> None:
    quote = [
        "Dr Amara Singh, chief executive of Kindred Care Trust, said:",
        "“We have waited years for this. Families have been holding the system together.",
        "“Today is a start, but only a start.”",
    ]
    result = clean(page(HEADLINE, BODY[0], *quote, BODY[1]))
    assert paragraphs(result.body) == [BODY[0], *quote, BODY[1]]


def test_sponsored_label_takes_its_advert_copy_with_it() -> None:
    result = clean(
        page(HEADLINE, BODY[0], BODY[1], "Sponsored", "Rostering made easy. Try it free.", *BODY[2:])
    )
    assert paragraphs(result.body) == BODY


def test_line_repeated_across_articles_is_removed() -> None:
    footer = "Care Matters reaches 40,000 professionals every week and has done since 1998."
    assert footer in clean(page(HEADLINE, *BODY, footer)).body
    result = clean(page(HEADLINE, *BODY, footer), frozenset({line_key(footer)}))
    assert paragraphs(result.body) == BODY
    assert footer in result.removed


def test_line_key_ignores_case_digits_punctuation_and_spacing() -> None:
    assert line_key("© 2023 Care  Matters. All rights reserved.") == line_key(
        "© 2024 CARE MATTERS - all rights reserved"
    )
    assert line_key("Share on Twitter") != line_key("Share on Facebook")
    assert line_key("2023 !!") == ""


def test_hard_wrapped_paragraphs_are_joined_into_one_line_each() -> None:
    raw = (
        "DEMENTIA HUB OPENS IN THE TOWN CENTRE\n\n"
        "A new community hub for people living with dementia and their carers\n"
        "opened this week, offering day activities, advice sessions and respite\n"
        "for families across the borough.\n\n"
        "The hub will be open five days a week and can support up to 30 people\n"
        "a day. It has been funded by the local NHS and the borough council.\n"
    )
    result = clean(raw)
    body = paragraphs(result.body)
    assert len(body) == 2
    assert body[0].startswith("A new community hub") and body[0].endswith("across the borough.")
    assert all("\n" not in p and p.split() == raw[raw.find(p[:20]) :].split()[: len(p.split())] for p in body)


def test_a_page_set_in_narrow_columns_is_joined_and_its_broken_words_mended() -> None:
    column = (
        "A FATHER of three who was declared fit\nto leave hospital spent 19 more days\non a ward because no home "
        "care could\nbe found for him, his daughter has\nsaid.\nFigures presented to the trust’s board\nlast week "
        "show an aver-\nage of 118 patients a day were medi-\ncally fit for discharge but still in\na bed during "
        "October.\n"
    )
    raw = "PATIENTS STUCK IN BEDS\n\n" + column * 3
    body = paragraphs(clean(raw).body)
    assert body[0] == ("A FATHER of three who was declared fit to leave hospital spent 19 more days on a ward because "
                       "no home care could be found for him, his daughter has said.")
    assert "an average of 118 patients a day were medically fit" in body[1]


def test_crlf_page_is_cleaned() -> None:
    raw = "\r\n\r\n".join([HEADLINE, "Share on Twitter", *BODY])
    result = clean(raw)
    assert paragraphs(result.body) == BODY
    assert result.title == HEADLINE


@pytest.mark.parametrize("raw", ["", "   \n\n\t ", "\n"])
def test_empty_input(raw: str) -> None:
    assert clean(raw).body == ""
    assert clean(raw).removed == ()


def test_single_sentence_is_body() -> None:
    line = "The council met on Tuesday to agree its budget for the coming year."
    assert clean(line).body == line


def test_page_of_only_furniture_has_empty_body() -> None:
    raw = page("Home | News | Jobs", "Share on Twitter", "© 2022 Care Matters", "Sign in")
    result = clean(raw)
    assert result.body == ""
    assert len(result.removed) == 4


def test_huge_line_does_not_break_cleaning() -> None:
    huge = "care " * 200_000 + "ends here."
    result = clean(page(HEADLINE, huge))
    assert result.body == huge.strip()


# --- the sample articles -------------------------------------------------------------------------

SEED_TITLES = {
    "000_marlshire_care_homes_csw.txt": (
        "Marlshire to close three council care homes as repair bill tops £14m"
    ),
    "001_beechfield_house_courier.txt": (
        "Families vow to fight closure of Beechfield House care home | Wexcombe Courier"
    ),
    "002_homecare_hours_press_release.txt": (
        "Homecare providers warn of 'hidden waiting list' as care hours go unfilled"
    ),
    "003_social_work_vacancies_lsj.txt": "Councils report record vacancy rates in social work teams",
    "004_discharge_scheme_trust_news.txt": "New scheme helps patients leave hospital days sooner",
    "005_international_recruitment_cwt.txt": (
        "Care providers fear overseas recruitment rules will deepen staff shortages"
    ),
}
# A body paragraph must never look like any of these kinds of furniture.
FURNITURE_IN_BODY = re.compile(
    r"^(?:share|image|photo|source|tags|related|read more|advert|sponsored|reply|like|comments?|by [A-Z]|"
    r"posted|published|written by|follow us|sign up|subscribe|already a)\b"
    r"|cookie|©|copyright|all rights reserved|newsletter|click here|is the publication|per annum|"
    r"£\d[\d,]* - £|\d{2}/\d{2}/\d{4}|\d\d\.\d\d\.\d\d|\bGMT\b",
    re.I,
)


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_seed_headline_and_clean_body(name: str) -> None:
    raw = seed(name)
    result = clean(raw)
    assert result.title == SEED_TITLES[name]
    body = paragraphs(result.body)
    assert 250 <= len(result.body.split()) <= 900
    for paragraph in body:
        assert paragraph in raw
        assert not FURNITURE_IN_BODY.search(paragraph), paragraph
    assert result.title not in body


def test_seed_short_paragraphs_and_quotes_survive() -> None:
    assert (
        "Ms Tanner added: “We want to hear from everyone affected.”"
        in clean(seed("000_marlshire_care_homes_csw.txt")).body
    )
    body_005 = paragraphs(clean(seed("005_international_recruitment_cwt.txt")).body)
    assert "He added: “We will act on exploitation. We just need the Government to act on pay.”" in body_005
    body_002 = paragraphs(clean(seed("002_homecare_hours_press_release.txt")).body)
    assert sum(p.startswith("“") for p in body_002) >= 4  # the multi-paragraph quote and the last one
    assert sum(p.startswith("•") for p in body_002) == 3


@pytest.mark.parametrize(
    "headline", ["£250,000 fund to give unpaid carers a break", "£1,500 grants for home adaptations"]
)
def test_a_headline_opening_on_a_sum_with_a_thousands_comma_is_no_salary(headline: str) -> None:
    """A job listing's salary field is "£68,500 per annum, Anytown"; "£250,000 fund to …" heads an article."""
    body = "Unpaid carers in Westford can now apply for grants from a new fund launched by the borough council. " * 2
    assert clean(f"Home\n\nNews\n\n{headline}\n\n{body}\n\n{body.replace('new', 'second')}").title == headline


def test_have_your_say_heading_a_section_that_goes_on_reporting_keeps_it_in_the_body() -> None:
    """On a consultation story "Have your say" is the article's own crosshead; over a comment thread it closes it."""
    section = [
        "The consultation is open to every resident of the borough and closes at noon on Friday 12 June.",
        "Council leader Ann Rowe said every household would receive a paper form as well as a link online.",
    ]
    kept = clean(page(HEADLINE, *BODY, "Have your say", *section)).body
    assert all(paragraph in kept for paragraph in section)
    thread = ["Do you have a relative waiting for care at home? We want to hear from you, so email the newsdesk.",
              "PatB_Hallam", "Two years my mother has waited for a care package and nobody ever answers the phone."]
    closed = clean(page(HEADLINE, *BODY, "Have your say", *thread)).body
    assert BODY[-1] in closed and not any(line in closed for line in thread)


def test_seed_comments_and_job_adverts_are_gone() -> None:
    assert "Another consultation" not in clean(seed("001_beechfield_house_courier.txt")).body
    assert "registered manager" not in clean(seed("005_international_recruitment_cwt.txt")).body
    body_003 = clean(seed("003_social_work_vacancies_lsj.txt")).body
    assert "Head of Safeguarding" not in body_003
    assert "Research published alongside the figures" in body_003  # the article resumes after the jobs box


def test_same_story_seeds_quote_the_same_spokesperson() -> None:
    first = clean(seed("000_marlshire_care_homes_csw.txt")).body
    second = clean(seed("001_beechfield_house_courier.txt")).body
    for body in (first, second):
        assert "Priya Tanner" in body
        assert "No decision like this is ever taken lightly" in body
        assert "These homes were built in the 1970s" in body


# --- properties ----------------------------------------------------------------------------------

ODD_PIECES = ["\n", "\n\n", "\r\n", " ", "“", '"', "'", "\x0b", "\u2028", "\x00"]
page_pieces = st.sampled_from([*FURNITURE, *BODY_LINES, *BODY, HEADLINE, *ODD_PIECES])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(page_pieces, max_size=40).map("\n".join)))
def test_clean_never_crashes_and_keeps_text_verbatim(raw: str) -> None:
    result = clean(raw)
    normalised = normalise_text(raw)  # verbatim means: as the normalised page says it, its wrapped lines as one
    for paragraph in paragraphs(result.body):
        assert paragraph
        assert paragraph == paragraph.strip()
        assert paragraph in normalised or paragraph in flowed(normalised)
    assert "\n\n\n" not in result.body
    assert all(line and line in normalised for line in result.removed)


def test_an_interviews_title_and_first_question_stay_in_the_body_but_a_pull_quote_does_not() -> None:
    para = "The hub has been busy since it opened, with 212 appointments booked in its first week of opening."
    answer = "Busy! We see a real mix of people who work during the day, and children with chest infections."
    raw = "\n\n".join(["Evening hub opens in Tollbridge", "By Rebecca Tranter", "11 April 2024", para,
                       "Five minutes with... Bronagh Keane, lead nurse practitioner at the hub",
                       "What does a typical evening look like?", answer,
                       "‘We see a real mix of people’", "Bronagh Keane, lead nurse", answer.replace("Busy", "Quiet")])
    body = clean(raw).body
    assert "Five minutes with" in body and "typical evening" in body
    assert "‘We see a real mix of people’" not in body


def test_a_two_sentence_advert_under_a_sponsored_label_is_furniture() -> None:
    advert = "Rota headaches? Our scheduling software is trusted by 1,400 care providers. Book your free demo today."
    result = clean(page(HEADLINE, BODY[0], BODY[1], "SPONSORED", advert, BODY[2], BODY[3]))
    assert paragraphs(result.body) == BODY


def test_a_pull_quote_repeating_words_given_in_the_article_is_not_body() -> None:
    said = "“You learn the roads, then you learn the people,” Ann Roe says. “Who has a dog that bites.”"
    pull = "“You learn the roads, then you learn the people.”"
    lone = "“I have never once been asked how I am, not by anyone, in six years.”"
    result = clean(page(HEADLINE, BODY[0], said, BODY[1], pull, BODY[2], lone, BODY[3]))
    assert paragraphs(result.body) == [BODY[0], said, BODY[1], BODY[2], lone, BODY[3]]


def test_a_quote_paragraph_stays_when_a_credited_pull_quote_repeats_it() -> None:
    """The page sets the last paragraph of a long quote apart again with its speaker's name: the credited line is
    the pull quote, the paragraph is the article's."""
    first = "“We have known for years that the sector could not fill its vacancies from the workforce here.”"
    second = "“Closing that route without a plan is like taking away a ladder before anyone has built the stairs.”"
    credited = second + " – Dame Ann Roe"
    result = clean(page(HEADLINE, BODY[0], first, second, BODY[1], credited, BODY[2], BODY[3]))
    assert second in paragraphs(result.body) and credited not in paragraphs(result.body)


def test_a_short_quoted_sentence_credited_after_a_dash_is_a_paragraph_of_the_story() -> None:
    """A page that credits each quote after a dash ("“…” — Joanne Pilkington") ends the line on a name, not a full
    stop: the line is still a paragraph, not a heading to drop."""
    said = "“He was 12 when he was referred. He's 14 now.” — Joanne Pilkington"
    result = clean(page(HEADLINE, BODY[0], BODY[1], said, BODY[2], BODY[3]))
    assert said in paragraphs(result.body)


def test_a_credited_pull_quote_of_an_interview_answer_is_furniture() -> None:
    """An interview sets a few words of an unmarked answer apart, quoted and credited: they are said once."""
    answer = "Nuala: I don't talk about it much. We had no idea what was coming. We learnt on our feet."
    pulled = "“We had no idea what was coming. We learnt on our feet.” — Sister Nuala O'Neill"
    result = clean(page(HEADLINE, BODY[0], pulled, BODY[1], answer, BODY[2], BODY[3]))
    assert answer in paragraphs(result.body) and pulled not in paragraphs(result.body)


def test_the_credit_under_a_closing_pull_quote_stays_with_it() -> None:
    """A podcast page ends its body on a row of credited quotes: the last credit names the last quote's speaker, so
    it stays in the body though it is two words after a dash."""
    said = "“Nobody tells you how much of it lands on the family, and I would do it again.”"
    result = clean(page(HEADLINE, *BODY, said, "— Linda Quayle", "Subscribe wherever you get your podcasts."))
    assert paragraphs(result.body) == [*BODY, said, "— Linda Quayle"]


def test_a_writers_bio_by_first_name_under_the_article_is_not_body() -> None:
    result = clean(page(HEADLINE, *BODY, "Gemma Stroud", "Gemma is deputy editor of Home Care Today.",
                        "Tags: home care, funding", "Leave a Reply"))
    assert paragraphs(result.body) == BODY


def test_the_authors_bio_under_an_about_the_author_heading_is_not_body() -> None:
    bio = "Ann Roe is a senior fellow at the Hallam Institute, where she leads its work on the care workforce."
    result = clean(page(HEADLINE, *BODY, "About the author", bio, "Share this page"))
    assert paragraphs(result.body) == BODY


def test_a_reference_list_under_the_article_is_not_body() -> None:
    cited = ["Roe A, Quint M. Vacancies in adult social care: a national survey of employers in the north of England. "
             "Hallam: Hallam Institute; 2025",
             "Price T, Okafor L, Byrne S. Pay and retention in residential care: a review of the evidence. J Soc Care "
             "Res. 2024;8:112"]
    result = clean(page(HEADLINE, *BODY, "References", *cited, "Subscribe now"))
    assert paragraphs(result.body) == BODY


@pytest.mark.parametrize("caption", [
    "Ward sister Mary Quint (centre) with members of the Elm Ward team and their award.",
    "Cllr Dev Anand (second left) and residents at the opening of the new day centre.",
])
def test_a_line_saying_who_stands_where_in_a_picture_is_a_caption_not_body(caption: str) -> None:
    result = clean(page(HEADLINE, BODY[0], caption, BODY[1], BODY[2], BODY[3]))
    assert paragraphs(result.body) == BODY


@pytest.mark.parametrize("caption", [
    "Sheila Marsh with her grandson Leo at the garden party in 2024. Photo courtesy of the Marsh family.",
    "The new ward on its opening day. Picture courtesy of Upton Hospitals Trust.",
    "Volunteers at the drop-in centre. Photograph: Tom Reyes.",
    # a wire agency's credit in brackets, "(AP Photo/Evan Vucci)"
    "Dr Ann Lee talks to a patient at her surgery in Hallam Vale on March 3, 2026. (NWS Photo/Ravi Shah)",
])
def test_a_caption_ending_with_its_credit_is_not_body(caption: str) -> None:
    result = clean(page(HEADLINE, BODY[0], caption, BODY[1], BODY[2], BODY[3]))
    assert paragraphs(result.body) == BODY


@pytest.mark.parametrize("credit", ["SARAH DUNMORE FOR THE DAILY COURIER", "PETER HALL/PA"])
@pytest.mark.parametrize("at", [0, 2])
def test_a_picture_credit_in_capitals_and_the_caption_over_it_are_not_body(credit: str, at: int) -> None:
    picture = ("Jean and Alan Ruddock with their daughter, Chloe, at home in Stockwell. The couple say they have been "
               f"on a waiting list for a short break for four years\n{credit}")
    top = (f"Health\n{HEADLINE}\nThe council says agencies will be paid more from April\nAnna Pryce, Social Affairs "
           "Correspondent\nSaturday March 08 2025, 12.01am, The Daily Courier\nShare\nSave")
    result = clean(page(top + ("\n" + picture if at == 0 else ""), *BODY[:at], *([picture] if at else []), *BODY[at:]))
    assert paragraphs(result.body) == BODY


def test_a_headline_in_capitals_with_for_the_in_it_is_no_picture_credit() -> None:
    result = clean(page("FUNDING BOOST FOR THE COUNTY'S HOSPICES", *BODY))
    assert result.title == "FUNDING BOOST FOR THE COUNTY'S HOSPICES" and paragraphs(result.body) == BODY


@pytest.mark.parametrize("bio", [
    "Mia Strand is a Local Democracy Reporter covering Harwick Council.",
    "Tom Ecclestone is the Chronicle’s health correspondent. His book on the NHS is out in the spring.",
    "This article was written by a Local Democracy Reporter, part of a publicly funded scheme for council news.",
    "This story was produced by a Local Democracy Reporter. The scheme funds journalists to cover councils.",
])
def test_the_writers_bio_under_the_article_ends_it(bio: str) -> None:
    result = clean(page(HEADLINE, *BODY, bio, "Have your say on this story by emailing letters@chronicle.example."))
    assert paragraphs(result.body) == BODY


def test_a_sentence_about_a_reporter_inside_the_article_stays() -> None:
    reporter = "Lena Fry is a reporter who was at the hearing and gave evidence about what she saw."
    result = clean(page(HEADLINE, BODY[0], BODY[1], reporter, BODY[2], BODY[3]))
    assert paragraphs(result.body) == [BODY[0], BODY[1], reporter, BODY[2], BODY[3]]


@pytest.mark.parametrize("line", [
    "If you have been affected by the issues in this story, support is available from the Harwick helpline.",
    "If you or someone you know is in immediate danger, call 999.",
    "Comments are switched off for this article.",
    "Competing interests: none declared.",
    "Content note: this story talks about self-harm.",
    "Darllen mwy | Read more: Surgery to merge in the spring",
    "If you are a young carer and need support, the Harwick Carers Line is open from 9am to 9pm on 0808 157 0312.",
    "Harwick Voice is funded by its readers. Become a member from £4 a month.",
    "Harwick Voice is a reader-funded newsroom. If you value stories like this one, please consider joining us.",
    "Join the Harwick Echo's free health newsletter for the stories that matter from our hospitals",
    "Our community members are treated to special offers, promotions and adverts from us and our partners.",
])
def test_signposts_comment_notices_and_labels_are_not_body(line: str) -> None:
    result = clean(page(HEADLINE, BODY[0], BODY[1], line, BODY[2], BODY[3]))
    assert paragraphs(result.body) == BODY


def test_a_charitys_own_support_line_stays_in_its_news() -> None:
    own = "If you are an unpaid carer and need support, our helpline advisers can help you find what you are owed."
    result = clean(page(HEADLINE, BODY[0], BODY[1], BODY[2], BODY[3], own))
    assert paragraphs(result.body) == [*BODY, own]


def test_a_quote_pointing_listeners_to_help_stays_in_the_body() -> None:
    said = "She ended with a message: “If you've been affected by anything in this programme, please talk to us.”"
    result = clean(page(HEADLINE, BODY[0], BODY[1], said, BODY[2], BODY[3]))
    assert paragraphs(result.body) == [BODY[0], BODY[1], said, BODY[2], BODY[3]]


def test_a_long_read_more_teaser_between_paragraphs_is_not_body() -> None:
    teaser = "READ MORE: Pensioner, 91, waited nine hours for an ambulance after a fall as crews queued outside"
    result = clean(page(HEADLINE, BODY[0], BODY[1], teaser, BODY[2], BODY[3]))
    assert paragraphs(result.body) == BODY


@pytest.mark.parametrize("furniture", [
    "Do you have a story for the Evening Flare news team? Email us or call our newsdesk.",
    "This article is free to read. Register for unlimited access to news and CPD.",
    "This investigation was made possible by our members. Join them today.",
    "Something went wrong, please try again later.",
    "Please report any comments that break our rules.",
    "The Local Democracy Reporting Service is a public service news agency funded by the BBC and the news industry.",
    "The Local Democracy Reporting Service covers councils and other public bodies across the North East.",
    "The Fenwick Courier is a not-for-profit site. If you value independent news from your valley, join our members.",
])
def test_the_outlet_speaking_to_its_reader_under_the_article_is_not_body(furniture: str) -> None:
    result = clean(page(HEADLINE, *BODY, furniture, "Most read"))
    assert paragraphs(result.body) == BODY


def test_a_live_entrys_heading_under_its_time_is_part_of_the_body() -> None:
    raw = ("Live: ward closures at Eastfield General\nBy Sam Oduya\n\n"
           "14:05\nWards reopen after norovirus outbreak\n"
           "Two wards closed since Monday reopened to visitors this afternoon, the trust said, after three days "
           "without a new case among patients or staff.\n\n"
           "13:40\nVisitors asked to stay away\n"
           "The trust is still asking anyone with sickness or diarrhoea to stay away for 48 hours after their last "
           "symptoms, and to use hand gel on the way in and out.\n")
    body = clean(raw).body
    assert "Wards reopen after norovirus outbreak" in body and "Visitors asked to stay away" in body
    assert "14:05" not in body


def test_a_list_that_lost_its_bullets_after_a_paragraph_announcing_it_is_body() -> None:
    items = [
        "a recognised career pathway and training standard for activities staff",
        "a ring-fenced activities budget in every care home",
        "activities time protected in staffing rotas",
    ]
    body = [BODY[0], "The charity is calling for:", *items, BODY[1], BODY[2], BODY[3]]
    assert paragraphs(clean(page(HEADLINE, *body)).body) == body


def test_capitalised_links_after_a_line_ending_in_a_colon_are_not_a_list_of_the_article() -> None:
    links = ["Ambulance waits in Hallam Vale among longest in England", "Plans for new health hub approved"]
    result = clean(page(HEADLINE, BODY[0], BODY[1], "You may also be interested in:", *links, BODY[2], BODY[3]))
    assert not set(links) & set(paragraphs(result.body))


@pytest.mark.parametrize("footer", ["Registered in England and Wales. Company No. 04511201.", "Company no: 1234567"])
def test_a_company_number_is_furniture_but_a_company_that_no_longer_does_something_is_the_article(footer: str) -> None:
    lead = "Brightwater Homecare has stopped taking council contracts for visits shorter than half an hour."
    kept = ("The company no longer accepts commissions for visits of less than 30 minutes, a policy it says cost it "
            "a contract worth 1,200 hours a week.")
    result = clean("\n\n".join(["Care Enterprise", "Short visits dropped by homecare firm", "By Ann Lee", lead, kept,
                                "Its managing director said the decision had been hard but right.", footer]))
    assert kept in result.body
    assert footer not in result.body


@pytest.mark.parametrize("furniture", [
    "This article appeared in the March 2026 issue of Care Enterprise. Subscribe to get the magazine every month.",
    "Like this story? Share it:", "Share or comment on this article:", "Thank you for subscribing!",
    "Provenance and peer review: commissioned; not externally peer reviewed.",
])
def test_notes_and_prompts_under_an_article_are_furniture(furniture: str) -> None:
    body = ["Brightwater Homecare has stopped taking council contracts for visits shorter than half an hour.",
            "Its managing director said the decision had been hard but right for the people it cares for.",
            "The firm now employs 340 carers across three branches in the county."]
    result = clean("\n\n".join(["Care Enterprise", "Short visits dropped by homecare firm", "By Ann Lee", *body,
                                furniture, "About us | Contact | Advertise"]))
    assert body[-1] in result.body
    assert furniture not in result.body


def test_list_items_under_a_lead_in_ending_in_a_colon_stay_in_the_body_when_their_bullets_were_lost() -> None:
    items = ["73% said their workload was unmanageable most of the time, up from 61% in 2023",
             "58% regularly work unpaid hours, with an average of 4.5 extra hours a week"]
    result = clean(page(HEADLINE, BODY[0], BODY[1], "Key findings include:", *items, BODY[2], BODY[3]))
    assert set(items) <= set(paragraphs(result.body))


def test_a_numbered_section_title_inside_the_article_stays_in_the_body() -> None:
    sections = ["1. Waiting is not just waiting", "2. People want information as much as anything"]
    result = clean(page(HEADLINE, BODY[0], sections[0], BODY[1], "Pauline, 66, East Midlands", sections[1], BODY[2],
                        BODY[3]))
    assert set(sections) <= set(paragraphs(result.body))



def test_lower_case_list_items_stay_in_the_body_when_short_ones_follow_long_ones() -> None:
    items = ["a digital health passport holding each young person's health history, immunisations and contacts, so "
             "they no longer rely on paper records",
             "a named nurse who can help with registering with a GP and a dentist, and go to appointments with them",
             "a weekly drop-in clinic, with no appointment needed", "help with prescription charges"]
    result = clean(page(HEADLINE, BODY[0], "The scheme includes:", *items, BODY[1], BODY[2], BODY[3]))
    assert set(items) <= set(paragraphs(result.body))


def test_a_comments_policy_under_the_article_is_furniture() -> None:
    policy = ("We want our comments to be a lively and valuable part of our community - a place where readers can "
              "debate and engage with the most important local issues.")
    result = clean("\n".join([HEADLINE, *BODY, "Comments: Our rules", policy, "Read the rules here"]))
    assert BODY[-1] in paragraphs(result.body)
    assert policy not in result.body


def test_a_blogs_replies_under_the_post_are_furniture_however_long_the_title_they_repeat() -> None:
    replies = ["2 Responses to “Village first responders mark their first year with a hundred call-outs”",
               "Pat Hargreaves says:", "June 12, 2026 at 11:02 am", "Well done Gareth and all the team. We're lucky.",
               "Reply", "Tom Ridley says:", "June 13, 2026 at 8:17 pm",
               "Went to help with the fundraiser last year, great to see what it has paid for. Might come along to "
               "the information evening myself.", "Reply"]
    posted = "This entry was posted on Friday, June 12th, 2026 at 9:41 am and is filed under Community News."
    result = clean(page(HEADLINE, *BODY, posted) + "\n\n" + "\n".join(replies))
    assert BODY[-1] in paragraphs(result.body)
    assert not any(reply in result.body for reply in replies)


def test_a_supporters_appeal_inside_the_page_is_furniture() -> None:
    appeal = ["Support our Nation today", "For the price of a cup of coffee a month you can help us create an "
              "independent, not-for-profit news service for the whole country.", "Become a supporter"]
    result = clean(page(HEADLINE, *BODY, *appeal, "Share this article:"))
    assert BODY[-1] in paragraphs(result.body)
    assert not set(appeal) & set(paragraphs(result.body))


@pytest.mark.parametrize("credit", [
    "This story was produced by the Local Democracy Reporting Service, which is funded by the BBC and used by other "
    "media organisations.",
    "The Local Democracy Reporting Service is a public service news agency funded by the BBC.",
])
def test_the_local_democracy_reporting_credit_under_the_copy_is_furniture(credit: str) -> None:
    result = clean(page(HEADLINE, *BODY, credit, "Comments"))
    assert BODY[-1] in paragraphs(result.body)
    assert credit not in result.body


def test_a_blogs_disclaimer_under_the_post_is_furniture() -> None:
    disclaimer = ("The views expressed in this blog are those of the author and not necessarily those of the "
                  "Fairhaven Policy Institute.")
    result = clean(page(HEADLINE, *BODY, disclaimer, "Share this post"))
    assert BODY[-1] in paragraphs(result.body)
    assert disclaimer not in result.body


def test_a_journals_learning_prompt_under_the_article_is_furniture() -> None:
    prompt = "CPD: Reflect on this article and how banding and delegation of tasks work in your own area."
    result = clean(page(HEADLINE, *BODY, prompt, "Related articles"))
    assert BODY[-1] in paragraphs(result.body)
    assert prompt not in result.body


def test_a_round_ups_name_and_role_lines_stay_as_the_credit_of_the_quotation_under_them() -> None:
    """"Nadia Farouk" / "Chief executive, Carers Together UK" over a quotation name its speaker: kept, as one line."""
    credits = [("Nadia Farouk", "Chief executive, Carers Together UK",
                "“Unpaid carers are mentioned 47 times in this document, which is more than they usually are.”"),
               ("Tobias Greenhalgh", "President, Association of Directors of Adult Social Services",
                "“Directors welcome a national standard, and we have argued for one for years. Nobody should get "
                "worse care because of where they live.”")]
    lines = [HEADLINE, *BODY, "What the sector said", *(line for credit in credits for line in credit), "Share",
             "© 2026 Hallam Vale News"]
    body = clean("\n\n".join(lines)).body
    assert "Nadia Farouk, Chief executive, Carers Together UK:\n\n“Unpaid carers" in body
    assert "Tobias Greenhalgh, President, Association of Directors of Adult Social Services:" in body
    speakers = [q.speaker for q in extract_quotes(body) if not q.partial]
    assert speakers[-2:] == ["Nadia Farouk", "Tobias Greenhalgh"]


def test_a_heading_over_a_quotation_is_no_credit_unless_a_name_stands_over_it() -> None:
    lines = [HEADLINE, *BODY, "Key findings, in brief", "“Unpaid carers are mentioned 47 times.”", "Share"]
    assert "Key findings, in brief:" not in clean("\n\n".join(lines)).body


def test_an_email_pasted_with_its_header_is_headed_by_its_subject_not_its_view_in_browser_line() -> None:
    raw = page(
        "From: Care Weekly <news@careweekly.example>", "Sent: 04 March 2025 07:02",
        "Subject: Care Weekly Briefing | Councils told to publish fee rates by April",
        "Trouble viewing this email? View it in your browser", "CARE WEEKLY", "Tuesday 4 March 2025",
        "By Sophie Adeyemi, senior correspondent",
        "Good morning. Today: a deadline on fee rates, a hospice appeal and a new chief inspector for the sector.",
        "Councils told to publish fee rates by April", *BODY,
    )
    result = clean(raw)
    assert result.title == "Councils told to publish fee rates by April"
    assert "Trouble viewing this email? View it in your browser" in result.removed


def test_a_headline_wrapped_in_a_narrow_column_is_the_title_read_as_one_line() -> None:
    column = ("A home care company has been\nawarded a £38 million contract\nto provide support to hundreds\n"
              "of older and disabled people\nacross the borough, in the\nbiggest shake-up for a decade.\n")
    raw = "NEWS\nHome care firm lands £38m deal\nas council shakes up provision\nBy JAMES TILLOTSON\n" + column * 4
    assert clean(raw).title == "Home care firm lands £38m deal as council shakes up provision"


@pytest.mark.parametrize("piece", ["report that rated one of its homes inad-\nequate",
                                   "for older people run by a firm"])
def test_a_wrapped_line_that_reads_like_furniture_on_its_own_goes_on_its_sentence(piece: str) -> None:
    raw = page(HEADLINE, f"A nursing home provider has said it will challenge a regulator\n{piece} in every area, "
               "insisting that residents were never at risk.", *BODY)
    opening = paragraphs(clean(raw).body)[0]
    assert opening.startswith("A nursing home provider") and opening.endswith("that residents were never at risk.")
    assert piece.replace("-\n", "") in opening


def test_a_headline_ending_on_a_quote_mark_is_not_run_into_the_standfirst_under_it() -> None:
    column = ("PATIENTS at the hospital are waiting up to\n19 hours in the emergency department\nbefore a bed can "
              "be found, with one senior\ndoctor describing conditions as the worst\nhe has seen in 22 years.\n")
    raw = ("Patients wait 19 hours for a bed as A&E 'hits breaking point'\nSenior doctor says corridor care has "
           "become routine\nBy ANNA BELL\n" + column * 4)
    assert clean(raw).title == "Patients wait 19 hours for a bed as A&E 'hits breaking point'"


def test_a_lone_button_under_a_line_that_stops_mid_sentence_is_not_run_into_it() -> None:
    closing = "'Love has no sell-by date!' Care home sweethearts, 91 and 88, tie the knot after a game of bingo"
    blocks = page_blocks("\n".join([closing, "e-mail", "214", "shares"]), frozenset())
    assert [b.text for b in blocks][:2] == [closing, "e-mail"]


_COLUMN = ("A home care company has been\nawarded a £38 million contract\nto provide support to hundreds\n"
           "of older and disabled people\nacross the borough, in the\nbiggest shake-up for a decade.\n")


def test_a_headline_wider_than_the_column_is_not_run_into_the_standfirst_under_it() -> None:
    raw = ("NEWS\nCouncil hands £38m home care deal to Harnley firm\nProvider says it will recruit 200\ncarers as "
           "council shakes up care\nBy JAMES TILLOTSON\n" + _COLUMN * 4)
    assert clean(raw).title == "Council hands £38m home care deal to Harnley firm"


def test_a_headline_over_a_longer_standfirst_in_a_column_page_is_not_run_into_it() -> None:
    """A wrap breaks a line only when the next word will not fit: "Patients" fits after a 28-character headline
    when the line under it runs to 40, so the break was the headline's end."""
    raw = ("NEWS\nLounge frees beds at Harnley\nPatients wait in comfort as trust tackles\nBy JAMES TILLOTSON\n"
           + _COLUMN * 4)
    assert clean(raw).title == "Lounge frees beds at Harnley"


def test_a_long_copyright_line_under_a_page_in_narrow_columns_leaves_its_paragraphs_joined() -> None:
    quote = ("‘You build schools, offices, super-\nmarkets, and you’re proud of them,\n"
             "but this is different,’ said Mr\nLloyd. ‘The lads knew who it was\nfor. Nobody complained.’\n")
    raw = ("NEWS\nHome care firm lands £38m deal\nBy JAMES TILLOTSON\n" + _COLUMN * 3 + quote + _COLUMN
           + "Severn Valley Evening Post © 2025 Wyvern Newspapers Ltd. All rights reserved. This e-edition may not be "
             "reproduced without permission.")
    assert "this is different,’ said Mr Lloyd. ‘The lads knew who it was for. Nobody complained.’" in clean(raw).body


def test_a_sign_up_boxs_small_print_between_paragraphs_is_furniture() -> None:
    small_print = ("When you subscribe we will use the information you provide to send you these newsletters. "
                   "Sometimes they'll include recommendations for other related newsletters or services we offer. "
                   "Our Privacy Notice explains more about how we use your data, and your rights. "
                   "You can unsubscribe at any time.")
    result = clean(page(HEADLINE, BODY[0], small_print, *BODY[1:]))
    assert small_print not in result.body and small_print in result.removed


def test_a_paywalls_teaser_of_the_opening_is_kept_once_where_the_full_text_follows() -> None:
    """A subscriber's view shows the opening paragraphs as a teaser, the last cut short, then the whole article:
    each paragraph is the article's once."""
    teaser = [BODY[0], BODY[1][:90]]
    result = clean(page(HEADLINE, *teaser, "Continue reading", "Log in", *BODY))
    assert paragraphs(result.body) == BODY


def test_a_headline_over_its_standfirst_and_share_buttons_ends_a_trending_list_above_the_menu() -> None:
    top = ["Skip to main content", "Trending", "Ringway roadworks", "Bin collection changes", "Weather warning",
           "Hallam Vale Echo", "Sign in", "News", "Health", "Sport", HEADLINE,
           "The council will pay agencies more from April after a review of waiting lists for support at home",
           "Bookmark", "Share", "Comments", "Tom Hardacre", "Health Reporter", "06:00, 2 APR 2025"]
    result = clean("\n".join(top) + "\n\n" + page(*BODY))
    assert result.title == HEADLINE and paragraphs(result.body) == BODY


@pytest.mark.parametrize(("out", "label", "back"), [
    ("Continued on page 25", "COMMENT", "From page 24"), ("Turn to page 25", "Comments", "Continued from page 24"),
    ("Continued on page 25", "NEWS", "From page 24"),
])
def test_a_printed_story_jumping_to_another_page_goes_on_past_that_pages_running_heads(out: str, label: str,
                                                                                       back: str) -> None:
    """An e-paper's story stops at "Continued on page 25" and resumes at "From page 24": the page's date, title and
    section label between are furniture, the section label ends nothing, and the rest is the article's."""
    jump = [out, "SUNDAY 17 MARCH 2024", "HALLAM VALE ECHO 25", label, back]
    result = clean(page(HEADLINE, "By Tom Reid", *BODY[:2], *jump, *BODY[2:]))
    assert paragraphs(result.body) == BODY
