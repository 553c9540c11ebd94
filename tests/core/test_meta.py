"""Metadata: headline, date, author and publisher read from the page furniture, never guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.bylines import byline
from bot.core.clean import clean
from bot.core.dates import is_dateline, parse_date
from bot.core.meta import extract_metadata
from bot.core.models import Metadata

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

HEADLINE = "Day centres reopen as council reverses closure plan"
BODY = [
    "Three day centres for older people in Ashcombe will reopen next month after the council reversed a "
    "decision to close them.",
    "The centres were shut in 2020 and had been earmarked for sale, but a review found demand had "
    "returned to its previous level.",
    "“This is what families asked for,” said Councillor Lewis Grant, who chairs the adult care committee.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def meta(*lines: str) -> Metadata:
    raw = page(*lines)
    return extract_metadata(raw, clean(raw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 June 2022", date(2022, 6, 8)),
        ("8 June 2022", date(2022, 6, 8)),
        ("8th June 2022", date(2022, 6, 8)),
        ("1st of March 2021", date(2021, 3, 1)),
        ("3 Jan. 2020", date(2020, 1, 3)),
        ("June 8, 2022", date(2022, 6, 8)),
        ("Sept 3rd 2021", date(2021, 9, 3)),
        ("January 23,2015", date(2015, 1, 23)),
        ("11.08.17", date(2017, 8, 11)),
        ("24/07/2018", date(2018, 7, 24)),
        ("24-07-2018", date(2018, 7, 24)),
        ("07/24/2018", date(2018, 7, 24)),  # only a month-first reading is possible
        ("Posted on 24/07/2018 by Jane Doe", date(2018, 7, 24)),
        ("2022-06-08", date(2022, 6, 8)),
        ("2022-06-08T10:00:00Z", date(2022, 6, 8)),
        ("2023-07-01 12:00:00+00:00", date(2023, 7, 1)),
        ("Wed, 08 Jun 2022 10:00:00 GMT", date(2022, 6, 8)),
        ("Sat, 1 Jul 2023 23:59:59 +0100", date(2023, 7, 1)),
        ("Wednesday 8 June 2022 10:00 BST", date(2022, 6, 8)),
        ("Cyhoeddwyd / Published: 5 Tachwedd / November 2026", date(2026, 11, 5)),  # a bilingual Welsh page
    ],
)
def test_parse_date_formats(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "June 2022", "8 June", "2 days ago", "31/02/2020", "99.99.99", "v1.5.2"]
)
def test_parse_date_refuses_incomplete_or_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 March 2023", True),
        ("Published: 2022-06-08T10:00:00Z", True),
        ("Last updated 3rd March 2021, 10:15am", True),
        ("Jane Smith | 8 June 2022 | 4 min read", True),
        ("On 8 June 2022 the council agreed to close the home.", False),
        ("Some 2,300 people signed the petition by 08/06/2022 and more followed.", False),
    ],
)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Wilma Eckersley", "Wilma Eckersley"),
        ("By Jane Doe, Health Correspondent", "Jane Doe"),
        ("By Jane Doe Health Correspondent", "Jane Doe"),
        ("By Jane Doe Court Reporter", "Jane Doe"),
        ("By Jane Doe Education Correspondent", "Jane Doe"),
        ("Posted on 24/07/2018 by Jane Doe", "Jane Doe"),
        ("Written by Kit Barnard", "Kit Barnard"),
        ("Words by Kit Barnard", "Kit Barnard"),
        ("Author: Sam Li", "Sam Li"),
        ("By Jane Doe | 8 June 2022", "Jane Doe"),
        ("By Jane Doe and Tom Brown", "Jane Doe and Tom Brown"),
        ("By Mary-Jane O'Neill", "Mary-Jane O'Neill"),
        ("By ELAINE KOVACS Meridian Press", "Elaine Kovacs"),
        ("By MARY-JANE O'NEILL", "Mary-Jane O'Neill"),
        ("By MARY-JANE O'NEILL FOR THE DAILY LANTERN", "Mary-Jane O'Neill"),
        ("By FIONA MacAULAY", "Fiona MacAulay"),  # a Scottish surname in capitals keeps its own capital
        ("By SEAN McGRATH Health Reporter", "Sean McGrath"),
        ("By 2030 the council expects demand to double", None),
        ("By contrast, the NHS said it would act.", None),
        ("By March, councils must publish their plans.", None),
        ("Posted by admin", None),
        ("By Ruth Abernathy, senior fellow in health policy", "Ruth Abernathy"),
        ("Words by Kit Barnard, second-year children's nursing student", "Kit Barnard"),
        ("By Kit Barnard, who has worked as a district nurse for twenty years in the north.", None),
        ("Hosted by Dilys Morgan", "Dilys Morgan"),
        ("Show notes by Dilys Morgan.", "Dilys Morgan"),
        ("Written by Kit Barnard and the Ashbury Voices news team", "Kit Barnard"),
        ("By Kit Barnard and agencies", "Kit Barnard"),
        ("By Kit Barnard and the trust said it would act", None),
        ("Presented by Dilys Morgan and Owen Tate", "Dilys Morgan and Owen Tate"),
        ("Live reporting by Hannah Corrigan and Tomos Reece", "Hannah Corrigan and Tomos Reece"),
        ("Reporting by Jack Penhaligon", "Jack Penhaligon"),
        ("By Meridian News Agency reporter", None),
        ("By Press Association reporter", None),
        ("By SVTV News reporter Lucy Ferndale", "Lucy Ferndale"),
        ("By Gazette health correspondent Ann Lee", "Ann Lee"),
        ("By Political Editor Sam Coates", "Sam Coates"),
    ],
)
def test_byline(line: str, expected: str | None) -> None:
    assert byline(line) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["08 June 2022"], date(2022, 6, 8)),
        (["By Jane Doe", "8th June 2022"], date(2022, 6, 8)),
        (["June 8, 2022"], date(2022, 6, 8)),
        (["11.08.17"], date(2017, 8, 11)),
        (["Posted on 24/07/2018 by Jane Doe"], date(2018, 7, 24)),
        (["Published: 2022-06-08"], date(2022, 6, 8)),
        (["Date: 2022-06-08T10:00:00Z"], date(2022, 6, 8)),
        (["Tue, 14 Nov 2023 09:00:00 GMT"], date(2023, 11, 14)),
        (["Last updated: 3rd March 2021"], date(2021, 3, 3)),
        (["Last updated: 9 June 2022", "Published: 8 June 2022"], date(2022, 6, 8)),
    ],
)
def test_published_from_header_lines(header: list[str], expected: date) -> None:
    assert meta(HEADLINE, *header, *BODY).published == expected


def test_published_ignores_dates_in_the_body() -> None:
    body = [
        "In June 2022 the council agreed to review its day services, and on 8 June 2022 it published a plan.",
        "It hopes all centres will be running at full capacity by 2030, the report dated 01/02/2023 says.",
    ]
    assert meta(HEADLINE, *body).published is None


def test_published_ignores_dates_in_comments() -> None:
    comments = [
        "3 comments",
        "Pat Hughes",
        "14/03/2023 at 09:12",
        "About time too, frankly, after all these years.",
    ]
    assert meta(HEADLINE, *BODY, *comments).published is None


@pytest.mark.parametrize(
    "row", ["August 13, 2020 | Written by Eddie Dube", "Comment · 13 August 2020 · 4 min read", "13/08/2020 - Opinion"]
)
def test_published_from_a_field_of_a_header_row(row: str) -> None:
    assert meta(HEADLINE, row, *BODY).published == date(2020, 8, 13)


def test_published_from_a_labelled_footer_line() -> None:
    assert meta(HEADLINE, *BODY, "First published: 8 June 2022").published == date(2022, 6, 8)


def test_a_page_whose_only_date_is_its_last_update_at_the_foot_is_dated_by_it() -> None:
    """A council's news page may carry no date but "Page last updated" far below, past its share and related links."""
    foot = ["ENDS", "Share this page", "Facebook", "Related pages", "Support for carers", "Was this page helpful?",
            "Yes", "No", "Page last updated: 9 March 2026", "Contact the council"]
    assert meta(HEADLINE, *BODY, *foot).published == date(2026, 3, 9)
    assert meta(HEADLINE, "Published 2 March 2026", *BODY, *foot).published == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["By Wilma Eckersley"], "Wilma Eckersley"),
        (["By Jane Doe, Health Correspondent", "08 June 2022"], "Jane Doe"),
        (["Posted on 24/07/2018 by Jane Doe"], "Jane Doe"),
        (["Author: Sam Li"], "Sam Li"),
        (["Written by Kit Barnard", "4 min read"], "Kit Barnard"),
        (["Tom Ashdown", "Published: 2022-06-09T07:45:00+01:00"], "Tom Ashdown"),
        (["12 May 2021", "Ruth Mwangi"], "Ruth Mwangi"),
        (["Ruth Mwangi | 12 May 2021"], "Ruth Mwangi"),
        (["Ruth Mwangi  12 May 2021"], "Ruth Mwangi"),
        (["Ruth Mwangi 12 May 2021"], "Ruth Mwangi"),
        (["12 May 2021 Ruth Mwangi"], "Ruth Mwangi"),
        (["Last Updated 12 May 2021"], None),
        (["August 13, 2020 | Written by Eddie Dube"], "Eddie Dube"),
        (["12 March 2021 — Ruth Mwangi, Health Reporter"], "Ruth Mwangi"),
        (["Home | News | Ruth Mwangi"], None),
        (["Thursday 12 May 2021"], None),
        (["By Staff Reporter"], None),
        (["Posted by admin on 12/05/2021"], None),
        (["08 June 2022"], None),
    ],
)
def test_author(header: list[str], expected: str | None) -> None:
    assert meta(HEADLINE, *header, *BODY).author == expected


