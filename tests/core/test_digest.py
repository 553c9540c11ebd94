"""Digest content: story grouping, best quote, weeks, and deterministic Markdown."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.core.digest import (
    best_quote,
    build_digest,
    group_stories,
    parse_week,
    shorten_quote,
    week_bounds,
    week_of,
)
from bot.core.markdown import render_markdown
from bot.core.models import ORGANISATION, PERSON, StoredArticle, StoredQuote
from bot.errors import InputError

HOSPICE_A = (
    "Hospice funding crisis deepens as northern hospices cut beds",
    "Three hospices in Cumbria and Lancashire will close a quarter of their inpatient beds after charity "
    "shops lost income and the integrated care board froze its hospice grant. Hospice leaders said the "
    "grant freeze meant nurses would be redeployed and patients moved to hospital wards.",
)
HOSPICE_B = (
    "Northern hospices to close beds after grant freeze",
    "Hospices across Cumbria and Lancashire are closing inpatient beds because the integrated care board "
    "froze the hospice grant while charity shop income fell. Nurses will be redeployed, hospice leaders said.",
)
DENTAL = (
    "Dental access in rural Devon reaches new low",
    "Families in rural Devon travel more than forty miles for an NHS dentist, a survey by the county "
    "Healthwatch found, as practices hand back contracts and orthodontic waiting lists grow.",
)


def article(i: int, title_body: tuple[str, str], published: date | None = None,
            quotes: tuple[StoredQuote, ...] = ()) -> StoredArticle:
    title, body = title_body
    return StoredArticle(
        id=i, title=title, url=None, source_key=f"{i:03d}.txt", published=published, author=None,
        publisher=f"Outlet {i}", body=body, summary=(body.split(". ")[0] + ".",), ingested_at="2026-11-23",
        quotes=quotes,
    )


def quote(i: int, text: str, speaker: str | None, article_id: int = 1, kind: str | None = None) -> StoredQuote:
    return StoredQuote(id=i, text=text, speaker=speaker, role=None, article_id=article_id,
                       article_title=None, article_url=None, published=None, position=i, speaker_kind=kind)


def test_same_story_from_two_outlets_is_one_group() -> None:
    groups = group_stories([article(1, HOSPICE_A), article(2, DENTAL), article(3, HOSPICE_B)])
    assert sorted(sorted(a.id for a in g) for g in groups) == [[1, 3], [2]]


def test_different_stories_stay_apart() -> None:
    groups = group_stories([article(1, HOSPICE_A), article(2, DENTAL)])
    assert len(groups) == 2


def test_best_quote_is_longest_of_most_quoted_person() -> None:
    quotes = [
        quote(1, "A very long quotation from a person quoted only once in the whole story", "Solo Voice"),
        quote(2, "Short words here", "Ann Lee"),
        quote(3, "Longer words from Ann Lee here", "Ann Lee"),
        quote(4, "Nobody said this one at all", None),
    ]
    chosen = best_quote(quotes)
    assert chosen is not None and chosen.id == 3
    assert best_quote([quote(5, "Unattributed words", None)]) is None


def test_best_quote_is_a_person_s_when_an_organisation_s_statement_is_quoted_more() -> None:
    statement = "We are disappointed by the decision and will study the ruling before deciding our next step"
    quotes = [
        quote(1, statement, "Kestrel Care", kind=ORGANISATION),
        quote(2, statement + " in full", "Kestrel Care", kind=ORGANISATION),
        quote(3, "We were not told", "Mary Okoye", kind=PERSON),
    ]
    chosen = best_quote(quotes)
    assert chosen is not None and chosen.speaker == "Mary Okoye"
    alone = best_quote(quotes[:2])  # with no person quoted, the organisation's statement is shown
    assert alone is not None and alone.id == 2


def test_shorten_quote_cuts_at_sentence_end_without_a_stray_ellipsis() -> None:
    text = "First sentence is here. " * 30
    short = shorten_quote(text, limit=100)
    assert len(short) <= 100 and short.endswith("is here.")
    assert shorten_quote("Short.", limit=100) == "Short."


def test_shorten_quote_mid_sentence_attaches_the_ellipsis_to_the_last_word() -> None:
    text = "We will keep working with councils, providers and families " + "on every part of this " * 20
    short = shorten_quote(text, limit=70)
    assert len(short) <= 71 and short.endswith("…") and not short.endswith(" …")
    assert not short[:-1].endswith((",", " ")) and text.startswith(short[:-1])


@pytest.mark.parametrize("bad", ["2026-48", "2026-W54", "W48", "2021-W53", ""])
def test_bad_weeks_are_refused(bad: str) -> None:
    with pytest.raises(InputError):
        parse_week(bad)


def test_weeks() -> None:
    assert parse_week("2026-w48") == "2026-W48"
    assert parse_week("2020-W53") == "2020-W53"
    assert week_of(date(2026, 11, 23)) == "2026-W48"
    assert week_of(date(2027, 1, 1)) == "2026-W53"
    assert week_bounds("2026-W48") == (date(2026, 11, 23), date(2026, 11, 29))


def test_digest_groups_orders_and_renders_deterministically() -> None:
    arts = [
        article(1, HOSPICE_A, date(2026, 11, 20), (quote(1, "We had no choice but to close beds", "Ann Lee"),)),
        article(2, DENTAL, date(2026, 11, 22)),
        article(3, HOSPICE_B, date(2026, 11, 21)),
    ]
    digest = build_digest(arts, "2026-W48")
    assert digest.article_count == 3
    assert [len(item.sources) for item in digest.items] == [2, 1]
    first = digest.items[0]
    assert first.quote is not None and first.quote.speaker == "Ann Lee"
    assert [s.article_id for s in first.sources] == [1, 3]  # oldest report first
    text = render_markdown(digest)
    assert text == render_markdown(build_digest(arts, "2026-W48"))
    assert "## 1. Hospice funding crisis" in text and "## 2. Dental access" in text
    assert "> “We had no choice but to close beds”\n> — Ann Lee" in text
    assert "23 November 2026 to 29 November 2026" in text


def test_empty_week_says_so() -> None:
    text = render_markdown(build_digest([], "2026-W48"))
    assert "No new articles since the last digest." in text


def test_summary_sentence_repeating_the_quote_is_left_out() -> None:
    spoken = "We had no choice but to close beds in all three hospices this winter"
    base = article(1, HOSPICE_A, date(2026, 11, 20), (quote(1, spoken, "Ann Lee"),))
    lead = replace(base, summary=("Beds will close.", f"She said: “{spoken}.”"))
    item = build_digest([lead], "2026-W48").items[0]
    assert item.summary == ("Beds will close.",)
    assert item.quote is not None and item.quote.text == spoken
