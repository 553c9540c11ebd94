"""Feed and page metadata skip the text pipeline's cleaning, so merging them must normalise them the same way."""

from __future__ import annotations

from bot.core.models import Metadata
from bot.services.feed_items import merge_metadata
from bot.web.extract import ExtractedPage
from bot.web.feeds import FeedItem


def test_feed_and_page_fields_lose_escapes_odd_spaces_and_breaks() -> None:
    item = FeedItem(guid="g1", url=None, title="\x1b[31mCare homes\x1b[0m\u00a0 face  a fee gap",
                    published=None, author="Ann\u200b Lee\n", summary_text="", content_text="")
    page = ExtractedPage(title=None, author=None, published=None, site_name="Care\tWeekly\x07", text="")
    merged = merge_metadata(Metadata(None, None, None, None), item, page, "Feed\x00 title")
    assert merged.title == "Care homes face a fee gap"
    assert merged.author == "Ann Lee"
    assert merged.publisher == "Care Weekly"


def test_a_field_of_only_control_characters_falls_back_to_what_the_text_said() -> None:
    item = FeedItem(guid="g2", url=None, title="\x1b[0m\u200b", published=None, author=None,
                    summary_text="", content_text="")
    found = Metadata("Headline from the text", None, "Jo Bloggs", "Care Weekly")
    merged = merge_metadata(found, item, None, "\x07")
    assert merged.title == "Headline from the text"
    assert (merged.author, merged.publisher) == ("Jo Bloggs", "Care Weekly")