def test_no_author_without_a_byline() -> None:
    assert meta("Ashcombe Gazette", HEADLINE, *BODY).author is None
    assert meta("Ashcombe Gazette", HEADLINE, "By Meridian News Agency reporter", *BODY).author is None


@pytest.mark.parametrize("lines", [("Kit Barnard", HEADLINE), (HEADLINE, "Kit Barnard")])
def test_author_named_on_the_line_beside_the_headline(lines: tuple[str, str]) -> None:
    assert meta("Ashcombe Gazette", *lines, *BODY).author == "Kit Barnard"


@pytest.mark.parametrize("line", ["FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL THE MORNING", "NEWS FROM THE TRUST"])
def test_a_capitalised_press_release_line_beside_the_headline_is_no_author(line: str) -> None:
    assert meta("Ashcombe Carers Trust", line, HEADLINE, *BODY).author is None


def test_name_line_away_from_headline_and_dates_is_not_an_author() -> None:
    assert meta("Kit Barnard", "Ashcombe Gazette", "Home | News", HEADLINE, *BODY).author is None


@pytest.mark.parametrize("job", [
    "Social affairs editor", "Health reporter", "Senior Correspondent", "Parliamentary sketchwriter",
    "Television critic",
])
def test_author_is_a_name_line_over_a_job_title_line(job: str) -> None:
    """A byline of two lines, the name over the job, with a caption line between it and the headline."""
    lines = [HEADLINE, "The Ashcombe centre on Mill Lane. Photograph: Kit Barnard", "Lena Okoye", job]
    assert meta("Ashcombe Gazette", *lines, "Tue 4 Jun 2024 10.05 BST", *BODY).author == "Lena Okoye"


@pytest.mark.parametrize("by", ["By", "Posted by", "Written by:"])
def test_a_by_line_of_its_own_names_the_writer_below_it_not_their_job(by: str) -> None:
    lines = [HEADLINE, by, "Lena Okoye", "Campaigns and Policy Manager", "4 June 2024"]
    assert meta("Ashcombe Carers Trust", *lines, *BODY).author == "Lena Okoye"


@pytest.mark.parametrize("writer", ["Ellen Brannigan", "Keira Mallon", "Finn Gallagher"])
def test_a_headline_over_its_standfirst_and_a_common_given_names_byline_beats_a_donation_appeal(writer: str) -> None:
    headline = "Waiting lists are the longest in the country. Can a new surgical hub in Drumcullen cut them?"
    lines = ["Support the Courier", "Fund independent journalism with £5 per month", "Support us", "Sign in",
             "The Courier", "News", "Health", "Tue 12 Mar 2024 09.14 GMT", headline,
             "Ministers hope a £30m day surgery centre in Drumcullen will cut waits of up to five years, but surgeons "
             "warn that without more staff it will simply move the queue from one building to another",
             writer, "Health correspondent", "A patient waiting for a hip replacement. Photograph: Courier"]
    body = ["Rosa Keane keeps a calendar on her kitchen wall in Drumcullen with a cross for every month she has been "
            "waiting for a new hip. There are 49 of them.", "",
            "Surgeons say the centre will need forty more staff to open all of its theatres, and none has been hired."]
    found = meta(*lines, "", *body)
    assert (found.title, found.author) == (headline, writer)


def test_a_name_over_a_line_that_is_no_job_title_is_not_an_author() -> None:
    lines = [HEADLINE, "The Ashcombe centre on Mill Lane. Photograph: Kit Barnard", "Lena Okoye", "Town hall"]
    assert meta("Ashcombe Gazette", *lines, *BODY).author is None


@pytest.mark.parametrize(
    ("header", "footer", "expected"),
    [
        ([], ["Source: Northgate Care Review"], "Northgate Care Review"),
        ([], ["© 2021 Hillside Health Media Ltd. All rights reserved."], "Hillside Health Media Ltd"),
        ([], ["Copyright 2019 Carers Digest"], "Carers Digest"),
        (
            [],
            ["Carers Digest is the publication for family carers and the people who support them."],
            "Carers Digest",
        ),
        ([], ["Care Weekly Online is a trading name of Hollin Media Ltd."], "Care Weekly Online"),
        (["Ashfield Gazette"], [], "Ashfield Gazette"),
        (["The HCJ"], [], "The HCJ"),
        (["Kindred Care Trust - News"], [], "Kindred Care Trust"),
        (["Home | News | Care", "Ashfield Gazette", "Ashfield's paper since 1888."], [], "Ashfield Gazette"),
        (["Kindred Care Trust"], ["© 2024 Kindred Care Trust"], "Kindred Care Trust"),
        (
            [],
            ["ENDS", "About Kindred Care Trust", "Kindred Care Trust is a charity supporting older people."],
            "Kindred Care Trust",
        ),
        (
            [],
            ["Notes to editors", "Kindred Care Trust is the largest charity for older people in the region."],
            "Kindred Care Trust",
        ),
    ],
)
def test_publisher(header: list[str], footer: list[str], expected: str) -> None:
    assert meta(*header, HEADLINE, *BODY, *footer).publisher == expected


def test_publisher_from_title_suffix_and_title_without_it() -> None:
    found = meta(f"{HEADLINE} | Ashcombe Echo", *BODY)
    assert found.publisher == "Ashcombe Echo"
    assert found.title == HEADLINE
    dashed = meta(f"{HEADLINE} - Midshire News", *BODY)
    assert (dashed.title, dashed.publisher) == (HEADLINE, "Midshire News")
    sectioned = meta(f"{HEADLINE} - Kindred Care Trust - News", *BODY)
    assert (sectioned.title, sectioned.publisher) == (HEADLINE, "Kindred Care Trust")


def test_dash_in_a_headline_is_not_a_site_suffix() -> None:
    headline = "Care homes - the crisis nobody wants to talk about"
    found = meta(headline, *BODY)
    assert (found.title, found.publisher) == (headline, None)


