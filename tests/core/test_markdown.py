"""Digest Markdown: what the dates mean, old articles made visible, article text escaped and cleaned."""

from __future__ import annotations

from datetime import date

from bot.core.digest import Digest, DigestItem, SourceRef
from bot.core.markdown import escape, link, published_note, render_markdown, source_line, strip_controls
from bot.core.models import StoredQuote
from bot.discord_app.render import digest_embeds


def ref(number: int, title: str, published: date | None, url: str | None = None,
        publisher: str | None = "Care Weekly") -> SourceRef:
    return SourceRef(number, title, publisher, published, url, f"{number}.txt")


def digest_of(*refs: SourceRef, headline: str = "Headline", summary: str = "A summary.",
              quote: StoredQuote | None = None) -> Digest:
    return Digest("2026-W49", (DigestItem(headline, (summary,), refs, quote),), len(refs))


def test_header_says_the_week_is_when_articles_were_received() -> None:
    text = render_markdown(digest_of(ref(1, "Title", date(2026, 12, 1))))
    assert "Articles received 30 November 2026 to 6 December 2026" in text
    assert "each source shows when it was published" in text


def test_each_source_shows_its_publication_date_and_an_old_year_stands_out() -> None:
    digest = digest_of(ref(1, "Recent", date(2026, 12, 1)), ref(2, "Old", date(2017, 8, 11)), ref(3, "Undated", None))
    text = render_markdown(digest)
    assert "- Care Weekly: *Recent* (published 1 December 2026)" in text
    assert "- Care Weekly: *Old* (**published 2017**, 11 August 2017)" in text
    assert "- Care Weekly: *Undated* (publication date unknown)" in text
    card = digest_embeds(digest)[1].description or ""
    for line in ("(published 1 December 2026)", "(**published 2017**, 11 August 2017)", "(publication date unknown)"):
        assert line in card  # the same wording in Discord


def test_published_note_without_a_week_never_calls_a_date_old() -> None:
    assert published_note(date(2017, 8, 11)) == "published 11 August 2017"
    assert published_note(date(2026, 10, 20), date(2026, 11, 30)) == "published 20 October 2026"
    assert published_note(date(2026, 9, 1), date(2026, 11, 30)) == "**published 1 September 2026**"
    assert published_note(date(2025, 12, 1), date(2026, 11, 30)) == "**published 2025**, 1 December 2025"


def test_markdown_in_titles_and_text_is_shown_literally() -> None:
    quote = StoredQuote(1, "It is *not* a [draft]", "Ann_Lee", "chair of #carers", 1, None, None, None, 0)
    digest = digest_of(
        ref(1, "An *independent* review [final]", date(2026, 12, 1), url="https://news.example/a (1)"),
        ref(2, "Under_scored `code` title", date(2026, 12, 2), publisher="Pipes | and > marks"),
        headline="An *independent* review [final]", summary="- Not a list: the *independent* panel said so.",
        quote=quote,
    )
    text = render_markdown(digest)
    assert "## 1. An \\*independent\\* review \\[final\\]" in text
    assert "[An \\*independent\\* review \\[final\\]](https://news.example/a%20%281%29)" in text
    assert "Pipes \\| and \\> marks: *Under\\_scored \\`code\\` title*" in text
    assert "\\- Not a list: the \\*independent\\* panel said so." in text
    assert "> “It is \\*not\\* a \\[draft\\]”\n> — Ann\\_Lee, chair of \\#carers" in text
    card = digest_embeds(digest)[1].description or ""
    assert "\\*independent\\*" in card and "https://news.example/a%20%281%29" in card


def test_control_characters_never_reach_the_file() -> None:
    digest = digest_of(ref(1, "Red\x1b[31m alert\x00", date(2026, 12, 1)), headline="Bell\x07 ring\x1b[0m",
                       summary="Tab\there\x0bnow")
    text = render_markdown(digest)
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text and "\x0b" not in text
    assert "## 1. Bell ring" in text and "*Red alert*" in text and "Tab here now" in text
    assert strip_controls("a\x1b[1;31mb\x9bc\n") == "abc\n"


def test_escape_and_link_keep_plain_text_plain() -> None:
    assert escape("Plain words, 4.5% and £3m (really).") == "Plain words, 4.5% and £3m (really)."
    assert link("Title", "https://x.example/p?q=1") == "[Title](https://x.example/p?q=1)"
    assert source_line(ref(1, "T", None, publisher=None)) == "*T* (publication date unknown)"
