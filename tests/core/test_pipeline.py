"""The pipeline keeps an article when one of its later stages fails on it."""

from __future__ import annotations

import logging

import pytest

from bot.core import pipeline

ARTICLE = (
    "Ward reopens after refit\n\n"
    "The children's ward at Ashvale General Hospital reopened on Monday after a six-month refit.\n\n"
    "“The families waited a long time for this,” said ward manager Ruth Elkins. “It was worth it.”\n\n"
    "The work cost £1.2m and added four beds."
)


def test_a_fault_in_the_quote_rules_keeps_the_article_and_logs_it(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A speaker rule that recurses without end on one odd article costs its quotes, not the whole ingest."""
    whole = pipeline.process_article(ARTICLE)
    assert whole.quotes

    def recurse(*_: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline, "extract_quotes", recurse)
    with caplog.at_level(logging.ERROR, logger="bot.core.pipeline"):
        kept = pipeline.process_article(ARTICLE)
    assert kept.quotes == ()
    assert (kept.body, kept.summary_sentences, kept.meta) == (whole.body, whole.summary_sentences, whole.meta)
    assert "could not be read" in caplog.text and "RecursionError" in caplog.text