def test_publisher_signals_that_agree_beat_a_single_one() -> None:
    found = meta(
        "Ashfield Gazette", HEADLINE, *BODY, "© 2023 Ashfield Gazette Ltd", "Source: Press Association"
    )
    assert found.publisher == "Ashfield Gazette"


@pytest.mark.parametrize("label", ["News & Social Media", "Latest News", "Press and Events", "Blog"])
def test_menu_label_above_the_headline_is_not_the_publisher(label: str) -> None:
    assert meta("Cookie Consent", label, HEADLINE, "Posted on 24/07/2018 by", *BODY).publisher is None


def test_organisation_quoted_in_the_body_is_not_the_publisher() -> None:
    body = [*BODY, "“We are pleased,” said Care Forward, which represents providers in the county."]
    assert meta(HEADLINE, *body).publisher is None


def test_title_skips_site_name_navigation_crumbs_and_dates() -> None:
    found = meta("Ashcombe Gazette", "Home > News > Health", "Tue, 14 Nov 2023 09:00:00 GMT", HEADLINE, *BODY)
    assert found.title == HEADLINE


def test_nothing_known_stays_none() -> None:
    assert meta(*BODY) == Metadata()


# --- the sample articles -------------------------------------------------------------------------

SEED_METADATA = {
    "000_marlshire_care_homes_csw.txt": Metadata(
        "Marlshire to close three council care homes as repair bill tops £14m",
        date(2022, 6, 8),
        "Jane Holloway",
        "Care Sector Weekly",
    ),
    "001_beechfield_house_courier.txt": Metadata(
        "Families vow to fight closure of Beechfield House care home",
        date(2022, 6, 9),
        "Tom Ashdown",
        "Wexcombe Courier",
    ),
    "002_homecare_hours_press_release.txt": Metadata(
        "Homecare providers warn of 'hidden waiting list' as care hours go unfilled",
        None,
        None,
        "Homecare Providers Network",
    ),
    "003_social_work_vacancies_lsj.txt": Metadata(
        "Councils report record vacancy rates in social work teams",
        date(2017, 8, 11),
        "Samuel Okafor",
        "Local Services Journal",
    ),
    "004_discharge_scheme_trust_news.txt": Metadata(
        "New scheme helps patients leave hospital days sooner",
        date(2018, 7, 24),
        "Ruth Mwangi",
        "Kestrel Valley NHS Foundation Trust",
    ),
    "005_international_recruitment_cwt.txt": Metadata(
        "Care providers fear overseas recruitment rules will deepen staff shortages",
        date(2023, 11, 14),
        "Owen Pritchard",
        "Care Workforce Today",
    ),
}


@pytest.mark.parametrize("name", sorted(SEED_METADATA))
def test_seed_metadata(name: str) -> None:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    assert extract_metadata(raw, clean(raw)) == SEED_METADATA[name]


def test_seeds_are_all_covered() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(SEED_METADATA)


# --- properties ----------------------------------------------------------------------------------

HEADER_PIECES = [
    *("By ", "Posted on ", "Source: ", "© ", "About ", "ENDS", "Jane Doe", "08 June 2022", "11.08.17"),
    *(" - ", " | ", "“", '"', "2022-06-08T10:00:00Z", "Care Weekly", "is the publication for "),
]
header_pieces = st.sampled_from([*HEADER_PIECES, "\n", "\n\n", "\x00"])


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(st.one_of(header_pieces, st.text(max_size=8)), max_size=40).map("".join))
)
def test_extract_metadata_never_crashes(raw: str) -> None:
    found = extract_metadata(raw, clean(raw))
    assert found.published is None or isinstance(found.published, date)
    for value in (found.title, found.author, found.publisher):
        assert value is None or (isinstance(value, str) and value.strip())


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_date_never_crashes(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), date)


def test_a_first_published_line_between_the_last_paragraphs_dates_the_article() -> None:
    found = meta("Ashcombe Gazette", HEADLINE, "By Lena Okoye", "2 days ago", *BODY,
                 "First published: Monday 30 November 2026, 18:05",
                 "Lena Okoye is a Local Democracy Reporter covering Ashcombe Council for the Gazette.")
    assert found.published == date(2026, 11, 30)


def test_a_labelled_date_at_the_foot_beats_the_sites_date_banner_at_the_top() -> None:
    found = meta("Thursday 13 February 2026", "Ashcombe Gazette", HEADLINE, "By Lena Okoye", "2 days ago", *BODY,
                 "First published: 11 February 2026, 23:48")
    assert found.published == date(2026, 2, 11)


def test_a_published_line_under_a_standfirst_paragraph_dates_the_article() -> None:
    standfirst = "Our latest report finds three in five people struggled to get through to their practice at 8am."
    found = meta("Healthwatch Ashcombe", HEADLINE, standfirst, "Published: 18 January 2024", *BODY)
    assert found.published == date(2024, 1, 18)


@pytest.mark.parametrize(
    "line",
    ["South East", "Mid & West Wales", "West Midlands", "East Anglia", "Share Download PDF",
     "Commons Select Committee"],
)
def test_a_region_or_a_row_of_buttons_beside_the_headline_is_no_author(line: str) -> None:
    assert meta("Ashcombe Gazette", line, HEADLINE, "3 November 2023", *BODY).author is None


def test_a_byline_under_the_standfirst_names_the_author() -> None:
    standfirst = (
        "The former chief executive of a rural care board looks back on three decades in health and social "
        "care, and says what she would tell ministers now."
    )
    found = meta("Westcombe Health Foundation", "Podcast", HEADLINE, "Episode 112 · 27 February 2026 · 42 min",
                 standfirst, "Interview by Priya Nandakumar", *BODY)
    assert found.author == "Priya Nandakumar"


@pytest.mark.parametrize("entry", [
    "This entry was posted in News and tagged surgery, people on 28 June 2026 by Sue Marchant.",
    "This entry was posted on Sunday, June 28th, 2026 at 7:42 pm and is filed under Health.",
])
def test_a_blogs_entry_line_under_the_article_dates_it(entry: str) -> None:
    footer = [entry, "3 Responses", "Jim", "29 June 2026 at 7:12 pm", "Lovely party."]
    assert meta("Ashcombe Vale Voice", HEADLINE, *BODY, *footer).published == date(2026, 6, 28)


@pytest.mark.parametrize("tags", ["surgery", "hospital radio, Penford District Hospital, Radio Riverside, volunteers"])
def test_a_blogs_entry_line_names_its_writer_however_many_tags_come_before(tags: str) -> None:
    entry = f"This entry was posted in Community, Health and tagged {tags} on 28 June 2026 by Sue Marchant."
    assert meta("Ashcombe Vale Voice", HEADLINE, *BODY, entry, "Proudly powered by WordPress").author == "Sue Marchant"


def test_a_posted_date_below_the_article_dates_it_but_a_readers_comment_does_not() -> None:
    footer = ["Related content", "Councils warn of a cliff edge as fees rise", "Posted: 30 November 2026",
              "Tags: adult social care, funding"]
    assert meta("The Municipal Review", HEADLINE, *BODY, *footer).published == date(2026, 11, 30)
    comments = ["Comments (2)", "Posted: 2 December 2026", "I agree with every word of this."]
    assert meta("The Municipal Review", HEADLINE, *BODY, *comments).published is None
    # right under the article, "Posted on … by …" is its own credit (every such line on the bench pages is); a
    # reader's post further down is not
    signed = ["Posted on 3 December 2026 by Jim Reader"]
    found = meta("The Municipal Review", HEADLINE, *BODY, *signed)
    assert (found.published, found.author) == (date(2026, 12, 3), "Jim Reader")
    reader = ["Share this article", "Great news for the families.", "Posted on 3 December 2026 by Jim Reader"]
    assert meta("The Municipal Review", HEADLINE, *BODY, *reader).published is None


