"""Same-story grouping in a week of one sector's news, where the words of any one event are common."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.models import StoredArticle
from bot.core.pipeline import process_article
from bot.core.stories import group_stories
from tests.conftest import SHARED
from tests.core.test_digest_stories import article, distinct_stories

# One review by two named people, told by two outlets: each restates the other's opening in its own words.
REVIEW_BODY = (
    "Hospice leaders welcome Quayle review",
    "Hospice Voice has welcomed the independent review by Professor Hilary Quayle and Sir Dominic Ashdown into "
    "how end of life care is led across England. Its recommendations aim to train hospice managers through a "
    "national programme. Chief executive Mara Ellison said: \"This is the chance we have waited for.\"",
)
REVIEW_PAPER = (
    "Ministers back shake-up of end of life care",
    "Ministers have accepted in full a review of hospices which found that their managers were left to learn on "
    "the job. Professor Hilary Quayle and Sir Dominic Ashdown called for a national leadership programme to train "
    "them. Health minister Colin Barrow said the independent review was a turning point.",
)
# The same two people in another event: their next review, of another service.
REVIEWERS_AGAIN = (
    "Quayle and Ashdown to examine ambulance handovers",
    "Professor Hilary Quayle and Sir Dominic Ashdown have been asked to look at why ambulances wait outside "
    "emergency departments in the north west. They will report in the spring, the Department of Health said, "
    "after crews in Carlow Vale spent 900 hours queuing in October.",
)
SECTOR_WORDS = ("review leadership recommendations hospice palliative independent managers training national "
                "programme train ministers accepted government plan care published welcomed").split()


def a_sectors_week(arts: list[StoredArticle]) -> list[list[int]]:
    """Group these articles among sixty others of the same sector, each using several of its common words."""
    rng = random.Random(7)
    others = [replace(other, id=1000 + n, body=f"{other.body} The {' '.join(rng.sample(SECTOR_WORDS, 6))} "
                      "were discussed.") for n, other in enumerate(distinct_stories(60))]
    groups = [[a.id for a in group if a.id < 1000] for group in group_stories(arts + others)]
    return sorted(sorted(group) for group in groups if group)


def test_two_reports_alone_in_naming_the_same_people_and_restating_each_other_are_one_story() -> None:
    """The week's news says "review", "leadership" and "hospice" too, so the two reports share few rare words of
    what happened; but no other article names the two reviewers, and each restates the other's opening. Their next
    review, alone with the first report in naming them, restates nothing of it."""
    assert a_sectors_week([article(1, REVIEW_BODY, None), article(2, REVIEW_PAPER)]) == [[1, 2]]
    assert a_sectors_week([article(1, REVIEW_BODY, None), article(3, REVIEWERS_AGAIN)]) == [[1], [3]]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is absent")
def test_the_two_real_reports_of_the_leadership_review_are_one_story_among_a_week_of_health_news() -> None:
    week = json.loads((Path(__file__).parents[2] / "bench" / "grouping_articles_blind.json").read_text("utf-8"))
    arts = [article(1000 + n, (a["title"], a["body"])) for n, a in enumerate(week["articles"])]
    for number, path in enumerate(sorted((SHARED / "seeds").glob("*.txt"))):
        done = process_article(path.read_text(encoding="utf-8"))
        arts.append(replace(article(number, (done.meta.title or "", done.body)), published=done.meta.published))
    together = [sorted(a.id for a in group) for group in group_stories(arts) if any(a.id < 1000 for a in group)]
    assert sorted(together) == [[0, 1], [2], [3], [4]]
