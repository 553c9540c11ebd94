"""Every slash command, driven through the fake Discord against the real bot started like `digestbot run`."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import web

from bot.config import Settings
from bot.discord_app.client import DigestBot
from bot.discord_app.errors import GENERIC, MANAGE_SERVER
from bot.discord_app.scheduler import job_id
from bot.services.lookups import search_articles
from tests.discord_app.conftest import (
    ADMIN,
    ARTICLES,
    JSON,
    MEMBER,
    MONDAY_9,
    PRIVATE_ARTICLE,
    STORIES,
    TOKEN,
    FakeClock,
    add_article,
    answer,
    digest_parts,
    running_bot,
    text_of,
    with_settings,
)
from tests.fakes import FakeDiscord
from tests.fakes.payloads import EPHEMERAL, TEXT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
ADMIN_COMMANDS = {"sources", "schedule", "filters"}


@asynccontextmanager
async def serve_folder(folder: Path) -> AsyncIterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 (feeds and article pages for the bot to fetch)."""
    app = web.Application()
    app.router.add_static("/", folder)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        await runner.cleanup()


def embed_size(embed: JSON) -> int:
    """Characters Discord counts towards a message's 6000 (title, description, fields, footer, author)."""
    fields = sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    footer = len((embed.get("footer") or {}).get("text", ""))
    author = len((embed.get("author") or {}).get("name", ""))
    return len(embed.get("title") or "") + len(embed.get("description") or "") + fields + footer + author


def private_reply(fake: FakeDiscord, pushed_id: int) -> str:
    """The content of an immediate ephemeral reply (the way errors and settings answer)."""
    callback = fake.interaction_responses(pushed_id)[0]
    assert callback.type == 4 and callback.data["flags"] & EPHEMERAL, callback
    return str(callback.data.get("content") or text_of(callback.data))


async def test_start_syncs_guild_only_commands_and_never_logs_the_token(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with running_bot(settings, clock):
        synced = {c["name"]: c for c in fake_discord.commands()}
        identify = await fake_discord.wait_for_gateway_op(2)
    assert set(synced) == {"digest", "summary", "quote", "search", "sources", "schedule", "filters", "status"}
    for name, command in synced.items():
        assert command["contexts"] == [0], name  # guild only
        manage = int(command["default_member_permissions"] or 0) == 1 << 5
        assert manage == (name in ADMIN_COMMANDS), name
    assert identify["d"]["token"] == TOKEN and identify["d"]["intents"] == 1  # GUILDS only, nothing privileged
    logged = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("synced 8 slash commands") for m in logged)
    assert any(m.startswith("ready as DigestBot") for m in logged)
    assert not any(TOKEN in m for m in logged)


async def test_digest_shows_the_week_split_at_story_boundaries_without_fixing_it(
    fake_discord: FakeDiscord, bot: DigestBot
) -> None:
    parts = await digest_parts(bot, "2026-W10", fake_discord.guild.id)
    pushed = await fake_discord.push_command("digest")
    messages = await answer(fake_discord, pushed, messages=parts)
    embeds = [e for m in messages for e in m["embeds"]]
    assert embeds[0]["title"] == "News digest, week 2026-W10"  # the fake clock's week
    assert f"{STORIES} stories from {ARTICLES} articles." in embeds[0]["description"]
    assert [e["title"].split(".")[0] for e in embeds[1:]] == [str(n) for n in range(1, STORIES + 1)]
    assert len(messages) == parts >= 2  # more than ten embeds: never one message
    for message in messages:
        assert len(message["embeds"]) <= 10 and sum(embed_size(e) for e in message["embeds"]) <= 6000
        assert all(len(e["description"]) <= 4096 for e in message["embeds"])
    assert await bot.store.get_digest(fake_discord.guild.id, "2026-W10") is None  # only previewed