@pytest.mark.parametrize(("dateline", "other", "want"), [
    ("By Hank Delgado - 02/09/23 4:47 PM ET", "", date(2023, 2, 9)),  # an American time zone
    ("Updated 10/07/2016", "It ran in print on Sept. 23, 2016.", date(2016, 10, 7)),  # American dates
    ("02/09/2023", "", date(2023, 9, 2)),  # a British page: day first
    ("02/09/2023", "The trust bought 5 CT scanners by 10:30 on Monday.", date(2023, 9, 2)),  # "CT" is no zone here
    ("02/09/2023", "Sept. 23, 2016 and 23 September 2016 both appear.", date(2023, 9, 2)),  # British wins a tie
    ("09/02/2024", "The board will meet in public on February 27.", date(2024, 2, 9)),  # one such day: UK style too
    ("12/06/2025", "The rules came into force on Monday (June 9).", date(2025, 6, 12)),
])
def test_numeric_dates_are_read_in_the_order_the_page_writes_dates(dateline: str, other: str, want: date) -> None:
    assert meta(HEADLINE, dateline, *BODY, *([other] if other else [])).published == want


def test_a_name_and_role_beside_a_relative_date_is_the_byline() -> None:
    standfirst = "Members of the union voted by 78% to reject the government's offer of a 5% pay award this year"
    found = meta("Clinical Nurse Weekly", HEADLINE, standfirst, "Tomasz Wierzbicki, news reporter", "2 days ago",
                 *BODY)
    assert found.author == "Tomasz Wierzbicki"


def test_an_american_page_with_month_first_days_reads_its_numeric_date_month_first() -> None:
    body = [*BODY[:2], "The person visited the mall between 2 and 5 p.m. on May 31 and a pharmacy on June 1."]
    found = meta(HEADLINE, "Compiled by Dana Whitfield, Courier staff", "Posted 6/7/2022 5:42 PM", *body)
    assert (found.published, found.author) == (date(2022, 6, 7), "Dana Whitfield")
    british = meta(HEADLINE, "Posted 6/7/2022", *BODY[:2], "The pharmacy was visited on 31 May and on 1 June.")
    assert british.published == date(2022, 7, 6)


@pytest.mark.parametrize(("banner", "dateline", "want"), [
    ("Friday, September 13, 2024", "12/09/2024", date(2024, 9, 12)),  # 9 December would be after the page's today
    ("Friday, December 13, 2024", "12/09/2024", date(2024, 12, 9)),  # both before it: the page's way, month first
])
def test_a_numeric_date_is_never_read_into_a_day_after_the_pages_today_banner(banner: str, dateline: str,
                                                                             want: date) -> None:
    assert meta("Tansford Mercury", banner, "Home", "News", "Court", dateline, HEADLINE, *BODY).published == want


def test_a_british_article_under_a_comment_thread_stamped_month_first_reads_its_date_day_first() -> None:
    body = [*BODY[:2], "Drop-in sessions will be held on Tuesday 16 June at the community centre."]
    comments = ["7 thoughts on “Care home to close”", "Bev_K", "June 3, 2026 at 9:14 pm", "Disgraceful.", "Reply",
                "Andy T", "June 3, 2026 at 10:02 pm", "Not everyone has a car.", "Reply"]
    found = meta(HEADLINE, "03/06/2026", *body, *comments)
    assert found.published == date(2026, 6, 3)


def test_a_month_ending_one_list_line_and_the_next_lines_number_are_no_american_date() -> None:
    """"… to last until June" above "2. Bakery closes" is no "June 2": the page's 09/02/2026 is 9 February."""
    found = meta(HEADLINE, "09/02/2026 17:30", *BODY, "Most Read", "1. Roadworks on the A612 to last until June",
                 "2. Popular Market Street bakery announces closure")
    assert found.published == date(2026, 2, 9)


def test_a_writer_signing_off_above_the_share_buttons_is_the_author() -> None:
    assert meta(HEADLINE, "03/06/2026", *BODY, "Jo Pike", "Share this:", "Facebook", "WhatsApp").author == "Jo Pike"


def test_a_writer_signing_off_with_their_job_above_the_share_buttons_is_the_author() -> None:
    found = meta(HEADLINE, "03/06/2026", *BODY, "Naomi Fairweather", "Head of Policy and Campaigns", "Share this page",
                 "Facebook")
    assert found.author == "Naomi Fairweather"


@pytest.mark.parametrize("below", [
    ["Dawn Ashworth", "Reporter", "First published: Wednesday 21 January 2026", "Most read"],
    ["Dawn Ashworth", "Dawn writes about health and the parish council for the Eye. Got a story? Email her.",
     "Comments"],
    ["Best wishes,", "Dawn Ashworth", "Chief Executive", "Dates for your diary"],
    ["Dawn Ashworth, Branch Secretary", "Share: Facebook | X | WhatsApp"],
    ["Dawn Ashworth", "Health Reporter", "Read More", "Firefighters raise £12,000 for children's ward"],
    ["Dawn Ashworth", "Chief Reporter", "Comments", "Our comments are moderated."],
    ["Dawn Ashworth, Newsletter Editor", "‹ Previous: Chairman's welcome", "Next: Dates for your diary ›"],
    ["Dawn Ashworth", "« Older posts"],
])
def test_a_writer_named_under_the_article_over_a_date_a_bio_or_after_a_sign_off_is_the_author(below: list[str]) -> None:
    assert meta(HEADLINE, *BODY, *below).author == "Dawn Ashworth"


def test_a_name_under_the_last_paragraph_that_is_not_a_sign_off_is_no_author() -> None:
    assert meta(HEADLINE, "03/06/2026", *BODY, "Jo Pike", "Disgraceful decision.", "Reply").author is None


@pytest.mark.parametrize(
    ("above", "below"),
    [
        ([HEADLINE, "3 hrs ago"], ["Most read", "Article published 18 June 2025 · Last modified 19 June 2025"]),
        ([HEADLINE, "2 days ago"], ["Related news", "Filed under: Reports, Hospital discharge | 18 June 2025"]),
        (["ashcombenews.co.uk › news › 2025 › 06 › 18 › day-centres-reopen", HEADLINE], []),
    ],
)
def test_a_page_that_dates_its_article_only_at_its_foot_or_in_its_address_gives_that_date(
    above: list[str], below: list[str]
) -> None:
    assert meta(*above, *BODY, *below).published == date(2025, 6, 18)


@pytest.mark.parametrize(
    "lines",
    [
        ["Harriet Ambrose-Kaye, Senior Reporter", "harriet.ambrose-kaye@npreview.co.uk", "12/09/2023"],
        ["Marcus Tiernan, Social Affairs Editor", "3 comments"],
    ],
)
def test_a_name_with_a_journalists_job_is_the_byline(lines: list[str]) -> None:
    standfirst = "Directors say short-term grants force them to set fees a year at a time, so providers cannot plan"
    assert meta(HEADLINE, standfirst, *lines, *BODY).author == lines[0].split(",")[0]


def test_a_newsletter_is_published_under_its_masthead_not_its_writers_copyright() -> None:
    found = meta("The Integrated Care Brief", "Subscribe", "Sign in", HEADLINE, "Tobias Wren", "Mar 04, 2025", *BODY,
                 "12 Comments", "© 2025 Tobias Wren", "Privacy ∙ Terms")
    assert (found.publisher, found.author) == ("The Integrated Care Brief", "Tobias Wren")


def test_dates_under_related_stories_are_not_the_articles_date() -> None:
    related = ["Related stories", "Ambulance chiefs warn of winter", "Published 3 December 2025",
               "Hospital parking charges scrapped", "Published 18 November 2025"]
    assert meta(HEADLINE, "11 February 2026", *BODY, *related).published == date(2026, 2, 11)


