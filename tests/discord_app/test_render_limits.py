"""Discord's size limits, checked in one place: oversize articles and alerts through the real client."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import discord

from bot.config import Settings
from bot.core.models import Metadata
from bot.core.pipeline import process_article, short_line_keys
from bot.discord_app.render import (
    CONTENT_CHARS,
    EMBED_AUTHOR,
    EMBED_CHARS,
    EMBED_DESCRIPTION,
    EMBED_FIELD_NAME,
    EMBED_FIELD_VALUE,
    EMBED_FOOTER,
    EMBED_TITLE,
    fit_content,
    fit_embed,
    split_messages,
)
from bot.services.ingest import speaker_keys
from bot.services.poll import JOB_ID as INGEST_JOB
from bot.services.storage import open_store
from tests.discord_app.conftest import JSON, STEP, FakeClock, JobLog, answer, running_bot
from tests.fakes import FakeDiscord

# Stored fields as long as a hostile feed gave them (the store may cap them; the embeds must fit either way).
LONG_TITLE = "Quillhaven " + "ward closure update " * 150
LONG_AUTHOR = "By " + "Correspondent " * 235
LONG_PUBLISHER = "The Quillhaven " + "Evening Post " * 230


def oversize_raw() -> str:
    sentences = [
        f"Quillhaven ward {n} will close for {n + 2} weeks while the trust replaces the heating, the lighting, the"
        f" lifts and the nurse call system that staff on ward {n} have reported broken since the spring inspection."
        for n in range(1, 41)
    ]
    return "Quillhaven wards\n\n" + "\n\n".join(sentences)


def assert_within_limits(message: JSON) -> None:
    """What Discord itself checks, on the payload the fake received."""
    assert len(message.get("content") or "") <= CONTENT_CHARS
    embeds = message.get("embeds") or []
    assert len(embeds) <= 10
    total = 0
    for item in embeds:
        footer = (item.get("footer") or {}).get("text", "")
        author = (item.get("author") or {}).get("name", "")
        assert len(item.get("title") or "") <= EMBED_TITLE and len(item.get("description") or "") <= EMBED_DESCRIPTION
        assert len(footer) <= EMBED_FOOTER and len(author) <= EMBED_AUTHOR
        size = len(item.get("title") or "") + len(item.get("description") or "") + len(footer) + len(author)
        size += sum(len(f["name"]) + len(f["value"]) for f in item.get("fields", []))
        assert size <= EMBED_CHARS
        total += size
    assert total <= EMBED_CHARS


async def store_oversize_article(settings: Settings) -> int:
    raw = oversize_raw()
    processed = process_article(raw)
    meta = Metadata(title=LONG_TITLE, published=date(2026, 3, 5), author=LONG_AUTHOR, publisher=LONG_PUBLISHER)
    article = replace(processed, meta=meta)
    async with await open_store(settings) as store:
        source = await store.ensure_source("folder", "/test/long", "test-long", 0)
        _, article_id = await store.save_article(
            source, "long.txt", None, "long.txt", article, short_line_keys(raw), speaker_keys(article)
        )
    assert article_id is not None
    return article_id


async def test_summary_and_search_of_an_oversize_article_are_accepted_within_every_limit(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    article_id = await store_oversize_article(settings)
    async with running_bot(settings, clock):
        pushed = await fake_discord.push_command("summary", {"article": str(article_id), "sentences": 20})
        [message] = await answer(fake_discord, pushed)
        assert_within_limits(message)
        [card] = message["embeds"]
        assert card["title"].startswith("Quillhaven ward closure update") and card["title"].endswith("…")
        assert card["description"].startswith("- Quillhaven ward") and card["footer"]["text"]

        found = await fake_discord.push_command("search", {"query": "Quillhaven heating lifts", "limit": 10})
        messages = await answer(fake_discord, found)
        assert messages and all(assert_within_limits(m) is None for m in messages)
        assert any(e["title"].startswith("Quillhaven ward closure") for m in messages for e in m["embeds"])


async def test_an_alert_refused_by_discord_is_sent_again_and_never_over_2000_characters(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    missing = tmp_path.joinpath(*(["deeply-nested-missing-folder-" * 6] * 12))  # a path of ~2,200 characters
    async with await open_store(settings) as store:
        await store.register_source("folder", str(missing), "Cuttings " * 300, 0)
        await store.set_alerts_channel(guild, general)
    # The first alert is refused, as Discord refuses a message it will not take.
    refused = rf"/channels/{general}/messages"
    fake_discord.fail_next("POST", refused, status=400, code=50035, message="Invalid Form Body")

    log = JobLog()
    async with running_bot(settings, clock, prepare=log.attach) as bot:
        await log.wait(INGEST_JOB)  # the poll every start makes: the folder is missing, the alert refused
        assert fake_discord.sent_messages(general) == []
        assert await bot.store.alert_keys(guild) == set()  # not noted: it was not delivered

        bot.digests.scheduler.modify_job(INGEST_JOB, next_run_time=discord.utils.utcnow())
        await log.wait(INGEST_JOB, 2, timeout=STEP)
        [alert] = fake_discord.sent_messages(general)
        assert 0 < len(alert["content"]) <= CONTENT_CHARS and alert["content"].startswith("⚠️ Source **Cuttings")
        assert len(await bot.store.alert_keys(guild)) == 1

        bot.digests.scheduler.modify_job(INGEST_JOB, next_run_time=discord.utils.utcnow())
        await log.wait(INGEST_JOB, 3, timeout=STEP)
        assert len(fake_discord.sent_messages(general)) == 1  # told once


def test_fit_embed_cuts_every_part_and_the_whole_to_discords_limits() -> None:
    made = discord.Embed(title="t" * 300, description="line of text\n" * 400)
    made.set_footer(text="f" * 2500)
    made.set_author(name="a" * 300)
    made.add_field(name="n" * 300, value="v" * 1100)
    fitted = fit_embed(made)
    assert len(fitted.title or "") == EMBED_TITLE and len(fitted.footer.text or "") == EMBED_FOOTER
    assert len(fitted.author.name or "") == EMBED_AUTHOR
    assert len(fitted.fields[0].name) == EMBED_FIELD_NAME and len(fitted.fields[0].value) == EMBED_FIELD_VALUE
    assert len(fitted) <= EMBED_CHARS and (fitted.description or "").endswith("…")


def test_an_oversize_embed_is_cut_instead_of_refusing_the_message() -> None:
    big = discord.Embed(title="x" * 256, description="word " * 819)
    big.set_footer(text="y" * 2048)
    assert len(big) > EMBED_CHARS
    [[only]] = split_messages([big])
    assert len(only) <= EMBED_CHARS


def test_plain_messages_lose_control_characters_and_fit_2000() -> None:
    assert fit_content("a\x1b[31mred\x1b[0m\x00 b\x07") == "ared b"
    long = fit_content("alert line\n" * 400)
    assert len(long) <= CONTENT_CHARS and long.endswith("…")