async def test_bad_week_is_a_short_private_error(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    impossible = await fake_discord.push_command("digest", {"week": "2026-W99"})
    await fake_discord.wait_for_interaction_response(impossible.id)
    assert private_reply(fake_discord, impossible.id) == "2026 has no ISO week 99"
    garbled = await fake_discord.push_command("digest", {"week": "next week"})
    await fake_discord.wait_for_interaction_response(garbled.id)
    assert private_reply(fake_discord, garbled.id) == "Week must look like 2026-W48, got 'next week'"


async def test_nothing_the_bot_sends_can_ping_anyone(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    general = fake_discord.channel("general")
    search = await fake_discord.push_command("search", {"query": "unpaid carers respite"})
    found = await answer(fake_discord, search)
    assert "A campaign calling on @everyone in the borough" in text_of(found[0])
    setup = await fake_discord.push_command(
        "schedule set", {"channel": general.id, "weekday": 0, "time": "09:00"}, permissions=ADMIN
    )
    await fake_discord.wait_for_interaction_response(setup.id)
    posted = await fake_discord.push_command("schedule post", permissions=ADMIN)
    await answer(fake_discord, posted)
    assert "@everyone" in "".join(text_of(m) for m in fake_discord.sent_messages(general.id))

    sending = [
        r for r in fake_discord.requests
        if r.method in ("POST", "PATCH") and r.path.startswith(("/channels/", "/webhooks/", "/interactions/"))
    ]
    bodies = [r.json.get("data") or {} if r.path.startswith("/interactions/") else r.json for r in sending]
    with_text = [b for b in bodies if b.get("content") or b.get("embeds")]
    assert len(with_text) >= 4  # the search reply, the schedule reply, the digest post, the post reply
    assert all(b.get("allowed_mentions") == {"parse": []} for b in with_text)


async def test_summary_autocompletes_titles_and_answers_at_the_asked_length(
    fake_discord: FakeDiscord, bot: DigestBot
) -> None:
    typing = await fake_discord.push_autocomplete("summary", {"article": "care"}, focused="article")
    choices = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
    assert 1 <= len(choices) <= 25 and all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    marlshire = next(c for c in choices if c["name"].startswith("Marlshire to close three council care homes"))

    pushed = await fake_discord.push_command("summary", {"article": marlshire["value"], "sentences": 2})
    [message] = await answer(fake_discord, pushed)
    [card] = message["embeds"]
    assert card["title"] == "Marlshire to close three council care homes as repair bill tops £14m"
    assert card["description"].count("\n- ") == 1 and card["description"].startswith("- ")
    assert card["footer"]["text"].endswith("8 June 2022")

    neither = await fake_discord.push_command("summary")
    await fake_discord.wait_for_interaction_response(neither.id)
    assert private_reply(fake_discord, neither.id) == "Give either an article or a url"


async def test_summary_of_a_url_stores_the_page_for_this_server_only(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    other = await fake_discord.add_guild("Other Guild", [("chat", TEXT)])
    async with serve_folder(FIXTURES / "pages") as site, running_bot(
        with_settings(settings, allow_private_urls=True), clock
    ):
        pushed = await fake_discord.push_command("summary", {"url": f"{site}/care-homes.html"})
        [message] = await answer(fake_discord, pushed)
        assert message["embeds"][0]["title"] == "Care homes warn of closures as costs rise"
        here = await fake_discord.push_command("search", {"query": "Lancashire homes"})
        assert "Care homes warn of closures" in text_of((await answer(fake_discord, here))[0])
        there = await fake_discord.push_command(
            "search", {"query": "Lancashire homes"}, channel_id=fake_discord.channel("chat", guild_id=other.id).id
        )
        assert text_of((await answer(fake_discord, there))[0]) == "No articles match those words."


async def test_quote_autocompletes_speakers_and_pages_newest_first_with_buttons(
    fake_discord: FakeDiscord, bot: DigestBot
) -> None:
    typing = await fake_discord.push_autocomplete("quote", {"speaker": "tann"}, focused="speaker")
    choices = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
    assert [c["name"] for c in choices] == ["Priya Tanner"]

    by_speaker = await fake_discord.push_command("quote", {"speaker": "Priya Tanner"})
    [message] = await answer(fake_discord, by_speaker)
    text = message["embeds"][0]["description"]
    assert text.count("— **Priya Tanner, ") == 3  # speaker and role on every quotation
    assert "— **Priya Tanner, the council's cabinet member for adult social care**" in text
    assert "*Marlshire to close three council care homes as repair bill tops £14m* · 8 June 2022" in text

    everything = await fake_discord.push_command("quote")
    [first] = await answer(fake_discord, everything)
    newer, older = first["components"][0]["components"]
    assert (newer["label"], newer["disabled"], older["label"], older["disabled"]) == ("Newer", True, "Older", False)
    page_one = first["embeds"][0]["description"]
    assert page_one.count("\n— **") == 5 and first["embeds"][0]["footer"]["text"] == "Page 1 · newest first"

    click = await fake_discord.push_component(int(first["id"]), older["custom_id"])
    assert (await fake_discord.wait_for_interaction_response(click.id)).type == 7  # the same message, edited
    page_two = fake_discord.message(int(first["id"]))["embeds"][0]
    assert page_two["footer"]["text"] == "Page 2 · newest first" and page_two["description"] != page_one
    back = await fake_discord.push_component(int(first["id"]), newer["custom_id"])
    await fake_discord.wait_for_interaction_response(back.id)
    assert fake_discord.message(int(first["id"]))["embeds"][0]["description"] == page_one

    nothing = await fake_discord.push_command("quote", {"about": "xylophone"})
    [empty] = await answer(fake_discord, nothing)
    assert empty["embeds"][0]["description"] == "No quotations match." and not empty["components"]


async def test_search_lists_matching_articles_with_their_summaries(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    pushed = await fake_discord.push_command("search", {"query": "hospital discharge", "limit": 3})
    [message] = await answer(fake_discord, pushed)
    first = message["embeds"][0]
    assert first["title"] == "New scheme helps patients leave hospital days sooner"
    assert first["description"].startswith("Patients who are well enough to leave hospital")
    assert 1 <= len(message["embeds"]) <= 3
    missing = await fake_discord.push_command("search", {"query": "xylophone"})
    assert text_of((await answer(fake_discord, missing))[0]) == "No articles match those words."


async def test_a_search_cut_to_its_first_words_says_so(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    filler = " ".join(f"word{n}" for n in range(60))
    pushed = await fake_discord.push_command("search", {"query": f"hospital discharge {filler}"})
    assert text_of((await answer(fake_discord, pushed))[0]) == (
        "No articles match those words (only the first 32 of your 62 different words were used)."
    )
    short = await fake_discord.push_command("search", {"query": "hospital discharge"})
    [found] = await answer(fake_discord, short)
    assert found["embeds"] and not found["content"]
    [article] = await search_articles(bot.store, "hospital discharge", 1)
    own_words = " ".join(dict.fromkeys(article.body.split()))  # every word of it, so every word matches
    long = await fake_discord.push_command("search", {"query": own_words[:3000]})
    [message] = await answer(fake_discord, long)
    assert message["content"].startswith("Note: only the first 32 of your ")
    assert message["embeds"][0]["title"] == article.title


@pytest.mark.parametrize("command", ["schedule show", "schedule post", "sources list", "filters list"])
async def test_server_settings_need_manage_server(fake_discord: FakeDiscord, bot: DigestBot, command: str) -> None:
    refused = await fake_discord.push_command(command, permissions=MEMBER)
    await fake_discord.wait_for_interaction_response(refused.id)
    assert private_reply(fake_discord, refused.id) == MANAGE_SERVER
    assert await bot.store.guild_settings(fake_discord.guild.id) is None


async def test_schedule_changes_are_saved_and_the_jobs_rebuilt_from_them(
    fake_discord: FakeDiscord, bot: DigestBot
) -> None:
    guild, general = fake_discord.guild.id, fake_discord.channel("general").id
    typing = await fake_discord.push_autocomplete(
        "schedule set", {"channel": general, "weekday": 0, "time": "9:00", "timezone": "europe/lon"},
        focused="timezone", permissions=ADMIN,
    )
    zones = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
    assert "Europe/London" in [c["value"] for c in zones]

    async def run(name: str, **options: str | int) -> str:
        pushed = await fake_discord.push_command(name, options, permissions=ADMIN)
        await fake_discord.wait_for_interaction_response(pushed.id)
        return private_reply(fake_discord, pushed.id)

    assert await run("schedule set", channel=general, weekday=0, time="25:00") == (
        "Time must be a 24-hour time such as 09:00, got '25:00'"
    )
    assert (await run("schedule set", channel=general, weekday=0, time="9:00", timezone="Mars/Olympus")).startswith(
        "Unknown time zone 'Mars/Olympus'"
    )
    assert bot.digests.scheduler.get_job(job_id(guild)) is None

    reply = await run("schedule set", channel=general, weekday=0, time="9:00", timezone="Europe/London")
    assert reply == (
        f"The digest will be posted in <#{general}> on Mondays at 09:00 (Europe/London). "
        f"Next: <t:{int(MONDAY_9.timestamp())}:F> (<t:{int(MONDAY_9.timestamp())}:R>)."
    )
    saved = await bot.store.guild_settings(guild)
    assert saved is not None and (saved.weekday, saved.time_of_day, saved.timezone) == (0, "09:00", "Europe/London")
    job = bot.digests.scheduler.get_job(job_id(guild))
    assert job is not None and str(job.trigger) == "cron[day_of_week='0', hour='9', minute='0']"
    assert str(job.trigger.timezone) == "Europe/London"
    assert "on Mondays at 09:00 (Europe/London)" in await run("schedule show")

    assert await run("schedule pause") == "Weekly digest paused."
    assert bot.digests.scheduler.get_job(job_id(guild)) is None
    assert "Paused" in await run("schedule show")
    assert await run("schedule resume") == "Weekly digest resumed."
    assert bot.digests.scheduler.get_job(job_id(guild)) is not None

    assert await run("schedule alerts", channel=general) == f"Alerts will go to <#{general}>."
    assert (await bot.store.guild_settings(guild)).alerts_channel_id == general  # type: ignore[union-attr]
    assert await run("schedule alerts") == "Alerts are off."


async def test_filters_decide_which_articles_the_digest_keeps(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    async def run(name: str, **options: str) -> str:
        pushed = await fake_discord.push_command(name, options, permissions=ADMIN)
        await fake_discord.wait_for_interaction_response(pushed.id)
        return private_reply(fake_discord, pushed.id)

    async def digest_headlines() -> set[str]:
        parts = await digest_parts(bot, "2026-W10", fake_discord.guild.id)
        pushed = await fake_discord.push_command("digest")
        embeds = [e for m in await answer(fake_discord, pushed, messages=parts) for e in m["embeds"]]
        return {e["title"].split(". ", 1)[1] for e in embeds[1:]}

    articles = await bot.store.get_articles(list(range(1, ARTICLES + 1)))

    def mentioning(phrase: str) -> set[str]:
        return {a.title or "" for a in articles if phrase in f"{a.title} {a.body}".lower()}

    everything = await digest_headlines()
    assert await run("filters include", phrase="  Care   HOMES ") == (
        "Keeps only articles mentioning any of: “care homes”"
    )
    kept, mention = await digest_headlines(), mentioning("care homes")
    assert kept and kept <= mention  # every story left is about care homes...
    assert not (everything - kept) & mention  # ...and none about them was dropped
    assert "Leaves out articles mentioning any of: “recruitment”" in await run("filters exclude", phrase="recruitment")
    assert not any("recruitment" in h.lower() for h in await digest_headlines())

    typing = await fake_discord.push_autocomplete(
        "filters remove", {"phrase": "car"}, focused="phrase", permissions=ADMIN
    )
    choices = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
    assert [c["value"] for c in choices] == ["care homes"]
    assert await run("filters remove", phrase="care homes") == "Leaves out articles mentioning any of: “recruitment”"
    assert await run("filters remove", phrase="care homes") == "There is no filter 'care homes'"
    assert await run("filters list") == "Leaves out articles mentioning any of: “recruitment”"


async def test_sources_are_added_listed_and_removed_per_server(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    other = await fake_discord.add_guild("Other Guild", [("chat", TEXT)])
    chat = fake_discord.channel("chat", guild_id=other.id).id

    async def run(name: str, channel: int | None = None, **options: str) -> str:
        pushed = await fake_discord.push_command(name, options, permissions=ADMIN, channel_id=channel)
        return text_of((await answer(fake_discord, pushed))[0])

    fetching = with_settings(settings, allow_private_urls=True)
    async with serve_folder(FIXTURES) as site, running_bot(fetching, clock) as bot:
        feed = f"{site}/rss2.xml"
        assert (await run("sources add", url=feed)).startswith(f"Added **Care Weekly – News** ({feed})")
        assert (await run("sources add", url=feed)).startswith("Already a source")
        listing = await run("sources list")
        assert "Care Weekly – News" in listing.split("Shared sources")[0]
        assert "None yet" in await run("sources list", chat)  # the other server has none of its own

        own = await bot.store.list_sources(fake_discord.guild.id)
        typing = await fake_discord.push_autocomplete(
            "sources remove", {"source": "care"}, focused="source", permissions=ADMIN
        )
        choices = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
        assert [c["value"] for c in choices] == [str(own[0].id)]
        assert (await run("sources remove", chat, source=str(own[0].id))).startswith("No source matches")
        assert await run("sources remove", source=str(own[0].id)) == (
            f"Removed **Care Weekly – News** ({feed}) and its articles."
        )
        assert await bot.store.list_sources(fake_discord.guild.id) == []


async def test_status_reports_articles_sources_and_the_next_digest(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    general = fake_discord.channel("general").id
    setup = await fake_discord.push_command(
        "schedule set", {"channel": general, "weekday": 0, "time": "09:00"}, permissions=ADMIN
    )
    await fake_discord.wait_for_interaction_response(setup.id)
    shared = await bot.store.list_sources(0)
    await bot.store.record_source_failure(shared[0].id, "HTTP 503 from the server", None)

    pushed = await fake_discord.push_command("status", permissions=MEMBER)
    await fake_discord.wait_for_interaction_response(pushed.id)
    text = private_reply(fake_discord, pushed.id)
    assert f"**Articles:** {ARTICLES} stored, last added <t:" in text
    assert f"**Sources:** 2, 1 working\n⚠️ {shared[0].name}: HTTP 503 from the server" in text
    assert f"**Next digest:** <t:{int(MONDAY_9.timestamp())}:F> in <#{general}>" in text


async def test_each_server_sees_shared_articles_and_only_its_own(fake_discord: FakeDiscord, bot: DigestBot) -> None:
    home = fake_discord.guild.id
    other = await fake_discord.add_guild("Other Guild", [("chat", TEXT)])
    chat = fake_discord.channel("chat", guild_id=other.id).id
    article_id = await add_article(bot.store, PRIVATE_ARTICLE, guild_id=home, key="zephyrton.txt")

    async def seen(name: str, channel: int | None, **options: str) -> str:
        pushed = await fake_discord.push_command(name, options, channel_id=channel)
        callback = await fake_discord.wait_for_interaction_response(pushed.id)
        if callback.type == 4:
            return private_reply(fake_discord, pushed.id)
        parts = await digest_parts(bot, "2026-W10", other.id if channel == chat else home)
        replies = await answer(fake_discord, pushed, messages=parts if name == "digest" else 1)
        return "\n".join(text_of(m) for m in replies)

    async def choices(name: str, channel: int | None, option: str, typed: str) -> list[str]:
        pushed = await fake_discord.push_autocomplete(name, {option: typed}, focused=option, channel_id=channel)
        return [c["name"] for c in (await fake_discord.wait_for_interaction_response(pushed.id)).data["choices"]]

    title = "Zephyrton lighthouse keepers' cottages to become supported housing"
    assert title in await seen("search", None, query="Zephyrton lighthouse")
    assert await seen("search", chat, query="Zephyrton lighthouse") == "No articles match those words."
    assert "Orla Quenby" in await seen("quote", None, about="cottages")
    assert "No quotations match." in await seen("quote", chat, about="cottages")
    assert "Orla Quenby" in await choices("quote", None, "speaker", "orla")
    assert await choices("quote", chat, "speaker", "orla") == []
    assert await choices("summary", None, "article", "Zephyrton") == [title]
    assert await choices("summary", chat, "article", "Zephyrton") == []
    assert await seen("summary", chat, article=str(article_id)) == f"No article matches '{article_id}'"
    assert title in await seen("digest", None)
    assert title not in await seen("digest", chat)
    assert f"**Articles:** {ARTICLES + 1} stored" in await seen("status", None)
    assert f"**Articles:** {ARTICLES} stored" in await seen("status", chat)


async def test_a_real_failure_gets_a_generic_private_reply_and_a_logged_traceback(
    fake_discord: FakeDiscord, bot: DigestBot, caplog: pytest.LogCaptureFixture
) -> None:
    await bot.store.conn.execute("DROP TABLE guild_filters")  # what a damaged database would do
    deferred = await fake_discord.push_command("digest")
    assert (await fake_discord.wait_for_interaction_response(deferred.id)).type == 5  # public "thinking…"
    [message] = await fake_discord.wait_for_followups(deferred.id)
    assert message["content"] == GENERIC and message["flags"] & EPHEMERAL
    assert fake_discord.original_response(deferred.id) is None  # the public placeholder was removed

    immediate = await fake_discord.push_command("filters list", permissions=ADMIN)
    await fake_discord.wait_for_interaction_response(immediate.id)
    assert private_reply(fake_discord, immediate.id) == GENERIC
    failures = [r for r in caplog.records if r.name == "bot.discord_app.errors" and r.levelno == logging.ERROR]
    assert [r.getMessage().split(" failed")[0] for r in failures] == ["/digest", "/filters list"]
    assert all(r.exc_info and "guild_filters" in str(r.exc_info[1]) for r in failures)



async def test_closing_leaves_no_task_behind_even_with_paging_buttons_open(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock
) -> None:
    before = asyncio.all_tasks()
    async with running_bot(settings, clock) as bot:
        pushed = await fake_discord.push_command("quote")
        [message] = await answer(fake_discord, pushed)
        assert message["components"]  # a View with a timeout is alive
    await asyncio.sleep(0)
    assert asyncio.all_tasks() - before == set()
    assert not bot.digests.scheduler.running