def test_a_related_storys_date_without_a_year_still_makes_the_dates_under_the_article_a_list() -> None:
    related = ["More on this story", "Ambulance chiefs warn of winter", "Published 3 January",
               "Hospital parking charges scrapped", "Published 18 November 2025"]
    assert meta(HEADLINE, "11 February 2026", *BODY, *related).published == date(2026, 2, 11)


def test_the_date_right_under_the_headline_beats_one_related_storys_labelled_date_at_the_foot() -> None:
    related = ["More on this story", "Ambulance chiefs warn of winter", "Published 3 December 2025"]
    assert meta(HEADLINE, "11 February 2026", "Updated 12 February 2026", *BODY, *related).published == date(
        2026, 2, 11)


def test_a_blogs_posted_in_line_under_its_posted_on_line_leaves_the_date() -> None:
    foot = ["Posted by Jan Hemsley on 28 September 2025", "Posted in Community News, Health | Tagged hospital radio",
            "Leave a Reply"]
    assert meta(HEADLINE, *BODY, *foot).published == date(2025, 9, 28)


def test_a_letter_to_the_paper_is_by_and_dated_under_its_writers_name_and_town() -> None:
    found = meta("Opinion", "Letters", f"Letter: {HEADLINE}", *BODY, "Gwen Hartley", "Upper Brackwell",
                 "Tuesday, 9 June 2026", "Have your say", "Letters should be no more than 300 words.", "More letters")
    assert (found.author, found.published) == ("Gwen Hartley", date(2026, 6, 9))


def test_a_last_line_saying_where_the_article_first_appeared_dates_it() -> None:
    last = "This article first appeared in the Town Hall Review daily bulletin on 26 January 2026."
    assert meta(HEADLINE, "2 days ago", *BODY, last, "Most read").published == date(2026, 1, 26)


def test_a_charitys_own_news_page_is_published_by_the_charity_it_names() -> None:
    body = ["Two in five unpaid carers have not had a day off in a year, according to research published today by "
            "Carers Compass.", "Carers Compass chief executive Olwen Ashworth said carers were exhausted.",
            "The survey of 3,600 carers was carried out over the summer."]
    found = meta("Carers Compass", "Get help   Our work   Get involved   News   Donate", HEADLINE,
                 "Posted by Hannah Ibbotson on 22 September 2024", *body, "Privacy   Cookies   Accessibility")
    assert found.publisher == "Carers Compass"


def test_a_menu_item_is_no_author_but_a_name_with_a_correspondents_job_is() -> None:
    found = meta("The Valleys Echo", "News", "Sport", "What's On", "Business", HEADLINE,
                 "Carys Meredith Health Correspondent", "06:00, 12 MAR 2024", *BODY)
    assert found.author == "Carys Meredith"
    menu = "Home | UK | World | Politics | Health | Science | In Pictures"
    found = meta("NBS News", menu, "Health", HEADLINE, "Published 17 February 2025", "Share", "Marcus Delaney-Hart",
                 "Health correspondent, NBS Midlands", *BODY)
    assert found.author == "Marcus Delaney-Hart"


def test_a_headline_opening_with_a_body_and_its_chief_is_the_headline_not_a_byline() -> None:
    headline = "Silverbirch Living chief apologises as Wrenmouth council reviews all its placements"
    found = meta(headline, "18 April 2026", *BODY)
    assert (found.title, found.author) == (headline, None)


def test_a_menu_row_over_a_desk_name_is_no_byline_but_a_name_over_its_job_at_the_outlet_is() -> None:
    found = meta("Vale & Coast", "Home", "News", "Sport", "Top Stories", "Local", "Health", HEADLINE,
                 "21 November 2026", "Share", "Laura Pennington", "Health correspondent, Vale & Coast News", *BODY)
    assert found.author == "Laura Pennington"


def test_two_places_joined_by_and_in_a_bodys_logo_are_no_author() -> None:
    found = meta("NHS", "Harrowfield and Dunmere", "Integrated Care Board", "Home", "News", HEADLINE,
                 "3 February 2026", *BODY)
    assert found.author is None


def test_a_breadcrumb_ending_in_a_shortened_headline_is_not_the_headline() -> None:
    crumb = "Home / News / Day centres reopen as council…"
    assert meta("Skip to main content", crumb, HEADLINE, "3 February 2026", *BODY).title == HEADLINE


def test_a_journals_citation_line_dates_the_article_and_the_name_above_the_place_is_its_writer() -> None:
    citation = "BCJ 2026; 379 doi: https://doi.org/10.5555/bcj.q1187 (Published 19 May 2026)"
    found = meta("The British Clinical Journal", "News", HEADLINE, citation, "Cite this as: BCJ 2026;379:q1187",
                 "Article", "Metrics", "Responses", "Owen Dacre", "London", *BODY)
    assert (found.published, found.author) == (date(2026, 5, 19), "Owen Dacre")


def test_the_date_by_the_byline_wins_over_a_today_banner_above_the_masthead() -> None:
    found = meta("Harrowdale Courier", "Thursday 7 May 2026", "Harrowdale 14°C", "Home | News | Sport", HEADLINE,
                 "Owen Pritchard", "Chief Reporter", "Tuesday 5 May 2026, 6:00am", *BODY)
    assert found.published == date(2026, 5, 5)


def test_an_updated_field_beside_the_filing_time_is_not_the_publication_date() -> None:
    found = meta(HEADLINE, "18/02/2025", "Filed 16:48 | Updated 19/02/2025 08:05", *BODY)
    assert found.published == date(2025, 2, 18)


@pytest.mark.parametrize(("header", "author"), [
    # the reporters under the headline, the live feed's editor further down
    (["Hannah Corrigan and Tomos Reece", "Monday 30 November 2026", "Live Reporting", "Edited by Lucy Bryant"],
     "Hannah Corrigan and Tomos Reece"),
    # only the editor is named: the page is theirs
    (["Monday 30 November 2026", "Live Reporting", "Edited by Lucy Bryant"], "Lucy Bryant"),
    # a reporter credited inside the feed, below the editor's line, is one of the feed's contributors
    (["Monday 30 November 2026", "Edited by Lucy Bryant", "Hayley Burt, Health reporter"], "Lucy Bryant"),
])
def test_a_live_pages_editor_is_its_author_unless_its_reporters_stand_above(header: list[str], author: str) -> None:
    assert meta(HEADLINE, *header, *BODY).author == author


def test_the_sites_own_name_at_the_top_is_not_a_story_pages_author() -> None:
    found = meta("Steady Ground", "Mental health support for young people", "Get help now", HEADLINE,
                 "Posted in News and stories · 18 November 2026", "Words by the Steady Ground stories team", *BODY,
                 "Share this story", "© Steady Ground 2026")
    assert (found.publisher, found.author) == ("Steady Ground", None)


def test_a_blogs_credit_line_under_the_article_gives_its_author_and_date() -> None:
    raw = "\n".join([
        "Fenway Eye", "Home", "Council", "« Older post | Main | Newer post »",
        "Councillors back day centre closures after packed meeting",
        "Three of Fenway's four day centres will close next year after councillors voted through the plans on "
        "Thursday evening in front of a packed public gallery.",
        "The council says the changes will save £1.1m a year and that attendance has fallen by a third.",
        "Families said the consultation had been rushed and that the journeys to the remaining centre were too long.",
        "Posted by Dev Malik on 27 November 2026 in Council, Health and social care | Permalink",
        "Comments", "Jan W said...", "Posted by Jan W on 28 November 2026", "Well done to the families.",
    ])
    found = extract_metadata(raw, clean(raw))
    assert (found.author, str(found.published)) == ("Dev Malik", "2026-11-27")


