"""Same-story grouping: one event from several outlets is one story; another event on the topic is not."""

from __future__ import annotations

import random
import time
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
