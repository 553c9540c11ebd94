"""Embeds stay inside Discord's limits, and long digests split between stories, never inside one."""

from __future__ import annotations

import itertools
from datetime import date

import discord
from hypothesis import given
from hypothesis import strategies as st

from bot.core.digest import Digest, DigestItem, SourceRef
from bot.core.markdown import render_markdown
from bot.core.models import StoredQuote
from bot.discord_app.render import (
    CHOICE_CHARS,
    EMBED_DESCRIPTION,
    MESSAGE_CHARS,
    MESSAGE_EMBEDS,
    choice,
    clip_lines,
    digest_embeds,
    digest_messages,
    quote_page,
    split_messages,
)


def quote(text: str, speaker: str = "Priya Tanner", number: int = 1) -> StoredQuote:
    return StoredQuote(
        id=number, text=text, speaker=speaker, role="cabinet member", article_id=number,
        article_title=f"Article {number}", article_url=f"https://news.example/{number}",
        published=date(2026, 3, 2), position=0,
    )


def story(number: int, sentence_chars: int, sentences: int = 3, sources: int = 2) -> DigestItem:
    summary = tuple(f"Story {number} sentence {i}: " + "x" * sentence_chars + "." for i in range(sentences))
    refs = tuple(
        SourceRef(number * 10 + i, f"Title {number}.{i}", "Care Weekly", date(2026, 3, 1), None, f"{number}-{i}.txt")
        for i in range(sources)
    )
    return DigestItem(f"Headline {number}", summary, refs, quote("A " + "y" * sentence_chars, number=number))


@given(st.lists(st.tuples(st.integers(0, 256), st.integers(0, 4096)), max_size=40))
def test_split_messages_keeps_order_and_every_limit(sizes: list[tuple[int, int]]) -> None:
    embeds = [discord.Embed(title="t" * t or None, description="d" * d or None) for t, d in sizes]
    messages = split_messages(embeds)
    assert [e for m in messages for e in m] == embeds  # nothing lost, reordered or cut
    for message in messages:
        assert 1 <= len(message) <= MESSAGE_EMBEDS and sum(len(e) for e in message) <= MESSAGE_CHARS
    for first, second in itertools.pairwise(messages):  # a message is only closed when it is full
        assert len(first) == MESSAGE_EMBEDS or sum(map(len, first)) + len(second[0]) > MESSAGE_CHARS


@given(st.integers(0, 30), st.integers(10, 3000), st.integers(1, 6))
def test_any_digest_becomes_messages_within_limits_split_between_stories(
    stories: int, sentence_chars: int, sentences: int
) -> None:
    digest = Digest("2026-W11", tuple(story(n, sentence_chars, sentences) for n in range(stories)), stories * 2)
    messages = digest_messages(digest)
    embeds = [e for m in messages for e in m]
    expected = ["News digest, week 2026-W11", *(f"{n + 1}. Headline {n}" for n in range(stories))]
    assert [e.title for e in embeds] == expected
    for message in messages:
        assert len(message) <= MESSAGE_EMBEDS and sum(len(e) for e in message) <= MESSAGE_CHARS
        assert all(len(e.description or "") <= EMBED_DESCRIPTION for e in message)


def test_story_embed_says_what_the_markdown_file_says() -> None:
    item = story(1, 40, sources=2)
    digest = Digest("2026-W11", (item,), 2)
    head, card = digest_embeds(digest)
    markdown = render_markdown(digest)
    assert head.description == (
        "Articles received 9 March 2026 to 15 March 2026; each source shows when it was published.\n\n"
        "1 story from 2 articles."
    )
    assert "9 March 2026 to 15 March 2026" in markdown and "1 story from 2 articles." in markdown
    sources = [f"- Care Weekly: *Title 1.{n}* (published 1 March 2026)" for n in (0, 1)]
    for line in (*sources, "> — Priya Tanner, cabinet member", " ".join(item.summary)):
        assert line in (card.description or "") and line in markdown
    assert digest_embeds(Digest("2026-W11", (), 0))[0].description.endswith("No new articles since the last digest.")


def test_quote_pages_show_whole_quotations_that_fit() -> None:
    quotes = [quote("word " * 300, number=n) for n in range(5)]  # ~1500 characters each
    embed, shown = quote_page(quotes, "Quotations", 1)
    assert shown == 2 and len(embed.description or "") <= EMBED_DESCRIPTION
    assert (embed.description or "").count("“word") == 2 and "…" not in (embed.description or "")
    assert "— **Priya Tanner, cabinet member** · [Article 0](https://news.example/0) · 2 March 2026" in (
        embed.description or ""
    )


def test_only_a_quotation_longer_than_an_embed_is_cut_and_keeps_its_attribution() -> None:
    embed, shown = quote_page([quote("z" * 10_000)], "Quotations", 1)
    text = embed.description or ""
    assert shown == 1 and len(text) <= EMBED_DESCRIPTION
    assert "…”\n— **Priya Tanner, cabinet member**" in text


@given(st.text(min_size=0, max_size=300), st.text(min_size=1, max_size=300))
def test_autocomplete_choices_fit_discord(name: str, value: str) -> None:
    made = choice(name, value)
    assert 1 <= len(made.name) <= CHOICE_CHARS and len(made.value) <= CHOICE_CHARS


def test_clip_lines_cuts_at_a_line_break() -> None:
    text = "\n".join(f"line {i:03d}" for i in range(100))
    clipped = clip_lines(text, 100)
    assert len(clipped) <= 100 and clipped.endswith("\n…") and "line 008" in clipped