@pytest.mark.parametrize("share", ["Share on Facebook", "Click to share on X/Twitter (Opens in new window)"])
def test_a_name_line_over_the_share_buttons_is_the_author(share: str) -> None:
    raw = "\n".join([
        "The Sentinel", "Opinion", "Tuesday 1 December 2026 06.00 GMT", "Social care",
        "We keep asking care workers to be heroes. It is time we paid them like professionals",
        "Another winter, another emergency fund. Until ministers fix the workforce, every plan is built on sand",
        "Frances Lyle", share, "Share via Email", "Comments (1,204)",
        "At 6.45am on a wet Thursday in October I sat in a small car outside a bungalow with a woman called Shona.",
        "Shona is a home care worker. She is 52, has done the job for 14 years, and is paid £12.60 an hour.",
        "She is not paid for the time she spends driving between visits, which can be two hours a day.",
    ])
    assert extract_metadata(raw, clean(raw)).author == "Frances Lyle"


def test_a_closing_date_line_beside_its_last_updated_line_dates_the_article() -> None:
    footer = ["Date published: 19 November, 2026", "Date last updated: 20 November, 2026", "Share this page"]
    assert meta("NHS England", HEADLINE, *BODY, *footer).published == date(2026, 11, 19)


def test_a_name_and_job_between_pipes_under_the_headline_is_the_author() -> None:
    found = meta("The Ashgrove Institute", "Home / Blog / Social care", HEADLINE,
                 "Ruth Okonkwo | Communications and Events Manager", *BODY)
    assert found.author == "Ruth Okonkwo"


def test_a_name_line_saying_where_the_writer_files_from_over_the_date_is_the_author() -> None:
    found = meta(HEADLINE, "Series A round values the start-up at about £90mn", "Oliver Brantwood in London",
                 "Published March 24 2026", *BODY)
    assert found.author == "Oliver Brantwood"


def test_a_masthead_that_reads_like_a_name_and_job_gives_way_to_the_byline_under_the_headline() -> None:
    raw = ("Pharmacist Bench\nThe business of community pharmacy\nLog in\nSubscribe\nNews\nClinical\nBusiness\n"
           "Pharmacies told to expect more shortages until the summer\nMaria Kowalska\nNews editor\n4 May 2026\n"
           "Share\n\n"
           "Wholesalers say supplies of several common medicines will stay short until at least the summer, and "
           "pharmacists report spending hours each day finding stock for their patients.\n\n"
           "The Pharmacist Bench survey of 400 owners found most had turned a patient away in the past month. Owners "
           "said they were calling other branches and surgeries several times a day to find alternatives.\n\n"
           "© 2026 Pharmacist Bench. All rights reserved.\n")
    meta = extract_metadata(raw, clean(raw))
    assert (meta.author, meta.publisher) == ("Maria Kowalska", "Pharmacist Bench")


def test_a_bare_name_line_under_an_opinion_pieces_standfirst_is_its_byline_not_body() -> None:
    body = [
        "Every shift starts the same way. At quarter to seven I collect my radio from the lodge in the basement of "
        "the general hospital, check the job list on the screen, and drink a tea that has usually gone cold.",
        "Sometimes that is a patient going down for a scan. Sometimes it is a cylinder of oxygen, a bag of blood "
        "that needs to reach theatre in the next four minutes, or forty boxes of printer paper.",
        "I have done this job for 19 years. I started when I was 26, after the warehouse I worked in closed down, "
        "and I thought I would stay a year.",
    ]
    raw = "\n".join([
        "The Sentinel", "Support us", "Sign in", "News", "Opinion", "Working lives",
        "I have pushed hospital beds for 19 years. Nobody sees us, but nothing moves without us",
        "From the maternity unit to the mortuary, porters carry the hospital on their backs – and we learn a lot "
        "about people along the way",
        "Darren Fulwell", "", "\n\n".join(body),
    ])
    cleaned = clean(raw)
    assert extract_metadata(raw, cleaned).author == "Darren Fulwell"
    assert "Darren Fulwell" not in cleaned.body


def test_a_section_label_over_the_headline_is_not_the_author_the_byline_under_it_is() -> None:
    found = meta("The Forth Courier", "Sign in", "News", "Politics", "Scottish Politics", HEADLINE,
                 "Health Secretary says extra funding for care at home will ease the pressure on wards",
                 "Euan Baird", "Health Correspondent", "Wednesday 4 February 2026, 7:00am", *BODY)
    assert found.author == "Euan Baird"


def test_a_date_line_under_the_writers_bio_below_an_undated_article_dates_it() -> None:
    found = meta("The Sentinel", "Opinion", HEADLINE, *BODY, "Darren Fulwell is a porter at Kingsmead General",
                 "Sat 21 Mar 2026 09.00 GMT", "Share", "Most viewed", "Related: 2 March 2026 Porters vote to strike")
    assert found.published == date(2026, 3, 21)


def test_words_and_pictures_credit_is_the_byline_under_the_headline_not_a_pictures_caption() -> None:
    found = meta("The Fenwick Green Voice", "Your community, your news", "Home", "News", "Community",
                 "Sawdust and a cuppa: the shed helping Fenwick Green men to talk", "Words and pictures: Sam Orrell",
                 *BODY)
    assert (found.title, found.author) == ("Sawdust and a cuppa: the shed helping Fenwick Green men to talk",
                                           "Sam Orrell")


def test_a_blogs_name_over_its_tagline_is_the_publisher_but_a_call_to_support_is_not() -> None:
    blog = meta("Scrubs to Sunshine", "One nurse, one suitcase, one very long flight", "Home", "About me",
                HEADLINE, "Posted on 18 August 2025 by Megan Hollis", *BODY)
    assert blog.publisher == "Scrubs to Sunshine"
    paper = meta("Support the Sentinel", "Available for everyone, funded by readers", "News", "Opinion",
                 HEADLINE, "Posted on 18 August 2025 by Megan Hollis", *BODY)
    assert paper.publisher != "Support the Sentinel"


def test_a_section_label_over_a_desk_line_above_the_headline_gives_way_to_the_byline_under_it() -> None:
    found = meta("Westminster Bulletin", "Commons", "Lords", "Subscribe", "Westminster Hall", "Health and social care",
                 HEADLINE, "Members call for multi-year contracts and a national funding formula for hospices",
                 "Lucy Marchbank", "Parliamentary Correspondent", "22 January 2026", *BODY)
    assert found.author == "Lucy Marchbank"


def test_a_mastheads_home_link_text_is_no_part_of_the_publishers_name() -> None:
    found = meta("Skip to main content", "UK edition", "The Daily Ledger - Back to home", "News", "Opinion", "UK",
                 "World", HEADLINE, "Rachel Ambrose Health correspondent", "Thu 12 Feb 2026 00.01 GMT", *BODY)
    assert found.publisher == "The Daily Ledger"


def test_a_newsletter_signed_with_a_name_and_a_job_line_over_older_issues_is_by_the_signer() -> None:
    found = meta("Beacon Lane Surgery", "Winter newsletter", HEADLINE, *BODY, "Dr Imogen Ashworth",
                 "Senior partner, on behalf of the partners and staff at Beacon Lane Surgery", "Previous newsletters",
                 "Autumn newsletter 2025")
    assert found.author == "Dr Imogen Ashworth"


@pytest.mark.parametrize("line", [
    "Edited by Ruth Ansell, with reporting from Dev Banerjee and Hollie Ward",
    "By Ruth Ansell, with additional reporting by Sam Keighley",
])
def test_a_live_pages_editor_credited_with_other_reporters_is_the_author(line: str) -> None:
    assert byline(line) == "Ruth Ansell"


