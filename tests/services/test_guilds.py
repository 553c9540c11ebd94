"""A server's settings and its exactly-once posts, through the services on a real SQLite file."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.filters import MAX_FILTERS, Filters
from bot.errors import InputError, NotFoundError
from bot.services import guilds, posts
from bot.services.ingest import ingest_files
from bot.store import Store
from tests.conftest import SEEDS

GUILD = 111
OTHER = 222


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with await Store.open(tmp_path / "db.sqlite3") as opened:
        yield opened


# -- filters -----------------------------------------------------------------------------------------


async def test_filters_are_stored_normalised_and_listed(store: Store) -> None:
    assert await guilds.add_filter(store, GUILD, "include", "  Care   HOMES ") == Filters(include=("care homes",))
    shown = await guilds.add_filter(store, GUILD, "exclude", "Football")
    assert shown == Filters(include=("care homes",), exclude=("football",))
    assert await guilds.guild_filters(store, OTHER) == Filters()  # per server
    assert await guilds.matching_filters(store, GUILD, "FOOT") == [("exclude", "football")]


async def test_a_server_has_at_most_max_filters_but_may_switch_one_at_the_limit(store: Store) -> None:
    for number in range(MAX_FILTERS):
        await guilds.add_filter(store, GUILD, "include", f"topic {number}")
    with pytest.raises(InputError, match=f"at most {MAX_FILTERS} filters"):
        await guilds.add_filter(store, GUILD, "include", "one too many")
    switched = await guilds.add_filter(store, GUILD, "exclude", "Topic 7")  # not a new filter: allowed
    assert "topic 7" in switched.exclude and len(switched.include) == MAX_FILTERS - 1
    await guilds.add_filter(store, OTHER, "include", "one too many")  # the limit is per server

    await guilds.remove_filter(store, GUILD, "topic 0")
    assert "one too many" in (await guilds.add_filter(store, GUILD, "include", "one too many")).include


async def test_removing_an_unknown_filter_or_adding_an_empty_one_is_refused(store: Store) -> None:
    await guilds.add_filter(store, GUILD, "include", "care")
    with pytest.raises(NotFoundError, match="no filter 'carers'"):
        await guilds.remove_filter(store, GUILD, "carers")
    with pytest.raises(InputError, match="at least one word"):
        await guilds.add_filter(store, GUILD, "include", " !? ")
    assert await guilds.remove_filter(store, GUILD, " CARE ") == Filters()


# -- schedule, alerts, forgetting --------------------------------------------------------------------


async def test_schedule_pause_and_alerts_channel(store: Store) -> None:
    with pytest.raises(InputError, match="no schedule yet"):
        await guilds.pause_schedule(store, GUILD, True)
    with pytest.raises(InputError, match="weekday"):
        await guilds.set_schedule(store, GUILD, 5, 7, "09:00", "UTC")
    await guilds.set_schedule(store, GUILD, 5, 0, "09:00", "Europe/London")
    await guilds.pause_schedule(store, GUILD, True)
    await guilds.set_alerts_channel(store, GUILD, 6)
    settings = await guilds.guild_settings(store, GUILD)
    assert settings is not None and settings.scheduled and settings.paused and settings.alerts_channel_id == 6
    assert await posts.active_schedules(store) == []  # a paused server has no weekly job
    assert [g.guild_id for g in await posts.alerting_guilds(store)] == [GUILD]

    await guilds.set_schedule(store, GUILD, 5, 1, "10:30", "UTC")  # saving a schedule resumes it
    assert [(g.guild_id, g.weekday, g.paused) for g in await posts.active_schedules(store)] == [(GUILD, 1, False)]
    await guilds.set_alerts_channel(store, GUILD, None)
    assert await posts.alerting_guilds(store) == []


async def test_forgetting_a_server_drops_its_settings_and_sources_but_never_the_shared_ones(store: Store) -> None:
    await guilds.set_schedule(store, GUILD, 5, 0, "09:00", "UTC")
    await guilds.add_filter(store, GUILD, "include", "care")
    await store.register_source("feed", "https://own.example/feed", "Own", GUILD)
    await store.register_source("feed", "https://shared.example/feed", "Shared", 0)
    with pytest.raises(InputError, match="cannot be forgotten"):
        await guilds.forget_guild(store, 0)
    await guilds.forget_guild(store, GUILD)
    assert await guilds.guild_settings(store, GUILD) is None
    assert await guilds.guild_filters(store, GUILD) == Filters()
    assert [s.name for s in (await guilds.guild_status(store, GUILD)).sources] == ["Shared"]


# -- status ------------------------------------------------------------------------------------------


async def test_status_counts_what_a_server_sees_and_its_failing_sources(store: Store, tmp_path: Path) -> None:
    empty = await guilds.guild_status(store, GUILD)
    assert (empty.articles, empty.last_ingest, empty.sources, empty.failing) == (0, None, [], [])

    await ingest_files(store, Settings(db_path=tmp_path / "db.sqlite3"), [SEEDS])  # shared articles
    shared = await store.register_source("feed", "https://shared.example/feed", "Shared", 0)
    own = await store.register_source("feed", "https://own.example/feed", "Own", GUILD)
    await store.register_source("feed", "https://other.example/feed", "Other's", OTHER)
    await store.record_source_failure(own.id, "HTTP 503", None)

    status = await guilds.guild_status(store, GUILD)
    assert status.articles > 0 and status.last_ingest is not None
    names = [s.name for s in status.sources]
    assert "Other's" not in names and names.index("Shared") < names.index("Own")  # shared first, then its own
    assert [s.id for s in status.failing] == [own.id]
    assert [s.id for s in await guilds.failing_sources(store, GUILD)] == [own.id]
    assert await guilds.failing_sources(store, OTHER) == []
    assert shared.id in {s.id for s in (await guilds.guild_status(store, OTHER)).sources}


# -- posts -------------------------------------------------------------------------------------------


async def test_a_week_is_claimed_once_and_resumes_after_the_parts_sent(store: Store) -> None:
    post = await posts.claim_post(store, GUILD, "2026-W11", 5)
    assert post is not None and (post.status, post.parts_sent, post.attempts) == ("posting", 0, 1)
    assert await posts.claim_post(store, GUILD, "2026-W11", 5) is None  # in flight
    await posts.part_sent(store, GUILD, "2026-W11", 1, message_id=900, thread_id=None)

    failed = await posts.fail_post(store, GUILD, "2026-W11", "Discord answered 503", retry=True)
    assert failed is not None and (failed.status, failed.error) == ("failed", "Discord answered 503")
    again = await posts.claim_post(store, GUILD, "2026-W11", 5)  # a retryable failure is claimable
    assert again is not None and (again.parts_sent, again.message_id, again.attempts) == (1, 900, 2)

    done = await posts.finish_post(store, GUILD, "2026-W11")
    assert done is not None and done.status == "posted" and done.error is None
    assert await posts.claim_post(store, GUILD, "2026-W11", 5, force=True) is None  # never posted twice
    assert await posts.latest_post(store, GUILD) == done
    assert await posts.digest_post(store, OTHER, "2026-W11") is None


async def test_a_blocked_week_waits_for_a_person(store: Store) -> None:
    await posts.claim_post(store, GUILD, "2026-W11", 5)
    blocked = await posts.fail_post(store, GUILD, "2026-W11", "Missing Access", retry=False)
    assert blocked is not None and blocked.status == "blocked"
    assert await posts.claim_post(store, GUILD, "2026-W11", 5) is None
    taken = await posts.claim_post(store, GUILD, "2026-W11", 5, force=True)
    assert taken is not None and taken.status == "posting"


async def test_a_post_left_in_flight_by_a_dead_process_is_taken_over(store: Store) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = f"{socket.gethostname()}:{int(gone.stdout)}:1"  # a process of this host that no longer runs
    await store.claim_digest_post(GUILD, "2026-W11", 5, owner=dead, lease_seconds=600)
    await store.record_digest_part(GUILD, "2026-W11", 1, message_id=900, thread_id=None, owner=dead)
    [left] = await posts.posts_in_flight(store)
    assert (left.guild_id, left.week, left.lease_owner) == (GUILD, "2026-W11", dead)
    taken = await posts.claim_post(store, GUILD, "2026-W11", 5)  # its lease runs for ten more minutes
    assert taken is not None and (taken.parts_sent, taken.last_message_id, taken.attempts) == (1, 900, 2)
    assert posts.taken_over(taken) and taken.lease_owner != dead
    await posts.part_sent(store, GUILD, "2026-W11", 2, message_id=901, thread_id=None)
    # what the dead owner would meet, had it lived on: the claim is no longer its own
    assert not await store.record_digest_part(GUILD, "2026-W11", 3, message_id=902, thread_id=None, owner=dead)
    done = await posts.finish_post(store, GUILD, "2026-W11")
    assert done is not None and (done.status, done.parts_sent, done.message_id, done.lease_owner) == (
        "posted", 2, 900, None
    )
    assert await posts.posts_in_flight(store) == []


async def test_a_post_in_flight_elsewhere_is_left_alone_while_its_owner_renews_it(store: Store) -> None:
    elsewhere = "another-host:4242:1"  # alive, as far as this host can tell
    await store.claim_digest_post(GUILD, "2026-W11", 5, owner=elsewhere, lease_seconds=600)
    assert await posts.claim_post(store, GUILD, "2026-W11", 5) is None
    assert await store.renew_digest_post(GUILD, "2026-W11", elsewhere, 0)  # its lease now runs out at once
    taken = await posts.claim_post(store, GUILD, "2026-W11", 5)
    assert taken is not None and taken.attempts == 2 and taken.lease_owner is not None
    assert not await store.renew_digest_post(GUILD, "2026-W11", elsewhere, 600)  # the old owner lost it
    assert await posts.keep_claim(store, GUILD, "2026-W11")
    await store.renew_digest_post(GUILD, "2026-W11", taken.lease_owner, 0)  # we stall past our lease...
    assert await store.claim_digest_post(GUILD, "2026-W11", 5, owner=elsewhere) is not None  # ...and lose it
    with pytest.raises(posts.ClaimLost):
        await posts.part_sent(store, GUILD, "2026-W11", 1, message_id=900, thread_id=None)
    assert not await posts.keep_claim(store, GUILD, "2026-W11")


# -- alerts ------------------------------------------------------------------------------------------


async def test_an_alert_is_claimed_once_until_cleared(store: Store) -> None:
    key = posts.digest_alert("2026-W11")
    assert await posts.claim_alert(store, GUILD, key)
    assert not await posts.claim_alert(store, GUILD, key)
    assert await posts.claim_alert(store, OTHER, key)  # per server
    assert await store.alert_keys(GUILD) == {key}
    await store.clear_alert(GUILD, key)
    assert await posts.claim_alert(store, GUILD, key)


async def test_source_alerts_name_the_failing_sources_a_server_sees_and_forget_recovered_ones(store: Store) -> None:
    shared = await store.register_source("feed", "https://shared.example/feed", "Shared", 0)
    other = await store.register_source("feed", "https://other.example/feed", "Other's", OTHER)
    await store.record_source_failure(shared.id, "HTTP 503", None)
    await store.record_source_failure(other.id, "HTTP 404", None)

    failing = await posts.source_alerts(store, GUILD)
    assert list(failing) == [posts.source_alert(shared.id)]  # not the other server's source
    assert failing[posts.source_alert(shared.id)].last_error == "HTTP 503"
    for key in failing:
        assert await posts.claim_alert(store, GUILD, key)
    await posts.claim_alert(store, GUILD, posts.digest_alert("2026-W11"))

    await store.set_source_enabled(shared.id, True)  # recovered: failures forgotten
    assert await posts.source_alerts(store, GUILD) == {}
    assert await store.alert_keys(GUILD) == {posts.digest_alert("2026-W11")}  # only source alerts cleared
