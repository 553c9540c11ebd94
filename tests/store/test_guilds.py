"""Per-server state on a real SQLite file: schedules, filters, the exactly-once post record, alerts, visibility."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from bot.store import Store
from tests.store.test_queries import make_article, quote

HOME, OTHER = 111, 222


async def test_a_week_is_claimed_by_exactly_one_of_many_concurrent_posters(store: Store) -> None:
    claims = await asyncio.gather(*(store.claim_digest_post(HOME, "2026-W11", 5) for _ in range(10)))
    assert sum(c is not None for c in claims) == 1
    assert await store.claim_digest_post(OTHER, "2026-W11", 6) is not None  # another server's week is its own


async def test_posted_and_in_flight_weeks_are_never_claimed_again(store: Store) -> None:
    assert await store.claim_digest_post(HOME, "2026-W11", 5) is not None
    assert await store.claim_digest_post(HOME, "2026-W11", 5, force=True) is None  # in flight
    await store.end_digest_post(HOME, "2026-W11", "posted")
    assert await store.claim_digest_post(HOME, "2026-W11", 5, force=True) is None
    assert (await store.digest_post(HOME, "2026-W11")).status == "posted"  # type: ignore[union-attr]


async def test_a_failed_week_resumes_after_the_parts_sent_unless_the_channel_changed(store: Store) -> None:
    await store.claim_digest_post(HOME, "2026-W11", 5)
    await store.record_digest_part(HOME, "2026-W11", 1, message_id=900, thread_id=901)
    await store.record_digest_part(HOME, "2026-W11", 2, message_id=902, thread_id=None)
    await store.end_digest_post(HOME, "2026-W11", "failed", "Discord answered 503")
    again = await store.claim_digest_post(HOME, "2026-W11", 5)
    assert again is not None
    assert (again.status, again.parts_sent, again.message_id, again.thread_id, again.attempts, again.error) == (
        "posting", 2, 900, 901, 2, None
    )
    await store.end_digest_post(HOME, "2026-W11", "failed", "Discord answered 503")
    moved = await store.claim_digest_post(HOME, "2026-W11", 7)
    assert moved is not None and (moved.channel_id, moved.parts_sent, moved.message_id, moved.thread_id) == (
        7, 0, None, None
    )


async def test_a_blocked_week_waits_for_a_person(store: Store) -> None:
    await store.claim_digest_post(HOME, "2026-W11", 5)
    await store.record_digest_part(HOME, "2026-W11", 1, message_id=900, thread_id=None)
    assert await store.end_digest_post(HOME, "2026-W11", "blocked", "Missing Access")
    held = await store.digest_post(HOME, "2026-W11")
    assert held is not None and (held.status, held.error, held.lease_owner) == ("blocked", "Missing Access", None)
    assert await store.claim_digest_post(HOME, "2026-W11", 5) is None
    forced = await store.claim_digest_post(HOME, "2026-W11", 5, force=True)
    assert forced is not None and forced.parts_sent == 1
    assert (await store.latest_digest_post(HOME)).week == "2026-W11"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="cannot end as"):
        await store.end_digest_post(HOME, "2026-W11", "posting")


async def test_schedules_pause_and_alerts_channel(store: Store) -> None:
    assert not await store.set_paused(HOME, True)  # nothing to pause yet
    await store.set_alerts_channel(HOME, 42)
    settings = await store.guild_settings(HOME)
    assert settings is not None and not settings.scheduled and settings.alerts_channel_id == 42
    assert await store.scheduled_guilds() == []
    await store.set_schedule(HOME, 5, 0, "09:00", "Europe/London")
    assert await store.set_paused(HOME, True)
    [scheduled] = await store.scheduled_guilds()
    assert scheduled.scheduled and scheduled.paused and scheduled.alerts_channel_id == 42
    await store.set_schedule(HOME, 6, 4, "17:30", "UTC")  # saving a schedule resumes it
    now = await store.guild_settings(HOME)
    assert now is not None
    assert (now.digest_channel_id, now.weekday, now.time_of_day, now.paused) == (6, 4, "17:30", False)
    assert [g.guild_id for g in await store.alerting_guilds()] == [HOME]


async def test_filters_are_per_server_and_a_phrase_has_one_kind(store: Store) -> None:
    await store.set_guild_filter(HOME, "include", "care homes")
    await store.set_guild_filter(HOME, "exclude", "football")
    await store.set_guild_filter(HOME, "exclude", "care homes")  # switches kind, no duplicate
    assert await store.guild_filters(HOME) == [("exclude", "care homes"), ("exclude", "football")]
    assert await store.guild_filters(OTHER) == []
    assert await store.remove_guild_filter(HOME, "football")
    assert not await store.remove_guild_filter(HOME, "football")


async def test_alerts_are_told_once_until_cleared(store: Store) -> None:
    assert await store.claim_alert(HOME, "source:3")
    assert not await store.claim_alert(HOME, "source:3")
    assert await store.claim_alert(OTHER, "source:3")
    assert await store.alert_keys(HOME) == {"source:3"}
    await store.clear_alert(HOME, "source:3")
    assert await store.claim_alert(HOME, "source:3")


async def test_servers_see_shared_articles_and_their_own_only(store: Store) -> None:
    shared = await store.ensure_source("folder", "/shared", "shared")
    own = await store.ensure_source("feed", "https://home.example/feed", "home", guild_id=HOME)
    public_body = "Councils want more money for adult social care. Ministers say no"
    private_body = "Zephyrton lighthouse cottages become supported housing. The trust agreed"
    _, public = await store.save_article(shared, "a.txt", None, "r1", make_article(public_body, "Care money",
                                          date(2026, 3, 2), digest="h1"), [], {})
    text = "“These cottages will be homes,” said Orla Quenby"
    said = (quote("These cottages will be homes,", text, "Orla Quenby"),)
    article = make_article(f"{private_body}. {text}", "Zephyrton cottages", date(2026, 3, 3), said, digest="h2")
    _, private = await store.save_article(own, "b", None, "r2", article, [], {"Orla Quenby": "quenby"})

    assert await store.search_article_ids("cottages", guild_id=HOME) == [private]
    assert await store.search_article_ids("cottages", guild_id=OTHER) == []
    assert await store.search_article_ids("cottages") == [private]  # the command line sees everything
    assert await store.find_article_ids(str(private), guild_id=OTHER) == []
    assert await store.find_article_ids("Zephyrton cottages", guild_id=OTHER) == []
    assert [t for _, t in await store.titles_matching("zeph", guild_id=HOME)] == ["Zephyrton cottages"]
    assert await store.titles_matching("zeph", guild_id=OTHER) == []
    assert [q.speaker for q in await store.find_quotes(None, "cottages", guild_id=HOME)] == ["Orla Quenby"]
    assert await store.find_quotes(None, "cottages", guild_id=OTHER) == []
    assert [s.name for s in await store.speakers(OTHER)] == []
    assert await store.article_ids_between(0, 10, guild_id=OTHER) == [public]
    assert await store.article_ids_between(0, 10, guild_id=HOME) == [public, private]
    counts = (await store.count_articles(HOME), await store.count_articles(OTHER), await store.count_articles())
    assert counts == (2, 1, 2)


async def test_previewing_a_digest_does_not_fix_its_week(store: Store) -> None:
    preview = await store.create_digest(HOME, "2026-W11", record=False)
    assert await store.get_digest(HOME, "2026-W11") is None
    recorded = await store.create_digest(HOME, "2026-W11")
    assert (preview.first_link, preview.last_link) == (recorded.first_link, recorded.last_link)
    assert await store.get_digest(HOME, "2026-W11") == recorded


async def test_forgetting_a_server_deletes_what_it_added_and_nothing_shared(store: Store) -> None:
    shared = await store.ensure_source("folder", "/shared", "shared")
    own = await store.ensure_source("feed", "https://home.example/feed", "home", guild_id=HOME)
    await store.save_article(shared, "a", None, "r1", make_article("Shared text here. More", digest="h1"), [], {})
    await store.save_article(own, "b", None, "r2", make_article("Own text here. More", digest="h2"), [], {})
    await store.set_schedule(HOME, 5, 0, "09:00", "UTC")
    await store.set_guild_filter(HOME, "include", "care")
    await store.claim_digest_post(HOME, "2026-W11", 5)
    await store.claim_alert(HOME, "source:1")
    await store.create_digest(HOME, "2026-W11")
    await store.forget_guild(HOME)
    assert await store.guild_settings(HOME) is None and await store.guild_filters(HOME) == []
    assert await store.digest_post(HOME, "2026-W11") is None and await store.alert_keys(HOME) == set()
    assert await store.get_digest(HOME, "2026-W11") is None
    assert [s.id for s in await store.list_sources(None)] == [shared]
    assert await store.count_articles() == 1
    with pytest.raises(ValueError, match="shared"):
        await store.forget_guild(0)