def test_a_name_over_its_writers_bio_under_an_opinion_standfirst_is_the_author() -> None:
    found = meta("Opinion", "After 11 inspections in 14 years, I still can't tell you what the CQC wants from us",
                 "Inspection should be about what residents experience, not how fast a manager finds a folder, argues "
                 "Bernadette Mullally", "Bernadette Mullally",
                 "Bernadette Mullally is registered manager of Larchfield House, a 48-bed nursing home in Kestwick",
                 "Share on LinkedIn", "Email this article", *BODY)
    assert found.author == "Bernadette Mullally"


def test_a_young_writer_credited_by_first_name_and_age_is_the_author() -> None:
    raw = page("Young carers' voices", HEADLINE, "Posted by Tilly, 16, young carer", "22 May 2026", *BODY)
    assert meta(raw).author == "Tilly"


def test_a_first_name_alone_in_a_byline_without_an_age_is_not_taken_for_a_person() -> None:
    raw = page(HEADLINE, "Posted by Admin", "22 May 2026", *BODY)
    assert meta(raw).author is None


def test_a_papers_section_label_named_again_in_its_footer_is_not_its_publisher() -> None:
    found = meta("Skip to main content", "Sign in", "Support us", "News", "Opinion", "Obituaries", "UK politics",
                 HEADLINE, *BODY, "Obituaries", "Letters", "© 2026 Meridian News & Media Limited. All rights reserved.")
    assert found.publisher is not None and "Meridian" in found.publisher


def test_a_blogs_this_entry_was_posted_line_under_the_post_names_its_author() -> None:
    found = meta("Hawkridge Matters", HEADLINE, *BODY,
                 "This entry was posted in Village News on 14 March 2026 by Jean Whitlock.", "Leave a Reply")
    assert found.author == "Jean Whitlock"


@pytest.mark.parametrize("row", ["Subscribe   Log in   Register", "Sign in   Register", "Log in | Subscribe"])
def test_a_sign_in_row_under_a_sites_tagline_is_no_byline_and_the_tagline_no_headline(row: str) -> None:
    found = meta("Skip to main content", "Care Weekly", "Day centres and care for older people", row, "News",
                 "Clinical", "Jobs", "Home › News › Councils", HEADLINE, "By Harriet Quarshie", "4 March 2026", *BODY)
    assert (found.title, found.author) == (HEADLINE, "Harriet Quarshie")


@pytest.mark.parametrize("caption", ["Ashcombe day centre on Chapel Lane (Image: Google Street View)",
                                     "The day centre closed in 2020 (Picture: PA)"])
def test_a_headline_over_a_caption_with_its_own_description_is_still_the_headline(caption: str) -> None:
    ticker = "BREAKING: Road closed after lorry sheds load on A417 near Pellbridge"
    found = meta("Ashcombe Gazette", "News", "Sport", ticker, "News › Local News › Ashcombe", HEADLINE, caption,
                 "By Tom Ellery", "10:15, 19 JAN 2026", *BODY)
    assert found.title == HEADLINE


def test_a_columns_with_name_line_under_its_headline_is_its_byline() -> None:
    found = meta("Ashcombe Gazette", "News", "Columns", "Columns › Out and About", "OUT AND ABOUT", HEADLINE,
                 "with Jean Tomkins", "Share this article", *BODY)
    assert (found.title, found.author) == (HEADLINE, "Jean Tomkins")


def test_a_guest_named_after_a_dash_in_an_episode_title_is_not_its_author() -> None:
    found = meta("Frontline Care Podcast", f"Episode 47: {HEADLINE} – with Grace Ndlovu", "12 March 2026", *BODY,
                 "Show notes by Leah Fordham.")
    assert found.author == "Leah Fordham"


def test_a_byline_and_date_over_a_page_set_in_narrow_columns_are_read() -> None:
    column = ("A FATHER of three who was declared fit\nto leave hospital spent 19 more days\non a ward because no "
              "home care could\nbe found for him, his daughter has\nsaid.\n")
    raw = ("Calderbridge Evening Star\nWednesday, November 13, 2024\nPATIENTS STUCK IN BEDS AS CARE RUNS DRY\n"
           "By MARK OYELARAN\nHealth Reporter\n" + column * 5)
    meta = extract_metadata(raw, clean(raw))
    assert (meta.author, meta.published) == ("Mark Oyelaran", date(2024, 11, 13))


@pytest.mark.parametrize("writer", ["Kirsty Lane", "Tom Street"])
def test_a_byline_whose_surname_is_also_a_street_word_names_the_writer(writer: str) -> None:
    assert meta("Ashcombe Gazette", "News", HEADLINE, f"By {writer}", "Reporter", "6th June 2025", *BODY).author \
        == writer


def test_a_street_named_on_a_line_under_the_headline_is_no_byline() -> None:
    assert meta("Ashcombe Gazette", HEADLINE, "By Station Road", "6th June 2025", *BODY).author is None


def _trail_page(trail: str) -> str:
    """A government press release whose breadcrumb trail, one section a line, names the lead's words."""
    return ("Skip to main content\nCymraeg\nGOV.EXAMPLE\nSearch\nMenu\n\n" + trail + "\n\nPress release\n"
            "New bursary to help unpaid carers with living costs\n"
            "Unpaid carers will receive an extra £400 a year towards their costs.\n\nFirst published: 15 July 2024\n\n"
            "The new bursary, announced today by the Cabinet Secretary for Care and Support, Jo Bell, will be paid "
            "to carers who look after someone for 35 hours a week or more.\n\n"
            "It is expected to benefit around 2,300 carers a year and is part of a £12m package for care and support."
            "\n\nRelated content\nCarers guidance\nCarers strategy 2024 to 2027\n\nCookies\nPrivacy")


def test_a_breadcrumb_trail_laid_out_one_section_a_line_under_home_is_no_headline_nor_masthead() -> None:
    raw = _trail_page("Home\nCare and support\nCarers")
    found = extract_metadata(raw, clean(raw))
    assert found.title == "New bursary to help unpaid carers with living costs"
    assert found.publisher != "Carers"


def test_a_magazines_name_among_a_menus_items_under_home_is_still_the_masthead() -> None:
    raw = _trail_page("Home\nServices\nHall hire\nCarers Weekly\nContact\nCarers Weekly - our parish magazine")
    assert extract_metadata(raw, clean(raw)).publisher == "Carers Weekly"


def test_an_age_banner_over_the_headline_is_no_headline() -> None:
    found = meta("The National Ledger", "News", "Health", "This article is more than 3 months old",
                 "Nurses say they will not go back to the day centres", "By Rachel Okafor", "Sun 20 Jul 2025",
                 "Six months after the day centres closed, nurses say the building is more than 30 years old.", *BODY)
    assert found.title == "Nurses say they will not go back to the day centres"


@pytest.mark.parametrize("lines", [("WALK-IN CENTRE", "SAVED AFTER", "FIVE-YEAR FIGHT"),
                                   ("PATIENTS ‘STUCK IN BEDS’", "AS HOME CARE RUNS DRY"),
                                   ("BEDS AXED", "AT TOWN'S", "COTTAGE HOSPITAL"),
                                   ("WALK-IN CENTRE OPENS ITS DOORS ON MARKET STREET",)])
def test_a_headline_in_capitals_over_two_or_three_lines_is_the_headline_over_its_standfirst(lines: tuple) -> None:
    raw = ("Northgate Evening Post e-Edition\nThursday, 13 March 2025\nNEWS\n" + "\n".join(lines) + "\n"
           "Health chiefs perform U-turn on plan to shut Ravensmoor unit as campaigners hail victory\n"
           "By HANNAH PRYCE\nHealth Reporter\n\n"
           "A walk-in centre that health bosses wanted to close has been saved after a five-year fight by "
           "residents, and patients stuck in beds will get home care sooner.\n\n"
           "The integrated care board confirmed yesterday that the centre will stay open seven days a week.")
    assert extract_metadata(raw, clean(raw)).title == " ".join(lines)


