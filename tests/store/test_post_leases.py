"""Claims on a weekly post are leased (both engines, each store its own connection like a process of its own):
taken over only when the owner's lease ran out or the owner is known dead, never while it still posts."""

from __future__ import annotations

import asyncio

from bot.store.engine import open_database

GUILD, WEEK = (7 << 22) | 5, "2026-W11"


async def test_a_claim_is_taken_over_only_from_an_owner_known_dead_and_the_old_owner_is_shut_out(
    database_url: str,
) -> None:
    async with await open_database(database_url) as first, await open_database(database_url) as second:
        assert await first.claim_digest_post(GUILD, WEEK, 5, owner="h:1:a", lease_seconds=600) is not None
        assert await first.record_digest_part(GUILD, WEEK, 1, message_id=900, thread_id=None, owner="h:1:a")
        assert await second.claim_digest_post(GUILD, WEEK, 5, owner="h:2:b", lease_seconds=600) is None
        assert await second.claim_digest_post(GUILD, WEEK, 5, owner="h:2:b", void_owner="h:9:z") is None
        taken = await second.claim_digest_post(GUILD, WEEK, 5, owner="h:2:b", lease_seconds=600, void_owner="h:1:a")
        assert taken is not None
        assert (taken.status, taken.parts_sent, taken.message_id, taken.last_message_id, taken.attempts) == (
            "posting", 1, 900, 900, 2
        )
        assert taken.lease_owner == "h:2:b" and taken.claimed_at is not None
        # the first owner, had it lived on, can neither record, renew nor end what is no longer its claim
        assert not await first.record_digest_part(GUILD, WEEK, 2, message_id=901, thread_id=None, owner="h:1:a")
        assert not await first.renew_digest_post(GUILD, WEEK, "h:1:a", 600)
        assert not await first.end_digest_post(GUILD, WEEK, "failed", "gone", owner="h:1:a")
        assert await second.record_digest_part(GUILD, WEEK, 2, message_id=902, thread_id=None, owner="h:2:b")
        assert await second.end_digest_post(GUILD, WEEK, "posted", owner="h:2:b")
        done = await first.digest_post(GUILD, WEEK)
        assert done is not None
        assert (done.status, done.parts_sent, done.message_id, done.last_message_id, done.lease_owner) == (
            "posted", 2, 900, 902, None
        )
        assert await first.claim_digest_post(GUILD, WEEK, 5, owner="h:1:a", void_owner="h:2:b", force=True) is None


async def test_a_lease_that_runs_out_frees_the_claim_and_renewing_keeps_it(database_url: str) -> None:
    async with await open_database(database_url) as first, await open_database(database_url) as second:
        await first.claim_digest_post(GUILD, WEEK, 5, owner="h:1:a", lease_seconds=600)
        assert await first.renew_digest_post(GUILD, WEEK, "h:1:a", 600)
        assert await second.claim_digest_post(GUILD, WEEK, 5, owner="h:2:b") is None  # still renewed
        assert await first.renew_digest_post(GUILD, WEEK, "h:1:a", -1)  # stalls: its lease has run out
        taken = await second.claim_digest_post(GUILD, WEEK, 5, owner="h:2:b", lease_seconds=600)
        assert taken is not None and taken.lease_owner == "h:2:b"
        [left] = await first.digest_posts_in_flight()
        assert (left.guild_id, left.week, left.lease_owner) == (GUILD, WEEK, "h:2:b")
        assert await first.digest_posts_in_flight([0], 2) == []  # its server is on shard (7 % 2) == 1
        assert [p.guild_id for p in await first.digest_posts_in_flight([1], 2)] == [GUILD]


async def test_processes_racing_to_take_over_a_lapsed_claim_get_one_claim(database_url: str) -> None:
    stores = [await open_database(database_url) for _ in range(5)]
    try:
        await stores[0].claim_digest_post(GUILD, WEEK, 5, owner="h:0:dead", lease_seconds=-1)
        claims = await asyncio.gather(
            *(s.claim_digest_post(GUILD, WEEK, 5, owner=f"h:{n}:{k}", lease_seconds=600)
              for n, s in enumerate(stores) for k in range(3))
        )
        won = [c for c in claims if c is not None]
        assert len(won) == 1 and won[0].attempts == 2
        held = await stores[0].digest_post(GUILD, WEEK)
        assert held is not None and held.lease_owner == won[0].lease_owner
    finally:
        for store in stores:
            await store.close()