@pytest.mark.parametrize("head", ["12 SEVERN VALLEY EVENING POST Tuesday, March 11, 2025",
                                  "Tuesday, March 11, 2025 SEVERN VALLEY EVENING POST 13",
                                  "THE SEVERN VALLEY ECHO    TUESDAY, MARCH 11, 2025    5"])
def test_the_day_in_a_printed_pages_running_head_is_the_articles_date(head: str) -> None:
    found = meta("Severn Valley Evening Post | e-Edition", "Page 12 of 64", head, "NEWS", HEADLINE, "By Rachel Ormond",
                 *BODY)
    assert found.published == date(2025, 3, 11)


@pytest.mark.parametrize("kicker", [(), ("CASH FOR CHIEFS",), ("EXCLUSIVE",)])
def test_a_tabloids_headline_in_capitals_on_one_line_beats_its_standfirst_and_kicker(kicker: tuple) -> None:
    headline = "NHS 'FAT CAT' BOSSES RAKE IN £300K WHILE PATIENTS LANGUISH ON TROLLEYS"
    raw = "\n".join(["The Daily Clarion", "News", "Opinion", "", *kicker, headline,
                     "Number of health service managers paid more than the PM soars by a third in a year",
                     "Gary Mullins, Political Reporter", "Published: 22:30, 9 Mar 2025", "7 comments", "Share", "",
                     "THE number of NHS managers paid more than the Prime Minister has soared by a third in a year, "
                     "the Clarion can reveal.", "",
                     "Some 412 health service bosses were paid more than £170,000 last year, up from 309."])
    assert extract_metadata(raw, clean(raw)).title == headline


def test_a_date_line_that_goes_on_to_the_posts_categories_is_the_articles_date() -> None:
    found = meta("Social Work Practitioner", "Adults", HEADLINE, "by Lydia Marsh",
                 "October 3, 2024 in Adults, Mental health, Workforce", *BODY)
    assert found.published == date(2024, 10, 3)


def test_a_section_label_that_repeats_an_item_of_the_menu_is_not_the_headline() -> None:
    headline = "Wellbeing practitioners ‘stretched to breaking point’ as school demand soars"
    raw = "\n".join(["Mind Practice Weekly", "News", "Practice", "Policy", "Children & young people", "Workforce",
                     "Opinion", "Jobs", "", "Children & young people", "", headline, "",
                     "Practitioners say caseloads have risen sharply while training places were frozen", "",
                     "Written by Joel Amberley", "4 March 2025", "",
                     "Wellbeing practitioners working in schools say they are being asked to support far more pupils "
                     "than their training allows, with caseloads of more than 40 children.", "",
                     "Referrals to mental health support teams rose by 28% in the last academic year."])
    assert extract_metadata(raw, clean(raw)).title == headline


def test_a_section_label_that_repeats_the_last_step_of_the_trail_is_not_the_headline() -> None:
    headline = "‘Help that actually feels early’: inside the school mental health teams racing to keep up with demand"
    raw = "\n".join(["Mind Practice Weekly", "For everyone working in mental health", "Menu", "Search",
                     "Home › News › Children and young people", "", "Children and young people", "", headline, "",
                     "By Joel Amberley", "", "08/10/2025", "",
                     "At 8.40 on a Tuesday morning, the school is quieter than usual. In a small room off the library, "
                     "a practitioner is setting out worry cards for a group of children and young people.", "",
                     "Mental health support teams now work in more than half of the schools in England."])
    assert extract_metadata(raw, clean(raw)).title == headline


def test_a_trail_that_ends_in_the_headline_leaves_the_headline_standing() -> None:
    headline = "Day hospice reopens five days a week"
    raw = "\n".join(["Ashbury Hospice", "Home / News / Day hospice reopens five days a week", "", headline, "",
                     "Posted on 9 March 2026", "",
                     "The day hospice at Ashbury will open five days a week again from April, thanks to a legacy "
                     "left by a former volunteer.", "", "About 60 people a week use the day hospice."])
    assert extract_metadata(raw, clean(raw)).title == headline


def test_a_headline_over_its_standfirst_and_a_bare_by_line_ends_a_trending_list_above_it() -> None:
    headline = "£6.4m ambulance station opens with room for 30 crews as paramedics say old base was 'falling apart'"
    raw = "\n".join(["Skip to main content", "Trending", "Ashbury bypass closure", "Kingsmere stabbing",
                     "Wessex Evening Chronicle", "News", "Sport", "Jobs", "", "News", "Health", headline,
                     "The new hub replaces a 1970s station where staff had buckets out when it rained and nowhere "
                     "to clean the vehicles", "By", "Daniel Whitcombe", "Health Reporter", "07:00, 3 Jun 2025", "",
                     "A new £6.4million ambulance station has opened in Ashbury, replacing a base which crews had "
                     "long complained was falling apart.", "", "The station will be home to 30 crews."])
    assert extract_metadata(raw, clean(raw)).title == headline


def test_a_campaigns_hashtag_banner_over_the_headline_is_not_the_headline() -> None:
    headline = "“I was made to feel like a drug seeker”: patients still waiting hours for pain relief in A&E"
    raw = "\n".join(["Sickle Cell Support Trust", "Donate", "News", "Home › News › Awareness",
                     "World Sickle Cell Day 2025: #SickleCellAware", headline, "19 June 2025", "",
                     "On World Sickle Cell Day, we are calling on every hospital in the UK to make sure people with "
                     "sickle cell disorder receive pain relief within 30 minutes of arriving in A&E.", "",
                     "Our survey of 520 people found that only one in four had received it in time."])
    assert extract_metadata(raw, clean(raw)).title == headline


def test_the_days_date_over_the_sites_menu_does_not_put_its_tagline_beside_the_article() -> None:
    headline = "Digital rostering gives care staff ‘their lives back’, says home manager"
    raw = "\n".join(["Skip to content", "CareHome Insight", "The business of care", "Monday, June 16 2025",
                     "Home", "News", "Operators", "Workforce", "Technology", "Finance", "Jobs", "Subscribe",
                     "Technology", headline, "By Rebecca Tann", "June 12, 2025", "Share this article",
                     "A care home manager says switching from paper rotas to a digital rostering system has cut "
                     "agency spending at her home by almost a third.",
                     "Sandra Okafor moved her 74 staff on to the app last autumn."])
    assert extract_metadata(raw, clean(raw)).title == headline


@pytest.mark.parametrize("credit", ["SIMON TRELAWNY FOR THE DAILY LEDGER", "JO LAKE/PA"])
def test_a_caption_over_a_photographers_credit_in_capitals_is_not_the_headline(credit: str) -> None:
    headline = "GPs warn of two-year wait as NHS rolls out weight loss jabs"
    raw = "\n".join(["The Daily Ledger", "Home", "UK", "Health", "", "HEALTH", headline,
                     "Family doctors say they have neither the staff nor the money to give the injections to the "
                     "220,000 patients first in line", "", "Save", "Share", "Gift this article", "",
                     "Eleanor Whitcombe, Health Correspondent",
                     "Monday February 17 2025, 12.01am GMT, The Daily Ledger",
                     "", "Demand for weight loss injections has soared since they became available from pharmacies",
                     credit, "",
                     "Patients eligible for weight loss injections on the NHS face waits of up to two years because GP "
                     "surgeries cannot cope with demand, doctors have warned.",
                     "From next month family doctors in England will be able to prescribe the injections."])
    assert extract_metadata(raw, clean(raw)).title == headline


@pytest.mark.parametrize("link", ["Previous edition: 14/03/2024", "Next issue: 28/03/2024", "Older post 14/03/2024"])
def test_a_link_to_another_days_edition_is_not_the_articles_date(link: str) -> None:
    found = meta("The Ouseby Chronicle", "Thursday, 21 March 2024", "e-Edition", link, HEADLINE, *BODY)
    assert found.published == date(2024, 3, 21)
